import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../shared/errors';
import { authenticateKey, countActiveKeys, SCOPES, touchApiKey, type Scope } from './api-key-repository';

declare module 'express-serve-static-core' {
  interface Request {
    /** Who is calling: the key id (null in open development mode) and its scopes. */
    auth?: { keyId: string | null; scopes: readonly Scope[] };
  }
}

// Creating or revoking the first key takes effect within this many ms on every replica.
const KEY_COUNT_CACHE_MS = 5000;
// last_used_at is informative: write it at most once a minute per key, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

export interface AuthOptions {
  production: boolean;
  rateLimit: { windowMs: number; max: number };
}

export class UnauthorizedError extends HttpError {
  constructor(detail: string) {
    super(401, 'unauthorized', 'Unauthorized', detail, { headers: { 'WWW-Authenticate': 'Bearer realm="sanctions-screening"' } });
  }
}

export class ForbiddenError extends HttpError {
  constructor(detail: string) {
    super(403, 'forbidden', 'Forbidden', detail);
  }
}

/**
 * Bearer-key authentication with scopes and per-key rate limits. With no active key and not in production,
 * the service runs open (every request gets every scope) — `isOpen()` tells, so /readyz and the log can say so.
 */
export function createAuth(db: Kysely<Database>, options: AuthOptions) {
  let cachedCount: { count: number; at: number } | undefined;
  const lastTouched = new Map<string, number>();

  async function activeKeyCount(): Promise<number> {
    const now = Date.now();
    if (!cachedCount || now - cachedCount.at > KEY_COUNT_CACHE_MS) {
      cachedCount = { count: await countActiveKeys(db), at: now };
    }
    return cachedCount.count;
  }

  const limiter =
    options.rateLimit.max > 0
      ? rateLimit({
          windowMs: options.rateLimit.windowMs,
          limit: options.rateLimit.max,
          standardHeaders: 'draft-6',
          legacyHeaders: false,
          // Open mode has no key: fall back to the client address (IPv6 grouped by /56 so a host cannot rotate).
          keyGenerator: (req) => req.auth?.keyId ?? `ip:${ipKeyGenerator(req.ip ?? '')}`,
          handler: (_req, _res, next, opts) => {
            next(new HttpError(429, 'rate-limited', 'Too many requests', `more than ${opts.limit} requests in ${Math.round(options.rateLimit.windowMs / 1000)} s for this key; see RateLimit-Reset`));
          },
        })
      : undefined;

  /** A valid key with this scope (or `admin`); `null`: any valid key. Open mode lets every request through. */
  function requireScope(scope: Scope | null): RequestHandler[] {
    const check: RequestHandler = async (req, _res, next) => {
      const header = req.headers.authorization;
      if (header === undefined) {
        if (!options.production && (await activeKeyCount()) === 0) {
          req.auth = { keyId: null, scopes: [...SCOPES] };
          next();
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
      if (scope !== null && !found.scopes.includes(scope) && !found.scopes.includes('admin')) {
        throw new ForbiddenError(`this key lacks the "${scope}" scope (it has: ${found.scopes.join(', ') || 'none'})`);
      }
      req.auth = { keyId: found.id, scopes: found.scopes };
      const now = Date.now();
      if (now - (lastTouched.get(found.id) ?? 0) > TOUCH_INTERVAL_MS) {
        lastTouched.set(found.id, now);
        touchApiKey(db, found.id);
      }
      next();
    };
    return limiter ? [check, limiter] : [check];
  }

  return {
    requireScope,
    /** Any valid key, whatever its scopes (open mode: any request). */
    requireKey: () => requireScope(null),
    /** True when no active key exists: development runs open. */
    isOpen: async () => (await activeKeyCount()) === 0,
  };
}

export type Auth = ReturnType<typeof createAuth>;
