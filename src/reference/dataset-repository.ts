import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, ImportTrigger } from '../db/schema';
import type { CanonicalEntity, Source } from '../model/entity';

type Db = Kysely<Database> | Transaction<Database>;

export interface DatasetInfo {
  id: string;
  name: string;
  version: string;
  sourceDate: string | null;
  loadedAt: string;
  entityCount: number;
}

/** The version of every dataset currently in force. */
export async function listCurrentDatasets(db: Kysely<Database>): Promise<DatasetInfo[]> {
  const current = await db.selectFrom('datasets').select(['id', 'current_version']).where('current_version', 'is not', null).execute();
  return listDatasetsAt(db, Object.fromEntries(current.map((row) => [row.id, row.current_version as string])));
}

/** The given version of each dataset (current or not), with its name and counts. */
export async function listDatasetsAt(db: Kysely<Database>, versions: Readonly<Record<string, string>>): Promise<DatasetInfo[]> {
  const pairs = Object.entries(versions);
  if (pairs.length === 0) return [];
  const rows = await db
    .selectFrom('dataset_versions')
    .innerJoin('datasets', 'datasets.id', 'dataset_versions.dataset_id')
    .select([
      'datasets.id',
      'datasets.name',
      'dataset_versions.version',
      sql<string | null>`to_char(dataset_versions.source_date, 'YYYY-MM-DD')`.as('source_date'),
      'dataset_versions.loaded_at',
      'dataset_versions.entity_count',
    ])
    .where((eb) => eb.or(pairs.map(([id, version]) => eb.and([eb('dataset_versions.dataset_id', '=', id), eb('dataset_versions.version', '=', version)]))))
    .orderBy('datasets.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    version: r.version,
    sourceDate: r.source_date,
    loadedAt: new Date(r.loaded_at).toISOString(),
    entityCount: r.entity_count,
  }));
}

// A short, readable composite: clients compare it for equality, the full hashes are in GET /v1/datasets.
const COMBINED_VERSION_HEX_CHARS = 16;

/** One version string for the whole loaded data (every dataset's content hash), as stamped on every screening. */
export function combinedVersion(datasets: readonly { id: string; version: string }[]): string {
  const material = [...datasets]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((d) => `${d.id}:${d.version}`)
    .join('\n');
  return createHash('sha256').update(material).digest('hex').slice(0, COMBINED_VERSION_HEX_CHARS);
}

/** The version in force for a dataset, as the import pipeline needs it. */
export interface CurrentVersion {
  version: string;
  sourceDate: string | null;
  entityCount: number;
  importerVersion: string | null;
  trigger: ImportTrigger | null;
}

/** The version in force for a dataset, without locking (start-up's cheap "anything to do?" check). */
export async function findCurrentVersion(db: Db, datasetId: string): Promise<CurrentVersion | null> {
  const row = await db
    .selectFrom('datasets')
    .innerJoin('dataset_versions', (join) =>
      join.onRef('dataset_versions.dataset_id', '=', 'datasets.id').onRef('dataset_versions.version', '=', 'datasets.current_version'),
    )
    .select([
      'datasets.current_version',
      sql<string | null>`to_char(dataset_versions.source_date, 'YYYY-MM-DD')`.as('source_date'),
      'dataset_versions.entity_count',
      'dataset_versions.importer_version',
      'dataset_versions.trigger',
    ])
    .where('datasets.id', '=', datasetId)
    .executeTakeFirst();
  if (!row?.current_version) return null;
  return {
    version: row.current_version,
    sourceDate: row.source_date,
    entityCount: row.entity_count,
    importerVersion: row.importer_version,
    trigger: row.trigger,
  };
}

/** One entity as one version of its dataset holds it; undefined when that version does not hold it. */
export async function findEntityInVersion(db: Db, entityId: string, version: string): Promise<CanonicalEntity | undefined> {
  const row = await db
    .selectFrom('entity_versions')
    .select('record')
    .where('entity_id', '=', entityId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.record;
}

/** The sources one version of a dataset holds (a list file's source is per version). */
export async function findSourceInVersions(db: Db, sourceId: string): Promise<Source | undefined> {
  const row = await db
    .selectFrom('source_versions')
    .innerJoin('dataset_versions', (join) =>
      join.onRef('dataset_versions.dataset_id', '=', 'source_versions.dataset_id').onRef('dataset_versions.version', '=', 'source_versions.version'),
    )
    .select('source_versions.record')
    .where('source_versions.source_id', '=', sourceId)
    .orderBy('dataset_versions.loaded_at', 'desc')
    .executeTakeFirst();
  return row?.record;
}
