/**
 * The decision rule: a candidate is a match when its score reaches the threshold in force for it and nothing
 * contradicts it (see `conflicts.ts`); the candidates returned are the best `limit` of them, best first. The one place
 * the threshold is compared.
 */

/** What the rule needs of a scored candidate. */
export interface ScoredEntity {
  /** Position of the entity in the matcher's list: orders candidates of equal score (earlier first). */
  entityIndex: number;
  score: number;
  /** What contradicts the match (see `conflicts.ts`): a candidate with any is shown but is no match. */
  conflicts?: readonly unknown[];
  /** The threshold this candidate is judged by (its dataset's, see `MatchOptions.thresholds`); else the one passed. */
  threshold?: number;
}

/** A candidate is a match when its score reaches its threshold (`threshold` unless it carries its own) and nothing contradicts it. */
export function isMatch(candidate: ScoredEntity, threshold: number): boolean {
  return (candidate.conflicts?.length ?? 0) === 0 && meetsThreshold(candidate.score, candidate.threshold ?? threshold);
}

/** True when `score` reaches `threshold` (a score equal to the threshold is a match). */
export function meetsThreshold(score: number, threshold: number): boolean {
  return score >= threshold;
}

/**
 * The candidates to show: those that meet their threshold (`options.threshold` unless a candidate carries its own)
 * and those a conflict took below it (the caller passes only conflicted candidates whose name alone would match), by
 * descending score and, on equal scores, ascending entity index; at most `limit`. Returns a new array; never mutates
 * `scored`.
 */
export function selectMatches<T extends ScoredEntity>(scored: readonly T[], options: { threshold: number; limit: number }): T[] {
  return scored
    .filter((candidate) => (candidate.conflicts?.length ?? 0) > 0 || meetsThreshold(candidate.score, candidate.threshold ?? options.threshold))
    .sort((a, b) => b.score - a.score || a.entityIndex - b.entityIndex)
    .slice(0, options.limit);
}
