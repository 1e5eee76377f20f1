import path from 'node:path';
import pino from 'pino';
import { PROJECT_ROOT } from '../../src/config';
import { migrateToLatest, type DatabaseHandle } from '../../src/db/database';
import { loadData } from '../../src/datasets/load-snapshot';
import { listCurrentDatasets, syncDataset } from '../../src/reference/dataset-repository';
import type { LoadedDataset } from '../../src/model/entity';
import { findEntities } from '../../src/reference/entity-repository';
import { openTestDatabase, TEST_DATABASE_KIND } from '../helpers/test-database';

const log = pino({ level: 'silent' });
const DATA_DIR = path.join(PROJECT_ROOT, 'data');
const LIST_2024 = 'un/consolidated-2024-09-26.xml';
const LIST_2020 = path.join(PROJECT_ROOT, 'test/fixtures/un/consolidated-2020-03-20.xml');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await migrateToLatest(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

const unCount = async () =>
  Number(
    (
      await handle.db
        .selectFrom('entities')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('dataset_id', '=', 'un')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`dataset loading on ${TEST_DATABASE_KIND}`, () => {
  it('loads every dataset once and leaves an unchanged one untouched on the next start', async () => {
    const first = await loadData(handle.db, { dataDir: DATA_DIR, unListFile: LIST_2024, log });
    const before = await listCurrentDatasets(handle.db);
    const second = await loadData(handle.db, { dataDir: DATA_DIR, unListFile: LIST_2024, log });
    const after = await listCurrentDatasets(handle.db);
    expect(after).toEqual(before);
    expect(second.datasetVersion).toBe(first.datasetVersion);
    expect(await unCount()).toBe(875);
  });

  it('replaces a changed list in one go and can go back', async () => {
    const v2024 = (await listCurrentDatasets(handle.db)).find((d) => d.id === 'un')!.version;
    const older = await loadData(handle.db, { dataDir: DATA_DIR, unListFile: LIST_2020, log });
    expect(await unCount()).toBe(1014);
    const [kpe054] = await findEntities(handle.db, ['un-KPe.054']);
    expect(kpe054?.primaryName).toMatch(/PEOPLE'S ARMED FORCES/);
    const history = await handle.db.selectFrom('dataset_versions').selectAll().where('dataset_id', '=', 'un').execute();
    expect(history.find((h) => h.version === v2024)?.replaced_at).not.toBeNull();

    const back = await loadData(handle.db, { dataDir: DATA_DIR, unListFile: LIST_2024, log });
    expect(await unCount()).toBe(875);
    expect(back.datasetVersion).not.toBe(older.datasetVersion);
    const [renamed] = await findEntities(handle.db, ['un-KPe.054']);
    expect(renamed?.primaryName).toMatch(/Ministry of National Defence/i);
  });

  it('keeps the old version intact when loading a new one fails midway', async () => {
    const [one] = await findEntities(handle.db, ['un-KPi.063']);
    const broken: LoadedDataset = {
      id: 'un',
      name: 'broken',
      contentHash: 'f'.repeat(64),
      sourceDate: null,
      sources: [],
      // Repeated ids: the insert violates the primary key after the old rows were already deleted in the transaction.
      entities: Array.from({ length: 600 }, () => one!).concat(one!),
    };
    await expect(syncDataset(handle.db, broken)).rejects.toThrow();
    expect(await unCount()).toBe(875);
    expect((await listCurrentDatasets(handle.db)).find((d) => d.id === 'un')?.version).not.toBe('f'.repeat(64));
  });
});
