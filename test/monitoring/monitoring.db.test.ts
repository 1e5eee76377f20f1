import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config';
import { computeChangeSet } from '../../src/datasets/change-set';
import { readResolutionTexts, readUnConsolidatedList } from '../../src/lists/un/load-un-list';
import type { CanonicalEntity } from '../../src/model/entity';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { TEST_DATABASE_KIND } from '../helpers/test-database';

/**
 * Ongoing monitoring on the real 2024 → 2026 update: a book holding some of the new entries' names, names of
 * removed and amended entries and near misses; the delta path and a full re-screen (two services on two databases)
 * must raise the same alerts, and a cleared false positive stays cleared until its listing changes.
 */

const LIST_2024 = path.join(PROJECT_ROOT, 'data/un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(PROJECT_ROOT, 'data/un/consolidated-2026-02-27.xml');

interface Book {
  items: Array<{ reference: string; name: string; type: 'person' | 'organization' | 'any' }>;
  added: CanonicalEntity[];
  removed: CanonicalEntity[];
  amended: CanonicalEntity[];
}

/** A book drawn from the two real lists (inputs chosen from the data; what they raise is the services' to say). */
async function bookFromTheLists(): Promise<Book> {
  const resolutions = await readResolutionTexts(path.join(PROJECT_ROOT, 'data'));
  const before = readUnConsolidatedList(readFileSync(LIST_2024), resolutions).entities;
  const after = readUnConsolidatedList(readFileSync(LIST_2026), resolutions).entities;
  const changes = computeChangeSet(before, after);
  const byId = (entities: CanonicalEntity[]) => new Map(entities.map((e) => [e.id, e]));
  const [was, is] = [byId(before), byId(after)];
  const added = changes.added.map((e) => is.get(e.entityId)!).filter((e) => e.type === 'person').slice(0, 6);
  const removed = changes.removed.map((e) => was.get(e.entityId)!).slice(0, 3);
  const amended = changes.amended
    .filter((e) => e.changes.some((c) => c.field === 'birthDates' || c.field === 'names'))
    .map((e) => is.get(e.entityId)!)
    .slice(0, 3);
  const items: Book['items'] = [
    ...added.map((e, i) => ({ reference: `NEW-${i}`, name: e.primaryName, type: 'person' as const })),
    // The same new names as a bank writes them: reordered, in lower case.
    ...added.slice(0, 3).map((e, i) => ({ reference: `NEW-VARIANT-${i}`, name: e.primaryName.split(/\s+/).reverse().join(' ').toLowerCase(), type: 'any' as const })),
    ...removed.map((e, i) => ({ reference: `GONE-${i}`, name: e.primaryName, type: 'any' as const })),
    ...amended.map((e, i) => ({ reference: `AMENDED-${i}`, name: e.primaryName, type: 'any' as const })),
    // Near misses and unrelated counterparties.
    { reference: 'NEAR-0', name: `${added[0]!.primaryName.split(/\s+/)[0]} Okonkwo-Lindqvist`, type: 'person' },
    { reference: 'NEAR-1', name: 'Maria Gonzalez Fernandez', type: 'person' },
    { reference: 'NEAR-2', name: 'Acme Trading LLC', type: 'organization' },
    { reference: 'NEAR-3', name: 'Hans Mueller', type: 'person' },
  ];
  return { items, added, removed, amended };
}

async function monitoringJobDone(t: TestApp): Promise<string> {
  for (;;) {
    const job = await t.context.database.db.selectFrom('jobs').select(['id', 'status']).where('kind', '=', 'monitoring').orderBy('created_at', 'desc').executeTakeFirst();
    if (job && (job.status === 'succeeded' || job.status === 'failed')) {
      expect(job.status).toBe('succeeded');
      return job.id;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const alertsOf = async (t: TestApp) => (await request(t.app).get('/v1/alerts?limit=500').expect(200)).body.items as Array<Record<string, any>>;
const key = (a: Record<string, any>) => `${a['kind']} ${a['reference']} ${a['entityId']}`;

let book: Book;
let delta: TestApp;
let full: TestApp;
beforeAll(async () => {
  book = await bookFromTheLists();
  [delta, full] = await Promise.all([
    startTestApp({ UN_LIST_FILE: LIST_2024, DATASET_POLL_INTERVAL_MS: '0', MONITORING_MODE: 'delta', JOB_POLL_INTERVAL_SECONDS: '0.5' }),
    startTestApp({ UN_LIST_FILE: LIST_2024, DATASET_POLL_INTERVAL_MS: '0', MONITORING_MODE: 'full', JOB_POLL_INTERVAL_SECONDS: '0.5' }),
  ]);
});
afterAll(async () => {
  await delta?.close();
  await full?.close();
});

describe(`monitoring on ${TEST_DATABASE_KIND}`, () => {
  let falsePositive: { reference: string; entityId: string };

  it('enrols a book with POST /v1/monitors, screening each counterparty once', async () => {
    for (const t of [delta, full]) {
      const res = await request(t.app).post('/v1/monitors').send({ items: book.items }).expect(200);
      expect(res.body.summary).toEqual({ created: book.items.length, updated: 0, unchanged: 0 });
      const gone = res.body.items.find((i: { reference: string }) => i.reference === 'GONE-0');
      expect(gone).toMatchObject({ status: 'created', decision: 'hit' });
      const again = await request(t.app).post('/v1/monitors').send({ items: book.items.slice(0, 2) }).expect(200);
      expect(again.body.summary).toEqual({ created: 0, updated: 0, unchanged: 2 });
    }
    const detail = (await request(delta.app).get('/v1/monitors/GONE-0').expect(200)).body;
    expect(detail.matches.map((m: { entityId: string }) => m.entityId)).toContain(book.removed[0]!.id);
  });

  it('keeps a cleared false positive out of later screenings of the same reference, and shows it marked', async () => {
    // An amended entry's match cleared as a false positive: the update changes its listing, so it must come back.
    const reference = 'AMENDED-0';
    const entityId = book.amended[0]!.id;
    for (const t of [delta, full]) {
      const screeningId = (await request(t.app).get(`/v1/monitors/${reference}`).expect(200)).body.lastScreeningId;
      const recorded = await request(t.app)
        .post(`/v1/screenings/${screeningId}/matches/${entityId}/disposition`)
        .send({ decision: 'false-positive', note: 'Different person, per KYC file.' })
        .expect(201);
      expect(recorded.body).toMatchObject({ decision: 'false-positive', reference, entityId });
      expect(recorded.body.audit.hash).toMatch(/^[0-9a-f]{64}$/);
      const answer = (await request(t.app).post('/v1/screen').send({ name: book.amended[0]!.primaryName, reference }).expect(200)).body;
      const match = answer.matches.find((m: { entityId: string }) => m.entityId === entityId);
      expect(match.suppressedBy).toMatchObject({ disposition: 'false-positive', dispositionId: recorded.body.dispositionId });
      expect(answer.suppressed).toBeGreaterThan(0);
      // Without a reference nothing is suppressed.
      const anonymous = (await request(t.app).post('/v1/screen').send({ name: book.amended[0]!.primaryName }).expect(200)).body;
      expect(anonymous.suppressed).toBe(0);
      expect((await request(t.app).get('/v1/audit/verify').expect(200)).body.ok).toBe(true);
    }
    falsePositive = { reference, entityId };
  });

  it('raises new-match, match-amended and match-removed alerts on the 2024 → 2026 update, the same by delta and by full re-screen', async () => {
    for (const t of [delta, full]) {
      await request(t.app).post('/v1/datasets/un/versions').set('Content-Type', 'application/xml').send(readFileSync(LIST_2026)).expect(201);
    }
    await Promise.all([monitoringJobDone(delta), monitoringJobDone(full)]);
    const [byDelta, byFull] = await Promise.all([alertsOf(delta), alertsOf(full)]);
    expect(byDelta.map(key).sort()).toEqual(byFull.map(key).sort());

    const keys = new Set(byDelta.map(key));
    book.added.forEach((entity, i) => expect(keys.has(`new-match NEW-${i} ${entity.id}`)).toBe(true));
    book.removed.forEach((entity, i) => expect(keys.has(`match-removed GONE-${i} ${entity.id}`)).toBe(true));
    const removal = byDelta.find((a) => a['kind'] === 'match-removed' && a['reference'] === 'GONE-0');
    expect(removal).toMatchObject({ entityName: book.removed[0]!.primaryName, match: { reason: 'the entry was removed from the list' } });
    expect(keys.has(`match-amended ${falsePositive.reference} ${falsePositive.entityId}`)).toBe(true);
    for (const near of ['NEAR-1', 'NEAR-2', 'NEAR-3']) expect(byDelta.filter((a) => a['reference'] === near)).toEqual([]);

    const amended = byDelta.find((a) => a['kind'] === 'match-amended');
    expect(amended?.['changes'].length).toBeGreaterThan(0);
    const created = byDelta.find((a) => a['kind'] === 'new-match')!;
    expect(created).toMatchObject({ status: 'open', datasetVersionsAfter: { un: expect.stringMatching(/^66b392a4/) }, datasetVersionsBefore: { un: expect.stringMatching(/^c6ca6996/) } });
    expect(created['match'].explanation).toBeDefined();
    const screening = (await request(delta.app).get(`/v1/screenings/${created['screeningId']}`).expect(200)).body;
    expect(screening.reference).toBe(created['reference']);
  });

  it('does not alert a cleared false positive again while its listing stays the same', async () => {
    // A full re-screen of the book against the same version raises nothing new.
    const before = (await alertsOf(full)).length;
    const versions = full.context.data.snapshot!.versions;
    await full.context.monitoring.followNewVersion('un', { ...versions }, { ...versions }, 'full');
    await monitoringJobDone(full);
    expect(await alertsOf(full)).toHaveLength(before);
  });

  it('lets an analyst acknowledge and close alerts, filters them, and pages through them', async () => {
    const [first] = await alertsOf(delta);
    const acknowledged = (await request(delta.app).patch(`/v1/alerts/${first!['id']}`).send({ status: 'acknowledged', note: 'case 118' }).expect(200)).body;
    expect(acknowledged).toMatchObject({ status: 'acknowledged', note: 'case 118' });
    const open = (await request(delta.app).get('/v1/alerts?status=acknowledged').expect(200)).body.items;
    expect(open.map((a: { id: string }) => a.id)).toEqual([first!['id']]);
    const removedOnly = (await request(delta.app).get('/v1/alerts?kind=match-removed').expect(200)).body.items;
    expect(removedOnly.every((a: { kind: string }) => a.kind === 'match-removed')).toBe(true);
    const page = (await request(delta.app).get('/v1/alerts?limit=2').expect(200)).body;
    const next = (await request(delta.app).get(`/v1/alerts?limit=2&cursor=${page.nextCursor}`).expect(200)).body;
    expect(next.items[0].id).not.toBe(page.items[0].id);
    await request(delta.app).patch(`/v1/alerts/${first!['id']}`).send({ status: 'resolved' }).expect(400);
    await request(delta.app).get('/v1/alerts/nope').expect(404);
  });

  it('enrols the rows of a job uploaded with ?monitor=true that carry a reference, and counts the others', async () => {
    const csv = 'id,name,type,country,birthDate,reference\nR-1,Pak Yong Sik,person,,,JOB-REF-1\nR-2,Hans Mueller,person,,,\n';
    const { jobId } = (await request(delta.app).post('/v1/jobs?monitor=true').set('Content-Type', 'text/csv').send(csv).expect(202)).body;
    let job: Record<string, any>;
    for (;;) {
      job = (await request(delta.app).get(`/v1/jobs/${jobId}`).expect(200)).body;
      if (job['status'] === 'succeeded' || job['status'] === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(job).toMatchObject({ status: 'succeeded', monitoring: { enrolled: 1, notEnrolled: 1 } });
    const monitor = (await request(delta.app).get('/v1/monitors/JOB-REF-1').expect(200)).body;
    expect(monitor.matches.map((m: { entityId: string }) => m.entityId)).toContain('un-KPi.063');
    await request(delta.app).delete('/v1/monitors/JOB-REF-1').expect(204);
    await request(delta.app).get('/v1/monitors/JOB-REF-1').expect(404);
  });
});
