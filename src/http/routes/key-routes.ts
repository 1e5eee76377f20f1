import { Router } from 'express';
import { z } from 'zod';
import { SCOPES, createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys';
import type { AppContext } from '../../context';
import { NotFoundError } from '../errors';
import { allowOnly } from '../method-not-allowed';
import { parseRequest } from '../validate';

export const CreateKeyRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(128),
    scopes: z.array(z.enum(SCOPES)).min(1),
  })
  .meta({ id: 'CreateKeyRequest', example: { name: 'core-banking-nightly', scopes: ['screen', 'read'] } });

/** Key management for holders of the `admin` scope: create (the key is shown once), list, revoke. */
export function keyRoutes(context: AppContext): Router {
  const router = Router();
  const db = context.database.db;
  const guard = context.auth.requireScope('admin');
  router
    .route('/v1/keys')
    .get(...guard, async (_req, res) => {
      res.json({ items: await listApiKeys(db) });
    })
    .post(...guard, async (req, res) => {
      const input = parseRequest(CreateKeyRequestSchema, req.body, 'body');
      const { key, info } = await createApiKey(db, input);
      req.log.info({ keyId: info.id, scopes: info.scopes, by: req.auth?.keyId }, 'api key created');
      res.status(201).json({ ...info, key });
    })
    .all(allowOnly('GET', 'POST'));
  router
    .route('/v1/keys/:id')
    .delete(...guard, async (req, res) => {
      const { id } = parseRequest(z.object({ id: z.string().max(64) }), req.params, 'path');
      if (!(await revokeApiKey(db, id))) throw new NotFoundError(`active key "${id}" does not exist`);
      req.log.info({ keyId: id, by: req.auth?.keyId }, 'api key revoked');
      res.status(204).end();
    })
    .all(allowOnly('DELETE'));
  return router;
}
