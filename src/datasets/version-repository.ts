import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ChangeCounts, Database, DatasetImportsTable, ImportTrigger } from '../db/schema';
import { exactTime } from '../db/exact-time';
import { insertInChunks } from '../db/insert-in-chunks';
import type { CanonicalEntity, LoadedDataset, Source } from '../model/entity';
import { findEntities, insertEntities } from '../reference/entity-repository';
import { findCurrentVersion, type CurrentVersion } from '../reference/dataset-repository';
import { insertSources } from '../reference/source-repository';

type Db = Kysely<Database> | Transaction<Database>;

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

// Stored entity records read or written per statement: small enough that one statement holds the embedded
// database (and with it the event loop) only briefly.
const RECORDS_PER_READ = 200;
const RECORDS_PER_WRITE = 100;

/**
 * Creates the dataset row if needed and locks it for the transaction: imports of one dataset run one at a time,
 * across replicas. Returns the version in force, or null for a dataset never loaded.
 */
export async function lockDataset(trx: Transaction<Database>, datasetId: string, name: string): Promise<CurrentVersion | null> {
  await trx.insertInto('datasets').values({ id: datasetId, name, current_version: null }).onConflict((oc) => oc.column('id').doNothing()).execute();
  await trx.selectFrom('datasets').select('id').where('id', '=', datasetId).forUpdate().executeTakeFirstOrThrow();
  return findCurrentVersion(trx, datasetId);
}

