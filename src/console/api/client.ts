import type { Problem } from './types';

/** A failed call: the problem+json answer's `detail` is the message the analyst sees. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly requestId: string | undefined;
  readonly fieldErrors: { path: string; message: string }[];

  constructor(status: number, problem: Problem, fallback: string) {
    super(problem.detail ?? fallback);
    this.name = 'ApiProblem';
    this.status = status;
    this.title = problem.title ?? (status === 0 ? 'The service could not be reached' : `HTTP ${status}`);
    this.requestId = problem.requestId;
    this.fieldErrors = problem.errors ?? [];
  }
}

export interface ApiClient {
  /** GET a JSON answer. */
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  /** Send a JSON body (POST by default) and read the JSON answer. */
  send<T>(path: string, body: unknown, options?: { method?: string; signal?: AbortSignal }): Promise<T>;
  /** Any request with the caller's key; the raw response when it is 2xx, else an ApiProblem. */
  raw(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * Calls the service this page was served by (same origin, relative paths only), with the analyst's API key when
 * there is one. Never calls another host.
 */
export function createApiClient(currentKey: () => string | null): ApiClient {
  async function raw(path: string, init: RequestInit = {}): Promise<Response> {
    if (!path.startsWith('/')) throw new Error(`API paths are absolute on this service, got "${path}"`);
    const headers = new Headers(init.headers);
    headers.set('Accept', headers.get('Accept') ?? 'application/json, application/problem+json');
    const key = currentKey();
    if (key) headers.set('Authorization', `Bearer ${key}`);
    let response: Response;
    try {
      response = await fetch(path, { ...init, headers, credentials: 'omit', cache: 'no-store' });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiProblem(0, {}, `no answer from the service (${error instanceof Error ? error.message : String(error)})`);
    }
    if (response.ok) return response;
    throw await problemOf(response);
  }

  return {
    raw,
    async get<T>(path: string, signal?: AbortSignal): Promise<T> {
      const response = await raw(path, signal ? { signal } : {});
      return (await response.json()) as T;
    },
    async send<T>(path: string, body: unknown, options: { method?: string; signal?: AbortSignal } = {}): Promise<T> {
      const response = await raw(path, {
        method: options.method ?? 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return (await response.json()) as T;
    },
  };
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const fallback = `${response.status} ${response.statusText}`.trim();
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return new ApiProblem(response.status, (await response.json()) as Problem, fallback);
    } catch {
      // A body that does not parse: fall through to the status line.
    }
  }
  return new ApiProblem(response.status, {}, fallback);
}

/** `/v1/x?a=1&b=2` from a path and the parameters that have a value. */
export function withQuery(path: string, parameters: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A path segment, encoded. */
export const segment = (value: string): string => encodeURIComponent(value);
