import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { JsonText, storableJson, type JsonRow } from '../db/insert-json-rows';
import type { Database } from '../db/schema';
import { HttpError } from '../shared/errors';
import type { JobQueue } from './job-queue';
import {
  deleteAbandonedUploads,
  deleteJob,
  findJob,
  findJobByIdempotencyKey,
  finishUpload,
  insertJob,
  insertJobRows,
  touchUpload,
  type JobRow,
} from './job-repository';
import { parseJobFile, type JobFileFormat, type ReceivedRow } from './parse-job-file';
import { decodedBody, drain } from '../shared/upload-streams';

/** A job upload as the route hands it over: the request body still unread. */
export interface JobUpload {
  body: Readable;
  format: JobFileFormat;
  gzip: boolean;
  threshold?: number;
  /** The lists every row is screened against; undefined: all loaded. */
  lists?: string[];
  idempotencyKey?: string;
  apiKeyId: string | null;
  /** Enrol the rows that carry a reference in ongoing monitoring (`?monitor=true`). */
  monitor?: boolean;
}

export interface UploadSettings {
  /** Rows per chunk (the unit of work and of commit). */
  chunkRows: number;
  /** Largest accepted file, in rows. */
  maxRows: number;
}

// Rows per multi-row INSERT while the file streams in.
export const UPLOAD_INSERT_ROWS = 1000;
// A row holding U+0000 or an unpaired surrogate is kept (with U+FFFD in their place) and reported, never screened.
const UNSTORABLE_ROW = 'the row holds U+0000 or an unpaired UTF-16 surrogate, which cannot be stored; they are shown as U+FFFD';
// Batches being inserted at once while the file streams in.
const UPLOAD_INSERTS_IN_FLIGHT = 2;
// An upload that has not moved for this long is abandoned (its replica died mid-upload): its key may be reused.
export const ABANDONED_UPLOAD_MS = 120_000;
// A client whose Idempotency-Key is still uploading retries after this many seconds.
const IN_PROGRESS_RETRY_AFTER_SECONDS = 5;

class IdempotencyInProgressError extends HttpError {
  constructor(key: string) {
    super(409, 'idempotency-key-in-use', 'Request in progress', `a job with Idempotency-Key "${key}" is still being uploaded; retry once that upload has finished`, {
      headers: { 'Retry-After': String(IN_PROGRESS_RETRY_AFTER_SECONDS) },
    });
  }
}

