import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendInTransaction, findScreening } from '../audit/audit-repository';
import { serializeDispositionRecord, type DispositionRecord } from '../audit/audit-record';
import { entryChanged } from '../datasets/change-set';
import type { DataSnapshot } from '../datasets/load-snapshot';
import type { Database } from '../db/schema';
import type { DispositionDecision } from '../model/screening';
import { findEntityInVersion } from '../reference/dataset-repository';
import { HttpError, NotFoundError } from '../shared/errors';
import type { Suppression, Suppressions } from './screen-names';

/** A disposition as recorded, with its place in the audit chain. */
export interface RecordedDisposition extends DispositionRecord {
  audit: { seq: string; hash: string; previousHash: string };
}

/**
 * Records an analyst's decision on one match of a screening, in the same transaction as its audit record, appended to
 * the hash-chained trail that screenings use (`verify` covers it). `onRecorded` runs in that transaction too (the
 * `disposition.recorded` webhook event). The match must be one the screening returned.
 */
export async function recordDisposition(
  db: Kysely<Database>,
  input: { screeningId: string; entityId: string; decision: DispositionDecision; note: string | null; apiKeyId: string | null },
  onRecorded: (trx: Transaction<Database>, disposition: DispositionRecord) => Promise<void> = async () => undefined,
): Promise<RecordedDisposition> {
  const screening = await findScreening(db, input.screeningId);
  if (!screening || (screening.record as { kind: string }).kind === 'disposition') {
    throw new NotFoundError(`screening "${input.screeningId}" does not exist`);
  }
  const { record } = screening;
  // A match is one subject: the decision may name the subject or any of its entries on another list.
  const matched = (record.matches as Array<{ entityId?: string; subject?: { members?: Array<{ entityId?: string }> } }>).some(
    (match) => match.entityId === input.entityId || (match.subject?.members ?? []).some((member) => member.entityId === input.entityId),
  );
  if (!matched) throw new NotFoundError(`entity "${input.entityId}" is not among the matches of screening "${input.screeningId}"`);
  const located = await db.selectFrom('entity_versions').select('dataset_id').where('entity_id', '=', input.entityId).executeTakeFirst();
  const datasetId = located?.dataset_id ?? (await db.selectFrom('entities').select('dataset_id').where('id', '=', input.entityId).executeTakeFirst())?.dataset_id;
  const entityVersion = datasetId === undefined ? undefined : record.datasetVersions?.[datasetId];
  if (datasetId === undefined || entityVersion === undefined) {
    throw new HttpError(409, 'screening-predates-versions', 'Screening predates dataset versions', `screening "${input.screeningId}" does not record the version of the dataset it matched "${input.entityId}" in; screen again and record the decision on that screening`);
  }
  const disposition: DispositionRecord = {
    kind: 'disposition',
    dispositionId: randomUUID(),
    recordedAt: new Date().toISOString(),
    screeningId: input.screeningId,
    entityId: input.entityId,
    reference: record.reference,
    decision: input.decision,
    note: input.note,
    apiKeyId: input.apiKeyId,
    datasetId,
    entityVersion,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('dispositions')
      .values({
        id: disposition.dispositionId,
        screening_id: disposition.screeningId,
        entity_id: disposition.entityId,
        reference: disposition.reference,
        decision: disposition.decision,
        note: disposition.note,
        api_key_id: disposition.apiKeyId,
        recorded_at: disposition.recordedAt,
        dataset_id: datasetId,
        entity_version: entityVersion,
      })
      .execute();
    await appendInTransaction(trx, [serializeDispositionRecord(disposition)]);
    await onRecorded(trx, disposition);
  });
  const stored = await findScreening(db, disposition.dispositionId);
  return { ...disposition, audit: { seq: stored?.seq ?? '', hash: stored?.hash ?? '', previousHash: stored?.previousHash ?? '' } };
}

/** Dispositions recorded on one screening's matches, oldest first. */
export async function listDispositions(db: Kysely<Database>, screeningId: string) {
  return db.selectFrom('dispositions').selectAll().where('screening_id', '=', screeningId).orderBy('recorded_at').execute();
}

// Whether an entry changed between two versions, by `entityId@from@to`: versions are immutable, so this never goes stale.
const LISTING_CHANGED_CACHE_LIMIT = 10_000;

/**
 * The suppressions in force for these counterparties against this snapshot: a counterparty's latest disposition on an
 * entity is a false positive, and no field of that entity's listing changed since the version it was taken on.
 * Screenings without a reference are never suppressed (the caller passes only references).
 */
export function createSuppressionLookup(db: Kysely<Database>) {
  const changed = new Map<string, boolean>();

  async function listingChangedSince(entityId: string, version: string, snapshot: DataSnapshot): Promise<boolean> {
    const current = snapshot.entities.get(entityId);
    if (!current) return true;
    const now = snapshot.versions[current.dataset];
    if (now === version) return false;
    const key = `${entityId}@${version}@${now ?? ''}`;
    const known = changed.get(key);
    if (known !== undefined) return known;
    const then = await findEntityInVersion(db, entityId, version);
    const result = then === undefined || entryChanged(then, current);
    if (changed.size >= LISTING_CHANGED_CACHE_LIMIT) changed.clear();
    changed.set(key, result);
    return result;
  }

  return async function suppressionsFor(references: readonly string[], snapshot: DataSnapshot): Promise<Map<string, Suppressions>> {
    const result = new Map<string, Map<string, Suppression>>();
    const wanted = [...new Set(references)];
    if (wanted.length === 0) return result;
    const rows = await db
      .selectFrom('dispositions')
      .select(['id', 'reference', 'entity_id', 'decision', 'note', 'recorded_at', 'entity_version'])
      .where('reference', 'in', wanted)
      .orderBy('recorded_at')
      .execute();
    // The latest decision on each (reference, entity) is the one that holds.
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) latest.set(`${row.reference}\u0000${row.entity_id}`, row);
    for (const row of latest.values()) {
      if (row.decision !== 'false-positive' || row.reference === null) continue;
      if (await listingChangedSince(row.entity_id, row.entity_version, snapshot)) continue;
      const forReference = result.get(row.reference) ?? new Map<string, Suppression>();
      forReference.set(row.entity_id, { dispositionId: row.id, recordedAt: new Date(row.recorded_at).toISOString(), note: row.note });
      result.set(row.reference, forReference);
    }
    return result;
  };
}

export type SuppressionLookup = ReturnType<typeof createSuppressionLookup>;
