import fs from 'node:fs';
import path from 'node:path';
import { parseConsolidatedXml, UnListFormatError } from '../../../src/lists/un/parse-consolidated-xml';
import type { UnConsolidatedList, UnRawRecord } from '../../../src/lists/un/parse-consolidated-xml';

const LIST_2024 = path.join(__dirname, '../../../data/un/consolidated-2024-09-26.xml');
const LIST_2020 = path.join(__dirname, '../../fixtures/un/consolidated-2020-03-20.xml');
const LIST_2026 = path.join(__dirname, '../../../data/un/consolidated-2026-02-27.xml');

/** Regime counts computed from the file text alone, without the parser: one UN_LIST_TYPE per record. */
function regimeCountsFromText(xml: string): { individual: Record<string, number>; entity: Record<string, number> } {
  const counts = { individual: {} as Record<string, number>, entity: {} as Record<string, number> };
  for (const match of xml.matchAll(/<(INDIVIDUAL|ENTITY)>([\s\S]*?)<\/\1>/g)) {
    const kind = match[1] === 'INDIVIDUAL' ? 'individual' : 'entity';
    const regime = /<UN_LIST_TYPE>([\s\S]*?)<\/UN_LIST_TYPE>/.exec(match[2] ?? '')?.[1]?.trim() ?? '(none)';
    counts[kind][regime] = (counts[kind][regime] ?? 0) + 1;
  }
  return counts;
}

function regimeCounts(records: readonly UnRawRecord[], kind: UnRawRecord['kind']): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records.filter((r) => r.kind === kind)) {
    const regime = record.unListType?.trim() ?? '(none)';
    counts[regime] = (counts[regime] ?? 0) + 1;
  }
  return counts;
}

function byReference(list: UnConsolidatedList, reference: string): UnRawRecord {
  const record = list.records.find((r) => r.referenceNumber?.trim() === reference);
  if (record === undefined) throw new Error(`no record ${reference}`);
  return record;
}

