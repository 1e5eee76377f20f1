import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { readResolutionTexts, readUnConsolidatedList } from '../src/lists/un/load-un-list';
import type { CanonicalEntity } from '../src/model/entity';
import { ROOT } from './service-process';

/**
 * npm run bench:switch — switching to a new UN list version under load, in one run. The service runs as its own
 * process (`node --import tsx src/main.ts`: the source as it is, no build; PGlite in memory) on the 2024 list.
 * CONCURRENCY request loops screen a steady mix of names on POST /v1/screen — listed in both versions, only in the
 * 2026 one (Iran, IRi.*), only in the 2024 one (removed since), and not listed — while the 2026 file is POSTed to
 * /v1/datasets/un/versions. Reports the import's round trip and the matcher's build time (`buildMs` of the service's
 * 'switched to new dataset versions' log line, read from its stdout), the requests before, during and after the
 * import, errors, latency during the import against a window of the same length before it (and after it), and
 * whether any answer mixed versions. Prints its numbers; exits 1 when a must-be-zero count is not zero.
 *   BENCH_SWITCH_CONCURRENCY (default 4) request loops; BENCH_SWITCH_BEFORE_S (default 20) of load before the
 *   import; BENCH_SWITCH_AFTER_S (default 15) after it returns.
 */
