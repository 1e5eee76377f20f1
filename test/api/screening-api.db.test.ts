import request from 'supertest';
import { BatchResponseSchema, ScreenResponseSchema } from '../../src/screening/screening-schemas';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const screen = (body: object) => request(t.app).post('/v1/screen').send(body);

describe(`POST /v1/screen on ${TEST_DATABASE_KIND}`, () => {
  it('returns hit for a reordered UN name, with the listing, flags, citations and explanation inline', async () => {
    const res = await screen({ name: 'SIK, Pak Yong', type: 'person' }).expect(200);
    const body = ScreenResponseSchema.parse(res.body);
    expect(body.decision).toBe('hit');
    const top = body.matches[0]!;
    expect(top.entityId).toBe('un-KPi.063');
    expect(top.isMatch).toBe(true);
    expect(top.score).toBeGreaterThanOrEqual(body.threshold);
    expect(top.listings[0]?.resolution).toBe('2375 (2017)');
    expect(top.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['un-sanctioned', 'un-designated-by-resolution']));
    expect(top.explanation.summary.length).toBeGreaterThan(0);
    expect(Object.keys(top.explanation.features).length).toBeGreaterThan(0);
    expect(body.datasetVersion).toBe(t.context.data.snapshot?.datasetVersion);
    expect(body.algorithm).toMatch(/^[\w-]+@\d+\.\d+\.\d+$/);
    expect(body.query.normalized.length).toBeGreaterThan(0);
  });

  it('matches a Cyrillic spelling of an investigation subject and cites the article', async () => {
    const res = await screen({ name: 'Ткачук Сергей' }).expect(200);
    const body = ScreenResponseSchema.parse(res.body);
    const top = body.matches[0]!;
    expect(top.entityId).toBe('ins-sergei-tkachuk');
    expect(body.decision).toBe('hit');
    const quote = top.flags.flatMap((f) => f.citations).find((c) => c.sourceId === 'insider-dprk-students');
    expect(quote?.quote).toBeTruthy();
    expect(quote?.locator).toMatch(/section '.+', para\. \d+/);
    expect(top.relationships.map((r) => r.entityId)).toContain('ins-mmc');
  });

  it('shows the linked parent and facilitator when screening a subsidiary', async () => {
    const res = await screen({ name: 'OOO LocoTech-Signal', type: 'organization' }).expect(200);
    const top = ScreenResponseSchema.parse(res.body).matches[0]!;
    expect(top.entityId).toBe('ins-locotech-signal');
    expect(top.relationships.map((r) => r.entityId)).toEqual(expect.arrayContaining(['ins-transmashholding']));
  });

  it('returns review for a requester of DPRK workers', async () => {
    const res = await screen({ name: 'Natalya Titova' }).expect(200);
    const body = ScreenResponseSchema.parse(res.body);
    expect(body.matches[0]?.entityId).toBe('ins-natalia-titova');
    expect(body.decision).toBe('review');
  });

  it('returns clear for an expert quoted by the article (risk none) and for an unrelated name', async () => {
    const expert = ScreenResponseSchema.parse((await screen({ name: 'Cedric Ryngaert' }).expect(200)).body);
    expect(expert.matches[0]?.entityId).toBe('ins-cedric-ryngaert');
    expect(expert.decision).toBe('clear');
    const nobody = ScreenResponseSchema.parse((await screen({ name: 'Margaret Thornbury-Wells' }).expect(200)).body);
    expect(nobody.matches).toHaveLength(0);
    expect(nobody.decision).toBe('clear');
  });

  it('honours threshold and limit', async () => {
    const strict = ScreenResponseSchema.parse((await screen({ name: 'Kim', threshold: 0.99, limit: 3 }).expect(200)).body);
    expect(strict.threshold).toBe(0.99);
    expect(strict.matches.length).toBeLessThanOrEqual(3);
    expect(strict.matches.every((m) => m.score >= 0.99)).toBe(true);
  });
});

describe(`POST /v1/screen/batch on ${TEST_DATABASE_KIND}`, () => {
  it('screens items in input order with a summary', async () => {
    const items = [
      { id: 'a', name: 'Park Yong-sik', type: 'person' },
      { id: 'b', name: 'Jane Q. Nobody' },
      { id: 'c', name: 'Ivan Vyuchnov', reference: 'CRM-3' },
    ];
    const res = await request(t.app).post('/v1/screen/batch').send({ items }).expect(200);
    const body = BatchResponseSchema.parse(res.body);
    expect(body.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(body.results[0]?.decision).toBe('hit');
    expect(body.results[1]?.decision).toBe('clear');
    expect(body.results[2]?.decision).toBe('review');
    expect(body.summary).toEqual({ items: 3, hits: 1, reviews: 1, clears: 1 });
    expect(new Set(body.results.map((r) => r.screeningId)).size).toBe(3);
  });

  it('accepts exactly 1000 items', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: String(i), name: `Person Number ${i}` }));
    const res = await request(t.app).post('/v1/screen/batch').send({ items }).expect(200);
    expect(res.body.results).toHaveLength(1000);
  });

  it.each([
    ['no items', { items: [] }, 'body.items'],
    ['1001 items', { items: Array.from({ length: 1001 }, (_, i) => ({ id: String(i), name: 'x' })) }, 'body.items'],
    ['duplicate ids', { items: [{ id: '1', name: 'a' }, { id: '1', name: 'b' }] }, 'body.items.1.id'],
    ['an empty name', { items: [{ id: '1', name: '   ' }] }, 'body.items.0.name'],
    // Text the audit trail could not store is the client's error, not a 503 "retry later".
    ['an id with U+0000', { items: [{ id: 'a\u0000', name: 'Kim Chol' }] }, 'body.items.0.id'],
    ['an id with an unpaired surrogate', { items: [{ id: 'a\ud800', name: 'Kim Chol' }] }, 'body.items.0.id'],
    ['a reference with an unpaired surrogate', { items: [{ id: '1', name: 'Kim Chol', reference: 'r\udc00' }] }, 'body.items.0.reference'],
  ])('returns 400 problem+json for %s', async (_label, body, path) => {
    const res = await request(t.app).post('/v1/screen/batch').send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
