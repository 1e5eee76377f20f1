import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { authHeaders, CliError, describeProblem, parseCommandLine, serviceUrl, type Io } from './service-client';
import { Presets, SingleBar } from 'cli-progress';

const USAGE = `usage: npm run screen-file -- <file.csv|file.ndjson> [options]
       npx sanctions-screening screen-file <file> [options]

  --url <url>          the service (default: $SCREENING_URL or http://127.0.0.1:3000)
  --key <key>          API key with the screen scope (default: $SCREENING_API_KEY; none in open development mode)
  --out <file>         results CSV (default: <file>.results.csv)
  --threshold <0..1>   minimum match score (default: the service's operating point)
  --format csv|ndjson  the file's format (default: from its extension; .ndjson and .jsonl are NDJSON)
  --monitor            also enrol the rows that carry a reference in ongoing monitoring (their alerts: npm run alerts);
                       rows without one are screened but not enrolled, and the summary counts both
  --quiet              no progress bar, only the summary line

Uploads the file as one batch job, shows its progress, writes the results as CSV and prints a summary.
Re-running the same command on the same file resumes the same job (the Idempotency-Key is the file's sha256, with
--threshold and --monitor);
after an interruption it follows the job without sending the file again (a note is kept in .<out>.job).
Exit status: 0 when the job succeeded, 1 when it failed or the service refused, 2 on bad usage, 130 when interrupted.`;

// How often the job's progress is asked for.
const POLL_INTERVAL_MS = 1000;
// Transient trouble (the service restarting, a 503, a dropped connection) is retried for this long.
const RETRY_WINDOW_MS = 5 * 60_000;
const RETRY_DELAY_MS = 2000;
// Without a terminal, a progress line is printed this often.
const NON_TTY_PROGRESS_MS = 10_000;

interface Options {
  file: string;
  url: string;
  key: string | undefined;
  out: string;
  threshold: string | undefined;
  format: 'csv' | 'ndjson';
  quiet: boolean;
  monitor: boolean;
}

interface JobStatus {
  jobId: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  total: number;
  processed: number;
  hits: number;
  reviews: number;
  clears: number;
  invalid: number;
  etaSeconds: number | null;
  error: string | null;
  /** For an upload with ?monitor=true. */
  monitoring?: { enrolled: number; notEnrolled: number };
}

class Interrupted extends Error {}

