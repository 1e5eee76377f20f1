import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';
import { startReceiver, waitUntil, type Receiver } from './helpers/receiver';

// A retry window of 1.8 seconds (0.0005 h) with waits of at most 50 ms, so giving up happens within the test.
const RETRY_FOR_HOURS = 0.0005;
const ENV = {
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOK_RETRY_BASE_MS: '10',
  WEBHOOK_RETRY_MAX_MS: '50',
  WEBHOOK_RETRY_FOR_HOURS: String(RETRY_FOR_HOURS),
  WEBHOOK_TIMEOUT_MS: '5000',
  WEBHOOK_POLL_INTERVAL_MS: '20',
};

let t: TestApp;
let receiver: Receiver;

beforeAll(async () => {
  t = await startTestApp(ENV);
  receiver = await startReceiver();
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

describe(`webhook retry window on ${TEST_DATABASE_KIND}`, () => {
  it('marks a delivery failed once its retry window has passed, and a redelivery that succeeds marks it delivered', async () => {
    receiver.plan([], 500);
    const registered = await request(t.app).post('/v1/webhooks').send({ url: receiver.url, events: ['dataset.updated'] }).expect(201);
    const { id, secret } = registered.body as { id: string; secret: string };
    const { eventId } = await t.context.webhooks.publish('dataset.updated', { datasetId: 'un', version: '2026-12-05T10:00:00Z' });

    const delivery = async () => {
      const res = await request(t.app).get(`/v1/webhooks/${id}/deliveries`).expect(200);
      return res.body.items[0];
    };
    await waitUntil(async () => (await delivery()).status === 'failed');
    const failed = await delivery();
    expect(failed).toMatchObject({ eventId, status: 'failed', nextAttemptAt: null, deliveredAt: null });
    expect(failed.failure).toMatch(/^no 2xx answer in 1\.8 s over \d+ attempts; the last: answered 500$/);
    expect(failed.attemptCount).toBeGreaterThan(1);
    // Tried for at least the whole window.
    expect(Date.parse(failed.failedAt) - Date.parse(failed.createdAt)).toBeGreaterThanOrEqual(RETRY_FOR_HOURS * 3_600_000);
    expect(receiver.received.filter((r) => r.headers['webhook-id'] === eventId)).toHaveLength(failed.attemptCount);

    receiver.plan([], 200);
    const redelivered = await request(t.app).post(`/v1/webhooks/${id}/deliveries/${failed.id}/redeliver`).expect(200);
    expect(redelivered.body).toMatchObject({ status: 'delivered', failure: null, attemptCount: failed.attemptCount + 1 });
    const last = receiver.received[receiver.received.length - 1];
    expect(last?.headers['webhook-id']).toBe(eventId);
    expect(new Webhook(secret).verify(last?.body ?? '', last?.headers ?? {})).toMatchObject({ type: 'dataset.updated' });
  });
});
