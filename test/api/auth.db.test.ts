import pino from 'pino';
import request from 'supertest';
import { createApiKey, listApiKeys, revokeApiKey } from '../../src/auth/api-key-repository';
import { loadConfig } from '../../src/config';
import { createContext } from '../../src/context';
import { startTestApp, type TestApp, FURTHER_LISTS_OFF } from '../helpers/test-app';
import { openTestDatabase, TEST_DATABASE_KIND } from '../helpers/test-database';

let t: TestApp;
// Keys are ssk_<12-character id>_<secret>; the secret itself may contain '_'.
const secretOf = (key: string) => key.slice('ssk_'.length + 12 + 1);
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_MAX: '0' });
});
afterAll(async () => {
  await t?.close();
});

describe(`API keys on ${TEST_DATABASE_KIND}`, () => {
  it('runs open with no key outside production and says so in /readyz', async () => {
    await request(t.app).get('/v1/datasets').expect(200);
    const ready = await request(t.app).get('/readyz').expect(200);
    expect(ready.body.warnings.join(' ')).toMatch(/OPEN MODE/);
    const whoami = await request(t.app).get('/v1/whoami').expect(200);
    expect(whoami.body).toEqual({ open: true, keyId: null, scopes: expect.arrayContaining(['screen', 'read', 'review', 'audit', 'admin']) });
  });

  describe('once a key exists', () => {
    let screenKey: string;
    let readKey: string;
    let adminKey: string;
    beforeAll(async () => {
      const db = t.context.database.db;
      screenKey = (await createApiKey(db, { name: 'screening', scopes: ['screen'] })).key;
      readKey = (await createApiKey(db, { name: 'reader', scopes: ['read'] })).key;
      adminKey = (await createApiKey(db, { name: 'admin', scopes: ['admin'] })).key;
      // The open-mode check is cached for a few seconds; wait it out rather than reach into the cache.
      await new Promise((r) => setTimeout(r, 5200));
    });

    it('generates keys with at least 128 bits of secret and stores only a hash', async () => {
      const secret = secretOf(screenKey);
      expect(Buffer.from(secret, 'base64url').length).toBeGreaterThanOrEqual(16);
      const rows = await t.context.database.db.selectFrom('api_keys').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(secret);
    });

    it('tells a key its own id and scopes at /v1/whoami, and a request without a key 401', async () => {
      const res = await request(t.app).get('/v1/whoami').set('Authorization', `Bearer ${readKey}`).expect(200);
      expect(res.body).toMatchObject({ open: false, scopes: ['read'] });
      expect(JSON.stringify(res.body)).not.toContain(secretOf(readKey));
      await request(t.app).get('/v1/whoami').expect(401);
      await request(t.app).get('/v1/whoami').set('Authorization', 'Bearer ssk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(401);
    });

    it('rejects a request without a key with 401 problem+json and WWW-Authenticate', async () => {
      const res = await request(t.app).post('/v1/screen').send({ name: 'Pak Yong Sik' });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    it.each([
      ['an unknown key', 'Bearer ssk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
      ['a malformed key', 'Bearer not-a-key'],
      ['a non-Bearer scheme', 'Basic dXNlcjpwYXNz'],
    ])('rejects %s with 401', async (_label, header) => {
      const res = await request(t.app).get('/v1/datasets').set('Authorization', header);
      expect(res.status).toBe(401);
    });

    it('answers 403 problem+json when the key lacks the scope', async () => {
      const res = await request(t.app).post('/v1/screen').set('Authorization', `Bearer ${readKey}`).send({ name: 'x' });
      expect(res.status).toBe(403);
      expect(res.body.detail).toContain('"screen"');
      await request(t.app).get('/v1/screenings').set('Authorization', `Bearer ${screenKey}`).expect(403);
      await request(t.app).get('/metrics').set('Authorization', `Bearer ${readKey}`).expect(403);
    });

    it('lets each scope through to its endpoints and admin through to all', async () => {
      const res = await request(t.app).post('/v1/screen').set('Authorization', `Bearer ${screenKey}`).send({ name: 'Pak Yong Sik' }).expect(200);
      await request(t.app).get('/v1/entities/un-KPi.063').set('Authorization', `Bearer ${readKey}`).expect(200);
      const record = await request(t.app).get(`/v1/screenings/${res.body.screeningId}`).set('Authorization', `Bearer ${adminKey}`).expect(200);
      const keyId = screenKey.split('_')[1];
      expect(record.body.apiKeyId).toBe(keyId);
      expect(JSON.stringify(record.body)).not.toContain(secretOf(screenKey));
      const metrics = await request(t.app).get('/metrics').set('Authorization', `Bearer ${adminKey}`).expect(200);
      expect(metrics.text).toContain('screenings_total');
    });

    it('keeps /healthz, /readyz, /openapi.json and /docs open', async () => {
      await request(t.app).get('/healthz').expect(200);
      const ready = await request(t.app).get('/readyz').expect(200);
      expect(ready.body.warnings).toEqual([]);
      await request(t.app).get('/openapi.json').expect(200);
      await request(t.app).get('/docs/').expect(200);
    });

    it('refuses a revoked key at once and records last use', async () => {
      const { key, info } = await createApiKey(t.context.database.db, { name: 'short-lived', scopes: ['read'] });
      await request(t.app).get('/v1/datasets').set('Authorization', `Bearer ${key}`).expect(200);
      expect(await revokeApiKey(t.context.database.db, info.id)).toBe(true);
      await request(t.app).get('/v1/datasets').set('Authorization', `Bearer ${key}`).expect(401);
      const listed = (await listApiKeys(t.context.database.db)).find((k) => k.id === info.id);
      expect(listed?.revokedAt).not.toBeNull();
    });

    it('creates and revokes keys over the API for admins, showing the key once', async () => {
      const created = await request(t.app)
        .post('/v1/keys')
        .set('Authorization', `Bearer ${adminKey}`)
        .send({ name: 'nightly', scopes: ['screen'] })
        .expect(201);
      expect(created.body.key).toMatch(/^ssk_/);
      const listed = await request(t.app).get('/v1/keys').set('Authorization', `Bearer ${adminKey}`).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
      await request(t.app).delete(`/v1/keys/${created.body.id}`).set('Authorization', `Bearer ${adminKey}`).expect(204);
      await request(t.app).post('/v1/screen').set('Authorization', `Bearer ${created.body.key}`).send({ name: 'x' }).expect(401);
    });
  });
});

describe('rate limits', () => {
  it('answers 429 problem+json with RateLimit headers past the per-key limit', async () => {
    const limited = await startTestApp({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' });
    try {
      for (let i = 0; i < 3; i++) {
        const ok = await request(limited.app).get('/v1/datasets').expect(200);
        expect(ok.headers['ratelimit-limit']).toBe('3');
        expect(ok.headers['ratelimit-remaining']).toBe(String(2 - i));
      }
      const res = await request(limited.app).get('/v1/datasets');
      expect(res.status).toBe(429);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.headers['ratelimit-reset']).toBeDefined();
      await request(limited.app).get('/healthz').expect(200);
    } finally {
      await limited.close();
    }
  });
});

describe('production', () => {
  it('refuses to start without an API key', async () => {
    const database = await openTestDatabase();
    const context = await createContext(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', ...FURTHER_LISTS_OFF }), {
      database,
      log: pino({ level: 'silent' }),
    });
    try {
      await expect(context.prepare()).rejects.toThrow(/no API key exists/);
    } finally {
      await context.close();
    }
  });
});
