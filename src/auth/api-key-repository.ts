import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

import type { Scope } from '../model/access';

export { SCOPES, type Scope } from '../model/access';

// 32 random bytes = 256 bits of secret, well above the 128-bit floor.
const SECRET_BYTES = 32;
const KEY_PREFIX = 'ssk';
// Key format: ssk_<id>_<secret>; the id (not secret) lets us find the row without scanning hashes.
const KEY_PATTERN = /^ssk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyInfo {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Creates a key and returns it in full exactly once; only its hash is stored. */
export async function createApiKey(
  db: Kysely<Database>,
  input: { name: string; scopes: readonly Scope[] },
): Promise<{ key: string; info: ApiKeyInfo }> {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  const row = await db
    .insertInto('api_keys')
    .values({ id, name: input.name, secret_hash: hashSecret(secret), scopes: [...new Set(input.scopes)] })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { key: `${KEY_PREFIX}_${id}_${secret}`, info: toInfo(row) };
}

function toInfo(row: {
  id: string;
  name: string;
  scopes: Scope[];
  created_at: Date | string;
  revoked_at: Date | string | null;
  last_used_at: Date | string | null;
}): ApiKeyInfo {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
  };
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyInfo[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at').execute();
  return rows.map(toInfo);
}

/** Revokes a key; returns false when no such key exists. Revocation is immediate for every replica. */
export async function revokeApiKey(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countActiveKeys(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Checks a presented key: well-formed, exists, not revoked, secret equal in constant time. Returns the key's
 * id and scopes, or undefined. Never logs or returns the secret.
 */
export async function authenticateKey(
  db: Kysely<Database>,
  presented: string,
): Promise<{ id: string; scopes: Scope[] } | undefined> {
  const match = KEY_PATTERN.exec(presented);
  const dummy = hashSecret('no-such-key');
  if (!match) {
    timingSafeEqual(Buffer.from(dummy), Buffer.from(dummy));
    return undefined;
  }
  const [, id, secret] = match as unknown as [string, string, string];
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'secret_hash', 'scopes', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  const expected = Buffer.from(row?.secret_hash ?? dummy, 'utf8');
  const actual = Buffer.from(hashSecret(secret), 'utf8');
  const equal = timingSafeEqual(expected, actual);
  if (!row || !equal || row.revoked_at !== null) return undefined;
  return { id: row.id, scopes: row.scopes };
}

/** Records use without holding up the request; failures are ignored (last-used is informative only). */
export function touchApiKey(db: Kysely<Database>, id: string): void {
  void db
    .updateTable('api_keys')
    .set({ last_used_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute()
    .catch(() => undefined);
}
