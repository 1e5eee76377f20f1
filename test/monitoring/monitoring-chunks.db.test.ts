import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config';
import { processChunk, type ChunkWork } from '../../src/jobs/process-chunk';
import { ScreeningPool } from '../../src/jobs/screening-pool';
import { startTestApp, type TestApp } from '../helpers/test-app';
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
beforeAll(async () => {
  t = await startTestApp({ UN_LIST_FILE: LIST_2024, DATASET_POLL_INTERVAL_MS: '0', MONITORING_MODE: 'full', JOB_WORKERS: 'false', JOB_CHUNK_ROWS: '2' });
  pool = new ScreeningPool({ threads: 1, nice: 0 }, log);
});
afterAll(async () => {
  await pool?.close();
  await t?.close();
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
    // Enrolment screens through the screening service, not the job queue.
    await request(t.app).post('/v1/monitors').send({ items: book }).expect(200);
    await request(t.app).post('/v1/datasets/un/versions').set('Content-Type', 'application/xml').send(readFileSync(LIST_2026)).expect(201);
    const job = await t.context.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'monitoring').executeTakeFirstOrThrow();
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
  });
});
