import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { sizeInBytes } from '../config';
import { decodedBody, drainRefusedUpload } from '../shared/upload-streams';
import { HttpError } from '../shared/errors';
import { allowOnly } from '../shared/method-not-allowed';
import { get, ok, post, problem, requestIdHeader, type ApiOperations } from '../shared/openapi-operations';
import { parseRequest } from '../shared/validate';
import type { ChangeSet } from './change-set';
import {
  ChangeFeedSchema,
  ChangesQuerySchema,
  DatasetIdParamsSchema,
  DatasetImportPageSchema,
  DatasetVersionPageSchema,
  ImportQuerySchema,
  ImportResultSchema,
  PageQuerySchema,
} from './dataset-schemas';

// An upload that sends nothing for this long is dropped.
const UPLOAD_IDLE_TIMEOUT_MS = 60_000;
const NDJSON = 'application/x-ndjson';

/** The uploaded file, gunzipped if sent so, within `limit` bytes (413 beyond, as soon as it is known). */
async function readUpload(req: Request, contentTypes: readonly string[], limit: number): Promise<{ bytes: Buffer; contentType: string }> {
  const contentType = req.is([...contentTypes]);
  if (!contentType) {
    throw new HttpError(415, 'unsupported-media-type', 'Unsupported media type', `expected Content-Type ${contentTypes.join(' or ')}, got "${req.headers['content-type'] ?? ''}"`);
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new HttpError(415, 'unsupported-encoding', 'Unsupported encoding', `Content-Encoding "${encoding}" is not supported; send gzip or nothing`);
  }
  const tooLarge = () => new HttpError(413, 'payload-too-large', 'Payload too large', `the file is larger than LIST_UPLOAD_LIMIT (${limit} bytes)`);
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of decodedBody(req, { gzip: encoding === 'gzip', hash: createHash('sha256') })) {
    size += (chunk as Buffer).byteLength;
    if (size > limit) {
      req.unpipe();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  if (size === 0) throw new HttpError(400, 'empty-body', 'Empty body', 'the body must be the list file');
  return { bytes: Buffer.concat(chunks), contentType };
}

/**
 * POST and GET /v1/datasets/{id}/versions: mounted before the JSON body parser and the request timeout, because a
 * list file streams in with its own, larger limit (LIST_UPLOAD_LIMIT).
 */
export function datasetUploadRoutes(context: AppContext): Router {
  const router = Router();
  const admin = context.auth.requireScope('admin');
  const read = context.auth.requireScope('read');
  const limit = sizeInBytes(context.config.LIST_UPLOAD_LIMIT);
  router
    .route('/v1/datasets/:id/versions')
    .post(...admin, async (req, res) => {
      req.setTimeout(UPLOAD_IDLE_TIMEOUT_MS);
      const { id } = parseRequest(DatasetIdParamsSchema, req.params, 'path');
      const { force, sourceDate } = parseRequest(ImportQuerySchema, req.query, 'query');
      const file = await readUpload(req, context.datasets.contentTypesOf(id), limit);
      const result = await context.datasets.importFile(id, file, {
        force: force ?? false,
        importedBy: req.auth?.keyId ?? null,
        trigger: 'upload',
        ...(sourceDate !== undefined ? { sourceDate } : {}),
      });
      if (result.status === 'refused' || result.status === 'failed') {
        const status = result.status === 'refused' ? 422 : 500;
        throw new HttpError(status, 'dataset-version-refused', 'Dataset version refused', `import ${result.id}: ${result.reason ?? result.status}`, {
          ...(result.problems.length > 0 ? { errors: result.problems } : {}),
        });
      }
      res.status(result.status === 'accepted' ? 201 : 200).json({
        id,
        importId: result.id,
        status: result.status,
        version: result.version,
        previousVersion: result.previousVersion,
        sourceDate: result.sourceDate,
        entityCount: result.entityCount,
        changes: result.status === 'accepted' ? result.changes : null,
        switched: result.switched,
        reason: result.reason,
        skippedRows: result.skippedRows,
      });
    })
    .get(...read, async (req, res) => {
      const { id } = parseRequest(DatasetIdParamsSchema, req.params, 'path');
      const { limit: pageSize, cursor } = parseRequest(PageQuerySchema, req.query, 'query');
      res.json(await context.datasets.listVersions(id, { limit: pageSize, ...(cursor !== undefined ? { cursor } : {}) }));
    })
    .all(allowOnly('GET', 'POST'));
  router.use('/v1/datasets/:id/versions', drainRefusedUpload);
  return router;
}

/** GET /v1/datasets/{id}/imports and /v1/datasets/{id}/changes (JSON, or NDJSON for machines). */
export function datasetRoutes(context: AppContext): Router {
  const router = Router();
  const read = context.auth.requireScope('read');
  router
    .route('/v1/datasets/:id/imports')
    .get(...read, async (req, res) => {
      const { id } = parseRequest(DatasetIdParamsSchema, req.params, 'path');
      const { limit, cursor } = parseRequest(PageQuerySchema, req.query, 'query');
      res.json(await context.datasets.listImports(id, { limit, ...(cursor !== undefined ? { cursor } : {}) }));
    })
    .all(allowOnly('GET'));
  router
    .route('/v1/datasets/:id/changes')
    .get(...read, async (req, res) => {
      const { id } = parseRequest(DatasetIdParamsSchema, req.params, 'path');
      const range = parseRequest(ChangesQuerySchema, req.query, 'query');
      const feed = await context.datasets.changes(id, range);
      if (req.accepts(['application/json', NDJSON]) === NDJSON) {
        res.type(NDJSON).send(changeLines(feed));
        return;
      }
      res.json(feed);
    })
    .all(allowOnly('GET'));
  return router;
}

/** The change feed as NDJSON: one line per entry, `change` saying which kind, each with the two versions. */
function changeLines(feed: ChangeSet & { datasetId: string; from: string | null; to: string }): string {
  const { datasetId, from, to } = feed;
  const lines = [
    ...feed.added.map((entry) => ({ change: 'added', ...entry })),
    ...feed.removed.map((entry) => ({ change: 'removed', ...entry })),
    ...feed.amended.map((entry) => ({ change: 'amended', ...entry })),
    ...feed.metadataOnly.map((entry) => ({ change: 'metadata', ...entry })),
  ];
  return lines.map((line) => `${JSON.stringify({ datasetId, from, to, ...line })}\n`).join('');
}

/** The OpenAPI operations of these routes. */
export const datasetOperations: ApiOperations = {
  '/v1/datasets/{id}/versions': {
    ...post({
      operationId: 'importDatasetVersion',
      summary: 'Import a new version of a list (scope admin)',
      description:
        'The body is the list file as published (the UN list: its official XML), up to LIST_UPLOAD_LIMIT (default 100 MB), optionally gzipped (`Content-Encoding: gzip`). The file is parsed and checked in full before anything changes; then it is refused (422) if it is older than the version in force, an old version again, or drops more than 20 % of the entries, unless `force=true` (which never passes a file that does not parse or fails the structural check). Accepted: stored with its change set and made current in one transaction; this replica builds the new matcher, then switches (screenings in flight finish on the old version, jobs keep the version they started with); other replicas switch within DATASET_POLL_INTERVAL_MS plus one build. Every attempt is recorded (GET /v1/datasets/{id}/imports).',
      tags: ['Datasets'],
      requestParams: { path: DatasetIdParamsSchema, query: ImportQuerySchema },
      requestBody: { required: true, content: { 'application/xml': { schema: z.string().meta({ format: 'binary' }) } } },
      responses: {
        '201': {
          description: 'Accepted and current.',
          headers: z.object({ 'X-Request-Id': requestIdHeader }),
          content: { 'application/json': { schema: ImportResultSchema } },
        },
        ...ok(ImportResultSchema, 'The file is the version already current: nothing changed (the attempt is recorded).'),
        '404': problem('The dataset takes no uploaded versions.'),
        '413': problem('The file is larger than LIST_UPLOAD_LIMIT.'),
        '415': problem('Not a content type this dataset takes.'),
        '422': problem('Refused: does not parse, fails the structural check (each problem named), older, old again, or drops too many entries.'),
      },
    }),
    ...get({
      operationId: 'listDatasetVersions',
      summary: 'Every version of a dataset ever accepted, newest first',
      tags: ['Datasets'],
      requestParams: { path: DatasetIdParamsSchema, query: PageQuerySchema },
      responses: { ...ok(DatasetVersionPageSchema, 'One page of versions; `current` marks the one in force.'), '404': problem('No such dataset.') },
    }),
  },
  '/v1/datasets/{id}/imports': get({
    operationId: 'listDatasetImports',
    summary: 'Every import attempt of a dataset (accepted, unchanged, refused, failed), newest first',
    tags: ['Datasets'],
    requestParams: { path: DatasetIdParamsSchema, query: PageQuerySchema },
    responses: { ...ok(DatasetImportPageSchema, 'One page of import attempts.'), '404': problem('No such dataset.') },
  }),
  '/v1/datasets/{id}/changes': get({
    operationId: 'getDatasetChanges',
    summary: 'What changed between two versions: added, removed and amended entries, field by field',
    description:
      'Defaults to the current version against the one it replaced. Only real changes count: not formatting, element order or version numbers; a change of list metadata alone (the UN LAST_DAY_UPDATED) is reported under `metadataOnly`, not as an amendment. `Accept: application/x-ndjson` gives the same feed as one line per entry.',
    tags: ['Datasets'],
    requestParams: { path: DatasetIdParamsSchema, query: ChangesQuerySchema },
    responses: {
      '200': {
        description: 'The change feed.',
        headers: z.object({ 'X-Request-Id': requestIdHeader }),
        content: {
          'application/json': { schema: ChangeFeedSchema },
          [NDJSON]: { schema: z.string().meta({ description: 'One JSON object per line: { datasetId, from, to, change: added|removed|amended|metadata, entityId, referenceNumber, primaryName, type, changes? }.' }) },
        },
      },
      '404': problem('No such dataset or version.'),
    },
  }),
};
