import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { readOfacSdnFiles, readOfacSdnZip, zipOfacDirectory } from '../../../src/lists/ofac';
import { ListFileStructureError } from '../../../src/lists/list-file-error';
import { FIXTURE_SMALL, readOfacFolder } from './ofac-fixture-files';

const SMALL_ENTRIES = 34;
const latin1 = (text: string) => Buffer.from(text, 'latin1');
/** A legacy CSV file: CRLF lines and the 0x1A end byte. */
const legacyCsv = (lines: string[]) => Buffer.concat([latin1(lines.map((line) => `${line}\r\n`).join('')), Buffer.from([0x1a])]);
const linesOf = (bytes: Buffer) => bytes.toString('latin1').replace(/\x1a$/, '').split('\r\n').filter((line) => line !== '');

function expectStructureError(read: () => unknown, pattern: RegExp): void {
  let error: unknown;
  try {
    read();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ListFileStructureError);
  expect((error as ListFileStructureError).message).toMatch(pattern);
  expect((error as ListFileStructureError).problems.length).toBeGreaterThan(0);
}

describe('zipOfacDirectory', () => {
  it('gives byte-identical zips of the same folder, twice', async () => {
    const first = await zipOfacDirectory(FIXTURE_SMALL);
    const second = await zipOfacDirectory(FIXTURE_SMALL);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('zips what readOfacSdnFiles reads: the folder and its zip are one version with the same entities', async () => {
    const zip = await zipOfacDirectory(FIXTURE_SMALL);
    const fromZip = readOfacSdnZip(zip);
    const fromFiles = readOfacSdnFiles(readOfacFolder(FIXTURE_SMALL));
    expect(fromZip.contentHash).toBe(fromFiles.contentHash);
    expect(fromZip.entities).toEqual(fromFiles.entities);
    expect(fromZip.entities).toHaveLength(SMALL_ENTRIES);
    expect(fromZip.sourceDate).toBe('2023-12-28');
  });

  it('refuses a folder without sdn.csv', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ofac-empty-'));
    try {
      await expect(zipOfacDirectory(dir)).rejects.toBeInstanceOf(ListFileStructureError);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readOfacSdnZip', () => {
  const small = readOfacFolder(FIXTURE_SMALL);

  it('finds the files in a folder of the zip and in upper case (OFAC/SDN.CSV)', () => {
    const zip = zipSync({ 'OFAC/SDN.CSV': small.sdn, 'OFAC/ALT.CSV': small.alt!, 'OFAC/ADD.CSV': small.add!, 'OFAC/README.txt': latin1('notes') });
    const dataset = readOfacSdnZip(zip, { sourceDate: '2023-12-28' });
    expect(dataset.entities).toHaveLength(SMALL_ENTRIES);
    expect(dataset.entities.flatMap((e) => e.addresses).length).toBeGreaterThan(0);
  });

  it('hashes the zip bytes as the content hash and dates the source from options.sourceDate over metadata.json', () => {
    const zip = zipSync({ 'sdn.csv': small.sdn, 'metadata.json': small.metadata! });
    const dataset = readOfacSdnZip(zip, { sourceDate: '2024-01-10' });
    expect(dataset.sourceDate).toBe('2024-01-10');
    expect(dataset.sources[0]).toMatchObject({ id: 'ofac-sdn-2024-01-10', date: '2024-01-10', sha256: dataset.contentHash });
    expect(dataset.entities[0]?.flags[0]?.citations[0]?.locator).toMatch(/, published 2024-01-10$/);
  });

  it('names an undated publication by its hash and dates nothing', () => {
    const dataset = readOfacSdnZip(zipSync({ 'sdn.csv': small.sdn }));
    expect(dataset.sourceDate).toBeNull();
    expect(dataset.sources[0]?.id).toBe(`ofac-sdn-sha256-${dataset.contentHash.slice(0, 12)}`);
    expect(dataset.sources[0]?.title).toBe('OFAC Specially Designated Nationals (SDN) List, legacy CSV');
    expect(dataset.sources[0]).not.toHaveProperty('date');
    expect(dataset.entities[0]?.flags[0]?.citations[0]?.locator).toMatch(/, publication date not stated$/);
  });

  it('refuses a zip without sdn.csv', () => {
    expectStructureError(() => readOfacSdnZip(zipSync({ 'alt.csv': small.alt!, 'add.csv': small.add! })), /no sdn\.csv/);
  });

  it('refuses an sdn.csv with no rows at all', () => {
    expectStructureError(() => readOfacSdnZip(zipSync({ 'sdn.csv': Buffer.from([0x1a]) })), /sdn\.csv holds no entries/);
  });

  it('refuses bytes that are not a zip', () => {
    expectStructureError(() => readOfacSdnZip(small.sdn), /not a readable zip archive/);
  });

  it('refuses a zip holding sdn.csv twice', () => {
    expectStructureError(() => readOfacSdnZip(zipSync({ 'a/sdn.csv': small.sdn, 'b/SDN.csv': small.sdn })), /two/);
  });

  it('refuses an sdn.csv whose rows mostly have the wrong number of columns (an alt.csv under the wrong name)', () => {
    expectStructureError(() => readOfacSdnZip(zipSync({ 'sdn.csv': small.alt! })), /sdn\.csv: 47 of 47 rows cannot be read/);
  });

  it('refuses an sdn.csv that is not CSV (a quote never closed)', () => {
    expectStructureError(() => readOfacSdnZip(zipSync({ 'sdn.csv': legacyCsv(['36,"AEROCARIBBEAN AIRLINES,-0- ']) })), /not a readable CSV/);
  });

  it('refuses a metadata.json that is not JSON or whose date is not a date', () => {
    expectStructureError(() => readOfacSdnZip(zipSync({ 'sdn.csv': small.sdn, 'metadata.json': latin1('{ nope') })), /metadata\.json: not JSON/);
    expectStructureError(
      () => readOfacSdnZip(zipSync({ 'sdn.csv': small.sdn, 'metadata.json': latin1('{"publicationDate":"28/12/2023"}') })),
      /publicationDate "28\/12\/2023"/,
    );
  });
});

describe('unreadable rows', () => {
  let dir: string;

  beforeAll(() => {
    // A modified copy of the small set: damaged rows in the middle of each file.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ofac-damaged-'));
    const sdn = linesOf(fs.readFileSync(path.join(FIXTURE_SMALL, 'sdn.csv')));
    sdn.splice(10, 0, '99999,"TOO FEW COLUMNS","individual","DPRK3"');
    sdn.splice(20, 0, 'abc,"NOT A NUMBER",-0- ,"DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ');
    fs.writeFileSync(path.join(dir, 'sdn.csv'), legacyCsv(sdn));
    const alt = linesOf(fs.readFileSync(path.join(FIXTURE_SMALL, 'alt.csv')));
    alt.splice(5, 0, '123456,1,"aka","NO SUCH ENTRY",-0- ');
    fs.writeFileSync(path.join(dir, 'alt.csv'), legacyCsv(alt));
    fs.copyFileSync(path.join(FIXTURE_SMALL, 'add.csv'), path.join(dir, 'add.csv'));
    fs.copyFileSync(path.join(FIXTURE_SMALL, 'metadata.json'), path.join(dir, 'metadata.json'));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports each damaged row with its file and line, skips it and imports the rest', async () => {
    const dataset = readOfacSdnZip(await zipOfacDirectory(dir));
    expect(dataset.skippedRows).toEqual([
      { file: 'sdn.csv', line: 11, message: expect.stringMatching(/^expected 12 columns .*found 4$/) },
      { file: 'sdn.csv', line: 21, message: 'ent_num "abc" is not a number' },
      { file: 'alt.csv', line: 6, message: 'ent_num 123456 is not in sdn.csv' },
    ]);
    expect(dataset.entities).toHaveLength(SMALL_ENTRIES);
    expect(dataset.entities.flatMap((e) => e.names).filter((name) => name.quality === 'good')).toHaveLength(47);
    expect(dataset.sources[0]?.notes).toContain('3 unreadable rows skipped');
  });
});
