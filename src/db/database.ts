import fs from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type MigrationResultSet } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { Pool, types } from 'pg';
import { migrations } from '../../migrations';
import type { Database } from './schema';

// Keep DATE columns as 'YYYY-MM-DD' text (pg would turn them into local-time Date objects).
types.setTypeParser(types.builtins.DATE, (value) => value);

export type DatabaseKind = 'pglite' | 'postgres';

/** A database handle: kysely for queries, plus what the service needs to manage it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
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

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  pgliteDataDir: string;
  poolSize?: number;
}

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

/** Opens PostgreSQL through `pg` when a URL is given, else the embedded PGlite. Does not run migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client that loses its server emits 'error'; without a listener the process would crash.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      close: () => db.destroy(),
      // The lock is held on one pooled connection for the duration; `task` uses the other connections.
      exclusively: (lockKey, task) =>
        db.connection().execute(async (connection) => {
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
