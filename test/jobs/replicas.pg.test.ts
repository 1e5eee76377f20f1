import { Client } from 'pg';
import { counterparties, csvFile, parseNdjson } from './helpers/job-files';
import { createDatabase, postgresServer, startService, type PostgresServer, type ServiceProcess } from './helpers/service-process';

/**
 * Several service processes on one PostgreSQL database: what PGlite (one process) cannot show. Runs in
 * `npm run test:db` against TEST_DATABASE_URL; run alone without it, it starts a private PostgreSQL server.
 */
jest.setTimeout(600_000);

// Small chunks: many transactions, and a kill lands between commits as well as inside one.
const SERVICE_ENV = {
  JOB_CHUNK_ROWS: '25',
  JOB_THREADS: '1',
  JOB_POLL_INTERVAL_SECONDS: '0.5',
  // A dead replica's chunk goes back to the queue 5 s after it was taken; pg-boss looks every second.
  JOB_CHUNK_TIMEOUT_SECONDS: '5',
  JOB_MAINTENANCE_INTERVAL_SECONDS: '1',
};
const FILE = csvFile(counterparties(1500));
const ROWS = 1500;

let server: PostgresServer;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await postgresServer();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await server?.stop();
});

async function database(name: string): Promise<string> {
  const db = await createDatabase(server.url, `${name}_${process.pid}`);
  cleanups.push(db.drop);
  return db.url;
}

async function service(databaseUrl: string): Promise<ServiceProcess> {
  const started = await startService({ ...SERVICE_ENV, DATABASE_URL: databaseUrl });
  cleanups.push(async () => {
    await started.stop();
  });
  return started;
}

async function submit(service: ServiceProcess): Promise<string> {
  const res = await fetch(`${service.url}/v1/jobs`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: FILE });
  expect(res.status).toBe(202);
  return ((await res.json()) as { jobId: string }).jobId;
}

async function jobStatus(service: ServiceProcess, jobId: string): Promise<{ status: string; processed: number; total: number }> {
  const res = await fetch(`${service.url}/v1/jobs/${jobId}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; processed: number; total: number };
}

async function waitUntil(service: ServiceProcess, jobId: string, done: (job: { status: string; processed: number }) => boolean) {
  for (;;) {
    const job = await jobStatus(service, jobId);
    if (done(job)) return job;
    if (['failed', 'cancelled'].includes(job.status)) throw new Error(`job ${jobId} ${job.status}:\n${service.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Row {
  line: number;
  id: string;
  decision: string;
  matches: unknown[];
}

/** The results that must not depend on how the job ran (screening ids and times aside). */
async function comparableResults(service: ServiceProcess, jobId: string): Promise<Row[]> {
  const res = await fetch(`${service.url}/v1/jobs/${jobId}/results`);
  expect(res.status).toBe(200);
  return parseNdjson<Row>(await res.text()).map(({ line, id, decision, matches }) => ({ line, id, decision, matches }));
}

/** What the database holds for a job, read directly: results, their audit records, and who did which chunk. */
async function stored(databaseUrl: string, jobId: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const one = async (sql: string) => (await client.query(sql, [jobId])).rows[0] as Record<string, string>;
    const results = await one(`select count(*) as rows, count(distinct line) as lines, count(*) filter (where decision <> 'invalid') as screened from job_results where job_id = $1`);
    const audit = await one(`select count(*) as records, count(distinct record->>'itemId') as items from screenings where job_id = $1`);
    const chunks = (await client.query(`select worker, count(*)::int as chunks, sum(row_count)::int as rows from job_chunks where job_id = $1 and status = 'done' group by worker order by worker`, [jobId])).rows as { worker: string; chunks: number; rows: number }[];
    return { results: { rows: Number(results.rows), lines: Number(results.lines), screened: Number(results.screened) }, audit: { records: Number(audit.records), items: Number(audit.items) }, chunks };
  } finally {
    await client.end();
  }
}

const workerOf = (s: ServiceProcess) => expect.stringMatching(new RegExp(`:${s.pid}$`));

describe('job replicas on PostgreSQL (separate processes)', () => {
  let clean: Row[];

  beforeAll(async () => {
    // The reference: the same file, one replica, never interrupted.
    const url = await database('jobs_clean');
    const alone = await service(url);
    const jobId = await submit(alone);
    await waitUntil(alone, jobId, (job) => job.status === 'succeeded');
    clean = await comparableResults(alone, jobId);
    await alone.stop();
  });

  it('a replica killed with SIGKILL mid-job loses nothing and duplicates nothing: a new one resumes and the results equal a clean run', async () => {
    const url = await database('jobs_killed');
    const doomed = await service(url);
    const jobId = await submit(doomed);
    const atKill = await waitUntil(doomed, jobId, (job) => job.processed > 0);
    await doomed.kill();

    // What the dead replica committed is whole: every done chunk has all its results and all its audit records.
    const before = await stored(url, jobId);
    expect(atKill.processed).toBeLessThan(ROWS);
    expect(before.results.rows).toBe(before.chunks.reduce((n, c) => n + c.rows, 0));
    expect(before.audit.records).toBe(before.results.screened);
    expect(before.chunks).toEqual([{ worker: workerOf(doomed), chunks: expect.any(Number), rows: before.results.rows }]);

    const successor = await service(url);
    const job = await waitUntil(successor, jobId, (j) => j.status === 'succeeded');
    expect(job).toMatchObject({ total: ROWS, processed: ROWS });

    const after = await stored(url, jobId);
    expect(after.results).toEqual({ rows: ROWS, lines: ROWS, screened: clean.filter((r) => r.decision !== 'invalid').length });
    expect(after.audit).toEqual({ records: after.results.screened, items: after.results.screened });
    expect(after.chunks.map((c) => c.worker)).toEqual(expect.arrayContaining([workerOf(doomed), workerOf(successor)]));
    expect(await comparableResults(successor, jobId)).toEqual(clean);
    const verify = (await (await fetch(`${successor.url}/v1/audit/verify`)).json()) as { ok: boolean; records: number };
    expect(verify).toMatchObject({ ok: true, records: after.audit.records });
  });

  it('two replicas on one database share a job: both commit chunks and the results are complete', async () => {
    const url = await database('jobs_shared');
    const [first, second] = await Promise.all([service(url), service(url)]);
    const jobId = await submit(first!);
    const job = await waitUntil(second!, jobId, (j) => j.status === 'succeeded');
    expect(job).toMatchObject({ total: ROWS, processed: ROWS });

    const { results, audit, chunks } = await stored(url, jobId);
    expect(results).toMatchObject({ rows: ROWS, lines: ROWS });
    expect(audit.records).toBe(results.screened);
    expect(chunks).toHaveLength(2);
    expect(chunks.map((c) => c.worker)).toEqual(expect.arrayContaining([workerOf(first!), workerOf(second!)]));
    expect(chunks.every((c) => c.chunks > 0)).toBe(true);
    expect(chunks.reduce((n, c) => n + c.rows, 0)).toBe(ROWS);
    expect(await comparableResults(second!, jobId)).toEqual(clean);
  });
});
