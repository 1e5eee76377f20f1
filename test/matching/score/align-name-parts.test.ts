import fc from 'fast-check';
import { nameForms } from '../../../src/matching/normalize/name-forms';
import { createTokenAnalyzer, type NameToken } from '../../../src/matching/normalize/name-tokens';
import { alignParts, EXACT_ALIGNMENT_MAX_PARTS, type PartAlignment } from '../../../src/matching/score/align-name-parts';
import { compareParts, MIN_PART_SIMILARITY } from '../../../src/matching/score/compare-name-parts';

const analyzer = createTokenAnalyzer();
const tokens = (name: string): readonly NameToken[] => nameForms(name, { analyze: analyzer.analyze })[0]?.tokens ?? [];
const pairsOf = (alignment: PartAlignment): Array<[number, number]> =>
  alignment.pairs.map(({ queryIndex, listIndex }) => [queryIndex, listIndex]);

/** What a pair is worth to the alignment: both weights times the similarity, nothing below the floor. */
function pairValue(query: NameToken, list: NameToken): number {
  const { similarity } = compareParts(query, list);
  return similarity >= MIN_PART_SIMILARITY ? (query.weight + list.weight) * similarity : 0;
}

/** The best total value of any one-to-one pairing, by trying them all (small names only). */
function bestTotal(query: readonly NameToken[], list: readonly NameToken[], from = 0, used = 0): number {
  if (from === query.length) return 0;
  let best = bestTotal(query, list, from + 1, used);
  list.forEach((listToken, j) => {
    if (used & (1 << j)) return;
    const value = pairValue(query[from] as NameToken, listToken);
    if (value > 0) best = Math.max(best, value + bestTotal(query, list, from + 1, used | (1 << j)));
  });
  return best;
}

describe('alignParts', () => {
  it('pairs parts whatever order either side wrote them in', () => {
    const alignment = alignParts(tokens('yong sik pak'), tokens('pak yong sik'));
    expect(pairsOf(alignment)).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
    ]);
    expect(alignment.pairs.every((pair) => pair.comparison.relation === 'exact')).toBe(true);
    expect(alignment).toMatchObject({ unmatchedQuery: [], unmatchedList: [] });
  });

  it('leaves parts unpaired that are not similar enough, on both sides', () => {
    const alignment = alignParts(tokens('ivan petrov moskva'), tokens('petrov boris'));
    expect(pairsOf(alignment)).toEqual([[1, 0]]);
    expect(alignment).toMatchObject({ unmatchedQuery: [0, 2], unmatchedList: [1] });
  });

  it('takes the pairing of highest total similarity, not the best pair first', () => {
    // Marinov = Marinov exactly, but that leaves Marinon and Barinov unpaired; two typo pairs are worth more.
    expect(pairsOf(alignParts(tokens('marinov marinon'), tokens('marinov barinov')))).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('pairs an acronym only with itself', () => {
    const acronym = nameForms('kkbc', { acronym: true, analyze: analyzer.analyze })[0]?.tokens ?? [];
    expect(alignParts(acronym, tokens('kkbs')).pairs).toEqual([]);
    expect(pairsOf(alignParts(acronym, acronym))).toEqual([[0, 0]]);
  });

  const similarWords = fc.constantFrom(
    'marinov', 'marinon', 'barinov', 'tarasov', 'tarasow', 'karasov', 'pak', 'park', 'bak', 'kim', 'gim', 'sergei',
    'sergey', 'al', 'abu', 'trading', 'viktorovich',
  );
  const parts = (max: number) => fc.array(similarWords, { minLength: 1, maxLength: max }).map((words) => tokens(words.join(' ')));

  it('pairs one-to-one, above the similarity floor, and accounts for every part', () => {
    fc.assert(
      fc.property(parts(9), parts(9), (query, list) => {
        const alignment = alignParts(query, list);
        const queryIndices = alignment.pairs.map((pair) => pair.queryIndex);
        const listIndices = alignment.pairs.map((pair) => pair.listIndex);
        expect(new Set(queryIndices).size).toBe(queryIndices.length);
        expect(new Set(listIndices).size).toBe(listIndices.length);
        expect([...queryIndices, ...alignment.unmatchedQuery].sort((a, b) => a - b)).toEqual(query.map((_, index) => index));
        expect([...listIndices, ...alignment.unmatchedList].sort((a, b) => a - b)).toEqual(list.map((_, index) => index));
        for (const { queryIndex, listIndex, comparison } of alignment.pairs) {
          expect(comparison.similarity).toBeGreaterThanOrEqual(MIN_PART_SIMILARITY);
          expect(comparison).toEqual(compareParts(query[queryIndex] as NameToken, list[listIndex] as NameToken));
        }
      }),
    );
  });

  it(`finds the best total similarity of all pairings, up to ${EXACT_ALIGNMENT_MAX_PARTS} parts a side`, () => {
    fc.assert(
      fc.property(parts(EXACT_ALIGNMENT_MAX_PARTS), parts(EXACT_ALIGNMENT_MAX_PARTS), (query, list) => {
        const alignment = alignParts(query, list);
        const total = alignment.pairs.reduce(
          (sum, { queryIndex, listIndex }) => sum + pairValue(query[queryIndex] as NameToken, list[listIndex] as NameToken),
          0,
        );
        expect(total).toBeCloseTo(bestTotal(query, list), 9);
      }),
      { numRuns: 300 },
    );
  });
});
