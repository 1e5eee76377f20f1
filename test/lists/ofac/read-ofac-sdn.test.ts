import path from 'node:path';
import { OFAC_DATASET_ID, OFAC_DATASET_NAME, readOfacSdnFiles } from '../../../src/lists/ofac';
import type { CanonicalEntity, LoadedDataset } from '../../../src/model/entity';
import { FLAG_TAXONOMY } from '../../../src/model/flag-taxonomy';
import { csvLines, FIXTURE_2021, FIXTURE_2024, readOfacFolder, SHIPPED_2023 } from './ofac-fixture-files';

function entity(dataset: LoadedDataset, id: string): CanonicalEntity {
  const found = dataset.entities.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no entity ${id}`);
  return found;
}

function byName(dataset: LoadedDataset, primaryName: string): CanonicalEntity {
  const found = dataset.entities.filter((candidate) => candidate.primaryName === primaryName);
  if (found.length !== 1) throw new Error(`${found.length} entities named ${primaryName}`);
  return found[0]!;
}

/** alt.csv names: OFAC's strong aliases, the only names of quality `good`. */
const strongAliases = (dataset: LoadedDataset) =>
  dataset.entities.flatMap((e) => e.names).filter((name) => name.kind !== 'primary' && name.quality === 'good');

/** add.csv rows with every field -0-: OFAC's "no address" placeholder, which maps to no place. */
const placeholderAddressRows = (file: string) => csvLines(file).filter((line) => /^\d+,\d+,-0- ,-0- ,-0- ,-0- $/.test(line)).length;

/** An entity's published remarks split on semicolons, as the test reads them (no parenthesized asides in these). */
const publishedParts = (e: CanonicalEntity) => String(e.raw?.remarks ?? '').split(';').map((part) => part.trim());

describe('the 2023-12-28 publication shipped in data/ofac', () => {
  let dataset: LoadedDataset;

  beforeAll(() => {
    dataset = readOfacSdnFiles(readOfacFolder(SHIPPED_2023));
  });

  it('maps every sdn.csv entry to one entity ofac-<ent_num> of the ofac-sdn dataset, skipping no row', () => {
    expect(dataset.id).toBe(OFAC_DATASET_ID);
    expect(dataset.name).toBe(OFAC_DATASET_NAME);
    expect(dataset.entities).toHaveLength(13_821);
    expect(csvLines(path.join(SHIPPED_2023, 'sdn.csv'))).toHaveLength(13_821);
    expect(new Set(dataset.entities.map((e) => e.id)).size).toBe(13_821);
    expect(dataset.entities.every((e) => /^ofac-\d+$/.test(e.id) && e.dataset === 'ofac-sdn')).toBe(true);
    expect(dataset.skippedRows).toEqual([]);
  });

  it('maps SDN_Type individual, vessel, aircraft and -0- to person, vessel, aircraft and organization', () => {
    const count = (type: string) => dataset.entities.filter((e) => e.type === type).length;
    expect([count('person'), count('vessel'), count('aircraft'), count('organization')]).toEqual([6_646, 764, 378, 6_033]);
  });

  it('reads all 17,091 alt.csv rows as strong aliases', () => {
    expect(csvLines(path.join(SHIPPED_2023, 'alt.csv'))).toHaveLength(17_091);
    expect(strongAliases(dataset)).toHaveLength(17_091);
  });

  it("reads all 18,990 add.csv rows: each an address, or OFAC's all -0- placeholder for none", () => {
    const file = path.join(SHIPPED_2023, 'add.csv');
    const addresses = dataset.entities.reduce((sum, e) => sum + e.addresses.length, 0);
    expect(csvLines(file)).toHaveLength(18_990);
    expect(addresses + placeholderAddressRows(file)).toBe(18_990);
    expect(addresses).toBeGreaterThan(16_000);
  });

  it('describes the list file as one dated source, its sha256 the dataset version', () => {
    expect(dataset.sourceDate).toBe('2023-12-28');
    expect(dataset.sources).toEqual([
      expect.objectContaining({
        id: 'ofac-sdn-2023-12-28',
        kind: 'list-file',
        title: 'OFAC Specially Designated Nationals (SDN) List, legacy CSV, published 2023-12-28',
        publisher: 'U.S. Department of the Treasury, Office of Foreign Assets Control',
        url: 'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists',
        date: '2023-12-28',
        sha256: dataset.contentHash,
      }),
    ]);
    const notes = dataset.sources[0]?.notes ?? '';
    expect(notes).toContain('jackdwyer/specially-designated-nationals-list');
    expect(notes).toContain('moov-io/watchman');
    expect(notes).toContain('sdn_comments.csv (17 entries keep remarks cut at 1,000 characters)');
  });

  it('flags every entry critical ofac-sdn, citing the list file with entry, programs and publication', () => {
    const unflagged = dataset.entities.filter(
      (e) =>
        e.riskLevel !== 'critical' ||
        e.sourceIds.join() !== 'ofac-sdn-2023-12-28' ||
        e.flags.length !== 1 ||
        e.flags[0]?.code !== 'ofac-sdn' ||
        e.flags[0]?.severity !== 'critical' ||
        e.flags[0]?.title !== FLAG_TAXONOMY['ofac-sdn'].title ||
        e.flags[0]?.citations[0]?.locator !== `OFAC SDN list, entry ${e.id.slice('ofac-'.length)} (programs ${e.listings[0]?.regime}), published 2023-12-28`,
    );
    expect(unflagged.map((e) => e.id)).toEqual([]);
    expect(byName(dataset, 'AIR KORYO').flags[0]).toEqual({
      code: 'ofac-sdn',
      severity: 'critical',
      title: FLAG_TAXONOMY['ofac-sdn'].title,
      description: 'Designated by OFAC under DPRK3.',
      citations: [
        {
          sourceId: 'ofac-sdn-2023-12-28',
          locator: 'OFAC SDN list, entry 20520 (programs DPRK3), published 2023-12-28',
          quote: 'AIR KORYO [DPRK3]',
          url: 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=20520',
        },
      ],
    });
  });

  it('lists Air Koryo under program DPRK3', () => {
    expect(byName(dataset, 'AIR KORYO').listings).toEqual([
      { list: 'OFAC SDN', dataset: 'ofac-sdn', referenceNumber: '20520', regime: 'DPRK3', programs: ['DPRK3'], listedOn: null },
    ]);
  });

  it('lists TRANSMASHHOLDING under RUSSIA-EO14024, with its weak a.k.a. TMH of low quality', () => {
    const transmash = byName(dataset, 'TRANSMASHHOLDING JSC');
    expect(transmash.listings[0]?.programs).toEqual(['RUSSIA-EO14024']);
    expect(transmash.names).toContainEqual(expect.objectContaining({ name: 'AO TRANSMASHHOLDING', kind: 'alias', quality: 'good' }));
    expect(transmash.names).toContainEqual(expect.objectContaining({ name: 'TMH', kind: 'alias', quality: 'low' }));
  });

  it('splits multi-program entries into their codes and joins them for the regime', () => {
    const sberbank = entity(dataset, 'ofac-17018');
    expect(sberbank.listings[0]).toMatchObject({ programs: ['UKRAINE-EO13662', 'RUSSIA-EO14024'], regime: 'UKRAINE-EO13662; RUSSIA-EO14024' });
    expect(sberbank.flags[0]?.description).toBe('Designated by OFAC under UKRAINE-EO13662; RUSSIA-EO14024.');
  });

  it('gives a vessel its IMO number as an identifier of scheme imo, its call sign and its flag country', () => {
    expect(byName(dataset, 'CHONG CHON GANG').identifiers).toContainEqual({ type: 'IMO', scheme: 'imo', value: '7937317' });
    expect(byName(dataset, 'CHONG CHON GANG').countries).toContain('KP');
    const marAzul = byName(dataset, 'MAR AZUL');
    expect(marAzul.identifiers).toContainEqual({ type: 'Call Sign', value: 'CL2192' });
    expect(marAzul.raw).toMatchObject({ vesselType: 'Tug', grt: '212', vesselFlag: 'Cuba', vesselOwner: 'Samir de Navegacion S.A.' });
    const vesselsWithImo = dataset.entities.filter((e) => e.type === 'vessel' && /IMO\s+\d{7}/.test(String(e.raw?.remarks)));
    expect(vesselsWithImo.length).toBeGreaterThan(700);
    expect(vesselsWithImo.every((e) => e.identifiers.some((identifier) => identifier.scheme === 'imo'))).toBe(true);
  });

  it('reads a DPRK person: date of birth, passports with issuing country, a Linked To relationship citing the entry', () => {
    const ri = entity(dataset, 'ofac-18668');
    expect(ri.primaryName).toBe('RI, Chong Chol');
    expect(ri.birthDates).toEqual([{ kind: 'exact', date: '1970-04-12' }]);
    expect(ri.identifiers.filter((identifier) => identifier.scheme === 'passport').map((p) => [p.value, p.country])).toEqual([
      ['199110092', 'KP'],
      ['472220503', 'KP'],
      ['654220197', 'KP'],
    ]);
    expect(ri.relationships).toEqual([
      {
        type: 'linked-to',
        targetId: 'ofac-9345',
        description: 'Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION.',
        citations: [
          {
            sourceId: 'ofac-sdn-2023-12-28',
            locator: 'OFAC SDN list, entry 18668 (programs DPRK2), published 2023-12-28',
            quote: 'Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION.',
            url: 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=18668',
          },
        ],
      },
    ]);
  });

  it('keeps "Linked To:" names that are no single primary name in remarks, as published', () => {
    const linkedToText = dataset.entities.flatMap((e) => (e.remarks ?? []).filter((part) => part.startsWith('Linked To:')));
    expect(linkedToText).toContain('Linked To: PUBLIC JOINT STOCK COMPANY GAZPROM.');
    const relationships = dataset.entities.flatMap((e) => e.relationships);
    const ids = new Set(dataset.entities.map((e) => e.id));
    expect(relationships.length).toBeGreaterThan(5_900);
    expect(relationships.every((relationship) => ids.has(relationship.targetId))).toBe(true);
  });

  it('marks weak a.k.a. of the remarks low quality and strong ones good', () => {
    const weak = dataset.entities.flatMap((e) => e.names).filter((name) => name.note?.includes('weak'));
    expect(weak.length).toBeGreaterThan(3_000);
    expect(weak.every((name) => name.quality === 'low')).toBe(true);
  });

  it('keeps every remark part it cannot read into a field, word for word', () => {
    const icty = dataset.entities.filter((e) => e.remarks?.includes('ICTY indictee.'));
    expect(icty.length).toBeGreaterThan(40);
    const notVerbatim = dataset.entities.flatMap((e) => (e.remarks ?? []).filter((kept) => !String(e.raw?.remarks).includes(kept)));
    expect(notVerbatim).toEqual([]);
  });

  it('keeps the last part of the 17 remarks cut at 1,000 characters as text', () => {
    const cut = dataset.entities.filter((e) => e.raw?.remarksCut === true);
    expect(cut).toHaveLength(17);
    const lazarus = byName(dataset, 'LAZARUS GROUP');
    const lastPart = publishedParts(lazarus).at(-1);
    expect(lazarus.remarks?.at(-1)).toBe(lastPart);
  });

  it('sets the script of every name and gives persons their ISO nationalities', () => {
    expect(dataset.entities.every((e) => e.names.every((name) => name.script === 'latin' || name.script === 'other'))).toBe(true);
    expect(entity(dataset, 'ofac-45997')).toMatchObject({
      primaryName: 'TKACHUK, Anatoliy Nikolaevich',
      nationalities: ['RU'],
      gender: 'Male',
      birthDates: [{ kind: 'exact', date: '1950-10-08' }],
      birthPlaces: [{ city: 'Vladivostok', country: 'Russia', countryCode: 'RU' }],
    });
  });
});

describe('the 2021-07-07 four-file set', () => {
  let dataset: LoadedDataset;

  beforeAll(() => {
    dataset = readOfacSdnFiles(readOfacFolder(FIXTURE_2021));
  });

  it('reads 8,976 entries, 11,910 aliases and 13,837 address rows', () => {
    expect(dataset.entities).toHaveLength(8_976);
    expect(strongAliases(dataset)).toHaveLength(11_910);
    const file = path.join(FIXTURE_2021, 'add.csv');
    expect(dataset.entities.reduce((sum, e) => sum + e.addresses.length, 0) + placeholderAddressRows(file)).toBe(13_837);
    expect(dataset.skippedRows).toEqual([]);
    expect(dataset.sources[0]?.id).toBe('ofac-sdn-2021-07-07');
  });

  it('joins the sdn_comments.csv continuation to its entry, mid-word, before reading the remarks', () => {
    const continued = dataset.entities.filter((e) => e.raw?.remarksContinued === true);
    expect(continued.map((e) => e.id).sort()).toEqual(['ofac-12300', 'ofac-28263', 'ofac-28264', 'ofac-29703', 'ofac-30518']);
    const e12300 = entity(dataset, 'ofac-12300');
    expect(String(e12300.raw?.remarks)).toContain('Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V.');
    const tian = entity(dataset, 'ofac-28263');
    expect(tian.names).toContainEqual(expect.objectContaining({ name: 'snowsjohn', quality: 'low' }));
    expect(tian.relationships.map((relationship) => relationship.description)).toContain('Linked To: LAZARUS GROUP.');
    expect(dataset.entities.filter((e) => e.raw?.remarksCut === true)).toEqual([]);
  });
});

describe('the 2024-05-03 sdn.csv alone', () => {
  let dataset: LoadedDataset;

  beforeAll(() => {
    dataset = readOfacSdnFiles(readOfacFolder(FIXTURE_2024));
  });

  it('loads 14,965 entries by their names: primary names and the weak a.k.a. of the remarks, no address', () => {
    expect(dataset.entities).toHaveLength(14_965);
    expect(dataset.sourceDate).toBe('2024-05-03');
    expect(strongAliases(dataset)).toEqual([]);
    expect(dataset.entities.every((e) => e.names[0]?.kind === 'primary' && e.addresses.length === 0)).toBe(true);
    expect(dataset.sources[0]?.notes).toContain('Not in this copy: alt.csv');
  });
});
