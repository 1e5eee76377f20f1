import path from 'node:path';
import { DESIGNATING_RESOLUTIONS } from '../../../src/lists/resolutions/designating-resolutions';
import { loadResolutionSources, readShippedResolution } from '../../../src/lists/resolutions/load-resolution-sources';
import { loadUnConsolidatedList } from '../../../src/lists/un/load-un-list';
import {
  applyResolutionDesignations,
  findDesignatingResolution,
  type ResolutionTexts,
} from '../../../src/lists/un/resolution-designations';
import type { CanonicalEntity, LoadedDataset } from '../../../src/model/entity';

const DATA_DIR = path.join(__dirname, '../../../data');
const LIST_2024 = path.join(DATA_DIR, 'un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(__dirname, '../../../data/un/consolidated-2026-02-27.xml');

async function resolutionTexts(): Promise<ResolutionTexts> {
  return new Map(
    await Promise.all(DESIGNATING_RESOLUTIONS.map(async (r) => [r.sourceId, (await readShippedResolution(DATA_DIR, r)).doc] as const)),
  );
}

/** The requirement: the entries designated in the annexes of 2375 (2017) and 2397 (2017). */
const DESIGNATED_BY_2375 = ['KPi.063', 'KPe.051', 'KPe.052', 'KPe.053'];
const DESIGNATED_BY_2397 = [
  'KPi.064',
  'KPi.065',
  'KPi.066',
  'KPi.067',
  'KPi.068',
  'KPi.069',
  'KPi.070',
  'KPi.071',
  'KPi.072',
  'KPi.073',
  'KPi.074',
  'KPi.075',
  'KPi.076',
  'KPi.077',
  'KPi.078',
  'KPi.079',
  'KPe.054',
];

function designated(dataset: LoadedDataset): CanonicalEntity[] {
  return dataset.entities.filter((e) => e.flags.some((f) => f.code === 'un-designated-by-resolution'));
}

function byResolution(dataset: LoadedDataset, resolution: string): string[] {
  return dataset.entities
    .filter((e) => e.listings.some((l) => l.resolution === resolution))
    .map((e) => e.listings[0]?.referenceNumber ?? '')
    .sort();
}

describe('resolution designations on the 2024-09-26 list', () => {
  let dataset: LoadedDataset;

  beforeAll(async () => {
    dataset = await loadUnConsolidatedList(LIST_2024);
  });

  it('marks exactly the 21 entries designated by 2375 (2017) and 2397 (2017)', () => {
    expect(designated(dataset)).toHaveLength(21);
    expect(byResolution(dataset, '2375 (2017)')).toEqual([...DESIGNATED_BY_2375].sort());
    expect(byResolution(dataset, '2397 (2017)')).toEqual([...DESIGNATED_BY_2397].sort());
  });

  it('states that the resolution is inferred from the listing date', () => {
    for (const e of designated(dataset)) {
      expect(e.listings[0]?.resolutionBasis).toBe('inferred-from-listing-date');
      const flag = e.flags.find((f) => f.code === 'un-designated-by-resolution');
      expect(flag?.severity).toBe('critical');
      expect(flag?.description).toMatch(/inferred from the listing date/);
      expect(flag?.description).toMatch(/XML does not state the designating resolution/);
    }
    const others = dataset.entities.filter((e) => !designated(dataset).includes(e));
    expect(others.every((e) => e.listings[0]?.resolution === undefined && e.listings[0]?.resolutionBasis === undefined)).toBe(
      true,
    );
  });

  it('cites each designation to its annex entry, quoting its description, and to para. 3 that applies the measures', () => {
    const flag2397 = dataset.entities.find((e) => e.id === 'un-KPe.054')?.flags.find((f) => f.code === 'un-designated-by-resolution');
    expect(flag2397?.citations).toEqual([
      expect.objectContaining({ sourceId: 'unsc-res-2397', locator: 'S/RES/2397 (2017), annex II, 1', paragraph: 'annex-II-1', url: 'https://undocs.org/S/RES/2397(2017)' }),
      expect.objectContaining({ sourceId: 'unsc-res-2397', locator: 'S/RES/2397 (2017), para. 3', paragraph: '3' }),
    ]);
    expect(flag2397?.citations[0]?.quote).toMatch(/^The Ministry of the People’s Armed Forces/);
    expect(flag2397?.citations[1]?.quote).toMatch(/^Decides that the measures specified in paragraph 8\(d\) of resolution 1718 \(2006\) shall apply also to the individuals and entities listed in Annex I and II of this resolution$/);
  });

  it('quotes every designation verbatim from the paragraph its locator names, in the shipped official text', async () => {
    const sources = await loadResolutionSources(DATA_DIR);
    const citations = designated(dataset).flatMap((e) => e.flags.flatMap((f) => f.citations.filter((c) => c.sourceId.startsWith('unsc-res'))));
    expect(citations).toHaveLength(21 * 2);
    for (const citation of citations) {
      const section = sources.find((r) => r.id === citation.sourceId)?.sections.find((x) => x.locator === citation.locator);
      expect({ locator: citation.locator, quoted: section?.text.includes(citation.quote ?? '\u0000') }).toEqual({ locator: citation.locator, quoted: true });
      expect(citation.url).toMatch(/^https:\/\/undocs\.org\/S\/RES\/(2375|2397)\(2017\)$/);
    }
    expect(new Set(citations.filter((c) => c.paragraph?.startsWith('annex')).map((c) => `${c.sourceId} ${c.paragraph}`)).size).toBe(21);
  });

  it("gives KPi.063 (PAK YONG SIK) its 2017-09-11 listing, the 2375 flag and the resolution's citation", () => {
    const pak = dataset.entities.find((e) => e.id === 'un-KPi.063');
    expect(pak?.primaryName).toBe('PAK YONG SIK');
    expect(pak?.type).toBe('person');
    expect(pak?.listings).toEqual([
      {
        list: 'UN',
        referenceNumber: 'KPi.063',
        regime: 'DPRK',
        listedOn: '2017-09-11',
        dataId: '6908626',
        resolution: '2375 (2017)',
        resolutionBasis: 'inferred-from-listing-date',
      },
    ]);
    expect(pak?.flags.map((f) => f.code)).toEqual(['un-sanctioned', 'un-designated-by-resolution']);
    expect(pak?.flags[1]?.citations[0]).toMatchObject({
      sourceId: 'unsc-res-2375',
      locator: 'S/RES/2375 (2017), annex I, 1',
      quote: 'Pak Yong Sik is a member of the Workers’ Party of Korea Central Military Commission, which is responsible for the development and implementation of the Workers’ Party of Korea military policies, commands and controls the DPRK’s military, and helps direct the country’s military defense industries.',
    });
    expect(pak?.sourceIds).toEqual(['un-consolidated-2024-09-26', 'unsc-res-2375']);
  });

  it('refuses a designation no annex entry names', async () => {
    const texts = await resolutionTexts();
    const stranger = { ...designated(dataset)[0]!, id: 'un-KPi.998', names: [{ name: 'NOBODY AT ALL', kind: 'primary' as const, script: 'latin' as const, origin: 'source' as const }], flags: [] };
    expect(() => applyResolutionDesignations([stranger], texts)).toThrow(/un-KPi\.998 was listed on the day S\/RES\/(2375|2397) \(2017\) was adopted, but no entry of its annexes names it/);
  });
});

describe('resolution designations on the 2026-02-27 list', () => {
  it('still finds all 21 designations', async () => {
    const dataset = await loadUnConsolidatedList(LIST_2026, { dataDir: DATA_DIR });
    expect(dataset.entities).toHaveLength(1003);
    expect(byResolution(dataset, '2375 (2017)')).toEqual([...DESIGNATED_BY_2375].sort());
    expect(byResolution(dataset, '2397 (2017)')).toEqual([...DESIGNATED_BY_2397].sort());
  });
});

describe('findDesignatingResolution', () => {
  it.each([
    [{ regime: 'DPRK', listedOn: '2017-09-11' }, '2375 (2017)'],
    [{ regime: 'DPRK', listedOn: '2017-12-22' }, '2397 (2017)'],
    [{ regime: 'DPRK', listedOn: '2017-08-05' }, undefined],
    [{ regime: 'Al-Qaida', listedOn: '2017-09-11' }, undefined],
    [{ regime: 'DPRK', listedOn: null }, undefined],
  ])('%j → %s', (listing, expected) => {
    expect(findDesignatingResolution(listing)?.resolution).toBe(expected);
  });
});

describe('applyResolutionDesignations', () => {
  it('does not mutate its input', async () => {
    const texts = await resolutionTexts();
    const entity: CanonicalEntity = {
      id: 'un-KPi.999',
      type: 'person',
      dataset: 'un',
      primaryName: 'RI PYONG CHUL',
      names: [{ name: 'RI PYONG CHUL', kind: 'primary', script: 'latin', origin: 'source' }],
      countries: [],
      nationalities: [],
      birthDates: [],
      birthPlaces: [],
      addresses: [],
      identifiers: [],
      riskLevel: 'critical',
      flags: [],
      listings: [{ list: 'UN', referenceNumber: 'KPi.999', regime: 'DPRK', listedOn: '2017-12-22' }],
      relationships: [],
      sourceIds: ['un-consolidated-test'],
    };
    const before = JSON.stringify(entity);
    const [result] = applyResolutionDesignations([entity], texts);
    expect(JSON.stringify(entity)).toBe(before);
    expect(result?.listings[0]?.resolution).toBe('2397 (2017)');
    expect(result?.sourceIds).toEqual(['un-consolidated-test', 'unsc-res-2397']);
  });
});
