import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { LoadedDataset } from '../model/entity';
import { insertEntities } from '../reference/entity-repository';
import { insertSources } from '../reference/source-repository';

export type SyncStatus = 'unchanged' | 'loaded' | 'replaced';

export interface SyncResult {
  dataset: string;
  version: string;
  status: SyncStatus;
  previousVersion: string | null;
  entities: number;
}

/**
 * Makes the database hold exactly `dataset` at its content hash. Unchanged input: nothing is written.
 * Changed input: the old rows are deleted and the new ones inserted in one transaction, so readers see either
 * the old version or the new one, never a mix. Safe to call concurrently from several replicas: the dataset
 * row is locked for the duration.
 */
export async function syncDataset(db: Kysely<Database>, dataset: LoadedDataset): Promise<SyncResult> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('datasets')
      .values({ id: dataset.id, name: dataset.name, current_version: null })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const current = await trx
      .selectFrom('datasets')
      .select('current_version')
      .where('id', '=', dataset.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const base = { dataset: dataset.id, version: dataset.contentHash, entities: dataset.entities.length };
    if (current.current_version === dataset.contentHash) {
      return { ...base, status: 'unchanged', previousVersion: current.current_version };
    }

    await trx.deleteFrom('entities').where('dataset_id', '=', dataset.id).execute();
    await trx.deleteFrom('sources').where('dataset_id', '=', dataset.id).execute();
    await insertSources(trx, dataset.id, dataset.sources);
    await insertEntities(trx, dataset.id, dataset.entities);

    const now = new Date().toISOString();
    if (current.current_version !== null) {
      await trx
        .updateTable('dataset_versions')
        .set({ replaced_at: now })
        .where('dataset_id', '=', dataset.id)
        .where('version', '=', current.current_version)
        .execute();
    }
    await trx
      .insertInto('dataset_versions')
      .values({
        version: dataset.contentHash,
        dataset_id: dataset.id,
        source_date: dataset.sourceDate,
        loaded_at: now,
        entity_count: dataset.entities.length,
        replaced_at: null,
      })
      .onConflict((oc) =>
        oc.columns(['dataset_id', 'version']).doUpdateSet({ loaded_at: now, replaced_at: null }),
      )
      .execute();
    await trx
      .updateTable('datasets')
      .set({ name: dataset.name, current_version: dataset.contentHash })
      .where('id', '=', dataset.id)
      .execute();
    return { ...base, status: current.current_version === null ? 'loaded' : 'replaced', previousVersion: current.current_version };
  });
}

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
  const rows = await db
    .selectFrom('datasets')
    .innerJoin('dataset_versions', (join) =>
      join
        .onRef('dataset_versions.dataset_id', '=', 'datasets.id')
        .onRef('dataset_versions.version', '=', 'datasets.current_version'),
    )
    .select([
      'datasets.id',
      'datasets.name',
      'dataset_versions.version',
      sql<string | null>`to_char(dataset_versions.source_date, 'YYYY-MM-DD')`.as('source_date'),
      'dataset_versions.loaded_at',
      'dataset_versions.entity_count',
    ])
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
