import { detectScript } from '../lists/un/map-un-entity';
import { createMatcher, DEFAULT_THRESHOLD, meetsThreshold } from '../matching/matcher';
import { nameForms } from '../matching/normalize/name-forms';
import type { MatchExplanation, MatchQuery, MatchResult } from '../matching/types';
import { entityOfNames, type BirthDate, type CanonicalEntity, type EntityType } from '../model/entity';
import type { QueryType } from '../model/screening';

/** One side of a comparison: a name with the qualifiers a screening takes. */
export interface ComparedName {
  name: string;
  type?: QueryType | undefined;
  country?: string | undefined;
  birthDate?: string | undefined;
}

export interface Comparison {
  score: number;
  isMatch: boolean;
  /** What contradicts the match (empty when nothing does); any conflict makes `isMatch` false. */
  conflicts: string[];
  threshold: number;
  algorithm: string;
  explanation: MatchExplanation;
}

// The candidate stands alone in a one-entity list; any id does.
const CANDIDATE_ID = 'candidate';

/** A birth date as the lists give it: a year alone, or a date (a month alone is kept as that precision). */
function listedBirthDate(value: string): BirthDate {
  return value.length === 4 ? { kind: 'year', date: value } : { kind: 'exact', date: value };
}

function candidateEntity(candidate: ComparedName, type: EntityType): CanonicalEntity {
  return entityOfNames({
    id: CANDIDATE_ID,
    type,
    dataset: 'compare',
    primaryName: candidate.name,
    names: [{ name: candidate.name, kind: 'primary', script: detectScript(candidate.name), origin: 'source' }],
    countries: candidate.country !== undefined ? [candidate.country] : [],
    birthDates: candidate.birthDate !== undefined ? [listedBirthDate(candidate.birthDate)] : [],
  });
}

/** A legal form in a name says it names an organization (the screening matcher reads a query the same way). */
function hasLegalForm(name: string): boolean {
  return nameForms(name, { entityType: 'organization' }).some((form) => form.legalForms.length > 0);
}

/**
 * Scores two names as the screening matcher would score the query against a list entry holding only the candidate:
 * the same normalization, scoring, qualifiers and explanation. Pure; nothing is recorded (no list is screened).
 * When neither side says whether it is a person or an organization, a legal form on either side makes the candidate
 * an organization; otherwise it is read both ways and the better reading is reported.
 */
export function compareNames(query: ComparedName, candidate: ComparedName, options: { threshold?: number } = {}): Comparison {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const stated = [candidate.type, query.type].find((t): t is EntityType => t !== undefined && t !== 'any');
  const readings: EntityType[] = stated ? [stated] : hasLegalForm(candidate.name) || hasLegalForm(query.name) ? ['organization'] : ['person', 'organization'];
  const matchQuery: MatchQuery = { name: query.name, type: query.type ?? 'any' };
  if (query.country !== undefined) matchQuery.country = query.country;
  if (query.birthDate !== undefined) matchQuery.birthDate = query.birthDate;

  let best: MatchResult | undefined;
  let algorithm = '';
  let normalized: string[] = [];
  for (const type of readings) {
    const matcher = createMatcher([candidateEntity(candidate, type)]);
    algorithm = matcher.algorithm;
    // Threshold 0: the score is wanted however low; `isMatch` below is taken at the caller's threshold.
    const outcome = matcher.match(matchQuery, { threshold: 0, limit: 1 });
    normalized = outcome.normalized;
    const found = outcome.matches[0];
    if (found && (!best || found.score > best.score)) best = found;
  }
  const score = best?.score ?? 0;
  const conflicts = best?.conflicts ?? [];
  return {
    score,
    isMatch: conflicts.length === 0 && meetsThreshold(score, threshold),
    conflicts,
    threshold,
    algorithm,
    explanation: best?.explanation ?? {
      summary: 'no part of the two names meets: they were not compared further',
      features: {},
      queryForm: normalized[0] ?? '',
      listForm: '',
    },
  };
}
