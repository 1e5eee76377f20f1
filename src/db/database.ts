import fs from 'node:fs';
import { setImmediate as nextTurn, setTimeout as nextTimer } from 'node:timers/promises';
import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  type MigrationResultSet,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { Pool, types, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import { migrations } from '../../migrations';
import { pgliteDataDir, type Config } from '../config';
import { isDatabaseUnavailable } from './database-errors';
import type { Database } from './schema';

// Keep DATE columns as 'YYYY-MM-DD' text (pg would turn them into local-time Date objects).
types.setTypeParser(types.builtins.DATE, (value) => value);

export type DatabaseKind = 'pglite' | 'postgres';

/** A database handle: kysely for queries, plus what the service needs to manage it. */
export interface DatabaseHandle {
  /** For interactive work (a request, a job chunk): each statement bounded by the interactive timeouts. */
  db: Kysely<Database>;
  /**
   * For long operations (migrations, loading data, chain verification, retention, setup under a lock): the long
   * timeouts, on connections of their own so they never starve the interactive pool. The same as `db` on PGlite.
   */
  longDb: Kysely<Database>;
  kind: DatabaseKind;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Runs `task` while holding a PostgreSQL session advisory lock named by `lockKey`, so replicas starting at once
   * run one-time setup one after the other. On PGlite there is only one process: `task` just runs.
   */
  exclusively<T>(lockKey: string, task: () => Promise<T>): Promise<T>;
  /** The embedded PGlite instance (only when kind is 'pglite'), for tools that need raw access. */
  pglite?: PGlite;
}

/** How long the database may take, in ms (0: no bound). PostgreSQL only: see `openDatabase` for PGlite. */
export interface DatabaseTimeouts {
  /** Opening a connection. */
  connectMs: number;
  /** An interactive statement, on the server (`statement_timeout`). */
  statementMs: number;
  /** An interactive statement, on the client: also bounds a statement whose answer never arrives (a cut network). */
  queryMs: number;
  /** A statement of a long operation, on the server; on the client it is this plus the client's margin. */
  longStatementMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 10_000,
  queryMs: 15_000,
  longStatementMs: 900_000,
};

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  pgliteDataDir: string;
  poolSize?: number;
  timeouts?: Partial<DatabaseTimeouts>;
  /** Where lost connections are reported (they are handled either way). */
  log?: Logger;
}

// Connections reserved for long operations, beside the interactive pool.
const LONG_POOL_SIZE = 3;
// The client-side bound of a long statement exceeds the server's by this much, so the server's cancel comes first.
const CLIENT_TIMEOUT_MARGIN_MS = 5_000;
// TCP keepalive on every connection, so a half-open one (the server's host gone) is noticed by the OS.
const KEEPALIVE_INITIAL_DELAY_MS = 10_000;
// Idle connections are closed after this long (and reopened on demand).
const IDLE_CONNECTION_MS = 30_000;

/**
 * PGlite runs each query synchronously on this thread, and kysely's PGlite driver hands its one connection from one
 * queued query to the next in microtasks, so a run of queued work (a job's chunk commits one after another) held the
 * event loop for seconds: no request was read meanwhile, and keep-alive timers that came due during the stall
 * closed sockets whose next request was already waiting (clients saw ECONNRESET). Given to the dialect in PGlite's
 * place, this lets the event loop take a turn before every query.
 */
