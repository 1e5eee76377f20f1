import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChangeCounts, Database, ImportStatus, ImportTrigger } from '../db/schema';
import { paragraphIdOf, type CanonicalEntity, type Citation, type LoadedDataset, type SkippedRow } from '../model/entity';
import type { FieldProblem } from '../shared/errors';
import { computeChangeSet, summarizeChangeSet, type ChangeSet } from './change-set';
import { DatasetFileRefusedError } from './dataset-importers';
import { findCurrentVersion } from '../reference/dataset-repository';
import { findEntitiesOfVersion, findVersion, insertImport, lockDataset, storeAndActivateVersion } from './version-repository';

// Another import landing between an import's checks and its writes makes it check again, this many times at most.
const MAX_ATTEMPTS = 3;

/** A new version may drop at most this share of the entries in force, unless forced (a truncated download). */
export const MAX_DROPPED_SHARE = 0.2;

export interface ImportInput {
  datasetId: string;
  importerVersion: string;
  trigger: ImportTrigger;
  /** The API key id (upload), or null. */
  importedBy: string | null;
  /** Passes the sanity gate and the older-version checks; never a file that cannot be read. */
  force: boolean;
  /** Apply the gates at all: uploads and scheduled fetches yes; bundled files are the deploy's own and are not. */
  gated: boolean;
  /** sha256 and size of the input, recorded even when it cannot be read. */
  sha256: string;
  byteCount: number | null;
  /** Checks and maps the input; throws `DatasetFileRefusedError` for a file it refuses. */
  read(): LoadedDataset | Promise<LoadedDataset>;
  /** The file as published, kept with the version. */
  file?: { contentType: string; bytes: Uint8Array };
  /** Works out the change set between two versions' entities (default: here; the service does it in a thread). */
  changeSet?: (before: readonly CanonicalEntity[], after: readonly CanonicalEntity[]) => Promise<ChangeSet>;
}

export interface ImportOutcome {
  id: string;
  datasetId: string;
  status: ImportStatus;
  reason: string | null;
  problems: FieldProblem[];
  version: string | null;
  sourceDate: string | null;
  entityCount: number | null;
  previousVersion: string | null;
  changes: ChangeCounts | null;
  forced: boolean;
  /** An accepted version's whole change set, for what follows the import (monitoring); not part of any answer. */
  changeSet?: ChangeSet;
  /** Rows of the file that could not be read: reported with their line and skipped (the rest was imported). */
  skippedRows: SkippedRow[];
}

/** How a skipped row reads in the import log: "alt.csv line 12: …". */
export function describeSkippedRow(row: SkippedRow): string {
  return `${row.file !== undefined ? `${row.file} ` : ''}line ${row.line}: ${row.message}`;
}

/**
 * Imports one version of a dataset: reads and checks the whole file first; refuses it (older than the version in
 * force, an old version again, or dropping more than 20 % of the entries, each unless forced); works out its change
 * set; then, under the dataset's lock, stores it and makes it current in one transaction, provided the version in
 * force is still the one it was checked against. Every attempt is recorded in `dataset_imports`, whatever its
 * outcome. Refusals are returned, not thrown; an unexpected failure is recorded as `failed` and rethrown. The caller
 * switches its in-memory snapshot afterwards.
 */
