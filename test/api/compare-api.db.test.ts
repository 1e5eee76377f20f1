import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** POST /v1/compare: two names scored as the screening matcher scores them; no list, nothing audited. */

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
});

afterAll(async () => {
  await testApp.close();
});

const compare = (body: unknown) => request(testApp.app).post('/v1/compare').send(body as object);

async function auditedRecords(): Promise<number> {
  const res = await request(testApp.app).get('/v1/audit/verify').expect(200);
  return (res.body as { records: number }).records;
}

describe('POST /v1/compare', () => {
  it.each([
    ['the same name reordered with a comma', 'Sergei Tkachuk', 'TKACHUK, Sergei'],
    ['another Korean romanization', 'Park Yong-sik', 'PAK YONG SIK'],
  ])('calls %s a match, with the forms it compared', async (_label, query, candidate) => {
    const res = await compare({ query: { name: query }, candidate: { name: candidate } }).expect(200);
    expect(res.body).toMatchObject({ isMatch: true, threshold: 0.81 });
    expect(res.body.score).toBeGreaterThanOrEqual(0.81);
    expect(res.body.algorithm).toMatch(/@\d+\.\d+\.\d+$/);
    expect(res.body.explanation.queryForm).not.toBe('');
    expect(res.body.explanation.listForm).not.toBe('');
  });

  it('scores unrelated names 0, not a match, and says they were not compared', async () => {
    const res = await compare({ query: { name: 'Margaret Thornbury-Wells' }, candidate: { name: 'PAK YONG SIK' } }).expect(200);
    expect(res.body).toMatchObject({ score: 0, isMatch: false });
    expect(res.body.explanation.summary).toMatch(/not compared/);
  });

  it('gives the same score and explanation as a screening that finds the listed name', async () => {
    const screened = await request(testApp.app).post('/v1/screen').send({ name: 'Park Yong-sik' }).expect(200);
    const listed = (screened.body.matches as { entityId: string; matchedName: string; score: number; explanation: unknown }[]).find(
      (m) => m.entityId === 'un-KPi.063',
    );
    expect(listed).toBeDefined();
    const res = await compare({ query: { name: 'Park Yong-sik' }, candidate: { name: listed!.matchedName, type: 'person' } }).expect(200);
    expect(res.body.score).toBe(listed!.score);
    expect(res.body.explanation).toEqual(listed!.explanation);
  });

  it('lowers the score when the birth years disagree and names the difference', async () => {
    const agreeing = await compare({ query: { name: 'Kim Yong Chol' }, candidate: { name: 'KIM YONG CHOL', birthDate: '1962' } }).expect(200);
    const conflicting = await compare({
      query: { name: 'Kim Yong Chol', birthDate: '1990' },
      candidate: { name: 'KIM YONG CHOL', birthDate: '1962' },
    }).expect(200);
    expect(conflicting.body.score).toBeLessThan(agreeing.body.score);
    expect(conflicting.body.explanation.summary).toMatch(/birth year differs \(1990 vs 1962\)/);
  });

  it('records nothing in the audit trail', async () => {
    const before = await auditedRecords();
    await compare({ query: { name: 'Sergei Tkachuk' }, candidate: { name: 'TKACHUK, Sergei' } }).expect(200);
    expect(await auditedRecords()).toBe(before);
  });

  it.each([
    ['the candidate is missing', { query: { name: 'A' } }, 'body.candidate'],
    ['a name is empty', { query: { name: '' }, candidate: { name: 'B' } }, 'body.query.name'],
    ['a field is unknown', { query: { name: 'A', nickname: 'x' }, candidate: { name: 'B' } }, 'body.query'],
    ['a birth date is not a date', { query: { name: 'A', birthDate: '1990-13' }, candidate: { name: 'B' } }, 'body.query.birthDate'],
  ])('answers 400 problem+json naming the field when %s', async (_label, body, path) => {
    const res = await compare(body).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
  });

  it('answers 405 with Allow: POST to a GET', async () => {
    const res = await request(testApp.app).get('/v1/compare').expect(405);
    expect(res.headers.allow).toBe('POST');
  });
});
