import { randomUUID } from 'node:crypto';
import type { DataSnapshot } from '../datasets/load-snapshot';
import { DEFAULT_THRESHOLD } from '../matching/matcher';
import type { MatchQuery, MatchResult } from '../matching/types';
import type { CanonicalEntity, RiskLevel } from '../model/entity';
import { ValidationError } from '../shared/errors';
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

const RISK_ORDER: readonly RiskLevel[] = ['critical', 'high', 'medium', 'low', 'none'];
const higherRisk = (a: RiskLevel, b: RiskLevel): RiskLevel => (RISK_ORDER.indexOf(a) <= RISK_ORDER.indexOf(b) ? a : b);

/** What the matcher said of each member of one subject the query met, best first. */
interface SubjectHits {
  subjectId: string;
  results: MatchResult[];
}

/**
 * A match as the API returns it: the matcher's verdict on the best member of a subject, plus the subject's evidence
 * inline. A subject on one list is that entry; a subject on several carries every member's listings and flags, and
 * `subject` says which list says what and which rule linked each entry.
 */
function presentMatch(snapshot: DataSnapshot, hits: SubjectHits, lists: ReadonlySet<string>, suppression: Suppression | undefined) {
  const best = hits.results[0] as MatchResult;
  const memberIds = snapshot.subjects.membersOf(hits.subjectId);
  // Only the lists screened against speak: a member on a list the request left out is not shown.
  const members = memberIds.flatMap((id) => {
    const entity = snapshot.entities.get(id);
    return entity && lists.has(entity.dataset) ? [entity] : [];
  });
  // The subject's own entry when its list was screened; otherwise the member that matched best.
  const subjectEntry = snapshot.entities.get(hits.subjectId);
  const head = subjectEntry && lists.has(subjectEntry.dataset) ? subjectEntry : (snapshot.entities.get(best.entityId) as CanonicalEntity);
  const nameOf = (id: string) => snapshot.entities.get(id)?.primaryName;
  const linked = members.length > 1;
  const relationships = (linked ? members : [head]).flatMap((entity) => presentRelationships(entity, nameOf, snapshot.inbound.get(entity.id) ?? []));
  const resultOf = new Map(hits.results.map((result) => [result.entityId, result]));
  return {
    entityId: head.id,
    name: head.primaryName,
    aliases: linked ? [...new Set(members.flatMap((entity) => [entity.primaryName, ...aliasesOf(entity)]))].filter((name) => name !== head.primaryName) : aliasesOf(head),
    type: head.type,
    score: best.score,
    isMatch: best.isMatch,
    matchedName: best.matchedName,
    ...(best.conflicts !== undefined ? { conflicts: best.conflicts } : {}),
    explanation: best.explanation,
    riskLevel: members.reduce<RiskLevel>((risk, entity) => higherRisk(risk, entity.riskLevel), head.riskLevel),
    flags: linked ? members.flatMap((entity) => entity.flags) : head.flags,
    listings: linked ? members.flatMap((entity) => entity.listings.map((listing) => ({ dataset: entity.dataset, ...listing }))) : head.listings,
    threshold: best.threshold,
    lists: [...new Set(members.map((entity) => entity.dataset))],
    ...(linked
      ? {
          subject: {
            id: hits.subjectId,
            members: members.map((entity) => {
              const result = resultOf.get(entity.id);
              return {
                entityId: entity.id,
                dataset: entity.dataset,
                name: entity.primaryName,
                listings: entity.listings,
                flags: entity.flags.map((flag) => flag.code),
                ...(result !== undefined ? { matchedName: result.matchedName, score: result.score } : {}),
              };
            }),
            links: snapshot.subjects.linksOf(hits.subjectId).filter((link) => members.some((m) => m.id === link.from) && members.some((m) => m.id === link.to)),
          },
        }
      : {}),
    ...(suppression !== undefined ? { suppressedBy: { disposition: 'false-positive' as const, ...suppression } } : {}),
    relationships: relationships.map((r) => ({
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
  /** The lists behind the matches returned. */
  matchedLists: string[];
  /** The lists screened against. */
  lists: string[];
  /** Identifiers given that could not be compared. */
  identifierProblems?: string[];
  /** Matches an analyst's false-positive decision kept out of the decision (shown, marked `suppressedBy`). */
  suppressed: number;
}

type QueryInput = Pick<ScreenRequest, 'name' | 'type' | 'country' | 'birthDate' | 'identifiers'>;

/** The datasets a snapshot can screen against: those holding entries (not the resolutions' text). */
export function screenableLists(snapshot: DataSnapshot): string[] {
  return snapshot.datasets.filter((dataset) => dataset.entityCount > 0).map((dataset) => dataset.id);
}

/** The lists a request names, checked against those loaded (400 naming the unknown ones); all when it names none. */
export function listsToScreen(snapshot: DataSnapshot, lists: readonly string[] | undefined): string[] {
  const loaded = screenableLists(snapshot);
  if (lists === undefined) return loaded;
  const unknown = lists.filter((id) => !loaded.includes(id));
  if (unknown.length > 0) {
    const message = `not a loaded list: ${unknown.map((id) => `"${id}"`).join(', ')} (loaded: ${loaded.join(', ')})`;
    throw new ValidationError(message, [{ path: 'lists', message }]);
  }
  return [...new Set(lists)];
}

// The matcher is asked for more entries than the limit: several may be one subject, shown as one match.
const ENTRIES_PER_MATCH = 3;

/**
 * Screens one name against a snapshot: pure computation, no I/O, nothing recorded. Only the screening service
 * (`screening-service.ts`) and a job chunk's commit hand an outcome out, each after recording it. Entries that are
 * one subject across lists come back as one match, at the score of the best of them.
 */
export function screenName(
  snapshot: DataSnapshot,
  input: QueryInput,
  options: { threshold?: number; limit: number; now?: Date; suppressions?: Suppressions; lists?: readonly string[] },
): ScreeningOutcome {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const lists = options.lists === undefined ? screenableLists(snapshot) : [...options.lists];
  const query: MatchQuery = { name: input.name, type: input.type };
  if (input.country !== undefined) query.country = input.country;
  if (input.birthDate !== undefined) query.birthDate = input.birthDate;
  if (input.identifiers !== undefined) {
    query.identifiers = input.identifiers.map((identifier) => ({
      scheme: identifier.type,
      value: identifier.value,
      ...(identifier.country !== undefined ? { country: identifier.country } : {}),
    }));
  }
  const screened = new Set(lists);
  const outcome = snapshot.matcher.match(query, {
    threshold,
    limit: options.limit * ENTRIES_PER_MATCH,
    datasets: screened,
    // A request's own threshold applies to every list; without one, each list's configured threshold.
    ...(options.threshold === undefined ? { thresholds: snapshot.listThresholds } : {}),
  });
  const bySubject = new Map<string, SubjectHits>();
  for (const result of outcome.matches) {
    const subjectId = snapshot.subjects.subjectOf(result.entityId);
    const hits = bySubject.get(subjectId);
    if (hits) hits.results.push(result);
    else bySubject.set(subjectId, { subjectId, results: [result] });
  }
  const suppressions = options.suppressions;
  const suppressionOf = (hits: SubjectHits) =>
    suppressions?.get(hits.subjectId) ?? snapshot.subjects.membersOf(hits.subjectId).map((id) => suppressions?.get(id)).find((found) => found !== undefined);
  const matches = [...bySubject.values()]
    .slice(0, options.limit)
    .map((hits) => presentMatch(snapshot, hits, screened, suppressions && suppressions.size > 0 ? suppressionOf(hits) : undefined));
  const counted = suppressions === undefined || suppressions.size === 0 ? matches : matches.filter((m) => m.suppressedBy === undefined);
  // Optional members assigned, not spread in: this runs for every row of a job.
  const echoed: ScreeningOutcome['query'] = { name: input.name, type: input.type, normalized: outcome.normalized };
  if (input.country !== undefined) echoed.country = input.country;
  if (input.birthDate !== undefined) echoed.birthDate = input.birthDate;
  const outcomeOf: ScreeningOutcome = {
    screeningId: randomUUID(),
    screenedAt: (options.now ?? new Date()).toISOString(),
    datasetVersion: snapshot.datasetVersion,
    datasetVersions: snapshot.versions,
    algorithm: snapshot.matcher.algorithm,
    threshold,
    decision: decide(counted),
    query: echoed,
    matches,
    matchedLists: [...new Set(matches.flatMap((m) => m.lists))].filter((id) => lists.includes(id)),
    lists,
    suppressed: matches.length - counted.length,
  };
  if (outcome.identifierProblems !== undefined && outcome.identifierProblems.length > 0) outcomeOf.identifierProblems = outcome.identifierProblems;
  return outcomeOf;
}

/** Screens every item of a batch in input order against one snapshot (one dataset version for the batch); pure. */
export function screenBatchItems(
  snapshot: DataSnapshot,
  batch: BatchRequest,
  now = new Date(),
  suppressionsOf: (reference: string | undefined) => Suppressions | undefined = () => undefined,
) {
  const threshold = batch.threshold ?? DEFAULT_THRESHOLD;
  const lists = listsToScreen(snapshot, batch.lists);
  const outcomes = batch.items.map((item) => {
    const suppressions = suppressionsOf(item.reference);
    return {
      item,
      outcome: screenName(snapshot, item, {
        limit: batch.limit,
        now,
        lists: item.lists === undefined ? lists : listsToScreen(snapshot, item.lists),
        ...(batch.threshold !== undefined ? { threshold: batch.threshold } : {}),
        ...(suppressions ? { suppressions } : {}),
      }),
    };
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
        matchedLists: outcome.matchedLists,
        suppressed: outcome.suppressed,
      })),
      lists,
    },
  };
}
