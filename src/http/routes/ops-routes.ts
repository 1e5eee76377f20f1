import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { AppContext } from '../../context';
import { ServiceUnavailableError } from '../errors';
import { allowOnly } from '../method-not-allowed';
import { buildOpenApiDocument } from '../openapi-document';

// How long a client should wait before asking /readyz again while data loads or the database is away.
const READINESS_RETRY_AFTER_SECONDS = 5;

/** /healthz, /readyz, /openapi.json and /docs: open to everyone, no key needed. */
export function opsRoutes(context: AppContext): Router {
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
    .route('/openapi.json')
    .get((_req, res) => {
      res.json(document);
    })
    .all(allowOnly('GET'));

  router.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Sanctions screening API' }));
  return router;
}
