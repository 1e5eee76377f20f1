import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/database';
import { openTestDatabase, TEST_DATABASE_KIND } from '../helpers/test-database';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe(`queued queries on ${TEST_DATABASE_KIND}`, () => {
  // PGlite answers in-process: without turns, twenty queued queries ran back to back in microtasks and nothing else
  // (an HTTP request, a timer) ran until the last one was done.
  it('let the event loop take turns while they run', async () => {
    const order: string[] = [];
    const queries = Array.from({ length: 20 }, (_, i) =>
      sql<{ n: number }>`select ${i}::int as n`.execute(handle.db).then(() => order.push(`query ${i}`)),
    );
    setImmediate(() => order.push('turn'));
    await Promise.all(queries);
    expect(order).toHaveLength(21);
    expect(order.indexOf('turn')).toBeLessThan(order.indexOf('query 19'));
  });
});
