import { Router } from 'express';
import type { Auth } from '../../auth/auth-middleware';
import type { ReferenceService } from '../../reference/reference-service';
import { EntityIdParamsSchema, EntityListQuerySchema } from '../api-schemas';
import { allowOnly } from '../method-not-allowed';
import { parseRequest } from '../validate';

/** GET /v1/entities, /v1/entities/{id}, /v1/sources, /v1/sources/{id}, /v1/datasets. */
export function referenceRoutes(reference: ReferenceService, auth: Auth): Router {
  const router = Router();
  const guard = auth.requireScope('read');
  router
    .route('/v1/entities')
    .get(...guard, async (req, res) => {
      const { limit, cursor, ...filters } = parseRequest(EntityListQuerySchema, req.query, 'query');
      res.json(await reference.listEntities(filters, { limit, ...(cursor !== undefined ? { cursor } : {}) }));
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/entities/:id')
    .get(...guard, async (req, res) => {
      const { id } = parseRequest(EntityIdParamsSchema, req.params, 'path');
      res.json(await reference.getEntity(id));
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/sources')
    .get(...guard, async (_req, res) => {
      res.json(await reference.listSources());
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/sources/:id')
    .get(...guard, async (req, res) => {
      const { id } = parseRequest(EntityIdParamsSchema, req.params, 'path');
      res.json(await reference.getSource(id));
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/datasets')
    .get(...guard, async (_req, res) => {
      res.json(await reference.listDatasets());
    })
    .all(allowOnly('GET'));
  return router;
}
