import { listsToScreen } from '../screening/screen-names';
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { ChangeSet, FieldChange } from '../datasets/change-set';
import { changeSetInThread } from '../datasets/import-work';
import type { DataSnapshot } from '../datasets/load-snapshot';
import { findEntitiesOfVersion } from '../datasets/version-repository';
import type { AlertsTable, Database } from '../db/schema';
import type { ChunkCommitHook } from '../jobs/process-chunk';
import type { JobRow } from '../jobs/job-repository';
import type { JobService } from '../jobs/job-service';
import type { ScreeningService } from '../screening/screening-service';
import { TIME_ID_CURSOR } from '../db/exact-time';
import { decodeCursor, encodeCursor } from '../shared/pagination';
import { NotFoundError, ServiceUnavailableError } from '../shared/errors';
import {
  allMonitors,
  closeAlertsOn,
  deleteMonitor,
  findAlert,
  findCurrentMatches,
  findMonitors,
  insertAlerts,
  listAlerts,
  listMonitors,
  referencesMatching,
  replaceCurrentMatches,
  screeningRowOf,
  updateAlert,
  upsertMonitors,
  type AlertFilters,
  type AlertRow,
  type MonitorInput,
  type MonitorRow,
  type NewAlert,
} from './monitor-repository';
import { referencesToRescreenInThread } from './reverse-delta';

/** A monitoring job's run: why it re-screens these counterparties, against which versions, and what changed. */
export interface MonitorRun {
  mode: 'delta' | 'full';
  datasetId: string;
  versionsBefore: Record<string, string>;
  versionsAfter: Record<string, string>;
  /** The entries the new version amended, with their field-level diff. */
  amended: Record<string, FieldChange[]>;
  /** The entries it removed. */
  removed: string[];
}

/** A match as a job row's result holds it (the screening response's match). */
interface RowMatch {
  entityId: string;
  name: string;
  score: number;
  isMatch: boolean;
  suppressedBy?: unknown;
}

/** Events other capabilities publish in the chunk's transaction (webhooks). */
export type AlertEventSink = (trx: Transaction<Database>, event: { type: 'alert.created' | 'alert.closed'; data: Record<string, unknown> }) => Promise<void>;


/**
 * Ongoing monitoring. Counterparties are enrolled (POST /v1/monitors, or a job with ?monitor=true) with what they
 * match now. Each new list version starts a monitoring job: by default the reverse delta — the version's added and
 * amended entries looked up among the counterparties, plus the counterparties that matched an amended or removed
 * entry — or a full re-screen of the book. Its chunks run through the job queue like any batch job (crash-safe, any
 * replica), and each chunk's commit compares every counterparty's new matches with its previous ones: a new match,
 * an amended listing still matched, or a match gone raise alerts, in the chunk's transaction.
 */
