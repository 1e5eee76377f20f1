import { Router } from 'express';
import type { Auth } from '../auth/auth-middleware';
import type { ReferenceService } from './reference-service';
import { EntityIdParamsSchema, EntityListQuerySchema, EntityQuerySchema } from './reference-schemas';
import { allowOnly } from '../shared/method-not-allowed';
import { parseRequest } from '../shared/validate';
import { get, ok, problem, type ApiOperations } from '../shared/openapi-operations';
import {
  DatasetListSchema,
  EntityPageSchema,
  EntitySchema,
  SourceIdParamsSchema,
  SourceListSchema,
  SourceParagraphParamsSchema,
  SourceParagraphSchema,
  SourceSchema,
} from './reference-schemas';

/** GET /v1/entities, /v1/entities/{id}, /v1/sources, /v1/sources/{id}, /v1/datasets. */
export function referenceRoutes(reference: ReferenceService, auth: Auth): Router {
  const router = Router();
  const guard = auth.requireScope('read');
  router
    .route('/v1/entities')
    .get(...guard, async (req, res) => {
      const { limit, cursor, ...filters } = parseRequest(EntityListQuerySchema, req.query, 'query');
      res.json(await reference.listEntities(filters, { limit, ...(cursor !== undefined ? { cursor } : {}) }));
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/entities/:id')
    .get(...guard, async (req, res) => {
      const { id } = parseRequest(EntityIdParamsSchema, req.params, 'path');
      const { version } = parseRequest(EntityQuerySchema, req.query, 'query');
      res.json(await reference.getEntity(id, version));
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/sources')
    .get(...guard, async (_req, res) => {
      res.json(await reference.listSources());
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/sources/:id')
    .get(...guard, async (req, res) => {
      const { id } = parseRequest(SourceIdParamsSchema, req.params, 'path');
      res.json(await reference.getSource(id));
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/sources/:id/paragraphs/:n')
    .get(...guard, async (req, res) => {
      const { id, n } = parseRequest(SourceParagraphParamsSchema, req.params, 'path');
      res.json(await reference.getParagraph(id, n));
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/datasets')
    .get(...guard, async (_req, res) => {
      res.json(await reference.listDatasets());
    })
    .all(allowOnly('GET'));
  return router;
}

/** The OpenAPI operations of these routes, from the schemas they validate with. */
export const referenceOperations: ApiOperations = {
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
    description:
      'Accepts the entity id (`ins-sergei-tkachuk`, `un-KPi.063`) or a UN reference number (`KPi.063`). With `version` (a per-dataset version, as a screening\'s `datasetVersions` names it) the entity exactly as that version held it: an examiner sees what a screening was answered from.',
    tags: ['Reference data'],
    requestParams: { path: EntityIdParamsSchema, query: EntityQuerySchema },
    responses: { ...ok(EntitySchema, 'The entity.'), '404': problem('No such entity, or not in that version.') },
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
    requestParams: { path: SourceIdParamsSchema },
    responses: { ...ok(SourceSchema, 'The source.'), '404': problem('No such source.') },
  }),
  '/v1/sources/{id}/paragraphs/{n}': get({
    operationId: 'getSourceParagraph',
    summary: 'One paragraph of a source, and the entities that cite it',
    description:
      'A resolution paragraph by number ("8" for operative paragraph 8, "preamble-3", "annex-I-1" for the first entry of annex I), as the official text gives it, with its locator and undocs URL; `citedBy` lists the entities whose citations point at it.',
    tags: ['Reference data'],
    requestParams: { path: SourceParagraphParamsSchema },
    responses: {
      ...ok(SourceParagraphSchema, 'The paragraph.', {
        sourceId: 'unsc-res-2397',
        locator: 'S/RES/2397 (2017), para. 8',
        heading: 'Operative paragraph',
        paragraph: '8',
        text: 'Expresses concern that DPRK nationals continue to work in other States for the purpose of generating foreign export earnings …',
        textKind: 'verbatim',
        language: 'en',
        url: 'https://undocs.org/S/RES/2397(2017)',
        citedBy: [{ entityId: 'ins-mmc', name: 'Intergovernmental Migration Center' }],
      }),
      '404': problem('No such source, or no such paragraph in it.'),
    },
  }),
  '/v1/datasets': get({
    operationId: 'listDatasets',
    summary: 'The dataset versions in force',
    tags: ['Reference data'],
    responses: ok(DatasetListSchema, 'Every dataset with its content hash, source date and load time.'),
  }),
};
