import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { createDatabase, ROOT, startService, type ServiceProcess } from './service-process';
import { createRng } from './quality/prng';

/**
 * npm run bench:jobs — batch jobs end to end on the compiled service: a generated CSV is uploaded (streamed), screened,
 * audited and downloaded as CSV, on PGlite and on PostgreSQL with one and with two replicas (separate processes).
 * Reports rows/s, the peak RSS of each service process (sampled), and /v1/screen latency from a probe that screens
 * one name at a time while the job runs. A 50,000-row run beside the 100,000-row one shows memory against file size.
 * Each PostgreSQL scenario runs BENCH_JOBS_REPEAT times (default 3) on a fresh database and the run with the median
 * rate is reported, with the others' rates beside it: one run on this shared machine varies by ±15 %.
 *   BENCH_JOBS_ROWS (default 100000); BENCH_DATABASE_URL to use an existing PostgreSQL server (else one is started
 *   with scripts/postgres-test-server.sh); BENCH_JOBS_SCENARIOS to pick scenarios by number (e.g. "2,4").
 */
const ROWS = Number(process.env.BENCH_JOBS_ROWS ?? 100_000);
const REPEAT = Number(process.env.BENCH_JOBS_REPEAT ?? 3);
const HALF = Math.round(ROWS / 2);
// The probe screens one name, waits this long, and again: a light, steady interactive load beside the job.
const PROBE_PAUSE_MS = 50;
const RSS_SAMPLE_MS = 250;
// Before the upload the probe runs this long alone: its latency without a job, for comparison.
const IDLE_PROBE_MS = 5000;
const PROBE_NAMES = ['Pak Yong Sik', 'Ткачук Сергей', 'Maria Gonzalez', 'Acme Trading LLC', 'Natalya Titova', 'Zhang Wei'];


const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Linda', 'David', 'Elizabeth', 'Thomas', 'Sarah', 'Olga', 'Dmitri', 'Anastasia', 'Alexei', 'Yuki', 'Hiroshi', 'Min-jun', 'Seo-yeon', 'Wei', 'Fang', 'Mohammed', 'Fatima', 'Carlos', 'Lucia', 'Hans', 'Greta', 'Pierre', 'Amelie', 'Giovanni', 'Chiara', 'Aarav', 'Priya', 'Kwame', 'Amara', 'Lars', 'Ingrid', 'Mateus', 'Beatriz', 'Tomasz', 'Agnieszka'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Ivanova', 'Petrov', 'Sokolov', 'Tanaka', 'Suzuki', 'Choi', 'Jung', 'Chen', 'Liu', 'Haddad', 'Rahman', 'Fernandez', 'Rossi', 'Mueller', 'Schmidt', 'Dubois', 'Moreau', 'Bianchi', 'Sharma', 'Patel', 'Mensah', 'Okafor', 'Larsen', 'Nilsson', 'Silva', 'Santos', 'Kowalski', 'Nowak', 'Novak', 'Horvath'];
const WORDS = ['Northern', 'Atlantic', 'Global', 'Pacific', 'Summit', 'Harbor', 'Granite', 'Silver', 'Evergreen', 'Blue', 'River', 'Crescent', 'Pioneer', 'Union', 'Meridian', 'Alpine', 'Coastal', 'Prime', 'United', 'Royal'];
const TRADES = ['Trading', 'Logistics', 'Shipping', 'Holdings', 'Textiles', 'Foods', 'Energy', 'Mining', 'Construction', 'Software', 'Timber', 'Chemicals', 'Pharma', 'Motors', 'Fisheries'];
const FORMS = ['LLC', 'Ltd', 'GmbH', 'S.A.', 'Inc.', 'OOO', 'JSC', 'Co., Ltd.', 'B.V.', 'AG'];
const LISTED = ['SIK, Pak Yong', 'Ткачук Сергей', 'Natalya Titova', 'Park Yong-sik', 'Ivan Vyuchnov', 'OOO LocoTech-Signal'];

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * A bank's counterparty file: 62 % people (some with a birth year), 38 % companies, 0.5 % names from the lists,
 * 0.1 % rows without a name. Written line by line: the generator never holds the file.
 */
