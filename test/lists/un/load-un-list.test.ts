import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadUnConsolidatedList } from '../../../src/lists/un/load-un-list';
import type { LoadedDataset } from '../../../src/model/entity';

const DATA_DIR = path.join(__dirname, '../../../data');
const LIST_2024 = path.join(DATA_DIR, 'un/consolidated-2024-09-26.xml');
const LIST_2020 = path.join(__dirname, '../../fixtures/un/consolidated-2020-03-20.xml');

describe('loadUnConsolidatedList on the bundled 2024-09-26 list', () => {
  let dataset: LoadedDataset;

  beforeAll(async () => {
    dataset = await loadUnConsolidatedList(LIST_2024);
  });

  it('describes the dataset: id, name, generation date and the sha256 of the file bytes', () => {
    const sha256 = createHash('sha256').update(fs.readFileSync(LIST_2024)).digest('hex');
    expect(dataset.id).toBe('un');
    expect(dataset.name).toBe('UN Security Council Consolidated List');
    expect(dataset.sourceDate).toBe('2024-09-26');
    expect(dataset.contentHash).toBe(sha256);
    expect(sha256).toBe('c6ca69960536d56d714dee1981723cdbeb26b2e8da84537a46696269a3942eb1');
  });

  it('returns the 875 entries', () => {
    expect(dataset.entities).toHaveLength(875);
  });

  it('carries the list-file source that every un-sanctioned flag cites', () => {
    expect(dataset.sources).toEqual([
      {
        id: 'un-consolidated-2024-09-26',
        kind: 'list-file',
        title: expect.stringContaining('UN Security Council Consolidated List'),
        publisher: 'United Nations Security Council',
        url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
        date: '2024-09-26',
        sha256: dataset.contentHash,
        notes: expect.stringContaining('xd-mau5/deploy-test (commit c0b77b3b)'),
        sections: [],
      },
    ]);
    const cited = new Set(
      dataset.entities.flatMap((e) => e.flags.filter((f) => f.code === 'un-sanctioned')).flatMap((f) => f.citations).map((c) => c.sourceId),
    );
    expect(cited).toEqual(new Set(['un-consolidated-2024-09-26']));
  });

  it('is the same dataset on every load (stable ids and content)', async () => {
    const again = await loadUnConsolidatedList(LIST_2024);
    expect(again.contentHash).toBe(dataset.contentHash);
    expect(again.entities.map((e) => e.id)).toEqual(dataset.entities.map((e) => e.id));
  });
});

describe('loadUnConsolidatedList on the 2020-03-20 list', () => {
  it('loads 1,014 entries, dated by the file, with their provenance', async () => {
    const dataset = await loadUnConsolidatedList(LIST_2020, { dataDir: DATA_DIR });
    expect(dataset.entities).toHaveLength(1014);
    expect(dataset.sourceDate).toBe('2020-03-20');
    expect(dataset.sources[0]?.id).toBe('un-consolidated-2020-03-20');
    expect(dataset.sources[0]?.notes).toContain('Mendw/cmt-project-api');
    const mpaf = dataset.entities.find((e) => e.id === 'un-KPe.054');
    expect(mpaf?.primaryName).toMatch(/^MINISTRY OF THE PEOPLE'S ARMED FORCES/);
  });

  it('trims the leading and trailing spaces of the 2020 file', async () => {
    const dataset = await loadUnConsolidatedList(LIST_2020, { dataDir: DATA_DIR });
    const jo = dataset.entities.find((e) => e.id === 'un-KPi.034');
    expect(jo?.primaryName).toBe('JO YONG CHOL');
    expect(jo?.names[0]?.raw).toBe('JO  YONG CHOL');
    expect(jo?.raw?.referenceNumber).toBe('KPi.034 ');
    expect(dataset.entities.every((e) => e.primaryName === e.primaryName.trim())).toBe(true);
  });
});
