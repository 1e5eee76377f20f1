import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The matcher's hard cases as a client meets them, through POST /v1/screen and POST /v1/compare over the shipped UN
 * list and investigation: Korean names in Russian Cyrillic, simplified Chinese, Koryo-saram and South Korean
 * institutions that must stay clear, conflicts that make a review, and the forms /v1/compare must call matches.
 */

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
});

afterAll(async () => {
  await testApp.close();
});

interface ScreenedMatch {
  entityId: string;
  isMatch: boolean;
  conflicts?: string[];
  explanation: { summary: string };
  listings: { referenceNumber: string }[];
}

async function screen(body: Record<string, unknown>): Promise<{ decision: string; matches: ScreenedMatch[] }> {
  const res = await request(testApp.app).post('/v1/screen').send(body).expect(200);
  return res.body as { decision: string; matches: ScreenedMatch[] };
}

const referenceNumbers = (matches: ScreenedMatch[]): string[] =>
  matches.filter((m) => m.isMatch).flatMap((m) => m.listings.map((l) => l.referenceNumber));

describe('POST /v1/screen', () => {
  it.each([
    ['Пак Ён Сик', 'KPi.063', 'PAK YONG SIK, designated by resolution 2375, as Russian records write him'],
    ['Ли Пён Чхоль', 'KPi.076', 'RI PYONG CHUL, designated by resolution 2397, with Ли for 리'],
    ['华信船务(香港)有限公司', 'KPe.059', 'a shipping firm listed in traditional characters, written in simplified ones'],
  ])('%s is a hit on %s (%s)', async (name, referenceNumber) => {
    const outcome = await screen({ name });
    expect(outcome.decision).toBe('hit');
    expect(referenceNumbers(outcome.matches)).toContain(referenceNumber);
  });

  it.each([
    ['Ким Андрей Николаевич', 'a Koryo-saram customer: a Korean family name, Russian given name and patronymic'],
    ['Цой Виктор Робертович', 'a Koryo-saram customer'],
    ['Bank of Korea', 'the South Korean central bank'],
    ['Korea Development Bank', 'a South Korean state bank'],
  ])('%s is clear (%s)', async (name) => {
    const outcome = await screen({ name });
    expect(outcome.matches.filter((m) => m.isMatch)).toEqual([]);
    expect(outcome.decision).toBe('clear');
  });

  it('finds Vladislav Kim of the investigation in Cyrillic all the same', async () => {
    const outcome = await screen({ name: 'Владислав Ким' });
    expect(outcome.matches.some((m) => m.isMatch && m.entityId === 'ins-vladislav-kim')).toBe(true);
  });

  it('makes Kim Yong Chol born 1990 a review, naming the birth-year conflict with KIM YONG CHOL (1962)', async () => {
    const outcome = await screen({ name: 'Kim Yong Chol', birthDate: '1990' });
    expect(outcome.decision).toBe('review');
    const listed = outcome.matches.find((m) => m.listings.some((l) => l.referenceNumber === 'KPi.024'));
    expect(listed).toMatchObject({ isMatch: false, conflicts: [expect.stringMatching(/^birth year differs \(1990 vs 1962\)/)] });
    expect(listed?.explanation.summary).toMatch(/^conflict: birth year differs/);
    expect(outcome.matches.some((m) => m.isMatch)).toBe(false);
  });

  it('keeps Kim Yong Chol born 1962 a hit', async () => {
    const outcome = await screen({ name: 'Kim Yong Chol', birthDate: '1962' });
    expect(outcome.decision).toBe('hit');
    expect(referenceNumbers(outcome.matches)).toContain('KPi.024');
  });
});

describe('POST /v1/compare', () => {
  const compare = async (query: string, candidate: string) =>
    (await request(testApp.app).post('/v1/compare').send({ query: { name: query }, candidate: { name: candidate } }).expect(200)).body as {
      isMatch: boolean;
      score: number;
      conflicts: string[];
      explanation: { summary: string };
    };

  it.each([
    ['Siemens Aktiengesellschaft', 'Siemens AG'],
    ['V. Putin', 'Vladimir Putin'],
    ['Пак Ён Сик', 'PAK YONG SIK'],
    ['1st International Bank', 'First International Bank'],
    ['Munitions Industry Dept.', 'Munitions Industry Department'],
  ])('%s ~ %s is a match', async (query, candidate) => {
    const result = await compare(query, candidate);
    expect(result).toMatchObject({ isMatch: true, conflicts: [] });
  });

  it.each([
    ['Bank of China (Hong Kong) Limited', 'Bank of China (Singapore) Limited', /place/],
    ['Deutsche Bank AG', 'Deutsche Bank GmbH', /legal form differs/],
    ['Sergey Ivanevich Lavrov', 'Sergey Viktorovich LAVROV', /patronymic differs/],
  ])('%s ~ %s is no match, and the conflict is named', async (query, candidate, conflict) => {
    const result = await compare(query, candidate);
    expect(result.isMatch).toBe(false);
    expect(result.conflicts.join('; ')).toMatch(conflict);
    expect(result.explanation.summary).toMatch(/^conflict: /);
  });
});