async function writeCounterparties(file: string, rows: number): Promise<void> {
  // Seeded, so every run screens the same file.
  const random = createRng(20261127).next;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const out = fs.createWriteStream(file);
  out.write('id,name,type,country,birthDate,reference\n');
  for (let i = 1; i <= rows; i++) {
    const x = random();
    let row: string[];
    if (x < 0.005) row = [pick(LISTED), 'any', '', ''];
    else if (x < 0.006) row = ['', 'any', '', ''];
    else if (x < 0.626) {
      const initial = random() < 0.2 ? `${String.fromCharCode(65 + Math.floor(random() * 26))}. ` : '';
      row = [`${pick(FIRST)} ${initial}${pick(LAST)}`, 'person', '', random() < 0.3 ? String(1940 + Math.floor(random() * 60)) : ''];
    } else row = [`${pick(WORDS)} ${pick(TRADES)} ${pick(FORMS)}`, 'organization', random() < 0.5 ? 'GB' : '', ''];
    const [name, type, country, birthDate] = row;
    if (!out.write(`CP-${i},${csvCell(name!)},${type},${country},${birthDate},REF-${i}\n`)) await once(out, 'drain');
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Samples each process's resident set size (VmRSS, Linux) and keeps the peak. */
function sampleRss(pids: number[]): { stop(): number[] } {
  const peaks = pids.map(() => 0);
  const read = () =>
    pids.forEach((pid, i) => {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peaks[i] = Math.max(peaks[i]!, kb * 1024);
    });
  read();
  const timer = setInterval(() => {
    try {
      read();
    } catch {
      // The process is gone; its peak stays as sampled.
    }
  }, RSS_SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return peaks;
    },
  };
}

/** Screens one name at a time against `url` until stopped; returns every latency in ms and why any failed. */
function probe(url: string): { stop(): Promise<{ latencies: number[]; failures: string[] }> } {
  let running = true;
  const failures: string[] = [];
  const latencies: number[] = [];
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const started = performance.now();
      const failure = await fetch(`${url}/v1/screen`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: PROBE_NAMES[i % PROBE_NAMES.length], reference: `probe-${i}` }),
      }).then(
        async (r) => {
          const text = await r.text();
          return r.ok ? undefined : `${r.status} ${text.slice(0, 200)}`;
        },
        (error: unknown) => String(error instanceof Error && error.cause ? error.cause : error),
      );
      if (failure === undefined) latencies.push(performance.now() - started);
      else failures.push(failure);
      await new Promise((r) => setTimeout(r, PROBE_PAUSE_MS));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { latencies, failures };
    },
  };
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

interface Outcome {
  scenario: string;
  rows: number;
  uploadS: number;
  screenS: number;
  downloadS: number;
  totalS: number;
  rowsPerS: number;
  peakRssMb: number[];
  readyRssMb: number[];
  probe: { p50: number; p99: number; max: number; n: number; errors: number };
  idleProbe: { p50: number; p99: number };
  split?: string;
  /** Every run's rows/s when the scenario ran more than once (this outcome is the median run). */
  runs?: number[];
}

