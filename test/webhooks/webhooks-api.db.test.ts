import request from 'supertest';
import { createApiKey } from '../../src/auth/api-key-repository';
import { insertEndpoint } from '../../src/webhooks/webhook-repository';
import { generateWebhookSecret } from '../../src/webhooks/webhook-signature';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';
import { startReceiver, waitUntil, type Receiver } from './helpers/receiver';

// Public addresses written as IP literals: registering them needs no DNS. No event these endpoints subscribe to is
// ever published here, so nothing is sent beyond localhost.
const PUBLIC_V4 = 'https://93.184.215.14/hooks/sanctions';
const PUBLIC_V6 = 'https://[2606:4700:4700::1111]/hooks';
const UNPUBLISHED = ['dataset.updated'];

let t: TestApp;
let receiver: Receiver;
let admin: string;
let reader: string;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_MAX: '0', WEBHOOK_POLL_INTERVAL_MS: '20', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' });
  // Keys exist before the first request, so the service is closed (not in open development mode) from the start.
  admin = (await createApiKey(t.context.database.db, { name: 'admin', scopes: ['admin'] })).key;
  reader = (await createApiKey(t.context.database.db, { name: 'reader', scopes: ['read', 'audit', 'screen', 'review'] })).key;
  receiver = await startReceiver();
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

const asAdmin = (req: request.Test) => req.set('Authorization', `Bearer ${admin}`);
const register = (body: Record<string, unknown>) => asAdmin(request(t.app).post('/v1/webhooks')).send(body);

