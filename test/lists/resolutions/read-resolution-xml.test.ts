import fs from 'node:fs';
import path from 'node:path';
import { readResolutionXml, type ResolutionDocument } from '../../../src/lists/resolutions/read-resolution-xml';
import { loadUnConsolidatedList } from '../../../src/lists/un/load-un-list';
import { normalizeText } from '../../../src/matching/normalize/normalize-text';
import type { CanonicalEntity } from '../../../src/model/entity';

/**
 * The resolutions' official English text as the service ships it (data/sources/resolutions/, byte copies of the UN
 * Secretariat's Akoma Ntoso XML): paragraphs by number as SOURCE.md counts them, the text as published, and every
 * annex entry tied to the UN list entry its designation made.
 */

const DATA_DIR = path.join(__dirname, '../../../data');
const read = (file: string): ResolutionDocument => readResolutionXml(fs.readFileSync(path.join(DATA_DIR, 'sources/resolutions', file), 'utf8'));

const r2375 = read('S_RES_2375_1715864E.xml');
const r2397 = read('S_RES_2397_1723207E.xml');

describe('readResolutionXml', () => {
  it('reads each resolution whole: symbol, adoption date, 10 / 7 preamble and 33 / 29 operative paragraphs', () => {
    expect([r2375.symbol, r2375.adoptedOn, r2375.preamble.length, r2375.operative.length]).toEqual(['S/RES/2375 (2017)', '2017-09-11', 10, 33]);
    expect([r2397.symbol, r2397.adoptedOn, r2397.preamble.length, r2397.operative.length]).toEqual(['S/RES/2397 (2017)', '2017-12-22', 7, 29]);
    expect(r2375.operative.map((p) => p.key)).toEqual(Array.from({ length: 33 }, (_, i) => String(i + 1)));
    expect(r2375.preamble[0]?.key).toBe('preamble-1');
  });

  it('keeps the text as published: the labour paragraphs word for word, no-break spaces and hyphens kept', () => {
    const para17 = r2375.operative.find((p) => p.key === '17')?.text ?? '';
    expect(para17).toMatch(/^Decides that all Member States shall not provide work authorizations for DPRK nationals in their jurisdictions in connection with admission to their territories unless the Committee determines on a case-by-case basis in advance/);
    const para8 = r2397.operative.find((p) => p.key === '8')?.text ?? '';
    expect(para8).toContain('decides that Member States shall repatriate to the DPRK all DPRK nationals earning income in that Member State’s jurisdiction');
    expect(para8).toContain('immediately but no later than 24 months from the date of adoption of this resolution');
    expect(r2375.operative.find((p) => p.key === '14')?.text).toContain('1\u00a0October 2017');
    expect([...r2375.operative, ...r2397.operative].some((p) => p.text.includes('\u2011'))).toBe(true);
    expect(para8).not.toMatch(/\s{2,}/);
  });

  it('reads the 21 designations: 2375 annex I 1 and annex II 3, 2397 annex I 16 and annex II 1, each with its description', () => {
    const keys = (doc: ResolutionDocument): string[] => doc.annexEntries.map((entry) => entry.key);
    expect(keys(r2375)).toEqual(['annex-I-1', 'annex-II-1', 'annex-II-2', 'annex-II-3']);
    expect(keys(r2397)).toEqual([...Array.from({ length: 16 }, (_, i) => `annex-I-${i + 1}`), 'annex-II-1']);
    expect(r2375.annexEntries[0]).toMatchObject({ name: 'PAK YONG SIK' });
    expect(r2375.annexEntries[0]?.text).toContain('Description: Pak Yong Sik is a member of the Workers’ Party of Korea Central Military Commission');
    expect(r2397.annexEntries[16]?.name).toBe('MINISTRY OF THE PEOPLE’S ARMED FORCES (MPAF)');
  });

  it('refuses a document that is not a resolution in Akoma Ntoso', () => {
    expect(() => readResolutionXml('<html><body/></html>')).toThrow(/Akoma Ntoso/);
    expect(() => readResolutionXml('<akomaNtoso><statement/></akomaNtoso>')).toThrow(/docNumber/);
  });
});

describe('each annex entry is the UN list entry its designation made (by name and listing date)', () => {
  let entities: CanonicalEntity[];
  beforeAll(async () => {
    entities = (await loadUnConsolidatedList(path.join(DATA_DIR, 'un/consolidated-2024-09-26.xml'))).entities;
  });

  /** The listed DPRK entries of that day whose names include the annex entry's name (its acronym set aside). */
  const listedFor = (doc: ResolutionDocument, name: string): string[] => {
    const wanted = normalizeText(name.replace(/\([^)]*\)/g, ' '));
    return entities
      .filter((entity) => entity.listings.some((listing) => listing.listedOn === doc.adoptedOn && listing.referenceNumber.startsWith('KP')))
      .filter((entity) => entity.names.some((entityName) => normalizeText(entityName.name.replace(/\([^)]*\)/g, ' ')) === wanted))
      .flatMap((entity) => entity.listings.map((listing) => listing.referenceNumber));
  };

  it.each([
    ['2375', () => r2375, ['KPi.063', 'KPe.051', 'KPe.052', 'KPe.053']],
    ['2397', () => r2397, [...Array.from({ length: 16 }, (_, i) => `KPi.0${64 + i}`), 'KPe.054']],
  ] as const)('resolution %s', (_label, doc, referenceNumbers) => {
    const found = doc().annexEntries.map((entry) => listedFor(doc(), entry.name));
    // Exactly one entry each, all different, and together the designations of that day. (The list's numbering does
    // not follow the annex's order: 2397 annex I 11, PAK MUN IL, is KPi.079. KPe.054 was renamed Ministry of
    // National Defence after 2397 designated it; the list keeps the old name beside the new one.)
    expect(found.every((numbers) => numbers.length === 1)).toBe(true);
    expect(found.flat().sort()).toEqual([...referenceNumbers].sort());
  });
});
