import { z } from 'zod';
import { ROW_DECISIONS, type RowDecision } from '../model/screening';
import 'zod-openapi';
import { MatchSchema } from '../screening/screening-schemas';
import { JOB_FILE_COLUMNS } from './parse-job-file';

export { ROW_DECISIONS } from '../model/screening';

export const JobIdParamsSchema = z.object({
  jobId: z.string().max(128).meta({ example: '5f0c7a52-4b0e-4d55-9a43-0c1b8f3e2d71' }),
});

export const CreateJobQuerySchema = z.strictObject({
  threshold: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .meta({ description: 'Minimum score of a returned match for every row (default: the operating point).' }),
  lists: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}(,[a-z][a-z0-9-]{0,63})*$/, 'lists must be comma-separated dataset ids, e.g. un,ofac-sdn')
    .transform((value) => [...new Set(value.split(','))])
    .optional()
    .meta({ description: 'The lists (dataset ids, comma-separated) every row is screened against, e.g. `un,ofac-sdn`; default: all loaded. A row may name its own in a `lists` column.', example: 'un,ofac-sdn' }),
  monitor: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'Enrol the rows in ongoing monitoring: each row with a `reference` becomes (or updates) the monitored counterparty of that reference; rows without one are screened but not enrolled, and the job counts them.' }),
});

export const IdempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, 'Idempotency-Key must be 1–255 visible ASCII characters')
  .meta({
    description:
      'Same key and same body (and threshold): the job created the first time is returned. Same key, other body: 422. Same key while its first upload is still arriving: 409.',
    example: 'counterparties-2026-11-27',
  });

export const ResultsQuerySchema = z.strictObject({
  format: z.enum(['ndjson', 'csv']).default('ndjson').meta({ description: 'ndjson (default): one JSON object per line; csv: one row per line.' }),
  decision: z
    .string()
    .max(64)
    .transform((value, ctx) => {
      const decisions: RowDecision[] = [];
      for (const decision of value.split(',').map((d) => d.trim()).filter(Boolean)) {
        const known = ROW_DECISIONS.find((d) => d === decision);
        if (known) decisions.push(known);
        else ctx.addIssue({ code: 'custom', message: `decision "${decision}" is not one of ${ROW_DECISIONS.join(', ')}` });
      }
      return decisions;
    })
    .optional()
    .meta({ description: `Only rows with these decisions, comma-separated: ${ROW_DECISIONS.join(', ')}.`, example: 'hit,review' }),
});

const timestamp = z.string().nullable().meta({ example: '2026-11-27T09:15:02.000Z' });

export const JobSchema = z
  .object({
    jobId: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    total: z.number().int().meta({ description: 'Rows in the file.' }),
    processed: z.number().int().meta({ description: 'Rows with a result so far (screened or invalid).' }),
    hits: z.number().int(),
    reviews: z.number().int(),
    clears: z.number().int(),
    invalid: z.number().int().meta({ description: 'Rows that failed validation; each result says why.' }),
    threshold: z.number().nullable().meta({ description: 'The threshold asked for; null: the operating point.' }),
    createdAt: z.string(),
    startedAt: timestamp,
    finishedAt: timestamp,
    etaSeconds: z.number().int().nullable().meta({ description: 'Estimated seconds to completion at the rate so far; null until known.' }),
    error: z.string().nullable().meta({ description: 'Why the job failed.' }),
    monitoring: z
      .object({ enrolled: z.number().int(), notEnrolled: z.number().int().meta({ description: 'Rows screened but not enrolled: they carry no reference.' }) })
      .optional()
      .meta({ description: 'For an upload with ?monitor=true.' }),
    datasetVersions: z
      .record(z.string(), z.string())
      .nullable()
      .meta({ description: 'The version of each dataset the job screens against, fixed when its first chunk runs (null before): it finishes on them even if a new list version is imported meanwhile.' }),
    links: z.object({ self: z.string(), results: z.string() }),
  })
  .meta({ id: 'Job' });

export const JobCreatedSchema = z
  .object({
    jobId: z.string(),
    status: JobSchema.shape.status,
    total: z.number().int(),
    links: z.object({ self: z.string(), results: z.string() }),
  })
  .meta({ id: 'JobCreated' });

export const JobResultSchema = z
  .object({
    line: z.number().int().meta({ description: 'Line of the file where the row starts (a CSV header is line 1).' }),
    id: z.string().nullable().meta({ description: "The row's id (null when the row had none)." }),
    screeningId: z.string().nullable().meta({ description: 'The audit record of the screening; null for an invalid row.' }),
    decision: z.enum(ROW_DECISIONS),
    matches: z.array(MatchSchema),
    reference: z.string().optional(),
    error: z.string().optional().meta({ description: 'Why an invalid row was not screened.', example: 'name: name must not be empty' }),
  })
  .meta({ id: 'JobResult', description: 'One line of the NDJSON results.' });

export const JOB_FILE_HEADER = JOB_FILE_COLUMNS.join(',');
