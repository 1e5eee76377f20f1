import { createHash } from 'node:crypto';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { investigationFileSchema } from '../../src/lists/investigation/dataset-schema';
import { loadResolutionSources } from '../../src/lists/resolutions/load-resolution-sources';
import { InvestigationDataError, loadInvestigation } from '../../src/lists/investigation/load-investigation';
import type { CanonicalEntity, Citation, LoadedDataset, Source } from '../../src/model/entity';
import { FLAG_TAXONOMY } from '../../src/model/flag-taxonomy';

const DATA_DIR = join(__dirname, '..', '..', 'data');
const SUBJECTS_FILE = join('investigation', 'insider-dprk-students.yaml');
const ARTICLE_FILE = join('sources', 'insider-article.yaml');
const ARTICLE_ID = 'insider-dprk-students';

// Every organization and person the article names, spelt as the article prints them.
const NAMED_IN_ARTICLE = [
  'Intergovernmental Migration Center',
  'MMC',
  'Sergei Tkachuk',
  'International Congress of Industrialists and Entrepreneurs',
  'Artem Chaika',
  'DPRK embassy',
  'North Korean embassy',
  'Air Koryo',
  'Sodeystvie Arts and Humanities College',
  'Pyotr Popov',
  'National Fund for the Support of Social and Economic Projects “Sodeystvie”',
  'Vladislav Kim',
  'Zavolzhsky Meat Plant',
  'Natalia Titova',
  'LocoTech-Signal LLC',
  'Transmashholding',
  'Ivan Vyuchnov',
  'ENDOVIEW',
  'Cedric Ryngaert',
  'Marzuki Darusman',
  'Sergey Lavrov',
  'Sergei Ezhov',
  'The Insider',
  'Utrecht University',
  'Federal Migration Service',
];

const EXPERTS_AND_JOURNALISTS = ['Cedric Ryngaert', 'Marzuki Darusman', 'Sergei Ezhov'];

// People with Russian names: each needs its Cyrillic form so Russian-language records match.
const RUSSIAN_PEOPLE = [
  'Sergei Tkachuk',
  'Artem Chaika',
  'Pyotr Popov',
  'Vladislav Kim',
  'Natalia Titova',
  'Ivan Vyuchnov',
  'Sergey Lavrov',
  'Sergei Ezhov',
];

const POLITICALLY_EXPOSED = ['Pyotr Popov', 'Artem Chaika', 'Sergey Lavrov'];

const SECTION_HEADINGS = [
  'Lead',
  'Demand for North Korean labor',
  'Modern-day slaves from the DPRK',
  'Russia violates sanctions it once endorsed',
  'Who in Russia is looking for North Korean workers?',
];

// Pull-quotes and captions printed in the copy held that must not count as body paragraphs.
const NOT_BODY_PARAGRAPHS = [
  'It is easiest to bring seamstresses and handymen into Russia, as the North Korean side was routinely refusing to provide exit permits for construction workers.',
  'The workers often received little or nothing in exchange for working grueling shifts of up to 20 hours a day — all while living in conditions of constant surveillance and with insufficient food.',
  'St. Petersburg-based Korean-Russian chef Vladislav Kim.',
];

const CYRILLIC = /\p{Script=Cyrillic}/u;

let dataset: LoadedDataset;
let article: Source;

beforeAll(async () => {
  dataset = await loadInvestigation(DATA_DIR);
  const found = dataset.sources.find((s) => s.id === ARTICLE_ID);
  if (found === undefined) throw new Error(`source ${ARTICLE_ID} missing`);
  article = found;
});

function byName(name: string): CanonicalEntity {
  const hits = dataset.entities.filter((e) => e.primaryName === name || e.names.some((n) => n.name === name || n.raw === name));
  if (hits.length !== 1) throw new Error(`expected exactly one entity named "${name}", found ${hits.length}`);
  return hits[0] as CanonicalEntity;
}

