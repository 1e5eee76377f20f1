import path from 'node:path';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config';
import { readOfacSdnZip, zipOfacDirectory } from '../../src/lists/ofac';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

/**
 * A real OFAC update through the list-update mechanism: a service started on the complete 2021-07-07 set takes the
 * 2023-12-28 set as an upload (a zip of its CSV files) and serves the change feed between them. The full sets, so
 * the counts can be checked against the files.
 */

const OFAC_2021 = path.join(PROJECT_ROOT, 'test/fixtures/ofac/2021-07-07');
const OFAC_2023 = path.join(PROJECT_ROOT, 'data/ofac/2023-12-28');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ OFAC_SDN_DIR: OFAC_2021 });
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe(`OFAC SDN versions on ${TEST_DATABASE_KIND}`, () => {
  it('starts from the bundled 2021-07-07 set, then takes the 2023-12-28 set and serves the change feed between them', async () => {
    const datasets = await request(t.app).get('/v1/datasets').expect(200);
    expect(datasets.body.items.find((d: { id: string }) => d.id === 'ofac-sdn')).toMatchObject({ sourceDate: '2021-07-07', entityCount: 8976 });

    const zip = await zipOfacDirectory(OFAC_2023);
    const expected = readOfacSdnZip(zip);
    const res = await request(t.app).post('/v1/datasets/ofac-sdn/versions').set('content-type', 'application/zip').send(Buffer.from(zip)).expect(201);
    expect(res.body).toMatchObject({ status: 'accepted', sourceDate: '2023-12-28', entityCount: 13821, switched: true });
    const before = new Set((await request(t.app).get('/v1/datasets/ofac-sdn/versions').expect(200)).body.items.map((v: { version: string }) => v.version));
    expect(before.size).toBe(2);

    const feed = await request(t.app).get('/v1/datasets/ofac-sdn/changes').expect(200);
    expect(feed.body.to).toBe(res.body.version);
    expect(feed.body.summary.added).toBe(res.body.changes.added);
    expect(feed.body.summary.added).toBeGreaterThan(4000);
    expect(feed.body.summary.removed).toBeGreaterThan(0);
    expect(feed.body.summary.amended).toBeGreaterThan(0);
    // Every entry added is in the 2023 set, with the id the importer gives it.
    const ids = new Set(expected.entities.map((e) => e.id));
    expect(feed.body.added.every((entry: { entityId: string }) => ids.has(entry.entityId))).toBe(true);

    // The new version is what screening uses now.
    const screened = await request(t.app).post('/v1/screen').send({ name: 'Transmashholding', lists: ['ofac-sdn'] }).expect(200);
    expect(screened.body.datasetVersions['ofac-sdn']).toBe(res.body.version);
    expect(screened.body.matches[0]?.listings.some((l: { programs?: string[] }) => l.programs?.includes('RUSSIA-EO14024'))).toBe(true);
    // Two full lists stored and compared on the embedded database: minutes on a loaded 2-core machine.
  }, 600_000);
});
