import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import request from 'supertest';
import { createApiKey } from '../../src/auth/api-key-repository';
import { verifyChain } from '../../src/audit/audit-repository';
import type { AuditRecord } from '../../src/audit/audit-record';
import { CSV_RESULTS_COLUMNS } from '../../src/jobs/job-results-format';
import { JobCreatedSchema, JobResultSchema, JobSchema } from '../../src/jobs/job-schemas';
import { BatchResponseSchema } from '../../src/screening/screening-schemas';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';
import { KNOWN_NAMES, counterparties, csvFile, parseNdjson, waitForJob } from './helpers/job-files';

let t: TestApp;
beforeAll(async () => {
  // Small chunks so even these small files take several chunks (and several transactions).
  t = await startTestApp({ JOB_CHUNK_ROWS: '10', JOB_POLL_INTERVAL_SECONDS: '0.5', JOB_RETENTION_DAYS: '30' });
});
afterAll(async () => {
  await t?.close();
});

type JobResult = ReturnType<typeof JobResultSchema.parse>;

const upload = (body: string, headers: Record<string, string> = { 'Content-Type': 'text/csv' }, query = '') =>
  request(t.app).post(`/v1/jobs${query}`).set(headers).send(body);

async function runJob(body: string, headers?: Record<string, string>, query?: string) {
  const created = await upload(body, headers, query).expect(202);
  const { jobId } = JobCreatedSchema.parse(created.body);
  const job = JobSchema.parse(await waitForJob(t.app, jobId));
  return { created, jobId, job };
}

async function results(jobId: string, query = ''): Promise<JobResult[]> {
  const res = await request(t.app).get(`/v1/jobs/${jobId}/results${query}`).expect(200);
  expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
  return parseNdjson(res.text).map((row) => JobResultSchema.parse(row));
}

