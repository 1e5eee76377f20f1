import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { NotFoundError } from '../shared/errors';
import { combinedVersion, findCurrentVersion, findEntityInVersion, findSourceInVersions, listCurrentDatasets } from './dataset-repository';
import type { CanonicalEntity } from '../model/entity';
import type { SubjectLink } from '../linking';
import {
  findEntities,
  locateEntity,
  resolveEntityId,
  findInboundRelationships,
  listEntityIds,
  type EntityFilters,
} from './entity-repository';
import { presentEntityDetail, presentEntitySummary, type InboundEdge } from './present-entity';
import { findCitingEntities, findSourceHeaders, findSources } from './source-repository';
import { decodeCursor, encodeCursor } from '../shared/pagination';

/** The subject an entry belongs to, as the snapshot in force links entries across lists (see `linkSubjects`). */
export type SubjectOf = (entityId: string) => { id: string; members: Array<{ entityId: string; dataset: string; name: string }>; links: SubjectLink[] } | undefined;

/** Read side of the reference data: entities, sources and datasets, straight from the database. */
export function createReferenceService(db: Kysely<Database>, subjectOf: SubjectOf = () => undefined) {
  async function relatedOf(entities: CanonicalEntity[]) {
    const ids = entities.map((e) => e.id);
    const inboundRows = await findInboundRelationships(db, ids);
    const otherIds = new Set<string>();
    for (const e of entities) for (const r of e.relationships) otherIds.add(r.targetId);
    for (const row of inboundRows) otherIds.add(row.entityId);
    const others = await findEntities(db, [...otherIds]);
    const byId = new Map([...entities, ...others].map((e) => [e.id, e]));
    const nameOf = (id: string) => byId.get(id)?.primaryName;
    const inboundOf = (id: string): InboundEdge[] =>
      others
        .filter((o) => o.relationships.some((r) => r.targetId === id))
        .flatMap((o) => o.relationships.filter((r) => r.targetId === id).map((relationship) => ({ from: o, relationship })));
    return { nameOf, inboundOf };
  }

  /** The sources an entity cites: those in force, and those only a replaced version holds. */
  async function sourceHeadersOf(entity: CanonicalEntity) {
    const ids = [...new Set([...entity.sourceIds, ...citedSourceIds(entity)])];
    const current = await findSourceHeaders(db, ids);
    const missing = ids.filter((sourceId) => !current.some((s) => s.id === sourceId));
    const kept = (await Promise.all(missing.map((sourceId) => findSourceInVersions(db, sourceId)))).flatMap((s) => (s ? [{ id: s.id, kind: s.kind, title: s.title }] : []));
    return [...current, ...kept].sort((a, b) => a.id.localeCompare(b.id));
  }

  return {
    async listEntities(filters: EntityFilters, page: { limit: number; cursor?: string }) {
      const afterId = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      const ids = await listEntityIds(db, filters, { limit: page.limit, ...(afterId !== undefined ? { afterId } : {}) });
      const pageIds = ids.slice(0, page.limit);
      const entities = await findEntities(db, pageIds);
      const last = pageIds[pageIds.length - 1];
      return {
        items: entities.map(presentEntitySummary),
        nextCursor: ids.length > page.limit && last !== undefined ? encodeCursor(last) : null,
      };
    },

    /**
     * One entity as the current version holds it, or, with `version` (a dataset version's sha256), exactly as that
     * version held it (an entry since amended or removed included); `version` names the version either way.
     */
    async getEntity(id: string, version?: string) {
      if (version !== undefined) {
        const entity = (await findEntityInVersion(db, id, version)) ?? (await findEntityInVersion(db, `un-${id}`, version));
        if (!entity) throw new NotFoundError(`entity "${id}" is not in dataset version "${version}" (or no such version is kept)`);
        const { nameOf, inboundOf } = await relatedOf([entity]);
        const sources = await sourceHeadersOf(entity);
        return { ...presentEntityDetail(entity, { nameOf, inbound: inboundOf(entity.id) }, sources), version };
      }
      let located = await locateEntity(db, id);
      if (!located) {
        // Also accept a UN reference number ("KPi.063") or the id in another letter case.
        const resolved = await resolveEntityId(db, id);
        if (resolved !== undefined) located = await locateEntity(db, resolved);
      }
      if (!located) throw new NotFoundError(`entity "${id}" does not exist`);
      const current = await findCurrentVersion(db, located.dataset);
      // The record as its version stored it: every field the list gives (the current tables hold what search needs);
      // a version from before records were kept per version is read from the current tables.
      const entity = (current && (await findEntityInVersion(db, located.id, current.version))) || (await findEntities(db, [located.id]))[0];
      if (!entity) throw new NotFoundError(`entity "${id}" does not exist`);
      const { nameOf, inboundOf } = await relatedOf([entity]);
      const sources = await findSourceHeaders(db, [...new Set([...entity.sourceIds, ...citedSourceIds(entity)])]);
      const subject = subjectOf(entity.id);
      return {
        ...presentEntityDetail(entity, { nameOf, inbound: inboundOf(entity.id) }, sources),
        ...(current ? { version: current.version } : {}),
        ...(subject !== undefined ? { subject } : {}),
      };
    },

    async listSources() {
      return { items: await findSources(db) };
    },

    /** A source in force, or one a replaced version held (a list file's source is per version). */
    async getSource(id: string) {
      const [source] = await findSources(db, id);
      const kept = source ?? (await findSourceInVersions(db, id));
      if (!kept) throw new NotFoundError(`source "${id}" does not exist`);
      return kept;
    },

    /**
     * One paragraph of a source by its id ("8", "preamble-3", "annex-I-1"; "demand-for-north-korean-labor-3" in the
     * article) and the entities whose citations point at it.
     */
    async getParagraph(id: string, paragraphId: string) {
      const [source] = await findSources(db, id);
      if (!source) throw new NotFoundError(`source "${id}" does not exist`);
      const section = source.sections.find((candidate) => candidate.paragraphId === paragraphId);
      if (!section || section.paragraph === undefined) {
        const known = source.sections.slice(0, 3).map((candidate) => `"${candidate.paragraphId}"`);
        throw new NotFoundError(`source "${id}" has no paragraph "${paragraphId}" (its paragraphs read like ${known.join(', ')})`);
      }
      const citedBy = await findCitingEntities(db, id, section.paragraph, source.kind === 'investigation' ? section.heading : undefined);
      return { sourceId: id, ...section, citedBy };
    },

    async listDatasets() {
      const items = await listCurrentDatasets(db);
      return { datasetVersion: combinedVersion(items), items };
    },
  };
}

function citedSourceIds(entity: CanonicalEntity): Set<string> {
  const ids = new Set<string>();
  for (const f of entity.flags) for (const c of f.citations) ids.add(c.sourceId);
  for (const r of entity.relationships) for (const c of r.citations) ids.add(c.sourceId);
  return ids;
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
