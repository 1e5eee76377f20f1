import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config';
import { processChunk, type ChunkWork } from '../../src/jobs/process-chunk';
import { ScreeningPool } from '../../src/jobs/screening-pool';
import { Webhook } from 'standardwebhooks';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { startReceiver, type Receiver } from '../webhooks/helpers/receiver';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

/**
 * A monitoring job's chunks driven by hand (this app's workers are off): a chunk delivered twice, even to two workers
 * at once — what a replica killed mid-run leaves behind — raises each alert once and loses none.
 */

const LIST_2024 = path.join(PROJECT_ROOT, 'data/un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(PROJECT_ROOT, 'data/un/consolidated-2026-02-27.xml');
const log = pino({ level: 'silent' });

let t: TestApp;
let pool: ScreeningPool;
let receiver: Receiver;
beforeAll(async () => {
  t = await startTestApp({
    UN_LIST_FILE: LIST_2024,
    DATASET_POLL_INTERVAL_MS: '0',
    MONITORING_MODE: 'full',
    JOB_WORKERS: 'false',
    JOB_CHUNK_ROWS: '2',
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_POLL_INTERVAL_MS: '50',
  });
  pool = new ScreeningPool({ threads: 1, nice: 0 }, log);
  receiver = await startReceiver();
});
afterAll(async () => {
  await pool?.close();
  await t?.close();
  await receiver?.close();
});

describe(`monitoring chunks on ${TEST_DATABASE_KIND}`, () => {
  it('raises each alert once however often a chunk is delivered', async () => {
    // Two counterparties the 2026 list adds (Iran's first designations) and two whose entries it removes.
    const book = [
      { reference: 'A-1', name: 'FEREIDOUN ABBASI-DAVANI', type: 'person' },
      { reference: 'A-2', name: 'DAWOOD AGHA-JANI', type: 'person' },
      { reference: 'R-1', name: 'LIONEL DUMONT', type: 'person' },
      { reference: 'R-2', name: 'ABDELHAFIZ ZLITNI', type: 'person' },
    ];
    // A case manager takes alert events; it is down for the first three attempts.
    const { secret } = (await request(t.app).post('/v1/webhooks').send({ url: receiver.url, events: ['alert.created', 'dataset.updated'] }).expect(201)).body;
    receiver.plan([500, 503, 'reset']);
    // Enrolment screens through the screening service, not the job queue.
    await request(t.app).post('/v1/monitors').send({ items: book }).expect(200);
    await request(t.app).post('/v1/datasets/un/versions').set('Content-Type', 'application/xml').send(readFileSync(LIST_2026)).expect(201);
    // The monitoring job is set up in the background once the import has answered.
    let job = await t.context.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'monitoring').executeTakeFirst();
    while (!job) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = await t.context.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'monitoring').executeTakeFirst();
    }
    expect(job).toMatchObject({ status: 'queued', total: 4, chunks: 2 });

    const work: ChunkWork = {
      db: t.context.database.db,
      pool,
      snapshot: () => t.context.data.snapshot,
      snapshotFor: (versions) => t.context.snapshots.forVersions(versions),
      onCommit: (trx, chunk) => t.context.monitoring.onChunkCommit(trx, chunk),
      worker: 'test',
      limit: 10,
    };
    const twice = await Promise.all([processChunk(work, { jobId: job.id, chunk: 0 }), processChunk(work, { jobId: job.id, chunk: 0 })]);
    expect(twice.filter((outcome) => outcome === 'committed')).toHaveLength(1);
    expect(await processChunk(work, { jobId: job.id, chunk: 0 })).toBe('skipped');
    expect(await processChunk(work, { jobId: job.id, chunk: 1 })).toBe('committed');

    const alerts = await t.context.database.db.selectFrom('alerts').select(['kind', 'reference', 'entity_id']).execute();
    const keys = alerts.map((a) => `${a.kind} ${a.reference}`).sort();
    expect(keys).toEqual(['match-removed R-1', 'match-removed R-2', 'new-match A-1', 'new-match A-2']);
    const finished = (await request(t.app).get(`/v1/jobs/${job.id}`).expect(200)).body;
    expect(finished).toMatchObject({ status: 'succeeded', processed: 4 });

    // Every event reaches it once it recovers, each signed, none lost: 4 alerts and the new list version.
    const delivered = () => receiver.received.filter((r) => r.answer === 204);
    while (delivered().length < 5) await new Promise((resolve) => setTimeout(resolve, 50));
    const verifier = new Webhook(secret);
    const events = delivered().map((r) => verifier.verify(r.body, r.headers) as { type: string; data: { reference?: string } });
    expect(events.filter((e) => e.type === 'alert.created').map((e) => e.data.reference).sort()).toEqual(['A-1', 'A-2', 'R-1', 'R-2']);
    expect(events.filter((e) => e.type === 'dataset.updated')).toHaveLength(1);
    expect(new Set(delivered().map((r) => r.headers['webhook-id'])).size).toBe(5);
  });
});
