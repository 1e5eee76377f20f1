import type { SkippedRow } from '../../model/entity';
import { ListFileStructureError, type ListFileProblem } from '../list-file-error';
import { readLegacyCsv, type LegacyCsvRow } from './read-legacy-csv';

/**
 * Reads OFAC's legacy SDN CSV set into typed raw rows, joined by ent_num: one entry per sdn.csv row with its
 * aliases (alt.csv), addresses (add.csv) and remarks continuation (sdn_comments.csv). Values are the published
 * text: never trimmed, never converted to numbers; `undefined` stands for OFAC's `-0-`.
 *
 * Row policy: a row that cannot be read (wrong number of columns, ent_num not a number, an alias, address or
 * comment whose ent_num is not in sdn.csv) is reported in `skippedRows` with its file and line and skipped; the
 * rest goes on. A file wrong as a whole (sdn.csv without rows, most rows of a file unreadable, not CSV) is refused
 * with {@link ListFileStructureError}.
 */

export const SDN_FILE = 'sdn.csv';
export const ALT_FILE = 'alt.csv';
export const ADD_FILE = 'add.csv';
export const COMMENTS_FILE = 'sdn_comments.csv';

/** Columns of each file, in order, as OFAC's legacy CSV specification names them. */
export const SDN_COLUMNS = [
  'ent_num',
  'SDN_Name',
  'SDN_Type',
  'Program',
  'Title',
  'Call_Sign',
  'Vess_type',
  'Tonnage',
  'GRT',
  'Vess_flag',
  'Vess_owner',
  'Remarks',
] as const;
export const ALT_COLUMNS = ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'] as const;
export const ADD_COLUMNS = ['ent_num', 'add_num', 'address', 'city_state_postal', 'country', 'add_remarks'] as const;
export const COMMENTS_COLUMNS = ['ent_num', 'remarks_extended'] as const;

/**
 * More unreadable rows than this share of a file means the file itself is wrong (another format, a set mixed from
 * two publications), not a few damaged rows.
 */
export const MAX_UNREADABLE_ROW_SHARE = 0.5;

/** SDN_Type as published: `individual`, `vessel`, `aircraft`, or `-0-` (undefined) for an entity. */
export const SDN_TYPES = ['individual', 'vessel', 'aircraft'] as const;
export type SdnType = (typeof SDN_TYPES)[number];

/** One sdn.csv row. */
export interface SdnRawEntry {
  line: number;
  /** ent_num, digits as published (leading zeros removed). */
  entNum: string;
  name: string;
  /** `undefined` for `-0-`, OFAC's entity. */
  sdnType?: SdnType;
  program?: string;
  title?: string;
  callSign?: string;
  vesselType?: string;
  tonnage?: string;
  grt?: string;
  vesselFlag?: string;
  vesselOwner?: string;
  remarks?: string;
}

/** One alt.csv row. */
export interface SdnRawAlias {
  line: number;
  entNum: string;
  altNum?: string;
  /** `aka`, `fka` or `nka` as published. */
  altType?: string;
  altName: string;
  altRemarks?: string;
}

/** One add.csv row. */
export interface SdnRawAddress {
  line: number;
  entNum: string;
  addNum?: string;
  address?: string;
  /** The legacy format's one column for city, state or province and postal code. */
  cityStatePostal?: string;
  country?: string;
  addRemarks?: string;
}

/** An entry with everything the other files say about it, in file order. */
export interface SdnRawRecord {
  entry: SdnRawEntry;
  aliases: SdnRawAlias[];
  addresses: SdnRawAddress[];
  /** sdn_comments.csv text continuing Remarks where the legacy format cut it at 1,000 characters. */
  remarksContinuation?: string;
}

export interface ParsedSdnFiles {
  records: SdnRawRecord[];
  skippedRows: SkippedRow[];
  /** Rows read per file (skipped rows excluded), for the counts a caller reports. */
  rowCounts: { sdn: number; alt: number; add: number; comments: number };
}

export interface SdnFileBytes {
  sdn: Uint8Array;
  alt?: Uint8Array;
  add?: Uint8Array;
  comments?: Uint8Array;
}

const ENT_NUM = /^\s*(\d+)\s*$/;

function entNumOf(cell: string | undefined): string | undefined {
  const digits = cell === undefined ? undefined : ENT_NUM.exec(cell)?.[1];
  return digits === undefined ? undefined : String(Number.parseInt(digits, 10));
}

/** Reads a file's rows, skipping (and reporting) those whose shape or ent_num cannot be read. */
function readRows<T>(input: {
  bytes: Uint8Array;
  file: string;
  columns: readonly string[];
  skippedRows: SkippedRow[];
  problems: ListFileProblem[];
  /** Returns the typed row, or a message saying why the row cannot be read. */
  readRow: (row: LegacyCsvRow, entNum: string) => T | string;
}): T[] {
  const { bytes, file, columns, readRow } = input;
  const rows = readLegacyCsv(bytes, file);
  const read: T[] = [];
  const skipped: SkippedRow[] = [];
  for (const row of rows) {
    const skip = (message: string): void => {
      skipped.push({ file, line: row.line, message });
    };
    if (row.cells.length !== columns.length) {
      skip(`expected ${columns.length} columns (${columns.join(', ')}), found ${row.cells.length}`);
      continue;
    }
    const entNum = entNumOf(row.cells[0]);
    if (entNum === undefined) {
      skip(`ent_num ${JSON.stringify(row.cells[0] ?? '-0-')} is not a number`);
      continue;
    }
    const result = readRow(row, entNum);
    if (typeof result === 'string') skip(result);
    else read.push(result);
  }
  if (rows.length > 0 && skipped.length > rows.length * MAX_UNREADABLE_ROW_SHARE) {
    const first = skipped[0]!;
    input.problems.push({
      path: file,
      message:
        `${skipped.length} of ${rows.length} rows cannot be read, more than a damaged row or two: this is not ` +
        `OFAC's legacy ${file} of this publication (first: line ${first.line}: ${first.message})`,
    });
  }
  input.skippedRows.push(...skipped);
  return read;
}

