import { finished } from 'node:stream/promises';
import { Router, type ErrorRequestHandler, type Request } from 'express';
import type { AppContext } from '../../context';
import type { JobCaller } from '../../jobs/job-service';
import { CreateJobQuerySchema, IdempotencyKeySchema, JobIdParamsSchema, ResultsQuerySchema } from '../../jobs/job-schemas';
import { RESULTS_CONTENT_TYPES, writeResults } from '../../jobs/job-results-format';
import type { JobFileFormat } from '../../jobs/parse-job-file';
import { presentCreatedJob, presentJob } from '../../jobs/present-job';
import { HttpError } from '../errors';
import { allowOnly } from '../method-not-allowed';
import { parseRequest } from '../validate';

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

/**
 * An upload refused before its body was read (415, a bad query, a missing key) is read to its end first: Node stops
 * reading a request once its response is sent, and a client still sending a large file would never see the answer.
 */
const drainRefusedUpload: ErrorRequestHandler = (error, req, _res, next) => {
  if (req.readableEnded) {
    next(error);
    return;
  }
  req.resume();
  finished(req).then(
    () => next(error),
    () => next(error),
  );
};

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
      const { threshold } = parseRequest(CreateJobQuerySchema, req.query, 'query');
      const { format, gzip } = uploadFormat(req);
      const keyHeader = req.headers['idempotency-key'];
      const idempotencyKey = keyHeader === undefined ? undefined : parseRequest(IdempotencyKeySchema, keyHeader, 'header Idempotency-Key');
      const { job, replayed } = await context.jobs.receive({
        body: req,
        format,
        gzip,
        apiKeyId: req.auth?.keyId ?? null,
        ...(threshold !== undefined ? { threshold } : {}),
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
      if (job.status !== 'cancelled') {
        throw new HttpError(409, 'job-finished', 'Job already finished', `job "${jobId}" already ${job.status}; there is nothing to cancel`);
      }
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
