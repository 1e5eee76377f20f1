import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema';
import { bundledDatasets, filesVersion, type BundledDataOptions } from '../lists/load-bundled';
import type { DatasetImporter } from './dataset-importers';
import { importDatasetVersion, type ImportInput, type ImportOutcome } from './import-version';
import { findCurrentVersion } from '../reference/dataset-repository';
import { findVersionFile } from './version-repository';

export interface SyncBundledOptions extends BundledDataOptions {
  log: Logger;
  unImporter: DatasetImporter;
}

/**
 * Brings the database up to the bundled data at start-up. The investigation and the resolutions are the deploy's
 * own: a changed file, or a new importer, records a new version with its change set. The UN list is not: a new
 * database starts from `UN_LIST_FILE`, a later bundled file replaces only a version that itself came from the
 * bundle (never an uploaded or fetched one, never with an older list), and a new importer re-maps the version in
 * force from its stored file. Bundled data that fails its checks throws: the service does not start on it.
 */
export async function syncBundledDatasets(db: Kysely<Database>, options: SyncBundledOptions): Promise<void> {
  const { log } = options;
  for (const spec of bundledDatasets(options)) {
    const version = await filesVersion(spec.files);
    const current = await findCurrentVersion(db, spec.id);
    if (current?.version === version && current.importerVersion === spec.importerVersion) {
      log.info({ dataset: spec.id, version, status: 'unchanged' }, 'dataset unchanged');
      continue;
    }
    const base = { datasetId: spec.id, importerVersion: spec.importerVersion, trigger: 'bundled', importedBy: null, force: false, gated: false } as const;
    report(log, await importDatasetVersion(db, { ...base, sha256: version, byteCount: null, read: spec.load }));
  }
  await syncBundledUnList(db, options);
}

async function syncBundledUnList(db: Kysely<Database>, options: SyncBundledOptions): Promise<void> {
  const { log, unImporter: importer } = options;
  const bytes = await fs.readFile(path.resolve(options.dataDir, options.unListFile));
  const version = createHash('sha256').update(bytes).digest('hex');
  const current = await findCurrentVersion(db, importer.datasetId);
  const fromFile = (trigger: ImportInput['trigger'], file: Uint8Array): ImportInput => ({
    datasetId: importer.datasetId,
    importerVersion: importer.importerVersion,
    trigger,
    importedBy: null,
    force: false,
    gated: false,
    sha256: createHash('sha256').update(file).digest('hex'),
    byteCount: file.byteLength,
    read: () => importer.read(file),
    file: { contentType: importer.contentTypes[0] ?? 'application/octet-stream', bytes: file },
  });

  const bundledCurrent = current !== null && (current.trigger === 'bundled' || current.trigger === null);
  const bundledDate = generationDate(bytes);
  const bundledIsNewer = current?.sourceDate == null || bundledDate === null || bundledDate >= current.sourceDate;
  if (current === null || (current.version === version && current.importerVersion !== importer.importerVersion) || (current.version !== version && bundledCurrent && bundledIsNewer)) {
    report(log, await importDatasetVersion(db, fromFile('bundled', bytes)));
    return;
  }
  if (current.importerVersion === importer.importerVersion) {
    log.info({ dataset: importer.datasetId, version: current.version, status: 'unchanged', trigger: current.trigger }, 'dataset unchanged');
    return;
  }
  const stored = await findVersionFile(db, importer.datasetId, current.version);
  if (!stored) {
    log.warn({ dataset: importer.datasetId, version: current.version }, 'the version in force was mapped by an older importer and its file is not stored: it stays as mapped');
    return;
  }
  report(log, await importDatasetVersion(db, fromFile('remap', stored.bytes)));
}

/** The list's own generation date (YYYY-MM-DD) from its root element, without parsing the file. */
function generationDate(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('utf8');
  return /dateGenerated="(\d{4}-\d{2}-\d{2})/.exec(head)?.[1] ?? null;
}

/** Logs an import's outcome; a refused bundled file stops the start. */
function report(log: Logger, outcome: ImportOutcome): void {
  if (outcome.status === 'refused') {
    const problems = outcome.problems.map((p) => `${p.path}: ${p.message}`);
    throw new Error(`bundled dataset ${outcome.datasetId} refused: ${outcome.reason ?? ''}${problems.length > 0 ? `\n  ${problems.join('\n  ')}` : ''}`);
  }
  log.info(
    { dataset: outcome.datasetId, version: outcome.version, status: outcome.status, entities: outcome.entityCount, changes: outcome.changes, reason: outcome.reason },
    `dataset ${outcome.status}`,
  );
}
