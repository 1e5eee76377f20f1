import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDatabase, ROOT, startService, type ServiceProcess } from './service-process';

/**
 * npm run bench:load — autocannon against /v1/screen and /v1/screen/batch on loopback, audit writes on, on
 * PGlite and on PostgreSQL, at rising concurrency. Every 200 must have its audit row. (Faults: `npm run bench:faults`.)
 *   BENCH_LOAD_SECONDS (default 30) per step; BENCH_DATABASE_URL to use an existing server (else one is
 *   started with scripts/postgres-test-server.sh).
 */
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CONCURRENCY = (process.env.BENCH_LOAD_CONCURRENCY ?? '1,8,32,64').split(',').map(Number);
const BATCH_SIZE = 100;
const NAMES = ['Pak Yong Sik', 'Ткачук Сергей', 'Ivan Petrov', 'Acme Trading LLC', 'Kim Chol Nam', 'Park Yong-sik', 'Maria Gonzalez', 'Natalya Titova', 'OOO LocoTech-Signal', 'Zhang Wei'];

interface Row {
  database: string;
  endpoint: string;
  connections: number;
  rps: number;
  itemsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
  non2xx: number;
  /** Audit records beyond the 200s autocannon counted (in flight at the end, or client timeouts). */
  untallied: number;
}

async function auditCount(service: ServiceProcess): Promise<{ records: number; ok: boolean }> {
  const res = await fetch(`${service.url}/v1/audit/verify`);
  return (await res.json()) as { records: number; ok: boolean };
}

function run(url: string, options: { connections: number; duration: number; batch: boolean }): Promise<autocannon.Result> {
  let i = 0;
  const body = () => {
    i += 1;
    if (!options.batch) return JSON.stringify({ name: NAMES[i % NAMES.length], reference: `load-${i}` });
    return JSON.stringify({ items: Array.from({ length: BATCH_SIZE }, (_, k) => ({ id: String(k), name: NAMES[(i + k) % NAMES.length] })) });
  };
  return autocannon({
    url: `${url}${options.batch ? '/v1/screen/batch' : '/v1/screen'}`,
    method: 'POST',
    connections: options.connections,
    duration: options.duration,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  });
}

async function measure(database: string, service: ServiceProcess): Promise<Row[]> {
  const rows: Row[] = [];
  for (const batch of [false, true]) {
    for (const connections of batch ? CONCURRENCY.filter((c) => c <= 8) : CONCURRENCY) {
      const before = await auditCount(service);
      const result = await run(service.url, { connections, duration: SECONDS, batch });
      const ok = result['2xx'];
      const after = await auditCount(service);
      const perRequest = batch ? BATCH_SIZE : 1;
      const expected = ok * perRequest;
      const recorded = after.records - before.records;
      // Every 200 must have its record. More records than counted 200s are requests recorded but not tallied:
      // in flight when autocannon stopped, or given up by the client (timeout) after the server recorded them.
      if (recorded < expected || !after.ok) {
        throw new Error(`audit mismatch: ${recorded} records for ${expected} answered screenings (chain ok: ${after.ok})`);
      }
      rows.push({
        database,
        endpoint: batch ? `/v1/screen/batch (${BATCH_SIZE} items)` : '/v1/screen',
        connections,
        rps: result.requests.average,
        itemsPerSecond: result.requests.average * (batch ? BATCH_SIZE : 1),
        p50: result.latency.p50,
        p99: result.latency.p99,
        ok,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        untallied: recorded - expected,
      });
      process.stderr.write(`  ${database} ${rows[rows.length - 1]!.endpoint} c=${connections}: ${result.requests.average} req/s\n`);
    }
  }
  return rows;
}

function startPostgres(dir: string, port: number): string {
  return execFileSync(path.join(ROOT, 'scripts/postgres-test-server.sh'), ['start', dir, String(port)], { encoding: 'utf8' }).trim();
}
function stopPostgres(dir: string) {
  execFileSync(path.join(ROOT, 'scripts/postgres-test-server.sh'), ['stop', dir], { stdio: 'ignore' });
}

const fmt = (r: Row) =>
  `| ${r.database} | ${r.endpoint} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.itemsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.untallied} |`;

async function main() {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const rows: Row[] = [];
  const pglite = await startService({ PGLITE_DATA_DIR: 'memory://' }, 39801);
  try {
    rows.push(...(await measure('PGlite', pglite)));
  } finally {
    await pglite.stop();
  }
  const pgDir = path.join(os.tmpdir(), 'bench-load-pg');
  const pgPort = 55450;
  const serverUrl = process.env.BENCH_DATABASE_URL ?? startPostgres(pgDir, pgPort);
  try {
    const pg = await startService({ DATABASE_URL: await createDatabase(serverUrl, 'bench_load') }, 39802);
    try {
      rows.push(...(await measure('PostgreSQL', pg)));
    } finally {
      await pg.stop();
    }
  } finally {
    if (!process.env.BENCH_DATABASE_URL) stopPostgres(pgDir);
  }
  process.stdout.write(`\nbench:load — ${SECONDS} s per step, ${os.cpus().length} cores, audit on (every 200 recorded and counted)\n`);
  process.stdout.write('| database | endpoint | connections | req/s | screenings/s | p50 ms | p99 ms | errors | non-2xx | recorded, not tallied |\n|---|---|---|---|---|---|---|---|---|---|\n');
  for (const r of rows) process.stdout.write(`${fmt(r)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
