import pino from 'pino';
import PgBoss from 'pg-boss';
import request from 'supertest';
import { verifyChain } from '../../src/audit/audit-repository';
import { CHUNK_QUEUE, type ChunkMessage } from '../../src/jobs/job-queue';
import { commitChunk } from '../../src/jobs/job-repository';
import { pgBossDatabase } from '../../src/jobs/pg-boss-database';
import { createJobService } from '../../src/jobs/job-service';
import { processChunk, type ChunkWork } from '../../src/jobs/process-chunk';
import { ScreeningPool } from '../../src/jobs/screening-pool';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';
import { counterparties, csvFile, parseNdjson, waitForJob } from './helpers/job-files';

/**
 * Chunk processing driven by hand: this app's own workers are off (JOB_WORKERS=false), so each test decides which
 * chunk runs when — the states a killed or racing replica leaves behind, reproduced without timing.
 */
let t: TestApp;
let pool: ScreeningPool;
let work: ChunkWork;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  // No retries: a chunk's attempts are fixed when it is enqueued, and the failure test wants the first to be the last.
  t = await startTestApp({ JOB_WORKERS: 'false', JOB_CHUNK_ROWS: '4', JOB_CHUNK_RETRIES: '0' });
  pool = new ScreeningPool({ threads: 1, nice: 0 }, log);
  work = {
    db: t.context.database.db,
    pool,
    snapshot: () => t.context.data.snapshot,
    snapshotFor: (versions) => t.context.snapshots.forVersions(versions),
    worker: 'test-worker',
    limit: 5,
  };
});
afterAll(async () => {
  await pool?.close();
  await t?.close();
});

async function queuedJob(rows: number): Promise<string> {
  const res = await request(t.app).post('/v1/jobs').set('Content-Type', 'text/csv').send(csvFile(counterparties(rows))).expect(202);
  return res.body.jobId as string;
}

const db = () => t.context.database.db;
const resultLines = async (jobId: string) =>
  (await db().selectFrom('job_results').select('line').where('job_id', '=', jobId).orderBy('line').execute()).map((r) => r.line);
const auditCount = async (jobId: string) => (await db().selectFrom('screenings').select('id').where('job_id', '=', jobId).execute()).length;

