import { sql, type Kysely } from 'kysely';

/**
 * API keys (hashed, never the key itself) and the append-only, hash-chained audit trail of screenings.
 * Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // sha256 (hex) of the key's secret part; the key itself is shown once and never stored.
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('scopes', sql`text[]`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('screenings')
    // Position in the hash chain; gaps never occur because appends hold the chain-head lock.
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('screened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('api_key_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addColumn('job_id', 'text')
    .addColumn('reference', 'text')
    .addColumn('decision', 'text', (c) => c.notNull())
    // The whole record exactly as hashed: request as received and normalized, threshold, versions, matches.
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('previous_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  // GET /v1/screenings filters: by client reference, by decision, by time (cursor walks seq).
  await db.schema.createIndex('screenings_reference_idx').on('screenings').columns(['reference', 'seq']).execute();
  await db.schema.createIndex('screenings_decision_idx').on('screenings').columns(['decision', 'seq']).execute();
  await db.schema.createIndex('screenings_time_idx').on('screenings').columns(['screened_at']).execute();
  // Job results are read back per job in input order.
  await db.schema.createIndex('screenings_job_idx').on('screenings').columns(['job_id', 'seq']).execute();

  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    // Where verification starts: the genesis, or the last record removed by the retention setting.
    .addColumn('anchor_seq', 'bigint', (c) => c.notNull())
    .addColumn('anchor_hash', 'text', (c) => c.notNull())
    .execute();
  // The genesis: the chain starts from 64 zeros. Appends lock this single row, so replicas take turns.
  await db
    .insertInto('audit_chain_head')
    .values({ id: 1, last_seq: 0, last_hash: '0'.repeat(64), anchor_seq: 0, anchor_hash: '0'.repeat(64) })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_chain_head').ifExists().execute();
  await db.schema.dropTable('screenings').ifExists().execute();
  await db.schema.dropTable('api_keys').ifExists().execute();
}
