import { randomInt } from 'node:crypto';
import { startService, type ServiceProcess } from '../jobs/helpers/service-process';
import {
  immediateStops,
  lockedChain,
  networkFault,
  RECOVERY_BOUND_MS,
  restartDuringJob,
  unreachableAtStart,
  type FaultReport,
} from './fault-scenarios';
import { startPostgresCluster, type PostgresCluster } from './helpers/postgres-cluster';
import { TcpProxy } from './helpers/tcp-proxy';

/**
 * A database outage must never take the service down. The real service, as a process, on a private PostgreSQL
 * cluster this suite stops, restarts and cuts off (through a TCP proxy standing in for the network), with clients
 * screening all the while. `npm run test:faults`; needs Debian's postgresql. FAULT_SEED replays a run's moments.
 */
jest.setTimeout(300_000);

const SEED = Number(process.env.FAULT_SEED ?? randomInt(1, 2 ** 31));
// Bounds smaller than the defaults, so the hang scenarios answer within seconds.
const SERVICE_ENV = {
  DATABASE_STATEMENT_TIMEOUT_MS: '2000',
  DATABASE_QUERY_TIMEOUT_MS: '4000',
  DATABASE_CONNECT_TIMEOUT_MS: '2000',
  DATABASE_POOL_SIZE: '10',
  JOB_THREADS: '1',
  JOB_CHUNK_ROWS: '200',
  JOB_POLL_INTERVAL_SECONDS: '0.5',
  JOB_CHUNK_TIMEOUT_SECONDS: '60',
  JOB_MAINTENANCE_INTERVAL_SECONDS: '5',
};

let cluster: PostgresCluster;
let proxy: TcpProxy;
let service: ServiceProcess;
let databaseUrl: string;
const services: ServiceProcess[] = [];

function viaProxy(url: string): string {
  const through = new URL(url);
  through.port = String(proxy.port);
  return through.toString();
}

const start = async (options: { waitReady: boolean }) => {
  const started = await startService({ ...SERVICE_ENV, DATABASE_URL: viaProxy(databaseUrl) }, options);
  services.push(started);
  return started;
};

beforeAll(async () => {
  process.stdout.write(`fault suite seed: ${SEED} (FAULT_SEED=${SEED} replays it)\n`);
  cluster = await startPostgresCluster();
  databaseUrl = cluster.url;
  proxy = await TcpProxy.start({ host: '127.0.0.1', port: cluster.port });
  service = await start({ waitReady: true });
});

afterAll(async () => {
  for (const started of services) await started.stop().catch(() => undefined);
  await proxy?.close();
  cluster?.destroy();
});

/** The promise every scenario keeps, whatever the fault. */
function expectFailClosed(report: FaultReport, context: () => string): void {
  if (!report.alive) {
    const summary = JSON.stringify({ ...report, tally: { ...report.tally, okIds: report.tally.okIds.length } });
    throw new Error(`the service process died during "${report.scenario}": ${summary}\n${context()}`);
  }
  // Every answer is a 200 or a 503 problem+json with Retry-After; no reset, no hang, nothing else.
  expect({ resets: report.tally.resets, timeouts: report.tally.timeouts, refused: report.tally.refused }).toEqual({ resets: 0, timeouts: 0, refused: 0 });
  expect(report.tally.other).toEqual({});
  expect(report.tally.badUnavailable).toBe(0);
  expect(report.tally.ok).toBeGreaterThan(0);
  // Fail closed: no 200 without its audit record; the chain verifies.
  expect(report.unrecorded).toBe(0);
  expect(report.records).toBeGreaterThanOrEqual(report.tally.ok);
  expect(report.chainOk).toBe(true);
  // 200 again after every return of the database, within the (generous) bound.
  for (const ms of report.recoveryMs) {
    expect(ms).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
  }
}

describe('PostgreSQL faults under load', () => {
  it('stays up through five immediate stops at random moments, answering 503 while down and 200 after', async () => {
    const report = await immediateStops({ service, cluster }, { outages: 5, seed: SEED, downMs: 4000, maxUpMs: 4000 });
    expectFailClosed(report, () => service.output().slice(-4000));
    expect(report.recoveryMs).toHaveLength(5);
    expect(report.tally.unavailable).toBeGreaterThan(0);
  });

  it('finishes a batch job with every row once when the server restarts during it', async () => {
    const report = await restartDuringJob({ service, cluster, databaseUrl }, { rows: 6000, jobBoundMs: 180_000 });
    expectFailClosed(report, () => service.output().slice(-4000));
    const total = report.facts.jobTotal;
    expect(report.facts).toMatchObject({
      jobStatus: 'succeeded',
      jobTotal: 6000,
      jobProcessed: total,
      resultRows: total,
      distinctResultIds: total,
      jobAuditRecords: total,
      distinctJobAuditRecords: total,
    });
    expect(report.facts.processedAtRestart).toBeLessThan(6000);
  });

  it('answers 503 while the network is cut for 10 s and recovers by itself', async () => {
    const report = await networkFault({ service, proxy }, { mode: 'refuse', forMs: 10_000 });
    expectFailClosed(report, () => service.output().slice(-4000));
    expect(report.tally.unavailable).toBeGreaterThan(0);
  });

  it('answers 503 from the client-side bound, not a hang, when the network stops answering', async () => {
    const report = await networkFault({ service, proxy }, { mode: 'blackhole', forMs: 8000 });
    expectFailClosed(report, () => service.output().slice(-4000));
    expect(report.tally.unavailable).toBeGreaterThan(0);
    // The database bound answered, not the 30 s request timer.
    expect(Object.keys(report.tally.unavailableDetails).filter((detail) => detail.includes('did not complete within'))).toEqual([]);
  });

  it('answers 503 from the server-side bound when a statement waits on a lock', async () => {
    const report = await lockedChain({ service, databaseUrl }, { holdMs: 6000 });
    expectFailClosed(report, () => service.output().slice(-4000));
    expect(report.tally.unavailable).toBeGreaterThan(0);
    expect(Object.keys(report.tally.unavailableDetails).filter((detail) => detail.includes('did not complete within'))).toEqual([]);
  });

  it('waits for an unreachable database at start-up, with readiness 503, then serves', async () => {
    const report = await unreachableAtStart({ proxy, start: () => start({ waitReady: false }) }, { waitMs: 6000 });
    expectFailClosed(report, () => report.service.output().slice(-4000));
    expect(report.facts.aliveWhileWaiting).toBe(true);
    expect(report.facts.healthOk).toBe(report.facts.probes);
    expect(report.facts.readyUnavailable).toBe(report.facts.probes);
    expect(report.facts.readyAfterReturnMs).toBeLessThanOrEqual(RECOVERY_BOUND_MS * 2);
    expect(await report.service.stop()).toBe(0);
  });
});
