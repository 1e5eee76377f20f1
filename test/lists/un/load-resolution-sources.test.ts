import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadResolutionSources, RESOLUTION_XML_DIR } from '../../../src/lists/resolutions/load-resolution-sources';
import type { Source, SourceSection } from '../../../src/model/entity';

/** The two resolutions as sources: their official text from the shipped XML, every paragraph verbatim and located. */

const DATA_DIR = path.join(__dirname, '../../../data');

describe('loadResolutionSources', () => {
  let sources: Source[];

  function source(id: string): Source {
    const found = sources.find((s) => s.id === id);
    if (found === undefined) throw new Error(`no source ${id}`);
    return found;
  }

  function paragraph(sourceId: string, key: string): SourceSection {
    const found = source(sourceId).sections.find((s) => s.paragraph === key);
    if (found === undefined) throw new Error(`no paragraph "${key}" in ${sourceId}`);
    return found;
  }

  beforeAll(async () => {
    sources = await loadResolutionSources(DATA_DIR);
  });

  it('builds the two resolution sources: symbol, adoption date, the undocs URL, the file hash and its provenance', () => {
    expect(sources.map(({ id, kind, title, date, url }) => ({ id, kind, title, date, url }))).toEqual([
      { id: 'unsc-res-2375', kind: 'resolution', title: 'S/RES/2375 (2017)', date: '2017-09-11', url: 'https://undocs.org/S/RES/2375(2017)' },
      { id: 'unsc-res-2397', kind: 'resolution', title: 'S/RES/2397 (2017)', date: '2017-12-22', url: 'https://undocs.org/S/RES/2397(2017)' },
    ]);
    expect(source('unsc-res-2375').sha256).toBe('74a764ee6c82f3f6d49a35a366074c31ea6a98f49d83b3b51ba531dd1bee293f');
    expect(source('unsc-res-2397').notes).toMatch(/8151st meeting.*UNxml\/SCresolutions.*S_RES_2397_1723207E\.xml.*6e64b76d/);
  });

  it('has every preamble paragraph, operative paragraph and annex entry, each verbatim English with the undocs URL', () => {
    expect(source('unsc-res-2375').sections).toHaveLength(10 + 33 + 4);
    expect(source('unsc-res-2397').sections).toHaveLength(7 + 29 + 17);
    for (const s of sources.flatMap((r) => r.sections)) {
      expect(s).toMatchObject({ textKind: 'verbatim', language: 'en' });
      expect(s.url).toMatch(/^https:\/\/undocs\.org\/S\/RES\/(2375|2397)\(2017\)$/);
    }
  });

  it('locates paragraphs as the API asks for them: "8", "preamble-3", "annex-I-1"', () => {
    expect(paragraph('unsc-res-2397', '8')).toMatchObject({ locator: 'S/RES/2397 (2017), para. 8' });
    expect(paragraph('unsc-res-2397', '8').text).toContain('shall repatriate to the DPRK all DPRK nationals earning income');
    expect(paragraph('unsc-res-2375', '17').text).toMatch(/^Decides that all Member States shall not provide work authorizations/);
    expect(paragraph('unsc-res-2375', 'preamble-3')).toMatchObject({ locator: 'S/RES/2375 (2017), preamble para. 3', heading: 'Preamble' });
    expect(paragraph('unsc-res-2375', 'annex-I-1')).toMatchObject({ locator: 'S/RES/2375 (2017), annex I, 1', heading: 'PAK YONG SIK' });
    expect(paragraph('unsc-res-2397', 'annex-II-1').heading).toBe('MINISTRY OF THE PEOPLE’S ARMED FORCES (MPAF)');
  });

  it('refuses a data directory whose copy is missing or is another resolution, naming the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-'));
    await expect(loadResolutionSources(dir)).rejects.toThrow(/S_RES_(2375_1715864E|2397_1723207E)\.xml/);
    fs.mkdirSync(path.join(dir, RESOLUTION_XML_DIR), { recursive: true });
    for (const file of ['S_RES_2375_1715864E.xml', 'S_RES_2397_1723207E.xml']) {
      // Each copy under the other's name: read, then refused as the wrong resolution.
      const other = file.startsWith('S_RES_2375') ? 'S_RES_2397_1723207E.xml' : 'S_RES_2375_1715864E.xml';
      fs.copyFileSync(path.join(DATA_DIR, RESOLUTION_XML_DIR, other), path.join(dir, RESOLUTION_XML_DIR, file));
    }
    await expect(loadResolutionSources(dir)).rejects.toThrow(/holds S\/RES\/(2375|2397) \(2017\) of 2017-\d\d-\d\d, not S\/RES\/(2375|2397) \(2017\)/);
  });
});
