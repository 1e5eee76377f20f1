import { sql } from 'kysely';
import { migrateToLatest, type DatabaseHandle } from '../../src/db/database';
import { insertJsonRows, JSON_INSERT_ROWS, JsonText } from '../../src/db/insert-json-rows';
import { openTestDatabase, TEST_DATABASE_KIND } from '../helpers/test-database';

let handle: DatabaseHandle;
const JOB = 'job-1';

beforeAll(async () => {
  handle = await openTestDatabase();
  await migrateToLatest(handle.db);
  await handle.db.insertInto('jobs').values({ id: JOB, status: 'running', format: 'csv', chunk_rows: 10 }).execute();
});
afterAll(async () => {
  await handle?.close();
});
afterEach(async () => {
  await sql`truncate job_results, job_chunks`.execute(handle.db);
});

describe(`insertJsonRows (${TEST_DATABASE_KIND})`, () => {
  it('writes every cell as given: text with quotes, newlines and other scripts, nulls, numbers, nested JSON as JSON', async () => {
    const awkward = 'O\'Neil "Trading"\n\\ Ткачук 박영식 \u2028 💼';
    const matches = [{ entityId: 'un-KPi.033', name: awkward, score: 0.93, flags: [{ code: 'x', nested: { deep: null } }] }];
    await insertJsonRows(handle.db, 'job_results', [
      { job_id: JOB, line: 2, ordinal: 0, row_id: awkward, reference: null, screening_id: 's-1', decision: 'hit', matches: new JsonText(JSON.stringify(matches)), error: null },
      { job_id: JOB, line: 3, ordinal: 1, row_id: '', reference: 'R', screening_id: null, decision: 'invalid', matches: new JsonText('[]'), error: 'name: must not be empty' },
    ]);
    const rows = await handle.db.selectFrom('job_results').selectAll().orderBy('line').execute();
    expect(rows).toEqual([
      { job_id: JOB, line: 2, ordinal: 0, row_id: awkward, reference: null, screening_id: 's-1', decision: 'hit', matches, error: null },
      { job_id: JOB, line: 3, ordinal: 1, row_id: '', reference: 'R', screening_id: null, decision: 'invalid', matches: [], error: 'name: must not be empty' },
    ]);
  });

  it('leaves the columns the rows do not name to their defaults', async () => {
    await insertJsonRows(handle.db, 'job_chunks', [{ job_id: JOB, chunk: 0, row_count: 10 }]);
    const chunk = await handle.db.selectFrom('job_chunks').selectAll().executeTakeFirstOrThrow();
    expect(chunk).toMatchObject({ job_id: JOB, chunk: 0, row_count: 10, status: 'pending', attempts: 0 });
  });

  it('splits more rows than one statement takes, and inserts all of them once', async () => {
    const count = JSON_INSERT_ROWS * 2 + 7;
    const rows = Array.from({ length: count }, (_, i) => ({
      job_id: JOB, line: i + 2, ordinal: i, row_id: `CP-${i}`, reference: null, screening_id: null, decision: 'clear' as const, matches: new JsonText('[]'), error: null,
    }));
    await insertJsonRows(handle.db, 'job_results', rows);
    const { n, lines } = await handle.db
      .selectFrom('job_results')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('line').distinct().as('lines')])
      .executeTakeFirstOrThrow();
    expect([Number(n), Number(lines)]).toEqual([count, count]);
  });

  it('is all or nothing within a transaction: a failing row leaves none behind', async () => {
    const row = (line: number) => ({ job_id: JOB, line, ordinal: line, row_id: null, reference: null, screening_id: null, decision: 'clear' as const, matches: new JsonText('[]'), error: null });
    await expect(
      handle.db.transaction().execute((trx) => insertJsonRows(trx, 'job_results', [row(2), row(3), row(2)])),
    ).rejects.toThrow(/duplicate key/);
    expect(await handle.db.selectFrom('job_results').selectAll().execute()).toEqual([]);
  });
});