class IdempotencyMismatchError extends HttpError {
  constructor(key: string, jobId: string) {
    super(
      422,
      'idempotency-key-reused',
      'Idempotency-Key reused',
      `Idempotency-Key "${key}" already names job ${jobId}, created from a different body or threshold; use a new key for a new file`,
    );
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === '23505';

/**
 * Receives a job file: streams it into job_rows in multi-row INSERTs (never holding the file in memory), then, in
 * one transaction, fixes the total, cuts the chunks and enqueues them. With an Idempotency-Key, the same key and
 * body return the job created the first time (`replayed`); the same key with another body is a 422, and with an
 * upload still in progress a 409. A failed upload leaves nothing behind. The body is always read to its end (the
 * part after a fatal problem unparsed), so the answer reaches the client on a connection it can reuse.
 */
export async function receiveJobUpload(
  deps: { db: Kysely<Database>; queue: JobQueue; settings: UploadSettings; log: Logger },
  upload: JobUpload,
): Promise<{ job: JobRow; replayed: boolean }> {
  const { db } = deps;
  const hash = createHash('sha256').update(`${upload.format}\n${upload.threshold ?? ''}\n${upload.monitor === true ? 'monitor\n' : ''}${upload.lists !== undefined ? `lists ${upload.lists.join(',')}\n` : ''}`);
  const body = decodedBody(upload.body, { gzip: upload.gzip, hash });
  try {
    if (upload.idempotencyKey !== undefined) {
      const existing = await existingJob(db, upload.apiKeyId, upload.idempotencyKey);
      if (existing) {
        await drain(body);
        if (existing.fingerprint !== hash.digest('hex')) throw new IdempotencyMismatchError(upload.idempotencyKey, existing.id);
        return { job: existing, replayed: true };
      }
    }
    const job = await insertJob(db, {
      id: randomUUID(),
      status: 'receiving',
      api_key_id: upload.apiKeyId,
      idempotency_key: upload.idempotencyKey ?? null,
      format: upload.format,
      threshold: upload.threshold ?? null,
      lists: upload.lists !== undefined ? JSON.stringify(upload.lists) : null,
      chunk_rows: deps.settings.chunkRows,
      monitor: upload.monitor === true,
    }).catch((error: unknown) => {
      // Another request with this key got in first.
      if (isUniqueViolation(error) && upload.idempotencyKey !== undefined) throw new IdempotencyInProgressError(upload.idempotencyKey);
      throw error;
    });
    try {
      const total = await storeRows(db, job.id, parseJobFile(body, upload.format), deps.settings.maxRows);
      const fingerprint = hash.digest('hex');
      await db.transaction().execute(async (trx) => {
        const chunks = await finishUpload(trx, { id: job.id, total, chunkRows: deps.settings.chunkRows, fingerprint });
        if (chunks > 0) await deps.queue.enqueueChunks(trx, job.id, chunks);
      });
    } catch (error) {
      await deleteJob(db, job.id).catch((err: unknown) => deps.log.error({ err, jobId: job.id }, 'could not remove a failed upload'));
      throw error;
    }
    deps.queue.wake();
    const stored = await findJob(db, job.id);
    if (!stored) throw new Error(`job ${job.id} vanished right after its upload`);
    deps.log.info({ jobId: job.id, total: stored.total, chunks: stored.chunks, format: upload.format }, 'job received');
    return { job: stored, replayed: false };
  } finally {
    // Stopped early (bad header, too many rows): the rest of the body is read and dropped before the answer goes
    // out. Node stops reading a request once its response is sent, and most clients read the answer only after
    // sending everything: answering first would leave the client blocked on a full socket.
    if (!upload.body.readableEnded) {
      upload.body.unpipe();
      upload.body.resume();
      await finished(upload.body).catch(() => undefined);
    }
  }
}

/** The job a key names; an upload with that key still arriving is a 409, an abandoned one is cleared away. */
async function existingJob(db: Kysely<Database>, apiKeyId: string | null, key: string): Promise<JobRow | undefined> {
  let existing = await findJobByIdempotencyKey(db, apiKeyId, key);
  if (existing?.status === 'receiving' && (await deleteAbandonedUploads(db, new Date(Date.now() - ABANDONED_UPLOAD_MS))) > 0) {
    existing = await findJobByIdempotencyKey(db, apiKeyId, key);
  }
  if (existing?.status === 'receiving') throw new IdempotencyInProgressError(key);
  return existing;
}

/**
 * Inserts the rows as they are parsed, in batches, with up to UPLOAD_INSERTS_IN_FLIGHT of them running while the next
 * batch is read (the database and the parser each keep a core busy); returns the row count. Rows carry their ordinal,
 * so the order in which the batches land does not matter.
 */
async function storeRows(db: Kysely<Database>, jobId: string, rows: AsyncIterable<ReceivedRow>, maxRows: number): Promise<number> {
  let total = 0;
  let batch: JsonRow<'job_rows'>[] = [];
  const inFlight = new Set<Promise<void>>();
  const flush = async () => {
    // A failed insert rejects here, on the flush after it.
    while (inFlight.size >= UPLOAD_INSERTS_IN_FLIGHT) await Promise.race(inFlight);
    const rowsToInsert = batch;
    const receivedSoFar = total;
    batch = [];
    const insert = insertJobRows(db, rowsToInsert).then(() => touchUpload(db, jobId, receivedSoFar));
    inFlight.add(insert);
    // Until it is raced or awaited, a failure must not count as unhandled.
    insert.then(() => inFlight.delete(insert), () => undefined);
  };
  try {
    for await (const row of rows) {
      if (total >= maxRows) {
        throw new HttpError(413, 'too-many-rows', 'Too many rows', `the file holds more than ${maxRows} rows; split it into several jobs`);
      }
      const input = storableJson(row.input);
      const error = row.error ?? (input.replaced ? UNSTORABLE_ROW : null);
      batch.push({ job_id: jobId, ordinal: total, line: row.line, input: new JsonText(input.text), error });
      total += 1;
      if (batch.length >= UPLOAD_INSERT_ROWS) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    // Whatever happened, no insert is left running against a job the caller may delete next.
    await Promise.allSettled([...inFlight]);
  }
  await Promise.all([...inFlight]);
  return total;
}
