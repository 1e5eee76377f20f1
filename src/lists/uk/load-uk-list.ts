import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { LoadedDataset, Source } from '../../model/entity';
import { ListFileStructureError } from '../list-file-error';
import { createUkCountryResolver, groupRowsByGroupId, mapUkGroup, UK_CONSOLIDATED_LIST_URL, UK_DATASET_ID } from './map-uk-entity';
import { parseConsolidatedRows, type UkConsolidatedRows } from './parse-conlist-rows';
import { detectConListFormat, readCsvRows, readXlsxSheets } from './read-conlist-sheet';

export const UK_DATASET_NAME = 'UK Consolidated List of Financial Sanctions Targets (OFSI)';
const UK_PUBLISHER = 'HM Treasury, Office of Financial Sanctions Implementation (OFSI)';

/**
 * Where each known copy of the list came from, by sha256 of the file (the service never downloads the list; this
 * copy was found in a public repository, see the reference README).
 */
const KNOWN_COPIES: Readonly<Record<string, string>> = {
  abe8ec65f5bcfe9397ab2d604f9057ef86fcbb5c273691a260f91b807aa0ee59:
    "Copy of OFSI's own XLSX export of the consolidated list (\"Last Updated 14/04/2025\"), committed to the public " +
    'GitHub repository mmahmed107/malverde_data_task (commit 038e9e88).',
};

const UNKNOWN_COPY_NOTE = "Copy of OFSI's consolidated list export; where this copy came from is not recorded.";
const LICENCE_NOTE =
  'Licensed under the Open Government Licence v3.0: "Contains public sector information licensed under the Open ' +
  'Government Licence v3.0." Loaded as published: one row per name, grouped by OFSI Group ID.';

/** Length of the hash prefix that names a list file without a "Last Updated" date. */
const UNDATED_ID_HASH_CHARS = 12;

function listFileSource(input: { sourceDate: string | null; sha256: string; id: string; format: string }): Source {
  const { sourceDate, sha256, id, format } = input;
  return {
    id,
    kind: 'list-file',
    title: sourceDate === null ? UK_DATASET_NAME : `${UK_DATASET_NAME}, last updated ${sourceDate}`,
    publisher: UK_PUBLISHER,
    url: UK_CONSOLIDATED_LIST_URL,
    ...(sourceDate !== null ? { date: sourceDate } : {}),
    sha256,
    notes: `${KNOWN_COPIES[sha256] ?? UNKNOWN_COPY_NOTE} Format: ${format}. ${LICENCE_NOTE}`,
    sections: [],
  };
}

/**
 * The list's rows from the first worksheet that has the list's header (OFSI's export has one sheet, "Data"); a
 * workbook where none has it is refused with the first sheet's problems.
 */
async function parseXlsx(bytes: Uint8Array): Promise<UkConsolidatedRows> {
  const sheets = await readXlsxSheets(bytes);
  let firstError: unknown;
  for (const sheet of sheets) {
    try {
      return parseConsolidatedRows(sheet.rows);
    } catch (error) {
      if (!(error instanceof ListFileStructureError)) throw error;
      firstError ??= error;
    }
  }
  throw firstError ?? new ListFileStructureError('the workbook has no worksheets', [{ path: 'file', message: 'no worksheets' }]);
}

/**
 * Maps the bytes of one OFSI consolidated list file, XLSX or CSV (told apart by content: a zip archive is XLSX),
 * into the canonical model: one entity per Group ID with a `uk-sanctions` flag, and the list-file source they cite
 * (`uk-consolidated-<Last Updated>`). The content hash is the sha256 of the bytes. Rows that cannot be read are
 * reported in `skippedRows` (with their line) and left out; the rest is imported. Throws
 * {@link ListFileStructureError} for a file whose structure is wrong as a whole: empty, neither XLSX nor CSV,
 * missing a required column, or without data rows.
 */
export async function readUkConsolidatedList(bytes: Uint8Array): Promise<LoadedDataset> {
  if (bytes.byteLength === 0) {
    throw new ListFileStructureError('the file is empty', [{ path: 'file', message: 'the file has no bytes' }]);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = detectConListFormat(bytes);
  const parsed = format === 'xlsx' ? await parseXlsx(bytes) : parseConsolidatedRows(readCsvRows(bytes));
  const sourceDate = parsed.lastUpdatedIso ?? null;
  const listSourceId = `uk-consolidated-${sourceDate ?? `sha256-${sha256.slice(0, UNDATED_ID_HASH_CHARS)}`}`;

  const context = { listSourceId, resolveCountry: createUkCountryResolver() };
  const entities = groupRowsByGroupId(parsed.rows).map((rows) => mapUkGroup(rows, context));

  return {
    id: UK_DATASET_ID,
    name: UK_DATASET_NAME,
    contentHash: sha256,
    sourceDate,
    entities,
    sources: [listFileSource({ sourceDate, sha256, id: listSourceId, format: format === 'xlsx' ? "OFSI's XLSX export (ConList.xlsx)" : "OFSI's CSV export (ConList.csv)" })],
    skippedRows: parsed.skippedRows,
  };
}

/** Loads one OFSI consolidated list file from disk (see {@link readUkConsolidatedList}); reads it, never edits it. */
export async function loadUkConsolidatedList(filePath: string): Promise<LoadedDataset> {
  return readUkConsolidatedList(await fs.readFile(filePath));
}
