import { sql, type Kysely } from 'kysely';

/**
 * Ongoing monitoring: the monitored counterparties and what each matches now, the alerts a new list version raises,
 * and analysts' dispositions. Monitoring re-screens run as batch jobs (kind `monitoring`). Frozen once landed;
 * change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monitors')
    .addColumn('reference', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('api_key_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // The last screening of this counterparty (enrolment, a change, a monitoring run).
    .addColumn('screening_id', 'text')
    .addColumn('screened_at', 'timestamptz')
    .execute();

  // What each monitored counterparty matches now (matches at the threshold, suppressed ones included).
  await db.schema
    .createTable('monitor_matches')
    .addColumn('reference', 'text', (c) => c.notNull().references('monitors.reference').onDelete('cascade'))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('screening_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_matches_pk', ['reference', 'entity_id'])
    .execute();
  await db.schema.createIndex('monitor_matches_entity_idx').on('monitor_matches').column('entity_id').execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // new-match, match-amended, match-removed
    .addColumn('kind', 'text', (c) => c.notNull())
    // open, acknowledged, closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('entity_name', 'text', (c) => c.notNull())
    // The monitoring job (a batch job of kind `monitoring`) whose screening raised it.
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('screening_id', 'text', (c) => c.notNull())
    .addColumn('versions_before', 'jsonb', (c) => c.notNull())
    .addColumn('versions_after', 'jsonb', (c) => c.notNull())
    // The match with explanation and citations (new-match, match-amended), or as last matched (match-removed).
    .addColumn('match', 'jsonb')
    // The listing's field-level diff (match-amended).
    .addColumn('changes', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .addColumn('note', 'text')
    .addColumn('closed_reason', 'text')
    .execute();
  // One alert of a kind per counterparty and entry per monitoring job: a chunk processed twice raises nothing twice.
  await db.schema.createIndex('alerts_job_match_idx').on('alerts').columns(['job_id', 'reference', 'entity_id', 'kind']).unique().execute();
  await db.schema.createIndex('alerts_status_idx').on('alerts').columns(['status', 'created_at', 'id']).execute();
  await db.schema.createIndex('alerts_reference_idx').on('alerts').columns(['reference', 'entity_id']).execute();
  await db.schema.createIndex('alerts_created_idx').on('alerts').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('dispositions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('screening_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    // false-positive, true-match, escalated
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('api_key_id', 'text')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    // The version of the entity's dataset the decision was taken on: a later version that changes the listing
    // lifts a false-positive's suppression.
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('entity_version', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispositions_reference_idx').on('dispositions').columns(['reference', 'entity_id', 'recorded_at']).execute();

  await db.schema
    .alterTable('jobs')
    // upload (a client's file) or monitoring (a re-screen after a new list version)
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('upload'))
    // An upload with ?monitor=true enrols its rows that carry a reference.
    .addColumn('monitor', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('enrolled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_enrolled', 'integer', (c) => c.notNull().defaultTo(0))
    // A monitoring job's run: its mode, the versions before and after, the entries added, amended (with their diff)
    // and removed.
    .addColumn('monitor_run', 'jsonb')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('jobs')
    .dropColumn('monitor_run')
    .dropColumn('not_enrolled')
    .dropColumn('enrolled')
    .dropColumn('monitor')
    .dropColumn('kind')
    .execute();
  await db.schema.dropTable('dispositions').execute();
  await db.schema.dropTable('alerts').execute();
  await db.schema.dropTable('monitor_matches').execute();
  await db.schema.dropTable('monitors').execute();
}
