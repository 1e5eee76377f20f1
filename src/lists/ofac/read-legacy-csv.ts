import { parse } from 'csv-parse/sync';
import { ListFileStructureError } from '../list-file-error';

/**
 * Reads one file of OFAC's legacy SDN CSV set (sdn.csv, alt.csv, add.csv, sdn_comments.csv): no header row,
 * Latin-1, CRLF, the DOS end-of-file byte 0x1A at the end, `-0-` for an empty field. Only decodes and splits into
 * cells; what the cells mean is parse-sdn-files.ts's job.
 */

/** The DOS end-of-file marker OFAC's legacy files end with. */
const END_OF_FILE_BYTE = 0x1a;

/** OFAC's placeholder for an empty field (unquoted, often followed by a space: `-0- `). */
const EMPTY_FIELD = '-0-';

/** One CSV row: the line it starts on and its cells (`undefined` for `-0-` or a blank cell, otherwise as published). */
export interface LegacyCsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  cells: Array<string | undefined>;
}

/** Latin-1 text of the file with the trailing 0x1A (and anything after it that is only whitespace) removed. */
export function decodeLegacyCsv(bytes: Uint8Array): string {
  let end = bytes.length;
  while (end > 0 && isAsciiWhitespace(bytes[end - 1]!)) end -= 1;
  if (end > 0 && bytes[end - 1] === END_OF_FILE_BYTE) end -= 1;
  // Buffer's 'latin1' is ISO-8859-1 byte for byte (TextDecoder's 'latin1' would be windows-1252).
  return Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('latin1');
}

function isAsciiWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** A cell as the reader hands it on: `undefined` for OFAC's `-0-` or a blank cell, otherwise untouched. */
function cellValue(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' || trimmed === EMPTY_FIELD ? undefined : value;
}

/** Line breaks inside a record's cells (a quoted field may span lines). */
function lineBreaksIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let index = cell.indexOf('\n'); index !== -1; index = cell.indexOf('\n', index + 1)) count += 1;
  }
  return count;
}

/**
 * Splits one legacy CSV file into rows, each with the line it starts on; blank lines are passed over. A stray quote
 * inside an unquoted field is read as a character (relax_quotes); a row with the wrong number of cells is returned as
 * it is, for the caller to report. Throws {@link ListFileStructureError} when the bytes are not CSV at all (a quote
 * never closed). Cells are never trimmed: a remark cut at 1,000 characters continues in sdn_comments.csv mid-word,
 * space included.
 */
export function readLegacyCsv(bytes: Uint8Array, file: string): LegacyCsvRow[] {
  let records: string[][];
  try {
    // Lines are counted from the cells rather than csv-parse's `info`, which costs as much as the parse itself.
    records = parse(decodeLegacyCsv(bytes), { relax_column_count: true, relax_quotes: true }) as string[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ListFileStructureError(`${file} is not a readable CSV file: ${reason}`, [{ path: file, message: reason }]);
  }
  const rows: LegacyCsvRow[] = [];
  let line = 1;
  for (const record of records) {
    const isBlankLine = record.length === 1 && record[0]!.trim() === '';
    if (!isBlankLine) rows.push({ line, cells: record.map(cellValue) });
    line += 1 + lineBreaksIn(record);
  }
  return rows;
}