const jobCount = async () => Number((await t.context.database.db.selectFrom('jobs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe(`batch jobs on ${TEST_DATABASE_KIND}`, () => {
  const rows = counterparties(45);
  let jobId: string;
  let jobResults: JobResult[];

  beforeAll(async () => {
    const run = await runJob(csvFile(rows));
    jobId = run.jobId;
    jobResults = await results(jobId);
  });

  it('screens a CSV file end to end: 202 with links, then succeeded with counts that add up', async () => {
    const created = await upload(csvFile(rows.slice(0, 3))).expect(202);
    const body = JobCreatedSchema.parse(created.body);
    expect(created.headers.location).toBe(`/v1/jobs/${body.jobId}`);
    expect(body.links).toEqual({ self: `/v1/jobs/${body.jobId}`, results: `/v1/jobs/${body.jobId}/results` });
    expect(body.total).toBe(3);

    const job = JobSchema.parse((await request(t.app).get(`/v1/jobs/${jobId}`).expect(200)).body);
    expect(job).toMatchObject({ jobId, status: 'succeeded', total: 45, processed: 45, invalid: 0, etaSeconds: 0, error: null });
    expect(job.hits + job.reviews + job.clears).toBe(45);
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();
    const count = (d: string) => jobResults.filter((r) => r.decision === d).length;
    expect([job.hits, job.reviews, job.clears]).toEqual([count('hit'), count('review'), count('clear')]);
  });

  it('returns one result per row, in input order, with the line each row came from', () => {
    expect(jobResults.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(jobResults.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
    expect(new Set(jobResults.map((r) => r.screeningId)).size).toBe(45);
  });

  it('gives each row the decision and matches a single screening gives', async () => {
    for (const [index, known] of KNOWN_NAMES.entries()) {
      expect(jobResults[index]?.decision).toBe(known.decision);
      expect(jobResults[index]?.matches[0]?.entityId).toBe(known.entityId);
    }
    const batch = await request(t.app)
      .post('/v1/screen/batch')
      .send({ items: rows.map(({ id, name, type, country }) => ({ id, name, ...(type ? { type } : {}), ...(country ? { country } : {}) })) })
      .expect(200);
    const direct = BatchResponseSchema.parse(batch.body).results;
    expect(jobResults.map((r) => ({ id: r.id, decision: r.decision, matches: r.matches }))).toEqual(
      direct.map((r) => ({ id: r.id, decision: r.decision, matches: r.matches })),
    );
  });

  it('writes one audit record per screened row on the same chain: kind job-row, the row as received', async () => {
    const stored = await t.context.database.db
      .selectFrom('screenings')
      .select(['id', 'record'])
      .where('job_id', '=', jobId)
      .orderBy('seq')
      .execute();
    const records = stored.map((s) => s.record as unknown as AuditRecord);
    expect(records).toHaveLength(45);
    expect(new Set(records.map((r) => r.screeningId))).toEqual(new Set(jobResults.map((r) => r.screeningId)));
    const first = records.find((r) => r.itemId === 'C-1');
    expect(first).toMatchObject({
      kind: 'job-row',
      jobId,
      itemId: 'C-1',
      reference: 'REF-1',
      request: { id: 'C-1', name: 'SIK, Pak Yong', type: 'person', country: '', birthDate: '', reference: 'REF-1' },
      decision: 'hit',
    });
    expect(await verifyChain(t.context.database.db)).toMatchObject({ ok: true });
  });

  it('filters results by decision and serves them as CSV too', async () => {
    const hits = await results(jobId, '?decision=hit');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((r) => r.decision === 'hit')).toBe(true);
    expect(hits).toEqual(jobResults.filter((r) => r.decision === 'hit'));
    const some = await results(jobId, '?decision=review,clear');
    expect(some.map((r) => r.line)).toEqual(jobResults.filter((r) => r.decision !== 'hit').map((r) => r.line));

    const csv = await request(t.app).get(`/v1/jobs/${jobId}/results?format=csv&decision=hit`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`job-${jobId}-results.csv`);
    const [header, ...lines] = csv.text.trimEnd().split('\r\n');
    expect(header).toBe(CSV_RESULTS_COLUMNS.join(','));
    expect(lines).toHaveLength(hits.length);
    expect(lines[0]).toBe(
      [hits[0]!.line, 'C-1', 'REF-1', hits[0]!.screeningId, 'hit', hits[0]!.matches.length, 'un-KPi.063', 'PAK YONG SIK', hits[0]!.matches[0]!.score, 'critical', hits[0]!.matches.map((m) => m.entityId).join(' '), ''].join(','),
    );
  });

  it('returns 400 problem+json for an unknown results format or decision', async () => {
    for (const query of ['?format=xlsx', '?decision=maybe']) {
      const res = await request(t.app).get(`/v1/jobs/${jobId}/results${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('returns 404 problem+json for a job that does not exist', async () => {
    for (const path of ['/v1/jobs/nope', '/v1/jobs/nope/results']) {
      const res = await request(t.app).get(path).expect(404);
      expect(res.body.detail).toBe('job "nope" does not exist');
    }
    await request(t.app).delete('/v1/jobs/nope').expect(404);
  });

  it('answers 409 to a DELETE of a job that already succeeded', async () => {
    const res = await request(t.app).delete(`/v1/jobs/${jobId}`).expect(409);
    expect(res.body.detail).toContain('already succeeded');
  });
});

describe(`bad rows on ${TEST_DATABASE_KIND}`, () => {
  it('reports each bad row with its line number and reason, screens the others, and the job succeeds', async () => {
    const file = [
      'id,name,type,country,birthDate,reference',
      'ok-1,Margaret Thornbury-Wells,,,,', // line 2
      'no-name,,,,,', // 3
      'bad-country,Jane Doe,,Russia,,', // 4
      '', // 5: blank, skipped
      'bad-date,Jane Doe,,,1960-13-01,', // 6
      'bad-type,Jane Doe,company,,,', // 7
      '{"not":"csv"}', // 8: one field where six belong: no name
      ',Nameless Id,,,,', // 9
      'too-many,Jane Doe,,,,,surplus', // 10
      'newline,"Jane', // 11: a quoted newline in a name…
      'Doe",,,,', // 12: …ends here (control characters are not names)
      'ok-2,"TKACHUK, Sergei",person,RU,1960,', // 13
    ].join('\n');
    const { jobId, job } = await runJob(file);
    expect(job).toMatchObject({ status: 'succeeded', total: 10, processed: 10, invalid: 8 });
    const byLine = new Map((await results(jobId)).map((r) => [r.line, r]));
    const expected: [string | null, number, RegExp][] = [
      ['no-name', 3, /^name: name must not be empty$/],
      ['bad-country', 4, /^country: country must be an ISO 3166-1 alpha-2 code/],
      ['bad-date', 6, /^birthDate: birthDate is not a calendar date$/],
      ['bad-type', 7, /^type: /],
      [null, 8, /^name: name is required$/],
      ['', 9, /^id: /],
      ['too-many', 10, /^the row has 7 fields; the header has 6$/],
      ['newline', 11, /^name: name must not contain control characters$/],
    ];
    for (const [id, line, reason] of expected) {
      const row = byLine.get(line);
      expect(row).toMatchObject({ decision: 'invalid', screeningId: null, matches: [] });
      if (id !== null) expect(row?.id).toBe(id);
      expect(row?.error).toMatch(reason);
    }
    expect(byLine.get(2)).toMatchObject({ id: 'ok-1', decision: 'clear' });
    expect(byLine.get(13)).toMatchObject({ id: 'ok-2', decision: 'hit' });
    const audited = await t.context.database.db.selectFrom('screenings').select('id').where('job_id', '=', jobId).execute();
    expect(audited).toHaveLength(2);
  });

  it('screens an NDJSON file and reports the lines that are not objects of the schema', async () => {
    const file = [
      '\ufeff{"id":"n-1","name":"Natalya Titova"}',
      '',
      '{"id":"n-2","name":"Park Yong-sik","type":"person","country":null}',
      '{"id":"n-3",',
      '{"id":"n-4","name":"A","colour":"red"}',
      '["n-5","B"]',
    ].join('\r\n');
    const { jobId, job } = await runJob(file, { 'Content-Type': 'application/x-ndjson' });
    expect(job).toMatchObject({ status: 'succeeded', total: 5, invalid: 3 });
    const rows = await results(jobId);
    expect(rows.map((r) => [r.line, r.decision])).toEqual([
      [1, 'review'],
      [3, 'hit'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'invalid'],
    ]);
    expect(rows[2]?.error).toMatch(/^the line is not valid JSON/);
    expect(rows[3]?.error).toMatch(/Unrecognized key.*colour/);
    expect(rows[4]?.error).toBe('the line is not a JSON object');
  });

  it('reports a row holding U+0000 or an unpaired surrogate (which the database cannot store) instead of failing the upload', async () => {
    const csv = ['id,name,type,country,birthDate,reference', 'nul,Ab\u0000c,,,,', 'ok,Natalya Titova,,,,'].join('\n');
    const fromCsv = await runJob(csv);
    expect(fromCsv.job).toMatchObject({ status: 'succeeded', total: 2, invalid: 1 });
    const csvRows = await results(fromCsv.jobId);
    expect(csvRows.map((r) => [r.line, r.id, r.decision])).toEqual([
      [2, 'nul', 'invalid'],
      [3, 'ok', 'review'],
    ]);
    expect(csvRows[0]?.error).toMatch(/U\+0000 or an unpaired UTF-16 surrogate/);

    const ndjson = [
      '{"id":"nul","name":"Ab\\u0000c"}',
      '{"id":"lone","name":"Ab\\ud800c"}',
      // A backslash written before "u0000" is data, not an escape: stored and screened as it is.
      '{"id":"backslash","name":"Kim \\\\u0000 Chol"}',
    ].join('\n');
    const fromNdjson = await runJob(ndjson, { 'Content-Type': 'application/x-ndjson' });
    expect(fromNdjson.job).toMatchObject({ status: 'succeeded', total: 3, invalid: 2 });
    const ndjsonRows = await results(fromNdjson.jobId);
    expect(ndjsonRows.map((r) => [r.id, r.decision])).toEqual([
      ['nul', 'invalid'],
      ['lone', 'invalid'],
      ['backslash', 'clear'],
    ]);
    const audited = await t.context.database.db.selectFrom('screenings').select('record').where('job_id', '=', fromNdjson.jobId).execute();
    expect(audited.map((a) => (a.record as { request: { name: string } }).request.name)).toEqual(['Kim \\u0000 Chol']);
  });
});

describe(`malformed uploads on ${TEST_DATABASE_KIND}`, () => {
  it.each([
    ['a wrong header', 'text/csv', 'ident,fullname\n1,a\n', 400, /unknown column\(s\) "ident", "fullname"/],
    ['a file that is not CSV', 'text/csv', '\u0000\u0001PK\u0003\u0004garbage', 400, /expected a header line/],
    ['an empty CSV file', 'text/csv', '', 400, /the file is empty/],
    ['NDJSON that is not JSON', 'application/x-ndjson', 'id,name\n1,a\n', 400, /not NDJSON/],
    ['a JSON body', 'application/json', '{"items":[]}', 415, /expected Content-Type text\/csv or application\/x-ndjson/],
    ['a non-UTF-8 charset', 'text/csv; charset=latin1', 'id,name\n1,a\n', 415, /must be UTF-8/],
  ])('rejects %s with problem+json and creates no job', async (_case, type, body, status, detail) => {
    const before = await jobCount();
    const res = await upload(body, { 'Content-Type': type }).expect(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(detail);
    expect(await jobCount()).toBe(before);
  });

  it.each([
    ['a wrong header', 'text/csv', 400, /unknown column\(s\) "customer", "fullname"/],
    ['an unsupported media type', 'text/plain', 415, /expected Content-Type text\/csv/],
  ])('answers %s on a large body once the body is in, without parsing the rest', async (_case, type, expectedStatus, detail) => {
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const upload = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/jobs', headers: { 'Content-Type': type } });
      const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        upload.on('error', reject).on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString())).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
      });
      upload.write('customer,fullname\n');
      // 16 MiB after the bad header: far more than any socket buffer holds, so the server must read it to let it end.
      const block = Buffer.from('1,Someone Somewhere\n'.repeat(4096));
      for (let sent = 0; sent < 16 * 2 ** 20; sent += block.length) {
        if (!upload.write(block)) await once(upload, 'drain');
      }
      upload.end();
      const { status, body } = await answered;
      expect(status).toBe(expectedStatus);
      expect(JSON.parse(body).detail).toMatch(detail);
    } finally {
      server.close();
    }
  });

  it('rejects a threshold outside 0..1 and an unknown query parameter with 400', async () => {
    await upload('id,name\n1,a\n', { 'Content-Type': 'text/csv' }, '?threshold=2').expect(400);
    await upload('id,name\n1,a\n', { 'Content-Type': 'text/csv' }, '?limit=3').expect(400);
  });

  it('applies ?threshold= to every row', async () => {
    const { jobId, job } = await runJob('id,name\n1,Kim\n', { 'Content-Type': 'text/csv' }, '?threshold=0.99');
    expect(job.threshold).toBe(0.99);
    const [row] = await results(jobId);
    expect(row?.matches.every((m) => m.score >= 0.99)).toBe(true);
  });
});

describe(`Idempotency-Key on ${TEST_DATABASE_KIND}`, () => {
  const file = csvFile(counterparties(12));
  const csv = (key: string) => ({ 'Content-Type': 'text/csv', 'Idempotency-Key': key });

  it('returns the same job for the same key and body, marked as a replay', async () => {
    const first = await upload(file, csv('same-1')).expect(202);
    const again = await upload(file, csv('same-1')).expect(202);
    expect(again.body.jobId).toBe(first.body.jobId);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const other = await upload(file, csv('same-2')).expect(202);
    expect(other.body.jobId).not.toBe(first.body.jobId);
  });

  it('answers 422 problem+json for the same key with another body or threshold', async () => {
    const first = await upload(file, csv('changed-1')).expect(202);
    const changed = await upload(`${file}C-99,Someone Else,,,,\n`, csv('changed-1')).expect(422);
    expect(changed.headers['content-type']).toMatch(/problem\+json/);
    expect(changed.body.detail).toContain(first.body.jobId);
    await upload(file, csv('changed-1'), '?threshold=0.9').expect(422);
  });

  it('answers 409 problem+json while the first upload with the key is still arriving', async () => {
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const slow = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/jobs', headers: csv('in-flight-1') });
      const answered = new Promise<http.IncomingMessage>((resolve, reject) => slow.on('response', resolve).on('error', reject));
      slow.write(file);
      // The job exists as soon as its row is inserted, while the body is still open.
      for (;;) {
        const found = await t.context.database.db.selectFrom('jobs').select('status').where('idempotency_key', '=', 'in-flight-1').executeTakeFirst();
        if (found) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const conflict = await upload(file, csv('in-flight-1')).expect(409);
      expect(conflict.headers['retry-after']).toBeDefined();
      expect(conflict.body.detail).toContain('still being uploaded');
      slow.end();
      expect((await answered).statusCode).toBe(202);
      await upload(file, csv('in-flight-1')).expect(202);
    } finally {
      server.close();
    }
  });

  it('rejects an Idempotency-Key with control characters or over 255 characters', async () => {
    await upload(file, csv('x'.repeat(256))).expect(400);
    await upload(file, csv('has space')).expect(400);
  });
});

describe(`job retention (JOB_RETENTION_DAYS=30) on ${TEST_DATABASE_KIND}`, () => {
  it('deletes a job finished over 30 days ago with its rows and results; newer jobs and the audit trail stay', async () => {
    const db = t.context.database.db;
    const expired = await runJob(csvFile(counterparties(12)));
    const recent = await runJob(csvFile(counterparties(5)));
    const audited = async (id: string) => (await db.selectFrom('screenings').select('id').where('job_id', '=', id).execute()).length;
    const stored = async (table: 'job_results' | 'job_rows' | 'job_chunks', id: string) =>
      (await db.selectFrom(table).select('job_id').where('job_id', '=', id).execute()).length;
    expect(await stored('job_results', expired.jobId)).toBe(12);
    const auditedBefore = await audited(expired.jobId);
    expect(auditedBefore).toBe(12);

    await db.updateTable('jobs').set({ finished_at: sql<Date>`now() - interval '31 days'` }).where('id', '=', expired.jobId).execute();
    expect(await t.context.jobs.applyRetention()).toBe(1);

    await request(t.app).get(`/v1/jobs/${expired.jobId}`).expect(404);
    await request(t.app).get(`/v1/jobs/${expired.jobId}/results`).expect(404);
    for (const table of ['job_results', 'job_rows', 'job_chunks'] as const) expect(await stored(table, expired.jobId)).toBe(0);
    expect(await audited(expired.jobId)).toBe(auditedBefore);
    expect((await results(recent.jobId)).length).toBe(5);
    // Nothing else is old enough: a second pass deletes nothing.
    expect(await t.context.jobs.applyRetention()).toBe(0);
  });
});

describe(`access to jobs on ${TEST_DATABASE_KIND}`, () => {
  it('shows a job only to the key that created it (and to admin keys)', async () => {
    const db = t.context.database.db;
    const owner = await createApiKey(db, { name: 'owner', scopes: ['screen'] });
    const other = await createApiKey(db, { name: 'other', scopes: ['screen'] });
    const admin = await createApiKey(db, { name: 'admin', scopes: ['admin'] });
    const reader = await createApiKey(db, { name: 'reader', scopes: ['read'] });
    const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
    const created = await upload('id,name\n1,Jane Doe\n', { 'Content-Type': 'text/csv', ...bearer(owner.key) }).expect(202);
    const path = `/v1/jobs/${created.body.jobId}`;
    await request(t.app).get(path).set(bearer(owner.key)).expect(200);
    await request(t.app).get(path).set(bearer(admin.key)).expect(200);
    await request(t.app).get(path).set(bearer(other.key)).expect(404);
    await request(t.app).get(`${path}/results`).set(bearer(other.key)).expect(404);
    await request(t.app).get(path).set(bearer(reader.key)).expect(403);
  });
});

