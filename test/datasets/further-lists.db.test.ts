import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config';
import { ScreenResponseSchema } from '../../src/screening/screening-schemas';
import { SMALL_FURTHER_LISTS, startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

/**
 * The OFAC SDN and UK lists beside the UN list, through the API: loaded as datasets, one subject across lists,
 * the list filter, identifier screening, uploads with row problems. Small fixtures cut from the published files
 * (test/fixtures/ofac/small, test/fixtures/uk/small), so the test is about the behaviour, not the lists' size.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(SMALL_FURTHER_LISTS);
});
afterAll(async () => {
  await t?.close();
});

const screen = async (body: object) => ScreenResponseSchema.parse((await request(t.app).post('/v1/screen').send(body).expect(200)).body);
const SMALL_OFAC = path.join(PROJECT_ROOT, 'test/fixtures/ofac/small');

/** Entries in a legacy SDN CSV: its lines, less the trailing 0x1A end byte. */
async function sdnEntries(folder: string): Promise<number> {
  const text = (await readFile(path.join(folder, 'sdn.csv'), 'latin1')).replace(/\x1a$/, '');
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
}

describe(`further lists on ${TEST_DATABASE_KIND}`, () => {
  it('lists every loaded list in GET /v1/datasets with its entry count', async () => {
    const res = await request(t.app).get('/v1/datasets').expect(200);
    const items = res.body.items as Array<{ id: string; entityCount: number; sourceDate: string | null }>;
    expect(items.map((d) => d.id).sort()).toEqual(['investigation', 'ofac-sdn', 'resolutions', 'uk-sanctions', 'un']);
    expect(items.find((d) => d.id === 'ofac-sdn')).toMatchObject({ entityCount: await sdnEntries(SMALL_OFAC), sourceDate: '2023-12-28' });
    expect(items.find((d) => d.id === 'uk-sanctions')).toMatchObject({ sourceDate: '2025-04-14' });
    expect(items.find((d) => d.id === 'uk-sanctions')?.entityCount).toBeGreaterThan(10);
  });

  it('returns a UK entry that states its UN reference on the same subject as the UN entry, with both listings', async () => {
    const body = await screen({ name: 'Pak Yong Sik', type: 'person' });
    const top = body.matches[0]!;
    expect(top.entityId).toBe('un-KPi.063');
    expect(top.lists).toEqual(expect.arrayContaining(['un', 'uk-sanctions']));
    expect(top.listings.map((l) => l.list)).toEqual(expect.arrayContaining(['UN', 'UK']));
    expect(top.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['un-sanctioned', 'uk-sanctions']));
    expect(top.subject?.links.some((link) => link.rule === 'stated-cross-reference' && /KPi\.063/.test(link.evidence))).toBe(true);
    // One subject is one match: no second match for the UK entry.
    expect(body.matches.filter((m) => m.subject?.members.some((member) => member.dataset === 'uk-sanctions' && member.entityId === top.subject?.members.find((x) => x.dataset === 'uk-sanctions')?.entityId))).toHaveLength(1);
    expect(body.matchedLists).toEqual(expect.arrayContaining(['un', 'uk-sanctions']));
  });

  it('shows Air Koryo with its SDN listing (program DPRK3)', async () => {
    const body = await screen({ name: 'Air Koryo' });
    const top = body.matches[0]!;
    expect(top.lists).toContain('ofac-sdn');
    const sdn = top.listings.find((l) => l.list === 'OFAC SDN');
    expect(sdn?.programs).toContain('DPRK3');
    expect(top.flags.find((f) => f.code === 'ofac-sdn')?.citations[0]?.locator).toMatch(/20520/);
    expect(body.decision).toBe('hit');
  });

  it('screens only the lists a request names, and says which lists the matches came from', async () => {
    const body = await screen({ name: 'Air Koryo', lists: ['un'] });
    expect(body.lists).toEqual(['un']);
    expect(body.matches.every((m) => m.lists.includes('un'))).toBe(true);
    expect(body.matchedLists.every((id) => id === 'un')).toBe(true);
    const sdnOnly = await screen({ name: 'Pak Yong Sik', lists: ['uk-sanctions'] });
    expect(sdnOnly.matches[0]?.lists).toContain('uk-sanctions');
    expect(sdnOnly.matchedLists).toEqual(['uk-sanctions']);
  });

  it('takes lists per batch and per item', async () => {
    const res = await request(t.app)
      .post('/v1/screen/batch')
      .send({ lists: ['un'], items: [{ id: 'a', name: 'Air Koryo' }, { id: 'b', name: 'Air Koryo', lists: ['ofac-sdn'] }] })
      .expect(200);
    expect(res.body.lists).toEqual(['un']);
    expect(res.body.results[0].matchedLists).not.toContain('ofac-sdn');
    expect(res.body.results[1].matchedLists).toEqual(['ofac-sdn']);
  });

  it('screens a job against the lists its upload names, and refuses an unknown one', async () => {
    await request(t.app).post('/v1/jobs?lists=un,nope').set('content-type', 'text/csv').send('id,name\n1,Air Koryo\n').expect(400);
    const created = await request(t.app).post('/v1/jobs?lists=ofac-sdn').set('content-type', 'text/csv').send('id,name,lists\n1,Air Koryo,\n2,Pak Yong Sik,un\n3,Pak Yong Sik,\n').expect(202);
    let status = created.body.status as string;
    for (let i = 0; i < 200 && status !== 'succeeded' && status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await request(t.app).get(`/v1/jobs/${created.body.jobId}`).expect(200)).body.status;
    }
    expect(status).toBe('succeeded');
    const results = await request(t.app).get(`/v1/jobs/${created.body.jobId}/results?format=ndjson`).expect(200);
    const rows = results.text.trim().split('\n').map((line) => JSON.parse(line) as { id: string; matches: Array<{ lists: string[] }> });
    expect(rows.find((r) => r.id === '1')?.matches[0]?.lists).toContain('ofac-sdn');
    // Row 2 names its own list (the UN's); row 3 takes the job's (the SDN list, which does not hold him).
    expect(rows.find((r) => r.id === '2')?.matches[0]?.lists).toContain('un');
    expect(rows.find((r) => r.id === '3')?.matches.some((m) => m.lists.includes('un'))).toBe(false);
  });

  it('refuses a list that is not loaded with 400 problem+json naming it', async () => {
    const res = await request(t.app).post('/v1/screen').send({ name: 'Air Koryo', lists: ['eu-fsf'] }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(res.body)).toContain('eu-fsf');
  });

  it('finds a vessel by its IMO number whatever the name says, at score 1', async () => {
    const body = await screen({ name: 'Unknown Ship', identifiers: [{ type: 'imo', value: 'IMO 740-6784' }] });
    const top = body.matches[0]!;
    expect(top.name).toBe('EBANO');
    expect(top.type).toBe('vessel');
    expect(top.score).toBe(1);
    expect(top.isMatch).toBe(true);
    expect(body.decision).toBe('hit');
  });

  it('reports an IMO number whose check digit does not agree, and matches nothing on it', async () => {
    const body = await screen({ name: 'Unknown Ship', identifiers: [{ type: 'imo', value: '7406785' }] });
    expect(body.matches.find((m) => m.name === 'EBANO')).toBeUndefined();
    expect(body.identifierProblems?.[0]).toMatch(/7406785/);
  });

  it('serves a linked entry with its subject, and a disposition on either entry applies to the subject', async () => {
    const first = await screen({ name: 'Pak Yong Sik', type: 'person', reference: 'CUST-LINKED' });
    const ukMember = first.matches[0]!.subject!.members.find((m) => m.dataset === 'uk-sanctions')!;
    const entity = await request(t.app).get(`/v1/entities/${ukMember.entityId}`).expect(200);
    expect(entity.body.subject.id).toBe('un-KPi.063');
    expect(entity.body.crossReferences).toEqual(expect.arrayContaining([expect.objectContaining({ list: 'UN', referenceNumber: 'KPi.063' })]));
    await request(t.app)
      .post(`/v1/screenings/${first.screeningId}/matches/${ukMember.entityId}/disposition`)
      .send({ disposition: 'false-positive', note: 'another Pak Yong Sik, born 1979' })
      .expect(201);
    const again = await screen({ name: 'Pak Yong Sik', type: 'person', reference: 'CUST-LINKED' });
    expect(again.matches[0]?.suppressedBy?.disposition).toBe('false-positive');
  });

  it('imports an OFAC zip upload, reporting a malformed row with its file and line and importing the rest', async () => {
    const files = await Promise.all(['sdn.csv', 'alt.csv', 'add.csv', 'metadata.json'].map(async (name) => [name, new Uint8Array(await readFile(path.join(SMALL_OFAC, name)))] as const));
    const sdn = Buffer.from(files[0]![1]).toString('latin1').split('\n');
    // A row with too few columns, third from the top.
    sdn.splice(2, 0, '99999999,"BROKEN ROW"\r');
    const zip = zipSync({ ...Object.fromEntries(files), 'sdn.csv': new Uint8Array(Buffer.from(sdn.join('\n'), 'latin1')) });
    const res = await request(t.app).post('/v1/datasets/ofac-sdn/versions').set('content-type', 'application/zip').send(Buffer.from(zip)).expect(201);
    expect(res.body.entityCount).toBe(await sdnEntries(SMALL_OFAC));
    expect(res.body.skippedRows).toEqual([expect.objectContaining({ file: 'sdn.csv', line: 3 })]);
    const imports = await request(t.app).get('/v1/datasets/ofac-sdn/imports').expect(200);
    expect(imports.body.items[0].problems.join('\n')).toMatch(/sdn\.csv line 3/);
  });

  it('refuses with 422 a zip that holds no sdn.csv, and changes nothing', async () => {
    const before = (await request(t.app).get('/v1/datasets').expect(200)).body.items.find((d: { id: string }) => d.id === 'ofac-sdn');
    const zip = zipSync({ 'readme.txt': new Uint8Array(Buffer.from('not a list')) });
    const res = await request(t.app).post('/v1/datasets/ofac-sdn/versions').set('content-type', 'application/zip').send(Buffer.from(zip)).expect(422);
    expect(res.body.detail).toMatch(/sdn\.csv/);
    const after = (await request(t.app).get('/v1/datasets').expect(200)).body.items.find((d: { id: string }) => d.id === 'ofac-sdn');
    expect(after.version).toBe(before.version);
  });
});
