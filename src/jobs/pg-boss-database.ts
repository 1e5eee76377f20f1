import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/database';
import type { Database } from '../db/schema';

type Rows = { rows: unknown[] };

/**
 * pg-boss's `db` option over the service's own database handle, so the queue lives in the same database (and, on
 * PGlite, the same process) as the jobs.
 *
 * PostgreSQL: statements go through kysely's pool; a parameterless text is sent with the simple protocol, which
 * runs pg-boss's multi-statement schema scripts. PGlite: `query` takes one statement, so parameterless text runs
 * through `exec`; either way the call holds kysely's single PGlite connection, so a pg-boss statement never lands
 * inside a transaction the service has open on it.
 */
export function pgBossDatabase(handle: DatabaseHandle): PgBoss.Db {
  const { pglite } = handle;
  if (handle.kind === 'pglite' && pglite) {
    return {
      executeSql: (text, values) =>
        handle.db.connection().execute(async (): Promise<Rows> => {
          if (values === undefined || values.length === 0) {
            const results = await pglite.exec(text);
            return { rows: results[results.length - 1]?.rows ?? [] };
          }
          return pglite.query(text, values.map(toParameter));
        }),
    };
  }
  return transactionDatabase(handle.db);
}

/** pg-boss's `db` option bound to a kysely connection or open transaction: `boss.insert(jobs, { db })` joins it. */
export function transactionDatabase(db: Kysely<Database> | Transaction<Database>): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, (values ?? []).map(toParameter)));
      return { rows: [...result.rows] };
    },
  };
}

/** pg-boss passes `undefined` for "use the default"; pg sends it as NULL, PGlite needs it said. */
function toParameter(value: unknown): unknown {
  return value === undefined ? null : value;
}
