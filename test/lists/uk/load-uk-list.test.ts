import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadUkConsolidatedList, readUkConsolidatedList, UK_DATASET_ID, UK_DATASET_NAME } from '../../../src/lists/uk';
import type { CanonicalEntity, LoadedDataset } from '../../../src/model/entity';
import { FLAG_TAXONOMY } from '../../../src/model/flag-taxonomy';

const ROOT = path.join(__dirname, '../../..');
const XLSX = path.join(ROOT, 'data/uk/2025-04-14/ConList.xlsx');
const SMALL_CSV = path.join(ROOT, 'test/fixtures/uk/small/ConList.csv');
const LIST_URL = 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets';

// The full export takes a few seconds to read: once for this file.
let fromXlsx: LoadedDataset;
beforeAll(async () => {
  fromXlsx = await loadUkConsolidatedList(XLSX);
});

describe('readUkConsolidatedList on the shipped OFSI export (Last Updated 14/04/2025)', () => {
  let dataset: LoadedDataset;
  let byId: Map<string, CanonicalEntity>;
  const entity = (id: string): CanonicalEntity => {
    const found = byId.get(id);
    if (found === undefined) throw new Error(`no entity ${id}`);
    return found;
  };

  beforeAll(() => {
    dataset = fromXlsx;
    byId = new Map(dataset.entities.map((e) => [e.id, e]));
  });

  it('describes the dataset: id, name, the Last Updated date and the sha256 of the file bytes', () => {
    const sha256 = createHash('sha256').update(fs.readFileSync(XLSX)).digest('hex');
    expect(dataset.id).toBe('uk-sanctions');
    expect(UK_DATASET_ID).toBe('uk-sanctions');
    expect(dataset.name).toBe(UK_DATASET_NAME);
    expect(dataset.sourceDate).toBe('2025-04-14');
    expect(dataset.contentHash).toBe(sha256);
    expect(dataset.skippedRows).toEqual([]);
  });

  it('groups the 18,798 name rows into 4,688 designations: 3,663 persons, 1,010 organizations, 15 vessels', () => {
    expect(dataset.entities).toHaveLength(4688);
    const count = (type: string): number => dataset.entities.filter((e) => e.type === type).length;
    expect(count('person')).toBe(3663);
    expect(count('organization')).toBe(1010);
    expect(count('vessel')).toBe(15);
    expect(new Set(dataset.entities.map((e) => e.id)).size).toBe(4688);
  });

  it('covers 31 regimes', () => {
    const regimes = new Set(dataset.entities.flatMap((e) => e.listings.flatMap((l) => l.regime.split('; '))));
    expect(regimes.size).toBe(31);
    expect(regimes).toContain("Democratic People's Republic of Korea");
    expect(regimes).toContain('Russia');
  });

  it('carries the list-file source, with provenance and the Open Government Licence, that every flag cites', () => {
    expect(dataset.sources).toEqual([
      {
        id: 'uk-consolidated-2025-04-14',
        kind: 'list-file',
        title: 'UK Consolidated List of Financial Sanctions Targets (OFSI), last updated 2025-04-14',
        publisher: 'HM Treasury, Office of Financial Sanctions Implementation (OFSI)',
        url: LIST_URL,
        date: '2025-04-14',
        sha256: dataset.contentHash,
        notes: expect.stringContaining('mmahmed107/malverde_data_task (commit 038e9e88)'),
        sections: [],
      },
    ]);
    expect(dataset.sources[0]?.notes).toContain('Contains public sector information licensed under the Open Government Licence v3.0.');
    for (const e of dataset.entities) {
      expect(e.riskLevel).toBe('critical');
      expect(e.sourceIds).toEqual(['uk-consolidated-2025-04-14']);
      expect(e.flags.map((f) => f.code)).toEqual(['uk-sanctions']);
      expect(e.flags[0]?.citations.map((c) => c.sourceId)).toEqual(['uk-consolidated-2025-04-14']);
    }
  });

  it('maps the DPRK designee with "(UN Ref):KPi.063" to a UN cross reference, a listing and a cited flag', () => {
    const pak = entity('uk-13540');
    expect(pak.type).toBe('person');
    expect(pak.primaryName).toBe('PAK YONG SIK');
    expect(pak.crossReferences).toEqual([{ list: 'UN', referenceNumber: 'KPi.063', text: '(UN Ref):KPi.063' }]);
    expect(pak.listings).toEqual([
      {
        list: 'UK',
        dataset: 'uk-sanctions',
        referenceNumber: '13540',
        ukReference: 'DPR0258',
        regime: "Democratic People's Republic of Korea",
        listedOn: '2017-09-12',
        updatedOn: '2023-07-03',
      },
    ]);
    expect(pak.flags).toEqual([
      {
        code: 'uk-sanctions',
        severity: 'critical',
        title: FLAG_TAXONOMY['uk-sanctions'].title,
        description: "Designated by the UK under the Democratic People's Republic of Korea regime (UK reference DPR0258).",
        citations: [
          {
            sourceId: 'uk-consolidated-2025-04-14',
            locator: "UK consolidated list (OFSI), Group ID 13540, UK reference DPR0258, regime Democratic People's Republic of Korea",
            quote: 'PAK YONG SIK',
            url: LIST_URL,
          },
        ],
      },
    ]);
    expect(pak.birthDates).toEqual([{ kind: 'year', date: '1950' }]);
    expect(pak.countries).toEqual(['KP']);
    expect(pak.narrative).toMatch(/^\(UK Sanctions List Ref\):DPR0258\. \(UN Ref\):KPi\.063\. Pak Yong Sik is a member/);
  });

  it('keeps a primary name variation as an alias with a note, its published apostrophe in raw', () => {
    expect(entity('uk-13540').names).toContainEqual({
      name: "Pak YO'NG-SIK",
      raw: 'Pak YO’NG-SIK',
      kind: 'alias',
      script: 'latin',
      origin: 'source',
      note: 'UK list: primary name variation',
    });
  });

  it('gives a Russia-regime designee his Cyrillic name, script cyrillic, with the language the list states', () => {
    expect(entity('uk-15890').names).toContainEqual({
      name: 'ЗАДАЧИН Андрей Андреевич',
      language: 'Russian',
      kind: 'original-script',
      script: 'cyrillic',
      origin: 'source',
    });
  });

  it('gives the president of Transmashholding his Cyrillic name (the list states no language for it)', () => {
    const bokarev = entity('uk-15273');
    expect(bokarev.primaryName).toBe('Andrey Removich BOKAREV');
    expect(bokarev.designations).toEqual(['President of Transmashholding']);
    expect(bokarev.names).toContainEqual({ name: 'АНДРЕЙ РЭМОВИЧ БОКАРЕВ', kind: 'original-script', script: 'cyrillic', origin: 'source' });
    expect(bokarev.gender).toBe('Male');
    expect(bokarev.birthDates).toEqual([{ kind: 'exact', date: '1966-10-23' }]);
    expect(bokarev.birthPlaces).toEqual([{ city: 'Moscow', country: 'Russia', countryCode: 'RU' }]);
    expect(bokarev.nationalities).toEqual(['RU']);
  });

  it('counts the non-Latin names by script: Cyrillic most, and Arabic, Han and Hangul among them', () => {
    const scripts = dataset.entities.flatMap((e) => e.names.filter((n) => n.kind === 'original-script').map((n) => n.script));
    const count = (script: string): number => scripts.filter((s) => s === script).length;
    expect(count('cyrillic')).toBeGreaterThan(2000);
    expect(count('arabic')).toBeGreaterThan(0);
    expect(count('han')).toBeGreaterThan(0);
    expect(count('hangul')).toBeGreaterThan(0);
  });

  it('gives every ship its IMO identifier and its flag as a country', () => {
    const ships = dataset.entities.filter((e) => e.type === 'vessel');
    for (const ship of ships) expect(ship.identifiers.filter((i) => i.scheme === 'imo')).toHaveLength(1);
    const samJong = entity('uk-13651');
    expect(samJong.primaryName).toBe('SAM JONG 2');
    expect(samJong.identifiers).toEqual([{ type: 'IMO', scheme: 'imo', value: '7408873' }]);
    expect(samJong.countries).toEqual(['KP']);
    expect(samJong.names.map((n) => n.name)).toEqual(expect.arrayContaining(['SAM JONG 2', 'PETROCHEM VALOUR', 'YU_JONG_3']));
    expect(samJong.raw).toMatchObject({ vessel: { flag: 'North Korea', previousFlags: 'Russia', type: 'Oil tanker', yearBuilt: '1975' } });
  });

  it('reads each UN reference once: 867 UN cross references on 866 designations; a UK reference on all but one', () => {
    const withUnRefs = dataset.entities.filter((e) => (e.crossReferences ?? []).length > 0);
    expect(withUnRefs).toHaveLength(866);
    expect(withUnRefs.flatMap((e) => e.crossReferences ?? [])).toHaveLength(867);
    expect(entity('uk-6995').crossReferences?.map((x) => x.referenceNumber)).toEqual(['QDi.042', 'SOi.002']);
    expect(dataset.entities.filter((e) => e.listings[0]?.ukReference !== undefined)).toHaveLength(4687);
    expect(entity('uk-15878').listings[0]?.ukReference).toBeUndefined();
    expect(entity('uk-15878').flags[0]?.description).toContain('(OFSI Group ID 15878)');
  });

  it('writes one listing naming every regime of a designation under several, each regime kept in raw', () => {
    const irgc = entity('uk-11241');
    expect(irgc.listings).toHaveLength(1);
    expect(irgc.listings[0]).toMatchObject({ regime: 'Iran (Nuclear); Syria', ukReference: 'INU0082', listedOn: '2010-07-27' });
    expect(irgc.raw).toMatchObject({
      ukReferences: ['INU0082', 'SYR0310'],
      regimes: [
        { regime: 'Iran (Nuclear)', listedOn: '2010-07-27', dateDesignated: '2020-12-31' },
        { regime: 'Syria', listedOn: '2011-08-24', dateDesignated: '2020-12-31' },
      ],
    });
    expect(irgc.flags[0]?.description).toBe('Designated by the UK under the Iran (Nuclear) and Syria regimes (UK references INU0082 and SYR0310).');
    // Its second "Primary name" (the one of the other regime) is an alias, never a second primary.
    expect(irgc.names.filter((n) => n.kind === 'primary').map((n) => n.name)).toEqual(['ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC) QODS FORCE']);
    expect(irgc.names).toContainEqual(expect.objectContaining({ name: 'ISLAMIC REVOLUTIONARY GUARDS CORPS - QODS FORCE', kind: 'alias' }));
  });

  it('gives every entity exactly one primary name, taking the first row when the list marks none', () => {
    for (const e of dataset.entities) {
      expect(e.names.filter((n) => n.kind === 'primary').map((n) => n.name)).toEqual([e.primaryName]);
    }
    const noPrimary = entity('uk-16601');
    expect(noPrimary.primaryName).toBe('33RD SCIENTIFIC RESEARCH AND TESTING INSTITUTE');
    expect(noPrimary.names[0]?.note).toContain('no name of this designation is marked "Primary name"');
  });

  it('lists each name once although the list repeats it on a row per date of birth or address', () => {
    for (const e of dataset.entities) {
      const keys = e.names.map((n) => JSON.stringify([n.kind, n.name, n.quality, n.note]));
      expect(new Set(keys).size).toBe(keys.length);
    }
    const kony = entity('uk-13378');
    expect(kony.names.filter((n) => n.name === 'ALI KONY' && n.kind === 'primary')).toHaveLength(1);
    expect(kony.birthDates.map((b) => b.date).sort()).toEqual(['1992', '1993', '1994', '1995']);
  });

  it('maps alias quality (Good/Low quality) and FKA names', () => {
    const names = dataset.entities.flatMap((e) => e.names);
    expect(names.some((n) => n.kind === 'alias' && n.quality === 'good')).toBe(true);
    expect(names.some((n) => n.kind === 'alias' && n.quality === 'low')).toBe(true);
    expect(entity('uk-13189').names.filter((n) => n.kind === 'former').length).toBeGreaterThan(0);
  });

  it('reads business registration and tax numbers from Other Information', () => {
    expect(entity('uk-16767').identifiers).toEqual([
      { type: 'OGRN', scheme: 'registration', value: '1125261000040' },
      { type: 'INN', scheme: 'tax-id', value: '5261079332' },
      { type: 'KPP', scheme: 'registration', value: '526101001' },
    ]);
    expect(entity('uk-16767').raw).toMatchObject({
      typeOfEntity: 'Joint-Stock Company',
      parentCompany: 'Joint-Stock Company “Russian Electronics” Ruselectronics',
    });
  });

  it('pairs numbered passports with their numbered details', () => {
    const passports = entity('uk-7059').identifiers.filter((i) => i.scheme === 'passport');
    expect(passports.length).toBeGreaterThan(1);
    for (const passport of passports) expect(passport.type).toBe('Passport');
  });
});

