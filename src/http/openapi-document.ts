import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { z } from 'zod';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import {
  DatasetListSchema,
  EntityIdParamsSchema,
  EntityListQuerySchema,
  EntityPageSchema,
  EntitySchema,
  HealthSchema,
  ProblemSchema,
  ReadinessSchema,
  SourceListSchema,
  SourceSchema,
} from './api-schemas';
import {
  BatchRequestSchema,
  BatchResponseSchema,
  ScreenRequestSchema,
  ScreenResponseSchema,
} from '../screening/screening-schemas';
import { ScreeningListQuerySchema, ScreeningPageSchema, ScreeningRecordSchema, VerifyResultSchema } from '../audit/audit-schemas';
import { CreateKeyRequestSchema } from './routes/key-routes';
import {
  CreateJobQuerySchema,
  IdempotencyKeySchema,
  JOB_FILE_HEADER,
  JobCreatedSchema,
  JobIdParamsSchema,
  JobResultSchema,
  JobSchema,
  ResultsQuerySchema,
} from '../jobs/job-schemas';
import { CSV_RESULTS_COLUMNS } from '../jobs/job-results-format';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const requestIdHeader = z.string().meta({ description: 'Echo of the client X-Request-Id, or a generated id.' });

const unauthorized = {
  '401': problem('Missing, unknown or revoked API key.'),
  '403': problem('The key lacks the scope this operation needs.'),
  '429': problem('Rate limit exceeded; see the RateLimit-* headers.'),
};

const ok = (schema: z.ZodType, description: string, example?: unknown): ZodOpenApiResponsesObject => ({
  '200': {
    description,
    headers: z.object({ 'X-Request-Id': requestIdHeader }),
    content: { 'application/json': { schema, ...(example !== undefined ? { example } : {}) } },
  },
});

