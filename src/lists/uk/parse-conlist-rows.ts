import type { SkippedRow } from '../../model/entity';
import { ListFileStructureError, type ListFileProblem } from '../list-file-error';
import type { SheetRow } from './read-conlist-sheet';
import { ukDateToIso } from './read-uk-values';

/**
 * Reads the rows of OFSI's consolidated list (one row per name of a designation) into typed raw records, by column
 * name: the "Last Updated" line, the header row after it, then the name rows. Values are the published text,
 * untouched (a blank cell is `undefined`); normalization is the mapper's job (map-uk-entity.ts).
 */

/** The columns OFSI's ConList.csv and ConList.xlsx carry, by the field of {@link UkRawRow} they fill. */
const COLUMNS = {
  name6: 'Name 6',
  name1: 'Name 1',
  name2: 'Name 2',
  name3: 'Name 3',
  name4: 'Name 4',
  name5: 'Name 5',
  title: 'Title',
  nameNonLatinScript: 'Name Non-Latin Script',
  nonLatinScriptType: 'Non-Latin Script Type',
  nonLatinScriptLanguage: 'Non-Latin Script Language',
  dob: 'DOB',
  townOfBirth: 'Town of Birth',
  countryOfBirth: 'Country of Birth',
  nationality: 'Nationality',
  passportNumber: 'Passport Number',
  passportDetails: 'Passport Details',
  nationalIdNumber: 'National Identification Number',
  nationalIdDetails: 'National Identification Details',
  position: 'Position',
  address1: 'Address 1',
  address2: 'Address 2',
  address3: 'Address 3',
  address4: 'Address 4',
  address5: 'Address 5',
  address6: 'Address 6',
  postCode: 'Post/Zip Code',
  country: 'Country',
  otherInformation: 'Other Information',
  groupType: 'Group Type',
  aliasType: 'Alias Type',
  aliasQuality: 'Alias Quality',
  regime: 'Regime',
  listedOn: 'Listed On',
  dateDesignated: 'UK Sanctions List Date Designated',
  lastUpdated: 'Last Updated',
  groupId: 'Group ID',
} as const;

type ColumnField = keyof typeof COLUMNS;

/**
 * Without these a row cannot become a designation: its group, its kind, its name and its regime. The other columns
 * are read when present.
 */
export const REQUIRED_COLUMNS = ['Name 6', 'Group Type', 'Alias Type', 'Regime', 'Group ID'] as const;

/** The first cell of the line above the header, whose second cell is the list's date ("Last Updated,14/04/2025"). */
const LAST_UPDATED_LABEL = 'last updated';

// OFSI puts one date line above the header; a few more rows of preamble are tolerated, a header further down is not looked for.
const MAX_ROWS_BEFORE_HEADER = 10;
// A row naming this many of the list's columns is the header (even when a required column is missing from it).
const MIN_KNOWN_COLUMNS_IN_HEADER = 5;

/** One name row of the list, as published. */
export type UkRawRow = { line: number; groupId: string } & { [K in Exclude<ColumnField, 'groupId'>]?: string } & {
  /** Columns this reader does not know (a column OFSI adds later), by header text: kept, never dropped. */
  otherColumns?: Record<string, string>;
};

/** What the rows of one file hold. */
export interface UkConsolidatedRows {
  /** The "Last Updated" date above the header, as published ("14/04/2025"). */
  lastUpdated?: string;
  /** The date as YYYY-MM-DD, when it reads as one. */
  lastUpdatedIso?: string;
  rows: UkRawRow[];
  /** Rows that could not be read, with their line and why: skipped, the rest imported. */
  skippedRows: SkippedRow[];
}

const KNOWN_HEADERS = new Map<string, ColumnField>(
  Object.entries(COLUMNS).map(([field, header]) => [headerKey(header), field as ColumnField]),
);

function headerKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

function findHeader(rows: readonly SheetRow[]): number {
  const searched = Math.min(rows.length, MAX_ROWS_BEFORE_HEADER);
  for (let i = 0; i < searched; i += 1) {
    const known = rows[i]!.cells.filter((cell) => KNOWN_HEADERS.has(headerKey(cell))).length;
    if (known >= MIN_KNOWN_COLUMNS_IN_HEADER) return i;
  }
  return -1;
}

function lastUpdatedAbove(rows: readonly SheetRow[], headerIndex: number): string | undefined {
  for (const row of rows.slice(0, headerIndex)) {
    const cells = row.cells.filter((cell) => !isBlank(cell));
    if (cells.length >= 2 && headerKey(cells[0]!) === LAST_UPDATED_LABEL) return cells[1]!.trim();
  }
  return undefined;
}

const GROUP_ID = /^\d+$/;

/** The kinds of designation OFSI's "Group Type" names. */
export const UK_GROUP_TYPES = ['Individual', 'Entity', 'Ship'] as const;
export type UkGroupType = (typeof UK_GROUP_TYPES)[number];
const GROUP_TYPE_BY_KEY = new Map<string, UkGroupType>(UK_GROUP_TYPES.map((type) => [type.toLowerCase(), type]));

