import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import fc from 'fast-check';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/http/app';
import { createErrorHandler } from '../../src/http/problem-json';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

let t: TestApp;
let server: Server;
let base: string;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_MAX: '0', BODY_LIMIT: '256kb' });
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t?.close();
});

const problemOf = (res: request.Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  return res.body as { detail: string; errors?: { path: string; message: string }[] };
};

describe(`input hardening on ${TEST_DATABASE_KIND}`, () => {
  it('names unknown fields in a 400', async () => {
    const body = problemOf(await request(base).post('/v1/screen').send({ name: 'x', colour: 'red' }), 400);
    expect(JSON.stringify(body.errors)).toContain('colour');
  });

  it.each([
    ['a 513-character name', { name: 'a'.repeat(513) }, /at most 512/],
    ['a name of spaces only', { name: '   ' }, /empty/],
    ['a control character', { name: 'Pak\u0007Yong' }, /control characters/],
    ['a newline', { name: 'Pak\nYong' }, /control characters/],
    ['an unpaired surrogate', { name: 'Pak \ud800 Yong' }, /surrogate/],
    ['a wrong type', { name: 42 }, /string/],
    ['a bad country', { name: 'x', country: 'Russia' }, /alpha-2/],
    ['a bad birth date', { name: 'x', birthDate: '1960-02-30' }, /calendar/],
    ['a threshold above 1', { name: 'x', threshold: 1.5 }, /1/],
  ])('rejects %s with a clear message', async (_label, body, message) => {
    const problem = problemOf(await request(base).post('/v1/screen').send(body), 400);
    expect(JSON.stringify(problem.errors)).toMatch(message);
  });

  it('accepts a 512-character name after trimming', async () => {
    await request(base).post('/v1/screen').send({ name: `  ${'b'.repeat(512)}  ` }).expect(200);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await request(base).post('/v1/screen').set('Content-Type', 'application/json').send('{"name": "x",');
    expect(problemOf(res, 400).detail).toMatch(/not valid JSON/);
  });

  it('answers a body over the limit with 413 problem+json', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: String(i), name: 'n'.repeat(300) }));
    problemOf(await request(base).post('/v1/screen/batch').send({ items }), 413);
  });

  it('answers a non-JSON body with 415 problem+json', async () => {
    problemOf(await request(base).post('/v1/screen').set('Content-Type', 'text/plain').send('name=x'), 415);
  });

  it('answers unknown routes with 404 and wrong methods with 405 + Allow', async () => {
    problemOf(await request(base).get('/v1/screen/nothing'), 404);
    const res = await request(base).get('/v1/screen');
    problemOf(res, 405);
    expect(res.headers.allow).toBe('POST');
  });

  it('sends no CORS headers by default and no X-Powered-By', async () => {
    const res = await request(base).get('/healthz').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows configured CORS origins only', async () => {
    // Same database and data, another app built with CORS configured.
    const withCors = createApp({ ...t.context, config: { ...t.context.config, CORS_ORIGINS: 'https://analyst.bank.example' } });
    const ok = await request(withCors).get('/healthz').set('Origin', 'https://analyst.bank.example');
    expect(ok.headers['access-control-allow-origin']).toBe('https://analyst.bank.example');
    const other = await request(withCors).get('/healthz').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('turns an unexpected error into a 500 carrying only the request id, never the stack', async () => {
    const app = express();
    app.use((req, _res, next) => {
      req.id = 'req-500';
      req.log = pino({ level: 'silent' });
      next();
    });
    app.get('/boom', () => {
      throw new Error('secret internals at /srv/app/db.ts:42');
    });
    app.use(createErrorHandler({ logRequests: false }));
    const res = await request(app).get('/boom');
    const body = problemOf(res, 500);
    expect(body.detail).toContain('req-500');
    expect(JSON.stringify(res.body)).not.toMatch(/secret internals|db\.ts|at /);
  });
});

// Random and adversarial bodies: values of every JSON type, prototype keys, odd Unicode, huge strings, deep nesting.
const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', 'Ткачук', '박영식', '__proto__', 'constructor', "'; drop table screenings; --"),
  fc.integer({ min: 500, max: 5000 }).map((n) => 'x'.repeat(n)),
);
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    oddString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(oddString, fc.constantFrom('__proto__', 'constructor', 'prototype', 'name', 'items', 'id')), tie('value'), { maxKeys: 4 }),
  ),
})).value;
const deepNesting = fc.integer({ min: 100, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));
const screenBody = fc.record(
  { name: fc.oneof(oddString, anyJson), type: fc.oneof(fc.constantFrom('person', 'organization', 'any', 'ship'), anyJson), country: fc.oneof(fc.constantFrom('RU', 'KP', 'ru', 'XX1'), anyJson), birthDate: fc.oneof(fc.constantFrom('1960', '1960-13', '1960-01-01'), anyJson), threshold: fc.oneof(fc.double(), anyJson), limit: fc.oneof(fc.integer(), anyJson), reference: oddString },
  { requiredKeys: [] },
);
const batchBody = fc.oneof(
  fc.record({ items: fc.array(fc.oneof(screenBody.map((b) => ({ id: 'x', ...b })), anyJson), { maxLength: 5 }), threshold: fc.oneof(fc.double(), anyJson) }, { requiredKeys: [] }),
  fc.constant({ items: Array.from({ length: 1001 }, (_, i) => ({ id: String(i), name: 'n' })) }),
  fc.constant({ items: [] }),
);
const rawBody = fc.oneof(
  anyJson.map((v) => JSON.stringify(v) ?? 'null'),
  screenBody.map((v) => JSON.stringify(v)),
  batchBody.map((v) => JSON.stringify(v)),
  deepNesting,
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{"__proto__": {"polluted": true}, "name": "x"}', '{"constructor": {"prototype": {"polluted": true}}}', '{"name": "x"'),
);

describe(`property: no body breaks the API (${TEST_DATABASE_KIND})`, () => {
  it.each(['/v1/screen', '/v1/screen/batch', '/v1/keys'])(
    'never answers %s with a 5xx, always JSON or problem+json, and the audit chain still verifies',
    async (path) => {
      await fc.assert(
        fc.asyncProperty(rawBody, async (body) => {
          const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
          const type = res.headers.get('content-type') ?? '';
          const text = await res.text();
          if (res.status >= 500) throw new Error(`${res.status} for ${body.slice(0, 200)}: ${text}`);
          if (res.status >= 400) {
            expect(type).toMatch(/^application\/problem\+json/);
            expect(JSON.parse(text).status).toBe(res.status);
          } else {
            expect(type).toMatch(/^application\/json/);
          }
        }),
        { numRuns: 1700, seed: 20261127 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const verify = await request(base).get('/v1/audit/verify').expect(200);
      expect(verify.body.ok).toBe(true);
    },
  );
});
