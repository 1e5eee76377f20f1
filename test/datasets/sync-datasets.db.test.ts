import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { PROJECT_ROOT } from '../../src/config';
import { migrateToLatest, type DatabaseHandle } from '../../src/db/database';
import { ofacSdnImporter, unListImporter } from '../../src/datasets/dataset-importers';
import { importDatasetVersion } from '../../src/datasets/import-version';
import { bundledOfacList, bundledUnList, syncBundledDatasets } from '../../src/datasets/sync-bundled';
import { storeAndActivateVersion } from '../../src/datasets/version-repository';
import { readResolutionTexts } from '../../src/lists/un/load-un-list';
import { listCurrentDatasets } from '../../src/reference/dataset-repository';
import { findEntities } from '../../src/reference/entity-repository';
import type { LoadedDataset } from '../../src/model/entity';
import { openTestDatabase, TEST_DATABASE_KIND } from '../helpers/test-database';

/** Start-up brings the database up to the bundled data: which bundled files it takes, and which it leaves alone. */

const log = pino({ level: 'silent' });
const DATA_DIR = path.join(PROJECT_ROOT, 'data');
const LIST_2024 = 'un/consolidated-2024-09-26.xml';
const LIST_2026 = 'un/consolidated-2026-02-27.xml';
const SMALL_OFAC = path.join(PROJECT_ROOT, 'test/fixtures/ofac/small');
const LIST_2020 = path.join(PROJECT_ROOT, 'test/fixtures/un/consolidated-2020-03-20.xml');

