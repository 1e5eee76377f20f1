import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { claimDueDeliveries, enqueueWebhookEvent } from '../../src/webhooks/webhook-repository';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';
import { startReceiver, waitUntil, type Receiver, type ReceivedRequest } from './helpers/receiver';

// Fast retries so a flaky receiver recovers within the test: waits of at most 20, 40, 80, then 100 ms.
const ENV = {
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOK_RETRY_BASE_MS: '20',
  WEBHOOK_RETRY_MAX_MS: '100',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_POLL_INTERVAL_MS: '20',
};

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  createdAt: string;
  attemptCount: number;
  attempts: { trigger: string; statusCode: number | null; error: string | null; responseExcerpt: string | null; durationMs: number }[];
}

let t: TestApp;
let receiver: Receiver;
let endpoint: { id: string; secret: string };

beforeAll(async () => {
  t = await startTestApp(ENV);
  receiver = await startReceiver();
  const res = await request(t.app)
    .post('/v1/webhooks')
    .send({ url: receiver.url, events: ['alert.created', 'alert.closed', 'disposition.recorded'] })
    .expect(201);
  endpoint = { id: res.body.id, secret: res.body.secret };
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

async function deliveries(): Promise<Delivery[]> {
  const res = await request(t.app).get(`/v1/webhooks/${endpoint.id}/deliveries?limit=500`).expect(200);
  return res.body.items as Delivery[];
}

async function deliveryOf(eventId: string): Promise<Delivery | undefined> {
  return (await deliveries()).find((d) => d.eventId === eventId);
}

const requestsFor = (eventId: string) => receiver.received.filter((r) => r.headers['webhook-id'] === eventId);

/** Verifies a request as a receiver would, with the standardwebhooks package; returns the parsed payload. */
const verify = (r: ReceivedRequest) => new Webhook(endpoint.secret).verify(r.body, r.headers) as { type: string; timestamp: string; data: Record<string, unknown> };

describe(`webhook delivery on ${TEST_DATABASE_KIND}`, () => {
  it('delivers every event to a receiver that fails its first attempts, signed, with one webhook-id per event across retries', async () => {
    receiver.plan([503, 'hang', 500, 'reset', 429, 502]);
    const events = [];
    for (let i = 1; i <= 5; i++) {
      const type = i % 2 === 0 ? 'alert.closed' : 'alert.created';
      events.push({ type, data: { alertId: `alt_${i}`, note: `event ${i}` }, ...(await t.context.webhooks.publish(type, { alertId: `alt_${i}`, note: `event ${i}` })) });
    }
    expect(events.every((e) => e.deliveries === 1 && e.eventId?.startsWith('msg_'))).toBe(true);

    await waitUntil(async () => (await deliveries()).filter((d) => d.status === 'delivered').length === events.length);

    for (const event of events) {
      const requests = requestsFor(event.eventId as string);
      // Every attempt carried the same id and body, and a valid signature over them.
      expect(requests.length).toBeGreaterThanOrEqual(1);
      expect(new Set(requests.map((r) => r.body)).size).toBe(1);
      for (const r of requests) {
        expect(r.contentType).toBe('application/json');
        expect(verify(r)).toEqual({ type: event.type, timestamp: expect.any(String), data: event.data });
      }
      expect(requests[requests.length - 1]?.answer).toBe(204);
      // Every attempt is logged, newest first, with its answer.
      const delivery = (await deliveryOf(event.eventId as string)) as Delivery;
      expect(delivery).toMatchObject({ status: 'delivered', eventType: event.type, attemptCount: requests.length });
      expect(delivery.attempts[0]).toMatchObject({ trigger: 'schedule', statusCode: 204, error: null });
      expect(delivery.attempts.slice(1).every((a) => a.error !== null && a.statusCode !== 204)).toBe(true);
    }
    // None lost: every event was answered 2xx, and the planned failures were all met first.
    const acknowledged = new Set(receiver.received.filter((r) => r.answer === 204).map((r) => r.headers['webhook-id']));
    expect([...acknowledged].sort()).toEqual(events.map((e) => e.eventId).sort());
    expect(receiver.received.slice(0, 6).map((r) => r.answer)).toEqual([503, 'hang', 500, 'reset', 429, 502]);
  });

  it('logs why each failed attempt failed: the status and answer, a timeout, a dropped connection', async () => {
    const attempts = (await deliveries()).flatMap((d) => d.attempts);
    expect(attempts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ statusCode: 503, error: 'answered 503', responseExcerpt: 'planned failure 503' }),
        expect.objectContaining({ statusCode: null, error: 'no answer within 2000 ms' }),
        expect.objectContaining({ statusCode: null, error: expect.stringMatching(/socket hang up|ECONNRESET/) }),
      ]),
    );
  });

  it('does not deliver an event type the endpoint did not subscribe to', async () => {
    const published = await t.context.webhooks.publish('dataset.updated', { datasetId: 'un', version: '2026-12-05' });
    expect(published).toEqual({ eventId: null, deliveries: 0 });
  });

  it('redelivers a delivered event with the same webhook-id and body, and logs the new attempt', async () => {
    const [latest] = await deliveries();
    const delivery = latest as Delivery;
    const before = requestsFor(delivery.eventId);
    const res = await request(t.app).post(`/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`).expect(200);
    expect(res.body).toMatchObject({ id: delivery.id, status: 'delivered', attemptCount: delivery.attemptCount + 1 });
    expect(res.body.attempts[0]).toMatchObject({ trigger: 'redeliver', statusCode: 204 });
    const after = requestsFor(delivery.eventId);
    expect(after).toHaveLength(before.length + 1);
    const again = after[after.length - 1] as ReceivedRequest;
    expect(again.body).toBe(before[0]?.body);
    expect(verify(again)).toMatchObject({ data: expect.any(Object) });
  });

  it('lists deliveries newest first, page by page', async () => {
    const all = await deliveries();
    const first = await request(t.app).get(`/v1/webhooks/${endpoint.id}/deliveries?limit=2`).expect(200);
    const second = await request(t.app).get(`/v1/webhooks/${endpoint.id}/deliveries?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    const paged = [...first.body.items, ...second.body.items].map((d: Delivery) => d.id);
    expect(paged).toEqual(all.slice(0, 4).map((d) => d.id));
    const created = all.map((d) => Date.parse(d.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('answers 404 problem+json for a delivery of another endpoint or none', async () => {
    const res = await request(t.app).post(`/v1/webhooks/${endpoint.id}/deliveries/dlv_nope/redeliver`).expect(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.detail).toContain('"dlv_nope"');
  });

  it('never delivers an event enqueued in a transaction that rolls back', async () => {
    const rolledBack: { eventId?: string | null } = {};
    await expect(
      t.context.database.db.transaction().execute(async (trx) => {
        rolledBack.eventId = (await enqueueWebhookEvent(trx, { type: 'alert.created', data: { alertId: 'alt_rolled_back' } })).eventId;
        throw new Error('the publisher failed after enqueueing');
      }),
    ).rejects.toThrow('the publisher failed');
    const rolledBackId = rolledBack.eventId ?? '';
    expect(rolledBackId).toMatch(/^msg_/);

    // An event committed afterwards is delivered; the rolled-back one was never stored, so is never sent.
    const committed = await t.context.database.db
      .transaction()
      .execute((trx) => enqueueWebhookEvent(trx, { type: 'alert.created', data: { alertId: 'alt_committed' } }));
    await waitUntil(async () => (await deliveryOf(committed.eventId ?? ''))?.status === 'delivered');
    expect(requestsFor(rolledBackId)).toHaveLength(0);
    expect(receiver.received.some((r) => r.body.includes('alt_rolled_back'))).toBe(false);
    const stored = await t.context.database.db.selectFrom('webhook_events').select('id').where('id', '=', rolledBackId).execute();
    expect(stored).toHaveLength(0);
  });

  it('delivers a delivery claimed by a dispatcher that died once its lease expires', async () => {
    const db = t.context.database.db;
    // A "dead" dispatcher: it claims the delivery (in the same transaction as the event, so the live one cannot
    // take it first), and never sends it nor records anything.
    const { eventId, claimed } = await db.transaction().execute(async (trx) => {
      const enqueued = await enqueueWebhookEvent(trx, { type: 'disposition.recorded', data: { alertId: 'alt_lease', disposition: 'false-positive' } });
      return { eventId: enqueued.eventId as string, claimed: await claimDueDeliveries(trx, { limit: 100, leaseMs: 1_500, now: new Date() }) };
    });
    const row = await db.selectFrom('webhook_deliveries').selectAll().where('event_id', '=', eventId).executeTakeFirstOrThrow();
    expect(claimed).toContain(row.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    // The claim holds it for the lease: not due again before 1.5 s after it was created and claimed.
    expect(new Date(row.next_attempt_at as Date).getTime()).toBeGreaterThanOrEqual(new Date(row.created_at).getTime() + 1_500);

    await waitUntil(async () => (await deliveryOf(eventId))?.status === 'delivered');
    const delivery = (await deliveryOf(eventId)) as Delivery;
    expect(delivery.attemptCount).toBe(1);
    const [received] = requestsFor(eventId);
    expect(verify(received as ReceivedRequest)).toMatchObject({ type: 'disposition.recorded', data: { alertId: 'alt_lease' } });
  });

  it('fails pending deliveries when the endpoint is disabled, keeps its history, and refuses redelivery', async () => {
    receiver.plan([], 503);
    const { eventId } = await t.context.webhooks.publish('alert.created', { alertId: 'alt_disabled' });
    await waitUntil(async () => ((await deliveryOf(eventId as string))?.attemptCount ?? 0) >= 1);
    await request(t.app).delete(`/v1/webhooks/${endpoint.id}`).expect(204);

    const history = await deliveries();
    expect(history.length).toBeGreaterThan(5);
    const disabled = history.find((d) => d.eventId === eventId) as Delivery;
    expect(disabled).toMatchObject({ status: 'failed', failure: 'the endpoint was disabled', nextAttemptAt: null });
    const res = await request(t.app).post(`/v1/webhooks/${endpoint.id}/deliveries/${disabled.id}/redeliver`).expect(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect((await t.context.webhooks.publish('alert.created', { alertId: 'alt_after' })).deliveries).toBe(0);
  });
});
