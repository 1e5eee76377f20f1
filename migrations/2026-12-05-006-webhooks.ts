import type { Kysely } from 'kysely';

/** Signed webhooks: endpoints, events and their deliveries. Frozen once landed; change the schema in a new migration. */
export async function up(_db: Kysely<any>): Promise<void> {
  // Filled in with the webhooks capability.
}

export async function down(_db: Kysely<any>): Promise<void> {
  // Filled in with the webhooks capability.
}
