import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config';
import { SnapshotStore } from '../../src/datasets/snapshots';
import { processChunk, type ChunkWork } from '../../src/jobs/process-chunk';
import { ScreeningPool } from '../../src/jobs/screening-pool';
import { readResolutionTexts, readUnConsolidatedList } from '../../src/lists/un/load-un-list';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';
import { csvFile } from '../jobs/helpers/job-files';

/**
 * The switch to a new list version: under a steady screening load no request fails and none is answered from a mix
 * of versions; another replica follows by polling; a job keeps the version it started with.
 */

const LIST_2024 = path.join(PROJECT_ROOT, 'data/un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(PROJECT_ROOT, 'data/un/consolidated-2026-02-27.xml');
const log = pino({ level: 'silent' });
const LOOPS = 4;
const REQUESTS_AFTER_SWITCH = 10;

let t: TestApp;
let pool: ScreeningPool;
/** A person only the 2026 list holds, and one only the 2024 list holds: what each version must (not) answer. */
let added: { id: string; name: string };
let removed: { id: string; name: string };

beforeAll(async () => {
  t = await startTestApp({ UN_LIST_FILE: LIST_2024, DATASET_POLL_INTERVAL_MS: '0', JOB_WORKERS: 'false', JOB_CHUNK_ROWS: '2' });
  pool = new ScreeningPool({ threads: 1, nice: 0 }, log);
  const resolutions = await readResolutionTexts(path.join(PROJECT_ROOT, 'data'));
  const before = readUnConsolidatedList(readFileSync(LIST_2024), resolutions).entities;
  const after = readUnConsolidatedList(readFileSync(LIST_2026), resolutions).entities;
  const beforeIds = new Set(before.map((e) => e.id));
  const afterIds = new Set(after.map((e) => e.id));
  const first = (entities: typeof before, other: Set<string>) => {
    const entity = entities.find((e) => e.type === 'person' && !other.has(e.id))!;
    return { id: entity.id, name: entity.primaryName };
  };
  added = first(after, beforeIds);
  removed = first(before, afterIds);
});
afterAll(async () => {
  await pool?.close();
  await t?.close();
});

interface Answer {
  status: number;
  query: string;
  version: string | undefined;
  entityIds: string[];
  startedAt: number;
}

describe(`switching list versions on ${TEST_DATABASE_KIND}`, () => {
  let v2024: string;
  let v2026: string;
  let jobId: string;
  let work: ChunkWork;
  const replica = () => new SnapshotStore(t.context.database.longDb, log);
  let otherReplica: SnapshotStore;

  it('starts a job on the 2024 version: its first chunk fixes the versions it screens against', async () => {
    v2024 = t.context.data.snapshot!.versions['un']!;
    otherReplica = replica();
    await otherReplica.refresh();
    otherReplica.startPolling(100);
    expect(otherReplica.current()?.versions['un']).toBe(v2024);
    work = { db: t.context.database.db, pool, snapshot: () => t.context.data.snapshot, snapshotFor: (v) => t.context.snapshots.forVersions(v), worker: 'test', limit: 5 };
    const rows = [0, 1, 2].flatMap((i) => [
      { id: `A-${i}`, name: added.name },
      { id: `R-${i}`, name: removed.name },
    ]);
    jobId = (await request(t.app).post('/v1/jobs').set('Content-Type', 'text/csv').send(csvFile(rows)).expect(202)).body.jobId;
    expect(await processChunk(work, { jobId, chunk: 0 })).toBe('committed');
    expect((await request(t.app).get(`/v1/jobs/${jobId}`).expect(200)).body.datasetVersions.un).toBe(v2024);
  });

  it('imports the 2026 list under a steady screening load: no request fails, none mixes versions', async () => {
    const answers: Answer[] = [];
    let importedAt = Number.POSITIVE_INFINITY;
    let afterSwitch = 0;
    const queries = [added.name, removed.name, 'PAK YONG SIK'];
    const loop = async (offset: number) => {
      for (let i = offset; afterSwitch < LOOPS * REQUESTS_AFTER_SWITCH; i++) {
        const query = queries[i % queries.length]!;
        const startedAt = performance.now();
        const res = await request(t.app).post('/v1/screen').send({ name: query });
        answers.push({ status: res.status, query, version: res.body.datasetVersions?.un, entityIds: (res.body.matches ?? []).map((m: { entityId: string }) => m.entityId), startedAt });
        if (startedAt > importedAt) afterSwitch++;
      }
    };
    const loops = Array.from({ length: LOOPS }, (_, i) => loop(i));
    while (answers.length < 2 * LOOPS) await new Promise((resolve) => setTimeout(resolve, 20));
    const res = await request(t.app).post('/v1/datasets/un/versions').set('Content-Type', 'application/xml').send(readFileSync(LIST_2026)).expect(201);
    importedAt = performance.now();
    v2026 = res.body.version;
    await Promise.all(loops);

    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => a.version !== v2024 && a.version !== v2026)).toEqual([]);
    const mixed = answers.filter(
      (a) =>
        (a.version === v2024 && a.entityIds.includes(added.id)) ||
        (a.version === v2026 && a.entityIds.includes(removed.id)) ||
        (a.query === added.name && a.version === v2026 && !a.entityIds.includes(added.id)) ||
        (a.query === removed.name && a.version === v2024 && !a.entityIds.includes(removed.id)),
    );
    expect(mixed).toEqual([]);
    expect(answers.filter((a) => a.startedAt > importedAt && a.version !== v2026)).toEqual([]);
    expect(answers.some((a) => a.version === v2024)).toBe(true);
    expect(answers.some((a) => a.version === v2026)).toBe(true);
  });

  it('lets another replica switch by polling the current versions', async () => {
    while (otherReplica.current()?.versions['un'] !== v2026) await new Promise((resolve) => setTimeout(resolve, 50));
    otherReplica.stop();
    expect(otherReplica.current()?.datasetVersion).toBe(t.context.data.snapshot?.datasetVersion);
  });

  it('finishes the job on the version it started with, though the 2026 list is now current', async () => {
    expect(await processChunk(work, { jobId, chunk: 1 })).toBe('committed');
    expect(await processChunk(work, { jobId, chunk: 2 })).toBe('committed');
    const records = await t.context.database.db.selectFrom('screenings').select('record').where('job_id', '=', jobId).execute();
    expect(records).toHaveLength(6);
    for (const { record } of records) expect((record as { datasetVersions: Record<string, string> }).datasetVersions['un']).toBe(v2024);
    const results = await t.context.database.db.selectFrom('job_results').select(['row_id', 'matches']).where('job_id', '=', jobId).execute();
    const matched = (rowId: string) => (results.find((r) => r.row_id === rowId)!.matches as Array<{ entityId: string }>).map((m) => m.entityId);
    for (const i of [0, 1, 2]) {
      expect(matched(`A-${i}`)).not.toContain(added.id);
      expect(matched(`R-${i}`)).toContain(removed.id);
    }
    // A new screening, meanwhile, answers from 2026.
    const now = (await request(t.app).post('/v1/screen').send({ name: added.name }).expect(200)).body;
    expect(now.datasetVersions.un).toBe(v2026);
    expect(now.matches.map((m: { entityId: string }) => m.entityId)).toContain(added.id);
  });
});
