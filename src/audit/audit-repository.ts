import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Decision } from '../model/screening';
import { insertJsonRows, JsonText } from '../db/insert-json-rows';
import { chainHash, hashOnto, serializeAuditRecord, type AuditRecord, type SerializedAuditRecord } from './audit-record';

export interface StoredScreening {
  seq: string;
  record: AuditRecord;
  previousHash: string;
  hash: string;
}

/**
 * Appends records to the chain in one transaction: locks the chain head (so replicas take turns), hashes
 * each record onto the previous one, inserts, moves the head. All or nothing.
 */
export async function appendToChain(db: Kysely<Database>, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const serialized = records.map(serializeAuditRecord);
  await db.transaction().execute((trx) => appendInTransaction(trx, serialized));
}

/**
 * The same append inside a caller's transaction, so other writes (a job chunk's results) commit or roll back
 * together with their audit records. Holds the chain-head lock until that transaction ends.
 */
export async function appendInTransaction(trx: Transaction<Database>, records: readonly SerializedAuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const head = await trx
    .selectFrom('audit_chain_head')
    .select(['last_seq', 'last_hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  let seq = BigInt(head.last_seq);
  let previous = head.last_hash;
  const rows = records.map((record) => {
    seq += 1n;
    const hash = hashOnto(previous, record.canonicalJson);
    const row = {
      seq: seq.toString(),
      id: record.screeningId,
      screened_at: record.screenedAt,
      api_key_id: record.apiKeyId,
      kind: record.kind,
      batch_id: record.batchId,
      job_id: record.jobId,
      reference: record.reference,
      decision: record.decision,
      record: new JsonText(record.canonicalJson),
      previous_hash: previous,
      hash,
    };
    previous = hash;
    return row;
  });
  await insertJsonRows(trx, 'screenings', rows);
  await trx
    .updateTable('audit_chain_head')
    .set({ last_seq: seq.toString(), last_hash: previous })
    .where('id', '=', 1)
    .execute();
}

function toStored(row: { seq: string | number | bigint; record: Record<string, unknown>; previous_hash: string; hash: string }): StoredScreening {
  return { seq: String(row.seq), record: row.record as unknown as AuditRecord, previousHash: row.previous_hash, hash: row.hash };
}

export async function findScreening(db: Kysely<Database>, id: string): Promise<StoredScreening | undefined> {
  const row = await db
    .selectFrom('screenings')
    .select(['seq', 'record', 'previous_hash', 'hash'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

export interface ScreeningFilters {
  reference?: string;
  decision?: Decision;
  since?: string;
  jobId?: string;
}

/** Newest first, strictly before `beforeSeq`; returns up to limit + 1 rows so the caller can tell if more exist. */
export async function listScreenings(
  db: Kysely<Database>,
  filters: ScreeningFilters,
  page: { limit: number; beforeSeq?: string },
): Promise<StoredScreening[]> {
  let query = db
    .selectFrom('screenings')
    .select(['seq', 'record', 'previous_hash', 'hash'])
    .where('kind', '!=', 'disposition')
    .orderBy('seq', 'desc')
    .limit(page.limit + 1);
  if (page.beforeSeq !== undefined) query = query.where('seq', '<', page.beforeSeq);
  if (filters.reference !== undefined) query = query.where('reference', '=', filters.reference);
  if (filters.decision !== undefined) query = query.where('decision', '=', filters.decision);
  if (filters.since !== undefined) query = query.where('screened_at', '>=', sql<Date>`${filters.since}::timestamptz`);
  if (filters.jobId !== undefined) query = query.where('job_id', '=', filters.jobId);
  return (await query.execute()).map(toStored);
}

export interface VerifyResult {
  ok: boolean;
  records: number;
  firstBrokenId?: string;
  reason?: string;
}

// Rows read per round trip while verifying; bounded memory whatever the chain length.
const VERIFY_PAGE_ROWS = 2000;

/**
 * Recomputes the whole chain from its anchor: every record's hash, every link to the previous hash, the
 * columns the filters use against the hashed record, and the head. Names the first record that fails.
 */
export async function verifyChain(db: Kysely<Database>): Promise<VerifyResult> {
  // One snapshot for the head and every page: appends committed meanwhile are neither half-seen nor reported as breaks.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => verifyInSnapshot(trx));
}

async function verifyInSnapshot(db: Transaction<Database>): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_chain_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  let expectedPrevious = head.anchor_hash;
  let expectedSeq = BigInt(head.anchor_seq);
  let records = 0;
  let after = head.anchor_seq;
  for (;;) {
    const rows = await db
      .selectFrom('screenings')
      .select(['seq', 'id', 'kind', 'reference', 'decision', 'job_id', 'batch_id', 'record', 'previous_hash', 'hash'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(VERIFY_PAGE_ROWS)
      .execute();
    for (const row of rows) {
      expectedSeq += 1n;
      const record = row.record as unknown as AuditRecord;
      const broken = (reason: string): VerifyResult => ({ ok: false, records, firstBrokenId: row.id, reason });
      if (BigInt(row.seq) !== expectedSeq) return broken(`record(s) before seq ${String(row.seq)} are missing`);
      if (row.previous_hash !== expectedPrevious) return broken('previous hash does not link to the prior record');
      if (chainHash(row.previous_hash, record) !== row.hash) return broken('record content does not match its hash');
      // A disposition's own id is its dispositionId (its screeningId names the screening it decides on).
      const recordId = row.kind === 'disposition' ? (row.record as { dispositionId?: string }).dispositionId : record.screeningId;
      if (
        recordId !== row.id ||
        record.decision !== row.decision ||
        record.reference !== row.reference ||
        (record.jobId ?? null) !== row.job_id ||
        (record.batchId ?? null) !== row.batch_id
      ) {
        return broken('indexed columns differ from the hashed record');
      }
      expectedPrevious = row.hash;
      records += 1;
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < VERIFY_PAGE_ROWS) break;
    after = String(last.seq);
  }
  if (expectedSeq !== BigInt(head.last_seq) || expectedPrevious !== head.last_hash) {
    return { ok: false, records, reason: 'the chain head does not point at the last record (records removed at the end?)' };
  }
  return { ok: true, records };
}

/**
 * Retention: removes records screened before `cutoff` and moves the verification anchor past them, in one
 * transaction. Returns how many were removed. Never called when retention is "keep forever".
 */
export async function pruneScreenings(db: Kysely<Database>, cutoff: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('audit_chain_head').select('id').where('id', '=', 1).forUpdate().execute();
    const last = await trx
      .selectFrom('screenings')
      .select(['seq', 'hash'])
      .where('screened_at', '<', sql<Date>`${cutoff.toISOString()}::timestamptz`)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last) return 0;
    const removed = await trx.deleteFrom('screenings').where('seq', '<=', String(last.seq)).executeTakeFirst();
    await trx
      .updateTable('audit_chain_head')
      .set({ anchor_seq: String(last.seq), anchor_hash: last.hash })
      .where('id', '=', 1)
      .execute();
    return Number(removed.numDeletedRows);
  });
}