describe('parseConsolidatedXml on the 2024-09-26 list', () => {
  let xml: string;
  let list: UnConsolidatedList;

  beforeAll(() => {
    xml = fs.readFileSync(LIST_2024, 'utf8');
    list = parseConsolidatedXml(fs.readFileSync(LIST_2024));
  });

  it('reads all 875 entries: 682 individuals and 193 entities', () => {
    expect(list.records).toHaveLength(875);
    expect(list.records.filter((r) => r.kind === 'individual')).toHaveLength(682);
    expect(list.records.filter((r) => r.kind === 'entity')).toHaveLength(193);
  });

  it('counts the same entries per regime as the raw file text, individuals and entities apart', () => {
    const expected = regimeCountsFromText(xml);
    expect(regimeCounts(list.records, 'individual')).toEqual(expected.individual);
    expect(regimeCounts(list.records, 'entity')).toEqual(expected.entity);
  });

  it('has 155 DPRK entries', () => {
    expect(list.records.filter((r) => r.unListType === 'DPRK')).toHaveLength(155);
  });

  it('reads the root dateGenerated attribute', () => {
    expect(list.dateGenerated).toBe('2024-09-26T00:00:07.514Z');
  });

  it('keeps every value as published text: trailing spaces, line breaks, leading zeros', () => {
    expect(byReference(list, 'KPe.023').referenceNumber).toBe('KPe.023 ');
    expect(byReference(list, 'QDe.134').firstName).toContain('\n');
    const zeroPadded = list.records.flatMap((r) => r.documents).find((d) => d.number === '000737');
    expect(zeroPadded).toBeDefined();
    for (const record of list.records) {
      expect(typeof record.dataId).toBe('string');
      for (const date of record.datesOfBirth) {
        for (const value of [date.year, date.fromYear, date.toYear]) {
          if (value !== undefined) expect(typeof value).toBe('string');
        }
      }
    }
  });

  it('decodes XML entities', () => {
    expect(byReference(list, 'QDe.109').firstName).toBe('AL-HARAMAIN & AL MASJED AL-AQSA CHARITY FOUNDATION');
  });

  it('reads repeated elements as arrays even when they occur once', () => {
    const taliban = byReference(list, 'TAi.005');
    expect(taliban.titles).toEqual(['Mullah']);
    expect(taliban.nationalities).toEqual(['Afghanistan']);
    expect(taliban.lastDayUpdated).toEqual(['2003-09-03', '2007-07-09', '2007-09-21', '2011-11-29']);
    expect(taliban.aliases.map((a) => a.quality)).toEqual(['Good', 'Good', 'Good', 'Low']);
    expect(taliban.datesOfBirth).toEqual([{ typeOfDate: 'APPROXIMATELY', year: '1961' }]);
    expect(taliban.placesOfBirth).toEqual([
      { city: 'Zurmat District', stateProvince: 'Paktia Province', country: 'Afghanistan' },
    ]);
  });

  it('reads entity names, aliases and addresses', () => {
    const entity = byReference(list, 'KPe.070');
    expect(entity.kind).toBe('entity');
    expect(entity.firstName).toBe('PHYONGCHON SHIPPING & MARINE');
    expect(entity.aliases).toEqual([{ quality: 'a.k.a.', aliasName: 'PHYONGCHON SHIPPING AND MARINE' }]);
    expect(entity.addresses[0]?.country).toBe("Democratic People's Republic of Korea");
  });

  it('finds exactly the alias qualities Good, Low, a.k.a., f.k.a. and blank', () => {
    const qualities = new Set(list.records.flatMap((r) => r.aliases.map((a) => a.quality ?? '(absent)')));
    expect([...qualities].sort()).toEqual(['', 'Good', 'Low', 'a.k.a.', 'f.k.a.']);
    const blank = list.records.flatMap((r) => r.aliases).filter((a) => a.quality === '');
    expect(blank.every((a) => (a.aliasName ?? '').trim() === '')).toBe(true);
  });

  it('keeps elements it has no field for (SORT_KEY) instead of dropping them', () => {
    expect(list.records.every((r) => r.otherElements.SORT_KEY !== undefined)).toBe(true);
  });

  it('reads documents with all their parts', () => {
    const documents = list.records.flatMap((r) => r.documents);
    expect(documents.some((d) => d.typeOfDocument2 !== undefined)).toBe(true);
    expect(documents.some((d) => d.cityOfIssue !== undefined && d.countryOfIssue !== undefined)).toBe(true);
    expect(documents.some((d) => d.issuingCountry !== undefined && d.dateOfIssue !== undefined)).toBe(true);
  });
});

describe('parseConsolidatedXml on other generations of the list', () => {
  it('parses the 2020-03-20 file: 1,014 entries, including SUBMITTED_BY', () => {
    const xml = fs.readFileSync(LIST_2020, 'utf8');
    const list = parseConsolidatedXml(xml);
    expect(list.records).toHaveLength(1014);
    expect(list.dateGenerated).toBe('2020-03-20T19:09:21.822-04:00');
    const expected = regimeCountsFromText(xml);
    expect(regimeCounts(list.records, 'individual')).toEqual(expected.individual);
    expect(regimeCounts(list.records, 'entity')).toEqual(expected.entity);
    expect(list.records.filter((r) => r.submittedBy !== undefined).length).toBeGreaterThan(0);
    expect(byReference(list, 'KPi.034').firstName).toBe('JO ');
  });

  it('parses the 2026-02-27 file: 1,003 entries, 730 individuals and 273 entities', () => {
    const xml = fs.readFileSync(LIST_2026, 'utf8');
    const list = parseConsolidatedXml(xml);
    expect(list.records).toHaveLength(1003);
    expect(list.records.filter((r) => r.kind === 'individual')).toHaveLength(730);
    expect(list.records.filter((r) => r.kind === 'entity')).toHaveLength(273);
    const expected = regimeCountsFromText(xml);
    expect(regimeCounts(list.records, 'individual')).toEqual(expected.individual);
    expect(regimeCounts(list.records, 'entity')).toEqual(expected.entity);
  });

  it('rejects a document that is not a consolidated list', () => {
    expect(() => parseConsolidatedXml('<sdnList><sdnEntry/></sdnList>')).toThrow(UnListFormatError);
  });
});
