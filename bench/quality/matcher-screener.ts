/**
 * The service's matcher as a dev-set screener: the quality benchmark (`bench/quality.ts`) and the quality gate in
 * `npm test` (test/bench/dev-set-quality.test.ts) judge it by this one rule.
 */
import { DEFAULT_THRESHOLD, MATCHER_ALGORITHM } from '../../src/matching/matcher';
import type { Matcher } from '../../src/matching/types';
import type { Screener } from './evaluate';

/**
 * A screener over `matcher` at its default threshold: a hit is a returned match with isMatch; a returned match with
 * isMatch false and conflicts is a review answer (the entity unconfirmed, with what contradicts it), not a hit.
 */
export function matcherScreener(matcher: Matcher): Screener {
  return {
    id: 'ours',
    label: `${MATCHER_ALGORITHM} at DEFAULT_THRESHOLD ${DEFAULT_THRESHOLD}`,
    rule:
      `a hit is a returned match with isMatch (score ≥ ${DEFAULT_THRESHOLD}); a positive is found when its entity is among them; ` +
      'a returned match with isMatch false and conflicts is a review answer',
    canReview: true,
    screen: (query) =>
      matcher
        .match(query)
        .matches.filter((m) => m.isMatch || (m.conflicts?.length ?? 0) > 0)
        .map((m) => ({
          entityId: m.entityId,
          score: m.score,
          matchedName: m.matchedName,
          ...(m.isMatch ? {} : { conflicts: m.conflicts ?? [] }),
        })),
  };
}