/** The Group Type of a row as one of {@link UK_GROUP_TYPES} (case and spaces ignored), or `undefined`. */
export function ukGroupType(value: string | undefined): UkGroupType | undefined {
  return value === undefined ? undefined : GROUP_TYPE_BY_KEY.get(value.trim().toLowerCase());
}
const NAME_FIELDS = ['name1', 'name2', 'name3', 'name4', 'name5', 'name6'] as const;

/** Why a row cannot be read, or `undefined` when it can. */
function rowProblem(row: UkRawRow): string | undefined {
  if (isBlank(row.groupId)) return 'no Group ID';
  if (!GROUP_ID.test(row.groupId.trim())) return `Group ID "${row.groupId}" is not a number`;
  const groupId = row.groupId.trim();
  if (NAME_FIELDS.every((field) => isBlank(row[field]))) return `no name: Name 1 to Name 6 are all blank (Group ID ${groupId})`;
  if (isBlank(row.groupType)) return `no Group Type (Group ID ${groupId})`;
  if (ukGroupType(row.groupType) === undefined) {
    return `Group Type "${row.groupType}" is not one of ${UK_GROUP_TYPES.join(', ')} (Group ID ${groupId})`;
  }
  return undefined;
}

/**
 * Finds the header and reads every row under it into a {@link UkRawRow}. A row with no Group ID, a Group ID that is
 * not a number, no name at all or no known Group Type is reported in `skippedRows` with its line and left out;
 * blank rows are ignored.
 * Throws {@link ListFileStructureError} when the rows have no header, the header lacks a required column (each
 * missing column named in the problems) or no data row follows it.
 */
export function parseConsolidatedRows(sheetRows: readonly SheetRow[]): UkConsolidatedRows {
  const rows = sheetRows.filter((row) => row.cells.some((cell) => !isBlank(cell)));
  if (rows.length === 0) {
    throw new ListFileStructureError('the file is empty: no rows', [{ path: 'file', message: 'the file has no rows' }]);
  }
  const headerIndex = findHeader(rows);
  if (headerIndex === -1) {
    throw new ListFileStructureError(
      `not an OFSI consolidated list: no header row naming the list's columns (${REQUIRED_COLUMNS.join(', ')}) in the first ${MAX_ROWS_BEFORE_HEADER} rows`,
      [{ path: 'header', message: `no header row with the columns ${REQUIRED_COLUMNS.join(', ')}` }],
    );
  }
  const header = rows[headerIndex]!;
  const present = new Set(header.cells.map(headerKey));
  const problems: ListFileProblem[] = REQUIRED_COLUMNS.filter((column) => !present.has(headerKey(column))).map((column) => ({
    path: column,
    message: `required column "${column}" is missing from the header (line ${header.line})`,
  }));
  if (problems.length > 0) {
    const missing = problems.map((problem) => `"${problem.path}"`).join(', ');
    throw new ListFileStructureError(`not a complete OFSI consolidated list: the header lacks the column${problems.length === 1 ? '' : 's'} ${missing}`, problems);
  }

  const dataRows = rows.slice(headerIndex + 1);
  if (dataRows.length === 0) {
    throw new ListFileStructureError(`the file has a header (line ${header.line}) but no data rows`, [
      { path: 'rows', message: 'no data rows under the header' },
    ]);
  }

  const columns = header.cells.map((cell) => ({ text: cell.trim(), field: KNOWN_HEADERS.get(headerKey(cell)) }));
  const parsed: UkRawRow[] = [];
  const skippedRows: SkippedRow[] = [];
  for (const sheetRow of dataRows) {
    const row = readRow(sheetRow, columns);
    const problem = rowProblem(row);
    if (problem !== undefined) skippedRows.push({ line: sheetRow.line, message: problem });
    else parsed.push({ ...row, groupId: row.groupId.trim() });
  }

  const lastUpdated = lastUpdatedAbove(rows, headerIndex);
  const lastUpdatedIso = ukDateToIso(lastUpdated);
  return {
    ...(lastUpdated !== undefined ? { lastUpdated } : {}),
    ...(lastUpdatedIso !== undefined ? { lastUpdatedIso } : {}),
    rows: parsed,
    skippedRows,
  };
}

function readRow(sheetRow: SheetRow, columns: ReadonlyArray<{ text: string; field: ColumnField | undefined }>): UkRawRow {
  const row: UkRawRow = { line: sheetRow.line, groupId: '' };
  const values: Record<string, string> = {};
  let otherColumns: Record<string, string> | undefined;
  columns.forEach((column, i) => {
    const value = sheetRow.cells[i];
    if (value === undefined || isBlank(value)) return;
    if (column.field !== undefined) values[column.field] = value;
    else if (column.text !== '') (otherColumns ??= {})[column.text] = value;
  });
  Object.assign(row, values);
  if (otherColumns !== undefined) row.otherColumns = otherColumns;
  return row;
}
