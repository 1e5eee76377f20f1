import type { NameToken } from '../normalize/name-tokens';
import { INITIAL_SIMILARITY, maxTypoEdits, typoSimilarity } from './compare-name-parts';
import { EXTRA_PART_COST, FULLER_QUERY_EXTRA_COST, INITIALS_QUERY_MISSING_COST, MISSING_PART_COST } from './score-name-pair';

export { FULLER_QUERY_MIN_SIMILARITY, isInitialsQuery, mayBeFullerQuery } from './score-name-pair';

/**
 * Upper bounds of the name score (`scoreNamePair`), which retrieval uses to leave out names that cannot reach a
 * threshold before anything is scored. They mirror the formula in `score-name-pair.ts`: a change there that can
 * raise a score must raise these bounds too (the property tests in test/matching/score check that no bound falls
 * below a real score).
 */

/** Slack on the coverage a candidate needs, for rounding in the retrieval tallies. */
const COVERAGE_MARGIN = 0.02;

/** Slack on a candidate's score bound, for float rounding in the retrieval tallies (kept in 32-bit floats). */
export const BOUND_MARGIN = 0.001;

/**
 * The highest name score a list name of weight `listWeight` can reach against a query of weight `queryWeight` when
 * the parts that found a similar part weigh `queryMass` (query side) and `listMass` (list side) times their best
 * similarity. The name score is a weighted Dice coefficient, matched mass over matched weight plus what the other
 * parts cost; it is highest when the matched parts' weight is no more than their mass (the similarities are as
 * found) and every other part costs the cheapest absent-part cost. Joined parts may count a part twice, hence the
 * caps at the names' weights.
 */
export function scoreUpperBound(
  queryWeight: number,
  listWeight: number,
  queryMass: number,
  listMass: number,
  fullerPossible = false,
  initialsQuery = false,
): number {
  const queryMatched = Math.min(queryWeight, queryMass);
  const listMatched = Math.min(listWeight, listMass);
  const matched = queryMatched + listMatched;
  // A query of initials leaves the list's middle names out cheaply (see `INITIALS_QUERY_MISSING_COST`).
  const listAbsentCost = initialsQuery ? Math.min(CHEAPEST_ABSENT_COST, INITIALS_QUERY_MISSING_COST) : CHEAPEST_ABSENT_COST;
  const absentCost = queryAbsentCost(fullerPossible) * (queryWeight - queryMatched) + listAbsentCost * (listWeight - listMatched);
  return matched / (matched + absentCost + Number.EPSILON);
}

/** The least an absent part costs, but a fuller query's extra part. */
const CHEAPEST_ABSENT_COST = Math.min(MISSING_PART_COST, EXTRA_PART_COST);

/**
 * The least a part only the query has can cost: a fuller query's extra part (`FULLER_QUERY_EXTRA_COST`) when the
 * query form may be one (see `mayBeFullerQuery`), else an ordinary absent part.
 */
function queryAbsentCost(fullerPossible: boolean): number {
  return fullerPossible ? Math.min(CHEAPEST_ABSENT_COST, FULLER_QUERY_EXTRA_COST) : CHEAPEST_ABSENT_COST;
}


/**
 * An initial (V of "V. Putin") pairs with any name part of its letter, which no retrieval key finds. For the score
 * bound, an initial that found nothing counts as paired, at `INITIAL_SIMILARITY`, with an ordinary part: this is
 * that mass on the query side (0 for any other part); the list side's is `unseenInitialListMass`.
 */
export function unseenInitialMass(token: NameToken): number {
  return token.role === 'initial' ? token.weight * INITIAL_SIMILARITY : 0;
}

/** The list side of an unseen initial's pair (see `unseenInitialMass`): an ordinary part at `INITIAL_SIMILARITY`. */
export function unseenInitialListMass(token: NameToken): number {
  return token.role === 'initial' ? INITIAL_SIMILARITY : 0;
}

/**
 * Patronymics are romanized loosely, two letters apart at times (Razapovic = Rajapovich), further than the typo keys
 * reach; the scorer pairs them all the same. For the score bound, a long patronymic that found nothing counts as
 * paired, at the similarity of two edits, with a list part of its own weight: this is that mass (0 for any other part).
 */
export function unseenPatronymicMass(token: NameToken): number {
  const length = token.text.length;
  if (token.role !== 'patronymic' || maxTypoEdits(length, length) < 2) return 0;
  // Two edits, against a list part up to two letters longer (the most similar such a pair can be).
  return token.weight * typoSimilarity(2, length + 2);
}

/**
 * The least share of the query's weight a list name must share for its score bound (`scoreUpperBound`, the list
 * side assumed as found) to reach `target`, with a small margin; 0 when any name could reach it.
 */
export function coverageNeededFor(target: number, fullerPossible = false): number {
  if (target <= 0) return 0;
  const absentCost = queryAbsentCost(fullerPossible);
  const coverage = (absentCost * target) / (2 - 2 * target + absentCost * target);
  return Math.max(0, Math.min(1, coverage - COVERAGE_MARGIN));
}

/** What retrieval may leave out for a name score `target`: see `RetrieveOptions`. */
export interface RetrievalLimits {
  minCoverage: number;
  minScoreBound: number;
}

/**
 * The retrieval limits under which no list name whose name score can reach `target` is left out: `target` is the
 * threshold less the most the query's qualifiers can add. Both limits carry their rounding margins.
 */
export function retrievalLimitsFor(target: number, fullerPossible = false): RetrievalLimits {
  return { minCoverage: coverageNeededFor(target, fullerPossible), minScoreBound: target - BOUND_MARGIN };
}
