import { createHash } from 'node:crypto';
import type { LoadedDataset, Source } from '../../model/entity';
import { ListFileStructureError } from '../list-file-error';
import { indexPrimaryNames, mapOfacRecord, OFAC_DATASET_ID, remarksWereCut } from './map-ofac-entity';
import { createOfacCountryResolver } from './ofac-country-names';
import { isIsoDate, readOfacMetadata, type OfacMetadata } from './ofac-metadata';
import { unzipOfacFiles, zipOfacFiles, type OfacSdnFiles } from './ofac-zip';
import { parseSdnFiles, type ParsedSdnFiles } from './parse-sdn-files';

export const OFAC_DATASET_NAME = 'OFAC Specially Designated Nationals (SDN) List';
/** OFAC's page for the SDN list files: the `url` of the list-file source. */
export const OFAC_SDN_LIST_URL = 'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists';
const OFAC_PUBLISHER = 'U.S. Department of the Treasury, Office of Foreign Assets Control';

/** Length of the hash prefix that names a publication without a date. */
const UNDATED_ID_HASH_CHARS = 12;

const UNKNOWN_COPY_NOTE = 'Copy of the OFAC SDN list files; where this copy came from is not recorded.';

export interface ReadOfacOptions {
  /** The publication date, YYYY-MM-DD: overrides metadata.json's `publicationDate`. */
  sourceDate?: string;
}

function publicationDateOf(metadata: OfacMetadata, options: ReadOfacOptions): { date: string | null; from: string } {
  if (options.sourceDate !== undefined) {
    if (!isIsoDate(options.sourceDate)) {
      const message = `sourceDate ${JSON.stringify(options.sourceDate)} is not a date written YYYY-MM-DD`;
      throw new ListFileStructureError(message, [{ path: 'sourceDate', message }]);
    }
    return { date: options.sourceDate, from: 'given with the upload' };
  }
  if (metadata.publicationDate !== undefined) return { date: metadata.publicationDate, from: 'stated in metadata.json' };
  return { date: null, from: 'not stated (the legacy CSV carries none and no metadata.json gave one)' };
}

function formatNote(input: { files: OfacSdnFiles; parsed: ParsedSdnFiles; cutEntries: number; dateFrom: string }): string {
  const { files, parsed, cutEntries, dateFrom } = input;
  const present = [
    `sdn.csv (${parsed.rowCounts.sdn} entries)`,
    files.alt !== undefined ? `alt.csv (${parsed.rowCounts.alt} alias rows)` : undefined,
    files.add !== undefined ? `add.csv (${parsed.rowCounts.add} address rows)` : undefined,
    files.comments !== undefined ? `sdn_comments.csv (${parsed.rowCounts.comments} remarks continued)` : undefined,
  ].filter((part): part is string => part !== undefined);
  const missing = [
    files.alt === undefined ? 'alt.csv (no aliases but the weak a.k.a. of the remarks)' : undefined,
    files.add === undefined ? 'add.csv (no addresses)' : undefined,
    files.comments === undefined ? `sdn_comments.csv (${cutEntries} entries keep remarks cut at 1,000 characters)` : undefined,
  ].filter((part): part is string => part !== undefined);
  return [
    `OFAC legacy CSV format (no header, Latin-1, -0- for an empty field), loaded as published: ${present.join(', ')}.`,
    missing.length > 0 ? `Not in this copy: ${missing.join('; ')}.` : undefined,
    `Publication date ${dateFrom}.`,
    parsed.skippedRows.length > 0 ? `${parsed.skippedRows.length} unreadable rows skipped.` : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join(' ');
}

function listFileSource(input: { id: string; date: string | null; sha256: string; notes: string }): Source {
  const { id, date, sha256, notes } = input;
  const title = 'OFAC Specially Designated Nationals (SDN) List, legacy CSV';
  return {
    id,
    kind: 'list-file',
    title: date === null ? title : `${title}, published ${date}`,
    publisher: OFAC_PUBLISHER,
    url: OFAC_SDN_LIST_URL,
    ...(date !== null ? { date } : {}),
    sha256,
    notes,
    sections: [],
  };
}

/** Reads, maps and describes one set of files whose content hash is already known. */
function readFileSet(files: OfacSdnFiles, contentHash: string, options: ReadOfacOptions): LoadedDataset {
  const metadata = files.metadata === undefined ? {} : readOfacMetadata(files.metadata);
  const publication = publicationDateOf(metadata, options);
  const parsed = parseSdnFiles(files);
  const listSourceId = `ofac-sdn-${publication.date ?? `sha256-${contentHash.slice(0, UNDATED_ID_HASH_CHARS)}`}`;
  const context = {
    listSourceId,
    publicationDate: publication.date,
    resolveCountry: createOfacCountryResolver(),
    entNumByPrimaryName: indexPrimaryNames(parsed.records),
  };
  const notes = [
    metadata.source ?? UNKNOWN_COPY_NOTE,
    formatNote({ files, parsed, cutEntries: parsed.records.filter(remarksWereCut).length, dateFrom: publication.from }),
  ].join(' ');

  return {
    id: OFAC_DATASET_ID,
    name: OFAC_DATASET_NAME,
    contentHash,
    sourceDate: publication.date,
    entities: parsed.records.map((record) => mapOfacRecord(record, context)),
    sources: [listFileSource({ id: listSourceId, date: publication.date, sha256: contentHash, notes })],
    skippedRows: parsed.skippedRows,
  };
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Maps an uploaded zip of OFAC's legacy SDN CSV files (see `unzipOfacFiles`) into the canonical model: every entry
 * an entity with a critical `ofac-sdn` flag citing the list-file source `ofac-sdn-<publication date>`
 * (`ofac-sdn-sha256-<12 hex>` when no date is known). The content hash is the sha256 of the zip's bytes; the
 * publication date is `options.sourceDate`, else metadata.json's, else null. Unreadable rows are skipped and
 * reported in `skippedRows`; a zip or file wrong as a whole throws `ListFileStructureError`.
 */
export function readOfacSdnZip(bytes: Uint8Array, options: ReadOfacOptions = {}): LoadedDataset {
  return readFileSet(unzipOfacFiles(bytes), sha256Hex(bytes), options);
}

/**
 * As {@link readOfacSdnZip}, from the files themselves. The content hash is the sha256 of the zip
 * `zipOfacDirectory` would make of them, so a folder and the zip the service stores of it are one version.
 */
export function readOfacSdnFiles(files: OfacSdnFiles, options: ReadOfacOptions = {}): LoadedDataset {
  return readFileSet(files, sha256Hex(zipOfacFiles(files)), options);
}
