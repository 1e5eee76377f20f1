import fs from 'node:fs';
import http, { type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { createApiKey } from '../../src/auth/api-key-repository';
import { listsCommand } from '../../src/cli/lists';
import { PROJECT_ROOT } from '../../src/config';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

/**
 * The `lists` CLI against the real service listening on a port: a new database starts from the 2020 list, the
 * 2024 list is imported through the CLI, then what an operator sees of versions, changes and refusals.
 */

const LIST_2020 = path.join(PROJECT_ROOT, 'test/fixtures/un/consolidated-2020-03-20.xml');
const LIST_2024 = path.join(PROJECT_ROOT, 'data/un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(PROJECT_ROOT, 'data/un/consolidated-2026-02-27.xml');

let t: TestApp;
let server: Server;
let url: string;
let dir: string;
// No service listens here (a port given back as soon as it was taken): a command that got this far would exit 1.
let nowhere: string;

beforeAll(async () => {
  t = await startTestApp({ UN_LIST_FILE: LIST_2020, DATASET_POLL_INTERVAL_MS: '0' });
  server = http.createServer(t.app);
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lists-cli-'));
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

/** Runs the CLI in-process with captured output. */
async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.stdout.push(c));
  stderr.on('data', (c: Buffer) => chunks.stderr.push(c));
  const code = await listsCommand(args, { stdout, stderr, env });
  return { code, stdout: Buffer.concat(chunks.stdout).toString(), stderr: Buffer.concat(chunks.stderr).toString() };
}

const currentUnVersion = () => t.context.data.snapshot?.versions['un'];

describe(`lists CLI against the service on ${TEST_DATABASE_KIND}`, () => {
  let v2020: string;
  let v2024: string;

  it('imports the 2024 list over the 2020 one and prints a one-line summary: accepted, +46 −185', async () => {
    v2020 = currentUnVersion()!;
    const { code, stdout, stderr } = await run(['import', 'un', LIST_2024, '--url', url]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    v2024 = currentUnVersion()!;
    expect(v2024).not.toBe(v2020);
    expect(stdout).toMatch(
      new RegExp(`^accepted: un 2024-09-26, version ${v2024.slice(0, 12)}, 875 entries, \\+46 −185 ~\\d+ .*against ${v2020.slice(0, 12)}; import [0-9a-f-]{36}\\n$`),
    );
  });

  it('reports the same file again as unchanged and exits 0', async () => {
    const { code, stdout } = await run(['import', 'un', LIST_2024, '--url', url]);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^unchanged: un 2024-09-26, version ${v2024.slice(0, 12)}, 875 entries \\(this version is already current\\); import `));
    expect(currentUnVersion()).toBe(v2024);
  });

  it('exits 1 on a truncated file, printing the problem and the first problems found, and changes nothing', async () => {
    const truncated = path.join(dir, 'truncated.xml');
    const text = fs.readFileSync(LIST_2026);
    fs.writeFileSync(truncated, text.subarray(0, Math.floor(text.length / 2)));
    const { code, stdout, stderr } = await run(['import', 'un', truncated, '--url', url, '--force']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const [first, ...problems] = stderr.trimEnd().split('\n');
    expect(first).toMatch(/^the service refused .*truncated\.xml: 422 Dataset version refused: import [0-9a-f-]{36}: .*truncated/);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((line) => line.startsWith('  '))).toBe(true);
    expect(currentUnVersion()).toBe(v2024);
  });

  it('lists both versions, newest first, the current one marked', async () => {
    const { code, stdout } = await run(['versions', 'un'], { SCREENING_URL: url });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^\\* ${v2024.slice(0, 12)}  2024-09-26    875 entries  imported \\S+ by upload  \\+46 −185 ~\\d+.*  current$`));
    expect(lines[1]).toMatch(new RegExp(`^  ${v2020.slice(0, 12)}  2020-03-20 +\\d+ entries  imported \\S+ by bundled  first version$`));
  });

  it('prints what changed: the counts, then entries by reference number, amended ones with the fields changed', async () => {
    const { code, stdout } = await run(['changes', 'un', '--from', v2020.slice(0, 8), '--to', v2024.slice(0, 12), '--limit', '3', '--url', url]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^un ${v2020.slice(0, 12)} → ${v2024.slice(0, 12)}: \\+46 −185 ~\\d+`));
    const section = (title: string) => lines.slice(lines.findIndex((l) => l.startsWith(`${title} (`)) + 1).slice(0, 4);
    expect(lines).toContain('added (46):');
    expect(lines).toContain('removed (185):');
    expect(section('added')).toEqual([expect.stringMatching(/^  [A-Z]{2}[ie]\.\d{3}  \S.* \((person|organization)\)$/), expect.any(String), expect.any(String), '  … and 43 more']);
    expect(section('removed')[3]).toBe('  … and 182 more');
    // The default range (the current version against the one it replaced) is the same; KPe.054 was renamed.
    const all = await run(['changes', 'un', '--limit', '1000', '--url', url]);
    expect(all.stdout.split('\n')[0]).toBe(lines[0]);
    expect(all.stdout).toMatch(/\n {2}KPe\.054 {2}MINISTRY OF NATIONAL DEFENCE \(organization\): (\w+, )*primaryName(, \w+)*\n/);
  });

  it('exits 1 naming the version when --from names none', async () => {
    const { code, stderr } = await run(['changes', 'un', '--from', 'ffffff0000', '--url', url]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/dataset "un" has no version starting with "ffffff0000"/);
  });

  it.each([
    ['no command', []],
    ['an unknown command', ['remove', 'un']],
    ['no dataset', ['versions']],
    ['a dataset id that is none', ['versions', 'UN/../x']],
    ['import without a file', ['import', 'un']],
    ['a file of unknown type', ['import', 'un', 'list.json']],
    ['--source-date that is not a date', ['import', 'ofac-sdn', 'sdn.zip', '--source-date', '28/12/2023']],
    ['an unknown option', ['versions', 'un', '--verbose']],
    ['--force outside import', ['versions', 'un', '--force']],
    ['a --from that is no version', ['changes', 'un', '--from', 'latest']],
    ['a --limit that is no number', ['changes', 'un', '--limit', 'all']],
    ['an extra argument', ['versions', 'un', 'extra']],
  ])('exits 2 with the usage on bad usage: %s', async (_case, args) => {
    const { code, stderr } = await run([...args, '--url', nowhere]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run lists -- <command> <dataset> \[options\]/);
  });

  it('prints the usage and exits 0 when asked for it', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run lists -- <command> <dataset> \[options\]\n/);
  });

  it('exits 1 when the service cannot be reached', async () => {
    const { code, stderr } = await run(['versions', 'un', '--url', nowhere]);
    expect(code).toBe(1);
    expect(stderr).toBe(`cannot reach the service at ${nowhere}: connect ECONNREFUSED ${nowhere.slice('http://'.length)}\n`);
  });

  describe('with API keys', () => {
    let admin: string;
    let reader: string;
    beforeAll(async () => {
      admin = (await createApiKey(t.context.database.db, { name: 'lists-admin', scopes: ['admin'] })).key;
      reader = (await createApiKey(t.context.database.db, { name: 'lists-reader', scopes: ['read'] })).key;
    });

    it('imports a gzipped file (.xml.gz) with an admin key taken from SCREENING_API_KEY', async () => {
      const gzipped = path.join(dir, 'consolidated-2026-02-27.xml.gz');
      fs.writeFileSync(gzipped, gzipSync(fs.readFileSync(LIST_2026)));
      const { code, stdout, stderr } = await run(['import', 'un', gzipped], { SCREENING_URL: url, SCREENING_API_KEY: admin });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^accepted: un 2026-02-27, version [0-9a-f]{12}, 1003 entries, \\+134 −6 ~\\d+.* against ${v2024.slice(0, 12)}; `));
      const versions = await run(['versions', 'un', '--url', url, '--key', reader]);
      expect(versions.stdout.split('\n')[0]).toMatch(/^\* [0-9a-f]{12} {2}2026-02-27 .* by upload \(key [0-9a-f]{12}\) .* current$/);
    });

    it('reports the 403 and exits 1 for a key without the admin scope, importing nothing', async () => {
      const before = currentUnVersion();
      const { code, stdout, stderr } = await run(['import', 'un', LIST_2024, '--url', url, '--key', reader, '--force']);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^the service refused .*consolidated-2024-09-26\.xml: 403 Forbidden: this key lacks the "admin" scope \(it has: read\)\n$/);
      expect(currentUnVersion()).toBe(before);
    });

    it('reports the 401 and exits 1 for an unknown key', async () => {
      const { code, stderr } = await run(['versions', 'un', '--url', url, '--key', 'ssk_wrong']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/401 Unauthorized: the API key is unknown or revoked/);
    });
  });
});
