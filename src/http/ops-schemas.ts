import { z } from 'zod';
import 'zod-openapi';

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

export const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'not-ready']),
    database: z.enum(['pglite', 'postgres']),
    datasetVersion: z.string().nullable(),
    checks: z.object({ database: z.boolean(), data: z.boolean() }),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'Readiness' });
