import { sql, type Kysely } from 'kysely';

/**
 * Signed webhooks: the endpoints clients registered, the events published to them (an outbox written in the
 * publisher's own transaction), one delivery per endpoint and event, and every attempt at a delivery. Frozen once
 * landed; change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Listing order and the list's cursor.
    .addColumn('seq', 'bigint', (c) => c.notNull().unique().generatedAlwaysAsIdentity())
    .addColumn('url', 'text', (c) => c.notNull())
    // The event types the endpoint subscribed to.
    .addColumn('events', sql`text[]`, (c) => c.notNull())
    .addColumn('description', 'text')
    // The signing secret (whsec_ + base64) as given to the client: HMAC signing needs it in clear, so unlike an API
    // key it cannot be stored as a hash. The API shows it once, at registration.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Disabled endpoints get nothing more; they and their deliveries are kept for the record.
    .addColumn('disabled_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('webhook_events')
    // msg_…: the Standard Webhooks webhook-id, the same on every attempt.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    // The JSON body exactly as sent ({ type, timestamp, data }): every attempt sends and signs the same bytes.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Listing order (newest first) and the list's cursor.
    .addColumn('seq', 'bigint', (c) => c.notNull().unique().generatedAlwaysAsIdentity())
    .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('webhook_events.id'))
    // pending, delivered, failed.
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // A pending delivery is due at this time. A dispatcher that claims it moves it past the attempt's lease, so if
    // that dispatcher dies the delivery falls due again. Null once delivered or failed.
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('failed_at', 'timestamptz')
    // Why a failed delivery stopped (the retry window passed, the endpoint was disabled).
    .addColumn('failure', 'text')
    .addUniqueConstraint('webhook_deliveries_endpoint_event_unique', ['endpoint_id', 'event_id'])
    .execute();
  // The dispatchers' poll: due pending deliveries, earliest first; delivered and failed ones are not indexed.
  await db.schema
    .createIndex('webhook_deliveries_due_idx')
    .on('webhook_deliveries')
    .column('next_attempt_at')
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  // GET /v1/webhooks/{id}/deliveries: one endpoint's deliveries, newest first.
  await db.schema.createIndex('webhook_deliveries_endpoint_idx').on('webhook_deliveries').columns(['endpoint_id', 'seq']).execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id'))
    .addColumn('attempted_at', 'timestamptz', (c) => c.notNull())
    // schedule (the dispatcher) or redeliver (POST …/redeliver).
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    // The answer's HTTP status; null when there was none (timeout, network error, refused target).
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    // The start of the answer's body, bounded.
    .addColumn('response_excerpt', 'text')
    .execute();
  // A delivery's attempts, newest first.
  await db.schema.createIndex('webhook_attempts_delivery_idx').on('webhook_attempts').columns(['delivery_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['webhook_attempts', 'webhook_deliveries', 'webhook_events', 'webhook_endpoints']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
