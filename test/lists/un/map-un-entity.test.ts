import fs from 'node:fs';
import path from 'node:path';
import {
  createCountryResolver,
  detectScript,
  mapUnRecord,
  UN_CONSOLIDATED_LIST_URL,
} from '../../../src/lists/un/map-un-entity';
import { parseConsolidatedXml } from '../../../src/lists/un/parse-consolidated-xml';
import type { UnConsolidatedList } from '../../../src/lists/un/parse-consolidated-xml';
import type { CanonicalEntity } from '../../../src/model/entity';
import { FLAG_CODES } from '../../../src/model/flag-taxonomy';

const LIST_2024 = path.join(__dirname, '../../../data/un/consolidated-2024-09-26.xml');
const LIST_SOURCE_ID = 'un-consolidated-2024-09-26';

describe('mapUnRecord on the real 2024-09-26 list', () => {
  let xml: string;
  let list: UnConsolidatedList;
  let entities: CanonicalEntity[];

  function entity(id: string): CanonicalEntity {
    const found = entities.find((e) => e.id === id);
    if (found === undefined) throw new Error(`no entity ${id}`);
    return found;
  }

  beforeAll(() => {
    xml = fs.readFileSync(LIST_2024, 'utf8');
    list = parseConsolidatedXml(xml);
    const context = { listSourceId: LIST_SOURCE_ID, resolveCountry: createCountryResolver() };
    entities = list.records.map((record) => mapUnRecord(record, context));
  });

  it('maps every entry to a uniquely identified entity of the un dataset', () => {
    expect(entities).toHaveLength(875);
    expect(new Set(entities.map((e) => e.id)).size).toBe(875);
    expect(entities.every((e) => e.dataset === 'un' && e.riskLevel === 'critical')).toBe(true);
    expect(entities.filter((e) => e.type === 'person')).toHaveLength(682);
    expect(entities.filter((e) => e.type === 'organization')).toHaveLength(193);
  });

  it('flags every entry un-sanctioned (critical), citing the list file with its reference and regime', () => {
    for (const e of entities) {
      const [flag] = e.flags;
      const listing = e.listings[0];
      expect(flag?.code).toBe('un-sanctioned');
      expect(flag?.severity).toBe('critical');
      expect(flag?.citations).toEqual([
        expect.objectContaining({
          sourceId: LIST_SOURCE_ID,
          locator: `UN Consolidated List, ${listing?.referenceNumber} (${listing?.regime}), listed ${listing?.listedOn}`,
          summary: expect.any(String),
        }),
      ]);
      expect(e.flags.every((f) => (FLAG_CODES as string[]).includes(f.code))).toBe(true);
    }
  });

  it('joins name parts in order FIRST SECOND THIRD FOURTH for the primary name', () => {
    const anwari = entity('un-TAi.005');
    expect(anwari.primaryName).toBe('MUHAMMAD TAHER ANWARI');
    expect(anwari.names[0]).toEqual({ name: 'MUHAMMAD TAHER ANWARI', kind: 'primary', script: 'latin', origin: 'source' });
  });

  it("shows a name mixing ’ and ' with one straight apostrophe and keeps the published form as raw", () => {
    const mixed = list.records.filter((record) => {
      const joined = [record.firstName, record.secondName, record.thirdName, record.fourthName].join(' ');
      return joined.includes('’') && joined.includes("'");
    });
    expect(mixed.map((r) => r.referenceNumber?.trim())).toContain('KPi.064');
    expect(xml).toContain("<FIRST_NAME>CH'OE</FIRST_NAME>");
    expect(xml).toContain('<SECOND_NAME>SO’K MIN</SECOND_NAME>');

    const choe = entity('un-KPi.064');
    expect(choe.primaryName).toBe("CH'OE SO'K MIN");
    expect(choe.names[0]).toMatchObject({ name: "CH'OE SO'K MIN", raw: "CH'OE SO’K MIN", kind: 'primary' });
    expect(choe.raw).toMatchObject({ nameParts: { FIRST_NAME: "CH'OE", SECOND_NAME: 'SO’K MIN' } });
    for (const record of mixed) {
      const mapped = entity(`un-${record.referenceNumber?.trim()}`);
      expect(mapped.primaryName).not.toMatch(/[’‘]/);
    }
  });

  it('trims a reference number published with a trailing space, keeping the raw one', () => {
    const spaced = /<REFERENCE_NUMBER>(\S+)\s+<\/REFERENCE_NUMBER>/.exec(xml)?.[1];
    expect(spaced).toBeDefined();
    const e = entity(`un-${spaced}`);
    expect(e.listings[0]?.referenceNumber).toBe(spaced);
    expect(e.raw?.referenceNumber).toBe(`${spaced} `);
    expect(entity('un-KPe.023').raw?.referenceNumber).toBe('KPe.023 ');
  });

  it('collapses a line break inside a name and keeps the published name as raw', () => {
    const mujao = entity('un-QDe.134');
    expect(mujao.primaryName).toBe("MOUVEMENT POUR L'UNIFICATION ET LE JIHAD EN AFRIQUE DE L'OUEST (MUJAO)");
    expect(mujao.names[0]?.raw).toMatch(/^MOUVEMENT POUR\n\s+L’UNIFICATION/);
    for (const e of entities) {
      for (const name of e.names) expect(name.name).not.toMatch(/\s{2,}|\n|^\s|\s$/);
    }
  });

  it('maps alias qualities: Good → alias/good, Low → alias/low, a.k.a. → alias, f.k.a. → former', () => {
    const aliases = list.records.flatMap((r) => r.aliases).filter((a) => (a.aliasName ?? '').trim() !== '');
    const count = (quality: string): number => aliases.filter((a) => a.quality === quality).length;
    const names = entities.flatMap((e) => e.names);
    expect(names.filter((n) => n.kind === 'alias' && n.quality === 'good')).toHaveLength(count('Good'));
    expect(names.filter((n) => n.kind === 'alias' && n.quality === 'low')).toHaveLength(count('Low'));
    expect(names.filter((n) => n.kind === 'alias' && n.quality === undefined)).toHaveLength(count('a.k.a.'));
    expect(names.filter((n) => n.kind === 'former')).toHaveLength(count('f.k.a.'));
    expect(count('Good')).toBeGreaterThan(0);
    expect(count('f.k.a.')).toBeGreaterThan(0);
    expect(names.filter((n) => n.kind !== 'primary').every((n) => n.origin === 'source')).toBe(true);
  });

  it('notes the date of birth an alias carries', () => {
    const notes = entities.flatMap((e) => e.names).map((n) => n.note ?? '');
    expect(notes.some((note) => /date of birth \d{4}/.test(note))).toBe(true);
    expect(notes.some((note) => note.includes('null'))).toBe(false);
  });

  it('adds NAME_ORIGINAL_SCRIPT as an original-script name with its detected script', () => {
    const anwari = entity('un-TAi.005');
    expect(anwari.names).toContainEqual(
      expect.objectContaining({ name: 'محمد طاهر أنوري', kind: 'original-script', script: 'arabic' }),
    );
    const scripts = new Set(entities.flatMap((e) => e.names.filter((n) => n.kind === 'original-script')).map((n) => n.script));
    expect(scripts).toEqual(new Set(['arabic', 'cyrillic', 'latin']));
  });

  it.each([
    ['Пак Ён Сик', 'cyrillic'],
    ['박영식', 'hangul'],
    ['朴永植', 'han'],
    ['PAK YONG SIK', 'latin'],
    ['123', 'other'],
  ] as const)('detects the script of %s as %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it('maps every kind of date of birth the list uses', () => {
    const kinds = new Set(entities.flatMap((e) => e.birthDates.map((d) => d.kind)));
    expect(kinds).toEqual(new Set(['exact', 'year', 'approximately', 'between']));
    expect(entity('un-TAi.005').birthDates).toEqual([{ kind: 'approximately', date: '1961' }]);
    expect(entity('un-KPi.064').birthDates).toEqual([{ kind: 'exact', date: '1978-07-25' }]);
    expect(entity('un-KPi.063').birthDates).toEqual([{ kind: 'year', date: '1949' }]);
    const aliasRanges = (xml.match(/<DATE_OF_BIRTH>\s*\d{4}\s*-\s*\d{4}\s*<\/DATE_OF_BIRTH>/g) ?? []).length;
    const between = entities.flatMap((e) => e.birthDates).filter((d) => d.kind === 'between');
    expect(between.length).toBe((xml.match(/<TYPE_OF_DATE>BETWEEN<\/TYPE_OF_DATE>/g) ?? []).length + aliasRanges);
    expect(between.every((d) => /^\d{4}$/.test(d.from ?? '') && /^\d{4}$/.test(d.to ?? ''))).toBe(true);
    const exact = entities.flatMap((e) => e.birthDates).filter((d) => d.kind === 'exact' && d.date !== undefined);
    expect(exact.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date ?? ''))).toBe(true);
  });

  it('keeps the dates of birth the list gives inside alias entries, most with no alias name, as birth dates', () => {
    const inAliases = list.records.filter((r) => r.aliases.some((a) => /^\d{4}/.test((a.dateOfBirth ?? '').trim())));
    expect(inAliases.length).toBeGreaterThan(50);
    for (const record of inAliases) {
      const mapped = entity(`un-${record.referenceNumber!.trim()}`).birthDates;
      for (const alias of record.aliases) {
        const published = (alias.dateOfBirth ?? '').trim();
        if (/^\d{4}$/.test(published)) expect(mapped).toContainEqual({ kind: 'year', date: published });
        if (/^\d{4}-\d{2}-\d{2}$/.test(published)) expect(mapped).toContainEqual({ kind: 'exact', date: published });
      }
      expect(new Set(mapped.map((d) => JSON.stringify(d))).size).toBe(mapped.length);
    }
  });

  it('keeps a date of birth given only as a note without inventing a date', () => {
    expect(entity('un-CDi.004').birthDates).toContainEqual({ kind: 'exact', note: 'Nov. 1973' });
    expect(entity('un-QDi.395').birthDates).toContainEqual({ kind: 'year', date: '1958', note: 'Sep.' });
  });

  it('maps countries to ISO alpha-2, including UN spellings i18n-iso-countries misses', () => {
    const resolve = createCountryResolver();
    expect(resolve("Democratic People's Republic of Korea")).toBe('KP');
    expect(resolve('Democratic People’s Republic of Korea')).toBe('KP');
    expect(resolve('Iran (Islamic Republic of)')).toBe('IR');
    expect(resolve('United Kingdom of Great Britain and Northern Ireland')).toBe('GB');
    expect(resolve('Syrian Arab Republic')).toBe('SY');
    expect(resolve('Russian Federation')).toBe('RU');
    expect(resolve('Republic of Korea')).toBe('KR');
    expect(resolve('Viet Nam')).toBe('VN');
    expect(entity('un-KPi.063').nationalities).toEqual(['KP']);
    expect(entity('un-KPe.070').countries).toEqual(['KP']);
  });

  it('lists the country names it cannot map, keeping their text (2024 file)', () => {
    const resolve = createCountryResolver();
    const unmappedPlaces = entities
      .flatMap((e) => [...e.addresses, ...e.birthPlaces])
      .filter((place) => place.country !== undefined && place.countryCode === undefined)
      .map((place) => place.country);
    const unmappedNationalities = list.records
      .flatMap((r) => r.nationalities)
      .filter((name) => resolve(name) === undefined)
      .map((name) => name.trim());
    const unmappedDocumentCountries = entities
      .flatMap((e) => e.identifiers)
      .map((identifier) => identifier.country)
      .filter((country): country is string => country !== undefined && !/^[A-Z]{2}$/.test(country));
    expect([...new Set(unmappedPlaces)].sort()).toEqual([]);
    expect([...new Set(unmappedNationalities)].sort()).toEqual(['former Soviet Union', 'na']);
    expect([...new Set(unmappedDocumentCountries)].sort()).toEqual([]);
  });

  it('maps documents to identifiers with number strings as published', () => {
    const identifiers = entities.flatMap((e) => e.identifiers);
    expect(identifiers).toContainEqual(expect.objectContaining({ value: '000737' }));
    expect(identifiers.every((identifier) => typeof identifier.value === 'string' && identifier.type !== '')).toBe(true);
    expect(identifiers.some((identifier) => identifier.issuedOn !== undefined)).toBe(true);
  });

  it('maps titles, designations, role and narrative with whitespace normalized', () => {
    const anwari = entity('un-TAi.005');
    expect(anwari.titles).toEqual(['Mullah']);
    expect(anwari.designations).toEqual([
      'a) Director of Administrative Affairs under the Taliban regime',
      'Minister of Finance under the Taliban regime',
    ]);
    expect(anwari.role).toBe(
      'a) Director of Administrative Affairs under the Taliban regime; Minister of Finance under the Taliban regime',
    );
    expect(anwari.narrative).toMatch(/^Belongs to Andar tribe\. Review pursuant to Security Council resolution 1822/);
    expect(entity('un-KPi.064').designations).toEqual(['Former overseas Foreign Trade Bank representative']);
  });

  it('records one UN listing per entry with regime, listing date and DATAID', () => {
    expect(entity('un-KPi.063').listings).toEqual([
      { list: 'UN', referenceNumber: 'KPi.063', regime: 'DPRK', listedOn: '2017-09-11', dataId: '6908626' },
    ]);
    const listedOn = entities.map((e) => e.listings[0]?.listedOn);
    expect(listedOn.every((date) => date !== undefined && date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date))).toBe(true);
  });

  it('cites the list URL and names the list file as the entity source', () => {
    const e = entity('un-KPi.063');
    expect(e.sourceIds).toEqual([LIST_SOURCE_ID]);
    expect(e.flags[0]?.citations[0]?.url).toBe(UN_CONSOLIDATED_LIST_URL);
  });
});
