/** The vocabulary of webhooks, shared by the API schemas, the outbox and the dispatcher. */

/** What an endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = ['alert.created', 'alert.closed', 'disposition.recorded', 'dataset.updated'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** pending: not yet answered 2xx, still being tried; delivered: answered 2xx; failed: given up. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Who made an attempt: the dispatcher on its schedule, or an admin's redeliver. */
export const ATTEMPT_TRIGGERS = ['schedule', 'redeliver'] as const;
export type AttemptTrigger = (typeof ATTEMPT_TRIGGERS)[number];

/** An event as a publisher hands it over: its type and its data (a JSON object). */
export interface WebhookEvent {
  type: WebhookEventType;
  data: Record<string, unknown>;
}
