import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { NotFoundError } from '../shared/errors';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyInfo, type Scope } from './api-key-repository';

export interface KeyService {
  /** A new key; the response is the only place the key itself ever appears. */
  create(input: { name: string; scopes: readonly Scope[] }): Promise<ApiKeyInfo & { key: string }>;
  list(): Promise<ApiKeyInfo[]>;
  /** Revokes an active key at once, or 404. */
  revoke(id: string): Promise<void>;
}

/** API key management (admin scope through the API; `npm run keys` from the command line). */
export function createKeyService(db: Kysely<Database>): KeyService {
  return {
    async create(input) {
      const { key, info } = await createApiKey(db, input);
      return { ...info, key };
    },
    list: () => listApiKeys(db),
    async revoke(id) {
      if (!(await revokeApiKey(db, id))) throw new NotFoundError(`active key "${id}" does not exist`);
    },
  };
}
