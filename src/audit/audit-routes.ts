import { Router } from 'express';
import type { Auth } from '../auth/auth-middleware';
import { allowOnly } from '../shared/method-not-allowed';
import { get, ok, problem, type ApiOperations } from '../shared/openapi-operations';
import { parseRequest } from '../shared/validate';
import { ScreeningIdParamsSchema, ScreeningListQuerySchema, ScreeningPageSchema, ScreeningRecordSchema, VerifyResultSchema } from './audit-schemas';
import type { AuditService } from './audit-service';

/** GET /v1/screenings/{screeningId}, GET /v1/screenings, GET /v1/audit/verify (scope `audit`). */
export function auditRoutes(audit: AuditService, auth: Auth): Router {
  const router = Router();
  const guard = auth.requireScope('audit');

  router
    .route('/v1/screenings')
    .get(...guard, async (req, res) => {
      const { limit, cursor, ...filters } = parseRequest(ScreeningListQuerySchema, req.query, 'query');
      res.json(await audit.list(filters, { limit, ...(cursor !== undefined ? { cursor } : {}) }));
    })
    .all(allowOnly('GET'));

  router
    .route('/v1/screenings/:screeningId')
    .get(...guard, async (req, res) => {
      const { screeningId } = parseRequest(ScreeningIdParamsSchema, req.params, 'path');
      res.json(await audit.get(screeningId));
    })
    .all(allowOnly('GET'));

  router
    .route('/v1/audit/verify')
    .get(...guard, async (_req, res) => {
      res.json(await audit.verify());
    })
    .all(allowOnly('GET'));
  return router;
}

/** The OpenAPI operations of these routes, from the schemas they validate with. */
export const auditOperations: ApiOperations = {
  '/v1/screenings': get({
    operationId: 'listScreenings',
    summary: 'Screening records, newest first (scope audit)',
    tags: ['Audit'],
    requestParams: { query: ScreeningListQuerySchema },
    responses: ok(ScreeningPageSchema, 'One page of records.'),
  }),
  '/v1/screenings/{screeningId}': get({
    operationId: 'getScreening',
    summary: 'The stored record of one screening (scope audit)',
    tags: ['Audit'],
    requestParams: { path: ScreeningIdParamsSchema },
    responses: { ...ok(ScreeningRecordSchema, 'The record with its hash and previous hash.'), '404': problem('No such screening.') },
  }),
  '/v1/audit/verify': get({
    operationId: 'verifyAudit',
    summary: 'Recompute the hash chain and name the first broken record (scope audit)',
    tags: ['Audit'],
    responses: ok(VerifyResultSchema, 'The verification result.'),
  }),
};