export function createMonitoringService(deps: {
  db: Kysely<Database>;
  log: Logger;
  jobs: JobService;
  screening: ScreeningService;
  snapshot: () => DataSnapshot | undefined;
  /** The snapshot of given dataset versions (a run's "after"). */
  snapshotFor: (versions: Readonly<Record<string, string>>) => Promise<DataSnapshot>;
  /** How a new list version is followed: `delta` (default), `full`, or `off`. */
  mode: 'delta' | 'full' | 'off';
  publish?: AlertEventSink;
}) {
  const { db, log } = deps;

  /** Screens counterparties now (their audit records written) and records what each matches. */
  async function screenAndRecord(references: readonly string[], apiKeyId: string | null) {
    const monitors = await findMonitors(db, references);
    if (monitors.length === 0) return [];
    const items = monitors.map((monitor) => {
      const { lists, ...row } = screeningRowOf(monitor);
      return { ...row, ...(lists !== undefined ? { lists: lists.split(',') } : {}) };
    });
    const batch = await deps.screening.screenBatch(
      { items: items as never, limit: 10 },
      { apiKeyId, request: { items, monitoring: true } },
    );
    await db.transaction().execute(async (trx) => {
      for (const result of batch.results) {
        const matches = (result.matches as RowMatch[]).filter((m) => m.isMatch);
        await replaceCurrentMatches(trx, result.id, result.screeningId, matches);
      }
    });
    return batch.results;
  }

  /** The chunk hook: enrolment for uploads with ?monitor=true, state and alerts for monitoring jobs. */
  const onChunkCommit: ChunkCommitHook = async (trx, { job, rows, screened }) => {
    if (job.kind === 'upload') {
      if (!job.monitor) return;
      const inputs = new Map(rows.map((row) => [row.ordinal, row.input as Record<string, unknown>]));
      let enrolled = 0;
      let notEnrolled = 0;
      for (const row of screened) {
        if (row.decision === 'invalid' || row.screeningId === null) continue;
        if (row.reference === null || row.reference.trim() === '') {
          notEnrolled += 1;
          continue;
        }
        const input = inputs.get(row.ordinal) ?? {};
        const text = (key: string) => (typeof input[key] === 'string' && input[key] !== '' ? (input[key] as string) : undefined);
        const lists = text('lists')?.split(',').map((id) => id.trim()).filter((id) => id !== '') ?? job.lists ?? undefined;
        await upsertMonitors(
          trx,
          [{ reference: row.reference, name: text('name') ?? '', type: (text('type') as MonitorInput['type'] | undefined) ?? 'any', country: text('country'), birthDate: text('birthDate'), lists }],
          job.api_key_id,
        );
        await replaceCurrentMatches(trx, row.reference, row.screeningId, (JSON.parse(row.matchesJson) as RowMatch[]).filter((m) => m.isMatch));
        enrolled += 1;
      }
      await trx
        .updateTable('jobs')
        .set((eb) => ({ enrolled: eb('enrolled', '+', enrolled), not_enrolled: eb('not_enrolled', '+', notEnrolled) }))
        .where('id', '=', job.id)
        .execute();
      return;
    }
    await raiseAlerts(trx, job, screened);
  };

  async function raiseAlerts(trx: Transaction<Database>, job: JobRow, screened: Parameters<ChunkCommitHook>[1]['screened']) {
    const run = job.monitor_run as MonitorRun;
    const references = screened.flatMap((row) => (row.reference !== null && row.screeningId !== null ? [row.reference] : []));
    const [previous, present] = await Promise.all([findCurrentMatches(trx, references), findMonitors(trx, references)]);
    const stillMonitored = new Set(present.map((m) => m.reference));
    const alerts: NewAlert[] = [];
    const closed: string[] = [];
    for (const row of screened) {
      const reference = row.reference;
      if (reference === null || row.screeningId === null || !stillMonitored.has(reference)) continue;
      const matches = (JSON.parse(row.matchesJson) as RowMatch[]).filter((m) => m.isMatch);
      const before = previous.get(reference) ?? new Map<string, { score: number; screeningId: string }>();
      const alert = (kind: AlertsTable['kind'], entityId: string, entityName: string, match: unknown, changes?: unknown): NewAlert => ({
        id: randomUUID(),
        kind,
        reference,
        entityId,
        entityName,
        jobId: job.id,
        screeningId: row.screeningId as string,
        versionsBefore: run.versionsBefore,
        versionsAfter: run.versionsAfter,
        match,
        changes,
      });
      for (const match of matches) {
        if (match.suppressedBy !== undefined) continue;
        if (!before.has(match.entityId)) alerts.push(alert('new-match', match.entityId, match.name, match));
        else if (run.amended[match.entityId]) alerts.push(alert('match-amended', match.entityId, match.name, match, run.amended[match.entityId]));
      }
      const now = new Set(matches.map((m) => m.entityId));
      for (const [entityId, last] of before) {
        if (now.has(entityId)) continue;
        const removedFromList = run.removed.includes(entityId);
        const name = (await nameBefore(trx, entityId, run.versionsBefore)) ?? entityId;
        alerts.push(alert('match-removed', entityId, name, { entityId, name, lastScore: last.score, lastScreeningId: last.screeningId, reason: removedFromList ? 'the entry was removed from the list' : 'the counterparty no longer matches the entry' }));
        closed.push(...(await closeAlertsOn(trx, reference, entityId, removedFromList ? 'the entry was removed from the list' : 'the counterparty no longer matches the entry')));
      }
      await replaceCurrentMatches(trx, reference, row.screeningId, matches);
    }
    const created = new Set(await insertAlerts(trx, alerts));
    if (deps.publish) {
      for (const alert of alerts.filter((a) => created.has(a.id))) await deps.publish(trx, { type: 'alert.created', data: alertEventData(alert) });
      for (const id of closed) await deps.publish(trx, { type: 'alert.closed', data: { id, reason: 'listing removed or no longer matched' } });
    }
  }

  /**
   * Starts the monitoring job that follows a new version of a dataset: the reverse delta (default) or a full re-screen.
   * Returns the job, or null when there is nobody to re-screen.
   */
  async function followNewVersion(
    datasetId: string,
    versionsBefore: Record<string, string>,
    versionsAfter: Record<string, string>,
    mode: 'delta' | 'full',
    /** The import's own change set between the two versions, when the caller has it (else worked out here). */
    known?: ChangeSet,
  ) {
    const before = versionsBefore[datasetId];
    const after = versionsAfter[datasetId];
    if (after === undefined) throw new Error(`no current version of dataset "${datasetId}"`);
    const changeSet: ChangeSet =
      known ??
      (await changeSetInThread(before === undefined ? [] : await findEntitiesOfVersion(db, datasetId, before), await findEntitiesOfVersion(db, datasetId, after)));
    const run: MonitorRun = {
      mode,
      datasetId,
      versionsBefore,
      versionsAfter,
      amended: Object.fromEntries(changeSet.amended.map((entry) => [entry.entityId, entry.changes])),
      removed: changeSet.removed.map((entry) => entry.entityId),
    };
    const rows: Record<string, string>[] = [];
    if (mode === 'full') {
      for await (const page of allMonitors(db)) rows.push(...page.map(screeningRowOf));
    } else {
      const snapshot = await deps.snapshotFor(versionsAfter);
      const changed = [...changeSet.added, ...changeSet.amended].flatMap((entry) => snapshot.entities.get(entry.entityId) ?? []);
      const monitors: MonitorRow[] = [];
      for await (const page of allMonitors(db)) monitors.push(...page);
      const wanted = await referencesToRescreenInThread(monitors, changed);
      for (const reference of await referencesMatching(db, [...Object.keys(run.amended), ...run.removed])) wanted.add(reference);
      rows.push(...monitors.filter((m) => wanted.has(m.reference)).map(screeningRowOf));
    }
    if (rows.length === 0) {
      log.info({ dataset: datasetId, mode, changes: { added: changeSet.added.length, amended: changeSet.amended.length, removed: changeSet.removed.length } }, 'new version: no monitored counterparty to re-screen');
      return null;
    }
    const job = await deps.jobs.createInternal({ kind: 'monitoring', rows, run, datasetVersions: versionsAfter });
    log.info({ dataset: datasetId, mode, jobId: job.id, counterparties: rows.length }, 'monitoring re-screen started');
    return job;
  }

  return {
    onChunkCommit,
    followNewVersion,

    /** Called after a new version of a dataset became current (upload or scheduled fetch). */
    async onNewVersion(datasetId: string, versionsBefore: Record<string, string>, versionsAfter: Record<string, string>, changeSet?: ChangeSet) {
      if (deps.mode === 'off') return null;
      return followNewVersion(datasetId, versionsBefore, versionsAfter, deps.mode, changeSet);
    },

    /** Enrols or updates counterparties; new and changed ones are screened now (with their audit records). */
    async upsert(items: readonly MonitorInput[], apiKeyId: string | null) {
      const snapshot = deps.snapshot();
      if (!snapshot) throw new ServiceUnavailableError('the screening data is still loading', 5);
      // Lists that are not loaded are refused before anything is written.
      for (const item of items) if (item.lists !== undefined) listsToScreen(snapshot, item.lists);
      const { created, updated, unchanged } = await upsertMonitors(db, items, apiKeyId);
      const results = new Map((await screenAndRecord([...created, ...updated], apiKeyId)).map((r) => [r.id, r]));
      const status = (reference: string) => (created.includes(reference) ? 'created' : updated.includes(reference) ? 'updated' : 'unchanged');
      return {
        items: items.map((item) => {
          const result = results.get(item.reference);
          return {
            reference: item.reference,
            status: status(item.reference),
            ...(result ? { screeningId: result.screeningId, decision: result.decision, matches: (result.matches as RowMatch[]).filter((m) => m.isMatch).length } : {}),
          };
        }),
        summary: { created: created.length, updated: updated.length, unchanged: unchanged.length },
      };
    },

    async get(reference: string) {
      const [monitor] = await findMonitors(db, [reference]);
      if (!monitor) throw new NotFoundError(`no monitored counterparty has reference "${reference}"`);
      const matches = (await findCurrentMatches(db, [reference])).get(reference) ?? new Map();
      return { ...presentMonitor(monitor), matches: [...matches].map(([entityId, m]) => ({ entityId, score: m.score, screeningId: m.screeningId })) };
    },

    async remove(reference: string) {
      if (!(await deleteMonitor(db, reference))) throw new NotFoundError(`no monitored counterparty has reference "${reference}"`);
    },

    async list(limit: number, cursor?: string) {
      const rows = await listMonitors(db, limit, cursor === undefined ? undefined : decodeCursor(cursor));
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { items: page.map(presentMonitor), nextCursor: rows.length > limit && last ? encodeCursor(last.reference) : null };
    },

    async listAlerts(filters: AlertFilters, limit: number, cursor?: string) {
      const after = cursor === undefined ? undefined : decodeCursor(cursor, TIME_ID_CURSOR);
      const space = after?.indexOf(' ') ?? -1;
      const rows = await listAlerts(db, filters, limit, after === undefined ? undefined : { createdAt: after.slice(0, space), id: after.slice(space + 1) });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { items: page.map(presentAlert), nextCursor: rows.length > limit && last ? encodeCursor(`${last.created_exact} ${last.id}`) : null };
    },

    async getAlert(id: string) {
      const alert = await findAlert(db, id);
      if (!alert) throw new NotFoundError(`alert "${id}" does not exist`);
      return presentAlert(alert);
    },

    async updateAlert(id: string, change: { status: AlertsTable['status']; note?: string }, by: string | null) {
      const updated = await db.transaction().execute(async (trx) => {
        const row = await updateAlert(trx, id, { ...change, by });
        if (row && change.status === 'closed' && deps.publish) await deps.publish(trx, { type: 'alert.closed', data: { id, reason: 'closed by an analyst' } });
        return row;
      });
      if (!updated) throw new NotFoundError(`alert "${id}" does not exist`);
      return presentAlert(updated);
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;

function presentMonitor(monitor: MonitorRow) {
  return {
    reference: monitor.reference,
    name: monitor.name,
    type: monitor.type,
    country: monitor.country,
    birthDate: monitor.birth_date,
    lists: monitor.lists,
    createdAt: new Date(monitor.created_at).toISOString(),
    updatedAt: new Date(monitor.updated_at).toISOString(),
    lastScreeningId: monitor.screening_id,
    lastScreenedAt: monitor.screened_at === null ? null : new Date(monitor.screened_at).toISOString(),
  };
}

export function presentAlert(alert: AlertRow) {
  return {
    id: alert.id,
    kind: alert.kind,
    status: alert.status,
    reference: alert.reference,
    entityId: alert.entity_id,
    entityName: alert.entity_name,
    screeningId: alert.screening_id,
    jobId: alert.job_id,
    datasetVersionsBefore: alert.versions_before,
    datasetVersionsAfter: alert.versions_after,
    match: alert.match,
    changes: alert.changes,
    note: alert.note,
    updatedBy: alert.updated_by,
    closedReason: alert.closed_reason,
    createdAt: new Date(alert.created_at).toISOString(),
    updatedAt: new Date(alert.updated_at).toISOString(),
  };
}

/** An entry's primary name in the versions a run started from (a removed entry is not in the new snapshot). */
async function nameBefore(db: Kysely<Database>, entityId: string, versions: Record<string, string>): Promise<string | undefined> {
  const row = await db
    .selectFrom('entity_versions')
    .select('record')
    .where('entity_id', '=', entityId)
    .where('version', 'in', Object.values(versions))
    .executeTakeFirst();
  return row?.record.primaryName;
}

function alertEventData(alert: NewAlert): Record<string, unknown> {
  return {
    id: alert.id,
    kind: alert.kind,
    reference: alert.reference,
    entityId: alert.entityId,
    screeningId: alert.screeningId,
    datasetVersionsBefore: alert.versionsBefore,
    datasetVersionsAfter: alert.versionsAfter,
  };
}
