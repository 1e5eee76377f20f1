import { randomUUID } from 'node:crypto';
import cors from 'cors';
import express, { type Express, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { AppContext } from '../context';
import { HttpError, ServiceUnavailableError } from '../shared/errors';
import { createErrorHandler, notFoundHandler } from './problem-json';
import { auditRoutes } from '../audit/audit-routes';
import { jobRoutes } from '../jobs/job-routes';
import { monitoringRoutes } from '../monitoring/monitoring-routes';
import { dispositionRoutes } from '../screening/disposition-routes';
import { enqueueWebhookEvent } from '../webhooks/webhook-repository';
import { datasetRoutes, datasetUploadRoutes } from '../datasets/dataset-routes';
import { keyRoutes } from '../auth/key-routes';
import { whoamiRoutes } from '../auth/whoami-routes';
import { webhookRoutes } from '../webhooks/webhook-routes';
import { consoleRoutes } from './console-routes';
import { opsRoutes } from './ops-routes';
import { referenceRoutes } from '../reference/reference-routes';
import { screeningRoutes } from '../screening/screening-routes';

// A client-supplied request id is echoed only when it is short and plain, so it cannot inject into logs.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TIMEOUT_RETRY_AFTER_SECONDS = 5;

/** A body-carrying request must say it is JSON; anything else is a 415 before any parsing. */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if ((req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') && hasBody && !req.is('application/json')) {
    throw new HttpError(415, 'unsupported-media-type', 'Unsupported media type', `expected Content-Type: application/json, got "${req.headers['content-type'] ?? ''}"`);
  }
  next();
};

/** Answers 503 when a handler has not responded within `ms` (e.g. waiting on an unreachable database). */
function requestTimeout(ms: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (!res.headersSent) next(new ServiceUnavailableError(`the request did not complete within ${ms} ms`, TIMEOUT_RETRY_AFTER_SECONDS));
    }, ms);
    timer.unref();
    res.on('close', () => clearTimeout(timer));
    next();
  };
}

/** The express application: thin routes over the services in `context`. Does not listen. */
export function createApp(context: AppContext): Express {
  const { config } = context;
  const app = express();
  const { metrics } = context;
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      // Swagger UI at /docs needs inline styles and its own scripts.
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
    }),
  );
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  if (origins.length > 0) {
    app.use(cors({ origin: origins, exposedHeaders: ['X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'] }));
  }
  app.use(
    pinoHttp({
      logger: context.log,
      autoLogging: config.LOG_REQUESTS,
      // A 503 (loading, database away) and a 4xx are expected answers: a warning; other 5xx are bugs.
      customLogLevel: (_req, res, err) => {
        if (res.statusCode === 503 || (res.statusCode >= 400 && res.statusCode < 500)) return 'warn';
        return res.statusCode >= 500 || err ? 'error' : 'info';
      },
      // The problem's detail on a refused request's line (set by sendProblem).
      customProps: (_req, res) => {
        const problem: unknown = (res as Response).locals.problem;
        return typeof problem === 'string' ? { problem } : {};
      },
      // pino-http attaches an error to every 5xx line (made up when there is none); an expected 503 has no stack
      // worth printing: its line keeps the response and the problem's detail.
      customErrorObject: (_req, res, _error, value: Record<string, unknown>) => {
        if (res.statusCode !== 503) return value;
        const { err: _omitted, ...withoutError } = value;
        return withoutError;
      },
      genReqId: (req, res) => {
        const header = req.headers['x-request-id'];
        const id = typeof header === 'string' && CLIENT_REQUEST_ID.test(header) ? header : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
    }),
  );
  app.use(metrics.observe);
  app.use(jobRoutes(context)); // before the timeout and the JSON parser: job files stream in and out
  app.use(datasetUploadRoutes(context)); // list files stream in, with their own size limit
  app.use(requestTimeout(config.REQUEST_TIMEOUT_MS));
  app.use(requireJsonBody);
  app.use(express.json({ limit: config.BODY_LIMIT, strict: true }));
  app.use(opsRoutes(context, metrics));
  app.use(consoleRoutes()); // the analyst console at /console (static files from dist/console)
  app.use(screeningRoutes(context.screening, context.auth));
  app.use(referenceRoutes(context.reference, context.auth));
  app.use(datasetRoutes(context));
  app.use(monitoringRoutes(context.monitoring, context.auth));
  app.use(
    dispositionRoutes(context.database, context.auth, (trx, disposition) =>
      enqueueWebhookEvent(trx, { type: 'disposition.recorded', data: { ...disposition } }).then(() => undefined),
    ),
  );
  app.use(auditRoutes(context.audit, context.auth));
  app.use(keyRoutes(context.keys, context.auth));
  app.use(whoamiRoutes(context.auth));
  app.use(webhookRoutes(context.webhooks, context.auth));
  app.use(notFoundHandler);
  app.use(createErrorHandler({ logRequests: config.LOG_REQUESTS }));
  return app;
}