/** Every operation can answer a client error and a 500 (which carries only the request id). */
const withErrors = (operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject => ({
  ...operation,
  responses: {
    '4XX': problem('Client error (unknown route, wrong method, invalid parameter).'),
    ...(operation.security?.length === 0 ? {} : unauthorized),
    ...operation.responses,
    '500': problem('Unexpected error; the body carries only the request id.'),
  },
});

const post = (operation: ZodOpenApiOperationObject) => ({ post: withErrors(operation) });

const get = (operation: ZodOpenApiOperationObject) => ({ get: withErrors(operation) });

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests.
 * `npm run openapi:generate` writes it to openapi/openapi.json; a test fails when that file drifts.
 */
export function buildOpenApiDocument() {
  const packageJson = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Sanctions screening API',
      version: packageJson.version,
      description:
        'Screens companies and people against the UN Security Council Consolidated List and the subjects of The Insider\'s investigation into North Korean workers brought into Russia as "students", with the evidence for every flag.',
      license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
    },
    servers: [{ url: '/', description: 'This server' }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key from `npm run keys -- create`. Scopes: screen, read, audit, admin (admin implies all).',
        },
      },
    },
    tags: [
      { name: 'Audit', description: 'The hash-chained record of every screening.' },
      { name: 'Keys', description: 'API key management (admin scope).' },
      { name: 'Screening', description: 'Screen one counterparty or a batch of up to 1,000.' },
      { name: 'Jobs', description: 'Screen a whole file (millions of rows) as one batch job, then download the results.' },
      { name: 'Reference data', description: 'Entities, sources and dataset versions.' },
      { name: 'Operations', description: 'Health, readiness and documentation.' },
    ],
    paths: {
      '/v1/screen': post({
        operationId: 'screen',
        summary: 'Screen one counterparty',
        description:
          'Returns a decision (hit, review, clear), the matches at or above the threshold with the reason each matched, and each matched entity\'s flags with citations, listings and relationships.',
        tags: ['Screening'],
        requestBody: { required: true, content: { 'application/json': { schema: ScreenRequestSchema } } },
        responses: {
          ...ok(ScreenResponseSchema, 'The screening result.'),
          '400': problem('The body is invalid (the problem names each bad field).'),
          '413': problem('The body exceeds the size limit.'),
          '503': problem('Data still loading, or the audit record could not be written; see Retry-After.'),
        },
      }),
      '/v1/screen/batch': post({
        operationId: 'screenBatch',
        summary: 'Screen up to 1,000 counterparties in one request',
        tags: ['Screening'],
        requestBody: { required: true, content: { 'application/json': { schema: BatchRequestSchema } } },
        responses: {
          ...ok(BatchResponseSchema, 'One result per item, in input order.'),
          '400': problem('The body is invalid, items is empty or holds more than 1,000, or ids repeat.'),
          '413': problem('The body exceeds the size limit.'),
          '503': problem('Data still loading, or the audit records could not be written; see Retry-After.'),
        },
      }),
      '/v1/jobs': post({
        operationId: 'createJob',
        summary: 'Upload a CSV or NDJSON file as one batch job',
        description: `The body is the file, streamed: CSV (RFC 4180, UTF-8 with or without BOM, header \`${JOB_FILE_HEADER}\`; id and name required, the other columns optional, any order) or NDJSON (one object per line with the same fields). A bad row does not fail the job: its result says why (decision \`invalid\`). A file that is not CSV or NDJSON, or has the wrong header, is a 400. Send \`Content-Encoding: gzip\` to upload it compressed.`,
        tags: ['Jobs'],
        requestParams: { query: CreateJobQuerySchema, header: z.object({ 'Idempotency-Key': IdempotencyKeySchema.optional() }) },
        requestBody: {
          required: true,
          content: {
            'text/csv': { schema: z.string(), example: `${JOB_FILE_HEADER}\nC-1,"TKACHUK, Sergei",person,RU,,CUST-000123\n` },
            'application/x-ndjson': { schema: z.string(), example: '{"id":"C-1","name":"Ткачук Сергей","type":"person"}\n' },
          },
        },
        responses: {
          '202': {
            description: 'Accepted: the job is queued. The same Idempotency-Key and body again answer the same job, with `Idempotent-Replayed: true`.',
            headers: z.object({ Location: z.string(), 'X-Request-Id': requestIdHeader }),
            content: { 'application/json': { schema: JobCreatedSchema } },
          },
          '400': problem('Not CSV or NDJSON, wrong header, or an invalid threshold or Idempotency-Key.'),
          '409': problem('A job with this Idempotency-Key is still being uploaded; see Retry-After.'),
          '413': problem('The file holds more rows than the service accepts.'),
          '415': problem('Not text/csv or application/x-ndjson, not UTF-8, or an unsupported Content-Encoding.'),
          '422': problem('The Idempotency-Key already names a job made from another body or threshold.'),
          '503': problem('The service is starting; see Retry-After.'),
        },
      }),
      '/v1/jobs/{jobId}': {
        ...get({
          operationId: 'getJob',
          summary: 'A job\'s status and progress',
          tags: ['Jobs'],
          requestParams: { path: JobIdParamsSchema },
          responses: { ...ok(JobSchema, 'Status, counts so far and the estimated time left.'), '404': problem('No such job (or not this key\'s).') },
        }),
        delete: withErrors({
          operationId: 'cancelJob',
          summary: 'Cancel a job: chunks not yet committed are not screened',
          tags: ['Jobs'],
          requestParams: { path: JobIdParamsSchema },
          responses: {
            ...ok(JobSchema, 'The job, cancelled; the rows already screened keep their results.'),
            '404': problem('No such job (or not this key\'s).'),
            '409': problem('The job already finished.'),
          },
        }),
      },
      '/v1/jobs/{jobId}/results': get({
        operationId: 'getJobResults',
        summary: 'A job\'s results, streamed in input order',
        description: 'Available while the job runs (the rows done so far) and after. NDJSON: one `JobResult` per line. CSV: the row, its decision and its best match.',
        tags: ['Jobs'],
        requestParams: { path: JobIdParamsSchema, query: ResultsQuerySchema },
        responses: {
          '200': {
            description: 'The results.',
            headers: z.object({ 'X-Job-Status': JobSchema.shape.status, 'X-Request-Id': requestIdHeader }),
            content: {
              'application/x-ndjson': { schema: JobResultSchema },
              'text/csv': { schema: z.string(), example: `${CSV_RESULTS_COLUMNS.join(',')}\n` },
            },
          },
          '404': problem('No such job (or not this key\'s).'),
        },
      }),
      '/v1/entities': get({
        operationId: 'listEntities',
        summary: 'Search and page through entities',
        tags: ['Reference data'],
        requestParams: { query: EntityListQuerySchema },
        responses: {
          ...ok(EntityPageSchema, 'One page of entity summaries, ordered by id.', {
            items: [
              {
                id: 'un-KPi.063',
                type: 'person',
                name: 'PAK YONG SIK',
                aliases: [],
                riskLevel: 'critical',
                flags: ['un-sanctioned', 'un-designated-by-resolution'],
                listings: [
                  {
                    list: 'UN',
                    referenceNumber: 'KPi.063',
                    regime: 'DPRK',
                    listedOn: '2017-09-11',
                    resolution: '2375 (2017)',
                    resolutionBasis: 'inferred-from-listing-date',
                  },
                ],
                dataset: 'un',
              },
            ],
            nextCursor: 'eyJhZnRlciI6InVuLUtQaS4wNjMifQ',
          }),
          '400': problem('A query parameter is invalid (the problem names it).'),
        },
      }),
      '/v1/entities/{id}': get({
        operationId: 'getEntity',
        summary: 'One entity, whole: names, flags with citations, listings, relationships, sources',
        description: 'Accepts the entity id (`ins-sergei-tkachuk`, `un-KPi.063`) or a UN reference number (`KPi.063`).',
        tags: ['Reference data'],
        requestParams: { path: EntityIdParamsSchema },
        responses: { ...ok(EntitySchema, 'The entity.'), '404': problem('No such entity.') },
      }),
      '/v1/sources': get({
        operationId: 'listSources',
        summary: 'The investigation, each resolution and each loaded list file, with sections or paragraphs',
        tags: ['Reference data'],
        responses: ok(SourceListSchema, 'Every source.'),
      }),
      '/v1/sources/{id}': get({
        operationId: 'getSource',
        summary: 'One source with its sections or paragraphs',
        tags: ['Reference data'],
        requestParams: { path: z.object({ id: z.string().meta({ example: 'unsc-res-2397' }) }) },
        responses: { ...ok(SourceSchema, 'The source.'), '404': problem('No such source.') },
      }),
      '/v1/datasets': get({
        operationId: 'listDatasets',
        summary: 'The dataset versions in force',
        tags: ['Reference data'],
        responses: ok(DatasetListSchema, 'Every dataset with its content hash, source date and load time.'),
      }),
      '/v1/screenings': get({
        operationId: 'listScreenings',
        summary: 'Screening records, newest first (scope audit)',
        tags: ['Audit'],
        requestParams: { query: ScreeningListQuerySchema },
        responses: ok(ScreeningPageSchema, 'One page of records.'),
      }),
      '/v1/screenings/{screeningId}': get({
        operationId: 'getScreening',
        summary: 'The stored record of one screening (scope audit)',
        tags: ['Audit'],
        requestParams: { path: z.object({ screeningId: z.string().meta({ example: '0b5a3f4e-2d7c-4f39-9a3e-6f1d2c8b9a10' }) }) },
        responses: { ...ok(ScreeningRecordSchema, 'The record with its hash and previous hash.'), '404': problem('No such screening.') },
      }),
      '/v1/audit/verify': get({
        operationId: 'verifyAudit',
        summary: 'Recompute the hash chain and name the first broken record (scope audit)',
        tags: ['Audit'],
        responses: ok(VerifyResultSchema, 'The verification result.'),
      }),
      '/v1/keys': {
        ...get({
          operationId: 'listKeys',
          summary: 'API keys (never the keys themselves)',
          tags: ['Keys'],
          responses: ok(z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), scopes: z.array(z.string()), createdAt: z.string(), revokedAt: z.string().nullable(), lastUsedAt: z.string().nullable() })) }), 'Every key.'),
        }),
        ...post({
          operationId: 'createKey',
          summary: 'Create a key; the response shows it once',
          tags: ['Keys'],
          requestBody: { required: true, content: { 'application/json': { schema: CreateKeyRequestSchema } } },
          responses: {
            '201': {
              description: 'Created. Store `key` now: it is never shown again.',
              content: { 'application/json': { schema: z.object({ id: z.string(), name: z.string(), scopes: z.array(z.string()), key: z.string(), createdAt: z.string() }) } },
            },
          },
        }),
      },
      '/v1/keys/{id}': {
        delete: withErrors({
          operationId: 'revokeKey',
          summary: 'Revoke a key at once',
          tags: ['Keys'],
          requestParams: { path: z.object({ id: z.string() }) },
          responses: { '204': { description: 'Revoked.' }, '404': problem('No such active key.') },
        }),
      },
      '/metrics': get({
        operationId: 'metrics',
        summary: 'Prometheus metrics (scope admin)',
        tags: ['Operations'],
        responses: { '200': { description: 'Prometheus text format.', content: { 'text/plain': { schema: z.string() } } } },
      }),
      '/healthz': get({
        operationId: 'health',
        summary: 'Process is alive',
        tags: ['Operations'],
        security: [],
        responses: ok(HealthSchema, 'Alive.'),
      }),
      '/readyz': get({
        operationId: 'readiness',
        summary: 'Data loaded and database reachable',
        tags: ['Operations'],
        security: [],
        responses: { ...ok(ReadinessSchema, 'Ready to screen.'), '503': problem('Not ready; see Retry-After.') },
      }),
      '/openapi.json': get({
        operationId: 'openapi',
        summary: 'This document',
        tags: ['Operations'],
        security: [],
        responses: { '200': { description: 'OpenAPI 3.1 JSON.', content: { 'application/json': { schema: z.object({}).passthrough() } } } },
      }),
    },
  });
}
