import type { CanonicalEntity, Relationship } from '../model/entity';

/** Names other than the primary one, as displayed, without duplicates. */
export function aliasesOf(entity: CanonicalEntity): string[] {
  const seen = new Set([entity.primaryName]);
  const aliases: string[] = [];
  for (const n of entity.names) {
    if (!seen.has(n.name)) {
      seen.add(n.name);
      aliases.push(n.name);
    }
  }
  return aliases;
}

export interface PresentedRelationship {
  type: string;
  entityId: string;
  name: string;
  direction: 'outbound' | 'inbound';
  description?: string;
  period?: string;
  citations: Relationship['citations'];
}

export interface InboundEdge {
  /** The entity that states the relationship. */
  from: CanonicalEntity;
  relationship: Relationship;
}

/**
 * The entity's relationships as the API shows them: those it states (outbound) and those other entities state
 * about it (inbound), each with the other side's name. A pair stated in both directions appears once per side.
 */
export function presentRelationships(
  entity: CanonicalEntity,
  nameOf: (id: string) => string | undefined,
  inbound: readonly InboundEdge[],
): PresentedRelationship[] {
  const outbound = entity.relationships.map((r) => ({
    type: r.type,
    entityId: r.targetId,
    name: nameOf(r.targetId) ?? r.targetId,
    direction: 'outbound' as const,
    ...(r.description !== undefined ? { description: r.description } : {}),
    ...(r.period !== undefined ? { period: r.period } : {}),
    citations: r.citations,
  }));
  const statedHere = new Set(entity.relationships.map((r) => r.targetId));
  const reverse = inbound
    .filter((edge) => !statedHere.has(edge.from.id))
    .map((edge) => ({
      type: edge.relationship.type,
      entityId: edge.from.id,
      name: edge.from.primaryName,
      direction: 'inbound' as const,
      ...(edge.relationship.description !== undefined ? { description: edge.relationship.description } : {}),
      ...(edge.relationship.period !== undefined ? { period: edge.relationship.period } : {}),
      citations: edge.relationship.citations,
    }));
  return [...outbound, ...reverse];
}

export function presentEntitySummary(entity: CanonicalEntity) {
  return {
    id: entity.id,
    type: entity.type,
    name: entity.primaryName,
    aliases: aliasesOf(entity),
    riskLevel: entity.riskLevel,
    flags: entity.flags.map((f) => f.code),
    listings: entity.listings,
    dataset: entity.dataset,
  };
}

export function presentEntityDetail(
  entity: CanonicalEntity,
  related: { nameOf: (id: string) => string | undefined; inbound: readonly InboundEdge[] },
  sources: readonly { id: string; kind: string; title: string }[],
) {
  return {
    id: entity.id,
    type: entity.type,
    dataset: entity.dataset,
    name: entity.primaryName,
    aliases: aliasesOf(entity),
    names: entity.names,
    ...(entity.role !== undefined ? { role: entity.role } : {}),
    titles: entity.titles ?? [],
    designations: entity.designations ?? [],
    countries: entity.countries,
    nationalities: entity.nationalities,
    birthDates: entity.birthDates,
    birthPlaces: entity.birthPlaces,
    addresses: entity.addresses,
    identifiers: entity.identifiers,
    riskLevel: entity.riskLevel,
    flags: entity.flags,
    listings: entity.listings,
    relationships: presentRelationships(entity, related.nameOf, related.inbound),
    sources: sources.map((s) => ({ id: s.id, kind: s.kind, title: s.title })),
    ...(entity.narrative !== undefined ? { narrative: entity.narrative } : {}),
    ...(entity.gender !== undefined ? { gender: entity.gender } : {}),
    ...(entity.crossReferences !== undefined && entity.crossReferences.length > 0 ? { crossReferences: entity.crossReferences } : {}),
    ...(entity.remarks !== undefined && entity.remarks.length > 0 ? { remarks: entity.remarks } : {}),
  };
}
