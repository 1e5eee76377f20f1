import { Router } from 'express';
import type { Auth } from '../auth/auth-middleware';
import { allowOnly } from '../shared/method-not-allowed';
import { ok, post, problem, type ApiOperations } from '../shared/openapi-operations';
import { parseRequest } from '../shared/validate';
import { compareNames } from './compare-names';
import {
  BatchRequestSchema,
  BatchResponseSchema,
  CompareRequestSchema,
  CompareResponseSchema,
  ScreenRequestSchema,
  ScreenResponseSchema,
} from './screening-schemas';
import type { ScreeningService } from './screening-service';

/** POST /v1/screen and /v1/screen/batch (parse, screen, which records, answer) and POST /v1/compare (scope `screen`). */
export function screeningRoutes(screening: ScreeningService, auth: Auth): Router {
  const router = Router();
  const guard = auth.requireScope('screen');

  router
    .route('/v1/screen')
    .post(...guard, async (req, res) => {
      const input = parseRequest(ScreenRequestSchema, req.body, 'body');
      res.json(await screening.screen(input, { apiKeyId: req.auth?.keyId ?? null, request: req.body }));
    })
    .all(allowOnly('POST'));

  // Two names, no list: nothing is screened, so nothing is recorded in the audit trail.
  router
    .route('/v1/compare')
    .post(...guard, (req, res) => {
      const { query, candidate } = parseRequest(CompareRequestSchema, req.body, 'body');
      res.json(compareNames(query, candidate));
    })
    .all(allowOnly('POST'));

  router
    .route('/v1/screen/batch')
    .post(...guard, async (req, res) => {
      const batch = parseRequest(BatchRequestSchema, req.body, 'body');
      res.json(await screening.screenBatch(batch, { apiKeyId: req.auth?.keyId ?? null, request: req.body }));
    })
    .all(allowOnly('POST'));
  return router;
}

/** The OpenAPI operations of these routes, from the schemas they validate with. */
export const screeningOperations: ApiOperations = {
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
  '/v1/compare': post({
    operationId: 'compareNames',
    summary: 'Compare two names, as the matcher would (no list, not audited)',
    description:
      'Scores `query` against `candidate` with the same normalization, scoring, qualifiers and explanation a screening uses, as if the candidate were the only entry of a list: how analysts see why two names meet or do not, and how a labelled list of name pairs measures the matcher. No counterparty is screened against the lists, so nothing is recorded in the audit trail. When neither side gives a type, the candidate is read as a person and as an organization and the better reading is reported.',
    tags: ['Screening'],
    requestBody: { required: true, content: { 'application/json': { schema: CompareRequestSchema } } },
    responses: {
      ...ok(CompareResponseSchema, 'The score, whether it is a match at the default threshold, and why.', {
        score: 0.9867,
        isMatch: true,
        threshold: 0.81,
        algorithm: 'xscript-name-matcher@1.2.0',
        explanation: {
          summary: 'family name popular→McCune–Reischauer equivalent, given name exact',
          features: { nameSimilarity: 1, classEquivalence: -0.0133, partCoverage: 0, legalForm: 0, aliasQuality: 0, typeAgreement: 0, countryAgreement: 0, birthDateAgreement: 0 },
          queryForm: 'park yong sik',
          listForm: 'pak yong sik',
        },
      }),
      '400': problem('The body is invalid (the problem names each bad field).'),
    },
  }),
};
