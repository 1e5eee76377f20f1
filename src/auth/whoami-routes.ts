import { Router } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import 'zod-openapi';
import type { Database } from '../db/schema';
import { allowOnly } from '../shared/method-not-allowed';
import { get, ok, type ApiOperations } from '../shared/openapi-operations';
import { authenticateKey, SCOPES } from './api-key-repository';
import { UnauthorizedError, type Auth } from './auth-middleware';

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
export function whoamiRoutes(db: Kysely<Database>, auth: Auth, options: { production: boolean }): Router {
  const router = Router();
  router
    .route('/v1/whoami')
    .get(async (req, res) => {
      const header = req.headers.authorization;
      if (header === undefined) {
        // The same rule as requireScope: open only outside production and while no key exists.
        if (!options.production && (await auth.isOpen())) {
          res.json({ open: true, keyId: null, scopes: [...SCOPES] });
          return;
        }
        throw new UnauthorizedError('an API key is required: send Authorization: Bearer <key>');
      }
      const [kind, key, ...rest] = header.split(' ');
      if (kind?.toLowerCase() !== 'bearer' || key === undefined || rest.length > 0) {
        throw new UnauthorizedError('the Authorization header must be "Bearer <key>"');
      }
      const found = await authenticateKey(db, key);
      if (!found) throw new UnauthorizedError('the API key is unknown or revoked');
      res.json({ open: false, keyId: found.id, scopes: found.scopes });
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