function parseOptions(argv: string[], env: Io['env']): Options {
  const parsed = parseCommandLine(
    argv,
    {
      out: { type: 'string' },
      threshold: { type: 'string' },
      format: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      monitor: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const { positionals, values } = parsed;
  const [file, ...extra] = positionals;
  if (values.help || !file || extra.length > 0) throw new CliError(USAGE, 2);
  const format = values.format ?? (/\.(ndjson|jsonl)$/i.test(file) ? 'ndjson' : 'csv');
  if (format !== 'csv' && format !== 'ndjson') throw new CliError(`--format must be csv or ndjson, not "${format}"\n${USAGE}`, 2);
  if (values.threshold !== undefined && !(Number(values.threshold) >= 0 && Number(values.threshold) <= 1)) {
    throw new CliError(`--threshold must be a number from 0 to 1, not "${values.threshold}"`, 2);
  }
  return {
    file,
    url: serviceUrl(values.url, env),
    key: values.key ?? env.SCREENING_API_KEY,
    out: values.out ?? `${file}.results.csv`,
    threshold: values.threshold,
    format,
    quiet: values.quiet,
    monitor: values.monitor,
  };
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const retryAfterMs = (response: Response) => Math.max(1000, Number(response.headers.get('retry-after') ?? 0) * 1000 || RETRY_DELAY_MS);

/**
 * `screen-file`: one file in, one results CSV out. Uploads the file streamed (never read whole into memory) with an
 * Idempotency-Key derived from its sha256, so a re-run finds the job the first run created and carries on.
 */
export async function screenFile(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Interrupted());
  process.once('SIGINT', onSigint);
  let jobId: string | undefined;
  try {
    const options = parseOptions(argv, io.env);
    const started = performance.now();
    const size = (await fs.promises.stat(options.file).catch(() => {
      throw new CliError(`cannot read ${options.file}`);
    })).size;
    const idempotencyKey = idempotencyKeyOf(await sha256OfFile(options.file), options.threshold, options.monitor);
    const headers: Record<string, string> = authHeaders(options.key);
    const call = { headers, idempotencyKey, io, signal: controller.signal };
    const remembered = await rememberedJob(options, call);
    const created = remembered ?? (await submit(options, { ...call, size }));
    jobId = created.jobId;
    await rememberJob(options, { url: options.url, idempotencyKey, jobId });
    const resumed = remembered
      ? ' (resumed without sending the file again)'
      : 'replayed' in created && created.replayed
        ? ' (resumed: this file was submitted before)'
        : '';
    if (!options.quiet) io.stderr.write(`job ${jobId}${resumed}: ${created.total} rows\n`);
    const job = await follow(options, { headers, jobId, io, signal: controller.signal });
    if (job.status !== 'succeeded') {
      throw new CliError(`job ${job.jobId} ${job.status}${job.error ? `: ${job.error}` : ''} (${job.processed} of ${job.total} rows processed)`);
    }
    await download(options, { headers, jobId, signal: controller.signal });
    await fs.promises.rm(jobStatePath(options.out), { force: true });
    const seconds = (performance.now() - started) / 1000;
    const monitoring = job.monitoring ? `; ${job.monitoring.enrolled} enrolled in monitoring, ${job.monitoring.notEnrolled} not enrolled (no reference)` : '';
    io.stdout.write(
      `${job.total} rows: ${job.hits} hits, ${job.reviews} reviews, ${job.clears} clears, ${job.invalid} invalid${monitoring}; ${seconds.toFixed(1)} s (${Math.round(job.total / seconds)} rows/s); results in ${options.out}; job ${job.jobId}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof Interrupted || controller.signal.aborted) {
      io.stderr.write(
        jobId
          ? `\ninterrupted: job ${jobId} carries on in the service; run the same command again to pick it up\n`
          : '\ninterrupted before the upload finished; run the same command again to start over\n',
      );
      return 130;
    }
    if (error instanceof CliError) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`screen-file failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/**
 * The Idempotency-Key of a file: its sha256, the threshold when one is given and `-monitor` when it enrols (another
 * threshold or enrolment, another job: the service refuses a key reused for another body, threshold or enrolment).
 */
export function idempotencyKeyOf(digest: string, threshold: string | undefined, monitor = false): string {
  return `screen-file-${digest}${threshold !== undefined ? `-t${threshold}` : ''}${monitor ? '-monitor' : ''}`;
}

/** Where a run notes its job beside `--out`, so that a re-run follows the job without sending the file again. */
export function jobStatePath(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.job`);
}

interface JobState {
  url: string;
  idempotencyKey: string;
  jobId: string;
}

async function rememberJob(options: Options, state: JobState): Promise<void> {
  await fs.promises.writeFile(jobStatePath(options.out), `${JSON.stringify(state)}\n`);
}

/**
 * The job an earlier, interrupted run of this command made for this file, if the service still has it; else null
 * (no note, another file or service, or the job is gone): the file is then uploaded, and the Idempotency-Key still
 * finds a job the note did not know of.
 */
async function rememberedJob(
  options: Options,
  call: Omit<Call, 'io'> & { idempotencyKey: string },
): Promise<{ jobId: string; total: number } | null> {
  let state: Partial<JobState>;
  try {
    state = JSON.parse(await fs.promises.readFile(jobStatePath(options.out), 'utf8')) as Partial<JobState>;
  } catch {
    return null;
  }
  if (state.url !== options.url || state.idempotencyKey !== call.idempotencyKey || typeof state.jobId !== 'string') return null;
  const response = await fetch(`${options.url}/v1/jobs/${encodeURIComponent(state.jobId)}`, { headers: call.headers, signal: call.signal }).catch(
    () => null,
  );
  if (!response?.ok) return null;
  const job = (await response.json()) as JobStatus;
  return { jobId: job.jobId, total: job.total };
}

interface Call {
  headers: Record<string, string>;
  io: Io;
  signal: AbortSignal;
}

function progressBar(options: Options, io: Io, format: string): SingleBar | undefined {
  if (options.quiet) return undefined;
  return new SingleBar(
    { format, stream: io.stderr, noTTYOutput: true, notTTYSchedule: NON_TTY_PROGRESS_MS, hideCursor: null, etaBuffer: 30 },
    Presets.shades_classic,
  );
}

/** POST /v1/jobs with the file streamed as the body; waits out 409 (the same upload still arriving) and 503. */
async function submit(
  options: Options,
  call: Call & { idempotencyKey: string; size: number },
): Promise<{ jobId: string; total: number; replayed: boolean }> {
  const params = new URLSearchParams({
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    ...(options.monitor ? { monitor: 'true' } : {}),
  }).toString();
  const query = params ? `?${params}` : '';
  const deadline = Date.now() + RETRY_WINDOW_MS;
  for (;;) {
    const bar = progressBar(options, call.io, 'upload    |{bar}| {percentage}% | {value}/{total} bytes');
    bar?.start(call.size, 0);
    let sent = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sent += chunk.length;
        bar?.update(sent);
        done(null, chunk);
      },
    });
    const body = fs.createReadStream(options.file).pipe(counting);
    let response: Response;
    try {
      response = await fetch(`${options.url}/v1/jobs${query}`, {
        method: 'POST',
        headers: {
          ...call.headers,
          'Content-Type': options.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
          'Idempotency-Key': call.idempotencyKey,
        },
        body: Readable.toWeb(body) as ReadableStream,
        duplex: 'half',
        signal: call.signal,
      } as RequestInit);
    } catch (error) {
      bar?.stop();
      if (call.signal.aborted || Date.now() > deadline) throw error;
      call.io.stderr.write(`upload failed (${error instanceof Error ? error.message : String(error)}); retrying\n`);
      await sleep(RETRY_DELAY_MS, undefined, { signal: call.signal });
      continue;
    }
    bar?.stop();
    if (response.status === 202) {
      const created = (await response.json()) as { jobId: string; total: number };
      return { ...created, replayed: response.headers.get('idempotent-replayed') === 'true' };
    }
    if ((response.status === 409 || response.status === 503) && Date.now() < deadline) {
      call.io.stderr.write(`${await describeProblem(response)}; retrying\n`);
      await sleep(retryAfterMs(response), undefined, { signal: call.signal });
      continue;
    }
    throw new CliError(`the service refused the file: ${await describeProblem(response)}`);
  }
}

/** Polls the job until it finishes, drawing its progress; rides out the service restarting. */
async function follow(options: Options, call: Call & { jobId: string }): Promise<JobStatus> {
  const bar = progressBar(options, call.io, 'screening |{bar}| {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {remaining}');
  let first: { at: number; processed: number } | undefined;
  let troubleSince: number | undefined;
  try {
    for (;;) {
      let response: Response | undefined;
      try {
        response = await fetch(`${options.url}/v1/jobs/${call.jobId}`, { headers: call.headers, signal: call.signal });
      } catch (error) {
        if (call.signal.aborted) throw error;
      }
      if (!response || response.status >= 500) {
        troubleSince ??= Date.now();
        if (Date.now() - troubleSince > RETRY_WINDOW_MS) {
          throw new CliError(`lost the service while following job ${call.jobId}: ${response ? await describeProblem(response) : 'no answer'}`);
        }
        await sleep(RETRY_DELAY_MS, undefined, { signal: call.signal });
        continue;
      }
      troubleSince = undefined;
      if (!response.ok) throw new CliError(`cannot follow job ${call.jobId}: ${await describeProblem(response)}`);
      const job = (await response.json()) as JobStatus;
      const now = performance.now();
      first ??= { at: now, processed: job.processed };
      const seconds = (now - first.at) / 1000;
      const rate = seconds > 0 ? Math.round((job.processed - first.processed) / seconds) : 0;
      const remaining = job.etaSeconds === null ? '?' : `${job.etaSeconds}s`;
      if (bar && !bar.isActive) bar.start(job.total, job.processed, { rate, remaining });
      bar?.update(job.processed, { rate, remaining });
      if (job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled') return job;
      await sleep(POLL_INTERVAL_MS, undefined, { signal: call.signal });
    }
  } finally {
    bar?.stop();
  }
}

/** Streams the results CSV to a temporary file beside `--out`, then renames it: `--out` is never half written. */
async function download(options: Options, call: Omit<Call, 'io'> & { jobId: string }): Promise<void> {
  const response = await fetch(`${options.url}/v1/jobs/${call.jobId}/results?format=csv`, { headers: call.headers, signal: call.signal });
  if (!response.ok || !response.body) throw new CliError(`cannot download the results of job ${call.jobId}: ${await describeProblem(response)}`);
  const partial = path.join(path.dirname(options.out), `.${path.basename(options.out)}.partial`);
  await pipeline(Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]), fs.createWriteStream(partial));
  await fs.promises.rename(partial, options.out);
}

if (require.main === module) {
  screenFile(process.argv.slice(2)).then((code) => process.exit(code));
}