describe(`webhook endpoints API on ${TEST_DATABASE_KIND}`, () => {
  it('registers an endpoint and shows its Standard Webhooks secret once, never in list or get', async () => {
    const res = await register({ url: PUBLIC_V4, events: [...UNPUBLISHED, 'dataset.updated'], description: 'case manager' }).expect(201);
    expect(res.body).toMatchObject({ url: PUBLIC_V4, events: UNPUBLISHED, description: 'case manager', disabledAt: null });
    expect(res.body.id).toMatch(/^wh_/);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(res.body.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);

    const one = await asAdmin(request(t.app).get(`/v1/webhooks/${res.body.id}`)).expect(200);
    const list = await asAdmin(request(t.app).get('/v1/webhooks')).expect(200);
    const { secret, ...shown } = res.body;
    expect(one.body).toEqual(shown);
    expect(list.body.items).toContainEqual(shown);
    expect(JSON.stringify([one.body, list.body])).not.toContain(secret.slice('whsec_'.length));
    expect(JSON.stringify([one.body, list.body])).not.toContain('"secret"');
  });

  it('gives each endpoint its own secret', async () => {
    const a = await register({ url: PUBLIC_V6, events: UNPUBLISHED }).expect(201);
    const b = await register({ url: PUBLIC_V6, events: UNPUBLISHED }).expect(201);
    expect(a.body.secret).not.toBe(b.body.secret);
  });

  it.each([
    ['a non-http scheme', 'ftp://93.184.215.14/hook', /http/],
    ['a file URL', 'file:///etc/passwd', /http/],
    ['loopback', 'http://127.0.0.1:8080/hook', /loopback/],
    ['loopback in another spelling', 'http://2130706433/hook', /loopback/],
    ['a private 10.x address', 'http://10.1.2.3/hook', /private/],
    ['a private 192.168.x address', 'https://192.168.0.10/hook', /private/],
    ['a private 172.16.x address', 'https://172.20.0.1/hook', /private/],
    ['the link-local cloud metadata address', 'http://169.254.169.254/latest/meta-data', /link-local/],
    ['carrier-grade NAT', 'http://100.64.0.7/hook', /carrier-grade NAT/],
    ['the unspecified address', 'http://0.0.0.0:3000/hook', /unspecified/],
    ['IPv6 loopback', 'http://[::1]:3000/hook', /loopback/],
    ['IPv6 unspecified', 'http://[::]/hook', /unspecified/],
    ['IPv6 unique-local', 'http://[fc00::1]/hook', /unique-local/],
    ['IPv6 unique-local fd00::/8', 'http://[fd12:3456::1]/hook', /unique-local/],
    ['IPv6 link-local', 'http://[fe80::1]/hook', /link-local/],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/hook', /loopback/],
    ['IPv4-mapped IPv6 private', 'http://[::ffff:10.0.0.1]/hook', /private/],
    ['a hostname resolving to loopback', 'http://localhost:3000/hook', /localhost.*127\.0\.0\.1|localhost.*::1/],
  ])('refuses %s with 400 problem+json naming url', async (_label, url, reason) => {
    const res = await register({ url, events: ['alert.created'] }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.url', message: expect.stringMatching(reason) })]);
  });

  it('refuses an unknown event type and an empty list with 400 naming events', async () => {
    const unknown = await register({ url: PUBLIC_V4, events: ['alert.exploded'] }).expect(400);
    expect(unknown.body.errors[0].path).toBe('body.events.0');
    const empty = await register({ url: PUBLIC_V4, events: [] }).expect(400);
    expect(empty.body.errors[0].path).toBe('body.events');
  });

  it('pages the endpoint list with a cursor and refuses a forged one', async () => {
    const all = await asAdmin(request(t.app).get('/v1/webhooks?limit=500')).expect(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(3);
    const first = await asAdmin(request(t.app).get('/v1/webhooks?limit=2')).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await asAdmin(request(t.app).get(`/v1/webhooks?limit=2&cursor=${first.body.nextCursor}`)).expect(200);
    expect([...first.body.items, ...second.body.items].map((e: { id: string }) => e.id)).toEqual(
      all.body.items.slice(0, 2 + second.body.items.length).map((e: { id: string }) => e.id),
    );
    const forged = await asAdmin(request(t.app).get('/v1/webhooks?cursor=bm90LWEtY3Vyc29y')).expect(400);
    expect(forged.body.errors[0].path).toBe('cursor');
  });

  it('disables an endpoint with DELETE: 204, then shown disabled; again or unknown is 404', async () => {
    const created = await register({ url: PUBLIC_V4, events: UNPUBLISHED }).expect(201);
    await asAdmin(request(t.app).delete(`/v1/webhooks/${created.body.id}`)).expect(204);
    const shown = await asAdmin(request(t.app).get(`/v1/webhooks/${created.body.id}`)).expect(200);
    expect(shown.body.disabledAt).toEqual(expect.any(String));
    await asAdmin(request(t.app).delete(`/v1/webhooks/${created.body.id}`)).expect(404);
    const missing = await asAdmin(request(t.app).get('/v1/webhooks/wh_nope')).expect(404);
    expect(missing.body.detail).toContain('"wh_nope"');
    await asAdmin(request(t.app).get('/v1/webhooks/wh_nope/deliveries')).expect(404);
  });

  it('requires the admin scope', async () => {
    await request(t.app).get('/v1/webhooks').expect(401);
    const res = await request(t.app).get('/v1/webhooks').set('Authorization', `Bearer ${reader}`).expect(403);
    expect(res.body.detail).toContain('"admin"');
    await request(t.app).post('/v1/webhooks').set('Authorization', `Bearer ${reader}`).send({ url: PUBLIC_V4, events: UNPUBLISHED }).expect(403);
  });

  it('fails the attempt, sending nothing, when an endpoint now resolves to a private address', async () => {
    // As if the endpoint's DNS had changed since it was registered: its host now is loopback.
    const endpoint = await insertEndpoint(t.context.database.db, {
      url: receiver.url,
      events: ['alert.closed'],
      description: null,
      secret: generateWebhookSecret(),
    });
    const { eventId } = await t.context.webhooks.publish('alert.closed', { alertId: 'alt_rebound' });
    const attempted = async () => {
      const res = await asAdmin(request(t.app).get(`/v1/webhooks/${endpoint.id}/deliveries`)).expect(200);
      return res.body.items.find((d: { eventId: string; attemptCount: number }) => d.eventId === eventId && d.attemptCount >= 1);
    };
    await waitUntil(async () => (await attempted()) !== undefined);
    const delivery = await attempted();
    expect(delivery.status).toBe('pending');
    expect(delivery.attempts[0]).toMatchObject({
      trigger: 'schedule',
      statusCode: null,
      error: expect.stringMatching(/^refused target: host "127\.0\.0\.1" is not a public address \(loopback\)/),
    });
    expect(receiver.received).toHaveLength(0);
    await asAdmin(request(t.app).delete(`/v1/webhooks/${endpoint.id}`)).expect(204);
  });
});
