import fc from 'fast-check';
import { meetsThreshold, selectMatches } from '../../../src/matching/score/decision-rule';

const scored = (...scores: number[]) => scores.map((score, entityIndex) => ({ entityIndex, score }));

describe('the decision rule', () => {
  it('makes a score equal to the threshold a match, and one just below it not', () => {
    expect(meetsThreshold(0.81, 0.81)).toBe(true);
    expect(meetsThreshold(0.8099999, 0.81)).toBe(false);
    expect(meetsThreshold(1, 0.81)).toBe(true);
  });

  it('returns the candidates that meet the threshold, best first', () => {
    const kept = selectMatches(scored(0.5, 0.9, 0.81, 0.8, 1), { threshold: 0.81, limit: 10 });
    expect(kept.map((candidate) => candidate.entityIndex)).toEqual([4, 1, 2]);
  });

  it('orders equal scores by entity index, whatever order they came in', () => {
    const candidates = [
      { entityIndex: 7, score: 0.9 },
      { entityIndex: 2, score: 0.9 },
      { entityIndex: 5, score: 0.95 },
    ];
    expect(selectMatches(candidates, { threshold: 0, limit: 10 }).map((candidate) => candidate.entityIndex)).toEqual([5, 2, 7]);
  });

  it('returns at most `limit` matches, the best ones', () => {
    expect(selectMatches(scored(0.9, 0.95, 0.99, 0.85), { threshold: 0.81, limit: 2 }).map((c) => c.entityIndex)).toEqual([2, 1]);
    expect(selectMatches(scored(0.9), { threshold: 0.81, limit: 0 })).toEqual([]);
  });

  it('never mutates what it is given', () => {
    const candidates = scored(0.2, 0.9, 0.85);
    const copy = structuredClone(candidates);
    selectMatches(candidates, { threshold: 0.5, limit: 1 });
    expect(candidates).toEqual(copy);
  });

  it('for any candidates: keeps exactly those meeting the threshold (up to the limit), sorted, each once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat({ max: 50 }),
        (scores, threshold, limit) => {
          const kept = selectMatches(scored(...scores), { threshold, limit });
          const meeting = scores.filter((score) => score >= threshold).length;
          expect(kept).toHaveLength(Math.min(limit, meeting));
          for (const candidate of kept) expect(candidate.score).toBeGreaterThanOrEqual(threshold);
          for (let i = 1; i < kept.length; i += 1) {
            const [before, after] = [kept[i - 1]!, kept[i]!];
            expect(before.score > after.score || (before.score === after.score && before.entityIndex < after.entityIndex)).toBe(true);
          }
          // Nothing left out scores higher than the last kept.
          const lowest = kept[kept.length - 1]?.score ?? Infinity;
          if (kept.length === limit) expect(scores.filter((score) => score > lowest).length).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });
});
