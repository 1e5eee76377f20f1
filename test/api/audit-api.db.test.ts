import { sql } from 'kysely';
import request from 'supertest';
import { ScreeningRecordSchema } from '../../src/audit/audit-schemas';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const countRecords = async () => {
  const row = await t.context.database.db
    .selectFrom('screenings')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

describe(`audit trail on ${TEST_DATABASE_KIND}`, () => {
  it('records a single screening exactly as requested and answered', async () => {
    const body = { name: 'Ткачук Сергей', reference: 'CASE-77', country: 'ru' };
    const res = await request(t.app).post('/v1/screen').send(body).expect(200);
    const stored = await request(t.app).get(`/v1/screenings/${res.body.screeningId}`).expect(200);
    const record = ScreeningRecordSchema.parse(stored.body);
    expect(record.request).toEqual(body);
    expect(record.normalized.country).toBe('RU');
    expect(record.normalized.forms).toEqual(res.body.query.normalized);
    expect(record.matches).toEqual(res.body.matches);
    expect(record).toMatchObject({
      kind: 'single',
      reference: 'CASE-77',
      decision: res.body.decision,
      datasetVersion: res.body.datasetVersion,
      algorithm: res.body.algorithm,
      threshold: res.body.threshold,
      screenedAt: res.body.screenedAt,
      apiKeyId: null,
    });
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.previousHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records every batch item with the batch id, in one chain', async () => {
    const before = await countRecords();
    const items = Array.from({ length: 25 }, (_, i) => ({ id: `row-${i}`, name: `Counterparty ${i}`, reference: `B-${i}` }));
    const res = await request(t.app).post('/v1/screen/batch').send({ items }).expect(200);
    expect(await countRecords()).toBe(before + 25);
    const one = await request(t.app).get(`/v1/screenings/${res.body.results[7].screeningId}`).expect(200);
    expect(one.body).toMatchObject({ kind: 'batch-item', batchId: res.body.batchId, itemId: 'row-7', reference: 'B-7', request: items[7] });
  });

  it('lists records newest first with filters and a cursor', async () => {
    await request(t.app).post('/v1/screen').send({ name: 'Pak Yong Sik', reference: 'FILTER-ME' }).expect(200);
    await request(t.app).post('/v1/screen').send({ name: 'Pak Yong Sik', reference: 'FILTER-ME' }).expect(200);
    const byRef = await request(t.app).get('/v1/screenings').query({ reference: 'FILTER-ME' }).expect(200);
    expect(byRef.body.items).toHaveLength(2);
    expect(byRef.body.items[0].seq > byRef.body.items[1].seq || byRef.body.items[0].seq.length > byRef.body.items[1].seq.length).toBe(true);
    const hits = await request(t.app).get('/v1/screenings').query({ decision: 'hit', limit: 500 }).expect(200);
    expect(hits.body.items.every((r: { decision: string }) => r.decision === 'hit')).toBe(true);
    const future = await request(t.app).get('/v1/screenings').query({ since: '2999-01-01T00:00:00Z' }).expect(200);
    expect(future.body.items).toHaveLength(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.app).get('/v1/screenings').query({ limit: 10, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...page.body.items.map((r: { screeningId: string }) => r.screeningId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(await countRecords());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('returns 404 problem+json for an unknown screening id', async () => {
    const res = await request(t.app).get('/v1/screenings/00000000-0000-0000-0000-000000000000');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('verifies the chain, and names the record that was altered in the database', async () => {
    const ok = await request(t.app).get('/v1/audit/verify').expect(200);
    expect(ok.body).toEqual({ ok: true, records: await countRecords() });

    const victim = await request(t.app).post('/v1/screen').send({ name: 'Pak Yong Sik' }).expect(200);
    await request(t.app).post('/v1/screen').send({ name: 'Someone Else Entirely' }).expect(200);
    await sql`update screenings set record = jsonb_set(record, '{decision}', '"clear"') where id = ${victim.body.screeningId}`.execute(
      t.context.database.db,
    );
    const broken = await request(t.app).get('/v1/audit/verify').expect(200);
    expect(broken.body.ok).toBe(false);
    expect(broken.body.firstBrokenId).toBe(victim.body.screeningId);

    await sql`update screenings set record = jsonb_set(record, '{decision}', ${JSON.stringify(victim.body.decision)}::jsonb) where id = ${victim.body.screeningId}`.execute(
      t.context.database.db,
    );
    expect((await request(t.app).get('/v1/audit/verify').expect(200)).body.ok).toBe(true);
  });

  it('detects a deleted record', async () => {
    const a = await request(t.app).post('/v1/screen').send({ name: 'Deleted Later' }).expect(200);
    const b = await request(t.app).post('/v1/screen').send({ name: 'Kept After' }).expect(200);
    const saved = await t.context.database.db.selectFrom('screenings').selectAll().where('id', '=', a.body.screeningId).executeTakeFirstOrThrow();
    await t.context.database.db.deleteFrom('screenings').where('id', '=', a.body.screeningId).execute();
    const res = await request(t.app).get('/v1/audit/verify').expect(200);
    expect(res.body).toMatchObject({ ok: false, firstBrokenId: b.body.screeningId });
    await sql`insert into screenings select * from jsonb_populate_record(null::screenings, ${JSON.stringify({ ...saved, record: saved.record })}::jsonb)`.execute(
      t.context.database.db,
    );
    expect((await request(t.app).get('/v1/audit/verify').expect(200)).body.ok).toBe(true);
  });
});

describe(`fail closed on ${TEST_DATABASE_KIND}`, () => {
  // A trigger makes the database reject one row mid-transaction: a real database failure, no mock.
  beforeAll(async () => {
    await sql`create or replace function fail_on_marker() returns trigger language plpgsql as $$
      begin
        if new.reference = 'FAIL-AUDIT' then raise exception 'simulated storage failure'; end if;
        return new;
      end $$`.execute(t.context.database.db);
    await sql`create trigger fail_on_marker before insert on screenings for each row execute function fail_on_marker()`.execute(
      t.context.database.db,
    );
  });
  afterAll(async () => {
    await sql`drop trigger if exists fail_on_marker on screenings`.execute(t.context.database.db);
  });

  it('answers 503 with Retry-After and no result when the record cannot be written', async () => {
    const before = await countRecords();
    const res = await request(t.app).post('/v1/screen').send({ name: 'Pak Yong Sik', reference: 'FAIL-AUDIT' });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.matches).toBeUndefined();
    expect(await countRecords()).toBe(before);
  });

  it('writes no partial batch when the database fails on item 700 of 1000', async () => {
    const before = await countRecords();
    const items = Array.from({ length: 1000 }, (_, i) => ({
      id: String(i),
      name: `Name ${i}`,
      ...(i === 700 ? { reference: 'FAIL-AUDIT' } : {}),
    }));
    const res = await request(t.app).post('/v1/screen/batch').send({ items });
    expect(res.status).toBe(503);
    expect(res.body.results).toBeUndefined();
    expect(await countRecords()).toBe(before);
    expect((await request(t.app).get('/v1/audit/verify').expect(200)).body.ok).toBe(true);
  });
});

describe(`database unavailable on ${TEST_DATABASE_KIND}`, () => {
  it('answers 503 with Retry-After and no result, and /readyz says not ready', async () => {
    await t.context.database.close();
    const res = await request(t.app).post('/v1/screen').send({ name: 'Pak Yong Sik' });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body.matches).toBeUndefined();
    const ready = await request(t.app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.headers['content-type']).toMatch(/problem\+json/);
  });
});
