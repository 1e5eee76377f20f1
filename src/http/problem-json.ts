import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from '../db/database-errors';
import { HttpError, NotFoundError, PROBLEM_TYPE_PREFIX, ServiceUnavailableError, type FieldProblem } from '../shared/errors';
import { zodProblems } from '../shared/validate';

// Clients retry after this many seconds when the database is away.
const DATABASE_RETRY_AFTER_SECONDS = 5;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldProblem[];
}

/** Renders one problem document; the only place error responses are written. */
export function sendProblem(res: Response, req: Request, error: HttpError): void {
  const body: ProblemDocument = {
    type: `${PROBLEM_TYPE_PREFIX}${error.slug}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    instance: req.originalUrl,
    requestId: String(req.id ?? ''),
  };
  if (error.errors) body.errors = error.errors;
  // For the request's log line (see the app's pino-http options): why this request was refused.
  res.locals.problem = error.message;
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.status(error.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}


interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  limit?: number;
  charset?: string;
}

function bodyParserProblem(err: BodyParserError & Error): HttpError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed-json', 'Malformed JSON', `the request body is not valid JSON: ${err.message}`);
    case 'entity.too.large':
      return new HttpError(413, 'payload-too-large', 'Payload too large', `the request body exceeds the limit of ${err.limit ?? '?'} bytes`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported-encoding', 'Unsupported encoding', err.message);
    case 'request.aborted':
      return new HttpError(400, 'request-aborted', 'Request aborted', 'the client aborted the request body');
    default:
      return undefined;
  }
}

/** Answers every unmatched route with a 404 problem. */
export const notFoundHandler: RequestHandler = (req) => {
  throw new NotFoundError(`no route for ${req.method} ${req.path}`);
};

/**
 * The error handler: typed errors keep their status; body-parser and zod errors become 4xx; anything else is a
 * bug, logged with its stack and answered with a 500 that carries only the request id. An expected answer (a 4xx,
 * a 503) is one warning line: the request log line when `logRequests` is on (it carries the problem's detail), else
 * a line of its own for a 503; never a stack.
 */
export const createErrorHandler = (options: { logRequests: boolean }): ErrorRequestHandler => (err: unknown, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  if (err instanceof HttpError) {
    // 503 is an expected, retryable state (data loading, database away): a warning, not an error page for on-call.
    if (err.status === 503) {
      if (!options.logRequests) req.log.warn({ reason: err.message, cause: err.cause === undefined ? undefined : String(err.cause) }, 'service unavailable');
    } else if (err.status >= 500) {
      req.log.error({ err }, 'request failed');
    }
    sendProblem(res, req, err);
    return;
  }
  if (err instanceof ZodError) {
    sendProblem(res, req, new HttpError(400, 'validation-failed', 'Request validation failed', 'the request is invalid', { errors: zodProblems(err) }));
    return;
  }
  if (err instanceof Error) {
    const fromBodyParser = bodyParserProblem(err as BodyParserError & Error);
    if (fromBodyParser) {
      sendProblem(res, req, fromBodyParser);
      return;
    }
  }
  if (isDatabaseUnavailable(err)) {
    // Expected while the database is away or slow: one line with the reason, no stack.
    if (!options.logRequests) req.log.warn({ reason: err instanceof Error ? err.message : String(err) }, 'database unavailable');
    sendProblem(res, req, new ServiceUnavailableError('the database is unavailable; retry later', DATABASE_RETRY_AFTER_SECONDS));
    return;
  }
  req.log.error({ err }, 'unhandled error');
  sendProblem(res, req, new HttpError(500, 'internal-error', 'Internal server error', `an unexpected error occurred; quote request id ${String(req.id)} when reporting it`));
};
