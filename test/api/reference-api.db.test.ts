import request from 'supertest';
import { EntityPageSchema, EntitySchema, SourceListSchema, SourceParagraphSchema } from '../../src/reference/reference-schemas';
import { ProblemSchema } from '../../src/shared/api-schemas';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

function expectProblem(res: request.Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = ProblemSchema.parse(res.body);
  expect(problem.status).toBe(status);
  expect(problem.requestId).toBe(res.headers['x-request-id']);
  return problem;
}

describe(`reference-data API on ${TEST_DATABASE_KIND}`, () => {
  it('pages through every UN entry and every investigation subject with limit=500', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await request(t.app)
        .get('/v1/entities')
        .query({ limit: 500, ...(cursor ? { cursor } : {}) })
        .expect(200);
      const page = EntityPageSchema.parse(res.body);
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    const snapshot = t.context.data.snapshot!;
    const un = ids.filter((id) => id.startsWith('un-'));
    const investigation = ids.filter((id) => id.startsWith('ins-'));
    expect(un).toHaveLength(1003);
    expect(investigation.length).toBeGreaterThanOrEqual(21);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(snapshot.entities.size);
    expect(pages).toBe(Math.ceil(ids.length / 500));
    expect([...ids].sort()).toEqual(ids);
  });

  it('finds an entity by a case-insensitive name substring, including Cyrillic aliases', async () => {
    const latin = await request(t.app).get('/v1/entities').query({ q: 'TKACHUK' }).expect(200);
    expect(latin.body.items.map((i: { id: string }) => i.id)).toContain('ins-sergei-tkachuk');
    const cyrillic = await request(t.app).get('/v1/entities').query({ q: 'ткачук' }).expect(200);
    expect(cyrillic.body.items.map((i: { id: string }) => i.id)).toContain('ins-sergei-tkachuk');
  });

  it('treats LIKE wildcards in q literally', async () => {
    const res = await request(t.app).get('/v1/entities').query({ q: '%' }).expect(200);
    expect(res.body.items).toHaveLength(0);
  });

  it('filters by regime, type, risk level and flag', async () => {
    const dprk = await request(t.app).get('/v1/entities').query({ regime: 'DPRK', limit: 500 }).expect(200);
    expect(dprk.body.items).toHaveLength(155);
    expect(dprk.body.items.every((i: { listings: { regime: string }[] }) => i.listings.some((l) => l.regime === 'DPRK'))).toBe(true);

    const designated = await request(t.app).get('/v1/entities').query({ flag: 'un-designated-by-resolution', limit: 100 }).expect(200);
    expect(designated.body.items).toHaveLength(21);

    const none = await request(t.app).get('/v1/entities').query({ riskLevel: 'none', type: 'person' }).expect(200);
    const noneIds = none.body.items.map((i: { id: string }) => i.id);
    expect(noneIds).toEqual(expect.arrayContaining(['ins-cedric-ryngaert', 'ins-sergei-ezhov']));
    expect(none.body.items.every((i: { flags: string[]; type: string }) => i.flags.length === 0 && i.type === 'person')).toBe(true);
  });

  it("shows Sergei Tkachuk's flags with article citations and his relationship to the MMC", async () => {
    const res = await request(t.app).get('/v1/entities/ins-sergei-tkachuk').expect(200);
    const entity = EntitySchema.parse(res.body);
    expect(entity.name).toBe('Sergei Tkachuk');
    expect(entity.flags.length).toBeGreaterThan(0);
    const articleCitations = entity.flags.flatMap((f) => f.citations).filter((c) => c.sourceId === 'insider-dprk-students');
    expect(articleCitations.length).toBeGreaterThan(0);
    for (const c of articleCitations) {
      expect(c.section).toBeTruthy();
      expect(c.paragraph).toMatch(/^\d+$/);
      expect(c.quote).toBeTruthy();
    }
    const toMmc = entity.relationships.find((r) => r.entityId === 'ins-mmc');
    expect(toMmc).toMatchObject({ type: 'heads', name: expect.stringContaining('Intergovernmental Migration Center') });
    expect(toMmc?.citations.length).toBeGreaterThan(0);
    expect(entity.sources.map((s) => s.id)).toContain('insider-dprk-students');
  });

  it('shows the 2375 designation of KPi.063 with its citation, by id or by reference number', async () => {
    const byId = await request(t.app).get('/v1/entities/un-KPi.063').expect(200);
    const byRef = await request(t.app).get('/v1/entities/KPi.063').expect(200);
    expect(byRef.body).toEqual(byId.body);
    const entity = EntitySchema.parse(byId.body);
    expect(entity.listings[0]).toMatchObject({
      list: 'UN',
      referenceNumber: 'KPi.063',
      regime: 'DPRK',
      listedOn: '2017-09-11',
      resolution: '2375 (2017)',
      resolutionBasis: 'inferred-from-listing-date',
    });
    const designation = entity.flags.find((f) => f.code === 'un-designated-by-resolution');
    expect(designation?.citations[0]?.sourceId).toBe('unsc-res-2375');
    expect(designation?.description).toMatch(/inferred/i);
    expect(entity.flags.find((f) => f.code === 'un-sanctioned')?.citations[0]?.locator).toContain('KPi.063');
  });

  it('returns 404 problem+json for an unknown entity, quoting the id', async () => {
    const res = await request(t.app).get('/v1/entities/ins-nobody');
    expect(expectProblem(res, 404).detail).toContain('ins-nobody');
  });

  it.each([
    ['limit=0', { limit: '0' }, 'query.limit'],
    ['limit=501', { limit: '501' }, 'query.limit'],
    ['an unknown risk level', { riskLevel: 'severe' }, 'query.riskLevel'],
    ['an unknown parameter', { colour: 'red' }, 'query'],
    ['a forged cursor', { cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
  ])('returns 400 problem+json naming the field for %s', async (_label, query, path) => {
    const res = await request(t.app).get('/v1/entities').query(query);
    const problem = expectProblem(res, 400);
    expect(problem.errors?.map((e) => e.path)).toContain(path);
  });

  it('lists the investigation, both resolutions and the list file as sources', async () => {
    const res = await request(t.app).get('/v1/sources').expect(200);
    const { items } = SourceListSchema.parse(res.body);
    const byId = new Map(items.map((s) => [s.id, s]));
    const article = byId.get('insider-dprk-students');
    expect(article?.publisher).toBe('The Insider');
    expect(article?.sections.length).toBeGreaterThan(10);
    expect(article?.sections.every((s) => s.textKind === 'verbatim')).toBe(true);
    expect(byId.get('un-consolidated-2026-02-27')?.sha256).toMatch(/^66b392a4[0-9a-f]+99c8bf$/);
    const res2397 = await request(t.app).get('/v1/sources/unsc-res-2397').expect(200);
    const para8 = res2397.body.sections.find((s: { paragraph?: string; textKind: string }) => s.paragraph === '8' && s.textKind === 'verbatim');
    expect(para8?.text).toMatch(/DPRK nationals/);
    expectProblem(await request(t.app).get('/v1/sources/nope'), 404);
  });

  it('serves one resolution paragraph by number, verbatim with its locator and undocs URL, and who cites it', async () => {
    const para8 = await request(t.app).get('/v1/sources/unsc-res-2397/paragraphs/8').expect(200);
    const paragraph = SourceParagraphSchema.parse(para8.body);
    expect(paragraph).toMatchObject({ sourceId: 'unsc-res-2397', locator: 'S/RES/2397 (2017), para. 8', textKind: 'verbatim', url: 'https://undocs.org/S/RES/2397(2017)' });
    expect(paragraph.text).toContain('shall repatriate to the DPRK all DPRK nationals earning income');
    expect(paragraph.citedBy.map((c) => c.entityId)).toEqual(expect.arrayContaining(['ins-mmc', 'ins-sergei-tkachuk']));
    const preamble = await request(t.app).get('/v1/sources/unsc-res-2375/paragraphs/preamble-3').expect(200);
    expect(preamble.body.locator).toBe('S/RES/2375 (2017), preamble para. 3');
    const annex = await request(t.app).get('/v1/sources/unsc-res-2375/paragraphs/annex-I-1').expect(200);
    expect(annex.body).toMatchObject({ heading: 'PAK YONG SIK', locator: 'S/RES/2375 (2017), annex I, 1' });
    expect(expectProblem(await request(t.app).get('/v1/sources/unsc-res-2375/paragraphs/34'), 404).detail).toMatch(/no paragraph "34"/);
    expectProblem(await request(t.app).get('/v1/sources/nope/paragraphs/1'), 404);
  });

  it('serves an article paragraph by its section and number, with the entities citing that paragraph and no other', async () => {
    const res = await request(t.app).get('/v1/sources/insider-dprk-students/paragraphs/demand-for-north-korean-labor-3').expect(200);
    const paragraph = SourceParagraphSchema.parse(res.body);
    expect(paragraph).toMatchObject({
      sourceId: 'insider-dprk-students',
      heading: 'Demand for North Korean labor',
      paragraph: '3',
      paragraphId: 'demand-for-north-korean-labor-3',
      locator: "section 'Demand for North Korean labor', para. 3",
    });
    expect(paragraph.text.startsWith('The MMC is headed by Sergei Tkachuk')).toBe(true);
    const citing = paragraph.citedBy.map((c) => c.entityId);
    expect(citing).toEqual(expect.arrayContaining(['ins-mmc', 'ins-sergei-tkachuk', 'ins-artem-chaika']));
    // Para. 3 of another section is another paragraph: the college is cited there, not here.
    expect(citing).not.toContain('ins-sodeystvie-college');
    const other = await request(t.app).get('/v1/sources/insider-dprk-students/paragraphs/modern-day-slaves-from-the-dprk-3').expect(200);
    expect(other.body.citedBy.map((c: { entityId: string }) => c.entityId)).toContain('ins-sodeystvie-college');
    const lead = await request(t.app).get('/v1/sources/insider-dprk-students/paragraphs/lead-1').expect(200);
    expect(lead.body.note).toMatch(/our label/);
    // The bare number is ambiguous in the article; the 404 shows what its ids look like.
    expect(expectProblem(await request(t.app).get('/v1/sources/insider-dprk-students/paragraphs/3'), 404).detail).toMatch(/"lead-1"/);
  });

  it('gives every citation the id of its paragraph, which the paragraph endpoint serves with the quote in it', async () => {
    const entity = (await request(t.app).get('/v1/entities/ins-sergei-tkachuk').expect(200)).body;
    const citations = entity.flags.flatMap((f: { citations: Array<{ sourceId: string; paragraphId: string; quote?: string }> }) => f.citations);
    expect(citations.length).toBeGreaterThan(5);
    for (const citation of citations) {
      const res = await request(t.app).get(`/v1/sources/${citation.sourceId}/paragraphs/${citation.paragraphId}`).expect(200);
      expect({ paragraphId: citation.paragraphId, holdsQuote: res.body.text.replace(/\s+/g, ' ').includes(citation.quote) }).toEqual({ paragraphId: citation.paragraphId, holdsQuote: true });
      expect(res.body.citedBy.map((c: { entityId: string }) => c.entityId)).toContain('ins-sergei-tkachuk');
    }
  });

  it('lists the dataset versions in force with their entity counts', async () => {
    const res = await request(t.app).get('/v1/datasets').expect(200);
    const un = res.body.items.find((d: { id: string }) => d.id === 'un');
    expect(un).toMatchObject({ entityCount: 1003, sourceDate: '2026-02-27' });
    expect(un.version).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.items.map((d: { id: string }) => d.id).sort()).toEqual(['investigation', 'resolutions', 'un']);
    expect(res.body.datasetVersion).toBe(t.context.data.snapshot?.datasetVersion);
  });
});

