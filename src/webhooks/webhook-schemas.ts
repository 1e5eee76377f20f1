import { z } from 'zod';
import 'zod-openapi';
import { cursorPage, cursorParam, limitParam } from '../shared/api-schemas';
import { ATTEMPT_TRIGGERS, DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from './webhook-events';

// A URL this long is a mistake or an attack, not an endpoint.
const MAX_URL_LENGTH = 2048;

const ENDPOINT_ID = 'wh_4f9c2a7d1e3b5a60';
const DELIVERY_ID = 'dlv_8e1f0c3a9b2d4e6f7a8b9c0d';
const EVENT_ID = 'msg_5b0e6f1c2d3a4b5c6d7e8f9a0b1c2d3e';

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES).meta({
  id: 'WebhookEventType',
  description:
    'alert.created: an alert was raised; alert.closed: an alert was closed; disposition.recorded: an analyst recorded a disposition; dataset.updated: a new list version became current.',
});

export const RegisterWebhookRequestSchema = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/, error: 'an absolute http:// or https:// URL' })
      .max(MAX_URL_LENGTH)
      .meta({ description: 'Where events are POSTed. Must be http(s) and resolve to public addresses only.' }),
    events: z.array(WebhookEventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length * 2).meta({ description: 'The event types to receive.' }),
    description: z.string().trim().max(500).optional(),
  })
  .meta({
    id: 'RegisterWebhookRequest',
    example: { url: 'https://hooks.example.com/sanctions', events: ['alert.created', 'alert.closed'], description: 'compliance case manager' },
  });

const endpointExample = {
  id: ENDPOINT_ID,
  url: 'https://hooks.example.com/sanctions',
  events: ['alert.created', 'alert.closed'],
  description: 'compliance case manager',
  createdAt: '2026-12-05T09:30:00.000Z',
  disabledAt: null,
};

/** An endpoint as listed: never its secret. */
export const WebhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(WebhookEventTypeSchema),
    description: z.string().nullable(),
    createdAt: z.string(),
    disabledAt: z.string().nullable().meta({ description: 'When it was disabled (DELETE); null while it receives events.' }),
  })
  .meta({ id: 'WebhookEndpoint', example: endpointExample });

/** An endpoint just registered: the only answer that carries `secret`. */
export const RegisteredWebhookSchema = WebhookEndpointSchema.extend({
  secret: z.string().meta({
    description: 'The signing secret, whsec_ + base64 of 32 random bytes. Shown only here: store it now.',
  }),
}).meta({
  id: 'RegisteredWebhookEndpoint',
  example: { ...endpointExample, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/3b4bsS2rN0=' },
});

export const WebhookPageSchema = cursorPage(WebhookEndpointSchema, 'WebhookEndpointPage').meta({
  example: { items: [endpointExample], nextCursor: null },
});

export const WebhookAttemptSchema = z
  .object({
    attemptedAt: z.string(),
    trigger: z.enum(ATTEMPT_TRIGGERS).meta({ description: 'schedule: the dispatcher; redeliver: POST …/redeliver.' }),
    durationMs: z.number().int(),
    statusCode: z.number().int().nullable().meta({ description: 'The HTTP status answered; null when there was no answer.' }),
    error: z.string().nullable().meta({ description: 'Why the attempt failed; null when it was answered 2xx.' }),
    responseExcerpt: z.string().nullable().meta({ description: 'The first 512 characters of the answer body.' }),
  })
  .meta({ id: 'WebhookAttempt' });

const deliveryExample = {
  id: DELIVERY_ID,
  eventId: EVENT_ID,
  eventType: 'alert.created',
  status: 'delivered',
  createdAt: '2026-12-05T10:00:00.000Z',
  attemptCount: 2,
  nextAttemptAt: null,
  deliveredAt: '2026-12-05T10:00:03.412Z',
  failedAt: null,
  failure: null,
  attempts: [
    { attemptedAt: '2026-12-05T10:00:03.380Z', trigger: 'schedule', durationMs: 32, statusCode: 204, error: null, responseExcerpt: null },
    { attemptedAt: '2026-12-05T10:00:00.104Z', trigger: 'schedule', durationMs: 41, statusCode: 503, error: 'answered 503', responseExcerpt: 'upstream unavailable' },
  ],
};

// The attempts shown with each delivery; `attemptCount` counts them all.
export const ATTEMPTS_SHOWN = 10;

export const WebhookDeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string().meta({ description: 'The webhook-id header of every attempt at this event.' }),
    eventType: WebhookEventTypeSchema,
    status: z.enum(DELIVERY_STATUSES).meta({ description: 'pending: still being tried; delivered: answered 2xx; failed: given up.' }),
    createdAt: z.string(),
    attemptCount: z.number().int(),
    nextAttemptAt: z.string().nullable().meta({ description: 'When a pending delivery is next tried.' }),
    deliveredAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    failure: z.string().nullable().meta({ description: 'Why a failed delivery was given up.' }),
    attempts: z.array(WebhookAttemptSchema).meta({ description: `The latest ${ATTEMPTS_SHOWN} attempts, newest first.` }),
  })
  .meta({ id: 'WebhookDelivery', example: deliveryExample });

export const WebhookDeliveryPageSchema = cursorPage(WebhookDeliverySchema, 'WebhookDeliveryPage').meta({
  example: { items: [deliveryExample], nextCursor: 'eyJhZnRlciI6IjQxIn0' },
});

export const WebhookIdParamsSchema = z.object({ id: z.string().max(64).meta({ example: ENDPOINT_ID }) });

export const DeliveryParamsSchema = z.object({
  id: z.string().max(64).meta({ example: ENDPOINT_ID }),
  deliveryId: z.string().max(64).meta({ example: DELIVERY_ID }),
});

export const PageQuerySchema = z.strictObject({ limit: limitParam, cursor: cursorParam });

/** What an endpoint receives: the POST body of every delivery (documented under the OpenAPI `webhooks`). */
export const WebhookPayloadSchema = z
  .object({
    type: WebhookEventTypeSchema,
    timestamp: z.string().meta({ description: 'When the event happened (ISO 8601).' }),
    data: z.record(z.string(), z.unknown()).meta({ description: 'The event itself; its shape depends on `type`.' }),
  })
  .meta({
    id: 'WebhookPayload',
    example: { type: 'alert.created', timestamp: '2026-12-05T10:00:00.000Z', data: { alertId: 'alt_1f2e3d4c', monitorId: 'mon_9a8b7c6d' } },
  });
