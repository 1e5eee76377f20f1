import { sql, type Kysely } from 'kysely';

/**
 * Reference data: datasets and their versions, sources with their sections, and the canonical entities with
 * names, flags, citations, relationships and listings. Frozen once landed; change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('current_version', 'text')
    .execute();

  await db.schema
    .createTable('dataset_versions')
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
    .addColumn('source_date', 'date')
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('entity_count', 'integer', (c) => c.notNull())
    .addColumn('replaced_at', 'timestamptz')
    .addPrimaryKeyConstraint('dataset_versions_pk', ['dataset_id', 'version'])
    .execute();

  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text')
    .addColumn('credits', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('url', 'text')
    .addColumn('date', 'text')
    .addColumn('sha256', 'text')
    .addColumn('notes', 'text')
    .execute();
  // Sources are replaced with their dataset.
  await db.schema.createIndex('sources_dataset_idx').on('sources').column('dataset_id').execute();

  await db.schema
    .createTable('source_sections')
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('locator', 'text', (c) => c.notNull())
    .addColumn('heading', 'text')
    .addColumn('paragraph', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('url', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('source_sections_pk', ['source_id', 'ordinal'])
    .execute();

  await db.schema
    .createTable('entities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('primary_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('countries', sql`text[]`, (c) => c.notNull())
    .addColumn('nationalities', sql`text[]`, (c) => c.notNull())
    .addColumn('titles', sql`text[]`, (c) => c.notNull())
    .addColumn('designations', sql`text[]`, (c) => c.notNull())
    .addColumn('birth_dates', 'jsonb', (c) => c.notNull())
    .addColumn('birth_places', 'jsonb', (c) => c.notNull())
    .addColumn('addresses', 'jsonb', (c) => c.notNull())
    .addColumn('identifiers', 'jsonb', (c) => c.notNull())
    .addColumn('source_ids', sql`text[]`, (c) => c.notNull())
    .addColumn('narrative', 'text')
    .addColumn('raw', 'jsonb')
    // Lower-cased names joined by newlines: the haystack of GET /v1/entities?q= substring search.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  // Entities are replaced per dataset; filters by type and risk level list them.
  await db.schema.createIndex('entities_dataset_idx').on('entities').column('dataset_id').execute();
  await db.schema.createIndex('entities_risk_idx').on('entities').columns(['risk_level', 'id']).execute();

  await db.schema
    .createTable('entity_names')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('raw', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('quality', 'text')
    .addColumn('script', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('entity_names_pk', ['entity_id', 'ordinal'])
    .execute();

  await db.schema
    .createTable('flags')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('flags_pk', ['entity_id', 'ordinal'])
    .execute();
  // GET /v1/entities?flag= style lookups by code.
  await db.schema.createIndex('flags_code_idx').on('flags').column('code').execute();

  await db.schema
    .createTable('relationships')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    // No foreign key: a relationship may point into another dataset, loaded independently.
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('period', 'text')
    .addPrimaryKeyConstraint('relationships_pk', ['entity_id', 'ordinal'])
    .execute();

  await db.schema
    .createTable('citations')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    // 'flag' or 'relationship', with the ordinal of the flag or relationship it supports.
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_ordinal', 'integer', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('locator', 'text', (c) => c.notNull())
    .addColumn('section', 'text')
    .addColumn('paragraph', 'text')
    .addColumn('quote', 'text')
    .addColumn('summary', 'text')
    .addColumn('url', 'text')
    .addPrimaryKeyConstraint('citations_pk', ['entity_id', 'owner_kind', 'owner_ordinal', 'ordinal'])
    .execute();

  await db.schema
    .createTable('listings')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('reference_number', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('listed_on', 'text')
    .addColumn('resolution', 'text')
    .addColumn('resolution_basis', 'text')
    .addColumn('data_id', 'text')
    .addPrimaryKeyConstraint('listings_pk', ['entity_id', 'ordinal'])
    .execute();
  // GET /v1/entities?list=&regime= filters.
  await db.schema.createIndex('listings_list_regime_idx').on('listings').columns(['list', 'regime']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'listings',
    'citations',
    'relationships',
    'flags',
    'entity_names',
    'entities',
    'source_sections',
    'sources',
    'dataset_versions',
    'datasets',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