describe('operations and HTTP conventions', () => {
  it('echoes a client X-Request-Id and generates one otherwise', async () => {
    const echoed = await request(t.app).get('/healthz').set('X-Request-Id', 'case-4711').expect(200);
    expect(echoed.headers['x-request-id']).toBe('case-4711');
    const generated = await request(t.app).get('/healthz').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await request(t.app).get('/healthz').set('X-Request-Id', 'a b\tc').expect(200);
    expect(unsafe.headers['x-request-id']).not.toBe('a b\tc');
  });

  it('reports readiness with the database kind and dataset version', async () => {
    const res = await request(t.app).get('/readyz').expect(200);
    expect(res.body).toMatchObject({ status: 'ready', checks: { database: true, data: true } });
    expect(res.body.datasetVersion).toBe(t.context.data.snapshot?.datasetVersion);
  });

  it('answers an unknown route with 404 problem+json and a wrong method with 405 and Allow', async () => {
    expectProblem(await request(t.app).get('/v1/nothing-here'), 404);
    const res = await request(t.app).post('/v1/entities').send({});
    expectProblem(res, 405);
    expect(res.headers.allow).toContain('GET');
  });

  it('serves the OpenAPI document and Swagger UI without X-Powered-By', async () => {
    const doc = await request(t.app).get('/openapi.json').expect(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/entities', '/v1/entities/{id}', '/v1/datasets']));
    const docs = await request(t.app).get('/docs/').expect(200);
    expect(docs.text).toContain('swagger-ui');
    expect(docs.headers['x-powered-by']).toBeUndefined();
  });
});