export async function importDatasetVersion(db: Kysely<Database>, input: ImportInput): Promise<ImportOutcome> {
  const startedAt = new Date().toISOString();
  const id = randomUUID();
  const base = {
    id,
    datasetId: input.datasetId,
    forced: input.force,
    version: null,
    sourceDate: null,
    entityCount: null,
    previousVersion: null,
    changes: null,
    problems: [],
    reason: null,
    skippedRows: [],
  } satisfies Omit<ImportOutcome, 'status'>;
  const record = (outcome: ImportOutcome, buildMs: number | null = null) => ({
    id,
    dataset_id: input.datasetId,
    started_at: startedAt,
    finished_at: new Date().toISOString(),
    status: outcome.status,
    reason: outcome.reason,
    problems: [...outcome.problems.map((p) => `${p.path}: ${p.message}`), ...outcome.skippedRows.map((row) => `skipped ${describeSkippedRow(row)}`)],
    trigger: input.trigger,
    imported_by: input.importedBy,
    forced: input.force,
    sha256: input.sha256,
    byte_count: input.byteCount,
    version: outcome.version,
    source_date: outcome.sourceDate,
    entity_count: outcome.entityCount,
    previous_version: outcome.previousVersion,
    changes: outcome.changes,
    build_ms: buildMs,
  });

  let dataset: LoadedDataset;
  const readStarted = performance.now();
  try {
    const loaded = await input.read();
    dataset = { ...loaded, entities: loaded.entities.map(withParagraphIds) };
  } catch (error) {
    const outcome: ImportOutcome =
      error instanceof DatasetFileRefusedError
        ? { ...base, status: 'refused', reason: error.message, problems: error.problems }
        : { ...base, status: 'failed', reason: `the file could not be read: ${(error as Error).message}` };
    await insertImport(db, record(outcome));
    if (outcome.status === 'failed') throw error;
    return outcome;
  }
  const readMs = Math.round(performance.now() - readStarted);

  try {
    // The checks and the change set are worked out against the version in force before the dataset is locked, so
    // the transaction holds the database only for the writes (the embedded database has one connection: screenings
    // wait for its audit appends meanwhile). If another import got in between, they are worked out again.
    for (let attempt = 1; ; attempt += 1) {
      const current = await findCurrentVersion(db, dataset.id);
      const version = dataset.contentHash;
      const described = {
        ...base,
        version,
        sourceDate: dataset.sourceDate,
        entityCount: dataset.entities.length,
        previousVersion: current?.version ?? null,
        skippedRows: dataset.skippedRows ?? [],
      };
      const finish = async (outcome: ImportOutcome, trx: Kysely<Database> = db) => {
        await insertImport(trx, record(outcome, readMs));
        return outcome;
      };
      if (current?.version === version && current.importerVersion === input.importerVersion) {
        return await finish({ ...described, status: 'unchanged', reason: 'this version is already current', previousVersion: version });
      }
      const previous = current === null ? [] : await findEntitiesOfVersion(db, dataset.id, current.version);
      const refusal = input.gated && !input.force && current !== null ? await gateRefusal(db, dataset, current, previous) : null;
      if (refusal) return await finish({ ...described, status: 'refused', reason: refusal });
      const changeSet = input.changeSet ? await input.changeSet(previous, dataset.entities) : computeChangeSet(previous, dataset.entities);
      const changes = summarizeChangeSet(changeSet);

      const remapped = current?.version === version;
      const outcome = await db.transaction().execute(async (trx) => {
        const locked = await lockDataset(trx, dataset.id, dataset.name);
        if (locked?.version !== current?.version || locked?.importerVersion !== current?.importerVersion) return null;
        await storeAndActivateVersion(trx, {
          dataset,
          importerVersion: input.importerVersion,
          trigger: input.trigger,
          importedBy: input.importedBy,
          previousVersion: remapped ? null : (current?.version ?? null),
          changes: remapped ? null : changes,
          ...(input.file ? { file: input.file } : {}),
        });
        return finish(
          {
            ...described,
            status: 'accepted',
            changes,
            changeSet,
            reason: remapped ? `re-mapped by importer ${input.importerVersion} (was ${current?.importerVersion ?? 'unknown'})` : null,
          },
          trx,
        );
      });
      if (outcome) return outcome;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`the version in force kept changing during the import (${attempt} attempts)`);
    }
  } catch (error) {
    await insertImport(db, record({ ...base, status: 'failed', reason: (error as Error).message }, readMs));
    throw error;
  }
}

/** Why a gated version is refused (older than the one in force, an old version again, too many entries gone), or null. */
async function gateRefusal(
  db: Parameters<typeof findVersion>[0],
  dataset: LoadedDataset,
  current: { version: string; sourceDate: string | null },
  previous: readonly CanonicalEntity[],
): Promise<string | null> {
  const known = await findVersion(db, dataset.id, dataset.contentHash);
  if (known) {
    return `this file is version ${dataset.contentHash.slice(0, 12)}…, imported ${new Date(known.loaded_at).toISOString()} and since replaced; pass force=true to make it current again`;
  }
  if (current.sourceDate !== null && dataset.sourceDate !== null && dataset.sourceDate < current.sourceDate) {
    return `the file was generated ${dataset.sourceDate}, before the version in force (${current.sourceDate}); pass force=true to go back to it`;
  }
  const ids = new Set(dataset.entities.map((entity) => entity.id));
  const dropped = previous.filter((entity) => !ids.has(entity.id)).length;
  if (previous.length > 0 && dropped / previous.length > MAX_DROPPED_SHARE) {
    const percent = ((100 * dropped) / previous.length).toFixed(1);
    return `the file drops ${dropped} of the ${previous.length} entries in force (${percent} %, more than ${MAX_DROPPED_SHARE * 100} %): a truncated or partial list? Pass force=true if the drop is real`;
  }
  return null;
}

/** Every citation that names a paragraph also carries its id, as the API serves it. */
function withParagraphIds(entity: CanonicalEntity): CanonicalEntity {
  const cite = (citation: Citation): Citation =>
    citation.paragraph === undefined ? citation : { ...citation, paragraphId: paragraphIdOf(citation.paragraph, citation.section) };
  return {
    ...entity,
    flags: entity.flags.map((flag) => ({ ...flag, citations: flag.citations.map(cite) })),
    relationships: entity.relationships.map((relationship) => ({ ...relationship, citations: relationship.citations.map(cite) })),
  };
}
