import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListFileStructureError } from '../../../src/lists/list-file-error';
import { loadUkConsolidatedList, readUkConsolidatedList } from '../../../src/lists/uk';
import { parseConsolidatedRows, type UkConsolidatedRows } from '../../../src/lists/uk/parse-conlist-rows';
import { readCsvRows, readXlsxSheets } from '../../../src/lists/uk/read-conlist-sheet';

const ROOT = path.join(__dirname, '../../..');
const XLSX = path.join(ROOT, 'data/uk/2025-04-14/ConList.xlsx');
const SMALL_CSV = path.join(ROOT, 'test/fixtures/uk/small/ConList.csv');
const smallCsvText = (): string => fs.readFileSync(SMALL_CSV, 'utf8');

const HEADER =
  'Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,Non-Latin Script Type,Non-Latin Script Language,DOB,' +
  'Town of Birth,Country of Birth,Nationality,Passport Number,Passport Details,National Identification Number,' +
  'National Identification Details,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,' +
  'Country,Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed On,UK Sanctions List Date Designated,' +
  'Last Updated,Group ID';
const COLUMN_COUNT = HEADER.split(',').length;

/** A CSV row in OFSI's layout from the cells named, every other cell blank. */
function csvRow(cells: Record<string, string>): string {
  const columns = HEADER.split(',');
  return columns.map((column) => cells[column] ?? '').join(',');
}

const PERSON = { 'Group Type': 'Individual', 'Alias Type': 'Primary name', Regime: 'Russia', 'Listed On': '15/03/2022', 'Last Updated': '15/03/2022' };

function structureError(run: () => unknown): ListFileStructureError {
  try {
    run();
  } catch (error) {
    if (error instanceof ListFileStructureError) return error;
    throw error;
  }
  throw new Error('expected a ListFileStructureError');
}

async function refusal(bytes: Uint8Array): Promise<ListFileStructureError> {
  const error: unknown = await readUkConsolidatedList(bytes).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof ListFileStructureError) return error;
  throw new Error(`expected a ListFileStructureError, got ${String(error)}`);
}

describe('parseConsolidatedRows on the shipped XLSX', () => {
  let parsed: UkConsolidatedRows;

  beforeAll(async () => {
    const sheets = await readXlsxSheets(fs.readFileSync(XLSX));
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Data']);
    parsed = parseConsolidatedRows(sheets[0]!.rows);
  });

  it('reads the 18,798 name rows under the header, none skipped', () => {
    expect(parsed.rows).toHaveLength(18798);
    expect(parsed.skippedRows).toEqual([]);
  });

  it('reads the "Last Updated" line above the header as the list date', () => {
    expect(parsed.lastUpdated).toBe('14/04/2025');
    expect(parsed.lastUpdatedIso).toBe('2025-04-14');
  });

  it('numbers the rows as the sheet does: the first name row is row 3', () => {
    expect(parsed.rows[0]).toMatchObject({ line: 3, groupId: '15672', name6: 'MITHOO', name1: 'Mian', aliasType: 'Primary name variation' });
    expect(parsed.rows.at(-1)?.line).toBe(18800);
  });

  it('knows every column of the export (nothing lands in otherColumns)', () => {
    expect(parsed.rows.filter((row) => row.otherColumns !== undefined)).toEqual([]);
  });
});

