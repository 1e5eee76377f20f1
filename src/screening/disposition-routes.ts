import { Router } from 'express';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Auth } from '../auth/auth-middleware';
import type { DispositionRecord } from '../audit/audit-record';
import type { Database } from '../db/schema';
import type { DatabaseHandle } from '../db/database';
import { DISPOSITION_DECISIONS } from '../model/screening';
import { allowOnly } from '../shared/method-not-allowed';
import { post, problem, requestIdHeader, type ApiOperations } from '../shared/openapi-operations';
import { parseRequest } from '../shared/validate';
import { recordDisposition } from './dispositions';

export const DispositionParamsSchema = z.object({
  screeningId: z.string().min(1).max(64).meta({ example: '3f1c2a9e-7b7d-4c55-9a43-2f1f6d0b9c11' }),
  entityId: z.string().min(1).max(256).meta({ example: 'un-KPi.063' }),
});

export const DispositionRequestSchema = z
  .strictObject({
    disposition: z.enum(DISPOSITION_DECISIONS).optional().meta({ description: '`false-positive` suppresses this match for the same reference in later screenings and monitoring, until the listing changes.' }),
    decision: z.enum(DISPOSITION_DECISIONS).optional().meta({ description: 'The same as `disposition` (its first name, still accepted).', deprecated: true }),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.disposition === undefined && body.decision === undefined) ctx.addIssue({ code: 'custom', path: ['disposition'], message: 'disposition is required' });
    if (body.disposition !== undefined && body.decision !== undefined && body.disposition !== body.decision) {
      ctx.addIssue({ code: 'custom', path: ['decision'], message: 'decision and disposition disagree; send disposition only' });
    }
  })
  .meta({ id: 'DispositionRequest', example: { disposition: 'false-positive', note: 'Different person: date of birth 1979 per KYC file.' } });

export const DispositionSchema = z
  .object({
    dispositionId: z.string(),
    screeningId: z.string(),
    entityId: z.string(),
    reference: z.string().nullable().meta({ description: 'The screened counterparty; a screening without one is never suppressed.' }),
    disposition: z.enum(DISPOSITION_DECISIONS),
    decision: z.enum(DISPOSITION_DECISIONS).meta({ description: 'The same as `disposition`.' }),
    note: z.string().nullable(),
    apiKeyId: z.string().nullable().meta({ description: 'The key that recorded it.' }),
    recordedAt: z.string(),
    datasetId: z.string(),
    entityVersion: z.string().meta({ description: "The version of the entity's dataset the decision was taken on." }),
    audit: z
      .object({ seq: z.string(), hash: z.string(), previousHash: z.string() })
      .meta({ description: 'Its record in the hash-chained audit trail (GET /v1/screenings/{dispositionId}; GET /v1/audit/verify covers it).' }),
  })
  .meta({ id: 'Disposition' });

/** POST /v1/screenings/{screeningId}/matches/{entityId}/disposition (scope `review`). */
export function dispositionRoutes(
  database: DatabaseHandle,
  auth: Auth,
  onRecorded: (trx: Transaction<Database>, disposition: DispositionRecord) => Promise<void>,
): Router {
  const router = Router();
  router
    .route('/v1/screenings/:screeningId/matches/:entityId/disposition')
    .post(...auth.requireScope('review'), async (req, res) => {
      const { screeningId, entityId } = parseRequest(DispositionParamsSchema, req.params, 'path');
      const body = parseRequest(DispositionRequestSchema, req.body, 'body');
      const decision = (body.disposition ?? body.decision) as (typeof DISPOSITION_DECISIONS)[number];
      const recorded = await recordDisposition(database.db, { screeningId, entityId, decision, note: body.note ?? null, apiKeyId: req.auth?.keyId ?? null }, onRecorded);
      res.status(201).json({ ...recorded, disposition: recorded.decision });
    })
    .all(allowOnly('POST'));
  return router;
}

export const dispositionOperations: ApiOperations = {
  '/v1/screenings/{screeningId}/matches/{entityId}/disposition': post({
    operationId: 'recordDisposition',
    summary: 'Record an analyst’s decision on one match of a screening (scope review)',
    description:
      'false-positive, true-match or escalated, with a note; the key that records it is kept. A false-positive on a screening with a `reference` suppresses that entity for that reference in later screenings and monitoring until any field of the entity’s listing changes; the suppressed match is still returned, marked `suppressedBy`. Appended to the same hash-chained audit trail as screenings.',
    tags: ['Monitoring'],
    requestParams: { path: DispositionParamsSchema },
    requestBody: {
      required: true,
      content: { 'application/json': { schema: DispositionRequestSchema, example: { decision: 'false-positive', note: 'Different person: born 1987 in Busan, customer file KYC-3312.' } } },
    },
    responses: {
      '201': { description: 'Recorded.', headers: z.object({ 'X-Request-Id': requestIdHeader }), content: { 'application/json': { schema: DispositionSchema } } },
      '404': problem('No such screening, or the entity is not among its matches.'),
      '409': problem('The screening predates dataset versions.'),
    },
  }),
};
