import pino, { type Logger } from 'pino';
import { AuditWriter } from './audit/audit-writer';
import { createAuditService, type AuditService } from './audit/audit-service';
import { createKeyService, type KeyService } from './auth/key-service';
import { createMetrics, type Metrics } from './shared/metrics';
import { createScreeningService, type ScreeningService } from './screening/screening-service';
import { createSuppressionLookup } from './screening/dispositions';
import { createMonitoringService, type MonitoringService } from './monitoring/monitoring-service';
import { enqueueWebhookEvent } from './webhooks/webhook-repository';
import { pruneScreenings } from './audit/audit-repository';
import { countActiveKeys } from './auth/api-key-repository';
import { createAuth, type Auth } from './auth/auth-middleware';
import { setTimeout as sleep } from 'node:timers/promises';
import { listThresholds, sizeInBytes, type Config } from './config';
import { migrateToLatest, openConfiguredDatabase, type DatabaseHandle } from './db/database';
import { isDatabaseUnavailable } from './db/database-errors';
import type { DataSnapshot } from './datasets/load-snapshot';
import { createImporters, type DatasetImporter } from './datasets/dataset-importers';
import { createDatasetService, type DatasetService } from './datasets/dataset-service';
import { SnapshotStore } from './datasets/snapshots';
import { configuredLists, syncBundledDatasets } from './datasets/sync-bundled';
import { createJobService, type JobService } from './jobs/job-service';
import { createReferenceService, type ReferenceService } from './reference/reference-service';
import { runNowAndEvery } from './shared/every';
import { createWebhookService, webhookSettings, type WebhookService } from './webhooks/webhook-service';

/** The service's dependencies, built once in `createContext` and passed down. */
export interface AppContext {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  /** Prometheus metrics of this instance (own registry). */
  metrics: Metrics;
  /** Screen and record (fail closed): POST /v1/screen and /v1/screen/batch. */
  screening: ScreeningService;
  reference: ReferenceService;
  auth: Auth;
  keys: KeyService;
  /** Reading the audit trail (its writing belongs to screening and jobs). */
  audit: AuditService;
  /** Batch screening jobs: uploads, the queue and this replica's workers. */
  jobs: JobService;
  /** Dataset versions: imports, history, changes. */
  datasets: DatasetService;
  /** Ongoing monitoring: monitored counterparties, alerts, the re-screens that follow new list versions. */
  monitoring: MonitoringService;
  /** Signed webhooks: endpoints, publishing (see `enqueueWebhookEvent`) and this replica's dispatcher. */
  webhooks: WebhookService;
  /** The snapshots this replica screens against (current, and those of jobs in flight). */
  snapshots: SnapshotStore;
  /** The data in force (`snapshot`: undefined until `prepare()` finishes, i.e. readiness), or why it failed. */
  data: { readonly snapshot: DataSnapshot | undefined; error?: Error };
  /**
   * Migrates the database, checks keys and loads the data; resolves when the service is ready. While the database
   * cannot be reached it waits and tries again (readiness stays 503) instead of failing; any other error rejects.
   */
  prepare(): Promise<DataSnapshot>;
  close(): Promise<void>;
}

export interface ContextOverrides {
  log?: Logger;
  database?: DatabaseHandle;
}

const DAY_MS = 86_400_000;
// While the database is unreachable at start-up, tries are this far apart, doubling up to the maximum.
const STARTUP_RETRY_FIRST_MS = 500;
const STARTUP_RETRY_MAX_MS = 2_000;
// Retention runs at startup and then this often.
const RETENTION_INTERVAL_MS = 3_600_000;
// A scheduled list fetch is checked for this often (the fetch itself happens once per UN_LIST_REFRESH_MINUTES).
const FETCH_CHECK_INTERVAL_MS = 60_000;
const FETCH_TIMEOUT_MS = 120_000;

