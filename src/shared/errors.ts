/** A problem detail entry naming the offending input. */
export interface FieldProblem {
  path: string;
  message: string;
}

export const PROBLEM_TYPE_PREFIX = 'urn:sanctions-screening:problem:';

/**
 * An error that carries its HTTP status and renders as `application/problem+json` (RFC 9457).
 * Messages quote the bad value so the client can see what was wrong.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  readonly errors: FieldProblem[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    slug: string,
    title: string,
    detail: string,
    extra: { errors?: FieldProblem[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = extra.errors;
    this.headers = extra.headers ?? {};
  }
}

export class BadRequestError extends HttpError {
  constructor(detail: string, errors?: FieldProblem[]) {
    super(400, 'bad-request', 'Bad request', detail, errors ? { errors } : {});
  }
}

export class ValidationError extends HttpError {
  constructor(detail: string, errors: FieldProblem[]) {
    super(400, 'validation-failed', 'Request validation failed', detail, { errors });
  }
}

export class NotFoundError extends HttpError {
  constructor(detail: string) {
    super(404, 'not-found', 'Not found', detail);
  }
}

export class ConflictError extends HttpError {
  constructor(slug: string, title: string, detail: string, headers?: Record<string, string>) {
    super(409, slug, title, detail, headers ? { headers } : {});
  }
}

export class MethodNotAllowedError extends HttpError {
  constructor(method: string, path: string, allow: readonly string[]) {
    super(405, 'method-not-allowed', 'Method not allowed', `${method} is not allowed on ${path}; use ${allow.join(', ')}`, {
      headers: { Allow: allow.join(', ') },
    });
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(detail: string, retryAfterSeconds: number, cause?: unknown) {
    super(503, 'service-unavailable', 'Service unavailable', detail, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
      cause,
    });
  }
}
