import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/database-errors';
import type { Database } from '../db/schema';
import { HOUR_MS, retryDelayMs, retryWindowPassed, type RetrySchedule } from './retry-schedule';
import { sendWebhook, type AttemptOutcome } from './send-webhook';
import type { AttemptTrigger } from './webhook-events';
import { claimDueDeliveries, loadDeliveryWork, recordAttempt, type DeliveryUpdate, type DeliveryWork } from './webhook-repository';

// Deliveries one dispatcher claims and sends at once; a full batch is followed at once by the next.
export const DISPATCH_BATCH = 20;
// A claimed delivery's lease is the attempt's own bound plus this much room to record it; a dispatcher that dies
// mid-attempt leaves the delivery to another one (or to itself, restarted) when the lease ends.
const LEASE_MARGIN_MS = 30_000;

export interface DeliveryOptions {
  schedule: RetrySchedule;
  timeoutMs: number;
  allowPrivateTargets: boolean;
}

/**
 * Makes one attempt at a delivery and records it (time, status or error, duration, answer excerpt) with its
 * consequence: a 2xx answer marks it delivered; on the schedule, a failure is retried with backoff until the retry
 * window has passed, then the delivery is failed. A failed redelivery changes nothing but the attempt log.
 */
export async function attemptDelivery(
  db: Kysely<Database>,
  work: DeliveryWork,
  options: DeliveryOptions & { trigger: AttemptTrigger; log: Logger; signal?: AbortSignal },
): Promise<AttemptOutcome> {
  const at = new Date();
  const outcome = await sendWebhook(
    work.endpoint,
    { id: work.eventId, body: work.body },
    { timeoutMs: options.timeoutMs, allowPrivateTargets: options.allowPrivateTargets, ...(options.signal ? { signal: options.signal } : {}) },
  );
  const attempts = work.attempts + 1;
  const update = nextState(work, outcome, { ...options, attempts, now: new Date() });
  await recordAttempt(db, { deliveryId: work.deliveryId, at, trigger: options.trigger, ...outcome }, update);
  const fields = { deliveryId: work.deliveryId, eventId: work.eventId, endpointId: work.endpoint.id, attempts, trigger: options.trigger };
  if (outcome.ok) options.log.info({ ...fields, statusCode: outcome.statusCode, durationMs: outcome.durationMs }, 'webhook delivered');
  else if (update.status === 'failed') options.log.warn({ ...fields, reason: update.failure }, 'webhook delivery failed for good');
  else options.log.info({ ...fields, reason: outcome.error, durationMs: outcome.durationMs }, 'webhook attempt failed');
  return outcome;
}

const describeDuration = (ms: number) => (ms >= HOUR_MS ? `${+(ms / HOUR_MS).toFixed(2)} h` : `${+(ms / 1000).toFixed(1)} s`);

function nextState(
  work: DeliveryWork,
  outcome: AttemptOutcome,
  context: { schedule: RetrySchedule; trigger: AttemptTrigger; attempts: number; now: Date },
): DeliveryUpdate {
  if (outcome.ok) return { status: 'delivered' };
  if (context.trigger === 'redeliver') return { status: 'unchanged' };
  if (retryWindowPassed(work.createdAt, context.now, context.schedule)) {
    const window = describeDuration(context.schedule.retryForMs);
    return { status: 'failed', failure: `no 2xx answer in ${window} over ${context.attempts} attempts; the last: ${outcome.error ?? 'unknown'}` };
  }
  return { status: 'pending', nextAttemptAt: new Date(context.now.getTime() + retryDelayMs(context.attempts, context.schedule)) };
}

/**
 * Each replica's webhook sender: every poll interval it claims the due deliveries (SKIP LOCKED, so replicas never
 * claim the same one at once) and attempts them. Delivery is at least once: a delivery is marked delivered only after
 * its 2xx, so one whose dispatcher died mid-attempt is sent again after its lease.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly stopping = new AbortController();
  private readonly leaseMs: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: DeliveryOptions & { pollIntervalMs: number },
    private readonly log: Logger,
  ) {
    this.leaseMs = options.timeoutMs + LEASE_MARGIN_MS;
  }

  /** Starts polling (once; again after stop() does nothing). */
  start(): void {
    if (this.timer || this.running || this.stopped) return;
    this.schedule(0);
  }

  /** Stops polling; attempts in flight are abandoned (recorded as failed, retried later) and awaited. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.stopping.abort();
    await this.running;
  }

  /** Claims one batch of due deliveries and attempts them all; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const ids = await claimDueDeliveries(this.db, { limit: DISPATCH_BATCH, leaseMs: this.leaseMs, now: new Date() });
    const work = await loadDeliveryWork(this.db, ids);
    await Promise.all(
      work
        .filter((w) => w.status === 'pending')
        .map((w) =>
          attemptDelivery(this.db, w, { ...this.options, trigger: 'schedule', log: this.log, signal: this.stopping.signal }).catch((err: unknown) =>
            this.report(err, { deliveryId: w.deliveryId }),
          ),
        ),
    );
    return ids.length;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.drain().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.options.pollIntervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.runOnce()) === DISPATCH_BATCH);
    } catch (err) {
      this.report(err, {});
    }
  }

  private report(err: unknown, fields: Record<string, unknown>): void {
    // A lost attempt record is retried after the lease: the database being away is expected now and then.
    if (isDatabaseUnavailable(err)) this.log.warn({ ...fields, reason: (err as Error).message }, 'webhook dispatcher cannot reach the database; retrying');
    else this.log.error({ ...fields, err }, 'webhook dispatch failed');
  }
}
