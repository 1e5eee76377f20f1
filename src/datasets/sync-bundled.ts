import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema';
import { bundledDatasets, filesVersion, type BundledDataOptions } from '../lists/load-bundled';
import type { DatasetImporter } from './dataset-importers';
import { importDatasetVersion, type ImportInput, type ImportOutcome } from './import-version';
import { findCurrentVersion } from '../reference/dataset-repository';
import { deactivateDataset, findVersionFile } from './version-repository';
import { OFAC_DATASET_ID, zipOfacDirectory } from '../lists/ofac';
import { UK_DATASET_ID } from '../lists/uk';
import { UN_DATASET_ID } from '../lists/un/map-un-entity';
import type { Config } from '../config';

export interface SyncBundledOptions extends BundledDataOptions {
  log: Logger;
  /** The lists in service, each with its bundled default version. */
  lists: readonly BundledList[];
  /** Lists switched off by configuration: taken out of service if they were in it. */
  switchedOff: readonly string[];
}

/**
 * Brings the database up to the bundled data at start-up. The investigation and the resolutions are the deploy's
 * own: a changed file, or a new importer, records a new version with its change set. The lists (UN, OFAC SDN, UK)
 * are not: see `syncBundledList`. A list switched off leaves service. Bundled data that fails its checks throws: the
 * service does not start on it.
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
  for (const list of options.lists) await syncBundledList(db, list, log);
  for (const datasetId of options.switchedOff) {
    if (await deactivateDataset(db, datasetId)) log.info({ dataset: datasetId }, 'dataset switched off by configuration: taken out of service (its versions are kept)');
  }
}

/**
 * A list that ships with the service as a default version: a new database starts from it; later versions come by
 * upload or fetch.
 */
export interface BundledList {
  importer: DatasetImporter;
  /** The file as the service stores it (the OFAC folder zipped), or null when the list is switched off. */
  bytes(): Promise<Uint8Array>;
  /** The list's own date (YYYY-MM-DD) as the bundle states it without reading the whole file, or null. */
  dateOf(bytes: Uint8Array): string | null;
}

/**
 * Brings one bundled list up to date: a new database (or one where the list was switched off) imports it; a later
 * bundled file replaces only a version that itself came from the bundle (never an uploaded or fetched one, never with
 * an older list); a new importer re-maps the version in force from its stored file.
 */
async function syncBundledList(db: Kysely<Database>, list: BundledList, log: Logger): Promise<void> {
  const { importer } = list;
  const bytes = await list.bytes();
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
  const bundledDate = list.dateOf(bytes);
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

/** The bundled UN list file: its date is the root element's `dateGenerated`, read without parsing the file. */
export function bundledUnList(importer: DatasetImporter, file: string): BundledList {
  return {
    importer,
    bytes: () => fs.readFile(file),
    dateOf: (bytes) => /dateGenerated="(\d{4}-\d{2}-\d{2})/.exec(Buffer.from(bytes.subarray(0, 2048)).toString('utf8'))?.[1] ?? null,
  };
}

/** A bundled OFAC SDN folder (CSV files and metadata.json), stored zipped; its date is metadata.json's. */
export function bundledOfacList(importer: DatasetImporter, folder: string): BundledList {
  return {
    importer,
    bytes: () => zipOfacDirectory(folder),
    dateOf: () => {
      try {
        const metadata = JSON.parse(readFileSync(path.join(folder, 'metadata.json'), 'utf8')) as { publicationDate?: unknown };
        return typeof metadata.publicationDate === 'string' ? metadata.publicationDate : null;
      } catch {
        return null;
      }
    },
  };
}

/** A bundled UK list file (XLSX or CSV); its date is inside the sheet, known once read. */
export function bundledFileList(importer: DatasetImporter, file: string): BundledList {
  return { importer, bytes: () => fs.readFile(file), dateOf: () => null };
}

/**
 * The lists in service by configuration, each with its bundled default (UN_LIST_FILE, OFAC_SDN_DIR, UK_LIST_FILE,
 * relative to DATA_DIR or absolute), and those switched off (an empty setting).
 */
export function configuredLists(
  config: Pick<Config, 'DATA_DIR' | 'UN_LIST_FILE' | 'OFAC_SDN_DIR' | 'UK_LIST_FILE'>,
  importers: ReadonlyMap<string, DatasetImporter>,
): { lists: BundledList[]; switchedOff: string[] } {
  const importer = (id: string) => {
    const found = importers.get(id);
    if (!found) throw new Error(`no importer for dataset "${id}"`);
    return found;
  };
  const at = (file: string) => path.resolve(config.DATA_DIR, file);
  const lists: BundledList[] = [bundledUnList(importer(UN_DATASET_ID), at(config.UN_LIST_FILE))];
  const switchedOff: string[] = [];
  if (config.OFAC_SDN_DIR.trim() === '') switchedOff.push(OFAC_DATASET_ID);
  else lists.push(bundledOfacList(importer(OFAC_DATASET_ID), at(config.OFAC_SDN_DIR)));
  if (config.UK_LIST_FILE.trim() === '') switchedOff.push(UK_DATASET_ID);
  else lists.push(bundledFileList(importer(UK_DATASET_ID), at(config.UK_LIST_FILE)));
  return { lists, switchedOff };
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
