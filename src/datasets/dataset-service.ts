import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, ImportTrigger } from '../db/schema';
import { TIME_ID_CURSOR } from '../db/exact-time';
import { decodeCursor, encodeCursor } from '../shared/pagination';
import { BadRequestError, HttpError, NotFoundError } from '../shared/errors';
import { computeChangeSet, summarizeChangeSet, type ChangeSet } from './change-set';
import type { DatasetImporter } from './dataset-importers';
import { importDatasetVersion, type ImportOutcome } from './import-version';
import { changeSetInThread, readInThread } from './import-work';
import type { SnapshotStore } from './snapshots';
import {
  claimScheduledFetch,
  findEntitiesOfVersion,
  findVersion,
  insertImport,
  listImports,
  listVersions,
} from './version-repository';

export interface DatasetServiceDeps {
  db: Kysely<Database>;
  log: Logger;
  snapshots: SnapshotStore;
  /** The datasets whose versions arrive as files, by id; known once the service has prepared. */
  importers: () => ReadonlyMap<string, DatasetImporter>;
  /** Where an import thread reads what the importers need (the resolutions' text). */
  dataDir: string;
  /**
   * Started after an accepted import has switched this replica (the webhook event, the monitoring re-screen); not
   * awaited by the import, and its failure is logged, never the import's.
   */
  onVersionAccepted?: (datasetId: string, versionsBefore: Record<string, string>, versionsAfter: Record<string, string>, changeSet: ChangeSet | undefined) => Promise<void>;
}

export interface UploadedFile {
  bytes: Uint8Array;
  contentType: string;
}

/** What the caller of an import gets back: the outcome, and the changes it made when accepted. */
export interface ImportResult extends ImportOutcome {
  /** True once this replica screens against the new version. */
  switched: boolean;
}


/**
 * Dataset versions: imports (upload and scheduled fetch), the version history, the import log and the change
 * feed. An accepted import switches this replica's snapshot before it returns; the others follow by polling.
 */
