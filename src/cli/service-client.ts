/**
 * What every command-line client of the service shares: its I/O, its error with an exit status, where the service is
 * and how to authenticate, and how to read an error answer.
 */

import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The options every client takes: where the service is, the API key, and --help. */
const COMMON_OPTIONS = { url: { type: 'string' }, key: { type: 'string' }, help: { type: 'boolean', default: false } } as const;

/**
 * A client's command line, its own options beside the common ones (--url, --key, --help); an unknown option or a
 * missing value is bad usage (exit 2, with the usage).
 */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { ...COMMON_OPTIONS, ...options } });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${usage}`, 2);
  }
}

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Environment defaults for --url and --key (the CLI is a client: it reads its own settings, not the service's). */
  env: Record<string, string | undefined>;
}

/** A failure the command reports and exits with (1: refused or unreachable, 2: bad usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The service's base URL: --url, else $SCREENING_URL, else the local default; no trailing slash. */
export function serviceUrl(url: string | undefined, env: Io['env']): string {
  return (url ?? env['SCREENING_URL'] ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}

/** The Authorization header for an API key, or none (open development mode). */
export function authHeaders(key: string | undefined): Record<string, string> {
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** Why a request could not be made, from a fetch error. */
export function reasonOf(error: unknown): string {
  // Read by shape, not `instanceof`: fetch's errors may come from another realm (under jest, they do).
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { message?: unknown } };
  return String(cause?.message ?? message ?? error);
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}

/**
 * The problem's status, title and detail (RFC 9457), then the first `problemsShown` of its `errors` (with `moreHint`
 * when there are more); or the status line and the body's start when the answer is not a problem document.
 */
export async function describeProblem(response: Response, options: { problemsShown?: number; moreHint?: string } = {}): Promise<string> {
  const text = await response.text().catch(() => '');
  let problem: Problem | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) problem = parsed as Problem;
  } catch {
    // not JSON: described by its status line below
  }
  if (!problem) return `${response.status} ${response.statusText}${text ? `: ${text.slice(0, 300)}` : ''}`;
  const shown = options.problemsShown ?? 0;
  const errors = shown > 0 ? (problem.errors ?? []) : [];
  return [
    `${response.status} ${problem.title ?? response.statusText}: ${problem.detail ?? ''}`.trim(),
    ...errors.slice(0, shown).map((e) => `  ${e.path}: ${e.message}`),
    ...(errors.length > shown ? [`  … and ${errors.length - shown} more${options.moreHint ? ` (${options.moreHint})` : ''}`] : []),
  ].join('\n');
}
