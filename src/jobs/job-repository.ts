import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { appendInTransaction } from '../audit/audit-repository';
import type { SerializedAuditRecord } from '../audit/audit-record';
import { insertInChunks } from '../db/insert-in-chunks';
import { insertJsonRows, JsonText, type JsonRow } from '../db/insert-json-rows';
import type { Database, JobResultsTable, JobsTable } from '../db/schema';
import type { JobRowToScreen, RowDecision } from './screen-job-rows';

export type JobRow = Selectable<JobsTable>;
export type JobStatus = 'receiving' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
type Db = Kysely<Database> | Transaction<Database>;

// Chunks can still commit while a job is in one of these.
const ACTIVE_STATUSES: readonly JobStatus[] = ['queued', 'running'];

export async function insertJob(db: Db, job: Insertable<JobsTable>): Promise<JobRow> {
  return db.insertInto('jobs').values(job).returningAll().executeTakeFirstOrThrow();
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The job an Idempotency-Key already names for this API key (null: open development mode), if any. */
export async function findJobByIdempotencyKey(db: Db, apiKeyId: string | null, key: string): Promise<JobRow | undefined> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where(sql<string>`coalesce(api_key_id, '')`, '=', apiKeyId ?? '')
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertJobRows(db: Db, rows: JsonRow<'job_rows'>[]): Promise<void> {
  await insertJsonRows(db, 'job_rows', rows);
}

/** Upload heartbeat: rows received so far (batches may land out of order: the total never goes back). */
export async function touchUpload(db: Db, id: string, total: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ total: sql<number>`greatest(total, ${total})`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Removes a job and everything it owns (rows, chunks, results; never audit records). */
export async function deleteJob(db: Db, id: string): Promise<void> {
  await db.deleteFrom('jobs').where('id', '=', id).execute();
}

/** Removes uploads that stopped arriving before `before` (a crashed replica's, say); returns how many. */
export async function deleteAbandonedUploads(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', '=', 'receiving')
    .where('updated_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Statuses a job ends in. */
const FINISHED_STATUSES = ['succeeded', 'failed', 'cancelled'] as const;

/**
 * Deletes jobs that finished before `before`, with their rows, chunks and results (cascade), one job per statement
 * so that a million-row job does not hold one long transaction. Returns the ids deleted. Audit records stay.
 */
export async function deleteFinishedJobs(db: Db, before: Date): Promise<string[]> {
  const expired = await db
    .selectFrom('jobs')
    .select('id')
    .where('status', 'in', FINISHED_STATUSES)
    .where('finished_at', '<', before)
    .orderBy('finished_at')
    .execute();
  const deleted: string[] = [];
  for (const { id } of expired) {
    const result = await db.deleteFrom('jobs').where('id', '=', id).where('status', 'in', FINISHED_STATUSES).executeTakeFirst();
    if (Number(result.numDeletedRows) > 0) deleted.push(id);
  }
  return deleted;
}

/** Ends an upload inside the caller's transaction: totals, the chunk table, and the job queued (or done if empty). */
export async function finishUpload(
  trx: Transaction<Database>,
  job: { id: string; total: number; chunkRows: number; fingerprint: string },
): Promise<number> {
  const chunks = Math.ceil(job.total / job.chunkRows);
  await trx
    .updateTable('jobs')
    .set({
      status: chunks === 0 ? 'succeeded' : 'queued',
      total: job.total,
      chunks,
      fingerprint: job.fingerprint,
      updated_at: sql<Date>`now()`,
      ...(chunks === 0 ? { started_at: sql<Date>`now()`, finished_at: sql<Date>`now()` } : {}),
    })
    .where('id', '=', job.id)
    .execute();
  const rows = Array.from({ length: chunks }, (_, chunk) => ({
    job_id: job.id,
    chunk,
    row_count: Math.min(job.chunkRows, job.total - chunk * job.chunkRows),
  }));
  await insertInChunks(trx, 'job_chunks', rows);
  return chunks;
}

export async function markRunning(db: Db, id: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'running', started_at: sql<Date>`coalesce(started_at, now())`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/**
 * Fixes the dataset versions a job screens against, the first time a chunk of it runs, and returns the versions in
 * force for the job: every chunk, on every replica, screens against the same ones.
 */
export async function pinDatasetVersions(db: Db, id: string, versions: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const row = await db
    .updateTable('jobs')
    .set({ dataset_versions: sql<string>`coalesce(dataset_versions, ${JSON.stringify(versions)}::jsonb)` })
    .where('id', '=', id)
    .returning('dataset_versions')
    .executeTakeFirstOrThrow();
  return row.dataset_versions ?? { ...versions };
}

/** Cancels a job that is not finished; returns the job as it now stands (undefined when it does not exist). */
export async function cancelJob(db: Db, id: string): Promise<JobRow | undefined> {
  await db
    .updateTable('jobs')
    .set({ status: 'cancelled', finished_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', 'in', ACTIVE_STATUSES)
    .execute();
  return findJob(db, id);
}

/** Marks an unfinished job failed with its reason; a finished job keeps its status. */
export async function failJob(db: Db, id: string, reason: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'failed', error: reason, finished_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', 'in', ACTIVE_STATUSES)
    .execute();
}

export async function findChunk(db: Db, jobId: string, chunk: number) {
  return db.selectFrom('job_chunks').selectAll().where('job_id', '=', jobId).where('chunk', '=', chunk).executeTakeFirst();
}

/** A chunk's rows in input order. */
export async function readChunkRows(db: Db, jobId: string, chunk: number, chunkRows: number): Promise<JobRowToScreen[]> {
  return db
    .selectFrom('job_rows')
    .select(['ordinal', 'line', 'input', 'error'])
    .where('job_id', '=', jobId)
    .where('ordinal', '>=', chunk * chunkRows)
    .where('ordinal', '<', (chunk + 1) * chunkRows)
    .orderBy('ordinal')
    .execute();
}

/** Remembers why an attempt at a chunk failed (the reason a job gives if the chunk runs out of attempts). */
export async function recordChunkFailure(db: Db, jobId: string, chunk: number, message: string): Promise<void> {
  await db
    .updateTable('job_chunks')
    .set({ attempts: sql<number>`attempts + 1`, last_error: message.slice(0, 2000) })
    .where('job_id', '=', jobId)
    .where('chunk', '=', chunk)
    .execute();
}

export interface ChunkCommit {
  jobId: string;
  chunk: number;
  worker: string;
  screenMs: number;
  results: Omit<Insertable<JobResultsTable>, 'job_id'>[];
  records: SerializedAuditRecord[];
  /** More writes that belong to the chunk (monitoring state and alerts), in its transaction. */
  alongside?: (trx: Transaction<Database>) => Promise<void>;
}

export type ChunkCommitOutcome = 'committed' | 'already-done' | 'job-inactive';

const count = (results: ChunkCommit['results'], decision: RowDecision) => results.filter((r) => r.decision === decision).length;

/** Thrown inside a chunk's transaction to roll it back when its job stopped (cancelled, failed) meanwhile. */
class JobInactive extends Error {}

/**
 * Commits one chunk in ONE transaction: its results, its audit records (appended to the chain), the job's counters
 * and the chunk marked done — or nothing at all. The chunk row is locked first, so a chunk that another replica
 * (or an earlier attempt) already committed is skipped, never duplicated. The audit chain head, which every
 * replica's appends share, is locked as late as possible (after the results are written) to keep replicas' turns
 * short. Lock order: chunk, audit chain head, job.
 */
export async function commitChunk(db: Kysely<Database>, commit: ChunkCommit): Promise<ChunkCommitOutcome> {
  const started = performance.now();
  const { results } = commit;
  try {
    return await db.transaction().execute(async (trx) => {
      const chunk = await trx
        .selectFrom('job_chunks')
        .select('status')
        .where('job_id', '=', commit.jobId)
        .where('chunk', '=', commit.chunk)
        .forUpdate()
        .executeTakeFirst();
      if (!chunk || chunk.status === 'done') return 'already-done';
      await insertJsonRows(
        trx,
        'job_results',
        results.map((r) => ({ ...r, job_id: commit.jobId, matches: new JsonText(r.matches) })),
      );
      await appendInTransaction(trx, commit.records);
      if (commit.alongside) await commit.alongside(trx);
      const job = await trx
        .updateTable('jobs')
        .set({
          status: 'running',
          started_at: sql<Date>`coalesce(started_at, now())`,
          updated_at: sql<Date>`now()`,
          processed: sql<number>`processed + ${results.length}`,
          hits: sql<number>`hits + ${count(results, 'hit')}`,
          reviews: sql<number>`reviews + ${count(results, 'review')}`,
          clears: sql<number>`clears + ${count(results, 'clear')}`,
          invalid: sql<number>`invalid + ${count(results, 'invalid')}`,
        })
        .where('id', '=', commit.jobId)
        .where('status', 'in', ACTIVE_STATUSES)
        .returning(['processed', 'total'])
        .executeTakeFirst();
      if (!job) throw new JobInactive();
      await trx
        .updateTable('job_chunks')
        .set({
          status: 'done',
          worker: commit.worker,
          screen_ms: Math.round(commit.screenMs),
          commit_ms: Math.round(performance.now() - started),
          done_at: sql<Date>`now()`,
        })
        .where('job_id', '=', commit.jobId)
        .where('chunk', '=', commit.chunk)
        .execute();
      if (job.processed >= job.total) {
        await trx
          .updateTable('jobs')
          .set({ status: 'succeeded', finished_at: sql<Date>`now()` })
          .where('id', '=', commit.jobId)
          .execute();
      }
      return 'committed' as const;
    });
  } catch (error) {
    if (error instanceof JobInactive) return 'job-inactive';
    throw error;
  }
}

export interface ResultsPageQuery {
  afterLine: number;
  decisions?: readonly RowDecision[];
  limit: number;
}

/**
 * One page of a job's results in input order, after `afterLine`. Sorting is switched off for the query so that the
 * page is read in order from an index, whatever the statistics say: a job's rows written since the table was last
 * analyzed look to the planner like a few dozen, and it would then fetch and sort every remaining row of the job
 * for each page (measured: 43 ms a page on a fresh database, 1 ms with the index walk; a million-row download
 * would grow quadratically). With several decisions the walk filters them along the way: linear over the download.
 */
export async function readResultsPage(db: Kysely<Database>, jobId: string, page: ResultsPageQuery) {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_sort = off`.execute(trx);
    let query = trx
      .selectFrom('job_results')
      // matches as text: the download writes it through without parsing and re-serializing every row.
      .select(['line', 'row_id', 'reference', 'screening_id', 'decision', 'error', sql<string>`matches::text`.as('matches')])
      .where('job_id', '=', jobId)
      .where('line', '>', page.afterLine)
      .orderBy('line')
      .limit(page.limit);
    if (page.decisions && page.decisions.length > 0) query = query.where('decision', 'in', page.decisions);
    return query.execute();
  });
}

export type ResultRow = Awaited<ReturnType<typeof readResultsPage>>[number];