function allCitations(): Array<{ where: string; citation: Citation }> {
  return dataset.entities.flatMap((e) => [
    ...e.flags.flatMap((f, i) => f.citations.map((citation) => ({ where: `${e.id} flag ${i} (${f.code})`, citation }))),
    ...e.relationships.flatMap((r, i) => r.citations.map((citation) => ({ where: `${e.id} relationship ${i} (${r.type})`, citation }))),
  ]);
}

async function copyDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'investigation-'));
  await cp(DATA_DIR, dir, { recursive: true });
  return dir;
}

describe('the curated investigation dataset', () => {
  it.each(NAMED_IN_ARTICLE)('includes %s, as the article spells it', (name) => {
    // American punctuation puts a sentence comma inside the closing quote (“Sodeystvie,”); it is not part of the name.
    const printed = [...article.sections.map((s) => s.text), ...(article.credits ?? [])].join('\n').replaceAll(',”', '”');
    expect(printed).toContain(name);
    expect(byName(name).dataset).toBe('investigation');
  });

  it('gives every entity a unique ins-<slug> id', () => {
    const ids = dataset.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^ins-[a-z0-9-]+$/);
  });

  it('points every relationship at an entity that exists', () => {
    const ids = new Set(dataset.entities.map((e) => e.id));
    const dangling = dataset.entities.flatMap((e) => e.relationships.filter((r) => !ids.has(r.targetId)).map((r) => `${e.id} -> ${r.targetId}`));
    expect(dangling).toEqual([]);
  });

  it('quotes every article citation verbatim, in short, from the section and paragraph it names', () => {
    const articleCitations = allCitations().filter(({ citation }) => citation.sourceId === ARTICLE_ID);
    expect(articleCitations.length).toBeGreaterThan(0);
    for (const { where, citation } of articleCitations) {
      const paragraph = article.sections.find((s) => s.heading === citation.section && s.paragraph === citation.paragraph);
      expect({ where, found: paragraph !== undefined }).toEqual({ where, found: true });
      expect(citation.locator).toBe(`section '${citation.section}', para. ${citation.paragraph}`);
      expect(citation.quote).toBeDefined();
      expect((citation.quote ?? '').length).toBeLessThanOrEqual(200);
      expect({ where, inParagraph: paragraph?.text.includes(citation.quote ?? '\u0000') }).toEqual({ where, inParagraph: true });
    }
  });

  it('backs every flag with at least one article citation and uses only taxonomy codes', () => {
    for (const e of dataset.entities) {
      for (const f of e.flags) {
        expect(Object.keys(FLAG_TAXONOMY)).toContain(f.code);
        expect(f.citations.some((c) => c.sourceId === ARTICLE_ID)).toBe(true);
      }
    }
  });

  it.each(EXPERTS_AND_JOURNALISTS)('lists %s with risk none and no flags', (name) => {
    const entity = byName(name);
    expect(entity.riskLevel).toBe('none');
    expect(entity.flags).toEqual([]);
  });

  it('never calls a subject "sanctioned" in a flag, except in the sanctioned-by-other-state flag', () => {
    const offending = dataset.entities.flatMap((e) =>
      e.flags
        .filter((f) => f.code !== 'sanctioned-by-other-state' && /\bsanctioned\b/i.test(`${f.title} ${f.description}`))
        .map((f) => `${e.id}: ${f.title}`),
    );
    expect(offending).toEqual([]);
  });

  it('words allegations and requests as "Named in the investigation as …"', () => {
    const allegationCodes = ['dprk-labor-facilitation', 'dprk-labor-request', 'linked-to-facilitator'];
    const flags = dataset.entities.flatMap((e) => e.flags.filter((f) => allegationCodes.includes(f.code)));
    expect(flags.length).toBeGreaterThan(0);
    for (const f of flags) expect(f.title).toMatch(/^Named in the investigation as /);
  });

  it('reports the college as under South Korean sanctions, says the list is not loaded, and flags nothing else so', () => {
    const college = byName('Sodeystvie Arts and Humanities College');
    const flag = college.flags.find((f) => f.code === 'sanctioned-by-other-state');
    expect(flag?.description).toMatch(/^The investigation reports that .* is under South Korean sanctions/);
    expect(flag?.description).toMatch(/does not load the South Korean sanctions list/);
    const others = dataset.entities.filter((e) => e !== college && e.flags.some((f) => f.code === 'sanctioned-by-other-state'));
    expect(others).toEqual([]);
  });

  it.each(RUSSIAN_PEOPLE)('gives %s a Cyrillic name marked added-original-script, with a note', (name) => {
    const cyrillic = byName(name).names.filter((n) => n.script === 'cyrillic' && n.origin === 'added-original-script');
    expect(cyrillic.length).toBeGreaterThan(0);
    for (const n of cyrillic) {
      expect(n.name).toMatch(CYRILLIC);
      expect(n.note).toBeTruthy();
    }
  });

  it('gives every person tied to Russia a Cyrillic name', () => {
    const missing = dataset.entities
      .filter((e) => e.type === 'person' && e.countries.includes('RU'))
      .filter((e) => !e.names.some((n) => n.script === 'cyrillic' && n.origin === 'added-original-script'))
      .map((e) => e.id);
    expect(missing).toEqual([]);
  });

  it('gives Air Koryo and the DPRK embassy their Hangul names', () => {
    for (const name of ['Air Koryo', 'DPRK embassy']) {
      const hangul = byName(name).names.filter((n) => n.script === 'hangul' && n.origin === 'added-original-script');
      expect(hangul.length).toBeGreaterThan(0);
      for (const n of hangul) expect(n.name).toMatch(/\p{Script=Hangul}/u);
    }
  });

  it('explains every name it added with a note, and marks the article’s own spellings as source', () => {
    for (const e of dataset.entities) {
      for (const n of e.names) if (n.origin !== 'source') expect({ name: n.name, note: Boolean(n.note) }).toEqual({ name: n.name, note: true });
      expect(e.names.find((n) => n.kind === 'primary')).toMatchObject({ name: e.primaryName, origin: 'source' });
    }
  });

  it('does not make the Telegram channel @mmcpersonal a name or identifier of the MMC: the article does not say who runs it', () => {
    for (const e of dataset.entities) {
      expect({ id: e.id, names: e.names.filter((n) => n.name.includes('mmcpersonal')) }).toEqual({ id: e.id, names: [] });
      expect({ id: e.id, identifiers: e.identifiers.filter((i) => i.value.includes('mmcpersonal')) }).toEqual({ id: e.id, identifiers: [] });
    }
  });

  it('records that Tkachuk heads the MMC, and the MMC is headed by him, with citations', () => {
    const tkachuk = byName('Sergei Tkachuk');
    const mmc = byName('MMC');
    const heads = tkachuk.relationships.find((r) => r.type === 'heads' && r.targetId === mmc.id);
    expect(heads?.citations.some((c) => c.sourceId === ARTICLE_ID && (c.quote ?? '').includes('Tkachuk'))).toBe(true);
    expect(mmc.relationships).toContainEqual(expect.objectContaining({ type: 'headed-by', targetId: tkachuk.id }));
  });

  it('dates the Congress’s co-founding of the MMC "until 2020"', () => {
    const congress = byName('International Congress of Industrialists and Entrepreneurs');
    expect(congress.relationships).toContainEqual(
      expect.objectContaining({ type: 'co-founder-of', targetId: byName('MMC').id, period: 'until 2020' }),
    );
  });

  it('records a request to the MMC only where the article names the MMC as its recipient (Popov, "For example")', () => {
    const requesters = dataset.entities.filter((e) => e.relationships.some((r) => r.type === 'requested-workers-from')).map((e) => e.primaryName);
    expect(requesters).toEqual(['Pyotr Popov']);
    expect(byName('MMC').relationships.filter((r) => r.type === 'received-worker-requests-from').map((r) => r.targetId)).toEqual([byName('Pyotr Popov').id]);
  });

  it.each([['Vladislav Kim'], ['Zavolzhsky Meat Plant'], ['Natalia Titova'], ['LocoTech-Signal LLC']])(
    'flags %s as requesting DPRK workers, saying the article names no recipient and citing no request to the MMC',
    (name) => {
      const flag = byName(name).flags.find((f) => f.code === 'dprk-labor-request');
      expect(flag?.description).toMatch(/does not say to whom the request was made/);
      expect(flag?.citations.map((c) => c.quote).join(' ')).not.toMatch(/migration center/);
    },
  );

  it('codes Vyuchnov’s public enquiry as an enquiry (low), not a request, and gives his clinic no flag', () => {
    const vyuchnov = byName('Ivan Vyuchnov');
    expect(vyuchnov.flags.map((f) => f.code)).toEqual(['dprk-labor-enquiry']);
    expect(vyuchnov.riskLevel).toBe('low');
    expect(vyuchnov.relationships.map((r) => r.type)).toEqual(['employed-by']);
    expect(byName('ENDOVIEW')).toMatchObject({ riskLevel: 'none', flags: [] });
  });

  it('gives Air Koryo, which the article mentions only for its flights, no scheme flag and no risk', () => {
    expect(byName('Air Koryo')).toMatchObject({ riskLevel: 'none', flags: [], relationships: [] });
  });

  it('states no tie between the MMC and the embassy or the college, which the article does not state', () => {
    const mmc = byName('MMC');
    const untied = [byName('DPRK embassy').id, byName('Sodeystvie Arts and Humanities College').id];
    expect(mmc.relationships.filter((r) => untied.includes(r.targetId))).toEqual([]);
    for (const id of untied) expect(dataset.entities.find((e) => e.id === id)?.relationships.filter((r) => r.targetId === mmc.id)).toEqual([]);
  });

  it('credits the embassy’s “special requirements” to Tkachuk, and quotes Ryngaert’s construction with its condition', () => {
    for (const flag of byName('DPRK embassy').flags) expect(flag.description).toMatch(/according to Tkachuk/i);
    const tkachuk = byName('Sergei Tkachuk').flags.find((f) => f.code === 'dprk-labor-facilitation');
    expect(tkachuk?.description).toMatch(/if they knew these people are actually workers/);
    expect(tkachuk?.citations.map((c) => c.quote)).toContain(
      'but if they knew these people are actually workers — this is just a legal artificial construction set up to evade sanctions',
    );
  });

  it('adds no fact from outside the article: no seat for the embassy, no legal form, no inferred countries', () => {
    const embassy = byName('DPRK embassy');
    expect(embassy.countries).toEqual(['KP']);
    expect(embassy.names.map((n) => n.name).join(' | ')).not.toMatch(/Russia|России|Российской/);
    expect(byName('Transmashholding').names.map((n) => `${n.name} ${n.note ?? ''}`).join(' ')).not.toMatch(/\bАО\b|«/);
    expect(byName('Federal Migration Service').narrative).not.toMatch(/abolish/);
    for (const name of ['MMC', 'Sergei Tkachuk', 'International Congress of Industrialists and Entrepreneurs', 'Artem Chaika', 'Pyotr Popov', 'Natalia Titova', 'Transmashholding', 'Ivan Vyuchnov', 'Cedric Ryngaert', 'Marzuki Darusman']) {
      expect({ name, countries: byName(name).countries }).toEqual({ name, countries: [] });
    }
  });

  it('does not name, even in its README, the former prosecutor general the article leaves unnamed', async () => {
    const readme = await readFile(join(DATA_DIR, 'investigation', 'README.md'), 'utf8');
    const subjects = await readFile(join(DATA_DIR, SUBJECTS_FILE), 'utf8');
    for (const text of [readme, subjects]) expect(text).not.toMatch(/Yury|Yuri |Юрий/);
  });

  it('marks names read in sources the project does not hold as unverified, with a note, weighted as low-quality aliases', () => {
    const unverified = dataset.entities.flatMap((e) => e.names.filter((n) => n.origin === 'unverified').map((n) => ({ id: e.id, ...n })));
    expect(unverified.map((n) => n.name).sort()).toEqual(
      ['ICIE', 'Interstate Migration Center', 'Межгосударственный миграционный центр', 'Международный конгресс промышленников и предпринимателей', 'МКПП', 'ММЦ'].sort(),
    );
    for (const n of unverified) expect(n).toMatchObject({ quality: 'low', note: expect.stringMatching(/^Unverified\./) });
  });

  it.each(POLITICALLY_EXPOSED)('flags %s as politically exposed, severity low', (name) => {
    expect(byName(name).flags).toContainEqual(expect.objectContaining({ code: 'politically-exposed', severity: 'low' }));
  });

  it('rates the facilitators high', () => {
    for (const name of ['MMC', 'Sergei Tkachuk', 'Sodeystvie Arts and Humanities College', 'DPRK embassy']) {
      expect({ name, riskLevel: byName(name).riskLevel }).toEqual({ name, riskLevel: 'high' });
    }
  });

  it('ties the facilitator flags to S/RES/2375 para. 17 and S/RES/2397 para. 8, quoted from the official text at undocs', () => {
    const facilitation = dataset.entities.flatMap((e) => e.flags.filter((f) => f.code === 'dprk-labor-facilitation'));
    expect(facilitation.length).toBeGreaterThan(0);
    for (const flag of facilitation) {
      const res2375 = flag.citations.find((c) => c.sourceId === 'unsc-res-2375');
      const res2397 = flag.citations.find((c) => c.sourceId === 'unsc-res-2397');
      expect(res2375).toMatchObject({ locator: 'S/RES/2375 (2017), para. 17', paragraph: '17', url: 'https://undocs.org/S/RES/2375(2017)' });
      expect(res2375?.quote).toMatch(/^Decides that all Member States shall not provide work authorizations for DPRK nationals/);
      expect(res2397).toMatchObject({ locator: 'S/RES/2397 (2017), para. 8', paragraph: '8', url: 'https://undocs.org/S/RES/2397(2017)' });
      expect(res2397?.quote).toBeTruthy();
    }
  });

  it('cites only resolution paragraphs the resolution sources hold, quoting only text they mark verbatim', async () => {
    const resolutions = await loadResolutionSources(DATA_DIR);
    const cited = allCitations().filter(({ citation }) => citation.sourceId !== ARTICLE_ID);
    expect(cited.length).toBeGreaterThan(0);
    for (const { where, citation } of cited) {
      const section = resolutions.find((r) => r.id === citation.sourceId)?.sections.find((s) => s.locator === citation.locator);
      expect({ where, locator: citation.locator, found: section !== undefined }).toEqual({ where, locator: citation.locator, found: true });
      if (citation.quote !== undefined) {
        expect({ where, textKind: section?.textKind, quoted: section?.text.includes(citation.quote) }).toEqual({ where, textKind: 'verbatim', quoted: true });
      }
    }
  });
});