/** One job end to end against `services` (the first takes the upload and the probe). */
async function runJob(scenario: string, services: ServiceProcess[], file: string, rows: number, databaseUrl?: string): Promise<Outcome> {
  const pids = services.map((s) => s.child.pid ?? 0);
  const readyRss = sampleRss(pids).stop();
  const rss = sampleRss(pids);
  const [front] = services;
  const idle = probe(front!.url);
  await new Promise((r) => setTimeout(r, IDLE_PROBE_MS));
  const { latencies: idleLatencies } = await idle.stop();
  const probing = probe(front!.url);
  const started = performance.now();
  const response = await fetch(`${front!.url}/v1/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  const { jobId } = (await response.json()) as { jobId: string };
  const uploaded = performance.now();
  let job: { status: string; processed: number; total: number };
  let pollFailures = 0;
  for (;;) {
    try {
      job = (await (await fetch(`${front!.url}/v1/jobs/${jobId}`)).json()) as typeof job;
    } catch (error) {
      // A dropped connection is reported, not fatal, unless the service itself is gone.
      const child = front!.child;
      const reason = String((error as Error).cause ?? error);
      if (child.exitCode !== null || child.signalCode !== null || pollFailures >= 10) {
        throw new Error(`polling job ${jobId} failed (${reason}); service exit ${child.exitCode} signal ${child.signalCode}`);
      }
      pollFailures += 1;
      process.stdout.write(`${scenario}: a status poll failed (${reason}); polling on\n`);
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    if (job.status !== 'queued' && job.status !== 'running') break;
    // The end of the job is known to within this poll: it adds up to 0.1 s to a ~20 s run.
    await new Promise((r) => setTimeout(r, 100));
  }
  if (job.status !== 'succeeded') throw new Error(`job ${jobId} ${job.status}`);
  const screened = performance.now();
  const download = await fetch(`${front!.url}/v1/jobs/${jobId}/results?format=csv`);
  let lines = 0;
  for await (const chunk of Readable.fromWeb(download.body as Parameters<typeof Readable.fromWeb>[0])) {
    for (const byte of chunk as Buffer) if (byte === 10) lines += 1;
  }
  const finished = performance.now();
  const { latencies, failures } = await probing.stop();
  for (const failure of new Set(failures)) process.stdout.write(`${scenario}: probe failed: ${failure}\n`);
  const peaks = rss.stop();
  if (lines !== rows + 1) throw new Error(`downloaded ${lines} lines for ${rows} rows`);
  const outcome: Outcome = {
    scenario,
    rows,
    uploadS: (uploaded - started) / 1000,
    screenS: (screened - uploaded) / 1000,
    downloadS: (finished - screened) / 1000,
    totalS: (finished - started) / 1000,
    rowsPerS: rows / ((finished - started) / 1000),
    peakRssMb: peaks.map((b) => b / 2 ** 20),
    readyRssMb: readyRss.map((b) => b / 2 ** 20),
    probe: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies), n: latencies.length, errors: failures.length },
    idleProbe: { p50: percentile(idleLatencies, 50), p99: percentile(idleLatencies, 99) },
  };
  if (databaseUrl) outcome.split = await chunkSplit(databaseUrl, jobId);
  return outcome;
}

/** Where a PostgreSQL job's time went: chunks per replica, and screening vs commit time per row. */
async function chunkSplit(databaseUrl: string, jobId: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select worker, count(*)::int as chunks, sum(screen_ms)::float / sum(row_count) as screen, sum(commit_ms)::float / sum(row_count) as commit
       from job_chunks where job_id = $1 group by worker order by worker`,
      [jobId],
    );
    return (rows as { worker: string; chunks: number; screen: number; commit: number }[])
      .map((r) => `${r.worker}: ${r.chunks} chunks, screening ${r.screen.toFixed(2)} ms/row, commit ${r.commit.toFixed(2)} ms/row`)
      .join('; ');
  } finally {
    await client.end();
  }
}