describe('readUkConsolidatedList on the small CSV fixture', () => {
  let fromCsv: LoadedDataset;

  beforeAll(async () => {
    fromCsv = await loadUkConsolidatedList(SMALL_CSV);
  });

  it('reads 43 designations dated by the "Last Updated" line, none skipped', () => {
    expect(fromCsv.entities).toHaveLength(43);
    expect(fromCsv.sourceDate).toBe('2025-04-14');
    expect(fromCsv.skippedRows).toEqual([]);
    expect(fromCsv.sources[0]).toMatchObject({ id: 'uk-consolidated-2025-04-14', notes: expect.stringContaining('CSV') });
  });

  it('maps each designation exactly as the XLSX maps the same Group ID', () => {
    const xlsxById = new Map(fromXlsx.entities.map((e) => [e.id, e]));
    for (const e of fromCsv.entities) expect(e).toEqual(xlsxById.get(e.id));
  });

  it('holds the designations other tests rely on: KPi.063, a Cyrillic name, a ship with its IMO number', () => {
    const ids = fromCsv.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['uk-13540', 'uk-15273', 'uk-13651']));
  });

  it('reads the same bytes to the same dataset, with the sha256 of the bytes', async () => {
    const bytes = fs.readFileSync(SMALL_CSV);
    const again = await readUkConsolidatedList(bytes);
    expect(again.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(again.entities).toEqual(fromCsv.entities);
  });
});
