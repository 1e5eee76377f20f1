import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ListFileStructureError } from '../list-file-error';

/**
 * Reads the cells of OFSI's consolidated list file, XLSX or CSV, as text rows: no header is interpreted here (see
 * parse-conlist-rows.ts). Values are the published text, never trimmed or converted.
 */

/** One row of the file: where it is (XLSX row number, or the CSV line its record starts on, 1-based) and its cells. */
export interface SheetRow {
  line: number;
  cells: string[];
}

export type ConListFormat = 'xlsx' | 'csv';

/** An XLSX workbook is a zip archive, which starts with the local file header signature "PK\x03\x04". */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** The file's format by its content: a zip archive is XLSX, anything else is read as CSV. */
export function detectConListFormat(bytes: Uint8Array): ConListFormat {
  return startsWith(bytes, ZIP_MAGIC) ? 'xlsx' : 'csv';
}

/**
 * The rows of every worksheet of an XLSX workbook, in sheet order; empty rows are left out. Throws
 * {@link ListFileStructureError} when the bytes are not a workbook exceljs can open.
 */
export async function readXlsxSheets(bytes: Uint8Array): Promise<Array<{ name: string; rows: SheetRow[] }>> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer over the same memory is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ListFileStructureError(`the file is a zip archive but not a readable XLSX workbook: ${reason}`, [
      { path: 'file', message: `not a readable XLSX workbook (${reason})` },
    ]);
  }
  return workbook.worksheets.map((sheet) => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // row.values is 1-based: index 0 is always empty.
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push({ line: rowNumber, cells: Array.from(values, cellText) });
    });
    return { name: sheet.name, rows };
  });
}

/**
 * A cell's value as the text a CSV export of the sheet would hold: strings as they are, numbers in full, dates as
 * dd/mm/yyyy (the list's own date format), rich text joined, a formula's cached result, a hyperlink's text.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text?: unknown }>; text?: unknown; result?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
    if ('result' in cell) return cellText(cell.result);
    if (typeof cell.text === 'string') return cell.text;
  }
  return '';
}

/**
 * Decodes CSV bytes: UTF-8 (a byte-order mark is dropped) when they are valid UTF-8, otherwise Windows-1252, the
 * other encoding OFSI's CSV has been published in.
 */
export function decodeCsvText(bytes: Uint8Array): string {
  if (startsWith(bytes, UTF8_BOM)) return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The rows of a CSV file, in file order, each with the line its record starts on (a quoted value may span lines);
 * blank lines are left out. Throws {@link ListFileStructureError} when the text is not CSV (an unclosed quote).
 */
export function readCsvRows(bytes: Uint8Array): SheetRow[] {
  // Parsed as UTF-8 bytes so that the parser's byte offsets locate each record in `utf8`.
  const utf8 = Buffer.from(decodeCsvText(bytes), 'utf8');
  let records: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    records = parse(utf8, {
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n'],
      // With `info: true` each record comes with its parse info; the typings only know plain records.
    }) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ListFileStructureError(`the file is not readable CSV: ${reason}`, [{ path: 'file', message: `not readable CSV (${reason})` }]);
  }

  const rows: SheetRow[] = [];
  let offset = 0;
  let line = 1;
  for (const { record, info } of records) {
    // Skip the blank lines before the record, counting them: the record starts on the line after them.
    while (offset < info.bytes && (utf8[offset] === LINE_FEED || utf8[offset] === CARRIAGE_RETURN)) {
      if (utf8[offset] === LINE_FEED) line += 1;
      offset += 1;
    }
    rows.push({ line, cells: record });
    for (; offset < info.bytes; offset += 1) if (utf8[offset] === LINE_FEED) line += 1;
  }
  return rows;
}