let handle: DatabaseHandle;
let unImporter: ReturnType<typeof unListImporter>;
const tempDirs: string[] = [];
beforeAll(async () => {
  handle = await openTestDatabase();
  await migrateToLatest(handle.db);
  unImporter = unListImporter(await readResolutionTexts(DATA_DIR));
});
afterAll(async () => {
  await handle?.close();
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const sync = (unListFile: string, dataDir = DATA_DIR) =>
  syncBundledDatasets(handle.db, { dataDir, log, lists: [bundledUnList(unImporter, path.resolve(dataDir, unListFile))], switchedOff: [] });
const unVersion = async () => (await listCurrentDatasets(handle.db)).find((d) => d.id === 'un');
const unCount = async () =>
  Number((await handle.db.selectFrom('entities').select((eb) => eb.fn.countAll<string>().as('n')).where('dataset_id', '=', 'un').executeTakeFirstOrThrow()).n);
const importsOf = (dataset: string) => handle.db.selectFrom('dataset_imports').selectAll().where('dataset_id', '=', dataset).orderBy('started_at').execute();

describe(`start-up sync on ${TEST_DATABASE_KIND}`, () => {
  it('starts a new database from UN_LIST_FILE and writes nothing on the next start', async () => {
    await sync(LIST_2024);
    const before = await listCurrentDatasets(handle.db);
    expect(before.map((d) => d.id)).toEqual(['investigation', 'resolutions', 'un']);
    expect(before.find((d) => d.id === 'un')).toMatchObject({ sourceDate: '2024-09-26', entityCount: 875 });
    const attempts = (await handle.db.selectFrom('dataset_imports').select('id').execute()).length;
    await sync(LIST_2024);
    expect(await listCurrentDatasets(handle.db)).toEqual(before);
    expect((await handle.db.selectFrom('dataset_imports').select('id').execute()).length).toBe(attempts);
    expect(await unCount()).toBe(875);
  });

  it('moves a bundled version forward to a newer bundled file, never back to an older one', async () => {
    await sync(LIST_2026);
    expect(await unVersion()).toMatchObject({ sourceDate: '2026-02-27', entityCount: 1003 });
    const [last] = (await importsOf('un')).slice(-1);
    expect(last).toMatchObject({ status: 'accepted', trigger: 'bundled', changes: { added: 134, removed: 6 } });
    await sync(LIST_2020);
    expect(await unVersion()).toMatchObject({ sourceDate: '2026-02-27' });
  });

  it('never replaces an uploaded version with the bundled file', async () => {
    const bytes = await readFile(path.join(DATA_DIR, LIST_2024));
    const uploaded = await importDatasetVersion(handle.db, {
      datasetId: 'un',
      importerVersion: unImporter.importerVersion,
      trigger: 'upload',
      importedBy: 'test-key',
      force: true,
      gated: true,
      sha256: 'x',
      byteCount: bytes.byteLength,
      read: () => unImporter.read(bytes),
      file: { contentType: 'application/xml', bytes },
    });
    expect(uploaded.status).toBe('accepted');
    await sync(LIST_2026);
    expect(await unVersion()).toMatchObject({ sourceDate: '2024-09-26' });
  });

  it('re-maps the version in force from its stored file when the importer changes', async () => {
    const current = (await unVersion())!.version;
    await handle.db.updateTable('dataset_versions').set({ importer_version: '0' }).where('dataset_id', '=', 'un').where('version', '=', current).execute();
    await sync(LIST_2026);
    expect((await unVersion())?.version).toBe(current);
    const [last] = (await importsOf('un')).slice(-1);
    expect(last).toMatchObject({ status: 'accepted', trigger: 'remap', version: current });
    expect(last?.reason).toMatch(/re-mapped by importer \d+ \(was 0\)/);
  });

  it('records a new investigation version, with its changes, when a deploy changes the curated file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'deploy-'));
    tempDirs.push(dir);
    await cp(DATA_DIR, dir, { recursive: true });
    const file = path.join(dir, 'investigation', 'insider-dprk-students.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('role: Parent company of LocoTech-Signal LLC, per the investigation.', 'role: Parent company of LocoTech-Signal LLC, as the investigation reports.'));
    const before = (await listCurrentDatasets(handle.db)).find((d) => d.id === 'investigation')!.version;
    await sync(LIST_2024, dir);
    const after = (await listCurrentDatasets(handle.db)).find((d) => d.id === 'investigation')!.version;
    expect(after).not.toBe(before);
    const [last] = (await importsOf('investigation')).slice(-1);
    expect(last).toMatchObject({ status: 'accepted', trigger: 'bundled', previous_version: before, changes: { added: 0, removed: 0, amended: 1 } });
  });

  it('keeps the version in force intact when storing a new one fails midway', async () => {
    const [one] = await findEntities(handle.db, ['un-KPi.063']);
    const count = await unCount();
    const broken: LoadedDataset = {
      id: 'un',
      name: 'broken',
      contentHash: 'f'.repeat(64),
      sourceDate: null,
      sources: [],
      // Repeated ids: the insert violates the primary key after the old rows were already deleted in the transaction.
      entities: Array.from({ length: 600 }, () => one!).concat(one!),
    };
    await expect(
      handle.db.transaction().execute((trx) =>
        storeAndActivateVersion(trx, { dataset: broken, importerVersion: '1', trigger: 'upload', importedBy: null, previousVersion: null, changes: null }),
      ),
    ).rejects.toThrow();
    expect(await unCount()).toBe(count);
    expect((await unVersion())?.version).not.toBe('f'.repeat(64));
  });
  it('loads a further list from its bundled folder, takes it out of service when switched off, and back in when on', async () => {
    const ofac = bundledOfacList(ofacSdnImporter, SMALL_OFAC);
    const un = bundledUnList(unImporter, path.resolve(DATA_DIR, LIST_2026));
    const countOf = async (dataset: string) =>
      Number((await handle.db.selectFrom('entities').select((eb) => eb.fn.countAll<string>().as('n')).where('dataset_id', '=', dataset).executeTakeFirstOrThrow()).n);
    await syncBundledDatasets(handle.db, { dataDir: DATA_DIR, log, lists: [un, ofac], switchedOff: [] });
    const loaded = (await listCurrentDatasets(handle.db)).find((d) => d.id === 'ofac-sdn');
    expect(loaded).toMatchObject({ sourceDate: '2023-12-28' });
    expect(await countOf('ofac-sdn')).toBe(loaded!.entityCount);
    // The same folder again: the same zip, so nothing is written.
    const attempts = (await importsOf('ofac-sdn')).length;
    await syncBundledDatasets(handle.db, { dataDir: DATA_DIR, log, lists: [un, ofac], switchedOff: [] });
    expect((await importsOf('ofac-sdn')).length).toBe(attempts);

    await syncBundledDatasets(handle.db, { dataDir: DATA_DIR, log, lists: [un], switchedOff: ['ofac-sdn'] });
    expect((await listCurrentDatasets(handle.db)).map((d) => d.id)).not.toContain('ofac-sdn');
    expect(await countOf('ofac-sdn')).toBe(0);
    expect(await countOf('un')).toBeGreaterThan(0);

    await syncBundledDatasets(handle.db, { dataDir: DATA_DIR, log, lists: [un, ofac], switchedOff: [] });
    expect((await listCurrentDatasets(handle.db)).find((d) => d.id === 'ofac-sdn')?.version).toBe(loaded!.version);
    expect(await countOf('ofac-sdn')).toBe(loaded!.entityCount);
  });
});