function throwIfProblems(problems: readonly ListFileProblem[]): void {
  if (problems.length === 0) return;
  throw new ListFileStructureError(
    `the OFAC SDN files cannot be imported: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`,
    [...problems],
  );
}

function isSdnType(value: string): value is SdnType {
  return (SDN_TYPES as readonly string[]).includes(value);
}

/**
 * Reads and joins the legacy CSV files of one publication. Throws {@link ListFileStructureError} listing every
 * structural problem found (sdn.csv without rows; most rows of a file unreadable; bytes that are not CSV).
 */
export function parseSdnFiles(files: SdnFileBytes): ParsedSdnFiles {
  const skippedRows: SkippedRow[] = [];
  const problems: ListFileProblem[] = [];
  const byEntNum = new Map<string, SdnRawRecord>();
  const lineOf = new Map<string, number>();

  const entries = readRows<SdnRawEntry>({
    bytes: files.sdn,
    file: SDN_FILE,
    columns: SDN_COLUMNS,
    skippedRows,
    problems,
    readRow: ({ line, cells }, entNum) => {
      const [, name, sdnType, program, title, callSign, vesselType, tonnage, grt, vesselFlag, vesselOwner, remarks] = cells;
      const earlier = lineOf.get(entNum);
      if (earlier !== undefined) return `ent_num ${entNum} is already listed on line ${earlier}`;
      if (name === undefined) return `ent_num ${entNum} has no SDN_Name`;
      const type = sdnType?.trim();
      if (type !== undefined && !isSdnType(type)) {
        return `ent_num ${entNum} has SDN_Type ${JSON.stringify(type)}, not individual, vessel, aircraft or -0-`;
      }
      lineOf.set(entNum, line);
      return { line, entNum, name, sdnType: type, program, title, callSign, vesselType, tonnage, grt, vesselFlag, vesselOwner, remarks };
    },
  });
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ path: SDN_FILE, message: `${SDN_FILE} holds no entries` });
  }
  // Without a readable sdn.csv every alias and address would be reported as unknown: stop here.
  throwIfProblems(problems);
  for (const entry of entries) byEntNum.set(entry.entNum, { entry, aliases: [], addresses: [] });

  const unknownEntry = (entNum: string): string => `ent_num ${entNum} is not in ${SDN_FILE}`;
  const rowCounts = { sdn: entries.length, alt: 0, add: 0, comments: 0 };

  if (files.alt !== undefined) {
    const aliases = readRows<SdnRawAlias>({
      bytes: files.alt,
      file: ALT_FILE,
      columns: ALT_COLUMNS,
      skippedRows,
      problems,
      readRow: ({ line, cells }, entNum) => {
        const [, altNum, altType, altName, altRemarks] = cells;
        if (!byEntNum.has(entNum)) return unknownEntry(entNum);
        if (altName === undefined) return `alias ${altNum?.trim() ?? '-0-'} of ent_num ${entNum} has no alt_name`;
        return { line, entNum, altNum, altType, altName, altRemarks };
      },
    });
    for (const alias of aliases) byEntNum.get(alias.entNum)!.aliases.push(alias);
    rowCounts.alt = aliases.length;
  }

  if (files.add !== undefined) {
    const addresses = readRows<SdnRawAddress>({
      bytes: files.add,
      file: ADD_FILE,
      columns: ADD_COLUMNS,
      skippedRows,
      problems,
      readRow: ({ line, cells }, entNum) => {
        const [, addNum, address, cityStatePostal, country, addRemarks] = cells;
        if (!byEntNum.has(entNum)) return unknownEntry(entNum);
        return { line, entNum, addNum, address, cityStatePostal, country, addRemarks };
      },
    });
    for (const address of addresses) byEntNum.get(address.entNum)!.addresses.push(address);
    rowCounts.add = addresses.length;
  }

  if (files.comments !== undefined) {
    const comments = readRows<{ entNum: string; text: string }>({
      bytes: files.comments,
      file: COMMENTS_FILE,
      columns: COMMENTS_COLUMNS,
      skippedRows,
      problems,
      readRow: ({ cells }, entNum) => {
        if (!byEntNum.has(entNum)) return unknownEntry(entNum);
        return { entNum, text: cells[1] ?? '' };
      },
    });
    for (const { entNum, text } of comments) {
      const record = byEntNum.get(entNum)!;
      record.remarksContinuation = (record.remarksContinuation ?? '') + text;
    }
    rowCounts.comments = comments.length;
  }

  throwIfProblems(problems);
  return { records: [...byEntNum.values()], skippedRows, rowCounts };
}