describe('the article source', () => {
  it('invents no title, date or URL', () => {
    expect(article.title).toMatch(/untitled in the copy held/);
    expect(article.date).toBeUndefined();
    expect(article.url).toBeUndefined();
    expect(article.publisher).toBe('The Insider');
    expect(article.credits?.join(' ')).toMatch(/Sergei Ezhov/);
  });

  it('has the lead and the four printed headings, in order, each numbered from 1', () => {
    const headings = [...new Set(article.sections.map((s) => s.heading))];
    expect(headings).toEqual(SECTION_HEADINGS);
    for (const heading of SECTION_HEADINGS) {
      const numbers = article.sections.filter((s) => s.heading === heading).map((s) => s.paragraph);
      expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    }
  });

  it('uses the locator format section \'<heading>\', para. <n> and marks every paragraph verbatim', () => {
    expect(article.sections.map((s) => s.locator)).toContain("section 'Demand for North Korean labor', para. 3");
    for (const s of article.sections) {
      expect(s.locator).toBe(`section '${s.heading}', para. ${s.paragraph}`);
      expect(s.textKind).toBe('verbatim');
    }
  });

  it('places the MMC’s head in para. 3 of "Demand for North Korean labor"', () => {
    const para3 = article.sections.find((s) => s.locator === "section 'Demand for North Korean labor', para. 3");
    expect(para3?.text.startsWith('The MMC is headed by Sergei Tkachuk')).toBe(true);
  });

  it.each(NOT_BODY_PARAGRAPHS)('does not count the pull-quote or caption "%s" as a body paragraph', (text) => {
    expect(article.sections.map((s) => s.text)).not.toContain(text);
  });
});