/** A dataset version ever accepted, current or not; null when there is none. */
export async function findVersion(db: Db, datasetId: string, version: string) {
  return db
    .selectFrom('dataset_versions')
    .select(['version', 'loaded_at', 'replaced_at', sql<string | null>`to_char(source_date, 'YYYY-MM-DD')`.as('source_date')])
    .where('dataset_id', '=', datasetId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/**
 * The entities of one version of a dataset, as that version holds them. Versions loaded before versions were kept
 * have no stored records: their current version is read from the current tables instead; an older one is empty.
 */
export async function findEntitiesOfVersion(db: Db, datasetId: string, version: string): Promise<CanonicalEntity[]> {
  // Read in pages: on the embedded database a query runs on the event loop, and a whole list at once would hold it.
  const records: CanonicalEntity[] = [];
  for (let after = ''; ; ) {
    const rows = await db
      .selectFrom('entity_versions')
      .select(['entity_id', 'record'])
      .where('dataset_id', '=', datasetId)
      .where('version', '=', version)
      .where('entity_id', '>', after)
      .orderBy('entity_id')
      .limit(RECORDS_PER_READ)
      .execute();
    for (const row of rows) records.push(row.record);
    if (rows.length < RECORDS_PER_READ) break;
    after = rows[rows.length - 1]!.entity_id;
  }
  if (records.length > 0) return records;
  // A version with no entries (the resolutions' text) has none to read: only a version from before entries were kept
  // per version falls back to the current tables.
  const stored = await db.selectFrom('dataset_versions').select('entity_count').where('dataset_id', '=', datasetId).where('version', '=', version).executeTakeFirst();
  if (stored?.entity_count === 0) return [];
  const current = await db.selectFrom('datasets').select('current_version').where('id', '=', datasetId).executeTakeFirst();
  if (current?.current_version !== version) return [];
  return (await findEntities(db)).filter((entity) => entity.dataset === datasetId);
}

export interface NewVersion {
  dataset: LoadedDataset;
  importerVersion: string;
  trigger: ImportTrigger;
  importedBy: string | null;
  previousVersion: string | null;
  changes: ChangeCounts | null;
  /** The file as published, kept so the version can be re-mapped by a later importer; absent for bundled files. */
  file?: { contentType: string; bytes: Uint8Array };
}

/**
 * Stores a version (its records, sources and file) and makes it the one in force: the current tables are replaced
 * and `datasets.current_version` set, in the caller's transaction, so readers see the old version or the new one,
 * never a mix. Storing a version already kept (re-mapped, or made current again) replaces its records.
 */
export async function storeAndActivateVersion(trx: Transaction<Database>, input: NewVersion): Promise<void> {
  const { dataset } = input;
  const now = new Date().toISOString();
  const version = dataset.contentHash;
  await trx
    .insertInto('dataset_versions')
    .values({
      version,
      dataset_id: dataset.id,
      source_date: dataset.sourceDate,
      loaded_at: now,
      entity_count: dataset.entities.length,
      replaced_at: null,
      sha256: version,
      importer_version: input.importerVersion,
      trigger: input.trigger,
      imported_by: input.importedBy,
      previous_version: input.previousVersion,
      changes: input.changes === null ? null : JSON.stringify(input.changes),
    })
    .onConflict((oc) =>
      oc.columns(['dataset_id', 'version']).doUpdateSet({
        loaded_at: now,
        replaced_at: null,
        entity_count: dataset.entities.length,
        importer_version: input.importerVersion,
        trigger: input.trigger,
        imported_by: input.importedBy,
        previous_version: input.previousVersion,
        changes: input.changes === null ? null : JSON.stringify(input.changes),
      }),
    )
    .execute();
  await trx.deleteFrom('entity_versions').where('dataset_id', '=', dataset.id).where('version', '=', version).execute();
  await trx.deleteFrom('source_versions').where('dataset_id', '=', dataset.id).where('version', '=', version).execute();
  await insertInChunks(
    trx,
    'entity_versions',
    dataset.entities.map((entity) => ({ dataset_id: dataset.id, version, entity_id: entity.id, record: JSON.stringify(entity) })),
    RECORDS_PER_WRITE,
  );
  await insertInChunks(
    trx,
    'source_versions',
    dataset.sources.map((source) => ({ dataset_id: dataset.id, version, source_id: source.id, record: JSON.stringify(source) })),
  );
  if (input.file) {
    // Kept gzipped (zlib works off the event loop): a list file is a tenth the size, and its insert that much shorter.
    const gzipped = await gzip(input.file.bytes);
    await trx.deleteFrom('dataset_files').where('dataset_id', '=', dataset.id).where('version', '=', version).execute();
    await trx.insertInto('dataset_files').values({ dataset_id: dataset.id, version, content_type: input.file.contentType, bytes: gzipped }).execute();
  }

  // In batches: deleting a whole list (its names, flags, citations … by cascade) is one long statement otherwise.
  const oldIds = (await trx.selectFrom('entities').select('id').where('dataset_id', '=', dataset.id).execute()).map((row) => row.id);
  for (let i = 0; i < oldIds.length; i += RECORDS_PER_WRITE) {
    await trx.deleteFrom('entities').where('id', 'in', oldIds.slice(i, i + RECORDS_PER_WRITE)).execute();
  }
  await trx.deleteFrom('sources').where('dataset_id', '=', dataset.id).execute();
  await insertSources(trx, dataset.id, dataset.sources);
  await insertEntities(trx, dataset.id, dataset.entities);
  await trx
    .updateTable('dataset_versions')
    .set({ replaced_at: now })
    .where('dataset_id', '=', dataset.id)
    .where('version', '!=', version)
    .where('replaced_at', 'is', null)
    .execute();
  await trx.updateTable('datasets').set({ name: dataset.name, current_version: version }).where('id', '=', dataset.id).execute();
}

/**
 * Takes a dataset out of service (its list switched off by configuration): its entries and sources leave the
 * current tables and it has no current version. Its versions, files and import log are kept; switching the list on
 * again imports the bundled file anew. Returns whether there was anything to take out.
 */
export async function deactivateDataset(db: Kysely<Database>, datasetId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('datasets').select('current_version').where('id', '=', datasetId).forUpdate().executeTakeFirst();
    if (!row || row.current_version === null) return false;
    const ids = (await trx.selectFrom('entities').select('id').where('dataset_id', '=', datasetId).execute()).map((r) => r.id);
    for (let i = 0; i < ids.length; i += RECORDS_PER_WRITE) {
      await trx.deleteFrom('entities').where('id', 'in', ids.slice(i, i + RECORDS_PER_WRITE)).execute();
    }
    await trx.deleteFrom('sources').where('dataset_id', '=', datasetId).execute();
    const now = new Date().toISOString();
    await trx.updateTable('dataset_versions').set({ replaced_at: now }).where('dataset_id', '=', datasetId).where('replaced_at', 'is', null).execute();
    await trx.updateTable('datasets').set({ current_version: null }).where('id', '=', datasetId).execute();
    return true;
  });
}

