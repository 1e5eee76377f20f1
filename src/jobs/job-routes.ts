import { listsToScreen } from '../screening/screen-names';
import { Router, type Request } from 'express';
import { drainRefusedUpload } from '../shared/upload-streams';
import type { AppContext } from '../context';
import type { JobCaller } from './job-service';
import { CreateJobQuerySchema, IdempotencyKeySchema, JobIdParamsSchema, ResultsQuerySchema } from './job-schemas';
import { RESULTS_CONTENT_TYPES, writeResults } from './job-results-format';
import type { JobFileFormat } from './parse-job-file';
import { presentCreatedJob, presentJob } from './present-job';
import { HttpError } from '../shared/errors';
import { allowOnly } from '../shared/method-not-allowed';
import { parseRequest } from '../shared/validate';
import { z } from 'zod';
import { del, get, ok, post, problem, requestIdHeader, type ApiOperations } from '../shared/openapi-operations';
import { JOB_FILE_HEADER, JobCreatedSchema, JobResultSchema, JobSchema } from './job-schemas';
import { CSV_RESULTS_COLUMNS } from './job-results-format';

const FORMATS: Record<string, JobFileFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
};

/** The file's format from Content-Type (UTF-8 only), and whether it arrives gzipped. */
function uploadFormat(req: Request): { format: JobFileFormat; gzip: boolean } {
  const type = req.is(Object.keys(FORMATS));
  const format = type ? FORMATS[type] : undefined;
  if (!format) {
    throw new HttpError(415, 'unsupported-media-type', 'Unsupported media type', `expected Content-Type text/csv or application/x-ndjson, got "${req.headers['content-type'] ?? ''}"`);
  }
  const charset = /;\s*charset="?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError(415, 'unsupported-encoding', 'Unsupported encoding', `job files must be UTF-8, not "${charset}"`);
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new HttpError(415, 'unsupported-encoding', 'Unsupported encoding', `Content-Encoding "${encoding}" is not supported; send gzip or nothing`);
  }
  return { format, gzip: encoding === 'gzip' };
}

// An upload that sends nothing for this long is dropped (a stalled or trickling client holds a connection).
const UPLOAD_IDLE_TIMEOUT_MS = 60_000;

const callerOf = (req: Request): JobCaller => ({ keyId: req.auth?.keyId ?? null, scopes: req.auth?.scopes ?? [] });

/**
 * Batch jobs: POST /v1/jobs (the file streams in as the body), GET /v1/jobs/{jobId}, GET /v1/jobs/{jobId}/results
 * (streamed NDJSON or CSV), DELETE /v1/jobs/{jobId}. Mounted before the JSON body parser and the request timeout:
 * uploads and downloads are long streams, not JSON requests.
 */
export function jobRoutes(context: AppContext): Router {
  const router = Router();
  const guard = context.auth.requireScope('screen');

  router
    .route('/v1/jobs')
    .post(...guard, async (req, res) => {
      req.setTimeout(UPLOAD_IDLE_TIMEOUT_MS);
      const { threshold, monitor, lists } = parseRequest(CreateJobQuerySchema, req.query, 'query');
      // Named lists must be loaded now (400 otherwise); a job accepted while loading is checked by its rows.
      const snapshot = context.snapshots.current();
      if (lists !== undefined && snapshot) listsToScreen(snapshot, lists);
      const { format, gzip } = uploadFormat(req);
      const keyHeader = req.headers['idempotency-key'];
      const idempotencyKey = keyHeader === undefined ? undefined : parseRequest(IdempotencyKeySchema, keyHeader, 'header Idempotency-Key');
      const { job, replayed } = await context.jobs.receive({
        body: req,
        format,
        gzip,
        apiKeyId: req.auth?.keyId ?? null,
        ...(threshold !== undefined ? { threshold } : {}),
        ...(monitor === true ? { monitor: true } : {}),
        ...(lists !== undefined ? { lists } : {}),
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      });
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(202).location(`/v1/jobs/${job.id}`).json(presentCreatedJob(job));
    })
    .all(allowOnly('POST'));
  router.use('/v1/jobs', drainRefusedUpload);

  router
    .route('/v1/jobs/:jobId')
    .get(...guard, async (req, res) => {
      const { jobId } = parseRequest(JobIdParamsSchema, req.params, 'path');
      res.json(presentJob(await context.jobs.get(jobId, callerOf(req))));
    })
    .delete(...guard, async (req, res) => {
      const { jobId } = parseRequest(JobIdParamsSchema, req.params, 'path');
      const job = await context.jobs.cancel(jobId, callerOf(req));
      res.json(presentJob(job));
    })
    .all(allowOnly('GET', 'DELETE'));

  router
    .route('/v1/jobs/:jobId/results')
    .get(...guard, async (req, res) => {
      const { jobId } = parseRequest(JobIdParamsSchema, req.params, 'path');
      const { format, decision } = parseRequest(ResultsQuerySchema, req.query, 'query');
      const job = await context.jobs.get(jobId, callerOf(req));
      res.status(200).type(RESULTS_CONTENT_TYPES[format]);
      res.setHeader('X-Job-Status', presentJob(job).status);
      if (format === 'csv') res.setHeader('Content-Disposition', `attachment; filename="job-${job.id}-results.csv"`);
      try {
        await writeResults(context.jobs.results(job, decision), format, res);
        res.end();
      } catch (error) {
        // Headers are gone: the only honest signal left is a cut connection, never a truncated body that looks whole.
        req.log.error({ err: error, jobId }, 'results download failed');
        res.destroy();
      }
    })
    .all(allowOnly('GET'));
  return router;
}

/** The OpenAPI operations of these routes, from the schemas they validate with. */
export const jobOperations: ApiOperations = {
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
    ...del({
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
};