describe('the dataset schema', () => {
  let raw: unknown;
  beforeAll(async () => {
    raw = parse(await readFile(join(DATA_DIR, SUBJECTS_FILE), 'utf8'));
  });

  function modified(change: (entities: Array<Record<string, unknown>>) => void): unknown {
    const copy = structuredClone(raw) as { entities: Array<Record<string, unknown>> };
    change(copy.entities);
    return copy;
  }

  it('accepts the file as it is', () => {
    expect(investigationFileSchema.safeParse(raw).success).toBe(true);
  });

  it('rejects a flag code outside the taxonomy', () => {
    const result = investigationFileSchema.safeParse(
      modified((entities) => {
        const flags = entities[0]?.['flags'] as Array<Record<string, unknown>>;
        (flags[0] as Record<string, unknown>)['code'] = 'forced-labour';
      }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('entities.0.flags.0.code');
  });

  it.each([['Russia'], ['ru'], ['RUS']])('rejects the country code %s', (code) => {
    const result = investigationFileSchema.safeParse(modified((entities) => ((entities[0] as Record<string, unknown>)['countries'] = [code])));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('entities.0.countries.0');
  });

  it('rejects an id that is not ins-<slug>', () => {
    const result = investigationFileSchema.safeParse(modified((entities) => ((entities[0] as Record<string, unknown>)['id'] = 'MMC')));
    expect(result.success).toBe(false);
  });

  it('rejects an unknown key instead of dropping it', () => {
    const result = investigationFileSchema.safeParse(modified((entities) => ((entities[0] as Record<string, unknown>)['sanctioned'] = true)));
    expect(result.success).toBe(false);
  });

  it('rejects a name we added without a note', () => {
    const result = investigationFileSchema.safeParse(
      modified((entities) => {
        const names = entities[0]?.['names'] as Array<Record<string, unknown>>;
        names.push({ name: 'Mezhgosudarstvenny Migratsionny Tsentr', kind: 'alias', script: 'latin', origin: 'added-transliteration' });
      }),
    );
    expect(result.success).toBe(false);
  });
});

describe('loadInvestigation', () => {
  const tempDirs: string[] = [];
  afterAll(async () => {
    await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  async function tempCopy(): Promise<string> {
    const dir = await copyDataDir();
    tempDirs.push(dir);
    return dir;
  }

  it('returns the investigation dataset with no source date and the article as its source', () => {
    expect(dataset.id).toBe('investigation');
    expect(dataset.sourceDate).toBeNull();
    expect(dataset.sources.map((s) => s.id)).toEqual([ARTICLE_ID]);
    expect(dataset.entities.every((e) => e.sourceIds.includes(ARTICLE_ID))).toBe(true);
  });

  it('hashes both files into a stable contentHash', async () => {
    const again = await loadInvestigation(DATA_DIR);
    expect(again.contentHash).toBe(dataset.contentHash);
    const bytes = Buffer.concat([await readFile(join(DATA_DIR, SUBJECTS_FILE)), await readFile(join(DATA_DIR, ARTICLE_FILE))]);
    expect(dataset.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it.each([[SUBJECTS_FILE], [ARTICLE_FILE]])('changes contentHash when %s changes', async (file) => {
    const dir = await tempCopy();
    await appendFile(join(dir, file), '# an edit\n');
    expect((await loadInvestigation(dir)).contentHash).not.toBe(dataset.contentHash);
  });

  it('refuses a quote that is not in the paragraph it cites, naming the file and the field', async () => {
    const dir = await tempCopy();
    const path = join(dir, SUBJECTS_FILE);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('quote: The MMC is headed by Sergei Tkachuk', 'quote: The MMC is headed by Sergey Tkachuk'));
    const error: unknown = await loadInvestigation(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvestigationDataError);
    expect((error as Error).message).toContain('insider-dprk-students.yaml');
    expect((error as Error).message).toMatch(/relationships\[0\]\.citations\[0\]\.quote: "The MMC is headed by Sergey Tkachuk" does not occur verbatim/);
  });

  it('refuses a resolution quote that is not the official text of the paragraph it cites, naming the field and the quote', async () => {
    const dir = await tempCopy();
    const path = join(dir, SUBJECTS_FILE);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('quote: decides that Member States shall repatriate to the DPRK all DPRK nationals', 'quote: decides that Member States may repatriate to the DPRK all DPRK nationals'));
    const error: unknown = await loadInvestigation(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvestigationDataError);
    expect((error as Error).message).toMatch(/ins-mmc\)\.flags\[0\]\(dprk-labor-facilitation\)\.citations\[\d+\]\.quote: "decides that Member States may repatriate[^"]*" does not occur verbatim in S\/RES\/2397 \(2017\), para\. 8/);
  });

  it('refuses a resolution locator that names no paragraph of the resolution', async () => {
    const dir = await tempCopy();
    const path = join(dir, SUBJECTS_FILE);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('locator: S/RES/2375 (2017), para. 17', 'locator: S/RES/2375 (2017), para. 71'));
    await expect(loadInvestigation(dir)).rejects.toThrow(/citations\[\d+\]\.locator: unsc-res-2375 has no "S\/RES\/2375 \(2017\), para\. 71"/);
  });

  it('accepts a resolution quote that differs from the text only by a quote mark or a no-break space', async () => {
    const dir = await tempCopy();
    const path = join(dir, SUBJECTS_FILE);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace("in that Member State’s jurisdiction", "in that Member State's\u00a0jurisdiction"));
    await expect(loadInvestigation(dir)).resolves.toMatchObject({ id: 'investigation' });
  });

  it('refuses a relationship whose target does not exist', async () => {
    const dir = await tempCopy();
    const path = join(dir, SUBJECTS_FILE);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('targetId: ins-transmashholding', 'targetId: ins-tmh'));
    await expect(loadInvestigation(dir)).rejects.toThrow(/targetId: entity "ins-tmh" does not exist/);
  });

  it('refuses a bad field with the file name and the path of the field', async () => {
    const dir = await tempCopy();
    const path = join(dir, SUBJECTS_FILE);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('countries: [NL]', 'countries: [Netherlands]'));
    await expect(loadInvestigation(dir)).rejects.toThrow(/insider-dprk-students\.yaml: .*countries\[0\]/s);
  });

  it('refuses an article paragraph that was renumbered', async () => {
    const dir = await tempCopy();
    const path = join(dir, ARTICLE_FILE);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('- paragraph: 2\n', '- paragraph: 7\n'));
    await expect(loadInvestigation(dir)).rejects.toThrow(/insider-article\.yaml: .*paragraphs\[1\]\.paragraph/s);
  });
});
