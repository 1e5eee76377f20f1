import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { BadRequestError, ConflictError, NotFoundError } from '../shared/errors';
import { decodeCursor, encodeCursor } from '../shared/pagination';
import { HOUR_MS, type RetrySchedule } from './retry-schedule';
import { attemptDelivery, WebhookDispatcher } from './webhook-dispatcher';
import type { WebhookEventType } from './webhook-events';
import {
  disableEndpoint,
  enqueueWebhookEvent,
  findDelivery,
  findEndpoint,
  insertEndpoint,
  latestAttempts,
  listDeliveries,
  listEndpoints,
  loadDeliveryWork,
  type AttemptRow,
  type DeliveryRow,
  type EndpointRow,
  type EnqueuedEvent,
} from './webhook-repository';
import { ATTEMPTS_SHOWN } from './webhook-schemas';
import { generateWebhookSecret } from './webhook-signature';
import { assertPublicTarget, UnsafeTargetError } from './webhook-target';

// Both cursors are a `seq`: the last endpoint listed, or the last (oldest) delivery listed.
const SEQ = /^\d{1,20}$/;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function presentEndpoint(row: EndpointRow) {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    createdAt: new Date(row.created_at).toISOString(),
    disabledAt: iso(row.disabled_at),
  };
}
export type WebhookEndpoint = ReturnType<typeof presentEndpoint>;

function presentDelivery(row: DeliveryRow, attempts: readonly AttemptRow[]) {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    attemptCount: row.attempts,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    deliveredAt: iso(row.delivered_at),
    failedAt: iso(row.failed_at),
    failure: row.failure,
    attempts: attempts.map((a) => ({
      attemptedAt: new Date(a.attempted_at).toISOString(),
      trigger: a.trigger,
      durationMs: a.duration_ms,
      statusCode: a.status_code,
      error: a.error,
      responseExcerpt: a.response_excerpt,
    })),
  };
}
export type WebhookDelivery = ReturnType<typeof presentDelivery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface WebhookService {
  /**
   * Registers an endpoint after checking its URL (http(s), public addresses only unless private targets are
   * allowed; a 400 naming `url` otherwise). The answer is the only place its secret ever appears.
   */
  register(input: { url: string; events: readonly WebhookEventType[]; description?: string }): Promise<WebhookEndpoint & { secret: string }>;
  /** Endpoints in registration order, disabled ones included; never their secrets. */
  list(page: { limit: number; cursor?: string }): Promise<Page<WebhookEndpoint>>;
  /** One endpoint, or 404. */
  get(id: string): Promise<WebhookEndpoint>;
  /** Disables an enabled endpoint (its pending deliveries fail; its history stays), or 404. */
  disable(id: string): Promise<void>;
  /** One endpoint's deliveries, newest first, each with its latest attempts; 404 for an unknown endpoint. */
  deliveries(id: string, page: { limit: number; cursor?: string }): Promise<Page<WebhookDelivery>>;
  /**
   * Sends a delivery again now, with the same webhook-id, and logs the attempt; answers the delivery as it then is.
   * A 2xx marks it delivered; a failure leaves its status and schedule as they were. 409 when the endpoint is disabled.
   */
  redeliver(id: string, deliveryId: string): Promise<WebhookDelivery>;
  /**
   * Publishes an event in a transaction of its own, for callers outside one; inside one, call
   * `enqueueWebhookEvent(trx, event)` so the event commits or rolls back with the caller's writes.
   */
  publish(type: WebhookEventType, data: Record<string, unknown>): Promise<EnqueuedEvent>;
  /** Starts this replica's dispatcher (after migrations). */
  start(): void;
  /** Stops the dispatcher; attempts in flight are abandoned and retried later. */
  stop(): Promise<void>;
}

export interface WebhookSettings {
  schedule: RetrySchedule;
  timeoutMs: number;
  pollIntervalMs: number;
  /** Allow endpoints on private, loopback and other non-public addresses (local development and tests only). */
  allowPrivateTargets: boolean;
}

