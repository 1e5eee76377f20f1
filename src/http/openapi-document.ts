import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { z } from 'zod';
import packageJson from '../../package.json';
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

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const requestIdHeader = z.string().meta({ description: 'Echo of the client X-Request-Id, or a generated id.' });

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
    tags: [
      { name: 'Screening', description: 'Screen one counterparty or a batch of up to 1,000.' },
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
    },
  });
}
