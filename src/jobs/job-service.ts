import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { DataSnapshot } from '../datasets/load-snapshot';
import { waitForDatabase, type DatabaseHandle } from '../db/database';
import { isDatabaseUnavailable } from '../db/database-errors';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../shared/errors';
import { DEFAULT_MATCHES_PER_QUERY } from '../screening/screening-schemas';
import { JobQueue, type ChunkMessage } from './job-queue';
import {
  cancelJob,
  deleteAbandonedUploads,
  deleteFinishedJobs,
  failJob,
  findChunk,
  findJob,
  finishUpload,
  insertJob,
  insertJobRows,
  readResultsPage,
  recordChunkFailure,
  type JobRow,
  type ResultRow,
} from './job-repository';
import type { RowDecision } from './screen-job-rows';
import { processChunk, type ChunkCommitHook } from './process-chunk';
import { JsonText } from '../db/insert-json-rows';
import type { SuppressionLookup } from '../screening/dispositions';
import { ABANDONED_UPLOAD_MS, receiveJobUpload, type JobUpload } from './receive-job-upload';
import { runNowAndEvery } from '../shared/every';
import { ScreeningPool } from './screening-pool';

/** Who asks: jobs are visible to the key that created them, and to admin keys. */
export interface JobCaller {
  keyId: string | null;
  scopes: readonly string[];
}

// Results are read and written this many rows at a time.
export const RESULTS_PAGE_ROWS = 1000;
// While the service is starting, upload clients retry after this many seconds.
const STARTING_RETRY_AFTER_SECONDS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;
// Expired jobs are looked for at start and then this often.
const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export interface JobService {
  /** Receives an upload (see `receiveJobUpload`). */
  receive(upload: JobUpload): Promise<{ job: JobRow; replayed: boolean }>;
  /**
   * A job the service makes itself (a monitoring re-screen): its rows, its run description and the dataset versions
   * it screens against, queued and chunked like an upload.
   */
  createInternal(job: { kind: 'monitoring'; rows: readonly Record<string, string>[]; run: unknown; datasetVersions: Readonly<Record<string, string>> }): Promise<JobRow>;
  /** The caller's job, or 404. */
  get(id: string, caller: JobCaller): Promise<JobRow>;
  /** Cancels the caller's job and returns it cancelled; a job that already finished is a 409. */
  cancel(id: string, caller: JobCaller): Promise<JobRow>;
  /** A job's results in input order, page by page, optionally only some decisions. */
  results(job: JobRow, decisions?: readonly RowDecision[]): AsyncGenerator<ResultRow[]>;
  /** Deletes the jobs that finished more than JOB_RETENTION_DAYS ago (none when it is 0); returns how many. */
  applyRetention(now?: Date): Promise<number>;
  /** Starts the queue (after migrations) and, unless JOB_WORKERS=false, this replica's workers. */
  start(): Promise<void>;
  /** Stops taking chunks, lets the chunks in flight commit, stops the threads. */
  stop(): Promise<void>;
}