describe('row policy: an unreadable row is reported with its line and skipped, the rest is imported', () => {
  let tempDir: string;

  beforeAll(() => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uk-conlist-'));
  });

  afterAll(() => {
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('reports a row whose Group ID is "abc" and a row with no name, by line, and loads the other designations', async () => {
    const text = smallCsvText();
    // JI SONG 6 (Group ID 13655) has one name row, after rows whose quoted values span several lines.
    const rowStart = text.indexOf('\nJI SONG 6,') + 1;
    const rowEnd = text.indexOf('\n', text.indexOf(',13655', rowStart));
    const jiSongLine = text.slice(0, rowStart).split('\n').length;
    const broken = `${text.slice(0, rowEnd).replace(/,13655(\r?)$/, ',abc$1')}${text.slice(rowEnd)}`;
    const lastLine = broken.split('\n').length; // the file ends with a line break: the appended row starts here
    const file = path.join(tempDir, 'ConList.csv');
    fs.writeFileSync(file, `${broken}${csvRow({ ...PERSON, 'Group ID': '99999' })}\r\n`);

    const dataset = await loadUkConsolidatedList(file);

    expect(dataset.skippedRows).toEqual([
      { line: jiSongLine, message: 'Group ID "abc" is not a number' },
      { line: lastLine, message: 'no name: Name 1 to Name 6 are all blank (Group ID 99999)' },
    ]);
    expect(dataset.entities).toHaveLength(42);
    expect(dataset.entities.map((e) => e.id)).not.toContain('uk-13655');
    expect(dataset.entities.map((e) => e.id)).toContain('uk-13540');
  });

  it('reports a row with no Group ID and a row with an unknown Group Type', () => {
    const csv = [
      'Last Updated,14/04/2025',
      HEADER,
      csvRow({ ...PERSON, 'Name 6': 'IVANOV', 'Group ID': '1' }),
      csvRow({ ...PERSON, 'Name 6': 'PETROV' }),
      csvRow({ ...PERSON, 'Name 6': 'AIRCRAFT RA-1', 'Group Type': 'Aircraft', 'Group ID': '2' }),
    ].join('\n');
    const parsed = parseConsolidatedRows(readCsvRows(Buffer.from(csv)));
    expect(parsed.rows.map((row) => row.groupId)).toEqual(['1']);
    expect(parsed.skippedRows).toEqual([
      { line: 4, message: 'no Group ID' },
      { line: 5, message: 'Group Type "Aircraft" is not one of Individual, Entity, Ship (Group ID 2)' },
    ]);
  });
});

describe('file structure: a file wrong as a whole is refused with ListFileStructureError', () => {
  it('refuses a CSV without the Group ID column, naming the column', async () => {
    const withoutGroupId = smallCsvText().replace(/,Group ID(\r?\n)/, ',Group Number$1');
    const error = await refusal(Buffer.from(withoutGroupId));
    expect(error.message).toContain('"Group ID"');
    expect(error.problems).toEqual([{ path: 'Group ID', message: 'required column "Group ID" is missing from the header (line 2)' }]);
  });

  it('names every missing required column', () => {
    const csv = ['Last Updated,14/04/2025', 'Name 6,Name 1,Name 2,Title,DOB,Regime', 'IVANOV,Ivan,,,,Russia'].join('\n');
    const error = structureError(() => parseConsolidatedRows(readCsvRows(Buffer.from(csv))));
    expect(error.problems.map((p) => p.path)).toEqual(['Group Type', 'Alias Type', 'Group ID']);
  });

  it('refuses an empty file', async () => {
    const error = await refusal(new Uint8Array());
    expect(error.message).toBe('the file is empty');
  });

  it('refuses a file of blank lines', async () => {
    const error = await refusal(Buffer.from('\r\n\r\n'));
    expect(error.message).toContain('empty');
  });

  it('refuses a header with no data rows under it', async () => {
    const error = await refusal(Buffer.from(`Last Updated,14/04/2025\n${HEADER}\n`));
    expect(error.message).toContain('no data rows');
  });

  it('refuses a CSV that is not the list (no header row)', async () => {
    const error = await refusal(Buffer.from('id,name\n1,Ivan Petrov\n'));
    expect(error.message).toContain('no header row');
  });

  it('refuses a zip archive that is not an XLSX workbook', async () => {
    const error = await refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01, 0x02, 0x03]));
    expect(error.message).toContain('not a readable XLSX workbook');
  });
});

describe('CSV reading', () => {
  const row = csvRow({ ...PERSON, 'Name 6': 'KUZNETSOV', 'Name 1': 'Ivan', 'Address 6': 'Curaçao', 'Group ID': '7' });

  it('reads UTF-8 with a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`Last Updated,14/04/2025\r\n${HEADER}\r\n${row}\r\n`)]);
    const parsed = parseConsolidatedRows(readCsvRows(bytes));
    expect(parsed.lastUpdatedIso).toBe('2025-04-14');
    expect(parsed.rows[0]).toMatchObject({ line: 3, name6: 'KUZNETSOV', address6: 'Curaçao' });
  });

  it('reads Windows-1252 when the bytes are not UTF-8', () => {
    const bytes = Buffer.from(`Last Updated,14/04/2025\r\n${HEADER}\r\n${row}\r\n`, 'latin1');
    expect(bytes.includes(Buffer.from([0xe7]))).toBe(true); // ç as one Windows-1252 byte
    const parsed = parseConsolidatedRows(readCsvRows(bytes));
    expect(parsed.rows[0]?.address6).toBe('Curaçao');
  });

  it('numbers a row by the line it starts on, past quoted values spanning lines and blank lines', () => {
    const multiLine = csvRow({ ...PERSON, 'Name 6': 'A', 'Other Information': '"first line\r\nsecond line\nthird"', 'Group ID': '1' });
    const csv = `Last Updated,14/04/2025\r\n${HEADER}\r\n${multiLine}\r\n\r\n${csvRow({ ...PERSON, 'Name 6': 'B', 'Group ID': '2' })}\n`;
    const rows = readCsvRows(Buffer.from(csv));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 7]);
    expect(rows[2]?.cells).toHaveLength(COLUMN_COUNT);
    expect(rows[2]?.cells[27]).toBe('first line\r\nsecond line\nthird');
  });
});
