import pino, { type Logger } from 'pino';
import { pgliteDataDir, type Config } from './config';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database';
import { loadData, type DataSnapshot } from './datasets/data-store';
import { createReferenceService, type ReferenceService } from './reference/reference-service';

/** The service's dependencies, built once in `createContext` and passed down. */
export interface AppContext {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  reference: ReferenceService;
  /** The loaded data; undefined until `prepare()` finishes (readiness). */
  data: { snapshot?: DataSnapshot; error?: Error };
  /** Migrates the database and loads the data; resolves when the service is ready. */
  prepare(): Promise<DataSnapshot>;
  close(): Promise<void>;
}

export interface ContextOverrides {
  log?: Logger;
  database?: DatabaseHandle;
}

/** Builds every dependency from the config; tests swap parts through `overrides`. */
export async function createContext(config: Config, overrides: ContextOverrides = {}): Promise<AppContext> {
  const log = overrides.log ?? pino({ level: config.LOG_LEVEL, base: { service: 'sanctions-screening' } });
  const database =
    overrides.database ??
    (await openDatabase({
      pgliteDataDir: pgliteDataDir(config),
      poolSize: config.DATABASE_POOL_SIZE,
      ...(config.DATABASE_URL !== undefined ? { databaseUrl: config.DATABASE_URL } : {}),
    }));
  const data: AppContext['data'] = {};
  const context: AppContext = {
    config,
    log,
    database,
    reference: createReferenceService(database.db),
    data,
    async prepare() {
      try {
        await migrateToLatest(database.db);
        data.snapshot = await loadData(database.db, { dataDir: config.DATA_DIR, unListFile: config.UN_LIST_FILE, log });
        return data.snapshot;
      } catch (error) {
        data.error = error instanceof Error ? error : new Error(String(error));
        throw error;
      }
    },
    async close() {
      await database.close();
    },
  };
  return context;
}
