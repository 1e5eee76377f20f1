import { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import type { Auth } from '../auth/auth-middleware';
import { allowOnly } from '../shared/method-not-allowed';
import { del, get, ok, post, problem, requestIdHeader, type ApiOperations } from '../shared/openapi-operations';
import { parseRequest } from '../shared/validate';
import {
  DeliveryParamsSchema,
  PageQuerySchema,
  RegisteredWebhookSchema,
  RegisterWebhookRequestSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookIdParamsSchema,
  WebhookPageSchema,
  WebhookPayloadSchema,
} from './webhook-schemas';
import type { WebhookService } from './webhook-service';

/** Webhook endpoints and their deliveries, for holders of the `admin` scope. */
export function webhookRoutes(webhooks: WebhookService, auth: Auth): Router {
  const router = Router();
  const guard = auth.requireScope('admin');
  router
    .route('/v1/webhooks')
    .get(...guard, async (req, res) => {
      const { limit, cursor } = parseRequest(PageQuerySchema, req.query, 'query');
      res.json(await webhooks.list({ limit, ...(cursor !== undefined ? { cursor } : {}) }));
    })
    .post(...guard, async (req, res) => {
      const { description, ...input } = parseRequest(RegisterWebhookRequestSchema, req.body, 'body');
      const created = await webhooks.register({ ...input, ...(description !== undefined ? { description } : {}) });
      req.log.info({ webhookId: created.id, url: created.url, events: created.events, by: req.auth?.keyId }, 'webhook endpoint registered');
      res.status(201).json(created);
    })
    .all(allowOnly('GET', 'POST'));
  router
    .route('/v1/webhooks/:id')
    .get(...guard, async (req, res) => {
      const { id } = parseRequest(WebhookIdParamsSchema, req.params, 'path');
      res.json(await webhooks.get(id));
    })
    .delete(...guard, async (req, res) => {
      const { id } = parseRequest(WebhookIdParamsSchema, req.params, 'path');
      await webhooks.disable(id);
      req.log.info({ webhookId: id, by: req.auth?.keyId }, 'webhook endpoint disabled');
      res.status(204).end();
    })
    .all(allowOnly('GET', 'DELETE'));
  router
    .route('/v1/webhooks/:id/deliveries')
    .get(...guard, async (req, res) => {
      const { id } = parseRequest(WebhookIdParamsSchema, req.params, 'path');
      const { limit, cursor } = parseRequest(PageQuerySchema, req.query, 'query');
      res.json(await webhooks.deliveries(id, { limit, ...(cursor !== undefined ? { cursor } : {}) }));
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/webhooks/:id/deliveries/:deliveryId/redeliver')
    .post(...guard, async (req, res) => {
      const { id, deliveryId } = parseRequest(DeliveryParamsSchema, req.params, 'path');
      const delivery = await webhooks.redeliver(id, deliveryId);
      req.log.info({ webhookId: id, deliveryId, status: delivery.status, by: req.auth?.keyId }, 'webhook redelivered');
      res.json(delivery);
    })
    .all(allowOnly('POST'));
  return router;
}

/** The OpenAPI operations of these routes, from the schemas they validate with. */
export const webhookOperations: ApiOperations = {
  '/v1/webhooks': {
    ...get({
      operationId: 'listWebhooks',
      summary: 'Webhook endpoints, in registration order (never their secrets)',
      tags: ['Webhooks'],
      requestParams: { query: PageQuerySchema },
      responses: ok(WebhookPageSchema, 'One page of endpoints, disabled ones included.'),
    }),
    ...post({
      operationId: 'registerWebhook',
      summary: 'Register an endpoint; the response shows its signing secret once',
      description:
        'The URL must be http(s) and its host must resolve to public addresses only (private, loopback, link-local, unique-local, carrier-grade NAT and unspecified addresses are refused, IPv4 and IPv6). The secret is stored as given, because signing needs it.',
      tags: ['Webhooks'],
      requestBody: { required: true, content: { 'application/json': { schema: RegisterWebhookRequestSchema } } },
      responses: {
        '201': {
          description: 'Registered. Store `secret` now: it is never shown again.',
          headers: z.object({ 'X-Request-Id': requestIdHeader }),
          content: { 'application/json': { schema: RegisteredWebhookSchema } },
        },
        '400': problem('Invalid body, or a refused `url` (not http(s), or not a public address).'),
      },
    }),
  },
  '/v1/webhooks/{id}': {
    ...get({
      operationId: 'getWebhook',
      summary: 'One webhook endpoint (never its secret)',
      tags: ['Webhooks'],
      requestParams: { path: WebhookIdParamsSchema },
      responses: { ...ok(WebhookEndpointSchema, 'The endpoint.'), '404': problem('No such endpoint.') },
    }),
    ...del({
      operationId: 'disableWebhook',
      summary: 'Disable an endpoint; its delivery history is kept',
      tags: ['Webhooks'],
      requestParams: { path: WebhookIdParamsSchema },
      responses: { '204': { description: 'Disabled; its pending deliveries are failed.' }, '404': problem('No such enabled endpoint.') },
    }),
  },
  '/v1/webhooks/{id}/deliveries': {
    ...get({
      operationId: 'listWebhookDeliveries',
      summary: "An endpoint's deliveries, newest first, with their attempts",
      tags: ['Webhooks'],
      requestParams: { path: WebhookIdParamsSchema, query: PageQuerySchema },
      responses: { ...ok(WebhookDeliveryPageSchema, 'One page of deliveries.'), '404': problem('No such endpoint.') },
    }),
  },
  '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    ...post({
      operationId: 'redeliverWebhook',
      summary: 'Send a delivery again now, with the same webhook-id',
      description:
        'Makes one attempt at once and answers the delivery with that attempt logged. A 2xx answer marks it delivered; a failure leaves its status and retry schedule as they were.',
      tags: ['Webhooks'],
      requestParams: { path: DeliveryParamsSchema },
      responses: {
        ...ok(WebhookDeliverySchema, 'The delivery after the attempt.'),
        '404': problem('No such endpoint or delivery.'),
        '409': problem('The endpoint is disabled.'),
      },
    }),
  },
};

/** What an endpoint receives, as OpenAPI 3.1 `webhooks`: one POST per event type, signed per Standard Webhooks. */
export const webhookCallbacks: ZodOpenApiPathsObject = {
  event: {
    post: {
      operationId: 'receiveWebhookEvent',
      summary: 'An event POSTed to a registered endpoint',
      description:
        'Verify `webhook-signature` (v1, HMAC-SHA256 of `${webhook-id}.${webhook-timestamp}.${body}` keyed with the secret after `whsec_`, base64-decoded) and reject timestamps more than 5 minutes old. Answer 2xx within the timeout, or the delivery is retried with backoff for 24 hours. The same event may arrive more than once: deduplicate on webhook-id.',
      tags: ['Webhooks'],
      security: [],
      requestParams: {
        header: z.object({
          'webhook-id': z.string().meta({ description: 'The event id (msg_…), the same on every attempt.' }),
          'webhook-timestamp': z.string().meta({ description: 'Unix seconds when this attempt was sent.' }),
          'webhook-signature': z.string().meta({ description: 'v1,<base64 HMAC-SHA256>; may list several, space-separated.' }),
        }),
      },
      requestBody: { required: true, content: { 'application/json': { schema: WebhookPayloadSchema } } },
      responses: { '2XX': { description: 'Received. Anything else (or no answer in time) is retried.' } },
    },
  },
};
