import { z } from 'zod';
import 'zod-openapi';
import { DECISIONS } from '../model/screening';

/** The API's common vocabulary: problem documents, cursor pages, decisions. */

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: 'urn:sanctions-screening:problem:validation-failed' }),
    title: z.string().meta({ example: 'Request validation failed' }),
    status: z.number().int().meta({ example: 400 }),
    detail: z.string().meta({ example: 'the request is invalid' }),
    instance: z.string().meta({ example: '/v1/entities?limit=9999' }),
    requestId: z.string().meta({ description: 'Same as the X-Request-Id response header.' }),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });

export const cursorPage = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
    })
    .meta({ id });

export const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_PAGE_SIZE)
  .default(DEFAULT_PAGE_SIZE)
  .meta({ description: `Page size, 1–${MAX_PAGE_SIZE}.`, example: 50 });
export const cursorParam = z.string().max(512).optional().meta({ description: 'Opaque cursor from `nextCursor`.' });


export const DecisionSchema = z.enum(DECISIONS).meta({
  id: 'Decision',
  description: 'hit: a critical- or high-risk match; review: medium or low risk; clear: nothing, or only risk-free entities.',
});
