import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { computeChangeSet } from '../src/datasets/change-set';
import { readResolutionTexts, readUnConsolidatedList } from '../src/lists/un/load-un-list';
import type { CanonicalEntity } from '../src/model/entity';
import * as parts from './quality/name-parts';
import { romanizeMr, romanizePopular, romanizeRr, southernSpelling, type KoreanName } from './quality/korean-romanization';
import { createRng, type Rng } from './quality/prng';
import { transliterate } from './quality/russian-transliteration';
import { createDatabase, ROOT } from './service-process';

/**
 * npm run bench:monitor — ongoing monitoring of a bank's book after a UN list update, on PostgreSQL. A book of
 * BENCH_MONITORS counterparties (default 250,000: made-up people and companies of many origins, plus a few hundred
 * names of entries the 2026 list adds, removes and amends, and near misses of them) is enrolled through the API
 * (one CSV uploaded as POST /v1/jobs?monitor=true) on a service started on the 2024 list. The enrolled database is
 * then copied (CREATE DATABASE … TEMPLATE), and on each copy a fresh service process (`node --import tsx
 * src/main.ts`: the source as it is, no build) imports the 2026 file, once with MONITORING_MODE=delta and once with
 * MONITORING_MODE=full. Measured: the import's round trip (the monitoring job is created inside it), then the time
 * from its 201 until the monitoring job finished (all alerts written), with where the time goes (service log, job
 * chunk timings) and the alerts by kind, which must be the same in both modes. Target: delta ≤ 60 s from the 201.
 *   BENCH_MONITORS (default 250000); BENCH_DATABASE_URL to use an existing PostgreSQL server (else one is started
 *   with scripts/postgres-test-server.sh). Exits 1 when the target is missed or the modes' alerts differ.
 */