async function main() {
  const only = process.env.BENCH_JOBS_SCENARIOS?.split(',').map(Number);
  const wanted = (n: number) => !only || only.includes(n);
  process.stdout.write(`building…\n`);
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-jobs-'));
  const files = { full: path.join(work, `counterparties-${ROWS}.csv`), half: path.join(work, `counterparties-${HALF}.csv`) };
  await writeCounterparties(files.full, ROWS);
  await writeCounterparties(files.half, HALF);
  process.stdout.write(`files: ${ROWS} rows (${(fs.statSync(files.full).size / 2 ** 20).toFixed(1)} MB) and ${HALF} rows\n`);

  let pgDir: string | undefined;
  let serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    // Its own temporary directory: the server runs as the postgres user, which cannot enter `work`.
    pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-jobs-pg-'));
    serverUrl = execFileSync(path.join(ROOT, 'scripts/postgres-test-server.sh'), ['start', pgDir, String(await freePort())], { encoding: 'utf8' }).trim();
  }
  const outcomes: Outcome[] = [];
  const report = (o: Outcome) => {
    process.stdout.write(`${o.scenario}: ${o.rows} rows in ${o.totalS.toFixed(1)} s = ${Math.round(o.rowsPerS)} rows/s${o.split ? ` (${o.split})` : ''}\n`);
  };
  const started = performance.now();
  try {
    const pgRun = async (scenario: string, replicas: number, file: string, rows: number, name: string) => {
      const url = await createDatabase(serverUrl!, `${name}_${process.pid}`);
      const services: ServiceProcess[] = [];
      try {
        for (let i = 0; i < replicas; i++) services.push(await startService({ DATABASE_URL: url }, await freePort()));
        const outcome = await runJob(scenario, services, file, rows, url);
        report(outcome);
        return outcome;
      } finally {
        for (const s of services) await s.stop();
      }
    };
    const pgJob = async (scenario: string, replicas: number, file: string, rows: number, name: string) => {
      const runs: Outcome[] = [];
      for (let i = 0; i < REPEAT; i++) runs.push(await pgRun(scenario, replicas, file, rows, name));
      const byRate = [...runs].sort((a, b) => a.rowsPerS - b.rowsPerS);
      const median = byRate[Math.floor((byRate.length - 1) / 2)]!;
      outcomes.push(runs.length > 1 ? { ...median, runs: runs.map((r) => r.rowsPerS) } : median);
    };
    if (wanted(1)) {
      const dir = path.join(work, 'pglite');
      const service = await startService({ PGLITE_DATA_DIR: dir }, await freePort());
      try {
        const outcome = await runJob('1 PGlite, 1 replica', [service], files.full, ROWS);
        report(outcome);
        outcomes.push(outcome);
      } finally {
        await service.stop();
      }
    }
    if (wanted(2)) await pgJob(`2 PostgreSQL, 1 replica, ${HALF} rows`, 1, files.half, HALF, 'bench_jobs_half');
    if (wanted(3)) await pgJob('3 PostgreSQL, 1 replica', 1, files.full, ROWS, 'bench_jobs_one');
    if (wanted(4)) await pgJob('4 PostgreSQL, 2 replicas', 2, files.full, ROWS, 'bench_jobs_two');
  } finally {
    if (pgDir) {
      execFileSync(path.join(ROOT, 'scripts/postgres-test-server.sh'), ['stop', pgDir]);
      fs.rmSync(pgDir, { recursive: true, force: true });
    }
    fs.rmSync(work, { recursive: true, force: true });
  }

  const mb = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' + ');
  const header = ['scenario', 'rows', 'upload s', 'screen s', 'download s', 'total s', 'rows/s', 'runs rows/s', 'RSS ready MB', 'RSS peak MB', 'idle p50/p99 ms', 'job p50 ms', 'job p99 ms', 'job max ms', 'probes'];
  const table = outcomes.map((o) => [
    o.scenario,
    String(o.rows),
    o.uploadS.toFixed(1),
    o.screenS.toFixed(1),
    o.downloadS.toFixed(1),
    o.totalS.toFixed(1),
    String(Math.round(o.rowsPerS)),
    o.runs ? o.runs.map((r) => Math.round(r)).join(' / ') : '',
    mb(o.readyRssMb),
    mb(o.peakRssMb),
    `${o.idleProbe.p50.toFixed(1)} / ${o.idleProbe.p99.toFixed(1)}`,
    o.probe.p50.toFixed(1),
    o.probe.p99.toFixed(1),
    o.probe.max.toFixed(0),
    `${o.probe.n}${o.probe.errors ? ` (${o.probe.errors} failed)` : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  process.stdout.write(
    `\nbatch jobs end to end (upload + screen + audit + download), ${os.cpus().length} cores, ${((performance.now() - started) / 60_000).toFixed(1)} min, load average at the end ${load}\n`,
  );
  process.stdout.write(`${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${table.map(line).join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
