import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createApiKey } from '../../src/auth/api-key-repository';
import { idempotencyKeyOf, jobStatePath, screenFile } from '../../src/cli/screen-file';
import { CSV_RESULTS_COLUMNS } from '../../src/jobs/job-results-format';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';
import { counterparties, csvFile } from './helpers/job-files';

let t: TestApp;
let server: Server;
let url: string;
let dir: string;
// Uploads the service received: a resumed run must not send the file again.
let uploads = 0;

beforeAll(async () => {
  t = await startTestApp({ JOB_CHUNK_ROWS: '8', JOB_POLL_INTERVAL_SECONDS: '0.5' });
  server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/v1/jobs')) uploads += 1;
    void t.app(req, res);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'screen-file-'));
});
afterAll(async () => {
  server?.close();
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI in-process with captured output. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.stdout.push(c));
  stderr.on('data', (c: Buffer) => chunks.stderr.push(c));
  const code = await screenFile(args, { stdout, stderr, env: {} });
  return { code, stdout: Buffer.concat(chunks.stdout).toString(), stderr: Buffer.concat(chunks.stderr).toString() };
}

describe(`screen-file CLI against the service on ${TEST_DATABASE_KIND}`, () => {
  it('uploads a file, follows the job and writes the results CSV with a one-line summary', async () => {
    const input = path.join(dir, 'counterparties.csv');
    fs.writeFileSync(input, csvFile([...counterparties(30), { id: 'bad', name: '' }]));
    const { code, stdout, stderr } = await run([input, '--url', url]);
    expect(stderr).toMatch(/job [0-9a-f-]{36}: 31 rows/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^31 rows: \d+ hits, \d+ reviews, \d+ clears, 1 invalid; [\d.]+ s \(\d+ rows\/s\); results in .+counterparties\.csv\.results\.csv; job [0-9a-f-]{36}\n$/);
    const lines = fs.readFileSync(`${input}.results.csv`, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_RESULTS_COLUMNS.join(','));
    expect(lines).toHaveLength(32);
    expect(lines[1]).toMatch(/^2,C-1,REF-1,[0-9a-f-]{36},hit,/);
    expect(lines[31]).toMatch(/^32,bad,,,invalid,0,,,,,,name: name must not be empty$/);
    const [hits, reviews, clears] = [...stdout.matchAll(/(\d+) (?:hits|reviews|clears)/g)].map((m) => Number(m[1]));
    expect(lines.slice(1).filter((l) => l.includes(',hit,'))).toHaveLength(hits!);
    expect(lines.slice(1).filter((l) => l.includes(',review,'))).toHaveLength(reviews!);
    expect(lines.slice(1).filter((l) => l.includes(',clear,'))).toHaveLength(clears!);
  });

  it('picks up the same job when run again on the same file (the Idempotency-Key is the file hash)', async () => {
    const input = path.join(dir, 'again.ndjson');
    fs.writeFileSync(input, counterparties(12).map((row) => JSON.stringify(row)).join('\n'));
    const first = await run([input, '--url', url, '--out', path.join(dir, 'first.csv')]);
    const second = await run([input, '--url', url, '--out', path.join(dir, 'second.csv')]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const jobOf = (s: string) => /job ([0-9a-f-]{36})\n$/.exec(s)?.[1];
    expect(jobOf(second.stdout)).toBe(jobOf(first.stdout));
    expect(second.stderr).toContain('resumed: this file was submitted before');
    expect(fs.readFileSync(path.join(dir, 'second.csv'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'first.csv'), 'utf8'));
  });

  it('after an interruption follows the job it noted, without sending the file again; a finished run leaves no note', async () => {
    const input = path.join(dir, 'interrupted.csv');
    const out = path.join(dir, 'interrupted.results.csv');
    fs.writeFileSync(input, csvFile(counterparties(9)));
    const first = await run([input, '--url', url, '--out', out]);
    expect(first.code).toBe(0);
    expect(fs.existsSync(jobStatePath(out))).toBe(false);
    const jobId = /job ([0-9a-f-]{36})\n$/.exec(first.stdout)?.[1];
    // What an interrupted run leaves behind: the note of its job.
    const digest = createHash('sha256').update(fs.readFileSync(input)).digest('hex');
    fs.writeFileSync(jobStatePath(out), JSON.stringify({ url, idempotencyKey: idempotencyKeyOf(digest, undefined), jobId }));
    const firstResults = fs.readFileSync(out, 'utf8');
    fs.rmSync(out);

    const uploadsBefore = uploads;
    const resumed = await run([input, '--url', url, '--out', out]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`job ${jobId} (resumed without sending the file again): 9 rows`);
    expect(uploads).toBe(uploadsBefore);
    expect(fs.readFileSync(out, 'utf8')).toBe(firstResults);
    expect(fs.existsSync(jobStatePath(out))).toBe(false);

    // A note for another file (another key) is ignored: that file is uploaded.
    fs.writeFileSync(jobStatePath(out), JSON.stringify({ url, idempotencyKey: 'screen-file-other', jobId }));
    fs.writeFileSync(input, csvFile(counterparties(4)));
    const other = await run([input, '--url', url, '--out', out]);
    expect(other.code).toBe(0);
    expect(uploads).toBe(uploadsBefore + 1);
    expect(other.stdout).toMatch(/^4 rows: /);
  });

  it('exits 1 with the service problem when the file is refused, writing no results', async () => {
    const input = path.join(dir, 'wrong-header.csv');
    fs.writeFileSync(input, 'customer,fullname\n1,A\n');
    const { code, stderr } = await run([input, '--url', url, '--quiet']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/the service refused the file: 400 Malformed job file: expected a header line/);
    expect(fs.existsSync(`${input}.results.csv`)).toBe(false);
  });

  it('exits 1 when the service answers 401 and 2 on bad usage', async () => {
    const input = path.join(dir, 'counterparties.csv');
    await createApiKey(t.context.database.db, { name: 'cli', scopes: ['screen'] });
    // The auth layer caches "no keys exist" for a few seconds; a wrong key is refused at once.
    const refused = await run([input, '--url', url, '--key', 'ssk_wrong', '--quiet']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/401 Unauthorized/);
    expect((await run([])).code).toBe(2);
    expect((await run([input, '--threshold', '7'])).code).toBe(2);
  });
});
