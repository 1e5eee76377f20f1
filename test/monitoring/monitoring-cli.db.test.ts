import fs from 'node:fs';
import http, { type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createApiKey } from '../../src/auth/api-key-repository';
import { alertsCommand } from '../../src/cli/alerts';
import { screenFile } from '../../src/cli/screen-file';
import { PROJECT_ROOT } from '../../src/config';
import { computeChangeSet } from '../../src/datasets/change-set';
import { readResolutionTexts, readUnConsolidatedList } from '../../src/lists/un/load-un-list';
import type { CanonicalEntity } from '../../src/model/entity';
import { csvFile } from '../jobs/helpers/job-files';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

/**
 * The monitoring CLIs against the real service listening on a port: `screen-file --monitor` enrols a small book on
 * the 2024 list, the 2026 list is imported, and `alerts` lists what the monitoring job raised.
 */

const LIST_2024 = path.join(PROJECT_ROOT, 'data/un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(PROJECT_ROOT, 'data/un/consolidated-2026-02-27.xml');
// Each name the 2026 list adds is enrolled this many times over (134 names): more alerts than one page of
// GET /v1/alerts holds (500), so that `alerts --limit` must follow the cursor.
const COPIES = 4;

type Run = { code: number; stdout: string; stderr: string };
type Command = (argv: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; env: Record<string, string | undefined> }) => Promise<number>;

let t: TestApp;
let server: Server;
let url: string;
let dir: string;
// No service listens here: a command that got as far as a request would exit 1, not 2.
let nowhere: string;
// Entries the 2026 list adds (three persons of them in the CSV), and an entry it removes (inputs chosen from the data).
let everyAdded: CanonicalEntity[];
let added: CanonicalEntity[];
let removed: CanonicalEntity;
let bulk: number;