/** The stored file of a version as published, for re-mapping it; undefined when none was kept. */
export async function findVersionFile(db: Db, datasetId: string, version: string): Promise<{ contentType: string; bytes: Uint8Array } | undefined> {
  const row = await db
    .selectFrom('dataset_files')
    .select(['content_type', 'bytes'])
    .where('dataset_id', '=', datasetId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && { contentType: row.content_type, bytes: await gunzip(row.bytes) };
}

/** One import attempt as recorded. */
export interface ImportRecord {
  id: string;
  dataset_id: string;
  started_at: string;
  finished_at: string;
  status: DatasetImportsTable['status'];
  reason: string | null;
  problems: string[];
  trigger: ImportTrigger;
  imported_by: string | null;
  forced: boolean;
  sha256: string | null;
  byte_count: number | null;
  version: string | null;
  source_date: string | null;
  entity_count: number | null;
  previous_version: string | null;
  changes: ChangeCounts | null;
  build_ms: number | null;
}

/** Records one import attempt, whatever its outcome. */
export async function insertImport(db: Db, record: ImportRecord): Promise<void> {
  await db
    .insertInto('dataset_imports')
    .values({ ...record, problems: JSON.stringify(record.problems), changes: record.changes === null ? null : JSON.stringify(record.changes) })
    .execute();
}

/** Import attempts of a dataset, newest first, `limit` after the (started_at, id) position `after`. */
export async function listImports(db: Db, datasetId: string, limit: number, after?: { startedAt: string; id: string }) {
  return db
    .selectFrom('dataset_imports')
    .selectAll()
    .select(sql<string | null>`to_char(source_date, 'YYYY-MM-DD')`.as('source_day'))
    .select(exactTime('started_at').as('started_exact'))
    .where('dataset_id', '=', datasetId)
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('started_at', '<', sql<Date>`${after!.startedAt}::timestamptz`),
          eb.and([eb('started_at', '=', sql<Date>`${after!.startedAt}::timestamptz`), eb('id', '<', after!.id)]),
        ]),
      ),
    )
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Versions of a dataset ever accepted, newest first, `limit` after the (loaded_at, version) position `after`. */
export async function listVersions(db: Db, datasetId: string, limit: number, after?: { loadedAt: string; version: string }) {
  return db
    .selectFrom('dataset_versions')
    .innerJoin('datasets', 'datasets.id', 'dataset_versions.dataset_id')
    .select([
      'dataset_versions.version',
      'dataset_versions.sha256',
      sql<string | null>`to_char(dataset_versions.source_date, 'YYYY-MM-DD')`.as('source_date'),
      'dataset_versions.entity_count',
      'dataset_versions.loaded_at',
      'dataset_versions.replaced_at',
      'dataset_versions.trigger',
      'dataset_versions.imported_by',
      'dataset_versions.importer_version',
      'dataset_versions.previous_version',
      'dataset_versions.changes',
      sql<boolean>`dataset_versions.version = datasets.current_version`.as('current'),
      exactTime('dataset_versions.loaded_at').as('loaded_exact'),
    ])
    .where('dataset_versions.dataset_id', '=', datasetId)
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('dataset_versions.loaded_at', '<', sql<Date>`${after!.loadedAt}::timestamptz`),
          eb.and([eb('dataset_versions.loaded_at', '=', sql<Date>`${after!.loadedAt}::timestamptz`), eb('dataset_versions.version', '<', after!.version)]),
        ]),
      ),
    )
    .orderBy('dataset_versions.loaded_at', 'desc')
    .orderBy('dataset_versions.version', 'desc')
    .limit(limit + 1)
    .execute();
}

/** The current version of every dataset, by id: what a replica compares its snapshot with. */
export async function currentVersions(db: Db): Promise<Record<string, string>> {
  const rows = await db.selectFrom('datasets').select(['id', 'current_version']).where('current_version', 'is not', null).orderBy('id').execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.current_version as string]));
}

/**
 * Claims the scheduled fetch of a dataset that is due: moves its next fetch `intervalMinutes` ahead and returns
 * true, atomically, so that of several replicas exactly one fetches each time.
 */
export async function claimScheduledFetch(db: Db, datasetId: string, intervalMinutes: number): Promise<boolean> {
  await db
    .insertInto('dataset_schedules')
    .values({ dataset_id: datasetId, next_fetch_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('dataset_id').doNothing())
    .execute();
  const claimed = await db
    .updateTable('dataset_schedules')
    .set({ next_fetch_at: sql`now() + (${intervalMinutes}::int * interval '1 minute')` })
    .where('dataset_id', '=', datasetId)
    .where('next_fetch_at', '<=', sql<Date>`now()`)
    .returning('dataset_id')
    .executeTakeFirst();
  return claimed !== undefined;
}
