import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, WebhookAttemptsTable, WebhookDeliveriesTable, WebhookEndpointsTable } from '../db/schema';
import type { AttemptTrigger, WebhookEvent } from './webhook-events';

export type EndpointRow = Selectable<WebhookEndpointsTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable> & { event_type: string };
export type AttemptRow = Selectable<WebhookAttemptsTable>;

/** Everything one attempt at a delivery needs. */
export interface DeliveryWork {
  deliveryId: string;
  eventId: string;
  body: string;
  createdAt: Date;
  attempts: number;
  status: string;
  endpoint: { id: string; url: string; secret: string; disabledAt: Date | null };
}

const randomId = (prefix: string, bytes: number) => `${prefix}_${randomBytes(bytes).toString('hex')}`;

export async function insertEndpoint(
  db: Kysely<Database>,
  input: { url: string; events: readonly string[]; description: string | null; secret: string },
): Promise<EndpointRow> {
  return db
    .insertInto('webhook_endpoints')
    .values({ id: randomId('wh', 8), url: input.url, events: [...new Set(input.events)], description: input.description, secret: input.secret })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Endpoints in registration order, after `afterSeq`; up to limit + 1 rows so the caller can tell if more exist. */
export async function listEndpoints(db: Kysely<Database>, page: { limit: number; afterSeq?: string }): Promise<EndpointRow[]> {
  let query = db.selectFrom('webhook_endpoints').selectAll().orderBy('seq').limit(page.limit + 1);
  if (page.afterSeq !== undefined) query = query.where('seq', '>', page.afterSeq);
  return query.execute();
}

export async function findEndpoint(db: Kysely<Database>, id: string): Promise<EndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Disables an enabled endpoint and fails its pending deliveries, together; returns false when no such enabled
 * endpoint exists. Its deliveries and their attempts stay.
 */
export async function disableEndpoint(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const disabled = await trx
      .updateTable('webhook_endpoints')
      .set({ disabled_at: now })
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(disabled.numUpdatedRows) === 0) return false;
    await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', failed_at: now, failure: 'the endpoint was disabled', next_attempt_at: null })
      .where('endpoint_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    return true;
  });
}

export interface EnqueuedEvent {
  /** msg_…, the webhook-id of every attempt; null when no endpoint subscribes (nothing was stored). */
  eventId: string | null;
  deliveries: number;
}

/**
 * Stores `event` and one pending delivery, due at once, per enabled endpoint subscribed to its type, in the caller's
 * transaction `trx`: they commit or roll back with the caller's own writes (an outbox), so an event committed is
 * delivered even if this process dies right after, and an event rolled back is never sent. Stores nothing when no
 * endpoint subscribes (the event id is then null). Never sends anything itself. Returns the event id (the webhook-id
 * of every attempt) and how many deliveries were queued. `data` must be JSON-serializable.
 */
export async function enqueueWebhookEvent(
  trx: Transaction<Database>,
  event: WebhookEvent,
  now: Date = new Date(),
): Promise<EnqueuedEvent> {
  const endpoints = await trx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`${event.type} = any(events)`)
    .execute();
  if (endpoints.length === 0) return { eventId: null, deliveries: 0 };
  const eventId = randomId('msg', 16);
  const body = JSON.stringify({ type: event.type, timestamp: now.toISOString(), data: event.data });
  await trx.insertInto('webhook_events').values({ id: eventId, type: event.type, body, created_at: now }).execute();
  await trx
    .insertInto('webhook_deliveries')
    .values(endpoints.map((e) => ({ id: randomId('dlv', 12), endpoint_id: e.id, event_id: eventId, next_attempt_at: now, created_at: now })))
    .execute();
  return { eventId, deliveries: endpoints.length };
}

/**
 * Claims up to `limit` due pending deliveries, earliest first, by moving each one's due time `leaseMs` ahead: no
 * other dispatcher takes it meanwhile, and if this one dies it falls due again when the lease ends. Rows another
 * dispatcher is claiming at the same moment are skipped, not waited for. Returns the claimed deliveries' ids.
 */
