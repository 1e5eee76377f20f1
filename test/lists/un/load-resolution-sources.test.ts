import path from 'node:path';
import {
  loadResolutionSources,
  readResolutionParagraphs,
} from '../../../src/lists/resolutions/load-resolution-sources';
import type { Source, SourceSection } from '../../../src/model/entity';

const DATA_DIR = path.join(__dirname, '../../../data');

describe('loadResolutionSources', () => {
  let sources: Source[];

  function source(id: string): Source {
    const found = sources.find((s) => s.id === id);
    if (found === undefined) throw new Error(`no source ${id}`);
    return found;
  }

  function section(sourceId: string, locator: string): SourceSection {
    const found = source(sourceId).sections.find((s) => s.locator === locator);
    if (found === undefined) throw new Error(`no section "${locator}" in ${sourceId}`);
    return found;
  }

  beforeAll(async () => {
    sources = await loadResolutionSources(DATA_DIR);
  });

  it('builds the two resolution sources with their symbols and adoption dates', () => {
    expect(sources.map(({ id, kind, title, date }) => ({ id, kind, title, date }))).toEqual([
      { id: 'unsc-res-2375', kind: 'resolution', title: 'S/RES/2375 (2017)', date: '2017-09-11' },
      { id: 'unsc-res-2397', kind: 'resolution', title: 'S/RES/2397 (2017)', date: '2017-12-22' },
    ]);
  });

  it("keeps the file's caveat in the notes", async () => {
    const { caveat } = await readResolutionParagraphs(path.join(DATA_DIR, 'sources/resolution-paragraphs.json'));
    for (const s of sources) expect(s.notes).toBe(caveat);
  });

  it('has one section per paragraph entry of the file', async () => {
    const { paragraphs } = await readResolutionParagraphs(path.join(DATA_DIR, 'sources/resolution-paragraphs.json'));
    expect(source('unsc-res-2375').sections).toHaveLength(paragraphs.filter((p) => p.resolution === '2375').length);
    expect(source('unsc-res-2397').sections).toHaveLength(paragraphs.filter((p) => p.resolution === '2397').length);
  });

  it('gives 2397 para 8 as verbatim English text', () => {
    const para8 = section('unsc-res-2397', 'S/RES/2397 (2017), para. 8');
    expect(para8).toMatchObject({ paragraph: '8', textKind: 'verbatim', language: 'en' });
    expect(para8.text).toMatch(/^Expresses concern that DPRK nationals continue to work in other States/);
    expect(para8.text).toContain('no later than 24 months from the date of adoption of this resolution');
  });

  it('gives 2375 para 18 as the verbatim French full text', () => {
    const para18 = section('unsc-res-2375', 'S/RES/2375 (2017), para. 18');
    expect(para18).toMatchObject({ paragraph: '18', textKind: 'verbatim', language: 'fr' });
    expect(para18.text).toMatch(/^18\. Décide que les États doivent interdire/);
  });

  it('gives 2375 para 17 as a summary only, with the URL it comes from', () => {
    const para17 = section('unsc-res-2375', 'S/RES/2375 (2017), para. 17');
    expect(para17.paragraph).toBe('17');
    expect(para17.textKind).toBe('summary');
    expect(para17.language).toBeUndefined();
    expect(para17.url).toBe('https://asil.org/node/7032');
    expect(para17.text).toMatch(/work authorizations for DPRK nationals/);
  });

  it('sets no paragraph number where no source confirms it, and then locates by short title', () => {
    const textiles = section('unsc-res-2375', 'S/RES/2375 (2017), Ban on DPRK textile exports');
    expect(textiles.paragraph).toBeUndefined();
    expect(textiles.textKind).toBe('summary');
    const unnumbered = sources.flatMap((s) => s.sections).filter((s) => s.paragraph === undefined);
    expect(unnumbered.length).toBeGreaterThan(0);
    for (const s of unnumbered) expect(s.locator).not.toMatch(/para\./);
  });

  it('marks verbatim only the texts the file marks verbatim', () => {
    const verbatim = sources.flatMap((s) => s.sections).filter((s) => s.textKind === 'verbatim');
    expect(verbatim.map((s) => s.locator).sort()).toEqual([
      'S/RES/2375 (2017), para. 18',
      'S/RES/2397 (2017), para. 6',
      'S/RES/2397 (2017), para. 8',
    ]);
    expect(verbatim.every((s) => s.language !== undefined)).toBe(true);
    const summaries = sources.flatMap((s) => s.sections).filter((s) => s.textKind === 'summary');
    expect(summaries.every((s) => s.url?.startsWith('http'))).toBe(true);
  });

  it('rejects a data directory without the paragraphs file, naming the path', async () => {
    await expect(loadResolutionSources(path.join(DATA_DIR, 'does-not-exist'))).rejects.toThrow(/does-not-exist/);
  });
});
