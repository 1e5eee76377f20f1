import fs from 'node:fs';
import path from 'node:path';
import { readOfacSdnFiles } from '../../../src/lists/ofac';
import type { CanonicalEntity, LoadedDataset } from '../../../src/model/entity';
import { csvLines, FIXTURE_SMALL, readOfacFolder, SHIPPED_2023 } from './ofac-fixture-files';

const entNum = (line: string) => line.split(',', 1)[0];

describe('the small OFAC fixture (test/fixtures/ofac/small)', () => {
  let dataset: LoadedDataset;
  const entity = (id: string): CanonicalEntity => {
    const found = dataset.entities.find((e) => e.id === id);
    if (found === undefined) throw new Error(`no entity ${id}`);
    return found;
  };

  beforeAll(() => {
    dataset = readOfacSdnFiles(readOfacFolder(FIXTURE_SMALL));
  });

  it('is an unchanged cut of the 2023-12-28 files: whole rows, same bytes, every alias and address row of its entries', () => {
    for (const file of ['sdn.csv', 'alt.csv', 'add.csv']) {
      const bytes = fs.readFileSync(path.join(FIXTURE_SMALL, file));
      expect(bytes[bytes.length - 1]).toBe(0x1a);
      const original = new Set(csvLines(path.join(SHIPPED_2023, file)));
      expect(csvLines(path.join(FIXTURE_SMALL, file)).every((line) => original.has(line))).toBe(true);
    }
    const entries = new Set(csvLines(path.join(FIXTURE_SMALL, 'sdn.csv')).map(entNum));
    for (const file of ['alt.csv', 'add.csv']) {
      const expected = csvLines(path.join(SHIPPED_2023, file)).filter((line) => entries.has(entNum(line)));
      expect(csvLines(path.join(FIXTURE_SMALL, file))).toEqual(expected);
    }
  });

  it('holds 34 entries of every type, dated 2023-12-28, with no row skipped', () => {
    expect(dataset.entities).toHaveLength(34);
    expect(dataset.sourceDate).toBe('2023-12-28');
    expect(dataset.skippedRows).toEqual([]);
    expect(new Set(dataset.entities.map((e) => e.type))).toEqual(new Set(['person', 'organization', 'vessel', 'aircraft']));
  });

  it('holds DPRK, DPRK2, DPRK3 and DPRK4 designations, Air Koryo and TRANSMASHHOLDING among them', () => {
    const programs = new Set(dataset.entities.flatMap((e) => e.listings.flatMap((listing) => listing.programs ?? [])));
    for (const program of ['DPRK', 'DPRK2', 'DPRK3', 'DPRK4', 'RUSSIA-EO14024']) expect(programs).toContain(program);
    expect(entity('ofac-20520').primaryName).toBe('AIR KORYO');
    expect(entity('ofac-45054').primaryName).toBe('TRANSMASHHOLDING JSC');
    expect(entity('ofac-45997').primaryName).toBe('TKACHUK, Anatoliy Nikolaevich');
  });

  it('holds vessels with IMO numbers and an aircraft', () => {
    const imoVessels = dataset.entities.filter((e) => e.type === 'vessel' && e.identifiers.some((i) => i.scheme === 'imo'));
    expect(imoVessels.map((e) => e.primaryName)).toEqual(expect.arrayContaining(['CHONG CHON GANG', 'AM NOK GANG', 'WON SAN 2']));
    expect(entity('ofac-20540')).toMatchObject({ type: 'aircraft', primaryName: 'P-532' });
  });

  it('holds DPRK persons the UN also lists, with their passports', () => {
    expect(entity('ofac-19609')).toMatchObject({
      primaryName: 'RI, Won Ho',
      nationalities: ['KP'],
      identifiers: [{ type: 'Passport', scheme: 'passport', value: '381310014', country: 'KP', note: 'expires 12 Jul 2016' }],
    });
    expect(entity('ofac-23001').primaryName).toBe("CH'OE, So'k-min");
  });

  it('resolves a Linked To name within the fixture and keeps the one it does not hold as text', () => {
    const titanium = entity('ofac-46020');
    expect(titanium.relationships.map((relationship) => relationship.targetId)).toEqual(['ofac-45997']);
    expect(titanium.remarks).toContain('Linked To: NOVIKOV, Alexey Alexeyevich.');
  });

  it('reads the n.k.a. and f.k.a. rows of alt.csv as alias (now known as) and former names', () => {
    expect(entity('ofac-9334').names).toContainEqual(expect.objectContaining({ kind: 'alias', quality: 'good', note: 'now known as' }));
    expect(entity('ofac-4642').names).toContainEqual(expect.objectContaining({ kind: 'former', quality: 'good' }));
  });
});
