import { Router } from 'express';
import type { Auth } from '../auth/auth-middleware';
import { MATCHER_ALGORITHM } from '../matching/matcher';
import { allowOnly } from '../shared/method-not-allowed';
import { ok, okWithExamples, post, problem, type ApiOperations } from '../shared/openapi-operations';
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
      'Scores `query` against `candidate` with the same normalization, scoring, qualifiers and explanation a screening uses, as if the candidate were the only entry of a list: how analysts see why two names meet or do not, and how a labelled list of name pairs measures the matcher. `isMatch` is taken at the default threshold; a conflict (a birth year more than 5 years off, another patronymic, a legal form of another family, another place) makes it false and is named in `conflicts` and in the explanation. No counterparty is screened against the lists, so nothing is recorded in the audit trail. When neither side gives a type, a legal form on either side makes the candidate an organization; otherwise it is read as a person and as an organization and the better reading is reported.',
    tags: ['Screening'],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: CompareRequestSchema,
          examples: {
            romanization: { summary: 'Another Korean romanization', value: { query: { name: 'Park Yong-sik', type: 'person' }, candidate: { name: 'PAK YONG SIK' } } },
            cyrillic: { summary: 'A Korean name as Russian records write it', value: { query: { name: 'Пак Ён Сик' }, candidate: { name: 'PAK YONG SIK' } } },
            initial: { summary: 'An initial for the given name', value: { query: { name: 'V. Putin' }, candidate: { name: 'Vladimir Putin' } } },
            legalForm: { summary: 'A legal form written out', value: { query: { name: 'Siemens Aktiengesellschaft' }, candidate: { name: 'Siemens AG' } } },
            conflict: {
              summary: 'A birth year 28 years off: a conflict',
              value: { query: { name: 'Kim Yong Chol', birthDate: '1990' }, candidate: { name: 'KIM YONG CHOL', birthDate: '1962', type: 'person' } },
            },
          },
        },
      },
    },
    responses: {
      ...okWithExamples(CompareResponseSchema, 'The score, whether it is a match at the default threshold, what contradicts it, and why.', {
        match: {
          summary: 'Another romanization: a match',
          value: {
            score: 0.9867,
            isMatch: true,
            conflicts: [],
            threshold: 0.81,
            algorithm: MATCHER_ALGORITHM,
            explanation: {
              summary: 'family name popular→McCune–Reischauer equivalent, given name exact',
              features: { nameSimilarity: 1, classEquivalence: -0.0133, partCoverage: 0, legalForm: 0, aliasQuality: 0, typeAgreement: 0, countryAgreement: 0, birthDateAgreement: 0 },
              queryForm: 'park yong sik',
              listForm: 'pak yong sik',
            },
          },
        },
        conflict: {
          summary: 'The name agrees, the birth year conflicts: no match',
          value: {
            score: 0.7,
            isMatch: false,
            conflicts: ['birth year differs (1990 vs 1962): more than 5 years apart'],
            threshold: 0.81,
            algorithm: MATCHER_ALGORITHM,
            explanation: {
              summary: 'conflict: birth year differs (1990 vs 1962): more than 5 years apart, family name exact, given name exact',
              features: { nameSimilarity: 1, classEquivalence: 0, partCoverage: 0, legalForm: 0, aliasQuality: 0, typeAgreement: 0, countryAgreement: 0, birthDateAgreement: -0.3 },
              queryForm: 'kim yong chol',
              listForm: 'kim yong chol',
            },
          },
        },
      }),
      '400': problem('The body is invalid (the problem names each bad field).'),
    },
  }),
};
