import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config';
import { DESIGNATING_RESOLUTIONS } from '../../src/lists/resolutions/designating-resolutions';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

/**
 * List versions through the API, on the real files: a new database starts from the 2020 list, then 2024 and 2026
 * are uploaded; what each import changes, what the gates refuse, and what an examiner can read afterwards.
 */

const LIST_2020 = path.join(PROJECT_ROOT, 'test/fixtures/un/consolidated-2020-03-20.xml');
const LIST_2024 = path.join(PROJECT_ROOT, 'data/un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(PROJECT_ROOT, 'data/un/consolidated-2026-02-27.xml');
const text2024 = readFileSync(LIST_2024, 'utf8');
const text2026 = readFileSync(LIST_2026, 'utf8');
const UPLOAD_LIMIT_BYTES = 3 * 1024 * 1024;

/** The 21 entries designated by 2375 (2017) and 2397 (2017): KPi.063, KPe.051–053, KPi.064–079, KPe.054. */
const DESIGNATED = [
  'KPi.063',
  'KPe.051',
  'KPe.052',
  'KPe.053',
  ...Array.from({ length: 16 }, (_, i) => `KPi.0${64 + i}`),
  'KPe.054',
];

/** The list text with the records whose reference numbers `drop` names taken out (a generated file; the shipped one is never edited). */
function withoutRecords(text: string, drop: (referenceNumber: string) => boolean): string {
  return text.replace(/<(INDIVIDUAL|ENTITY)>[\s\S]*?<\/\1>\s*/g, (record) => {
    const ref = /<REFERENCE_NUMBER>\s*([^<\s]+)\s*<\/REFERENCE_NUMBER>/.exec(record)?.[1] ?? '';
    return drop(ref) ? '' : record;
  });
}

/** The list text with one record changed by `edit`. */
function withRecordEdited(text: string, referenceNumber: string, edit: (record: string) => string): string {
  let edited = 0;
  const result = text.replace(/<(INDIVIDUAL|ENTITY)>[\s\S]*?<\/\1>/g, (record) => {
    if (!record.includes(`<REFERENCE_NUMBER>${referenceNumber}`)) return record;
    edited += 1;
    return edit(record);
  });
  expect(edited).toBe(1);
  expect(result).not.toBe(text);
  return result;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ UN_LIST_FILE: LIST_2020, LIST_UPLOAD_LIMIT: String(UPLOAD_LIMIT_BYTES), DATASET_POLL_INTERVAL_MS: '0' });
});
afterAll(async () => {
  await t?.close();
});

const upload = (body: string | Buffer, query = '') => request(t.app).post(`/v1/datasets/un/versions${query}`).set('Content-Type', 'application/xml').send(Buffer.from(body));
const current = async () => ((await request(t.app).get('/v1/datasets').expect(200)).body.items as Array<{ id: string; version: string; sourceDate: string }>).find((d) => d.id === 'un')!;
const lastImport = async () => (await request(t.app).get('/v1/datasets/un/imports?limit=1').expect(200)).body.items[0];
const screen = async (name: string) => (await request(t.app).post('/v1/screen').send({ name }).expect(200)).body;

