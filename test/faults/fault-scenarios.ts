import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { createRng } from '../../bench/quality/prng';
import { counterparties, csvFile, parseNdjson } from '../jobs/helpers/job-files';
import type { ServiceProcess } from '../jobs/helpers/service-process';
import { startLoad, type LoadRun, type LoadTally } from './helpers/load';
import type { PostgresCluster } from './helpers/postgres-cluster';
import type { TcpProxy } from './helpers/tcp-proxy';

/**
 * The database fault scenarios, each run under concurrent load on POST /v1/screen. Each returns what the clients
 * saw and what the audit trail holds; the fault suite (test/faults) asserts on it, `npm run bench:faults` prints it.
 */

// How long the service may take to answer 200 again once the database is back: a check of recovery, not of speed.
export const RECOVERY_BOUND_MS = 30_000;
// Clients that keep the service busy in each scenario (the reproduction used 16).
export const LOAD_CONNECTIONS = 16;

export interface FaultReport {
  scenario: string;
  tally: LoadTally;
  /** Per outage: ms from the database's return to the first 200 (NaN: none within RECOVERY_BOUND_MS). */
  recoveryMs: number[];
  /** Audit records of the load's own screenings (those whose reference carries the run's label). */
  records: number;
  /** 200 answers whose screening has no audit record: must be 0 (fail closed). */
  unrecorded: number;
  /** GET /v1/audit/verify after the scenario. */
  chainOk: boolean;
  /** The service process was still running at the end (for the scenarios that do not end it on purpose). */
  alive: boolean;
  /** Scenario-specific observations (a job's rows, readiness probes, the exit code...). */
  facts: Record<string, number | string | boolean>;
}

interface AuditPageItem {
  screeningId: string;
  reference: string | null;
}

