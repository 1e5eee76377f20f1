import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { AppContext } from '../context';
import { ServiceUnavailableError } from '../shared/errors';
import { allowOnly } from '../shared/method-not-allowed';
import type { Metrics } from '../shared/metrics';
import { buildOpenApiDocument } from './openapi-document';
import { z } from 'zod';
import { get, ok, problem, type ApiOperations } from '../shared/openapi-operations';
import { HealthSchema, ReadinessSchema } from './ops-schemas';

// How long a client should wait before asking /readyz again while data loads or the database is away.
const READINESS_RETRY_AFTER_SECONDS = 5;

/** /healthz, /readyz, /openapi.json and /docs: open to everyone, no key needed; /metrics: scope admin. */
export function opsRoutes(context: AppContext, metrics: Metrics): Router {
  const router = Router();
  const document = buildOpenApiDocument();

  router
    .route('/healthz')
    .get((_req, res) => {
      res.json({ status: 'ok' });
    })
    .all(allowOnly('GET'));

  router
    .route('/readyz')
    .get(async (_req, res) => {
      const databaseOk = await context.database.ping().then(
        () => true,
        () => false,
      );
      const snapshot = context.data.snapshot;
      const open = databaseOk && (await context.auth.isOpen().catch(() => false));
      const body = {
        status: databaseOk && snapshot ? 'ready' : 'not-ready',
        database: context.database.kind,
        datasetVersion: snapshot?.datasetVersion ?? null,
        checks: { database: databaseOk, data: snapshot !== undefined },
        warnings: open ? ['OPEN MODE: no API key exists, every request is allowed without a key (development only)'] : [],
      };
      if (!databaseOk) {
        throw new ServiceUnavailableError('the database is not reachable', READINESS_RETRY_AFTER_SECONDS);
      }
      if (!snapshot) {
        const reason = context.data.error ? `data failed to load: ${context.data.error.message}` : 'data is still loading';
        throw new ServiceUnavailableError(reason, READINESS_RETRY_AFTER_SECONDS);
      }
      res.json(body);
    })
    .all(allowOnly('GET'));

  router
    .route('/metrics')
    .get(...context.auth.requireScope('admin'), async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    })
    .all(allowOnly('GET'));

  router
    .route('/openapi.json')
    .get((_req, res) => {
      res.json(document);
    })
    .all(allowOnly('GET'));

  router.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Sanctions screening API' }));
  return router;
}

/** The OpenAPI operations of these routes, from the schemas they validate with. */
export const opsOperations: ApiOperations = {
  '/metrics': get({
    operationId: 'metrics',
    summary: 'Prometheus metrics (scope admin)',
    tags: ['Operations'],
    responses: { '200': { description: 'Prometheus text format.', content: { 'text/plain': { schema: z.string() } } } },
  }),
  '/healthz': get({
    operationId: 'health',
    summary: 'Process is alive',
    tags: ['Operations'],
    security: [],
    responses: ok(HealthSchema, 'Alive.'),
  }),
  '/readyz': get({
    operationId: 'readiness',
    summary: 'Data loaded and database reachable',
    tags: ['Operations'],
    security: [],
    responses: { ...ok(ReadinessSchema, 'Ready to screen.'), '503': problem('Not ready; see Retry-After.') },
  }),
  '/openapi.json': get({
    operationId: 'openapi',
    summary: 'This document',
    tags: ['Operations'],
    security: [],
    responses: { '200': { description: 'OpenAPI 3.1 JSON.', content: { 'application/json': { schema: z.object({}).passthrough() } } } },
  }),
};
