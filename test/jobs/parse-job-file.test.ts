import { Readable } from 'node:stream';
import { MalformedJobFileError, parseJobFile, type JobFileFormat, type ReceivedRow } from '../../src/jobs/parse-job-file';

/** The file split into chunks of `size` bytes, as a network would deliver it. */
function streamOf(content: string | Buffer, size = 7): Readable {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

async function rows(content: string | Buffer, format: JobFileFormat, chunkSize?: number): Promise<ReceivedRow[]> {
  const out: ReceivedRow[] = [];
  for await (const row of parseJobFile(streamOf(content, chunkSize), format)) out.push(row);
  return out;
}

describe('parseJobFile (CSV)', () => {
  it('reads the header columns in any order, with BOM and CRLF, keeping cells as received', async () => {
    const file = '\ufeffname,id,country\r\n"TKACHUK, Sergei",C-1,RU\r\nPark Yong-sik,C-2,\r\n';
    expect(await rows(file, 'csv')).toEqual([
      { line: 2, input: { name: 'TKACHUK, Sergei', id: 'C-1', country: 'RU' }, error: null },
      { line: 3, input: { name: 'Park Yong-sik', id: 'C-2', country: '' }, error: null },
    ]);
  });

  it('numbers rows by the line where they start, across quoted newlines and blank lines', async () => {
    const file = 'id,name\n1,"first\nsecond"\n\n2,plain\n3,"a ""quoted"" name"';
    const parsed = await rows(file, 'csv');
    expect(parsed.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(parsed.map((r) => (r.input as { name: string }).name)).toEqual(['first\nsecond', 'plain', 'a "quoted" name']);
  });

  it('keeps a stray quote inside an unquoted field literally', async () => {
    const [row] = await rows('id,name\n1,Kim "Jr" Chol\n', 'csv');
    expect(row?.input).toEqual({ id: '1', name: 'Kim "Jr" Chol' });
  });

  it('reports a row with more fields than the header on the row, and leaves missing trailing fields out', async () => {
    const parsed = await rows('id,name,country\n1,A,RU,extra\n2,B\n', 'csv');
    expect(parsed[0]).toEqual({ line: 2, input: { id: '1', name: 'A', country: 'RU' }, error: 'the row has 4 fields; the header has 3' });
    expect(parsed[1]).toEqual({ line: 3, input: { id: '2', name: 'B' }, error: null });
  });

  it('decodes multi-byte UTF-8 split across network chunks', async () => {
    const names = ['Ткачук Сергей', '박용식', 'Zoë Ødegård'];
    const file = `id,name\n${names.map((n, i) => `${i},${n}`).join('\n')}\n`;
    for (const size of [1, 2, 3, 5]) {
      expect((await rows(file, 'csv', size)).map((r) => (r.input as { name: string }).name)).toEqual(names);
    }
  });

  it.each([
    ['an unknown column', 'id,name,surname\n1,a,b\n', /unknown column\(s\) "surname"/],
    ['a missing name column', 'id,country\n1,RU\n', /missing column\(s\) name/],
    ['a repeated column', 'id,name,name\n1,a,b\n', /repeated column\(s\) name/],
    ['JSON sent as CSV', '{"id":"1","name":"x"}\n', /unknown column/],
    ['an empty file', '', /the file is empty/],
    ['an unclosed quote', 'id,name\n1,"never closed\n2,b\n', /not valid CSV/],
  ])('rejects %s as a malformed file', async (_case, file, message) => {
    await expect(rows(file, 'csv')).rejects.toThrow(MalformedJobFileError);
    await expect(rows(file, 'csv')).rejects.toThrow(message);
  });
});

describe('parseJobFile (NDJSON)', () => {
  it('reads one object per line, skipping blank lines, with BOM and CRLF', async () => {
    const file = '\ufeff{"id":"1","name":"A"}\r\n\r\n{"id":"2","name":"B"}';
    expect(await rows(file, 'ndjson')).toEqual([
      { line: 1, input: { id: '1', name: 'A' }, error: null },
      { line: 3, input: { id: '2', name: 'B' }, error: null },
    ]);
  });

  it('reports a later line that is not JSON, or not an object, on its row', async () => {
    const parsed = await rows('{"id":"1","name":"A"}\n{"id":"2",\n[1,2]\n', 'ndjson');
    expect(parsed[1]).toMatchObject({ line: 2, input: '{"id":"2",', error: expect.stringMatching(/^the line is not valid JSON/) });
    expect(parsed[2]).toEqual({ line: 3, input: [1, 2], error: 'the line is not a JSON object' });
  });

  it('rejects a file whose first line is not JSON as a malformed file', async () => {
    await expect(rows('id,name\n1,A\n', 'ndjson')).rejects.toThrow(/the file is not NDJSON: line 1/);
  });
});
