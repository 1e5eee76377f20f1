import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { loadConfig } from '../../src/config';
import { createContext, type AppContext } from '../../src/context';
import { createApp } from '../../src/http/app';
import { openTestDatabase } from '../helpers/test-database';
import { FURTHER_LISTS_OFF } from '../helpers/test-app';

/** Logs a person can read: an expected answer is one warning line with its reason, never an error with a stack. */

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let context: AppContext;

beforeAll(async () => {
  const database = await openTestDatabase();
  // No prepare(): the data is "still loading", so /readyz answers 503.
  context = await createContext(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', LOG_REQUESTS: 'true', ...FURTHER_LISTS_OFF }), {
    database,
    log: pino({ level: 'info' }, sink),
  });
});

afterAll(async () => {
  await context.close();
});

const linesOf = (requestId: string) =>
  lines.filter((line) => (line.req as { id?: string } | undefined)?.id === requestId || line.reqId === requestId);

describe('request logs', () => {
  it.each([
    ['a readiness 503 while data loads', '/readyz', 503, 'data is still loading'],
    ['a 404 for an unknown route', '/v1/nothing-here', 404, 'no route for GET /v1/nothing-here'],
  ])('logs %s as one warning line with the reason and no stack', async (_label, path, status, reason) => {
    const app = createApp(context);
    const requestId = `log-test-${status}`;
    await request(app).get(path).set('X-Request-Id', requestId).expect(status);
    const logged = linesOf(requestId);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 40, problem: reason });
    expect(JSON.stringify(logged[0])).not.toContain('"stack"');
  });
});