export function createDatasetService(deps: DatasetServiceDeps) {
  const { db, log, snapshots } = deps;

  function importerOf(datasetId: string): DatasetImporter {
    const importer = deps.importers().get(datasetId);
    if (!importer) {
      const known = [...deps.importers().keys()].join(', ');
      throw new NotFoundError(`dataset "${datasetId}" takes no uploaded versions (datasets that do: ${known}); bundled datasets change with a deploy`);
    }
    return importer;
  }

  async function importFile(
    datasetId: string,
    file: UploadedFile,
    options: { force: boolean; importedBy: string | null; trigger: ImportTrigger; sourceDate?: string },
  ): Promise<ImportResult> {
    const importer = importerOf(datasetId);
    const outcome = await importDatasetVersion(db, {
      datasetId,
      importerVersion: importer.importerVersion,
      trigger: options.trigger,
      importedBy: options.importedBy,
      force: options.force,
      gated: true,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      byteCount: file.bytes.byteLength,
      // The CPU work runs in threads, so screenings keep their answers coming meanwhile.
      read: () => readInThread(datasetId, deps.dataDir, file.bytes, options.sourceDate !== undefined ? { sourceDate: options.sourceDate } : {}),
      changeSet: changeSetInThread,
      file: { contentType: file.contentType, bytes: file.bytes },
    });
    const before = snapshots.current()?.versions;
    const switched = outcome.status === 'accepted' ? await snapshots.refresh().then(() => true) : false;
    const after = snapshots.current()?.versions;
    if (switched && before && after && deps.onVersionAccepted) {
      // In the background: the answer does not wait for the monitored book's re-screen to be set up.
      void deps.onVersionAccepted(datasetId, { ...before }, { ...after }, outcome.changeSet).catch((error: unknown) =>
        log.error({ err: error, dataset: datasetId, version: outcome.version }, 'could not start monitoring for the new version'),
      );
    }
    log.info({ dataset: datasetId, import: outcome.id, status: outcome.status, version: outcome.version, changes: outcome.changes, reason: outcome.reason }, `dataset import ${outcome.status}`);
    return { ...outcome, switched };
  }

  return {
    /** The content types an upload of this dataset may carry (404 for a dataset that takes no uploads). */
    contentTypesOf(datasetId: string): readonly string[] {
      return importerOf(datasetId).contentTypes;
    },

    importFile,

    /**
     * Fetches `url` and imports what it serves, if this replica claims the fetch that is due (one replica per
     * interval). A fetch that fails is recorded as a failed import. Returns the outcome, or null when not due here.
     */
    async fetchIfDue(datasetId: string, url: string, options: { intervalMinutes: number; maxBytes: number; timeoutMs: number }): Promise<ImportResult | null> {
      if (!(await claimScheduledFetch(db, datasetId, options.intervalMinutes))) return null;
      const startedAt = new Date().toISOString();
      let file: UploadedFile;
      try {
        file = await download(url, options);
      } catch (error) {
        const reason = `fetching ${url} failed: ${(error as Error).message}`;
        await insertImport(db, {
          id: randomUUID(),
          dataset_id: datasetId,
          started_at: startedAt,
          finished_at: new Date().toISOString(),
          status: 'failed',
          reason,
          problems: [],
          trigger: 'schedule',
          imported_by: null,
          forced: false,
          sha256: null,
          byte_count: null,
          version: null,
          source_date: null,
          entity_count: null,
          previous_version: null,
          changes: null,
          build_ms: null,
        });
        log.warn({ dataset: datasetId, url, reason }, 'scheduled list fetch failed');
        return null;
      }
      return importFile(datasetId, file, { force: false, importedBy: null, trigger: 'schedule' });
    },

    async listVersions(datasetId: string, page: { limit: number; cursor?: string }) {
      const after = page.cursor === undefined ? undefined : splitCursor(page.cursor);
      const rows = await listVersions(db, datasetId, page.limit, after && { loadedAt: after.time, version: after.id });
      if (rows.length === 0 && after === undefined) await requireDataset(datasetId);
      const items = rows.slice(0, page.limit).map((r) => ({
        version: r.version,
        sha256: r.sha256 ?? r.version,
        sourceDate: r.source_date,
        entityCount: r.entity_count,
        importedAt: new Date(r.loaded_at).toISOString(),
        replacedAt: r.replaced_at === null ? null : new Date(r.replaced_at).toISOString(),
        current: r.current,
        trigger: r.trigger,
        importedBy: r.imported_by,
        importerVersion: r.importer_version,
        previousVersion: r.previous_version,
        changes: r.changes,
      }));
      const last = items[items.length - 1];
      const lastRow = rows[page.limit - 1];
      return { items, nextCursor: rows.length > page.limit && last && lastRow ? encodeCursor(`${lastRow.loaded_exact} ${last.version}`) : null };
    },

    async listImports(datasetId: string, page: { limit: number; cursor?: string }) {
      const after = page.cursor === undefined ? undefined : splitCursor(page.cursor);
      const rows = await listImports(db, datasetId, page.limit, after && { startedAt: after.time, id: after.id });
      if (rows.length === 0 && after === undefined) await requireDataset(datasetId);
      const items = rows.slice(0, page.limit).map((r) => ({
        id: r.id,
        status: r.status,
        reason: r.reason,
        problems: r.problems,
        trigger: r.trigger,
        importedBy: r.imported_by,
        forced: r.forced,
        startedAt: new Date(r.started_at).toISOString(),
        finishedAt: new Date(r.finished_at).toISOString(),
        sha256: r.sha256,
        bytes: r.byte_count === null ? null : Number(r.byte_count),
        version: r.version,
        sourceDate: r.source_day,
        entityCount: r.entity_count,
        previousVersion: r.previous_version,
        changes: r.changes,
      }));
      const last = items[items.length - 1];
      const lastRow = rows[page.limit - 1];
      return { items, nextCursor: rows.length > page.limit && last && lastRow ? encodeCursor(`${lastRow.started_exact} ${last.id}`) : null };
    },

    /**
     * What changed between two versions of a dataset: `to` defaults to the current version, `from` to the version
     * `to` replaced. Both must be versions of this dataset that the service keeps.
     */
    async changes(datasetId: string, range: { from?: string; to?: string }): Promise<{ datasetId: string; from: string | null; to: string; summary: ReturnType<typeof summarizeChangeSet> } & ChangeSet> {
      const toVersion = range.to ?? (await currentVersionOf(datasetId));
      const to = await findVersion(db, datasetId, toVersion);
      if (!to) throw new NotFoundError(`dataset "${datasetId}" has no version "${toVersion}"`);
      const fromVersion = range.from ?? (await previousVersionOf(datasetId, toVersion));
      if (fromVersion !== null && !(await findVersion(db, datasetId, fromVersion))) {
        throw new NotFoundError(`dataset "${datasetId}" has no version "${fromVersion}"`);
      }
      const [before, after] = await Promise.all([
        fromVersion === null ? Promise.resolve([]) : findEntitiesOfVersion(db, datasetId, fromVersion),
        findEntitiesOfVersion(db, datasetId, toVersion),
      ]);
      const changeSet = computeChangeSet(before, after);
      return { datasetId, from: fromVersion, to: toVersion, summary: summarizeChangeSet(changeSet), ...changeSet };
    },
  };

  async function requireDataset(datasetId: string): Promise<void> {
    const row = await db.selectFrom('datasets').select('id').where('id', '=', datasetId).executeTakeFirst();
    if (!row) throw new NotFoundError(`dataset "${datasetId}" does not exist`);
  }

  async function currentVersionOf(datasetId: string): Promise<string> {
    const row = await db.selectFrom('datasets').select('current_version').where('id', '=', datasetId).executeTakeFirst();
    if (!row) throw new NotFoundError(`dataset "${datasetId}" does not exist`);
    if (row.current_version === null) throw new NotFoundError(`dataset "${datasetId}" has no version yet`);
    return row.current_version;
  }

  async function previousVersionOf(datasetId: string, version: string): Promise<string | null> {
    const row = await db
      .selectFrom('dataset_versions')
      .select('previous_version')
      .where('dataset_id', '=', datasetId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row?.previous_version ?? null;
  }
}

export type DatasetService = ReturnType<typeof createDatasetService>;

function splitCursor(cursor: string): { time: string; id: string } {
  const decoded = decodeCursor(cursor, TIME_ID_CURSOR);
  const space = decoded.indexOf(' ');
  return { time: decoded.slice(0, space), id: decoded.slice(space + 1) };
}

/** GETs `url` within the size limit and time limit; the content type is what the server says. */
async function download(url: string, options: { maxBytes: number; timeoutMs: number }): Promise<UploadedFile> {
  const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
  if (!response.ok || !response.body) throw new HttpError(502, 'fetch-failed', 'Fetch failed', `HTTP ${response.status} ${response.statusText}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > options.maxBytes) throw new BadRequestError(`the file is ${declared} bytes, more than the ${options.maxBytes}-byte limit`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > options.maxBytes) throw new BadRequestError(`the file is more than the ${options.maxBytes}-byte limit`);
    chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks), contentType: (response.headers.get('content-type') ?? 'application/xml').split(';')[0]!.trim() };
}
