import { randomUUID } from 'node:crypto';
import type { DataSnapshot } from '../datasets/load-snapshot';
import { DEFAULT_THRESHOLD } from '../matching/matcher';
import type { MatchQuery, MatchResult } from '../matching/types';
import type { CanonicalEntity, RiskLevel } from '../model/entity';
import { aliasesOf, presentRelationships } from '../reference/present-entity';
import type { Decision, QueryType } from '../model/screening';
import type { BatchRequest, ScreenRequest } from './screening-schemas';

export type { Decision } from '../model/screening';

const HIT_RISKS: ReadonlySet<RiskLevel> = new Set(['critical', 'high']);
const REVIEW_RISKS: ReadonlySet<RiskLevel> = new Set(['medium', 'low']);

/** What the decision needs of a returned candidate. */
export interface DecisionInput {
  riskLevel: RiskLevel;
  isMatch: boolean;
}

/**
 * The contract's decision rule: `hit` when a match (`isMatch`) carries critical or high risk, `review` when a match
 * carries medium or low risk or when a candidate of an entity with any risk was returned as no match because of a
 * conflict (it never makes `hit`, nor lets the answer be `clear`), `clear` when nothing matched or only risk-free
 * entities (experts, journalists) did.
 */
export function decide(candidates: readonly DecisionInput[]): Decision {
  if (candidates.some((c) => c.isMatch && HIT_RISKS.has(c.riskLevel))) return 'hit';
  if (candidates.some((c) => REVIEW_RISKS.has(c.riskLevel) || (!c.isMatch && HIT_RISKS.has(c.riskLevel)))) return 'review';
  return 'clear';
}

/** An analyst's false-positive decision that keeps a match of this counterparty out of the decision. */
export interface Suppression {
  dispositionId: string;
  recordedAt: string;
  note: string | null;
}

/** Active suppressions of one counterparty (its `reference`), by entity id. */
export type Suppressions = ReadonlyMap<string, Suppression>;

/** A match as the API returns it: the matcher's verdict plus the entity's evidence inline. */
function presentMatch(snapshot: DataSnapshot, result: MatchResult, entity: CanonicalEntity, suppression: Suppression | undefined) {
  const nameOf = (id: string) => snapshot.entities.get(id)?.primaryName;
  return {
    entityId: entity.id,
    name: entity.primaryName,
    aliases: aliasesOf(entity),
    type: entity.type,
    score: result.score,
    isMatch: result.isMatch,
    matchedName: result.matchedName,
    ...(result.conflicts !== undefined ? { conflicts: result.conflicts } : {}),
    explanation: result.explanation,
    riskLevel: entity.riskLevel,
    flags: entity.flags,
    listings: entity.listings,
    ...(suppression !== undefined ? { suppressedBy: { disposition: 'false-positive' as const, ...suppression } } : {}),
    relationships: presentRelationships(entity, nameOf, snapshot.inbound.get(entity.id) ?? []).map((r) => ({
      type: r.type,
      entityId: r.entityId,
      name: r.name,
      direction: r.direction,
      ...(r.period !== undefined ? { period: r.period } : {}),
    })),
  };
}

export type PresentedMatch = ReturnType<typeof presentMatch>;

export interface ScreeningOutcome {
  screeningId: string;
  screenedAt: string;
  datasetVersion: string;
  datasetVersions: Readonly<Record<string, string>>;
  algorithm: string;
  threshold: number;
  decision: Decision;
  query: { name: string; type: QueryType; country?: string; birthDate?: string; normalized: string[] };
  matches: PresentedMatch[];
  /** Matches an analyst's false-positive decision kept out of the decision (shown, marked `suppressedBy`). */
  suppressed: number;
}

type QueryInput = Pick<ScreenRequest, 'name' | 'type' | 'country' | 'birthDate'>;

/**
 * Screens one name against a snapshot: pure computation, no I/O, nothing recorded. Only the screening service
 * (`screening-service.ts`) and a job chunk's commit hand an outcome out, each after recording it.
 */
export function screenName(
  snapshot: DataSnapshot,
  input: QueryInput,
  options: { threshold?: number; limit: number; now?: Date; suppressions?: Suppressions },
): ScreeningOutcome {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const query: MatchQuery = { name: input.name, type: input.type };
  if (input.country !== undefined) query.country = input.country;
  if (input.birthDate !== undefined) query.birthDate = input.birthDate;
  const outcome = snapshot.matcher.match(query, { threshold, limit: options.limit });
  const suppressions = options.suppressions;
  const matches = outcome.matches.flatMap((m) => {
    const entity = snapshot.entities.get(m.entityId);
    return entity ? [presentMatch(snapshot, m, entity, suppressions?.get(m.entityId))] : [];
  });
  const counted = suppressions === undefined || suppressions.size === 0 ? matches : matches.filter((m) => m.suppressedBy === undefined);
  // Optional members assigned, not spread in: this runs for every row of a job.
  const echoed: ScreeningOutcome['query'] = { name: input.name, type: input.type, normalized: outcome.normalized };
  if (input.country !== undefined) echoed.country = input.country;
  if (input.birthDate !== undefined) echoed.birthDate = input.birthDate;
  return {
    screeningId: randomUUID(),
    screenedAt: (options.now ?? new Date()).toISOString(),
    datasetVersion: snapshot.datasetVersion,
    datasetVersions: snapshot.versions,
    algorithm: snapshot.matcher.algorithm,
    threshold,
    decision: decide(counted),
    query: echoed,
    matches,
    suppressed: matches.length - counted.length,
  };
}

/** Screens every item of a batch in input order against one snapshot (one dataset version for the batch); pure. */
export function screenBatchItems(
  snapshot: DataSnapshot,
  batch: BatchRequest,
  now = new Date(),
  suppressionsOf: (reference: string | undefined) => Suppressions | undefined = () => undefined,
) {
  const threshold = batch.threshold ?? DEFAULT_THRESHOLD;
  const outcomes = batch.items.map((item) => {
    const suppressions = suppressionsOf(item.reference);
    return { item, outcome: screenName(snapshot, item, { threshold, limit: batch.limit, now, ...(suppressions ? { suppressions } : {}) }) };
  });
  const count = (d: Decision) => outcomes.filter((o) => o.outcome.decision === d).length;
  return {
    outcomes,
    response: {
      batchId: randomUUID(),
      datasetVersion: snapshot.datasetVersion,
      datasetVersions: snapshot.versions,
      algorithm: snapshot.matcher.algorithm,
      threshold,
      summary: { items: outcomes.length, hits: count('hit'), reviews: count('review'), clears: count('clear') },
      results: outcomes.map(({ item, outcome }) => ({
        id: item.id,
        screeningId: outcome.screeningId,
        decision: outcome.decision,
        matches: outcome.matches,
        suppressed: outcome.suppressed,
      })),
    },
  };
}
