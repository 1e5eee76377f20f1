import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, median, ROOT, startService } from './service-process';

/**
 * npm run bench:startup: wall time from process start to GET /readyz = 200, for the compiled service.
 * cold: an empty PGlite data directory (migrations + full data load); warm: the same directory again (data
 * unchanged, nothing rewritten); PostgreSQL likewise when BENCH_DATABASE_URL is set.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function timeToReady(env: Record<string, string>, port: number): Promise<number> {
  const started = performance.now();
  const service = await startService(env, port);
  const elapsed = performance.now() - started;
  await service.stop();
  return elapsed;
}

async function main() {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const rows: [string, number[]][] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-pglite-'));
    cold.push(await timeToReady({ PGLITE_DATA_DIR: dir }, 39100 + i));
    warm.push(await timeToReady({ PGLITE_DATA_DIR: dir }, 39200 + i));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  rows.push(['PGlite, cold (empty data dir)', cold], ['PGlite, warm (data unchanged)', warm]);
  const memory: number[] = [];
  for (let i = 0; i < RUNS; i++) memory.push(await timeToReady({ PGLITE_DATA_DIR: 'memory://' }, 39300 + i));
  rows.push(['PGlite, in-memory', memory]);
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) {
    const pgCold: number[] = [];
    const pgWarm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const url = await createDatabase(pgUrl, `bench_startup_${i}`);
      pgCold.push(await timeToReady({ DATABASE_URL: url }, 39400 + i));
      pgWarm.push(await timeToReady({ DATABASE_URL: url }, 39500 + i));
    }
    rows.push(['PostgreSQL, cold (empty database)', pgCold], ['PostgreSQL, warm (data unchanged)', pgWarm]);
  }
  process.stdout.write(`startup to /readyz = 200, ${RUNS} runs each (${os.cpus().length} cores)\n`);
  for (const [label, xs] of rows) {
    process.stdout.write(`${label.padEnd(36)} median ${(median(xs) / 1000).toFixed(2)} s  (runs: ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')})\n`);
  }
  if (!pgUrl) process.stdout.write('PostgreSQL: set BENCH_DATABASE_URL to include it\n');
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
