import { sql, type Kysely, type Transaction } from 'kysely';
import { paragraphIdOf, type CanonicalEntity, type Citation, type EntityName, type EntityType, type Listing, type RiskLevel } from '../model/entity';
import type { CitationsTable, Database } from '../db/schema';
import { insertInChunks } from '../db/insert-in-chunks';

type Db = Kysely<Database> | Transaction<Database>;

/** Lower-cased, whitespace-collapsed text used by the `q` substring search. */
export function searchTextOf(entity: CanonicalEntity): string {
  const names = new Set(entity.names.map((n) => n.name).concat(entity.primaryName));
  return [...names].map((n) => n.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()).join('\n');
}

function citationRows(
  entityId: string,
  ownerKind: CitationsTable['owner_kind'],
  ownerOrdinal: number,
  citations: Citation[],
) {
  return citations.map((c, ordinal) => ({
    entity_id: entityId,
    owner_kind: ownerKind,
    owner_ordinal: ownerOrdinal,
    ordinal,
    source_id: c.sourceId,
    locator: c.locator,
    section: c.section ?? null,
    paragraph: c.paragraph ?? null,
    quote: c.quote ?? null,
    summary: c.summary ?? null,
    url: c.url ?? null,
  }));
}

/** Inserts entities with all their child rows. Never deletes; the caller replaces a dataset in a transaction. */
export async function insertEntities(db: Db, datasetId: string, entities: CanonicalEntity[]): Promise<void> {
  await insertInChunks(
    db,
    'entities',
    entities.map((e) => ({
      id: e.id,
      dataset_id: datasetId,
      type: e.type,
      primary_name: e.primaryName,
      role: e.role ?? null,
      risk_level: e.riskLevel,
      countries: e.countries,
      nationalities: e.nationalities,
      titles: e.titles ?? [],
      designations: e.designations ?? [],
      birth_dates: JSON.stringify(e.birthDates),
      birth_places: JSON.stringify(e.birthPlaces),
      addresses: JSON.stringify(e.addresses),
      identifiers: JSON.stringify(e.identifiers),
      source_ids: e.sourceIds,
      narrative: e.narrative ?? null,
      raw: e.raw ? JSON.stringify(e.raw) : null,
      search_text: searchTextOf(e),
    })),
  );
  await insertInChunks(
    db,
    'entity_names',
    entities.flatMap((e) =>
      e.names.map((n, ordinal) => ({
        entity_id: e.id,
        ordinal,
        name: n.name,
        raw: n.raw ?? null,
        kind: n.kind,
        quality: n.quality ?? null,
        script: n.script,
        origin: n.origin,
        note: n.note ?? null,
      })),
    ),
  );
  await insertInChunks(
    db,
    'flags',
    entities.flatMap((e) =>
      e.flags.map((f, ordinal) => ({
        entity_id: e.id,
        ordinal,
        code: f.code,
        severity: f.severity,
        title: f.title,
        description: f.description,
      })),
    ),
  );
  await insertInChunks(
    db,
    'relationships',
    entities.flatMap((e) =>
      e.relationships.map((r, ordinal) => ({
        entity_id: e.id,
        ordinal,
        type: r.type,
        target_id: r.targetId,
        description: r.description ?? null,
        period: r.period ?? null,
      })),
    ),
  );
  await insertInChunks(
    db,
    'citations',
    entities.flatMap((e) => [
      ...e.flags.flatMap((f, i) => citationRows(e.id, 'flag', i, f.citations)),
      ...e.relationships.flatMap((r, i) => citationRows(e.id, 'relationship', i, r.citations)),
    ]),
  );
  await insertInChunks(
    db,
    'listings',
    entities.flatMap((e) =>
      e.listings.map((l, ordinal) => ({
        entity_id: e.id,
        ordinal,
        list: l.list,
        reference_number: l.referenceNumber,
        regime: l.regime,
        listed_on: l.listedOn,
        resolution: l.resolution ?? null,
        resolution_basis: l.resolutionBasis ?? null,
        data_id: l.dataId ?? null,
      })),
    ),
  );
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const byOrdinal = (a: { ordinal: number }, b: { ordinal: number }) => a.ordinal - b.ordinal;

function toCitation(row: CitationsTable): Citation {
  const citation: Citation = { sourceId: row.source_id, locator: row.locator };
  if (row.section !== null) citation.section = row.section;
  if (row.paragraph !== null) {
    citation.paragraph = row.paragraph;
    citation.paragraphId = paragraphIdOf(row.paragraph, row.section ?? undefined);
  }
  if (row.quote !== null) citation.quote = row.quote;
  if (row.summary !== null) citation.summary = row.summary;
  if (row.url !== null) citation.url = row.url;
  return citation;
}

/**
 * Reads whole entities (names, flags with citations, relationships, listings) for the given ids, or for every
 * entity when `ids` is omitted. Order follows the entity id.
 */
export async function findEntities(db: Db, ids?: readonly string[]): Promise<CanonicalEntity[]> {
  if (ids && ids.length === 0) return [];
  const entitiesQuery = db.selectFrom('entities').selectAll().orderBy('id');
  const rows = await (ids ? entitiesQuery.where('id', 'in', ids) : entitiesQuery).execute();
  if (rows.length === 0) return [];
  const wanted = rows.map((r) => r.id);
  // Without ids: the whole table (startup snapshot); with ids: just those entities' rows.
  const scope = ids ? wanted : undefined;
  const [names, flags, relationships, citations, listings] = await Promise.all([
    db.selectFrom('entity_names').selectAll().$if(scope !== undefined, (q) => q.where('entity_id', 'in', wanted)).execute(),
    db.selectFrom('flags').selectAll().$if(scope !== undefined, (q) => q.where('entity_id', 'in', wanted)).execute(),
    db.selectFrom('relationships').selectAll().$if(scope !== undefined, (q) => q.where('entity_id', 'in', wanted)).execute(),
    db.selectFrom('citations').selectAll().$if(scope !== undefined, (q) => q.where('entity_id', 'in', wanted)).execute(),
    db.selectFrom('listings').selectAll().$if(scope !== undefined, (q) => q.where('entity_id', 'in', wanted)).execute(),
  ]);
  const namesBy = groupBy(names, (r) => r.entity_id);
  const flagsBy = groupBy(flags, (r) => r.entity_id);
  const relationshipsBy = groupBy(relationships, (r) => r.entity_id);
  const citationsBy = groupBy(citations, (r) => `${r.entity_id}\u0000${r.owner_kind}\u0000${r.owner_ordinal}`);
  const listingsBy = groupBy(listings, (r) => r.entity_id);
  const citationsOf = (entityId: string, kind: string, ordinal: number) =>
    (citationsBy.get(`${entityId}\u0000${kind}\u0000${ordinal}`) ?? []).sort(byOrdinal).map(toCitation);

  return rows.map((row): CanonicalEntity => {
    const entity: CanonicalEntity = {
      id: row.id,
      type: row.type,
      dataset: row.dataset_id,
      primaryName: row.primary_name,
      names: (namesBy.get(row.id) ?? []).sort(byOrdinal).map((n) => {
        const name: EntityName = {
          name: n.name,
          kind: n.kind,
          script: n.script,
          origin: n.origin,
        };
        if (n.raw !== null) name.raw = n.raw;
        if (n.quality !== null) name.quality = n.quality;
        if (n.note !== null) name.note = n.note;
        return name;
      }),
      countries: row.countries,
      nationalities: row.nationalities,
      titles: row.titles,
      designations: row.designations,
      birthDates: row.birth_dates,
      birthPlaces: row.birth_places,
      addresses: row.addresses,
      identifiers: row.identifiers,
      riskLevel: row.risk_level,
      flags: (flagsBy.get(row.id) ?? []).sort(byOrdinal).map((f) => ({
        code: f.code,
        severity: f.severity,
        title: f.title,
        description: f.description,
        citations: citationsOf(row.id, 'flag', f.ordinal),
      })),
      listings: (listingsBy.get(row.id) ?? []).sort(byOrdinal).map((l) => {
        const listing: Listing = {
          list: l.list,
          referenceNumber: l.reference_number,
          regime: l.regime,
          listedOn: l.listed_on,
        };
        if (l.resolution !== null) listing.resolution = l.resolution;
        if (l.resolution_basis !== null) listing.resolutionBasis = l.resolution_basis;
        if (l.data_id !== null) listing.dataId = l.data_id;
        return listing;
      }),
      relationships: (relationshipsBy.get(row.id) ?? []).sort(byOrdinal).map((r) => ({
        type: r.type,
        targetId: r.target_id,
        ...(r.description !== null ? { description: r.description } : {}),
        ...(r.period !== null ? { period: r.period } : {}),
        citations: citationsOf(row.id, 'relationship', r.ordinal),
      })),
      sourceIds: row.source_ids,
    };
    if (row.role !== null) entity.role = row.role;
    if (row.narrative !== null) entity.narrative = row.narrative;
    if (row.raw !== null) entity.raw = row.raw;
    return entity;
  });
}

export interface EntityFilters {
  q?: string;
  type?: EntityType;
  riskLevel?: RiskLevel;
  list?: string;
  regime?: string;
  dataset?: string;
  flag?: string;
}

export interface EntitySummaryRow {
  id: string;
  type: EntityType;
  name: string;
  riskLevel: RiskLevel;
}

/** Escapes LIKE wildcards so `q` is matched as a literal substring. */
function likePattern(q: string): string {
  return `%${q.normalize('NFKC').toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of entity ids matching the filters, ordered by id, strictly after `afterId`.
 * Returns up to `limit + 1` rows so the caller can tell whether another page exists.
 */
export async function listEntityIds(
  db: Db,
  filters: EntityFilters,
  page: { afterId?: string; limit: number },
): Promise<string[]> {
  let query = db.selectFrom('entities').select('id').orderBy('id').limit(page.limit + 1);
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  if (filters.q) query = query.where('search_text', 'like', likePattern(filters.q));
  if (filters.type) query = query.where('type', '=', filters.type);
  if (filters.riskLevel) query = query.where('risk_level', '=', filters.riskLevel);
  if (filters.dataset) query = query.where('dataset_id', '=', filters.dataset);
  if (filters.list || filters.regime) {
    const { list, regime } = filters;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('listings')
          .select(sql`1`.as('one'))
          .whereRef('listings.entity_id', '=', 'entities.id')
          .$if(list !== undefined, (q) => q.where(sql`lower(list)`, '=', (list ?? '').toLowerCase()))
          .$if(regime !== undefined, (q) => q.where(sql`lower(regime)`, '=', (regime ?? '').toLowerCase())),
      ),
    );
  }
  if (filters.flag) {
    const code = filters.flag;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('flags')
          .select(sql`1`.as('one'))
          .whereRef('flags.entity_id', '=', 'entities.id')
          .where('code', '=', code),
      ),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => r.id);
}

/** Ids of every entity that has a relationship pointing at one of `ids` (the reverse edges). */
export async function findInboundRelationships(
  db: Db,
  ids: readonly string[],
): Promise<{ entityId: string; type: string; targetId: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('relationships')
    .select(['entity_id', 'type', 'target_id'])
    .where('target_id', 'in', ids)
    .execute();
  return rows.map((r) => ({ entityId: r.entity_id, type: r.type, targetId: r.target_id }));
}

/** The id of the entity whose id or UN reference number is `idOrReference`, in any letter case. */
/** An entity's id and dataset, by its exact id: where its full record is to be read. */
export async function locateEntity(db: Db, id: string): Promise<{ id: string; dataset: string } | undefined> {
  const row = await db.selectFrom('entities').select(['id', 'dataset_id']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, dataset: row.dataset_id };
}

export async function resolveEntityId(db: Db, idOrReference: string): Promise<string | undefined> {
  const wanted = idOrReference.toLowerCase();
  const row = await db
    .selectFrom('entities')
    .leftJoin('listings', 'listings.entity_id', 'entities.id')
    .select('entities.id')
    .where((eb) => eb.or([eb(eb.fn('lower', ['entities.id']), '=', wanted), eb(eb.fn('lower', ['listings.reference_number']), '=', wanted)]))
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