/** Batch jobs: uploads, the pg-boss queue, the chunk workers and their screening threads, built from the config. */
export function createJobService(deps: {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  snapshot: () => DataSnapshot | undefined;
  /** The snapshot of given dataset versions (a job's, fixed when it starts). */
  snapshotFor: (versions: Readonly<Record<string, string>>) => Promise<DataSnapshot>;
  /** Analysts' false-positive decisions in force, by reference. */
  suppressions?: SuppressionLookup;
  /** Writes that go with each chunk's results (monitoring). */
  onCommit?: ChunkCommitHook;
}): JobService {
  const { config, database } = deps;
  const log = deps.log.child({ component: 'jobs' });
  const db = database.db;
  const queue = new JobQueue(
    database,
    {
      chunkTimeoutSeconds: config.JOB_CHUNK_TIMEOUT_SECONDS,
      chunkRetries: config.JOB_CHUNK_RETRIES,
      maintenanceIntervalSeconds: config.JOB_MAINTENANCE_INTERVAL_SECONDS,
      pollingIntervalSeconds: config.JOB_POLL_INTERVAL_SECONDS,
    },
    log,
  );
  const pool = new ScreeningPool({ threads: config.JOB_THREADS, nice: config.JOB_THREAD_NICE }, log);
  const worker = `${os.hostname()}:${process.pid}`;
  let started = false;
  let working = false;
  let cleanupTimer: NodeJS.Timeout | undefined;
  let retentionTimer: NodeJS.Timeout | undefined;

  async function applyRetention(now = new Date()): Promise<number> {
    if (config.JOB_RETENTION_DAYS <= 0) return 0;
    const deleted = await deleteFinishedJobs(database.longDb, new Date(now.getTime() - config.JOB_RETENTION_DAYS * DAY_MS));
    if (deleted.length > 0) log.info({ jobs: deleted.length, retentionDays: config.JOB_RETENTION_DAYS }, 'expired jobs deleted');
    return deleted.length;
  }

  async function removeAbandonedUploads(): Promise<void> {
    const removed = await deleteAbandonedUploads(db, new Date(Date.now() - ABANDONED_UPLOAD_MS));
    if (removed > 0) log.warn({ removed }, 'abandoned job uploads removed');
  }

  async function onChunk(message: ChunkMessage): Promise<void> {
    try {
      const outcome = await processChunk(
        {
          db,
          pool,
          snapshot: deps.snapshot,
          snapshotFor: deps.snapshotFor,
          worker,
          limit: DEFAULT_MATCHES_PER_QUERY,
          ...(deps.suppressions ? { suppressions: deps.suppressions } : {}),
          ...(deps.onCommit ? { onCommit: deps.onCommit } : {}),
        },
        message,
      );
      log.debug({ ...message, outcome }, 'chunk');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (isDatabaseUnavailable(error)) {
        // The failure could not be recorded while the database is away, and pg-boss would then hand the chunk out
        // again only when its lease expires (JOB_CHUNK_TIMEOUT_SECONDS). Waiting for the database first lets the
        // failure be recorded and the chunk retried as soon as the server is back.
        log.warn({ ...message, reason }, 'chunk attempt failed: database unavailable; waiting for it before retrying');
        await waitForDatabase(database, (config.JOB_CHUNK_TIMEOUT_SECONDS * 1000) / 2);
      } else {
        log.warn({ err: error, ...message }, 'chunk attempt failed; it will be retried');
      }
      await recordChunkFailure(db, message.jobId, message.chunk, reason).catch(() => undefined);
      throw error;
    }
  }

  async function onChunkFailed(message: ChunkMessage): Promise<void> {
    const chunk = await findChunk(db, message.jobId, message.chunk);
    if (chunk?.status === 'done') return;
    const reason = `chunk ${message.chunk} failed on every attempt (${chunk?.attempts ?? 0}): ${chunk?.last_error ?? 'its worker stopped answering'}`;
    await failJob(db, message.jobId, reason);
    log.error({ ...message, reason }, 'job failed');
  }

  async function visibleJob(id: string, caller: JobCaller): Promise<JobRow> {
    const job = await findJob(db, id);
    if (!job || (job.api_key_id !== caller.keyId && !caller.scopes.includes('admin'))) {
      throw new NotFoundError(`job "${id}" does not exist`);
    }
    return job;
  }

  return {
    async receive(upload) {
      if (!started) throw new ServiceUnavailableError('the job queue is still starting', STARTING_RETRY_AFTER_SECONDS);
      return receiveJobUpload({ db, queue, settings: { chunkRows: config.JOB_CHUNK_ROWS, maxRows: config.JOB_MAX_ROWS }, log }, upload);
    },
    get: visibleJob,
    applyRetention,
    async createInternal(job) {
      if (!started) throw new ServiceUnavailableError('the job queue is still starting', STARTING_RETRY_AFTER_SECONDS);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await insertJob(trx, {
          id,
          status: 'receiving',
          api_key_id: null,
          format: 'ndjson',
          chunk_rows: config.JOB_CHUNK_ROWS,
          kind: job.kind,
          monitor_run: JSON.stringify(job.run),
          dataset_versions: JSON.stringify(job.datasetVersions),
        });
        await insertJobRows(
          trx,
          job.rows.map((input, ordinal) => ({ job_id: id, ordinal, line: ordinal + 1, input: new JsonText(JSON.stringify(input)), error: null })),
        );
        const chunks = await finishUpload(trx, { id, total: job.rows.length, chunkRows: config.JOB_CHUNK_ROWS, fingerprint: id });
        if (chunks > 0) await queue.enqueueChunks(trx, id, chunks);
      });
      queue.wake();
      const stored = await findJob(db, id);
      if (!stored) throw new Error(`job ${id} vanished right after it was created`);
      return stored;
    },
    async cancel(id, caller) {
      const job = await visibleJob(id, caller);
      const cancelled = await cancelJob(db, job.id);
      if (!cancelled) throw new NotFoundError(`job "${id}" does not exist`);
      if (cancelled.status !== 'cancelled') {
        throw new ConflictError('job-finished', 'Job already finished', `job "${id}" already ${cancelled.status}; there is nothing to cancel`);
      }
      log.info({ jobId: id, processed: cancelled.processed }, 'job cancelled');
      return cancelled;
    },
    async *results(job, decisions) {
      let afterLine = 0;
      for (;;) {
        const page = await readResultsPage(db, job.id, { afterLine, limit: RESULTS_PAGE_ROWS, ...(decisions ? { decisions } : {}) });
        if (page.length > 0) yield page;
        const last = page[page.length - 1];
        if (!last || page.length < RESULTS_PAGE_ROWS) return;
        afterLine = last.line;
      }
    },
    // Safe to call again after a failure (the database away at start-up): each part starts once.
    async start() {
      await queue.start();
      started = true;
      cleanupTimer ??= await runNowAndEvery(removeAbandonedUploads, ABANDONED_UPLOAD_MS, log, 'removing abandoned uploads');
      if (config.JOB_RETENTION_DAYS > 0) {
        retentionTimer ??= await runNowAndEvery(() => applyRetention(), RETENTION_INTERVAL_MS, log, 'job retention');
      }
      if (config.JOB_WORKERS && !working) {
        working = true;
        const concurrency = config.JOB_CONCURRENCY ?? config.JOB_THREADS + 1;
        await queue.work(concurrency, onChunk, onChunkFailed);
        log.info({ worker, threads: config.JOB_THREADS, concurrency, chunkRows: config.JOB_CHUNK_ROWS }, 'job workers started');
      }
    },
    async stop() {
      if (cleanupTimer) clearInterval(cleanupTimer);
      if (retentionTimer) clearInterval(retentionTimer);
      started = false;
      await queue.stop();
      await pool.close();
    },
  };
}