const MONITORS = Number(process.env.BENCH_MONITORS ?? 250_000);
const TARGET_DELTA_S = 60;
const LIST_2024 = path.join(ROOT, 'data/un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(ROOT, 'data/un/consolidated-2026-02-27.xml');
// Planted counterparties: near misses built from names the 2026 list adds.
const NEAR_MISSES = 120;
// Seeded, so every run enrols the same book.
const SEED = 'bench-monitor-book-v1';
// The job and the monitoring job are polled this often: the end of a job is known to within it.
const POLL_MS = 200;
// A light probe screens one name this often while the import and the monitoring job run.
const PROBE_INTERVAL_MS = 250;
const RSS_SAMPLE_MS = 250;
// Progress of the enrolment upload is printed this often.
const PROGRESS_MS = 15_000;
const READY_TIMEOUT_MS = 300_000;
// A run that takes longer than this has failed (the monitoring job never finished).
const JOB_TIMEOUT_MS = 30 * 60_000;
const COUNTRIES = ['GB', 'DE', 'FR', 'NL', 'CH', 'US', 'AE', 'TR', 'IN', 'CN', 'HK', 'SG', 'JP', 'KR', 'RU', 'KZ', 'NG', 'BR', 'MX', 'ID'];

type Mode = 'delta' | 'full';
type BookType = 'person' | 'organization' | 'any';

interface BookRow {
  name: string;
  type: BookType;
  country?: string;
  birthDate?: string;
}

interface LogLine {
  level: number;
  time: number;
  msg: string;
  buildMs?: number;
  counterparties?: number;
  jobId?: string;
}

interface Service {
  url: string;
  child: ChildProcess;
  log: LogLine[];
  stop(): Promise<void>;
}

interface ChunkStats {
  chunks: number;
  rows: number;
  screenMs: number;
  commitMs: number;
  /** From the first chunk's start (job started_at) to the last chunk's commit. */
  wallMs: number;
}

interface ModeRun {
  mode: Mode;
  importStatus: number;
  /** Client clock, ms since the epoch. */
  sentAt: number;
  answeredAt: number;
  finishedAt: number;
  switchedAt?: number;
  buildMs?: number;
  /** When the service logged 'monitoring re-screen started' (or that there was nobody to re-screen). */
  monitoringStartedAt?: number;
  job: { id: string; total: number; createdAt: number; startedAt: number | null; finishedAt: number | null; status: string } | null;
  chunks: ChunkStats | null;
  alerts: Map<string, number>;
  alertKeys: Map<string, { kind: string; reference: string; entityId: string; entityName: string }>;
  probe: { duringImport: number[]; duringJob: number[]; failures: number };
  peakRssMb: number;
  readyRssMb: number;
  warnings: LogLine[];
}

const now = () => performance.timeOrigin + performance.now();
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const say = (line: string) => process.stderr.write(`bench:monitor: ${line}\n`);
const out = (line = '') => process.stdout.write(`${line}\n`);
const percentile = (xs: readonly number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const longest = (xs: readonly number[]) => (xs.length === 0 ? NaN : Math.max(...xs));
const ms = (x: number) => (Number.isNaN(x) ? '–' : String(Math.round(x)));
const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// ---------------------------------------------------------------------------------------------------------------------
// The book.

/** A made-up person of one of many origins, written as a bank's systems hold it. */
function person(rng: Rng): string {
  const origin = rng.next();
  if (origin < 0.22) {
    const given = rng.pick(parts.EUROPEAN_GIVEN);
    const family = rng.pick(parts.EUROPEAN_FAMILY);
    const middle = rng.chance(0.2) ? ` ${rng.pick(parts.EUROPEAN_GIVEN).charAt(0)}.` : '';
    return rng.chance(0.15) ? `${family}, ${given}` : `${given}${middle} ${family}`;
  }
  if (origin < 0.36) {
    const female = rng.chance(0.45);
    const family = rng.pick(parts.RUSSIAN_FAMILY);
    const cyrillic = `${rng.pick(female ? parts.RUSSIAN_FEMALE_GIVEN : parts.RUSSIAN_MALE_GIVEN)} ${female ? parts.feminineFamily(family) : family}`;
    return rng.chance(0.15) ? cyrillic : transliterate(cyrillic, rng.pick(['bgn', 'bgn', 'icao'] as const));
  }
  if (origin < 0.5) {
    const female = rng.chance(0.3);
    const given = rng.pick(female ? parts.ARABIC_FEMALE_GIVEN : parts.ARABIC_MALE_GIVEN);
    const father = rng.chance(0.4) ? `${rng.pick(parts.ARABIC_MALE_GIVEN)} ` : '';
    return `${given} ${father}${rng.pick(parts.ARABIC_FAMILY)}`;
  }
  if (origin < 0.62) {
    const family = rng.pick(parts.CHINESE_FAMILY);
    const given = rng.pick(parts.CHINESE_GIVEN);
    return rng.chance(0.3) ? `${given} ${family}` : `${family} ${given}`;
  }
  if (origin < 0.68) {
    const name: KoreanName = { family: rng.pick(parts.KOREAN_FAMILY), given: [...rng.pick(parts.KOREAN_GIVEN)] };
    const southern: KoreanName = { family: southernSpelling(name.family), given: name.given };
    const style = rng.pick(['hyphen', 'space', 'joined'] as const);
    const which = rng.next();
    if (which < 0.5) return romanizeRr(southern, rng, { style });
    if (which < 0.8) return romanizePopular(southern, rng, { style });
    return romanizeMr(name, { style, dprkJ: rng.chance(0.5), upper: rng.chance(0.5) });
  }
  const origins = Object.keys(parts.OTHER_NAMES);
  const names = parts.OTHER_NAMES[rng.pick(origins)]!;
  return `${rng.pick(names.given)} ${rng.pick(names.family)}`;
}

/** A made-up company: an English, Russian, Korean or Chinese style name with its legal form. */
function company(rng: Rng): string {
  const style = rng.next();
  if (style < 0.55) {
    const form = rng.chance(0.8) ? ` ${rng.pick(parts.LEGAL_FORMS_LATIN)}` : '';
    return `${rng.pick(parts.COMPANY_STEMS_LATIN)} ${rng.pick(parts.INDUSTRY_WORDS)}${form}`;
  }
  if (style < 0.75) {
    const stem = rng.pick(parts.RUSSIAN_COMPANY_STEMS);
    const cyrillic = rng.chance(0.5) ? `${stem}${rng.pick(parts.RUSSIAN_INDUSTRY_STEMS).toLowerCase()}` : stem;
    const form = rng.pick(parts.RUSSIAN_LEGAL_FORMS);
    return rng.chance(0.2) ? `${form.cyrillic} «${cyrillic}»` : `${rng.pick(form.latin)} "${transliterate(cyrillic, 'bgn')}"`;
  }
  if (style < 0.85) return `${rng.pick(parts.KOREAN_COMPANY_STEMS)} ${rng.pick(parts.KOREAN_COMPANY_WORDS)}`;
  return `${rng.pick(parts.CHINESE_COMPANY_PLACES)} ${rng.pick(parts.CHINESE_COMPANY_WORDS)} ${rng.pick(parts.INDUSTRY_WORDS)} Co., Ltd.`;
}

/** 62 % people (a quarter with a birth year), 38 % companies; one in ten typed `any`; a third with a country. */
function madeUp(rng: Rng): BookRow {
  const isPerson = rng.chance(0.62);
  const row: BookRow = { name: isPerson ? person(rng) : company(rng), type: rng.chance(0.1) ? 'any' : isPerson ? 'person' : 'organization' };
  if (rng.chance(0.33)) row.country = rng.pick(COUNTRIES);
  if (isPerson && rng.chance(0.25)) row.birthDate = String(1940 + rng.int(65));
  return row;
}

const typeOf = (entity: CanonicalEntity): BookType => (entity.type === 'person' ? 'person' : 'organization');
const reordered = (name: string) => name.split(/\s+/).reverse().join(' ');

/**
 * Counterparties the update concerns, by what they are: names of entries the 2026 list adds (as listed, reordered
 * in lower case, an alias), of entries it removes and amends (as the 2024 list wrote them), and near misses.
 */
function planted(rng: Rng, lists: { added: CanonicalEntity[]; removed: CanonicalEntity[]; amended: CanonicalEntity[] }): Map<string, BookRow[]> {
  const byClass = new Map<string, BookRow[]>();
  const add = (label: string, row: BookRow) => byClass.set(label, [...(byClass.get(label) ?? []), row]);
  for (const entity of lists.added) {
    add('added: as listed', { name: entity.primaryName, type: typeOf(entity) });
    if (entity.type === 'person' && rng.chance(0.5)) add('added: reordered, lower case', { name: reordered(entity.primaryName).toLowerCase(), type: 'any' });
    const alias = entity.names.find((n) => n.kind === 'alias' && n.quality !== 'low');
    if (alias && rng.chance(0.5)) add('added: an alias', { name: alias.name, type: typeOf(entity) });
  }
  for (const entity of lists.removed) {
    add('removed: as listed', { name: entity.primaryName, type: typeOf(entity) });
    if (entity.type === 'person') add('removed: reordered', { name: reordered(entity.primaryName), type: 'person' });
  }
  for (const entity of lists.amended) add('amended: as listed in 2024', { name: entity.primaryName, type: rng.chance(0.5) ? 'any' : typeOf(entity) });
  const persons = lists.added.filter((e) => e.type === 'person' && e.primaryName.split(/\s+/).length >= 2);
  const organizations = lists.added.filter((e) => e.type === 'organization' && e.primaryName.split(/\s+/).length >= 2);
  for (let i = 0; i < NEAR_MISSES; i += 1) {
    if (i % 3 !== 2 && persons.length > 0) {
      // The listed person's first name with another family name.
      const [first] = rng.pick(persons).primaryName.split(/\s+/);
      add('near miss: a listed first name, another family', { name: `${first} ${rng.pick(parts.EUROPEAN_FAMILY)}`, type: 'person' });
    } else if (organizations.length > 0) {
      // The listed organization's first word with other words.
      const [first] = rng.pick(organizations).primaryName.split(/\s+/);
      add('near miss: a listed company word, other words', { name: `${first} ${rng.pick(parts.INDUSTRY_WORDS)} ${rng.pick(parts.LEGAL_FORMS_LATIN)}`, type: 'organization' });
    }
  }
  return byClass;
}

/** Writes the book as a job CSV (id, name, type, country, birthDate, reference) line by line; the planted rows scattered. */
async function writeBook(file: string, plantedRows: BookRow[]): Promise<void> {
  const rng = createRng(SEED).fork('made-up');
  const positions = new Map<number, BookRow>();
  const placing = createRng(SEED).fork('positions');
  for (const row of plantedRows) {
    let at = placing.int(MONITORS);
    while (positions.has(at)) at = (at + 1) % MONITORS;
    positions.set(at, row);
  }
  const stream = fs.createWriteStream(file);
  stream.write('id,name,type,country,birthDate,reference\n');
  for (let i = 0; i < MONITORS; i += 1) {
    const row = positions.get(i) ?? madeUp(rng);
    const id = `CP-${String(i + 1).padStart(7, '0')}`;
    const line = `${id},${csvCell(row.name)},${row.type},${row.country ?? ''},${row.birthDate ?? ''},REF-${String(i + 1).padStart(7, '0')}\n`;
    if (!stream.write(line)) await once(stream, 'drain');
  }
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

// ---------------------------------------------------------------------------------------------------------------------
// The service.

/** The service as its own process on `databaseUrl`; every log line it writes is kept (pino: one JSON object a line). */
async function startService(databaseUrl: string, mode: Mode): Promise<Service> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      UN_LIST_FILE: LIST_2024,
      MONITORING_MODE: mode,
      // Only the importing replica is measured: it switches at once, no polling.
      DATASET_POLL_INTERVAL_MS: '0',
      LOG_LEVEL: 'info',
      LOG_REQUESTS: 'false',
      RATE_LIMIT_MAX: '0',
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const log: LogLine[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      log.push(JSON.parse(line) as LogLine);
    } catch {
      process.stderr.write(`service: ${line}\n`);
    }
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited with code ${child.exitCode}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) break;
    if (Date.now() - started > READY_TIMEOUT_MS) throw new Error(`service not ready after ${READY_TIMEOUT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Samples the process's resident set size (Linux) and keeps the peak. */
function sampleRss(pid: number): { stop(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), RSS_SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Screens one name every PROBE_INTERVAL_MS until stopped: what an interactive client sees meanwhile. */
function probe(url: string): { stop(): Promise<{ samples: Array<{ at: number; ms: number }>; failures: number }> } {
  let running = true;
  const samples: Array<{ at: number; ms: number }> = [];
  let failures = 0;
  const loop = (async () => {
    for (let i = 0; running; i += 1) {
      const at = now();
      const ok = await fetch(`${url}/v1/screen`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: ['Maria Gonzalez', 'Pak Yong Sik', 'Acme Trading LLC'][i % 3], reference: `probe-${i}` }),
      }).then(
        async (r) => (await r.text(), r.ok),
        () => false,
      );
      if (ok) samples.push({ at, ms: now() - at });
      else failures += 1;
      await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { samples, failures };
    },
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The runs.

/** Uploads the book with ?monitor=true and follows the job; returns what it enrolled and how long it took. */
async function enrol(service: Service, file: string): Promise<{ seconds: number; enrolled: number; notEnrolled: number; hits: number; reviews: number }> {
  const started = now();
  const response = await fetch(`${service.url}/v1/jobs?monitor=true`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8' },
    body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (response.status !== 202) throw new Error(`the upload answered ${response.status}: ${await response.text()}`);
  const { jobId } = (await response.json()) as { jobId: string };
  let lastProgress = now();
  for (;;) {
    const job = (await (await fetch(`${service.url}/v1/jobs/${jobId}`)).json()) as {
      status: string;
      processed: number;
      total: number;
      hits: number;
      reviews: number;
      error: string | null;
      monitoring?: { enrolled: number; notEnrolled: number };
    };
    if (job.status === 'succeeded') {
      return { seconds: (now() - started) / 1000, enrolled: job.monitoring?.enrolled ?? 0, notEnrolled: job.monitoring?.notEnrolled ?? 0, hits: job.hits, reviews: job.reviews };
    }
    if (job.status !== 'queued' && job.status !== 'running') throw new Error(`the enrolment job ${jobId} ${job.status}: ${job.error ?? ''}`);
    if (now() - lastProgress > PROGRESS_MS) {
      lastProgress = now();
      say(`enrolling: ${job.processed} of ${job.total} rows after ${seconds(now() - started)} s`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The newest monitoring job, once it finished; null when the service logged that nobody needed re-screening. */
async function monitoringJobFinished(client: Client, service: Service): Promise<ModeRun['job']> {
  const deadline = now() + JOB_TIMEOUT_MS;
  for (;;) {
    const { rows } = await client.query<{ id: string; status: string; total: number; created_at: Date; started_at: Date | null; finished_at: Date | null }>(
      `select id, status, total, created_at, started_at, finished_at from jobs where kind = 'monitoring' order by created_at desc limit 1`,
    );
    const job = rows[0];
    if (job && job.status !== 'queued' && job.status !== 'running' && job.status !== 'receiving') {
      return {
        id: job.id,
        status: job.status,
        total: job.total,
        createdAt: job.created_at.getTime(),
        startedAt: job.started_at?.getTime() ?? null,
        finishedAt: job.finished_at?.getTime() ?? null,
      };
    }
    if (!job && service.log.some((l) => l.msg === 'new version: no monitored counterparty to re-screen')) return null;
    if (service.child.exitCode !== null) throw new Error(`the service exited (${service.child.exitCode}) before the monitoring job finished`);
    if (now() > deadline) throw new Error(`the monitoring job did not finish within ${JOB_TIMEOUT_MS / 60_000} min`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** One mode on its own copy of the enrolled database: start the service, import the 2026 list, wait for the job. */
async function runMode(mode: Mode, databaseUrl: string, file2026: Buffer): Promise<ModeRun> {
  say(`${mode}: starting the service on its copy of the enrolled database …`);
  const service = await startService(databaseUrl, mode);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const readyRssMb = rssMb(service.child.pid ?? 0);
    const rss = sampleRss(service.child.pid ?? 0);
    const probing = probe(service.url);
    await new Promise((r) => setTimeout(r, 2000));
    say(`${mode}: importing the 2026 list …`);
    const sentAt = now();
    const response = await fetch(`${service.url}/v1/datasets/un/versions`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: file2026 });
    const answer = await response.text();
    const answeredAt = now();
    if (response.status !== 201) say(`${mode}: the import answered ${response.status}: ${answer.slice(0, 300)}`);
    say(`${mode}: import answered ${response.status} after ${seconds(answeredAt - sentAt)} s; waiting for the monitoring job …`);
    const job = await monitoringJobFinished(client, service);
    const finishedAt = now();
    const { samples, failures } = await probing.stop();
    const peakRssMb = rss.stop();
    say(`${mode}: monitoring job ${job ? job.status : '(none)'} ${seconds(finishedAt - answeredAt)} s after the 201`);

    let chunks: ChunkStats | null = null;
    if (job) {
      const { rows } = await client.query<{ chunks: number; rows: number; screen: number; commit: number; last: Date | null }>(
        `select count(*)::int as chunks, coalesce(sum(row_count), 0)::int as rows, coalesce(sum(screen_ms), 0)::float as screen,
                coalesce(sum(commit_ms), 0)::float as commit, max(done_at) as last
         from job_chunks where job_id = $1`,
        [job.id],
      );
      const r = rows[0]!;
      chunks = { chunks: r.chunks, rows: r.rows, screenMs: r.screen, commitMs: r.commit, wallMs: r.last && job.startedAt ? r.last.getTime() - job.startedAt : NaN };
    }
    const { rows: alertRows } = await client.query<{ kind: string; reference: string; entity_id: string; entity_name: string }>(
      `select kind, reference, entity_id, entity_name from alerts`,
    );
    const alerts = new Map<string, number>();
    const alertKeys = new Map<string, { kind: string; reference: string; entityId: string; entityName: string }>();
    for (const a of alertRows) {
      alerts.set(a.kind, (alerts.get(a.kind) ?? 0) + 1);
      alertKeys.set(`${a.kind} ${a.reference} ${a.entity_id}`, { kind: a.kind, reference: a.reference, entityId: a.entity_id, entityName: a.entity_name });
    }
    const switched = service.log.find((l) => l.msg === 'switched to new dataset versions' && l.time >= sentAt - 1000);
    const monitoring = service.log.find((l) => l.msg === 'monitoring re-screen started' || l.msg === 'new version: no monitored counterparty to re-screen');
    return {
      mode,
      importStatus: response.status,
      sentAt,
      answeredAt,
      finishedAt,
      ...(switched ? { switchedAt: switched.time, ...(switched.buildMs !== undefined ? { buildMs: switched.buildMs } : {}) } : {}),
      ...(monitoring ? { monitoringStartedAt: monitoring.time } : {}),
      job,
      chunks,
      alerts,
      alertKeys,
      probe: {
        duringImport: samples.filter((s) => s.at + s.ms > sentAt && s.at < answeredAt).map((s) => s.ms),
        duringJob: samples.filter((s) => s.at >= answeredAt).map((s) => s.ms),
        failures,
      },
      peakRssMb,
      readyRssMb,
      warnings: service.log.filter((l) => l.level >= 40 && l.time >= sentAt),
    };
  } finally {
    await client.end();
    await service.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The report.

function report(runs: ModeRun[], book: { planted: Map<string, BookRow[]>; enrolment: Awaited<ReturnType<typeof enrol>>; matching: number; matches: number }, changes: { added: number; removed: number; amended: number }) {
  const [delta, full] = runs as [ModeRun, ModeRun];
  const row = (label: string, f: (r: ModeRun) => string) => out(`| ${label} | ${f(delta)} | ${f(full)} |`);
  const sinceSent = (t: number | undefined, r: ModeRun) => (t === undefined ? '–' : seconds(t - r.sentAt));
  const plantedCount = [...book.planted.values()].reduce((n, rows) => n + rows.length, 0);

  out();
  out(`bench:monitor — ${MONITORS.toLocaleString('en')} monitored counterparties on PostgreSQL, UN list 2024-09-26 → 2026-02-27 (+${changes.added} −${changes.removed} ~${changes.amended}), ${os.cpus().length} cores`);
  out(`book: ${(MONITORS - plantedCount).toLocaleString('en')} made-up people (62 %) and companies of many origins, and ${plantedCount} planted: ${[...book.planted].map(([label, rows]) => `${label} ${rows.length}`).join('; ')}`);
  out(
    `enrolment (POST /v1/jobs?monitor=true, once, then the database copied for each mode): ${seconds(book.enrolment.seconds * 1000)} s, ` +
      `${Math.round(MONITORS / book.enrolment.seconds)} rows/s; ${book.enrolment.enrolled.toLocaleString('en')} enrolled, ${book.enrolment.notEnrolled} not enrolled; ` +
      `${book.enrolment.hits} hits, ${book.enrolment.reviews} reviews; ${book.matching.toLocaleString('en')} counterparties match something on the 2024 list (${book.matches.toLocaleString('en')} matches)`,
  );
  out();
  out('| | delta | full |');
  out('|---|---|---|');
  row('import answered', (r) => String(r.importStatus));
  row('**from the 201 to the monitoring job finished (all alerts written), s**', (r) => `**${seconds(r.finishedAt - r.answeredAt)}**`);
  row('POST sent → 201 received, s (the monitoring job is created inside the import)', (r) => seconds(r.answeredAt - r.sentAt));
  row('POST sent → monitoring job finished, s', (r) => seconds(r.finishedAt - r.sentAt));
  row('counterparties re-screened (the job\'s rows)', (r) => (r.job ? r.job.total.toLocaleString('en') : '0 (no job)'));
  for (const kind of ['new-match', 'match-amended', 'match-removed']) row(`alerts: ${kind}`, (r) => String(r.alerts.get(kind) ?? 0));
  row('alerts: all', (r) => String([...r.alerts.values()].reduce((a, b) => a + b, 0)));
  out();
  out('where the time goes (s from the POST sent; service log times and the jobs table, same clock):');
  out();
  out('| | delta | full |');
  out('|---|---|---|');
  row('switched to the new version (upload, parse, checks, change set, store, snapshot and matcher build)', (r) => sinceSent(r.switchedAt, r));
  row('  of which the snapshot and matcher build (buildMs)', (r) => (r.buildMs === undefined ? '–' : seconds(r.buildMs)));
  row("monitoring set-up until 'monitoring re-screen started' (change set, book loaded, reverse index built and searched / whole book read, job rows written)", (r) =>
    r.monitoringStartedAt === undefined || r.switchedAt === undefined ? '–' : seconds(r.monitoringStartedAt - r.switchedAt),
  );
  row('  logged at', (r) => sinceSent(r.monitoringStartedAt, r));
  row('201 received', (r) => seconds(r.answeredAt - r.sentAt));
  row('job created → first chunk taken (queue)', (r) => (r.job?.startedAt ? seconds(r.job.startedAt - r.job.createdAt) : '–'));
  row('first chunk taken → last chunk committed (wall)', (r) => (r.chunks ? seconds(r.chunks.wallMs) : '–'));
  row('  chunks; rows', (r) => (r.chunks ? `${r.chunks.chunks}; ${r.chunks.rows.toLocaleString('en')}` : '–'));
  row('  Σ screening in the threads (screen_ms), s; ms/row', (r) => (r.chunks && r.chunks.rows > 0 ? `${seconds(r.chunks.screenMs)}; ${(r.chunks.screenMs / r.chunks.rows).toFixed(2)}` : '–'));
  row('  Σ commit: results, audit, monitoring state and alerts (commit_ms), s; ms/row', (r) => (r.chunks && r.chunks.rows > 0 ? `${seconds(r.chunks.commitMs)}; ${(r.chunks.commitMs / r.chunks.rows).toFixed(2)}` : '–'));
  row('job finished (jobs.finished_at)', (r) => sinceSent(r.job?.finishedAt ?? undefined, r));
  row('seen finished by the bench (polled every 200 ms)', (r) => seconds(r.finishedAt - r.sentAt));
  out();
  out('| side effects | delta | full |');
  out('|---|---|---|');
  row('service RSS ready → peak, MB', (r) => `${Math.round(r.readyRssMb)} → ${Math.round(r.peakRssMb)}`);
  row(`/v1/screen probe (one every ${PROBE_INTERVAL_MS} ms) during the import request: n, p50, max ms`, (r) =>
    `${r.probe.duringImport.length}, ${ms(percentile(r.probe.duringImport, 50))}, ${ms(longest(r.probe.duringImport))}`,
  );
  row('… during the monitoring job: n, p50, p99, max ms', (r) =>
    `${r.probe.duringJob.length}, ${ms(percentile(r.probe.duringJob, 50))}, ${ms(percentile(r.probe.duringJob, 99))}, ${ms(longest(r.probe.duringJob))}`,
  );
  row('probe failures', (r) => String(r.probe.failures));
  row('service log lines at warn or above from the import on', (r) => String(r.warnings.length));
  for (const r of runs) for (const w of r.warnings.slice(0, 5)) out(`${r.mode} service: ${JSON.stringify(w).slice(0, 400)}`);

  const onlyIn = (a: ModeRun, b: ModeRun) => [...a.alertKeys].filter(([key]) => !b.alertKeys.has(key)).map(([, v]) => v);
  const onlyDelta = onlyIn(delta, full);
  const onlyFull = onlyIn(full, delta);
  out();
  const kindsEqual = ['new-match', 'match-amended', 'match-removed'].every((k) => (delta.alerts.get(k) ?? 0) === (full.alerts.get(k) ?? 0));
  if (onlyDelta.length === 0 && onlyFull.length === 0) {
    out(`alerts: the same ${delta.alertKeys.size} (kind, reference, entity) in both modes.`);
  } else {
    out(`alerts DIFFER: counts by kind ${kindsEqual ? 'equal' : 'differ'}; ${onlyFull.length} only from full (delta missed them), ${onlyDelta.length} only from delta.`);
    for (const a of onlyFull.slice(0, 20)) out(`  only full:  ${a.kind} ${a.reference} ${a.entityId} ${a.entityName}`);
    for (const a of onlyDelta.slice(0, 20)) out(`  only delta: ${a.kind} ${a.reference} ${a.entityId} ${a.entityName}`);
  }
  const deltaS = (delta.finishedAt - delta.answeredAt) / 1000;
  const pass = deltaS <= TARGET_DELTA_S && delta.importStatus === 201;
  out(
    `${pass ? 'PASS' : 'FAIL'}: delta ${deltaS.toFixed(1)} s from the import's 201 to the monitoring job finished (target ≤ ${TARGET_DELTA_S} s); ` +
      `${seconds(delta.finishedAt - delta.sentAt)} s from the POST sent, of which ${seconds(delta.answeredAt - delta.sentAt)} s inside the import request; full ${seconds(full.finishedAt - full.answeredAt)} s from its 201.`,
  );
  if (!pass || onlyDelta.length + onlyFull.length > 0) process.exitCode = 1;
}

async function main() {
  const started = now();
  say(`reading both lists and writing a book of ${MONITORS.toLocaleString('en')} counterparties …`);
  const resolutions = await readResolutionTexts(path.join(ROOT, 'data'));
  const before = readUnConsolidatedList(fs.readFileSync(LIST_2024), resolutions).entities;
  const after = readUnConsolidatedList(fs.readFileSync(LIST_2026), resolutions).entities;
  const changeSet = computeChangeSet(before, after);
  const [was, is] = [new Map(before.map((e) => [e.id, e])), new Map(after.map((e) => [e.id, e]))];
  const lists = {
    added: changeSet.added.map((e) => is.get(e.entityId)!),
    removed: changeSet.removed.map((e) => was.get(e.entityId)!),
    amended: changeSet.amended.map((e) => was.get(e.entityId)!),
  };
  const plantedRows = planted(createRng(SEED).fork('planted'), lists);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-monitor-'));
  const book = path.join(work, 'book.csv');
  await writeBook(book, [...plantedRows.values()].flat());
  say(`book: ${(fs.statSync(book).size / 2 ** 20).toFixed(1)} MB`);

  let pgDir: string | undefined;
  let serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    // Its own temporary directory: the server runs as the postgres user, which cannot enter `work`.
    pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-monitor-pg-'));
    serverUrl = execFileSync(path.join(ROOT, 'scripts/postgres-test-server.sh'), ['start', pgDir, String(await freePort())], { encoding: 'utf8' }).trim();
  }
  const names = { delta: `bench_monitor_delta_${process.pid}`, full: `bench_monitor_full_${process.pid}` };
  try {
    const deltaUrl = await createDatabase(serverUrl, names.delta);
    say('enrolling the book on the 2024 list (one upload with ?monitor=true) …');
    const enrolling = await startService(deltaUrl, 'delta');
    let enrolment: Awaited<ReturnType<typeof enrol>>;
    try {
      enrolment = await enrol(enrolling, book);
    } finally {
      await enrolling.stop();
    }
    const { matching, matches } = await withClient(deltaUrl, async (client) => {
      const { rows } = await client.query<{ matching: number; matches: number }>(`select count(distinct reference)::int as matching, count(*)::int as matches from monitor_matches`);
      return rows[0]!;
    });
    say(`enrolled ${enrolment.enrolled} in ${enrolment.seconds.toFixed(1)} s; copying the database for the full run …`);
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${names.full} TEMPLATE ${names.delta}`));
    const fullUrl = new URL(serverUrl);
    fullUrl.pathname = `/${names.full}`;

    const file2026 = fs.readFileSync(LIST_2026);
    const runs = [await runMode('delta', deltaUrl, file2026), await runMode('full', fullUrl.toString(), file2026)];
    report(runs, { planted: plantedRows, enrolment, matching, matches }, { added: lists.added.length, removed: lists.removed.length, amended: lists.amended.length });
    out(`(whole run ${((now() - started) / 60_000).toFixed(1)} min; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  } finally {
    await withClient(serverUrl, async (client) => {
      for (const name of Object.values(names)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }).catch((error: unknown) => say(`could not drop the databases: ${String(error)}`));
    if (pgDir) {
      execFileSync(path.join(ROOT, 'scripts/postgres-test-server.sh'), ['stop', pgDir]);
      fs.rmSync(pgDir, { recursive: true, force: true });
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
