import type { QueryType } from '../model/screening';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { exactTime } from '../db/exact-time';
import type { AlertsTable, Database, MonitorsTable } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export type MonitorRow = Selectable<MonitorsTable>;
export type AlertRow = Selectable<AlertsTable>;

/** A monitored counterparty as a client enrols it. */
export interface MonitorInput {
  reference: string;
  name: string;
  type: QueryType;
  country?: string | undefined;
  birthDate?: string | undefined;
  /** The lists it is screened against; undefined: all loaded. */
  lists?: string[] | undefined;
}

/** The row a monitored counterparty is screened as (a batch item: `id` is its reference). */
export function screeningRowOf(monitor: Pick<MonitorRow, 'reference' | 'name' | 'type' | 'country' | 'birth_date' | 'lists'>): Record<string, string> {
  return {
    ...(monitor.lists !== null ? { lists: monitor.lists.join(',') } : {}),
    id: monitor.reference,
    reference: monitor.reference,
    name: monitor.name,
    type: monitor.type,
    ...(monitor.country !== null ? { country: monitor.country } : {}),
    ...(monitor.birth_date !== null ? { birthDate: monitor.birth_date } : {}),
  };
}

/** Inserts or updates monitored counterparties; returns the references that are new or changed (to re-screen). */
export async function upsertMonitors(db: Db, items: readonly MonitorInput[], apiKeyId: string | null): Promise<{ created: string[]; updated: string[]; unchanged: string[] }> {
  const existing = new Map(
    (await db.selectFrom('monitors').selectAll().where('reference', 'in', items.length > 0 ? items.map((i) => i.reference) : [''] ).execute()).map((m) => [m.reference, m]),
  );
  const result = { created: [] as string[], updated: [] as string[], unchanged: [] as string[] };
  for (const item of items) {
    const lists = item.lists !== undefined ? [...item.lists].sort() : null;
    const row = { name: item.name, type: item.type, country: item.country ?? null, birth_date: item.birthDate ?? null, lists: lists === null ? null : JSON.stringify(lists) };
    const before = existing.get(item.reference);
    const sameLists = JSON.stringify(before?.lists ?? null) === JSON.stringify(lists);
    if (before && before.name === row.name && before.type === row.type && before.country === row.country && before.birth_date === row.birth_date && sameLists) {
      result.unchanged.push(item.reference);
      continue;
    }
    await db
      .insertInto('monitors')
      .values({ reference: item.reference, ...row, api_key_id: apiKeyId })
      .onConflict((oc) => oc.column('reference').doUpdateSet({ ...row, updated_at: sql<Date>`now()` }))
      .execute();
    (before ? result.updated : result.created).push(item.reference);
  }
  return result;
}

export async function findMonitors(db: Db, references: readonly string[]): Promise<MonitorRow[]> {
  if (references.length === 0) return [];
  return db.selectFrom('monitors').selectAll().where('reference', 'in', references).orderBy('reference').execute();
}

/** Every monitored counterparty, in reference order, a page at a time. */
export async function* allMonitors(db: Db, pageSize = 5000): AsyncGenerator<MonitorRow[]> {
  for (let after = ''; ; ) {
    const page = await db.selectFrom('monitors').selectAll().where('reference', '>', after).orderBy('reference').limit(pageSize).execute();
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.reference;
  }
}

export async function listMonitors(db: Db, limit: number, after?: string): Promise<MonitorRow[]> {
  return db
    .selectFrom('monitors')
    .selectAll()
    .$if(after !== undefined, (q) => q.where('reference', '>', after!))
    .orderBy('reference')
    .limit(limit + 1)
    .execute();
}

export async function deleteMonitor(db: Db, reference: string): Promise<boolean> {
  const deleted = await db.deleteFrom('monitors').where('reference', '=', reference).returning('reference').executeTakeFirst();
  return deleted !== undefined;
}

/** What these counterparties match now, by reference and entity id. */
export async function findCurrentMatches(db: Db, references: readonly string[]): Promise<Map<string, Map<string, { score: number; screeningId: string }>>> {
  const result = new Map<string, Map<string, { score: number; screeningId: string }>>();
  if (references.length === 0) return result;
  const rows = await db.selectFrom('monitor_matches').selectAll().where('reference', 'in', references).execute();
  for (const row of rows) {
    const matches = result.get(row.reference) ?? new Map<string, { score: number; screeningId: string }>();
    matches.set(row.entity_id, { score: row.score, screeningId: row.screening_id });
    result.set(row.reference, matches);
  }
  return result;
}

