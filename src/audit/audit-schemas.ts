import { z } from 'zod';
import 'zod-openapi';
import { DecisionSchema } from '../shared/api-schemas';

export const ScreeningRecordSchema = z
  .object({
    screeningId: z.string(),
    screenedAt: z.string(),
    kind: z.enum(['single', 'batch-item', 'job-row']),
    apiKeyId: z.string().nullable().meta({ description: 'Id of the key used (never the key); null in open development mode.' }),
    batchId: z.string().nullable(),
    jobId: z.string().nullable(),
    itemId: z.string().nullable(),
    reference: z.string().nullable(),
    request: z.unknown().meta({ description: 'The request exactly as received.' }),
    normalized: z.object({
      name: z.string(),
      type: z.string(),
      country: z.string().optional(),
      birthDate: z.string().optional(),
      forms: z.array(z.string()),
    }),
    threshold: z.number(),
    algorithm: z.string(),
    datasetVersion: z.string(),
    datasetVersions: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: 'The version of each dataset the answer came from (records from before versions were kept have none).' }),
    decision: DecisionSchema,
    matches: z.array(z.unknown()).meta({ description: 'The matches exactly as returned.' }),
    seq: z.string().meta({ description: 'Position in the hash chain.' }),
    hash: z.string().meta({ description: 'sha256(previousHash + canonical JSON of the record).' }),
    previousHash: z.string(),
  })
  .meta({ id: 'ScreeningRecord' });

export const ScreeningPageSchema = z
  .object({ items: z.array(ScreeningRecordSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ScreeningPage' });

export const ScreeningIdParamsSchema = z.object({
  screeningId: z.string().max(128).meta({ example: '0b5a3f4e-2d7c-4f39-9a3e-6f1d2c8b9a10' }),
});

export const ScreeningListQuerySchema = z.strictObject({
  reference: z.string().max(256).optional(),
  decision: DecisionSchema.optional(),
  since: z.iso.datetime({ offset: true }).optional().meta({ description: 'ISO 8601 time; records screened at or after it.' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
});

export const VerifyResultSchema = z
  .object({
    ok: z.boolean(),
    records: z.number().int().meta({ description: 'Records verified before the first break (all of them when ok).' }),
    firstBrokenId: z.string().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'AuditVerifyResult' });
