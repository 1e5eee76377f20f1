import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * npm run bench:startup: wall time from process start to GET /readyz = 200, for the compiled service.
 * cold: an empty PGlite data directory (migrations + full data load); warm: the same directory again (data
 * unchanged, nothing rewritten); postgres: a fresh database on BENCH_DATABASE_URL when set.
 */
const ROOT = path.join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function timeToReady(env: Record<string, string>, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      if (performance.now() - started > 180_000) throw new Error('not ready after 180 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

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
    const { Client } = await import('pg');
    const pgCold: number[] = [];
    const pgWarm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const name = `bench_startup_${process.pid}_${i}`;
      const admin = new Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(pgUrl);
      url.pathname = `/${name}`;
      pgCold.push(await timeToReady({ DATABASE_URL: url.toString() }, 39400 + i));
      pgWarm.push(await timeToReady({ DATABASE_URL: url.toString() }, 39500 + i));
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
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