/** The references whose current matches include any of these entities. */
export async function referencesMatching(db: Db, entityIds: readonly string[]): Promise<string[]> {
  if (entityIds.length === 0) return [];
  const rows = await db.selectFrom('monitor_matches').select('reference').distinct().where('entity_id', 'in', entityIds).execute();
  return rows.map((r) => r.reference);
}

/** Replaces what a counterparty matches now, and notes the screening that found it. */
export async function replaceCurrentMatches(
  db: Db,
  reference: string,
  screeningId: string,
  matches: ReadonlyArray<{ entityId: string; score: number }>,
): Promise<void> {
  await db.deleteFrom('monitor_matches').where('reference', '=', reference).execute();
  if (matches.length > 0) {
    await db
      .insertInto('monitor_matches')
      .values(matches.map((m) => ({ reference, entity_id: m.entityId, score: m.score, screening_id: screeningId })))
      .execute();
  }
  await db.updateTable('monitors').set({ screening_id: screeningId, screened_at: sql<Date>`now()` }).where('reference', '=', reference).execute();
}

export interface NewAlert {
  id: string;
  kind: AlertsTable['kind'];
  reference: string;
  entityId: string;
  entityName: string;
  jobId: string;
  screeningId: string;
  versionsBefore: Readonly<Record<string, string>>;
  versionsAfter: Readonly<Record<string, string>>;
  match: unknown;
  changes: unknown;
}

/** Inserts alerts; one of a kind per job, reference and entity (a chunk run twice raises nothing twice). Returns those inserted. */
export async function insertAlerts(db: Db, alerts: readonly NewAlert[]): Promise<string[]> {
  if (alerts.length === 0) return [];
  const inserted = await db
    .insertInto('alerts')
    .values(
      alerts.map((a) => ({
        id: a.id,
        kind: a.kind,
        status: 'open' as const,
        reference: a.reference,
        entity_id: a.entityId,
        entity_name: a.entityName,
        job_id: a.jobId,
        screening_id: a.screeningId,
        versions_before: JSON.stringify(a.versionsBefore),
        versions_after: JSON.stringify(a.versionsAfter),
        match: a.match === undefined ? null : JSON.stringify(a.match),
        changes: a.changes === undefined ? null : JSON.stringify(a.changes),
      })),
    )
    .onConflict((oc) => oc.columns(['job_id', 'reference', 'entity_id', 'kind']).doNothing())
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

/** Closes the open and acknowledged alerts that rested on one counterparty's match of an entity; returns their ids. */
export async function closeAlertsOn(db: Db, reference: string, entityId: string, reason: string): Promise<string[]> {
  const closed = await db
    .updateTable('alerts')
    .set({ status: 'closed', closed_reason: reason, updated_at: sql<Date>`now()` })
    .where('reference', '=', reference)
    .where('entity_id', '=', entityId)
    .where('status', 'in', ['open', 'acknowledged'])
    .where('kind', '!=', 'match-removed')
    .returning('id')
    .execute();
  return closed.map((r) => r.id);
}

export interface AlertFilters {
  status?: AlertsTable['status'];
  kind?: AlertsTable['kind'];
  reference?: string;
  since?: string;
}

/** Alerts newest first, `limit` after the (created_at, id) position `after`. */
export async function listAlerts(db: Db, filters: AlertFilters, limit: number, after?: { createdAt: string; id: string }): Promise<Array<AlertRow & { created_exact: string }>> {
  return db
    .selectFrom('alerts')
    .selectAll()
    .select(exactTime('created_at').as('created_exact'))
    .$if(filters.status !== undefined, (q) => q.where('status', '=', filters.status!))
    .$if(filters.kind !== undefined, (q) => q.where('kind', '=', filters.kind!))
    .$if(filters.reference !== undefined, (q) => q.where('reference', '=', filters.reference!))
    .$if(filters.since !== undefined, (q) => q.where('created_at', '>=', new Date(filters.since!)))
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('created_at', '<', sql<Date>`${after!.createdAt}::timestamptz`),
          eb.and([eb('created_at', '=', sql<Date>`${after!.createdAt}::timestamptz`), eb('id', '<', after!.id)]),
        ]),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function findAlert(db: Db, id: string): Promise<AlertRow | undefined> {
  return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateAlert(db: Db, id: string, change: { status: AlertsTable['status']; note?: string; by: string | null }): Promise<AlertRow | undefined> {
  return db
    .updateTable('alerts')
    .set({
      status: change.status,
      updated_by: change.by,
      updated_at: sql<Date>`now()`,
      ...(change.note !== undefined ? { note: change.note } : {}),
      ...(change.status === 'closed' ? { closed_reason: 'closed by an analyst' } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
