import pino, { type Logger } from 'pino';
import { AuditWriter } from './audit/audit-writer';
import { pruneScreenings } from './audit/audit-repository';
import { countActiveKeys } from './auth/api-keys';
import { createAuth, type Auth } from './auth/auth-middleware';
import { pgliteDataDir, type Config } from './config';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database';
import { loadData, type DataSnapshot } from './datasets/data-store';
import { createJobService, type JobService } from './jobs/job-service';
import { createReferenceService, type ReferenceService } from './reference/reference-service';
import { runNowAndEvery } from './util/every';

/** The service's dependencies, built once in `createContext` and passed down. */
export interface AppContext {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  reference: ReferenceService;
  auth: Auth;
  audit: AuditWriter;
  /** Batch screening jobs: uploads, the queue and this replica's workers. */
  jobs: JobService;
  /** The loaded data; undefined until `prepare()` finishes (readiness). */
  data: { snapshot?: DataSnapshot; error?: Error };
  /** Migrates the database, checks keys and loads the data; resolves when the service is ready. */
  prepare(): Promise<DataSnapshot>;
  close(): Promise<void>;
}

export interface ContextOverrides {
  log?: Logger;
  database?: DatabaseHandle;
}

const DAY_MS = 86_400_000;
// Retention runs at startup and then this often.
const RETENTION_INTERVAL_MS = 3_600_000;

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
  const production = config.NODE_ENV === 'production';
  const data: AppContext['data'] = {};
  let retentionTimer: NodeJS.Timeout | undefined;
  const jobs = createJobService({ config, log, database, snapshot: () => data.snapshot });

  async function applyRetention() {
    if (config.AUDIT_RETENTION_DAYS === 0) return;
    const removed = await pruneScreenings(database.db, new Date(Date.now() - config.AUDIT_RETENTION_DAYS * DAY_MS));
    if (removed > 0) log.info({ removed, retentionDays: config.AUDIT_RETENTION_DAYS }, 'audit records past retention removed');
  }

  return {
    config,
    log,
    database,
    reference: createReferenceService(database.db),
    auth: createAuth(database.db, {
      production,
      rateLimit: { windowMs: config.RATE_LIMIT_WINDOW_MS, max: config.RATE_LIMIT_MAX },
    }),
    audit: new AuditWriter(database.db),
    jobs,
    data,
    async prepare() {
      try {
        await migrateToLatest(database.db);
        const keys = await countActiveKeys(database.db);
        if (keys === 0 && production) {
          throw new Error('NODE_ENV=production and no API key exists: create one with `npm run keys -- create --name <name> --scopes screen,read`');
        }
        if (keys === 0) {
          log.warn('NO API KEYS EXIST: the service is OPEN, every request is allowed without a key (development only; create a key to close it)');
        }
        const snapshot = await loadData(database.db, { dataDir: config.DATA_DIR, unListFile: config.UN_LIST_FILE, log });
        // The job queue starts before readiness: once /readyz is 200, uploads are accepted.
        await jobs.start();
        data.snapshot = snapshot;
        if (config.AUDIT_RETENTION_DAYS > 0) {
          retentionTimer = await runNowAndEvery(applyRetention, RETENTION_INTERVAL_MS, log, 'audit retention');
        }
        return data.snapshot;
      } catch (error) {
        data.error = error instanceof Error ? error : new Error(String(error));
        throw error;
      }
    },
    async close() {
      if (retentionTimer) clearInterval(retentionTimer);
      await jobs.stop();
      await database.close();
    },
  };
}