export async function claimDueDeliveries(db: Kysely<Database>, options: { limit: number; leaseMs: number; now: Date }): Promise<string[]> {
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: new Date(options.now.getTime() + options.leaseMs) })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', options.now)
        .orderBy('next_attempt_at')
        .limit(options.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The deliveries `ids` with their event's body and their endpoint, ready to send. */
export async function loadDeliveryWork(db: Kysely<Database>, ids: readonly string[]): Promise<DeliveryWork[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .innerJoin('webhook_endpoints as w', 'w.id', 'd.endpoint_id')
    .select([
      'd.id as deliveryId',
      'd.event_id as eventId',
      'd.created_at as createdAt',
      'd.attempts',
      'd.status',
      'e.body',
      'w.id as endpointId',
      'w.url',
      'w.secret',
      'w.disabled_at as disabledAt',
    ])
    .where('d.id', 'in', ids)
    .execute();
  return rows.map((r) => ({
    deliveryId: r.deliveryId,
    eventId: r.eventId,
    body: r.body,
    createdAt: new Date(r.createdAt),
    attempts: r.attempts,
    status: r.status,
    endpoint: { id: r.endpointId, url: r.url, secret: r.secret, disabledAt: r.disabledAt === null ? null : new Date(r.disabledAt) },
  }));
}

/** What becomes of a delivery after an attempt. */
export type DeliveryUpdate =
  | { status: 'delivered' }
  | { status: 'failed'; failure: string }
  | { status: 'pending'; nextAttemptAt: Date }
  /** Leaves the status and schedule as they are (a failed redelivery). */
  | { status: 'unchanged' };

/** Logs one attempt and applies its consequence to the delivery, together. */
export async function recordAttempt(
  db: Kysely<Database>,
  attempt: {
    deliveryId: string;
    at: Date;
    trigger: AttemptTrigger;
    durationMs: number;
    statusCode: number | null;
    error: string | null;
    responseExcerpt: string | null;
  },
  update: DeliveryUpdate,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({
        delivery_id: attempt.deliveryId,
        attempted_at: attempt.at,
        trigger: attempt.trigger,
        duration_ms: attempt.durationMs,
        status_code: attempt.statusCode,
        error: attempt.error,
        response_excerpt: attempt.responseExcerpt,
      })
      .execute();
    const counted = trx
      .updateTable('webhook_deliveries')
      .set({ attempts: sql<number>`attempts + 1` })
      .where('id', '=', attempt.deliveryId);
    switch (update.status) {
      case 'delivered':
        // A delivery that reached its endpoint is delivered, whatever it was before (a redelivered failure too).
        await counted
          .set({ status: 'delivered', delivered_at: attempt.at, next_attempt_at: null, failed_at: null, failure: null })
          .execute();
        return;
      case 'failed':
        await counted
          .set({ status: 'failed', failed_at: attempt.at, failure: update.failure, next_attempt_at: null })
          .where('status', '=', 'pending')
          .execute();
        return;
      case 'pending':
        // Only while still pending: the endpoint may have been disabled during the attempt.
        await counted.set({ next_attempt_at: update.nextAttemptAt }).where('status', '=', 'pending').execute();
        return;
      case 'unchanged':
        await counted.execute();
        return;
    }
  });
}

/** One endpoint's deliveries newest first, before `beforeSeq`; up to limit + 1 rows. */
export async function listDeliveries(
  db: Kysely<Database>,
  endpointId: string,
  page: { limit: number; beforeSeq?: string },
): Promise<DeliveryRow[]> {
  let query = db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .selectAll('d')
    .select('e.type as event_type')
    .where('d.endpoint_id', '=', endpointId)
    .orderBy('d.seq', 'desc')
    .limit(page.limit + 1);
  if (page.beforeSeq !== undefined) query = query.where('d.seq', '<', page.beforeSeq);
  return query.execute();
}

export async function findDelivery(db: Kysely<Database>, endpointId: string, deliveryId: string): Promise<DeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .selectAll('d')
    .select('e.type as event_type')
    .where('d.endpoint_id', '=', endpointId)
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

/** The latest `perDelivery` attempts of each of `deliveryIds`, newest first. */
export async function latestAttempts(db: Kysely<Database>, deliveryIds: readonly string[], perDelivery: number): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('webhook_attempts')
        .selectAll()
        .select(sql<number>`row_number() over (partition by delivery_id order by id desc)`.as('rank'))
        .where('delivery_id', 'in', deliveryIds)
        .as('ranked'),
    )
    .select(['id', 'delivery_id', 'attempted_at', 'trigger', 'duration_ms', 'status_code', 'error', 'response_excerpt'])
    .where('rank', '<=', perDelivery)
    .orderBy('id', 'desc')
    .execute();
}