/** The screening ids recorded for references starting with `label`, read back through the audit API. */
export async function auditedIds(baseUrl: string, label: string, sinceIso: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ since: sinceIso, limit: '500', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${baseUrl}/v1/screenings?${query.toString()}`);
    if (!res.ok) throw new Error(`GET /v1/screenings answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as { items: AuditPageItem[]; nextCursor: string | null };
    for (const item of page.items) if (item.reference?.startsWith(`${label}-`)) ids.add(item.screeningId);
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

export async function chainVerifies(baseUrl: string): Promise<boolean> {
  const res = await fetch(`${baseUrl}/v1/audit/verify`);
  if (!res.ok) return false;
  return ((await res.json()) as { ok: boolean }).ok;
}

/** Stops the load and checks every 200 against the audit trail of `auditUrl` (the service, or its successor). */
async function conclude(
  scenario: string,
  load: LoadRun,
  run: { label: string; sinceIso: string; auditUrl: string; service: ServiceProcess; recoveryMs: number[]; facts?: FaultReport['facts'] },
): Promise<FaultReport> {
  const tally = await load.stop();
  const alive = run.service.alive();
  // A dead service has no audit API to ask: the report says it died, and nothing is counted as recorded.
  const recorded = alive ? await auditedIds(run.auditUrl, run.label, run.sinceIso) : new Set<string>();
  return {
    scenario,
    tally,
    recoveryMs: run.recoveryMs,
    records: recorded.size,
    unrecorded: tally.okIds.filter((id) => !recorded.has(id)).length,
    chainOk: alive && (await chainVerifies(run.auditUrl)),
    alive,
    facts: run.facts ?? {},
  };
}

/** Milliseconds from `since` to the first 200 for a request sent after it (NaN if none within the bound). */
function recovery(load: LoadRun, since: number, service: ServiceProcess): Promise<number> {
  return load.waitForOk(since, RECOVERY_BOUND_MS, () => !service.alive()).then(
    (at) => at - since,
    () => Number.NaN,
  );
}

function begin(service: ServiceProcess, name: string, connections = LOAD_CONNECTIONS) {
  const label = `${name}-${Date.now().toString(36)}`;
  // A second of slack: the service stamps records with its own clock, the same machine's.
  const sinceIso = new Date(Date.now() - 1000).toISOString();
  const load = startLoad(service.url, { connections, label });
  return { label, sinceIso, load };
}

/**
 * The server stopped with `pg_ctl -m immediate` at `outages` random moments of a load run (from `seed`, so a
 * failure can be replayed), down `downMs` each time, then started again.
 */
export async function immediateStops(
  target: { service: ServiceProcess; cluster: PostgresCluster },
  options: { outages: number; seed: number; downMs: number; maxUpMs: number },
): Promise<FaultReport> {
  const rng = createRng(options.seed);
  const { label, sinceIso, load } = begin(target.service, 'stops');
  const recoveryMs: number[] = [];
  const momentsMs: number[] = [];
  await load.waitForOk(Date.now(), RECOVERY_BOUND_MS);
  for (let i = 0; i < options.outages; i++) {
    const moment = 500 + rng.int(options.maxUpMs);
    momentsMs.push(moment);
    await sleep(moment);
    await target.cluster.stop('immediate');
    await sleep(options.downMs);
    await target.cluster.start();
    recoveryMs.push(await recovery(load, Date.now(), target.service));
    if (!target.service.alive()) break;
  }
  await sleep(1000);
  return conclude('PostgreSQL stopped (-m immediate) under load, then started', load, {
    label,
    sinceIso,
    auditUrl: target.service.url,
    service: target.service,
    recoveryMs,
    facts: { seed: options.seed, outages: options.outages, downMs: options.downMs, momentsMs: momentsMs.join(' ') },
  });
}

/**
 * The network to the server fails for `forMs`, then comes back: `refuse` cuts it (every connection closed, new ones
 * refused); `blackhole` hangs it (connections stay open, no byte passes: only the client-side query bound answers).
 */
export async function networkFault(
  target: { service: ServiceProcess; proxy: TcpProxy },
  options: { mode: 'refuse' | 'blackhole'; forMs: number },
): Promise<FaultReport> {
  const { label, sinceIso, load } = begin(target.service, options.mode);
  await load.waitForOk(Date.now(), RECOVERY_BOUND_MS);
  await sleep(1000);
  await target.proxy.setMode(options.mode);
  await sleep(options.forMs);
  await target.proxy.setMode('forward');
  const recoveryMs = [await recovery(load, Date.now(), target.service)];
  await sleep(1000);
  const seconds = options.forMs / 1000;
  return conclude(options.mode === 'refuse' ? `network to the server cut for ${seconds} s` : `network hangs for ${seconds} s (no answer, no error)`, load, {
    label,
    sinceIso,
    auditUrl: target.service.url,
    service: target.service,
    recoveryMs,
  });
}

/**
 * A statement that does not return: another session holds the audit chain's head row locked for `holdMs`, so every
 * audit append waits on it; the server-side statement bound answers.
 */
export async function lockedChain(target: { service: ServiceProcess; databaseUrl: string }, options: { holdMs: number }): Promise<FaultReport> {
  const { label, sinceIso, load } = begin(target.service, 'lock');
  await load.waitForOk(Date.now(), RECOVERY_BOUND_MS);
  const holder = new Client({ connectionString: target.databaseUrl });
  await holder.connect();
  let recoveryMs: number[];
  try {
    await holder.query('begin');
    await holder.query('select * from audit_chain_head where id = 1 for update');
    await sleep(options.holdMs);
    await holder.query('commit');
    recoveryMs = [await recovery(load, Date.now(), target.service)];
  } finally {
    await holder.end();
  }
  await sleep(1000);
  return conclude(`audit chain locked by another session for ${options.holdMs / 1000} s`, load, {
    label,
    sinceIso,
    auditUrl: target.service.url,
    service: target.service,
    recoveryMs,
  });
}

interface JobView {
  status: string;
  total: number;
  processed: number;
}

async function job(baseUrl: string, jobId: string): Promise<JobView> {
  const res = await fetch(`${baseUrl}/v1/jobs/${jobId}`);
  if (!res.ok) throw new Error(`GET /v1/jobs/${jobId} answered ${res.status}`);
  return (await res.json()) as JobView;
}

/**
 * The server restarted (`pg_ctl restart -m fast`) while a batch job of `rows` rows runs; the job must finish with
 * every row once, in its results and in the audit trail.
 */
export async function restartDuringJob(
  target: { service: ServiceProcess; cluster: PostgresCluster; databaseUrl: string },
  options: { rows: number; jobBoundMs: number },
): Promise<FaultReport> {
  const upload = await fetch(`${target.service.url}/v1/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csvFile(counterparties(options.rows)),
  });
  if (upload.status !== 202) throw new Error(`job upload answered ${upload.status}: ${await upload.text()}`);
  const { jobId } = (await upload.json()) as { jobId: string };
  const { label, sinceIso, load } = begin(target.service, 'job', 8);
  let before: JobView;
  for (;;) {
    before = await job(target.service.url, jobId);
    if (before.processed > 0 || before.status !== 'queued') break;
    await sleep(100);
  }
  await target.cluster.restart('fast');
  const back = Date.now();
  const recoveryMs = [await recovery(load, back, target.service)];
  let after: JobView;
  const deadline = back + options.jobBoundMs;
  for (;;) {
    after = await job(target.service.url, jobId).catch(() => before);
    if (['succeeded', 'failed', 'cancelled'].includes(after.status) || Date.now() > deadline) break;
    await sleep(250);
  }
  const jobDoneMs = Date.now() - back;
  const results = await fetch(`${target.service.url}/v1/jobs/${jobId}/results?format=ndjson`);
  const rows = parseNdjson<{ id: string }>(await results.text());
  const client = new Client({ connectionString: target.databaseUrl });
  await client.connect();
  const audit = await client
    .query<{ records: string; distinct: string }>('select count(*) as records, count(distinct id) as distinct from screenings where job_id = $1', [jobId])
    .finally(() => client.end());
  return conclude('PostgreSQL restarted (-m fast) during a batch job', load, {
    label,
    sinceIso,
    auditUrl: target.service.url,
    service: target.service,
    recoveryMs,
    facts: {
      jobStatus: after.status,
      jobTotal: after.total,
      jobProcessed: after.processed,
      processedAtRestart: before.processed,
      resultRows: rows.length,
      distinctResultIds: new Set(rows.map((r) => r.id)).size,
      jobAuditRecords: Number(audit.rows[0]?.records ?? 0),
      distinctJobAuditRecords: Number(audit.rows[0]?.distinct ?? 0),
      jobDoneAfterRestartMs: jobDoneMs,
    },
  });
}

/**
 * The database unreachable when the service starts: /healthz answers, /readyz stays 503 and the process waits
 * instead of exiting; once the network is back the service becomes ready and serves.
 */
export async function unreachableAtStart(
  target: { proxy: TcpProxy; start: () => Promise<ServiceProcess> },
  options: { waitMs: number },
): Promise<FaultReport & { service: ServiceProcess }> {
  await target.proxy.setMode('refuse');
  const service = await target.start();
  // The service listens at once, before it touches the database: wait for that, not for readiness.
  while (!(await fetch(`${service.url}/healthz`).then((r) => r.ok, () => false))) {
    if (!service.alive()) throw new Error(`service exited at start-up:\n${service.output()}`);
    await sleep(100);
  }
  const { label, sinceIso, load } = begin(service, 'startup', 4);
  let healthOk = 0;
  let readyUnavailable = 0;
  let probes = 0;
  const until = Date.now() + options.waitMs;
  while (Date.now() < until) {
    probes += 1;
    if (await fetch(`${service.url}/healthz`).then((r) => r.status === 200, () => false)) healthOk += 1;
    const ready = await fetch(`${service.url}/readyz`).then(
      (r) => r.status === 503 && String(r.headers.get('content-type')).startsWith('application/problem+json'),
      () => false,
    );
    if (ready) readyUnavailable += 1;
    await sleep(500);
  }
  const aliveWhileWaiting = service.alive();
  await target.proxy.setMode('forward');
  const back = Date.now();
  const readyMs = await Promise.race([
    service.ready().then(() => Date.now() - back),
    sleep(RECOVERY_BOUND_MS * 2).then(() => Number.NaN),
  ]);
  const recoveryMs = [await recovery(load, back, service)];
  await sleep(1000);
  const report = await conclude('PostgreSQL unreachable at start-up, reachable later', load, {
    label,
    sinceIso,
    auditUrl: service.url,
    service,
    recoveryMs,
    facts: { probes, healthOk, readyUnavailable, aliveWhileWaiting, readyAfterReturnMs: readyMs },
  });
  return { ...report, service };
}

/** PGlite: the process SIGKILLed under load, then started again on the same data directory. */
export async function pgliteKill(
  target: { service: ServiceProcess; start: () => Promise<ServiceProcess> },
  options: { loadMs: number },
): Promise<FaultReport & { service: ServiceProcess }> {
  const { label, sinceIso, load } = begin(target.service, 'kill');
  await load.waitForOk(Date.now(), RECOVERY_BOUND_MS);
  await sleep(options.loadMs);
  await target.service.kill();
  const tallyAtKill = { ok: load.tally.ok };
  const killedAt = Date.now();
  const restarted = await target.start();
  const restartMs = Date.now() - killedAt;
  const report = await conclude('PGlite: process SIGKILLed under load, then restarted', load, {
    label,
    sinceIso,
    auditUrl: restarted.url,
    service: restarted,
    recoveryMs: [restartMs],
    facts: { okBeforeKill: tallyAtKill.ok },
  });
  return { ...report, service: restarted };
}

/**
 * PGlite: SIGTERM under load. The service stops listening, finishes what is in flight, closes the database and
 * exits 0; `check` (a new process on the same data) then reads the audit trail back.
 */
export async function pgliteTerm(
  target: { service: ServiceProcess; start: () => Promise<ServiceProcess> },
  options: { loadMs: number },
): Promise<FaultReport & { service: ServiceProcess }> {
  const { label, sinceIso, load } = begin(target.service, 'term');
  await load.waitForOk(Date.now(), RECOVERY_BOUND_MS);
  await sleep(options.loadMs);
  const signalled = Date.now();
  const exitCode = await target.service.stop();
  const drainMs = Date.now() - signalled;
  const check = await target.start();
  const report = await conclude('PGlite: SIGTERM under load (drain and exit)', load, {
    label,
    sinceIso,
    auditUrl: check.url,
    service: check,
    recoveryMs: [],
    facts: { exitCode: exitCode ?? 'signal', drainMs },
  });
  return { ...report, alive: false, service: check };
}
