import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, type ServiceProcess } from '../jobs/helpers/service-process';

/**
 * The bundled data is checked at start-up: the real service process, given a data directory with one deliberate
 * fault in the curated investigation file, exits non-zero and says which entity, flag and quote are at fault.
 */

const DATA_DIR = join(__dirname, '..', '..', 'data');
const SUBJECTS_FILE = join('investigation', 'insider-dprk-students.yaml');

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of the data directory with one edit to the subjects file (the edit must change it). */
async function dataDirWith(edit: (subjects: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'broken-data-'));
  tempDirs.push(dir);
  await cp(DATA_DIR, dir, { recursive: true });
  const file = join(dir, SUBJECTS_FILE);
  const before = await readFile(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  await writeFile(file, after);
  return dir;
}

/** Starts the service on `dataDir` and resolves with its exit code and everything it wrote. */
async function startAndWaitForExit(dataDir: string): Promise<{ code: number | null; output: string }> {
  const service: ServiceProcess = await startService(
    { DATA_DIR: dataDir, PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'info' },
    { waitReady: false },
  );
  const code = await new Promise<number | null>((resolve) => {
    if (!service.alive()) resolve(service.child.exitCode);
    service.child.once('exit', (exitCode) => resolve(exitCode));
  });
  return { code, output: service.output() };
}

describe('the service refuses to start on broken bundled data', () => {
  it('a quote that is not in the paragraph it cites: names the entity, the flag and the quote', async () => {
    const quote = 'The MMC is headed by Sergei Tkachuk';
    const dir = await dataDirWith((text) => text.replace(`quote: ${quote}\n`, `quote: ${quote} and his deputy\n`));
    const { code, output } = await startAndWaitForExit(dir);
    expect(code).toBe(1);
    expect(output).toContain('could not load data');
    expect(output).toMatch(/ins-sergei-tkachuk\)\.flags\[0\]\(dprk-labor-facilitation\)\.citations\[0\]\.quote/);
    expect(output).toContain(`${quote} and his deputy`);
  }, 60_000);

  it('a locator that points at a paragraph that does not hold its quote: names the entity, the flag and the quote', async () => {
    const dir = await dataDirWith((text) =>
      text.replace(
        `locator: "section 'Russia violates sanctions it once endorsed', para. 6"\n            section: Russia violates sanctions it once endorsed\n            paragraph: "6"`,
        `locator: "section 'Russia violates sanctions it once endorsed', para. 5"\n            section: Russia violates sanctions it once endorsed\n            paragraph: "5"`,
      ),
    );
    const { code, output } = await startAndWaitForExit(dir);
    expect(code).toBe(1);
    expect(output).toMatch(/ins-sergey-lavrov\)\.flags\[0\]\(politically-exposed\)\.citations\[0\]\.quote/);
    expect(output).toContain('With Russian Foreign Minister Sergey Lavrov hinting in September 2023');
    expect(output).toContain("does not occur verbatim in section 'Russia violates sanctions it once endorsed', para. 5");
  }, 60_000);

  it('a flag without a citation: names the entity and the flag', async () => {
    const dir = await dataDirWith((text) => {
      const start = text.indexOf('        title: "Politically exposed: Russian Foreign Minister (per the investigation)"');
      const citations = text.indexOf('        citations:\n', start);
      const end = text.indexOf('    relationships:', citations);
      return `${text.slice(0, citations)}        citations: []\n${text.slice(end)}`;
    });
    const { code, output } = await startAndWaitForExit(dir);
    expect(code).toBe(1);
    expect(output).toMatch(/ins-sergey-lavrov\)\.flags\[0\]\(politically-exposed\)\.citations: a flag needs at least one citation/);
  }, 60_000);
});
