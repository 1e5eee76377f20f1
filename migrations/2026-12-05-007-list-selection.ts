import type { Kysely } from 'kysely';

/**
 * The lists a job or a monitored counterparty is screened against (the request's `lists`): null means every list
 * loaded at the time of each screening. Frozen once landed; change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Dataset ids as a JSON array, e.g. ["un","ofac-sdn"]; null: all loaded.
  await db.schema.alterTable('jobs').addColumn('lists', 'jsonb').execute();
  await db.schema.alterTable('monitors').addColumn('lists', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitors').dropColumn('lists').execute();
  await db.schema.alterTable('jobs').dropColumn('lists').execute();
}
