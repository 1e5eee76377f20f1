import { sql, type Kysely } from 'kysely';

/**
 * Every dataset version kept: the file as published, each entity and source as that version holds it, every import
 * attempt with its outcome, and the versions a batch job screens against. The `entities`, `entity_names` … tables
 * keep holding the current version only (search and reference reads); `entity_versions` holds every version.
 * Frozen once landed; change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('dataset_versions')
    // sha256 of the file as published (for the investigation: of its two files, for the resolutions: of both).
    .addColumn('sha256', 'text')
    .addColumn('importer_version', 'text')
    // 'bundled' (start-up), 'upload' (the admin API), 'schedule' (UN_LIST_URL); null on versions loaded before this.
    .addColumn('trigger', 'text')
    .addColumn('imported_by', 'text')
    .addColumn('previous_version', 'text')
    // { added, removed, amended, metadataOnly } against previous_version.
    .addColumn('changes', 'jsonb')
    .execute();

  await db.schema
    .createTable('dataset_files')
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    // The file as published, gzipped.
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('dataset_files_pk', ['dataset_id', 'version'])
    .addForeignKeyConstraint('dataset_files_version_fk', ['dataset_id', 'version'], 'dataset_versions', ['dataset_id', 'version'])
    .execute();

  await db.schema
    .createTable('entity_versions')
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_versions_pk', ['dataset_id', 'version', 'entity_id'])
    .addForeignKeyConstraint('entity_versions_version_fk', ['dataset_id', 'version'], 'dataset_versions', ['dataset_id', 'version'])
    .execute();
  // "This entity in every version that holds it" (GET /v1/entities/{id}?version=).
  await db.schema.createIndex('entity_versions_entity_idx').on('entity_versions').column('entity_id').execute();

  await db.schema
    .createTable('source_versions')
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('source_versions_pk', ['dataset_id', 'version', 'source_id'])
    .addForeignKeyConstraint('source_versions_version_fk', ['dataset_id', 'version'], 'dataset_versions', ['dataset_id', 'version'])
    .execute();

  await db.schema
    .createTable('dataset_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull())
    // accepted, unchanged (already current), refused (4xx: parse, structure, gate, older), failed (5xx).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('problems', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addColumn('forced', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sha256', 'text')
    .addColumn('byte_count', 'bigint')
    .addColumn('version', 'text')
    .addColumn('source_date', 'date')
    .addColumn('entity_count', 'integer')
    .addColumn('previous_version', 'text')
    .addColumn('changes', 'jsonb')
    .addColumn('build_ms', 'integer')
    .execute();
  await db.schema.createIndex('dataset_imports_dataset_idx').on('dataset_imports').columns(['dataset_id', 'started_at']).execute();

  // The scheduled fetch of a list (UN_LIST_URL): the replica that moves next_fetch_at forward fetches, the others wait.
  await db.schema
    .createTable('dataset_schedules')
    .addColumn('dataset_id', 'text', (c) => c.primaryKey())
    .addColumn('next_fetch_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // The per-dataset versions a job was accepted under: its chunks screen against exactly these.
  await db.schema.alterTable('jobs').addColumn('dataset_versions', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').dropColumn('dataset_versions').execute();
  await db.schema.dropTable('dataset_schedules').execute();
  await db.schema.dropTable('dataset_imports').execute();
  await db.schema.dropTable('source_versions').execute();
  await db.schema.dropTable('entity_versions').execute();
  await db.schema.dropTable('dataset_files').execute();
  await db.schema
    .alterTable('dataset_versions')
    .dropColumn('changes')
    .dropColumn('previous_version')
    .dropColumn('imported_by')
    .dropColumn('trigger')
    .dropColumn('importer_version')
    .dropColumn('sha256')
    .execute();
}