describe(`job chunks on ${TEST_DATABASE_KIND}`, () => {
  it('cuts a job into chunks of JOB_CHUNK_ROWS rows, queued until a worker takes them', async () => {
    const jobId = await queuedJob(10);
    const chunks = await db().selectFrom('job_chunks').select(['chunk', 'row_count', 'status']).where('job_id', '=', jobId).orderBy('chunk').execute();
    expect(chunks).toEqual([
      { chunk: 0, row_count: 4, status: 'pending' },
      { chunk: 1, row_count: 4, status: 'pending' },
      { chunk: 2, row_count: 2, status: 'pending' },
    ]);
    const job = (await request(t.app).get(`/v1/jobs/${jobId}`).expect(200)).body;
    expect(job).toMatchObject({ status: 'queued', total: 10, processed: 0, etaSeconds: null, startedAt: null });
  });

  it('runs a chunk once however often it is delivered, even to two workers at the same time', async () => {
    const jobId = await queuedJob(10);
    expect(await processChunk(work, { jobId, chunk: 0 })).toBe('committed');
    expect(await processChunk(work, { jobId, chunk: 0 })).toBe('skipped');
    const raced = await Promise.all([processChunk(work, { jobId, chunk: 1 }), processChunk(work, { jobId, chunk: 1 })]);
    expect(raced.sort()).toEqual(['already-done', 'committed']);
    expect(await resultLines(jobId)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await auditCount(jobId)).toBe(8);
    const chunk = await db().selectFrom('job_chunks').selectAll().where('job_id', '=', jobId).where('chunk', '=', 1).executeTakeFirstOrThrow();
    expect(chunk).toMatchObject({ status: 'done', worker: 'test-worker' });
    expect((await request(t.app).get(`/v1/jobs/${jobId}`).expect(200)).body).toMatchObject({ status: 'running', processed: 8 });
  });

  it('resumes a job where the last worker stopped: no row lost, none twice, the chain intact', async () => {
    const jobId = await queuedJob(10);
    // A first worker commits chunk 1 and dies; the next one is handed every chunk again, in any order.
    await processChunk(work, { jobId, chunk: 1 });
    for (const chunk of [2, 1, 0]) await processChunk(work, { jobId, chunk });
    const job = (await request(t.app).get(`/v1/jobs/${jobId}`).expect(200)).body;
    expect(job).toMatchObject({ status: 'succeeded', total: 10, processed: 10, etaSeconds: 0 });
    expect(await resultLines(jobId)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(await auditCount(jobId)).toBe(10);
    const results = parseNdjson<{ id: string }>((await request(t.app).get(`/v1/jobs/${jobId}/results`).expect(200)).text);
    expect(results.map((r) => r.id)).toEqual(counterparties(10).map((r) => r.id));
    expect(await verifyChain(db())).toMatchObject({ ok: true });
  });

  it('stops a cancelled job: its remaining chunks are skipped and the rows done so far keep their results', async () => {
    const jobId = await queuedJob(10);
    await processChunk(work, { jobId, chunk: 0 });
    const cancelled = await request(t.app).delete(`/v1/jobs/${jobId}`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', processed: 4 });
    expect(cancelled.body.finishedAt).not.toBeNull();
    expect(await processChunk(work, { jobId, chunk: 1 })).toBe('skipped');
    expect(await resultLines(jobId)).toEqual([2, 3, 4, 5]);
    await request(t.app).delete(`/v1/jobs/${jobId}`).expect(200);
    expect((await request(t.app).get(`/v1/jobs/${jobId}`).expect(200)).body).toMatchObject({ status: 'cancelled', processed: 4 });
  });

  it('writes nothing for a chunk screened before its job was cancelled and committed after', async () => {
    const jobId = await queuedJob(4);
    await request(t.app).delete(`/v1/jobs/${jobId}`).expect(200);
    const outcome = await commitChunk(db(), {
      jobId,
      chunk: 0,
      worker: 'late-worker',
      screenMs: 1,
      records: [],
      results: [{ line: 2, ordinal: 0, row_id: 'C-1', reference: null, screening_id: null, decision: 'invalid', matches: '[]', error: 'x' }],
    });
    expect(outcome).toBe('job-inactive');
    expect(await resultLines(jobId)).toEqual([]);
  });

  it('fails a job, with the reason, when one of its chunks runs out of attempts', async () => {
    const jobId = await queuedJob(6);
    // A chunk that lost a row can never be screened whole.
    await db().deleteFrom('job_rows').where('job_id', '=', jobId).where('ordinal', '=', 5).execute();
    const workers = createJobService({
      config: { ...t.context.config, JOB_WORKERS: true, JOB_POLL_INTERVAL_SECONDS: 0.5 },
      log,
      database: t.context.database,
      snapshot: () => t.context.data.snapshot,
      snapshotFor: (versions) => t.context.snapshots.forVersions(versions),
    });
    await workers.start();
    try {
      const job = await waitForJob(t.app, jobId);
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/^chunk 1 failed on every attempt \(1\): chunk 1 of job .+ holds 1 rows, expected 2$/);
      // The failed chunk wrote nothing; chunk 0 has its results only if it committed before the job failed.
      expect((await resultLines(jobId)).filter((line) => line >= 6)).toEqual([]);
      const chunk = await db().selectFrom('job_chunks').selectAll().where('job_id', '=', jobId).where('chunk', '=', 1).executeTakeFirstOrThrow();
      expect(chunk).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringMatching(/holds 1 rows, expected 2$/) });
    } finally {
      await workers.stop();
    }
  });
  it('hands out the chunks of queued jobs in turns, not first come first served: a small job behind a big one waits one chunk', async () => {
    const big = await queuedJob(12); // chunks 0, 1, 2
    const small = await queuedJob(6); // chunks 0, 1
    const boss = new PgBoss({ db: pgBossDatabase(t.context.database), schedule: false, supervise: false, migrate: false });
    await boss.start();
    try {
      // One at a time, as a worker takes them (a batch comes back in no particular order).
      const order: string[] = [];
      for (;;) {
        const [job] = (await boss.fetch<ChunkMessage>(CHUNK_QUEUE, { batchSize: 1 })) ?? [];
        if (!job) break;
        if (job.data.jobId === big || job.data.jobId === small) order.push(`${job.data.jobId === big ? 'big' : 'small'}:${job.data.chunk}`);
      }
      expect(order).toEqual(['big:0', 'small:0', 'big:1', 'small:1', 'big:2']);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
