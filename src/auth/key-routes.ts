import { Router } from 'express';
import { allowOnly } from '../shared/method-not-allowed';
import { del, get, ok, post, problem, type ApiOperations } from '../shared/openapi-operations';
import { parseRequest } from '../shared/validate';
import type { Auth } from './auth-middleware';
import { CreatedKeySchema, CreateKeyRequestSchema, KeyIdParamsSchema, KeyListSchema } from './key-schemas';
import type { KeyService } from './key-service';

/** Key management for holders of the `admin` scope: create (the key is shown once), list, revoke. */
export function keyRoutes(keys: KeyService, auth: Auth): Router {
  const router = Router();
  const guard = auth.requireScope('admin');
  router
    .route('/v1/keys')
    .get(...guard, async (_req, res) => {
      res.json({ items: await keys.list() });
    })
    .post(...guard, async (req, res) => {
      const created = await keys.create(parseRequest(CreateKeyRequestSchema, req.body, 'body'));
      req.log.info({ keyId: created.id, scopes: created.scopes, by: req.auth?.keyId }, 'api key created');
      res.status(201).json(created);
    })
    .all(allowOnly('GET', 'POST'));
  router
    .route('/v1/keys/:id')
    .delete(...guard, async (req, res) => {
      const { id } = parseRequest(KeyIdParamsSchema, req.params, 'path');
      await keys.revoke(id);
      req.log.info({ keyId: id, by: req.auth?.keyId }, 'api key revoked');
      res.status(204).end();
    })
    .all(allowOnly('DELETE'));
  return router;
}

/** The OpenAPI operations of these routes, from the schemas they validate with. */
export const keyOperations: ApiOperations = {
  '/v1/keys': {
    ...get({
      operationId: 'listKeys',
      summary: 'API keys (never the keys themselves)',
      tags: ['Keys'],
      responses: ok(KeyListSchema, 'Every key.'),
    }),
    ...post({
      operationId: 'createKey',
      summary: 'Create a key; the response shows it once',
      tags: ['Keys'],
      requestBody: { required: true, content: { 'application/json': { schema: CreateKeyRequestSchema } } },
      responses: {
        '201': {
          description: 'Created. Store `key` now: it is never shown again.',
          content: { 'application/json': { schema: CreatedKeySchema } },
        },
      },
    }),
  },
  '/v1/keys/{id}': {
    ...del({
      operationId: 'revokeKey',
      summary: 'Revoke a key at once',
      tags: ['Keys'],
      requestParams: { path: KeyIdParamsSchema },
      responses: { '204': { description: 'Revoked.' }, '404': problem('No such active key.') },
    }),
  },
};
