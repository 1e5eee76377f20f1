import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}

/** The project root (where package.json lives), whether running from src/ under ts-jest or from dist/src. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * Every setting the service reads from the environment, with its default. `process.env` is read here and
 * nowhere else.
 */
const byteSize = z.string().regex(/^\d+(b|kb|mb|gb)?$/i, 'a size in bytes, or like 100mb');

/** LIST_THRESHOLDS as a map from dataset id to threshold. */
export function listThresholds(config: Pick<Config, 'LIST_THRESHOLDS'>): Record<string, number> {
  const pairs = config.LIST_THRESHOLDS.split(',').map((pair) => pair.trim()).filter((pair) => pair.length > 0);
  return Object.fromEntries(pairs.map((pair) => pair.split('=').map((part) => part.trim())).map(([id, value]) => [id as string, Number(value)]));
}

export const configSchema = z.object({
  // production | development | test. Production refuses unsafe defaults.
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  // TCP port of the HTTP server; 0 picks a free port.
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Interface to bind.
  HOST: z.string().default('0.0.0.0'),
  // PostgreSQL connection string. Unset: the embedded PGlite database.
  DATABASE_URL: z.string().url().optional(),
  // Max connections in the pg pool (DATABASE_URL only).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // PostgreSQL: a new connection must open within this many ms.
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  // PostgreSQL: an interactive statement (a screening's audit append, a job chunk's commit) is cancelled by the server
  // after this many ms, and the request answers 503; 0 disables.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  // PostgreSQL: the client gives up on an interactive statement's answer after this many ms (a cut network sends no
  // error) and drops the connection; 0 disables. Keep it above DATABASE_STATEMENT_TIMEOUT_MS.
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  // PostgreSQL: the bound of one statement of a long operation (migrations, data load, chain verification,
  // retention, setup waiting on another replica's lock), on the server; the client allows 5 s more. 0 disables.
  DATABASE_LONG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(900_000),
  // PGlite data directory. Unset: `.data/pglite` under the project; `memory://` keeps it in memory.
  PGLITE_DATA_DIR: z.string().optional(),
  // Folder with the bundled source files (UN XML, investigation YAML, resolutions' XML).
  DATA_DIR: z.string().default(path.join(PROJECT_ROOT, 'data')),
  // UN list file a new database starts from (relative to DATA_DIR or absolute); later versions come by upload or fetch.
  UN_LIST_FILE: z.string().default('un/consolidated-2026-02-27.xml'),
  // OFAC SDN list (legacy CSV folder: sdn.csv, alt.csv, add.csv, metadata.json) a new database starts from, relative
  // to DATA_DIR or absolute; empty: the SDN list is switched off (not loaded, not screened, out of /v1/datasets).
  OFAC_SDN_DIR: z.string().default('ofac/2023-12-28'),
  // UK consolidated list (OFSI XLSX or CSV) a new database starts from; empty: the UK list is switched off.
  UK_LIST_FILE: z.string().default('uk/2025-04-14/ConList.xlsx'),
  // Per-list match thresholds, e.g. "ofac-sdn=0.85,uk-sanctions=0.85"; a list not named uses the request's threshold
  // (or the default). A request's own `threshold` applies to every list.
  LIST_THRESHOLDS: z
    .string()
    .regex(/^\s*$|^\s*[a-z][a-z0-9-]*\s*=\s*(0(\.\d+)?|1(\.0+)?)\s*(,\s*[a-z][a-z0-9-]*\s*=\s*(0(\.\d+)?|1(\.0+)?)\s*)*$/, 'comma-separated list=threshold pairs, e.g. ofac-sdn=0.85,uk-sanctions=0.85')
    .default(''),
  // Where the UN list is fetched on a schedule; unset: no scheduled fetch. The UN's own address is
  // https://scsanctions.un.org/resources/xml/en/consolidated.xml
  UN_LIST_URL: z.url().optional(),
  // Minutes between scheduled fetches of UN_LIST_URL (one replica fetches each time).
  UN_LIST_REFRESH_MINUTES: z.coerce.number().int().min(1).max(10_080).default(360),
  // Largest accepted list file (POST /v1/datasets/{id}/versions, or a fetch), bytes or a size like 100mb.
  LIST_UPLOAD_LIMIT: byteSize.default('100mb'),
  // How the monitored book follows a new list version: delta (reverse delta screening), full (re-screen it all), off.
  MONITORING_MODE: z.enum(['delta', 'full', 'off']).default('delta'),
  // How often each replica checks for a new current dataset version (0: never; the importing replica switches at once).
  DATASET_POLL_INTERVAL_MS: z.coerce.number().int().min(0).default(5_000),
  // pino log level: fatal, error, warn, info, debug, trace, silent.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Log each HTTP request (one line per request).
  LOG_REQUESTS: booleanFromEnv.default(true),
  // Largest accepted JSON body (bytes, or a size like 2mb). Larger bodies get 413.
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)?$/i).default('2mb'),
  // On SIGTERM/SIGINT: requests in flight get this many ms to finish before their connections are closed.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(15_000),
  // A request still unanswered after this many ms gets 503; the server also drops slow uploads.
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  // Per-key rate limit: at most RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_MS (0 disables). Per replica.
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  // Comma-separated origins allowed by CORS; empty (default) sends no CORS headers at all.
  CORS_ORIGINS: z.string().default(''),
  // Audit retention in days; 0 (default) keeps every screening record forever.
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).default(0),
  // Batch jobs: rows screened and committed together, in one transaction with their audit records.
  JOB_CHUNK_ROWS: z.coerce.number().int().min(1).max(10_000).default(500),
  // Finished jobs (succeeded, failed, cancelled) kept this many days with their rows and results; 0 (default) keeps
  // them forever. Their screenings stay in the audit trail, which has its own retention.
  JOB_RETENTION_DAYS: z.coerce.number().int().min(0).default(0),
  // Largest job file accepted, in rows; larger uploads get 413.
  JOB_MAX_ROWS: z.coerce.number().int().min(1).default(2_000_000),
  // This replica works on job chunks; false: it only serves the API (uploads, status, results).
  JOB_WORKERS: booleanFromEnv.default(true),
  // Screening threads per replica (each builds its own matcher); default: one per core, at most 4. They run niced.
  JOB_THREADS: z.coerce.number().int().min(1).max(64).default(Math.min(4, os.availableParallelism())),
  // Nice value of the screening threads (Linux: per thread), so /v1/screen keeps the CPU first; 0: normal priority.
  JOB_THREAD_NICE: z.coerce.number().int().min(0).max(19).default(10),
  // Chunks one replica works on at once; default: JOB_THREADS + 1 (one committing while the threads screen).
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  // A chunk a replica took and did not commit within this many seconds (it died, say) goes to another replica.
  JOB_CHUNK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  // Further attempts at a failing chunk before its job fails.
  JOB_CHUNK_RETRIES: z.coerce.number().int().min(0).max(100).default(5),
  // How often (seconds) the queue looks for chunks whose replica stopped answering.
  JOB_MAINTENANCE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // How often (seconds, at least 0.5) an idle replica asks for chunks.
  JOB_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(1),
  // Allow webhook endpoints on private, loopback, link-local and other non-public addresses (development and tests only).
  WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanFromEnv.default(false),
  // A failed webhook attempt is retried within this many ms at first, doubling each time (full jitter).
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(5_000),
  // The longest wait between two attempts at a webhook delivery.
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).default(3_600_000),
  // A webhook delivery still failing this many hours after its event is marked failed.
  WEBHOOK_RETRY_FOR_HOURS: z.coerce.number().positive().max(720).default(24),
  // A webhook endpoint must answer within this many ms, or the attempt fails.
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  // How often each replica looks for due webhook deliveries.
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(1_000),
});

export type Config = z.infer<typeof configSchema>;

/** Bytes in a size written like `2mb`, `512kb` or `1048576` (what BODY_LIMIT and LIST_UPLOAD_LIMIT take). */
export function sizeInBytes(size: string): number {
  const match = /^(\d+)(b|kb|mb|gb)?$/i.exec(size);
  if (!match) throw new Error(`"${size}" is not a size`);
  const unit = (match[2] ?? 'b').toLowerCase();
  return Number(match[1]) * { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[unit as 'b'];
}

/** Parses the environment once; throws a readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** The PGlite data directory in force for a config: explicit, or `.data/pglite` under the project. */
export function pgliteDataDir(config: Config): string {
  return config.PGLITE_DATA_DIR ?? path.join(PROJECT_ROOT, '.data', 'pglite');
}
