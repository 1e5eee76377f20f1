import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { ProblemSchema } from './api-schemas';

/**
 * Building blocks of the OpenAPI operations that each routes module exports beside its router, from the same zod
 * schemas the routes validate with. `http/openapi-document.ts` only merges them.
 */

/** The OpenAPI paths one capability serves. */
export type ApiOperations = ZodOpenApiPathsObject;

export const problem = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

export const requestIdHeader = z.string().meta({ description: 'Echo of the client X-Request-Id, or a generated id.' });

const unauthorized = {
  '401': problem('Missing, unknown or revoked API key.'),
  '403': problem('The key lacks the scope this operation needs.'),
  '429': problem('Rate limit exceeded; see the RateLimit-* headers.'),
};

/** A 200 JSON answer of `schema`, with the request id header. */
export const ok = (schema: z.ZodType, description: string, example?: unknown): ZodOpenApiResponsesObject => ({
  '200': {
    description,
    headers: z.object({ 'X-Request-Id': requestIdHeader }),
    content: { 'application/json': { schema, ...(example !== undefined ? { example } : {}) } },
  },
});

/** Named examples of a request or response body, as OpenAPI's `examples` map holds them. */
export type NamedExamples = Record<string, { summary: string; value: unknown }>;

/** A 200 JSON answer of `schema` with several named examples, with the request id header. */
export const okWithExamples = (schema: z.ZodType, description: string, examples: NamedExamples): ZodOpenApiResponsesObject => ({
  '200': {
    description,
    headers: z.object({ 'X-Request-Id': requestIdHeader }),
    content: { 'application/json': { schema, examples } },
  },
});

/** Every operation can answer a client error and a 500 (which carries only the request id). */
export const withErrors = (operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject => ({
  ...operation,
  responses: {
    '4XX': problem('Client error (unknown route, wrong method, invalid parameter).'),
    ...(operation.security?.length === 0 ? {} : unauthorized),
    ...operation.responses,
    '500': problem('Unexpected error; the body carries only the request id.'),
  },
});

export const get = (operation: ZodOpenApiOperationObject) => ({ get: withErrors(operation) });
export const post = (operation: ZodOpenApiOperationObject) => ({ post: withErrors(operation) });
export const del = (operation: ZodOpenApiOperationObject) => ({ delete: withErrors(operation) });
export const patch = (operation: ZodOpenApiOperationObject) => ({ patch: withErrors(operation) });
