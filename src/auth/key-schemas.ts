import { z } from 'zod';
import 'zod-openapi';
import { SCOPES } from './api-key-repository';

export const CreateKeyRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(128),
    scopes: z.array(z.enum(SCOPES)).min(1),
  })
  .meta({ id: 'CreateKeyRequest', example: { name: 'core-banking-nightly', scopes: ['screen', 'read'] } });

/** A key as listed: never the key itself. */
export const KeyInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(SCOPES)),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const KeyListSchema = z.object({ items: z.array(KeyInfoSchema) }).meta({ id: 'ApiKeyList' });

/** A key just created: the only answer that carries `key`. */
export const CreatedKeySchema = KeyInfoSchema.extend({ key: z.string() }).meta({ id: 'CreatedApiKey' });

export const KeyIdParamsSchema = z.object({ id: z.string().max(64) });