describe(`UN list versions through the API on ${TEST_DATABASE_KIND}`, () => {
  let v2020: string;
  let v2024: string;
  let v2026: string;
  let screeningOn2020: { screeningId: string; datasetVersions: Record<string, string> };

  it('starts a new database from UN_LIST_FILE (the 2020 list) and screens against it', async () => {
    const un = await current();
    expect(un.sourceDate).toBe('2020-03-20');
    v2020 = un.version;
    const answer = await screen("Ministry of the People's Armed Forces");
    expect(answer.datasetVersions.un).toBe(v2020);
    expect(answer.matches.map((m: { entityId: string }) => m.entityId)).toContain('un-KPe.054');
    screeningOn2020 = answer;
  });

  it('imports the 2024 list: +46 −185, KPe.054 renamed, and switches at once', async () => {
    const res = await upload(text2024).expect(201);
    expect(res.body).toMatchObject({ id: 'un', status: 'accepted', sourceDate: '2024-09-26', entityCount: 875, previousVersion: v2020, switched: true });
    expect(res.body.changes).toMatchObject({ added: 46, removed: 185 });
    v2024 = res.body.version;
    expect(v2024).toMatch(/^c6ca6996[0-9a-f]+942eb1$/);
    const feed = (await request(t.app).get('/v1/datasets/un/changes').expect(200)).body;
    expect(feed).toMatchObject({ from: v2020, to: v2024, summary: res.body.changes });
    const kpe054 = feed.amended.find((entry: { referenceNumber?: string }) => entry.referenceNumber === 'KPe.054');
    expect(kpe054.changes).toContainEqual(
      expect.objectContaining({ field: 'primaryName', before: "MINISTRY OF THE PEOPLE'S ARMED FORCES (MPAF)", after: 'MINISTRY OF NATIONAL DEFENCE' }),
    );
    const answer = await screen('Ministry of National Defence');
    expect(answer.datasetVersions.un).toBe(v2024);
  });

  it('still resolves a screening made before the import to the entries of its own version', async () => {
    const record = (await request(t.app).get(`/v1/screenings/${screeningOn2020.screeningId}`).expect(200)).body;
    expect(record.datasetVersions).toEqual(screeningOn2020.datasetVersions);
    const then = (await request(t.app).get(`/v1/entities/un-KPe.054?version=${record.datasetVersions.un}`).expect(200)).body;
    expect(then).toMatchObject({ name: "MINISTRY OF THE PEOPLE'S ARMED FORCES (MPAF)", version: v2020 });
    const now = (await request(t.app).get('/v1/entities/un-KPe.054').expect(200)).body;
    expect(now).toMatchObject({ name: 'MINISTRY OF NATIONAL DEFENCE', version: v2024 });
    // An entry the 2024 list removed is gone from the current data but readable in its version, by reference number too.
    const removed = (await request(t.app).get(`/v1/datasets/un/changes?from=${v2020}&to=${v2024}`).expect(200)).body.removed[0];
    await request(t.app).get(`/v1/entities/${removed.entityId}`).expect(404);
    const kept = (await request(t.app).get(`/v1/entities/${removed.referenceNumber}?version=${v2020}`).expect(200)).body;
    expect(kept.id).toBe(removed.entityId);
    await request(t.app).get(`/v1/entities/${removed.entityId}?version=${v2024}`).expect(404);
  });

  it('imports the 2026 list: +134 −6', async () => {
    const res = await upload(text2026).expect(201);
    expect(res.body).toMatchObject({ status: 'accepted', sourceDate: '2026-02-27', entityCount: 1003, previousVersion: v2024 });
    expect(res.body.changes).toMatchObject({ added: 134, removed: 6 });
    v2026 = res.body.version;
  });

  it('keeps every version, newest first, with who and how, and which one is current', async () => {
    const { items } = (await request(t.app).get('/v1/datasets/un/versions').expect(200)).body;
    expect(items.map((v: { sourceDate: string }) => v.sourceDate)).toEqual(['2026-02-27', '2024-09-26', '2020-03-20']);
    expect(items.map((v: { current: boolean }) => v.current)).toEqual([true, false, false]);
    expect(items.map((v: { trigger: string }) => v.trigger)).toEqual(['upload', 'upload', 'bundled']);
    expect(items[0]).toMatchObject({ version: v2026, sha256: v2026, entityCount: 1003, previousVersion: v2024, replacedAt: null });
    expect(items[1].replacedAt).not.toBeNull();
    const page = (await request(t.app).get('/v1/datasets/un/versions?limit=2').expect(200)).body;
    const rest = (await request(t.app).get(`/v1/datasets/un/versions?limit=2&cursor=${page.nextCursor}`).expect(200)).body;
    expect([...page.items, ...rest.items].map((v: { version: string }) => v.version)).toEqual([v2026, v2024, v2020]);
    expect(rest.nextCursor).toBeNull();
  });

  it('flags all 21 designations of 2375 and 2397 in every version, by reference number', async () => {
    for (const version of [v2020, v2024, v2026]) {
      for (const ref of DESIGNATED) {
        const entity = (await request(t.app).get(`/v1/entities/${ref}?version=${version}`).expect(200)).body;
        const flag = entity.flags.find((f: { code: string }) => f.code === 'un-designated-by-resolution');
        const cites = flag?.citations.map((c: { sourceId: string }) => c.sourceId) ?? [];
        expect({ version: version.slice(0, 8), ref, designatedBy: cites.filter((id: string) => DESIGNATING_RESOLUTIONS.some((r) => r.sourceId === id)).length > 0 }).toEqual({
          version: version.slice(0, 8),
          ref,
          designatedBy: true,
        });
      }
    }
  });

  it('answers 200 unchanged to the current file again, and records the attempt', async () => {
    const res = await upload(text2026).expect(200);
    expect(res.body).toMatchObject({ status: 'unchanged', version: v2026, changes: null });
    expect(await lastImport()).toMatchObject({ status: 'unchanged', version: v2026, trigger: 'upload' });
  });

  it('refuses a truncated file with 422 naming the problem, even forced, and changes nothing', async () => {
    const truncated = text2026.slice(0, Math.floor(text2026.length / 2));
    for (const query of ['', '?force=true']) {
      const problem = (await upload(truncated, query).expect(422)).body;
      expect(problem.detail).toMatch(/truncated/);
      expect(problem.errors.length).toBeGreaterThan(0);
    }
    expect((await current()).version).toBe(v2026);
    expect(await lastImport()).toMatchObject({ status: 'refused', forced: true, version: null });
  });

  it('refuses a file that drops more than 20 % of the entries unless forced', async () => {
    let dropped = 0;
    const partial = withoutRecords(text2026, (ref) => ref.includes('i.') && dropped++ < 260);
    const problem = (await upload(partial).expect(422)).body;
    expect(problem.detail).toMatch(/drops 260 of the 1003 entries in force \(25\.9 %/);
    expect((await current()).version).toBe(v2026);
    const forced = (await upload(partial, '?force=true').expect(201)).body;
    expect(forced.changes).toMatchObject({ added: 0, removed: 260, amended: 0 });
    // Back to the real list: an old version again is refused unless forced too.
    expect((await upload(text2026).expect(422)).body.detail).toMatch(/since replaced; pass force=true/);
    await upload(text2026, '?force=true').expect(201);
    expect((await current()).version).toBe(v2026);
  });

  it('refuses a file generated before the version in force unless forced', async () => {
    const older = withoutRecords(text2024, (ref) => ref === 'QDi.001');
    const problem = (await upload(older).expect(422)).body;
    expect(problem.detail).toMatch(/generated 2024-09-26, before the version in force \(2026-02-27\)/);
    expect((await current()).version).toBe(v2026);
  });

  it('shows one amended birth date as exactly that one change', async () => {
    const amended = withRecordEdited(text2026, 'KPi.063', (record) => record.replace('<YEAR>1949</YEAR>', '<YEAR>1950</YEAR>'));
    const res = await upload(amended).expect(201);
    expect(res.body.changes).toEqual({ added: 0, removed: 0, amended: 1, metadataOnly: 0 });
    const feed = (await request(t.app).get('/v1/datasets/un/changes').expect(200)).body;
    expect(feed.amended).toHaveLength(1);
    expect(feed.amended[0]).toMatchObject({ entityId: 'un-KPi.063', referenceNumber: 'KPi.063' });
    expect(feed.amended[0].changes.map((c: { field: string }) => c.field)).toEqual(['birthDates']);
    const ndjson = await request(t.app).get('/v1/datasets/un/changes').set('Accept', 'application/x-ndjson').expect(200);
    expect(ndjson.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = ndjson.text.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ change: 'amended', entityId: 'un-KPi.063', from: v2026, to: res.body.version })]);
  });

  it('answers bad uploads with problem+json: 415, 413, 400 and 404', async () => {
    await request(t.app).post('/v1/datasets/un/versions').set('Content-Type', 'text/csv').send('a,b\n').expect(415);
    const big = Buffer.alloc(UPLOAD_LIMIT_BYTES + 1, 'x');
    expect((await request(t.app).post('/v1/datasets/un/versions').set('Content-Type', 'application/xml').send(big).expect(413)).body.detail).toMatch(/LIST_UPLOAD_LIMIT/);
    expect((await upload(text2026, '?force=yes').expect(400)).body.errors[0].path).toMatch(/force/);
    await request(t.app).post('/v1/datasets/investigation/versions').set('Content-Type', 'application/xml').send('<x/>').expect(404);
    await request(t.app).get('/v1/datasets/nope/versions').expect(404);
    await request(t.app).get(`/v1/datasets/un/changes?from=${'0'.repeat(64)}`).expect(404);
    await request(t.app).get('/v1/datasets/un/changes?to=abc').expect(400);
  });

  it('lists every attempt with its outcome, newest first', async () => {
    const { items } = (await request(t.app).get('/v1/datasets/un/imports?limit=100').expect(200)).body;
    const statuses = items.map((i: { status: string }) => i.status);
    expect(statuses).toEqual(expect.arrayContaining(['accepted', 'unchanged', 'refused']));
    expect(items[items.length - 1]).toMatchObject({ status: 'accepted', trigger: 'bundled', version: v2020 });
    expect(items.every((i: { sha256: string | null; startedAt: string }) => typeof i.startedAt === 'string')).toBe(true);
  });
});
