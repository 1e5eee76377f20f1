import type { Kysely, Transaction } from 'kysely';
import type { DataSnapshot } from '../datasets/load-snapshot';
import type { Database } from '../db/schema';
import type { ChunkMessage } from './job-queue';
import { commitChunk, findChunk, findJob, markRunning, pinDatasetVersions, readChunkRows, type ChunkCommitOutcome, type JobRow, type JobStatus } from './job-repository';
import type { ScreeningPool } from './screening-pool';
import type { JobRowToScreen, ScreenedJobRow } from './screen-job-rows';
import type { SuppressionLookup } from '../screening/dispositions';

export interface ChunkWork {
  db: Kysely<Database>;
  pool: ScreeningPool;
  /** The snapshot new work screens against (undefined while the data loads). */
  snapshot: () => DataSnapshot | undefined;
  /** The snapshot of given dataset versions: a job's chunks screen against the versions it started with. */
  snapshotFor: (versions: Readonly<Record<string, string>>) => Promise<DataSnapshot>;
  /** Analysts' false-positive decisions in force for the rows' references. */
  suppressions?: SuppressionLookup;
  /** Writes that go with a chunk's results in its transaction (monitoring: enrolment, state, alerts). */
  onCommit?: ChunkCommitHook;
  /** This replica's name, recorded on each chunk it commits. */
  worker: string;
  /** Matches kept per row. */
  limit: number;
}

export type ChunkOutcome = ChunkCommitOutcome | 'skipped';

/** What a chunk's commit hands the hook: the job, its rows as stored, their results, the snapshot screened against. */
export type ChunkCommitHook = (
  trx: Transaction<Database>,
  chunk: { job: JobRow; rows: readonly JobRowToScreen[]; screened: readonly ScreenedJobRow[]; snapshot: DataSnapshot },
) => Promise<void>;

/** The reference a stored row carries, if any. */
function referenceOf(input: unknown): string | undefined {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['reference'] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Runs one chunk: reads its rows, screens them in the thread pool, commits results and audit records together.
 * Safe to run any number of times, on any replica, concurrently: a chunk already committed, or of a job no longer
 * running (cancelled, failed), is skipped. Throws on failures worth another attempt.
 */
export async function processChunk(work: ChunkWork, message: ChunkMessage): Promise<ChunkOutcome> {
  const { db } = work;
  const job = await findJob(db, message.jobId);
  const status = job?.status as JobStatus | undefined;
  if (!job || (status !== 'queued' && status !== 'running')) return 'skipped';
  const chunk = await findChunk(db, message.jobId, message.chunk);
  if (!chunk || chunk.status === 'done') return 'skipped';
  const current = work.snapshot();
  if (!current) throw new Error('the screening data is not loaded yet');
  const versions = job.dataset_versions ?? (await pinDatasetVersions(db, job.id, current.versions));
  const snapshot = await work.snapshotFor(versions);
  if (status === 'queued') await markRunning(db, job.id);
  const rows = await readChunkRows(db, job.id, message.chunk, job.chunk_rows);
  if (rows.length !== chunk.row_count) {
    throw new Error(`chunk ${message.chunk} of job ${job.id} holds ${rows.length} rows, expected ${chunk.row_count}`);
  }
  const references = rows.flatMap((row) => referenceOf(row.input) ?? []);
  const found = work.suppressions && references.length > 0 ? await work.suppressions(references, snapshot) : new Map();
  const suppressions = Object.fromEntries([...found].map(([reference, byEntity]) => [reference, Object.fromEntries(byEntity)]));
  const screened = await work.pool.screen(snapshot, rows, {
    jobId: job.id,
    apiKeyId: job.api_key_id,
    limit: work.limit,
    ...(job.threshold !== null ? { threshold: job.threshold } : {}),
    ...(job.lists !== null ? { lists: job.lists } : {}),
    ...(found.size > 0 ? { suppressions } : {}),
  });
  const onCommit = work.onCommit;
  return commitChunk(db, {
    jobId: job.id,
    chunk: message.chunk,
    worker: work.worker,
    screenMs: screened.screenMs,
    records: screened.rows.flatMap((r) => (r.audit ? [r.audit] : [])),
    results: screened.rows.map((r) => ({
      line: r.line,
      ordinal: r.ordinal,
      row_id: r.rowId,
      reference: r.reference,
      screening_id: r.screeningId,
      decision: r.decision,
      matches: r.matchesJson,
      error: r.error,
    })),
    ...(onCommit ? { alongside: (trx: Transaction<Database>) => onCommit(trx, { job, rows, screened: screened.rows, snapshot }) } : {}),
  });
}
