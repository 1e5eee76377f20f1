import http from 'node:http';
import https from 'node:https';
import { webhookHeaders } from './webhook-signature';
import { assertPublicTarget, publicOnlyLookup, UnsafeTargetError } from './webhook-target';

// The start of an answer's body kept with the attempt: enough to see an error message, never a whole page.
export const RESPONSE_EXCERPT_CHARS = 512;
const USER_AGENT = 'sanctions-screening-webhooks/1';

/** The outcome of one POST to an endpoint. `ok` means a 2xx answer; anything else is a failed attempt. */
export interface AttemptOutcome {
  ok: boolean;
  /** The answer's HTTP status; null when there was none. */
  statusCode: number | null;
  /** Why the attempt failed (`answered 503`, `no answer within 10000 ms`, a refused target…); null when ok. */
  error: string | null;
  durationMs: number;
  responseExcerpt: string | null;
}

export interface SendOptions {
  timeoutMs: number;
  /** Skip the public-address check (local development and tests). */
  allowPrivateTargets: boolean;
  /** Aborts the attempt (the dispatcher stopping). */
  signal?: AbortSignal;
}

/**
 * POSTs one event's body to `endpoint`, signed with its secret per Standard Webhooks (a fresh webhook-timestamp
 * each attempt, the event's id as webhook-id). Checks the target again first (DNS may have changed since
 * registration) and connects only to the addresses it checked. Redirects are not followed (a 3xx is a failed
 * attempt). Never throws: every failure is an outcome.
 */
export async function sendWebhook(
  endpoint: { url: string; secret: string },
  message: { id: string; body: string },
  options: SendOptions,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const url = new URL(endpoint.url);
    if (!options.allowPrivateTargets) await assertPublicTarget(url);
    const timestamp = Math.floor(Date.now() / 1000);
    const answer = await post(url, message.body, {
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        ...webhookHeaders(endpoint.secret, { id: message.id, timestamp, body: message.body }),
      },
      signal,
      lookup: options.allowPrivateTargets ? undefined : publicOnlyLookup,
    });
    const ok = answer.statusCode >= 200 && answer.statusCode < 300;
    return {
      ok,
      statusCode: answer.statusCode,
      error: ok ? null : `answered ${answer.statusCode}`,
      durationMs: elapsed(),
      responseExcerpt: answer.excerpt,
    };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeFailure(error, { timeout, options }), durationMs: elapsed(), responseExcerpt: null };
  }
}

function describeFailure(error: unknown, context: { timeout: AbortSignal; options: SendOptions }): string {
  if (context.timeout.aborted) return `no answer within ${context.options.timeoutMs} ms`;
  if (context.options.signal?.aborted) return 'attempt abandoned: the dispatcher is stopping';
  if (error instanceof UnsafeTargetError) return `refused target: ${error.message}`;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** One POST; resolves with the status and the start of the body (the rest is not read). */
function post(
  url: URL,
  body: string,
  options: { headers: Record<string, string>; signal: AbortSignal; lookup: typeof publicOnlyLookup | undefined },
): Promise<{ statusCode: number; excerpt: string | null }> {
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: options.signal,
        // A fresh connection per attempt: each one resolves (and checks) the host again.
        agent: false,
        ...(options.lookup ? { lookup: options.lookup } : {}),
      },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let length = 0;
        const done = () => {
          const text = Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_EXCERPT_CHARS);
          resolve({ statusCode, excerpt: text.length > 0 ? text : null });
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          length += chunk.byteLength;
          // Enough read for the excerpt (4 bytes per character at most): stop reading.
          if (length >= RESPONSE_EXCERPT_CHARS * 4) {
            response.destroy();
            done();
          }
        });
        response.on('end', done);
        // The status is known: a body cut short still makes an answer.
        response.on('error', done);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
