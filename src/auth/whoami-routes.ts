import { Router } from 'express';
import { z } from 'zod';
import 'zod-openapi';
import { allowOnly } from '../shared/method-not-allowed';
import { get, ok, type ApiOperations } from '../shared/openapi-operations';
import { SCOPES } from './api-key-repository';
import type { Auth } from './auth-middleware';

export const WhoAmISchema = z
  .object({
    open: z.boolean().meta({ description: 'True in open development mode (no key exists): every request is allowed without a key.' }),
    keyId: z.string().nullable().meta({ description: 'The calling key\'s id (never the key); null in open mode.' }),
    scopes: z.array(z.enum(SCOPES)).meta({ description: 'What the caller may do; every scope in open mode. `admin` implies all.' }),
  })
  .meta({ id: 'WhoAmI', example: { open: false, keyId: 'a1b2c3d4e5f6', scopes: ['screen', 'read'] } });

/**
 * GET /v1/whoami: the calling key's id and scopes, so a client (the analyst console) can offer only what the key
 * may do. Any valid key may ask; it never needs a particular scope and never reveals the key itself.
 */
export function whoamiRoutes(auth: Auth): Router {
  const router = Router();
  router
    .route('/v1/whoami')
    .get(...auth.requireKey(), (req, res) => {
      const keyId = req.auth?.keyId ?? null;
      res.json({ open: keyId === null, keyId, scopes: req.auth?.scopes ?? [] });
    })
    .all(allowOnly('GET'));
  return router;
}

/** The OpenAPI operations of these routes, from the schemas they validate with. */
export const whoamiOperations: ApiOperations = {
  '/v1/whoami': get({
    operationId: 'whoami',
    summary: 'The calling key and its scopes (any valid key)',
    tags: ['Keys'],
    responses: ok(WhoAmISchema, 'The caller: key id and scopes, or open mode.'),
  }),
};
