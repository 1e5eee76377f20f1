import { decodeLegacyCsv, readLegacyCsv } from '../../../src/lists/ofac/read-legacy-csv';
import { ListFileStructureError } from '../../../src/lists/list-file-error';

const bytes = (text: string) => Buffer.concat([Buffer.from(text, 'latin1'), Buffer.from([0x1a])]);

describe('readLegacyCsv', () => {
  it('decodes Latin-1 byte for byte and drops the 0x1A end byte', () => {
    expect(decodeLegacyCsv(Buffer.from([0x43, 0xe9, 0x64, 0x75, 0x6c, 0x61, 0x0d, 0x0a, 0x1a]))).toBe('Cédula\r\n');
  });

  it("reads OFAC's -0- (with or without its trailing space) as an empty cell and leaves other cells untouched", () => {
    expect(readLegacyCsv(bytes('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0-," spaced "\r\n'), 'sdn.csv')).toEqual([
      { line: 1, cells: ['36', 'AEROCARIBBEAN AIRLINES', undefined, 'CUBA', undefined, ' spaced '] },
    ]);
  });

  it('numbers each row by the line it starts on, past quoted line breaks and blank lines', () => {
    const rows = readLegacyCsv(bytes('1,a\r\n2,"two\r\nlines"\r\n3,c\r\n\r\n4,d\r\n'), 'alt.csv');
    expect(rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [1, '1'],
      [2, '2'],
      [4, '3'],
      [6, '4'],
    ]);
  });

  it('refuses a file whose quote never closes: not CSV', () => {
    expect(() => readLegacyCsv(bytes('1,"never closed\r\n2,b\r\n'), 'add.csv')).toThrow(ListFileStructureError);
  });
});