const CONCURRENCY = Number(process.env.BENCH_SWITCH_CONCURRENCY ?? 4);
// Long enough that the window before the import, as long as the import itself, comes after the warm-up.
const BEFORE_S = Number(process.env.BENCH_SWITCH_BEFORE_S ?? 20);
const AFTER_S = Number(process.env.BENCH_SWITCH_AFTER_S ?? 15);
const LIST_2024 = path.join(ROOT, 'data/un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(ROOT, 'data/un/consolidated-2026-02-27.xml');
// Names of each kind in the mix: enough to vary the queries, few enough that each recurs often.
const NAMES_PER_KIND = 3;
const UNLISTED = ['Maria Gonzalez', 'Acme Trading LLC', 'Zhang Wei', 'Hans Mueller'];
// The timeline around the import is shown this far either side of it, one row per bucket.
const TIMELINE_MARGIN_MS = 3000;
const TIMELINE_BUCKET_MS = 1000;
const READY_TIMEOUT_MS = 180_000;

type Kind = 'in both' | 'only 2026' | 'only 2024' | 'unlisted';

interface Query {
  kind: Kind;
  name: string;
  /** The entry the name is of, when listed. */
  entityId?: string;
}

interface Answer {
  query: Query;
  startedAt: number;
  endedAt: number;
  status: number;
  /** Why the request failed without an answer (network), or the body of a non-2xx. */
  error?: string;
  version?: string;
  entityIds: string[];
}

interface LogLine {
  level: number;
  time: number;
  msg: string;
  buildMs?: number;
  entities?: number;
}

const percentile = (xs: readonly number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const longest = (xs: readonly number[]) => (xs.length === 0 ? NaN : Math.max(...xs));
const ms = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x)}`);
const now = () => performance.timeOrigin + performance.now();

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The service as its own process; every log line it writes is kept (pino: one JSON object per line on stdout). */
async function startService(): Promise<{ url: string; child: ChildProcess; log: LogLine[]; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PGLITE_DATA_DIR: 'memory://',
      UN_LIST_FILE: LIST_2024,
      // Only the importing replica is measured: it switches at once, no polling.
      DATASET_POLL_INTERVAL_MS: '0',
      JOB_WORKERS: 'false',
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
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** The names screened, by kind, and the entries only one version holds (what an answer of the other must never name). */
async function nameMix(): Promise<{ queries: Query[]; onlyOld: Set<string>; onlyNew: Set<string> }> {
  const resolutions = await readResolutionTexts(path.join(ROOT, 'data'));
  const before = readUnConsolidatedList(fs.readFileSync(LIST_2024), resolutions).entities;
  const after = readUnConsolidatedList(fs.readFileSync(LIST_2026), resolutions).entities;
  const beforeIds = new Map(before.map((e) => [e.id, e]));
  const afterIds = new Map(after.map((e) => [e.id, e]));
  const onlyOld = new Set(before.filter((e) => !afterIds.has(e.id)).map((e) => e.id));
  const onlyNew = new Set(after.filter((e) => !beforeIds.has(e.id)).map((e) => e.id));
  const of = (kind: Kind, entities: CanonicalEntity[]) => entities.slice(0, NAMES_PER_KIND).map((e) => ({ kind, name: e.primaryName, entityId: e.id }));
  const queries: Query[] = [
    ...of('in both', before.filter((e) => e.type === 'person' && afterIds.get(e.id)?.primaryName === e.primaryName && e.id.startsWith('un-KP'))),
    ...of('only 2026', after.filter((e) => onlyNew.has(e.id) && e.id.startsWith('un-IRi.'))),
    ...of('only 2024', before.filter((e) => onlyOld.has(e.id) && e.type === 'person')),
    ...UNLISTED.map((name) => ({ kind: 'unlisted' as const, name })),
  ];
  return { queries, onlyOld, onlyNew };
}

/** CONCURRENCY loops screening the names in turn until stopped; every answer is kept with its times. */
function load(url: string, queries: readonly Query[]): { answers: Answer[]; stop(): Promise<void> } {
  const answers: Answer[] = [];
  let running = true;
  const loop = async (offset: number) => {
    for (let i = offset; running; i += CONCURRENCY) {
      const query = queries[i % queries.length]!;
      const startedAt = now();
      const answer = await fetch(`${url}/v1/screen`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: query.name, reference: `switch-${i}` }),
      }).then(
        async (res): Promise<Omit<Answer, 'query' | 'startedAt' | 'endedAt'>> => {
          if (!res.ok) return { status: res.status, error: (await res.text()).slice(0, 200), entityIds: [] };
          const body = (await res.json()) as { datasetVersions?: Record<string, string>; matches?: Array<{ entityId: string }> };
          return { status: res.status, version: body.datasetVersions?.['un'], entityIds: (body.matches ?? []).map((m) => m.entityId) };
        },
        (error: unknown) => ({ status: 0, error: String(error instanceof Error && error.cause ? error.cause : error), entityIds: [] }),
      );
      answers.push({ query, startedAt, endedAt: now(), ...answer });
    }
  };
  const loops = Array.from({ length: CONCURRENCY }, (_, i) => loop(i));
  return {
    answers,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

interface Window {
  label: string;
  seconds: number;
  answers: readonly Answer[];
}

function windowRow(w: Window): string {
  const latencies = w.answers.map((a) => a.endedAt - a.startedAt);
  const failed = w.answers.filter((a) => a.status < 200 || a.status >= 300).length;
  return `| ${w.label} | ${w.seconds.toFixed(1)} | ${w.answers.length} | ${(w.answers.length / w.seconds).toFixed(0)} | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 99))} | ${ms(longest(latencies))} | ${failed} |`;
}

async function main() {
  process.stderr.write('bench:switch: reading both lists for the name mix, starting the service on the 2024 list …\n');
  const starting = startService();
  const mix = await nameMix().catch(async (error: unknown) => {
    await starting.then((s) => s.stop(), () => undefined);
    throw error;
  });
  const { queries, onlyOld, onlyNew } = mix;
  const service = await starting;
  try {
    const file2026 = fs.readFileSync(LIST_2026);
    const initialBuild = service.log.find((l) => l.msg === 'data ready');
    const oldVersion = ((await (await fetch(`${service.url}/v1/datasets`)).json()) as { items: Array<{ id: string; version: string }> }).items.find(
      (d) => d.id === 'un',
    )!.version;

    process.stderr.write(`bench:switch: ${CONCURRENCY} request loops; importing the 2026 list after ${BEFORE_S} s …\n`);
    const loadStarted = now();
    const running = load(service.url, queries);
    await new Promise((r) => setTimeout(r, BEFORE_S * 1000));
    const importStart = now();
    const response = await fetch(`${service.url}/v1/datasets/un/versions`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: file2026 });
    const result = (await response.json()) as { status: string; version: string; entityCount: number; changes: Record<string, number> | null; switched: boolean };
    const importEnd = now();
    if (response.status !== 201) throw new Error(`the import answered ${response.status}: ${JSON.stringify(result)}`);
    process.stderr.write(`bench:switch: import returned after ${ms(importEnd - importStart)} ms; ${AFTER_S} s more of load …\n`);
    await new Promise((r) => setTimeout(r, AFTER_S * 1000));
    await running.stop();
    const loadEnded = now();
    const newVersion = result.version;
    const answers = running.answers;

    const switched = service.log.find((l) => l.msg === 'switched to new dataset versions');
    // While the data loads, /readyz answers 503 with a warning: only what the service says under load counts.
    const serviceProblems = service.log.filter((l) => l.level >= 40 && l.time >= loadStarted);
    const duration = importEnd - importStart;
    const failures = answers.filter((a) => a.status < 200 || a.status >= 300);
    const byVersion = (v: string) => answers.filter((a) => a.version === v);
    const otherVersion = answers.filter((a) => a.status === 200 && a.version !== oldVersion && a.version !== newVersion);
    const oldNamingNew = byVersion(oldVersion).filter((a) => a.entityIds.some((id) => onlyNew.has(id)));
    const newNamingOld = byVersion(newVersion).filter((a) => a.entityIds.some((id) => onlyOld.has(id)));
    const oldAfterReturn = answers.filter((a) => a.startedAt >= importEnd && a.version === oldVersion);
    // The check has teeth only if each version's answers do name the entries that version alone holds.
    const ownEntry = (kind: Kind, version: string) => {
      const asked = answers.filter((a) => a.query.kind === kind && a.version === version);
      return `${asked.filter((a) => a.entityIds.includes(a.query.entityId!)).length} of ${asked.length}`;
    };
    const phase = (from: number, to: number) => answers.filter((a) => a.startedAt >= from && a.startedAt < to);
    // Every request is before the import (answered before the POST was sent), during it (in flight at any moment
    // between POST sent and 201 received) or after it (sent after the 201): the requests the import held up are
    // all "during", none of them in the "before" window it is compared with.
    const before = answers.filter((a) => a.endedAt <= importStart);
    const during = answers.filter((a) => a.endedAt > importStart && a.startedAt < importEnd);
    const after = answers.filter((a) => a.startedAt >= importEnd);
    const lastOld = longest(byVersion(oldVersion).map((a) => a.endedAt));
    const firstNew = -longest(byVersion(newVersion).map((a) => -a.startedAt));

    const out = (line = '') => process.stdout.write(`${line}\n`);
    out();
    out(`bench:switch — UN list 2024-09-26 → 2026-02-27 under load: ${CONCURRENCY} request loops on POST /v1/screen, ${os.cpus().length} cores, PGlite in memory, audit on`);
    out(`names (${queries.length}, in turn): ${queries.map((q) => `${q.name} [${q.kind}${q.entityId ? ` ${q.entityId.replace(/^un-/, '')}` : ''}]`).join('; ')}`);
    out(`versions: old ${oldVersion.slice(0, 12)} (2024-09-26), new ${newVersion.slice(0, 12)} (2026-02-27, ${result.entityCount} entries, changes ${JSON.stringify(result.changes)})`);
    out();
    out('| the import | ms |');
    out('|---|---|');
    out(`| POST /v1/datasets/un/versions, sent to 201 received (client) | ${ms(duration)} |`);
    if (switched?.buildMs !== undefined) {
      const buildStarted = switched.time - switched.buildMs;
      out(`|   upload, parse, checks, change set, store (until the build starts) | ${ms(buildStarted - importStart)} |`);
      out(`|   new snapshot and matcher build (service log: buildMs) | ${ms(switched.buildMs)} |`);
      out(`|   after the switch, until the answer arrived | ${ms(importEnd - switched.time)} |`);
    } else {
      out('|   (no \'switched to new dataset versions\' line in the service log) | – |');
    }
    out(`| start-up build on the 2024 list, for comparison (service log: buildMs of 'data ready') | ${ms(initialBuild?.buildMs ?? NaN)} |`);
    out();
    out('| requests | count | answered by 2024 | answered by 2026 | errors (non-2xx + network) |');
    out('|---|---|---|---|---|');
    for (const [label, list] of [
      ['before the import (answered before the POST was sent)', before],
      ['during the import (in flight between POST sent and 201 received)', during],
      ['after it returned (sent after the 201)', after],
      ['all', answers],
    ] as const) {
      const failed = list.filter((a) => a.status < 200 || a.status >= 300).length;
      out(`| ${label} | ${list.length} | ${list.filter((a) => a.version === oldVersion).length} | ${list.filter((a) => a.version === newVersion).length} | ${failed} |`);
    }
    out();
    out('| latency window | s | requests | req/s | median ms | p99 ms | longest ms | errors |');
    out('|---|---|---|---|---|---|---|---|');
    const beforeFrom = Math.max(loadStarted, importStart - duration);
    const afterTo = Math.min(loadEnded, importEnd + duration);
    out(windowRow({ label: 'before: sent and answered in the same length of time before the POST', seconds: (importStart - beforeFrom) / 1000, answers: before.filter((a) => a.startedAt >= beforeFrom) }));
    out(windowRow({ label: 'during: in flight between POST sent and 201 received', seconds: duration / 1000, answers: during }));
    out(windowRow({ label: 'after: sent in the same length of time after the 201', seconds: (afterTo - importEnd) / 1000, answers: after.filter((a) => a.startedAt < afterTo) }));
    out();
    out('| median ms by kind of name (the answers differ: a listed name carries its entries, flags and citations) | before the import | after it returned |');
    out('|---|---|---|');
    for (const kind of ['in both', 'only 2026', 'only 2024', 'unlisted'] as const) {
      const median = (list: readonly Answer[]) => ms(percentile(list.filter((a) => a.query.kind === kind).map((a) => a.endedAt - a.startedAt), 50));
      out(`| ${kind} | ${median(before)} | ${median(after)} |`);
    }
    out();
    out('| consistency | count | must be |');
    out('|---|---|---|');
    out(`| errors: non-2xx answers and network errors, whole run | ${failures.length} | 0 |`);
    out(`| answers from a version neither old nor new | ${otherVersion.length} | 0 |`);
    out(`| answers from 2024 naming an entry only 2026 has | ${oldNamingNew.length} | 0 |`);
    out(`| answers from 2026 naming an entry only 2024 had | ${newNamingOld.length} | 0 |`);
    out(`| requests sent after the import returned, answered from 2024 | ${oldAfterReturn.length} | 0 |`);
    out(`| (teeth) "only 2024" names answered from 2024 that name their entry | ${ownEntry('only 2024', oldVersion)} | all |`);
    out(`| (teeth) "only 2026" names answered from 2026 that name their entry | ${ownEntry('only 2026', newVersion)} | all |`);
    out(`| service log lines at warn or above, under load | ${serviceProblems.length} | 0 |`);
    out();
    out(
      `switch: the service switched ${switched ? `${ms(switched.time - importStart)} ms after the POST was sent` : '(not logged)'};` +
        ` the last answer from 2024 arrived ${ms(lastOld - importStart)} ms after, the first request answered from 2026 was sent ${ms(firstNew - importStart)} ms after.`,
    );
    out();
    out(`timeline around the import (t = ms from the POST; requests by the ${TIMELINE_BUCKET_MS} ms bucket they started in):`);
    out('| t from | t to | requests | 2024 | 2026 | median ms | longest ms |');
    out('|---|---|---|---|---|---|---|');
    for (let from = -TIMELINE_MARGIN_MS; from < duration + TIMELINE_MARGIN_MS; from += TIMELINE_BUCKET_MS) {
      const bucket = phase(importStart + from, importStart + from + TIMELINE_BUCKET_MS);
      const latencies = bucket.map((a) => a.endedAt - a.startedAt);
      out(
        `| ${from} | ${from + TIMELINE_BUCKET_MS} | ${bucket.length} | ${bucket.filter((a) => a.version === oldVersion).length} | ${bucket.filter((a) => a.version === newVersion).length} | ${ms(percentile(latencies, 50))} | ${ms(longest(latencies))} |`,
      );
    }
    for (const failure of failures.slice(0, 5)) out(`failed: ${failure.status} ${failure.error ?? ''}`);
    for (const line of serviceProblems.slice(0, 5)) out(`service: ${JSON.stringify(line)}`);
    const mustBeZero = failures.length + otherVersion.length + oldNamingNew.length + newNamingOld.length + oldAfterReturn.length;
    if (mustBeZero > 0) process.exitCode = 1;
  } finally {
    await service.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