function takingTurns(pglite: PGlite): PGlite {
  const query = async <T>(text: string, params?: unknown[], options?: QueryOptions) => {
    await nextTurn();
    return pglite.query<T>(text, params, options);
  };
  // Everything else goes to PGlite itself (its methods read private fields, so they are bound to it).
  return new Proxy(pglite, {
    get(target, property) {
      if (property === 'query') return query;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Kysely over a `pg` pool whose connections can never crash the process and never outlive a failure:
 * - every client has an 'error' listener for its whole life (pg-pool listens only while a client is idle; a client
 *   checked out for a transaction whose server goes away emits 'error' with no one listening, and Node exits);
 * - a client whose query failed because the connection broke or timed out is destroyed on release instead of going
 *   back to the pool (a client-side timeout leaves the unanswered query in the client's queue, so every later
 *   query on it would wait behind it). The pool opens new connections on demand, so it heals when the server returns.
 */
function resilientDatabase(
  server: { url: string; connectMs: number; log?: Logger | undefined },
  options: { name: string; max: number; statementMs: number; queryMs: number },
): Kysely<Database> {
  const pool = new Pool({
    connectionString: server.url,
    max: options.max,
    connectionTimeoutMillis: server.connectMs,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_INITIAL_DELAY_MS,
    ...(options.statementMs > 0 ? { statement_timeout: options.statementMs } : {}),
    ...(options.queryMs > 0 ? { query_timeout: options.queryMs } : {}),
    // A result is given only once its audit record is durable. A server running with synchronous_commit off
    // acknowledges a commit before its WAL is flushed, and a crash then loses records of screenings already
    // answered (77 in one fault-suite run): the service's sessions wait for the flush whatever the server's setting.
    options: '-c synchronous_commit=on',
    application_name: `sanctions-screening:${options.name}`,
  });
  // Every client, idle or checked out (in a query, or holding a transaction between queries), reports its own loss
  // here; its query, if one was running, rejects as well, and kysely rolls back and discards the connection.
  pool.on('connect', (client) => {
    client.on('error', (err) => server.log?.warn({ pool: options.name, reason: err.message }, 'database connection lost'));
  });
  // pg-pool also re-emits an idle client's loss on the pool, after removing the client: reported above already.
  pool.on('error', () => undefined);

  const wrappers = new WeakMap<PoolClient, PostgresPoolClient>();
  const wrap = (client: PoolClient): PostgresPoolClient => {
    let broken = false;
    function query<R>(text: string, values: readonly unknown[]): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query<R>(text: string | PostgresCursor<R>, values: readonly unknown[] = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
      // No cursor is given to the dialect, so kysely only sends text (and never streams).
      if (typeof text !== 'string') throw new Error('cursor queries are not configured');
      return client.query(text, [...values]).then(
        (result) => result as unknown as PostgresQueryResult<R>,
        (error: unknown) => {
          if (isDatabaseUnavailable(error)) broken = true;
          throw error;
        },
      );
    }
    return { query, release: (destroy?: boolean) => client.release(destroy === true || broken) };
  };
  const kyselyPool: PostgresPool = {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: kyselyPool }) });
}

/**
 * Opens PostgreSQL through `pg` when a URL is given, else the embedded PGlite. Does not run migrations.
 *
 * On PostgreSQL every statement is bounded twice, on the server and on the client (`options.timeouts`), and a lost
 * or timed-out connection fails its query (and so its transaction) without ever reaching the process. PGlite runs
 * in this process, on this thread: there is no connection to lose and no server-side timer (`statement_timeout` is
 * not enforced in its single-user mode), so a query runs to its end; a request waiting on it still answers 503
 * after REQUEST_TIMEOUT_MS.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS, ...options.timeouts };
    const server = { url: options.databaseUrl, connectMs: timeouts.connectMs, log: options.log };
    const db = resilientDatabase(server, {
      name: 'interactive',
      max: options.poolSize ?? 10,
      statementMs: timeouts.statementMs,
      queryMs: timeouts.queryMs,
    });
    const longDb = resilientDatabase(server, {
      name: 'long',
      max: LONG_POOL_SIZE,
      statementMs: timeouts.longStatementMs,
      queryMs: timeouts.longStatementMs > 0 ? timeouts.longStatementMs + CLIENT_TIMEOUT_MARGIN_MS : 0,
    });
    return {
      db,
      longDb,
      kind: 'postgres',
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      close: async () => {
        await Promise.all([db.destroy(), longDb.destroy()]);
      },
      // The lock is held on one long connection (waiting for another replica's setup may take a while); `task`
      // uses other connections.
      exclusively: (lockKey, task) =>
        longDb.connection().execute(async (connection) => {
          await sql`select pg_advisory_lock(hashtext(${lockKey}))`.execute(connection);
          try {
            return await task();
          } finally {
            await sql`select pg_advisory_unlock(hashtext(${lockKey}))`.execute(connection);
          }
        }),
    };
  }
  if (!options.pgliteDataDir.startsWith('memory://')) {
    fs.mkdirSync(options.pgliteDataDir, { recursive: true });
  }
  const pglite = await PGlite.create(options.pgliteDataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(takingTurns(pglite)) });
  return {
    db,
    longDb: db,
    kind: 'pglite',
    pglite,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    exclusively: (_lockKey, task) => task(),
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

// While waiting for the database, it is asked this often.
const WAIT_PING_INTERVAL_MS = 1_000;

/** Resolves true once the database answers, or false after `maxMs` without an answer. Never throws. */
export async function waitForDatabase(handle: Pick<DatabaseHandle, 'ping'>, maxMs: number): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    if (await handle.ping().then(() => true, () => false)) return true;
    if (Date.now() + WAIT_PING_INTERVAL_MS > deadline) return false;
    await nextTimer(WAIT_PING_INTERVAL_MS);
  }
}

/** Opens the database the config names (DATABASE_URL, else PGlite in PGLITE_DATA_DIR), with its bounds. */
export function openConfiguredDatabase(config: Config, log?: Logger): Promise<DatabaseHandle> {
  return openDatabase({
    pgliteDataDir: pgliteDataDir(config),
    poolSize: config.DATABASE_POOL_SIZE,
    timeouts: {
      connectMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      queryMs: config.DATABASE_QUERY_TIMEOUT_MS,
      longStatementMs: config.DATABASE_LONG_STATEMENT_TIMEOUT_MS,
    },
    ...(config.DATABASE_URL !== undefined ? { databaseUrl: config.DATABASE_URL } : {}),
    ...(log ? { log } : {}),
  });
}

/** Brings the schema to the latest migration. Throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration "${failed}" failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}
