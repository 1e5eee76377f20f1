import { readFileSync } from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

/** The scheduled fetch of UN_LIST_URL, against a local HTTP server this test starts (no network). */

const LIST_2024 = path.join(PROJECT_ROOT, 'data/un/consolidated-2024-09-26.xml');
const LIST_2026 = readFileSync(path.join(PROJECT_ROOT, 'data/un/consolidated-2026-02-27.xml'));

/** What the list server answers next: a status and a body. */
let serving: { status: number; body: Buffer } = { status: 200, body: LIST_2026 };
let requests = 0;
let server: Server;
let url: string;
let t: TestApp;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    requests += 1;
    res.writeHead(serving.status, { 'Content-Type': 'application/xml' });
    res.end(serving.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/resources/xml/en/consolidated.xml`;
  t = await startTestApp({ UN_LIST_FILE: LIST_2024, UN_LIST_URL: url, UN_LIST_REFRESH_MINUTES: '60', DATASET_POLL_INTERVAL_MS: '0' });
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const unVersion = async () => ((await request(t.app).get('/v1/datasets').expect(200)).body.items as Array<{ id: string; sourceDate: string }>).find((d) => d.id === 'un');
const imports = async () => (await request(t.app).get('/v1/datasets/un/imports').expect(200)).body.items as Array<Record<string, unknown>>;
const makeDue = () => t.context.database.db.updateTable('dataset_schedules').set({ next_fetch_at: new Date(0).toISOString() }).where('dataset_id', '=', 'un').execute();
const fetchIfDue = () => t.context.datasets.fetchIfDue('un', url, { intervalMinutes: 60, maxBytes: 10 * 1024 * 1024, timeoutMs: 10_000 });

describe(`scheduled fetch of UN_LIST_URL on ${TEST_DATABASE_KIND}`, () => {
  it('fetches the list when the service starts and imports the newer version', async () => {
    // The first fetch runs in the background once the service is ready; wait for the switch (the test timeout bounds this).
    const screensOn = () => t.context.data.snapshot?.datasets.find((d) => d.id === 'un')?.sourceDate;
    while (screensOn() !== '2026-02-27') await new Promise((resolve) => setTimeout(resolve, 100));
    const [latest] = await imports();
    expect(latest).toMatchObject({ status: 'accepted', trigger: 'schedule', sourceDate: '2026-02-27', importedBy: null });
    expect((await unVersion())?.sourceDate).toBe('2026-02-27');
  });

  it('fetches once per interval: a check before the next fetch is due does nothing', async () => {
    const before = requests;
    expect(await fetchIfDue()).toBeNull();
    expect(requests).toBe(before);
  });

  it('records a fetch the server answers with an error as a failed import, and keeps the version in force', async () => {
    serving = { status: 503, body: Buffer.from('down for maintenance') };
    await makeDue();
    expect(await fetchIfDue()).toBeNull();
    const [latest] = await imports();
    expect(latest).toMatchObject({ status: 'failed', trigger: 'schedule' });
    expect(String(latest?.['reason'])).toMatch(/HTTP 503/);
    expect((await unVersion())?.sourceDate).toBe('2026-02-27');
  });

  it('refuses a truncated download like an upload, and an unchanged list is recorded as unchanged', async () => {
    serving = { status: 200, body: LIST_2026.subarray(0, 700_000) };
    await makeDue();
    expect((await fetchIfDue())?.status).toBe('refused');
    expect((await imports())[0]).toMatchObject({ status: 'refused', trigger: 'schedule' });
    serving = { status: 200, body: LIST_2026 };
    await makeDue();
    expect((await fetchIfDue())?.status).toBe('unchanged');
    expect((await unVersion())?.sourceDate).toBe('2026-02-27');
  });
});