beforeAll(async () => {
  const resolutions = await readResolutionTexts(path.join(PROJECT_ROOT, 'data'));
  const before = readUnConsolidatedList(fs.readFileSync(LIST_2024), resolutions).entities;
  const after = readUnConsolidatedList(fs.readFileSync(LIST_2026), resolutions).entities;
  const changes = computeChangeSet(before, after);
  const is = new Map(after.map((e) => [e.id, e]));
  const was = new Map(before.map((e) => [e.id, e]));
  everyAdded = changes.added.map((e) => is.get(e.entityId)!);
  added = everyAdded.filter((e) => e.type === 'person').slice(0, 3);
  bulk = everyAdded.length * COPIES;
  removed = was.get(changes.removed[0]!.entityId)!;

  t = await startTestApp({ UN_LIST_FILE: LIST_2024, DATASET_POLL_INTERVAL_MS: '0', MONITORING_MODE: 'delta', JOB_POLL_INTERVAL_SECONDS: '0.5' });
  server = http.createServer(t.app);
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitoring-cli-'));
  const closed = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => closed.once('listening', resolve));
  nowhere = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(async () => {
  server?.close();
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs a CLI in-process with captured output. */
async function run(command: Command, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.stdout.push(c));
  stderr.on('data', (c: Buffer) => chunks.stderr.push(c));
  const code = await command(args, { stdout, stderr, env });
  return { code, stdout: Buffer.concat(chunks.stdout).toString(), stderr: Buffer.concat(chunks.stderr).toString() };
}

const alerts = (args: string[], env?: Record<string, string>) => run(alertsCommand, args, env);
const lines = (stdout: string) => stdout.split('\n').filter((line) => line !== '');
// A line's columns: created at, kind, status, reference, entity id, [entity name,] alert id.
const columns = (line: string) => line.split(/ {2,}/);
const idOf = (line: string) => columns(line).pop()!;

/** The API's own answer for comparison: every alert matching `query`, newest first. */
async function alertsFromApi(query: string): Promise<Array<Record<string, string>>> {
  const items: Array<Record<string, string>> = [];
  let cursor: string | null = null;
  do {
    const response: Response = await fetch(`${url}/v1/alerts?limit=500${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: Array<Record<string, string>>; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

/** Waits for the newest monitoring job (the test timeout bounds the wait, never an assertion on time). */
async function monitoringJobDone(): Promise<void> {
  for (;;) {
    const job = await t.context.database.db.selectFrom('jobs').select(['status']).where('kind', '=', 'monitoring').orderBy('created_at', 'desc').executeTakeFirst();
    if (job && (job.status === 'succeeded' || job.status === 'failed')) {
      expect(job.status).toBe('succeeded');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(`monitoring CLIs against the service on ${TEST_DATABASE_KIND}`, () => {
  let book: string;

  it('screen-file --monitor enrols the rows that carry a reference and reports enrolled and not enrolled', async () => {
    book = path.join(dir, 'book.csv');
    fs.writeFileSync(
      book,
      csvFile([
        ...added.map((e, i) => ({ id: `R-${i}`, name: e.primaryName, type: 'person', reference: `NEW-${i}` })),
        { id: 'R-GONE', name: removed.primaryName, type: 'any', reference: 'GONE-0' },
        { id: 'R-NEAR', name: 'Maria Gonzalez Fernandez', type: 'person', reference: 'NEAR-0' },
        { id: 'R-NOREF', name: 'Hans Mueller', type: 'person' },
      ]),
    );
    const { code, stdout, stderr } = await run(screenFile, [book, '--monitor', '--quiet', '--url', url]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^6 rows: \d+ hits, \d+ reviews, \d+ clears, 0 invalid; 5 enrolled in monitoring, 1 not enrolled \(no reference\); [\d.]+ s .*; job [0-9a-f-]{36}\n$/);
    for (const reference of ['NEW-0', 'NEW-1', 'NEW-2', 'GONE-0', 'NEAR-0']) expect((await fetch(`${url}/v1/monitors/${reference}`)).status).toBe(200);
    const gone = (await (await fetch(`${url}/v1/monitors/GONE-0`)).json()) as { matches: Array<{ entityId: string }> };
    expect(gone.matches.map((m) => m.entityId)).toContain(removed.id);
    const monitors = (await (await fetch(`${url}/v1/monitors?limit=500`)).json()) as { items: Array<{ name: string }> };
    expect(monitors.items.map((m) => m.name)).not.toContain('Hans Mueller');
  });

  it('screen-file without --monitor on the same file is another job (another Idempotency-Key), and reports no enrolment', async () => {
    const first = /job ([0-9a-f-]{36})\n$/.exec((await run(screenFile, [book, '--monitor', '--quiet', '--url', url])).stdout)?.[1];
    const plain = await run(screenFile, [book, '--quiet', '--url', url, '--out', path.join(dir, 'plain.csv')]);
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^6 rows: \d+ hits, \d+ reviews, \d+ clears, 0 invalid; [\d.]+ s /);
    expect(plain.stdout).not.toContain('enrolled');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(/job ([0-9a-f-]{36})\n$/.exec(plain.stdout)?.[1]).not.toBe(first);
  });

  it('importing the 2026 list raises alerts that `alerts` lists, one line each, newest first, as the API has them', async () => {
    // More counterparties holding the new names, enrolled through the API, so that the alerts fill more than a page.
    const items = everyAdded.flatMap((e) => Array.from({ length: COPIES }, (_, copy) => ({ reference: `BULK-${e.id}-${copy}`, name: e.primaryName, type: 'any' })));
    const enrolled = await fetch(`${url}/v1/monitors`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) });
    expect(enrolled.status).toBe(200);
    const imported = await fetch(`${url}/v1/datasets/un/versions`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: fs.readFileSync(LIST_2026) });
    expect(imported.status).toBe(201);
    await monitoringJobDone();
    const { code, stdout, stderr } = await alerts(['--reference', 'NEW-0', '--url', url]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const fromApi = await alertsFromApi('reference=NEW-0');
    expect(fromApi.length).toBeGreaterThan(0);
    expect(lines(stdout)).toEqual(
      fromApi.map((a) => [a['createdAt'], a['kind']!.padEnd(13), a['status']!.padEnd(12), a['reference'], a['entityId'], a['entityName'], a['id']].join('  ')),
    );
    expect(stdout).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z  new-match      open          NEW-0  ${added[0]!.id.replace('.', '\\.')}  \\S.*  [0-9a-f-]{36}$`, 'm'));

    // The near miss raised nothing: an empty list, said on stderr.
    expect(await alerts(['--reference', 'NEAR-0', '--url', url])).toEqual({ code: 0, stdout: '', stderr: 'no alerts match\n' });
  });

  it('--kind keeps one kind: the removed entry alerts its counterparty', async () => {
    const { code, stdout } = await alerts(['--kind', 'match-removed', '--url', url]);
    expect(code).toBe(0);
    const removedLines = lines(stdout);
    expect(removedLines.length).toBeGreaterThan(0);
    expect(removedLines.every((line) => columns(line)[1] === 'match-removed')).toBe(true);
    expect(removedLines.some((line) => line.includes(`  GONE-0  ${removed.id}`))).toBe(true);
    expect(lines((await alerts(['--kind', 'new-match', '--reference', 'GONE-0', '--url', url])).stdout)).toEqual([]);
  });

  it('--status keeps one status: an alert acknowledged through the API is listed as such, and no longer as open', async () => {
    const [alert] = await alertsFromApi('reference=NEW-1');
    const patched = await fetch(`${url}/v1/alerts/${alert!['id']}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'acknowledged', note: 'case 7' }),
    });
    expect(patched.status).toBe(200);
    const acknowledged = await alerts(['--status', 'acknowledged', '--url', url]);
    expect(acknowledged.code).toBe(0);
    expect(lines(acknowledged.stdout).map(idOf)).toEqual([alert!['id']]);
    expect(lines(acknowledged.stdout)[0]).toContain('  acknowledged  NEW-1  ');
    const open = await alerts(['--status', 'open', '--limit', '10000', '--url', url]);
    expect(lines(open.stdout).length).toBeGreaterThan(bulk);
    expect(lines(open.stdout).every((line) => columns(line)[2] === 'open')).toBe(true);
    expect(lines(open.stdout).map(idOf)).not.toContain(alert!['id']);
  });

  it('follows nextCursor up to --limit, and says on stderr when more match', async () => {
    const all = await alertsFromApi('');
    const stored = await t.context.database.db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // Every alert stored is reached through the API's pages (what the CLI relies on).
    expect(all.length).toBe(Number(stored.n));
    expect(all.length).toBeGreaterThan(bulk);
    const limited = await alerts(['--limit', String(bulk), '--url', url]);
    expect(limited.code).toBe(0);
    expect(lines(limited.stdout).map(idOf)).toEqual(all.slice(0, bulk).map((a) => a['id']));
    expect(limited.stderr).toBe(`${bulk} alerts shown; more match (raise --limit, or narrow with --status, --kind, --reference, --since)\n`);
    const everything = await alerts(['--limit', '10000'], { SCREENING_URL: url });
    expect(lines(everything.stdout).map(idOf)).toEqual(all.map((a) => a['id']));
    expect(everything.stderr).toBe('');
    const defaults = await alerts(['--url', url]);
    expect(lines(defaults.stdout)).toHaveLength(100);
  });

  it('--since keeps the alerts created at or after a time', async () => {
    const [newest] = await alertsFromApi('');
    const since = await alerts(['--since', newest!['createdAt']!, '--limit', '10000', '--url', url]);
    expect(since.code).toBe(0);
    expect(lines(since.stdout).map(idOf)).toContain(newest!['id']);
    const later = new Date(Date.parse(newest!['createdAt']!) + 1).toISOString();
    const none = await alerts(['--since', later, '--url', url]);
    expect(none).toEqual({ code: 0, stdout: '', stderr: 'no alerts match\n' });
  });

  it.each([
    ['an unknown option', ['--verbose']],
    ['an unknown status', ['--status', 'resolved']],
    ['an unknown kind', ['--kind', 'new']],
    ['a --limit of 0', ['--limit', '0']],
    ['a --limit that is no number', ['--limit', 'all']],
    ['a --since that is no time', ['--since', 'yesterday']],
    ['a --since that is no date', ['--since', '2026-02-30T25:00:00Z']],
    ['an empty --reference', ['--reference', ' ']],
    ['an extra argument', ['open']],
    ['an option without its value', ['--status']],
  ])('alerts exits 2 with the usage on bad usage: %s', async (_case, args) => {
    const { code, stdout, stderr } = await alerts([...args, '--url', nowhere]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/usage: npm run alerts -- \[options\]/);
  });

  it('screen-file exits 2 with the usage on an unknown option', async () => {
    const { code, stderr } = await run(screenFile, [book, '--monitr', '--url', nowhere]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run screen-file -- /);
  });

  it('alerts prints the usage and exits 0 when asked for it', async () => {
    const { code, stdout } = await alerts(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run alerts -- \[options\]\n/);
  });

  it('alerts exits 1 when the service cannot be reached', async () => {
    const { code, stderr } = await alerts(['--url', nowhere]);
    expect(code).toBe(1);
    expect(stderr).toBe(`cannot reach the service at ${nowhere}: connect ECONNREFUSED ${nowhere.slice('http://'.length)}\n`);
  });

  describe('with API keys', () => {
    let reviewer: string;
    let screener: string;
    beforeAll(async () => {
      reviewer = (await createApiKey(t.context.database.db, { name: 'alerts-reviewer', scopes: ['review'] })).key;
      screener = (await createApiKey(t.context.database.db, { name: 'alerts-screener', scopes: ['screen'] })).key;
    });

    it('lists alerts with a review key taken from SCREENING_API_KEY', async () => {
      const { code, stdout } = await alerts(['--kind', 'match-removed'], { SCREENING_URL: url, SCREENING_API_KEY: reviewer });
      expect(code).toBe(0);
      expect(lines(stdout).length).toBeGreaterThan(0);
    });

    it('reports the 403 and exits 1 for a key without the review scope', async () => {
      const { code, stdout, stderr } = await alerts(['--url', url, '--key', screener]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^GET \/v1\/alerts\?limit=100 failed: 403 Forbidden: this key lacks the "review" scope/);
    });
  });
});