/** The webhook settings of a config (the WEBHOOK_* variables). */
export function webhookSettings(config: Config): WebhookSettings {
  return {
    schedule: {
      baseMs: config.WEBHOOK_RETRY_BASE_MS,
      maxMs: config.WEBHOOK_RETRY_MAX_MS,
      retryForMs: Math.round(config.WEBHOOK_RETRY_FOR_HOURS * HOUR_MS),
    },
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    pollIntervalMs: config.WEBHOOK_POLL_INTERVAL_MS,
    allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
  };
}

/** Signed webhooks: endpoint management, publishing into the outbox, and this replica's dispatcher. */
export function createWebhookService(deps: { db: Kysely<Database>; log: Logger; settings: WebhookSettings }): WebhookService {
  const { db, settings } = deps;
  const log = deps.log.child({ component: 'webhooks' });
  const dispatcher = new WebhookDispatcher(db, settings, log);
  if (settings.allowPrivateTargets) log.warn('WEBHOOK_ALLOW_PRIVATE_TARGETS is on: webhook endpoints may be on private and loopback addresses');

  async function existingEndpoint(id: string): Promise<EndpointRow> {
    const row = await findEndpoint(db, id);
    if (!row) throw new NotFoundError(`webhook endpoint "${id}" does not exist`);
    return row;
  }

  async function withAttempts(rows: readonly DeliveryRow[]): Promise<WebhookDelivery[]> {
    const attempts = await latestAttempts(db, rows.map((r) => r.id), ATTEMPTS_SHOWN);
    return rows.map((row) => presentDelivery(row, attempts.filter((a) => a.delivery_id === row.id)));
  }

  return {
    async register(input) {
      if (!settings.allowPrivateTargets) {
        try {
          await assertPublicTarget(new URL(input.url));
        } catch (error) {
          if (!(error instanceof UnsafeTargetError)) throw error;
          throw new BadRequestError(`url "${input.url}" is refused: ${error.message}`, [{ path: 'body.url', message: error.message }]);
        }
      }
      const secret = generateWebhookSecret();
      const row = await insertEndpoint(db, { url: input.url, events: input.events, description: input.description ?? null, secret });
      return { ...presentEndpoint(row), secret };
    },
    async list(page) {
      const rows = await listEndpoints(db, {
        limit: page.limit,
        ...(page.cursor !== undefined ? { afterSeq: decodeCursor(page.cursor, SEQ) } : {}),
      });
      const items = rows.slice(0, page.limit);
      const last = items[items.length - 1];
      return { items: items.map(presentEndpoint), nextCursor: rows.length > page.limit && last ? encodeCursor(String(last.seq)) : null };
    },
    async get(id) {
      return presentEndpoint(await existingEndpoint(id));
    },
    async disable(id) {
      if (!(await disableEndpoint(db, id, new Date()))) throw new NotFoundError(`enabled webhook endpoint "${id}" does not exist`);
    },
    async deliveries(id, page) {
      await existingEndpoint(id);
      const rows = await listDeliveries(db, id, {
        limit: page.limit,
        ...(page.cursor !== undefined ? { beforeSeq: decodeCursor(page.cursor, SEQ) } : {}),
      });
      const items = rows.slice(0, page.limit);
      const last = items[items.length - 1];
      return { items: await withAttempts(items), nextCursor: rows.length > page.limit && last ? encodeCursor(String(last.seq)) : null };
    },
    async redeliver(id, deliveryId) {
      const endpoint = await existingEndpoint(id);
      if (endpoint.disabled_at !== null) {
        throw new ConflictError('webhook-disabled', 'Webhook endpoint disabled', `webhook endpoint "${id}" is disabled; register a new one to receive events`);
      }
      const [work] = await loadDeliveryWork(db, [deliveryId]);
      const missing = () => new NotFoundError(`delivery "${deliveryId}" of webhook endpoint "${id}" does not exist`);
      if (!work || work.endpoint.id !== id) throw missing();
      await attemptDelivery(db, work, { ...settings, trigger: 'redeliver', log });
      const row = await findDelivery(db, id, deliveryId);
      if (!row) throw missing();
      return presentDelivery(row, await latestAttempts(db, [row.id], ATTEMPTS_SHOWN));
    },
    publish: (type, data) => db.transaction().execute((trx) => enqueueWebhookEvent(trx, { type, data })),
    start: () => dispatcher.start(),
    stop: () => dispatcher.stop(),
  };
}
