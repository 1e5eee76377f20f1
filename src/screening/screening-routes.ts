import { Router } from 'express';
import type { Auth } from '../auth/auth-middleware';
import { allowOnly } from '../shared/method-not-allowed';
import { ok, post, problem, type ApiOperations } from '../shared/openapi-operations';
import { parseRequest } from '../shared/validate';
import { BatchRequestSchema, BatchResponseSchema, ScreenRequestSchema, ScreenResponseSchema } from './screening-schemas';
import type { ScreeningService } from './screening-service';

/** POST /v1/screen and POST /v1/screen/batch (scope `screen`): parse, screen (which records), answer. */
export function screeningRoutes(screening: ScreeningService, auth: Auth): Router {
  const router = Router();
  const guard = auth.requireScope('screen');

  router
    .route('/v1/screen')
    .post(...guard, async (req, res) => {
      const input = parseRequest(ScreenRequestSchema, req.body, 'body');
      res.json(await screening.screen(input, { apiKeyId: req.auth?.keyId ?? null, request: req.body }));
    })
    .all(allowOnly('POST'));

  router
    .route('/v1/screen/batch')
    .post(...guard, async (req, res) => {
      const batch = parseRequest(BatchRequestSchema, req.body, 'body');
      res.json(await screening.screenBatch(batch, { apiKeyId: req.auth?.keyId ?? null, request: req.body }));
    })
    .all(allowOnly('POST'));
  return router;
}

/** The OpenAPI operations of these routes, from the schemas they validate with. */
export const screeningOperations: ApiOperations = {
  '/v1/screen': post({
    operationId: 'screen',
    summary: 'Screen one counterparty',
    description:
      'Returns a decision (hit, review, clear), the matches at or above the threshold with the reason each matched, and each matched entity\'s flags with citations, listings and relationships.',
    tags: ['Screening'],
    requestBody: { required: true, content: { 'application/json': { schema: ScreenRequestSchema } } },
    responses: {
      ...ok(ScreenResponseSchema, 'The screening result.'),
      '400': problem('The body is invalid (the problem names each bad field).'),
      '413': problem('The body exceeds the size limit.'),
      '503': problem('Data still loading, or the audit record could not be written; see Retry-After.'),
    },
  }),
  '/v1/screen/batch': post({
    operationId: 'screenBatch',
    summary: 'Screen up to 1,000 counterparties in one request',
    tags: ['Screening'],
    requestBody: { required: true, content: { 'application/json': { schema: BatchRequestSchema } } },
    responses: {
      ...ok(BatchResponseSchema, 'One result per item, in input order.'),
      '400': problem('The body is invalid, items is empty or holds more than 1,000, or ids repeat.'),
      '413': problem('The body exceeds the size limit.'),
      '503': problem('Data still loading, or the audit records could not be written; see Retry-After.'),
    },
  }),
};
