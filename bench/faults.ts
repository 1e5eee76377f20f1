import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startService, type ServiceProcess } from '../test/jobs/helpers/service-process';
import {
  auditedIds,
  chainVerifies,
  immediateStops,
  lockedChain,
  networkFault,
  pgliteKill,
  pgliteTerm,
  restartDuringJob,
  unreachableAtStart,
  type FaultReport,
} from '../test/faults/fault-scenarios';
import { startLoad } from '../test/faults/helpers/load';
import { startPostgresCluster } from '../test/faults/helpers/postgres-cluster';
import { TcpProxy } from '../test/faults/helpers/tcp-proxy';

/**
 * npm run bench:faults — the compiled service (npm run build first) under database faults, with the service's
 * default bounds, on a private PostgreSQL cluster and on PGlite:
 *  1. the issue's reproduction, BENCH_FAULT_RUNS times (default 10) from a fresh start: 16 clients for 20 s, the
 *     server stopped with -m immediate 5 s in and started 6 s later;
 *  2. every fault scenario of the fault suite once.
 * Prints, per scenario, what clients saw, the recovery time and audit records against 200s.
 * BENCH_FAULT_SEED fixes the random moments of the multi-outage scenario.
 */
const RUNS = Number(process.env.BENCH_FAULT_RUNS ?? 10);
const SEED = Number(process.env.BENCH_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const JOB_ENV = { JOB_THREADS: '1', JOB_POLL_INTERVAL_SECONDS: '0.5', JOB_MAINTENANCE_INTERVAL_SECONDS: '5' };

const median = (values: number[]) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const fmt = (n: number) => (Number.isNaN(n) ? 'none' : n.toLocaleString('en-US'));

function row(report: FaultReport): string {
  const t = report.tally;
  const recovery = report.recoveryMs.length === 0 ? '–' : report.recoveryMs.length === 1 ? `${fmt(report.recoveryMs[0]!)} ms` : `median ${fmt(median(report.recoveryMs))} ms, max ${fmt(Math.max(...report.recoveryMs))} ms`;
  const others = Object.entries(t.other).map(([status, n]) => `${status}×${n}`).join(' ') || '0';
  return `| ${report.scenario} | ${fmt(t.ok)} | ${fmt(t.unavailable)} | ${t.resets} | ${t.refused} | ${t.timeouts} | ${others} | ${recovery} | ${fmt(report.records)} / ${fmt(t.ok)} | ${report.unrecorded} | ${report.chainOk ? 'yes' : 'NO'} | ${report.alive ? 'up' : 'exited'} |`;
}

const HEADER = [
  '| scenario | 200 | 503 | resets | refused | hangs | other | recovery (back → first 200) | records / 200s | unrecorded 200s | chain verifies | process |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
];

async function reproduction(cluster: Awaited<ReturnType<typeof startPostgresCluster>>): Promise<FaultReport[]> {
  const reports: FaultReport[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const service = await startService({ ...JOB_ENV, DATABASE_URL: cluster.url }, { compiled: true });
    const label = `repro${run}-${Date.now().toString(36)}`;
    const sinceIso = new Date(Date.now() - 1000).toISOString();
    const load = startLoad(service.url, { connections: 16, label });
    const began = Date.now();
    await sleep(5000);
    await cluster.stop('immediate');
    await sleep(6000);
    await cluster.start();
    const back = Date.now();
    const recoveryMs = await load.waitForOk(back, 30_000).then((at) => at - back, () => Number.NaN);
    await sleep(Math.max(0, 20_000 - (Date.now() - began)));
    const tally = await load.stop();
    const alive = service.alive();
    const recorded = alive ? await auditedIds(service.url, label, sinceIso) : new Set<string>();
    const report: FaultReport = {
      scenario: `reproduction run ${run}`,
      tally,
      recoveryMs: [recoveryMs],
      records: recorded.size,
      unrecorded: tally.okIds.filter((id) => !recorded.has(id)).length,
      chainOk: alive && (await chainVerifies(service.url)),
      alive,
      facts: {},
    };
    reports.push(report);
    process.stdout.write(`${row(report)}\n`);
    await service.stop();
  }
  return reports;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(__dirname, '..', 'dist', 'src', 'main.js'))) throw new Error('run `npm run build` first');
  process.stdout.write(`bench:faults — seed ${SEED}, ${os.availableParallelism()} cores\n\n`);
  const cluster = await startPostgresCluster();
  const services: ServiceProcess[] = [];
  try {
    process.stdout.write(`## The issue's reproduction, ${RUNS} runs\n\n${HEADER.join('\n')}\n`);
    const runs = await reproduction(cluster);
    const survived = runs.filter((r) => r.alive && r.tally.resets === 0 && r.unrecorded === 0 && r.chainOk && !Number.isNaN(r.recoveryMs[0]!)).length;
    process.stdout.write(
      `\n${survived} of ${RUNS} runs: process up, 503 while down, 200 after, every 200 audited. Recovery median ${fmt(median(runs.map((r) => r.recoveryMs[0]!)))} ms.\n\n`,
    );

    const proxy = await TcpProxy.start({ host: '127.0.0.1', port: cluster.port });
    const viaProxy = new URL(cluster.url);
    viaProxy.port = String(proxy.port);
    const start = async (waitReady: boolean) => {
      const started = await startService({ ...JOB_ENV, DATABASE_URL: viaProxy.toString() }, { compiled: true, waitReady });
      services.push(started);
      return started;
    };
    const service = await start(true);
    const reports: FaultReport[] = [];
    const note = (report: FaultReport) => {
      reports.push(report);
      process.stdout.write(`${row(report)}${Object.keys(report.facts).length > 0 ? `  ${JSON.stringify(report.facts)}` : ''}\n`);
    };
    process.stdout.write(`## Every scenario (default bounds: statement 10 s, client 15 s)\n\n${HEADER.join('\n')}\n`);
    note(await immediateStops({ service, cluster }, { outages: 5, seed: SEED, downMs: 6000, maxUpMs: 5000 }));
    note(await restartDuringJob({ service, cluster, databaseUrl: cluster.url }, { rows: 20_000, jobBoundMs: 300_000 }));
    note(await networkFault({ service, proxy }, { mode: 'refuse', forMs: 10_000 }));
    note(await networkFault({ service, proxy }, { mode: 'blackhole', forMs: 20_000 }));
    note(await lockedChain({ service, databaseUrl: cluster.url }, { holdMs: 12_000 }));
    const startup = await unreachableAtStart({ proxy, start: () => start(false) }, { waitMs: 10_000 });
    note(startup);
    await proxy.close();

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-faults-pglite-'));
    const startPglite = async () => {
      const started = await startService({ ...JOB_ENV, PGLITE_DATA_DIR: dataDir }, { compiled: true });
      services.push(started);
      return started;
    };
    const killed = await pgliteKill({ service: await startPglite(), start: startPglite }, { loadMs: 5000 });
    note(killed);
    note(await pgliteTerm({ service: killed.service, start: startPglite }, { loadMs: 5000 }));
    fs.rmSync(dataDir, { recursive: true, force: true });
  } finally {
    for (const started of services) await started.stop().catch(() => undefined);
    cluster.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