/** Builds every dependency from the config; tests swap parts through `overrides`. */
export async function createContext(config: Config, overrides: ContextOverrides = {}): Promise<AppContext> {
  const log = overrides.log ?? pino({ level: config.LOG_LEVEL, base: { service: 'sanctions-screening' } });
  const database = overrides.database ?? (await openConfiguredDatabase(config, log.child({ component: 'database' })));
  const production = config.NODE_ENV === 'production';
  const snapshots = new SnapshotStore(database.longDb, log.child({ component: 'datasets' }), { listThresholds: listThresholds(config) });
  // Ready once prepare() has finished (the job queue started too), not as soon as the first snapshot is built.
  let prepared = false;
  const data: AppContext['data'] = {
    get snapshot() {
      return prepared ? snapshots.current() : undefined;
    },
  };
  let retentionTimer: NodeJS.Timeout | undefined;
  let fetchTimer: NodeJS.Timeout | undefined;
  let closing = false;
  const importers = new Map<string, DatasetImporter>();
  const suppressions = createSuppressionLookup(database.db);
  const datasets = createDatasetService({
    db: database.longDb,
    log,
    snapshots,
    importers: () => importers,
    dataDir: config.DATA_DIR,
    // A new list version: the monitored book follows it (a failure there never undoes the import).
    onVersionAccepted: async (datasetId, before, after, changeSet) => {
      await webhooks.publish('dataset.updated', { datasetId, versionBefore: before[datasetId] ?? null, versionAfter: after[datasetId] ?? null, datasetVersions: after });
      await monitoring?.onNewVersion(datasetId, before, after, changeSet);
    },
  });
  // Monitoring writes alongside each job chunk (enrolment, alerts) and starts jobs: bound after both exist.
  let monitoring: MonitoringService | undefined;
  const jobs = createJobService({
    config,
    log,
    database,
    snapshot: () => snapshots.current(),
    snapshotFor: (versions) => snapshots.forVersions(versions),
    suppressions,
    onCommit: (trx, chunk) => (monitoring ? monitoring.onChunkCommit(trx, chunk) : Promise.resolve()),
  });

  function scheduleListFetch(url: string) {
    const fetchNow = () =>
      datasets
        .fetchIfDue('un', url, { intervalMinutes: config.UN_LIST_REFRESH_MINUTES, maxBytes: sizeInBytes(config.LIST_UPLOAD_LIMIT), timeoutMs: FETCH_TIMEOUT_MS })
        .catch((err: unknown) => log.error({ err, url }, 'scheduled list fetch failed'));
    void fetchNow();
    fetchTimer = setInterval(fetchNow, Math.min(FETCH_CHECK_INTERVAL_MS, config.UN_LIST_REFRESH_MINUTES * 60_000));
    fetchTimer.unref();
  }
  const metrics = createMetrics();
  const webhooks = createWebhookService({ db: database.db, log, settings: webhookSettings(config) });
  const screening = createScreeningService({ snapshot: () => snapshots.current(), suppressions, audit: new AuditWriter(database.db), metrics, log });
  monitoring = createMonitoringService({
    db: database.db,
    log: log.child({ component: 'monitoring' }),
    jobs,
    screening,
    snapshot: () => snapshots.current(),
    snapshotFor: (versions) => snapshots.forVersions(versions),
    mode: config.MONITORING_MODE,
    publish: (trx, event) => enqueueWebhookEvent(trx, event).then(() => undefined),
  });
  const monitoringService = monitoring;

  async function applyRetention() {
    if (config.AUDIT_RETENTION_DAYS === 0) return;
    const removed = await pruneScreenings(database.longDb, new Date(Date.now() - config.AUDIT_RETENTION_DAYS * DAY_MS));
    if (removed > 0) log.info({ removed, retentionDays: config.AUDIT_RETENTION_DAYS }, 'audit records past retention removed');
  }

  return {
    config,
    log,
    database,
    metrics,
    screening,
    monitoring: monitoringService,
    reference: createReferenceService(database.db, (entityId) => {
      const snapshot = snapshots.current();
      if (!snapshot) return undefined;
      const id = snapshot.subjects.subjectOf(entityId);
      const members = snapshot.subjects.membersOf(id);
      if (members.length < 2) return undefined;
      return {
        id,
        members: members.map((memberId) => {
          const member = snapshot.entities.get(memberId);
          return { entityId: memberId, dataset: member?.dataset ?? '', name: member?.primaryName ?? memberId };
        }),
        links: [...snapshot.subjects.linksOf(id)],
      };
    }),
    auth: createAuth(database.db, {
      production,
      rateLimit: { windowMs: config.RATE_LIMIT_WINDOW_MS, max: config.RATE_LIMIT_MAX },
    }),
    keys: createKeyService(database.db),
    audit: createAuditService(database.db, database.longDb),
    jobs,
    datasets,
    webhooks,
    snapshots,
    data,
    async prepare() {
      // Every step is safe to run again: migrations and data loads skip what is done, the queue starts once.
      const prepareOnce = async () => {
        await migrateToLatest(database.longDb);
        const keys = await countActiveKeys(database.db);
        if (keys === 0 && production) {
          throw new Error('NODE_ENV=production and no API key exists: create one with `npm run keys -- create --name <name> --scopes screen,read`');
        }
        if (keys === 0) {
          log.warn('NO API KEYS EXIST: the service is OPEN, every request is allowed without a key (development only; create a key to close it)');
        }
        const { lists, switchedOff } = configuredLists(config, await createImporters(config.DATA_DIR));
        for (const list of lists) importers.set(list.importer.datasetId, list.importer);
        await syncBundledDatasets(database.longDb, { dataDir: config.DATA_DIR, log, lists, switchedOff });
        await snapshots.refresh();
        const snapshot = snapshots.current();
        if (!snapshot) throw new Error('no dataset version is current after loading the bundled data');
        snapshots.startPolling(config.DATASET_POLL_INTERVAL_MS);
        // The job queue starts before readiness: once /readyz is 200, uploads are accepted.
        await jobs.start();
        webhooks.start();
        if (config.AUDIT_RETENTION_DAYS > 0 && !retentionTimer) {
          retentionTimer = await runNowAndEvery(applyRetention, RETENTION_INTERVAL_MS, log, 'audit retention');
        }
        if (config.UN_LIST_URL !== undefined && !fetchTimer) scheduleListFetch(config.UN_LIST_URL);
        return snapshot;
      };
      let delayMs = STARTUP_RETRY_FIRST_MS;
      for (let attempt = 1; ; attempt++) {
        try {
          const snapshot = await prepareOnce();
          prepared = true;
          return snapshot;
        } catch (error) {
          if (closing || !isDatabaseUnavailable(error)) {
            data.error = error instanceof Error ? error : new Error(String(error));
            throw error;
          }
          log.warn({ attempt, retryInMs: delayMs, reason: error instanceof Error ? error.message : String(error) }, 'database unreachable at start-up; waiting for it');
          await sleep(delayMs);
          delayMs = Math.min(delayMs * 2, STARTUP_RETRY_MAX_MS);
        }
      }
    },
    async close() {
      closing = true;
      if (retentionTimer) clearInterval(retentionTimer);
      if (fetchTimer) clearInterval(fetchTimer);
      snapshots.stop();
      await jobs.stop();
      await webhooks.stop();
      await database.close();
    },
  };
}
