import fc from 'fast-check';
import { nameForms, type NameForm } from '../../../src/matching/normalize/name-forms';
import { createTokenAnalyzer } from '../../../src/matching/normalize/name-tokens';
import { joinedVariants } from '../../../src/matching/normalize/joined-parts';
import {
  BOUND_MARGIN,
  coverageNeededFor,
  isInitialsQuery,
  mayBeFullerQuery,
  retrievalLimitsFor,
  scoreUpperBound,
  unseenPatronymicMass,
} from '../../../src/matching/score/name-score-bound';
import { scoreNamePair, type NameScore, type NameScoreContext } from '../../../src/matching/score/score-name-pair';
import { listAndQuery, nameLike } from '../name-arbitraries';
import { buildStages } from '../stages';

const analyzer = createTokenAnalyzer();
const formsOf = (name: string): NameForm[] => nameForms(name, { analyze: analyzer.analyze });

/** The bound `retrieve` computes, from the alignment the scorer chose: weights of both names, matched masses. */
function boundOf(nameScore: NameScore): number {
  const { queryForm, listForm, alignment } = nameScore;
  const weightOf = (form: NameForm): number => form.tokens.reduce((sum, token) => sum + token.weight, 0);
  let queryMass = 0;
  let listMass = 0;
  for (const { queryIndex, listIndex, comparison } of alignment.pairs) {
    queryMass += (queryForm.tokens[queryIndex]?.weight ?? 0) * comparison.similarity;
    listMass += (listForm.tokens[listIndex]?.weight ?? 0) * comparison.similarity;
  }
  return scoreUpperBound(weightOf(queryForm), weightOf(listForm), queryMass, listMass, mayBeFullerQuery(queryForm.tokens.length), isInitialsQuery(queryForm.tokens));
}

/** Rounding of float sums taken in another order. */
const FLOAT_SLACK = 1e-12;

const context = fc.record({
  listIsPerson: fc.boolean(),
  listIsOrganization: fc.boolean(),
  listIsKorean: fc.boolean(),
  commonFamilyNames: fc.boolean(),
});

describe('the name score bound', () => {
  it('is 1 for names found whole and falls with what is absent', () => {
    expect(scoreUpperBound(2, 2, 2, 2)).toBeCloseTo(1, 12);
    expect(scoreUpperBound(2, 3, 2, 2)).toBeLessThan(1);
    expect(scoreUpperBound(2, 3, 2, 2)).toBeGreaterThan(scoreUpperBound(2, 4, 2, 2));
    expect(scoreUpperBound(2, 2, 0, 0)).toBe(0);
  });

  it('is never below the score of the alignment it was computed from, for any two names', () => {
    fc.assert(
      fc.property(nameLike, nameLike, context, (query, list, flags) => {
        const { commonFamilyNames, ...listFlags } = flags;
        const scoring: NameScoreContext = {
          ...listFlags,
          variantsOf: (form) => joinedVariants(form, analyzer.analyzeJoined),
          isCommonFamilyName: () => commonFamilyNames,
        };
        for (const queryForm of formsOf(query)) {
          for (const listForm of formsOf(list)) {
            const nameScore = scoreNamePair(queryForm, listForm, scoring);
            // Equal where every absent part costs the cheapest cost: the two sums may then differ in the last bit.
            expect(boundOf(nameScore) + FLOAT_SLACK).toBeGreaterThanOrEqual(nameScore.score);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is never below the real name score of a candidate retrieval returns (but for the rounding margin)', () => {
    let compared = 0;
    fc.assert(
      fc.property(listAndQuery, ({ entities, query }) => {
        const stages = buildStages(entities);
        const queryForms = stages.queryForms(query);
        for (const { entityIndex, formIds, scoreBound } of stages.retriever.retrieve(queryForms, {})) {
          if (stages.lookupMissesPair(entityIndex, queryForms)) continue;
          compared += 1;
          expect(scoreBound + BOUND_MARGIN).toBeGreaterThanOrEqual(stages.bestNameScore(entityIndex, queryForms, formIds));
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(300);
  });

  it('counts a long patronymic retrieval did not find as paired two edits away, and nothing else', () => {
    const [form] = formsOf('Sergei Viktorovich Tkachuk');
    const [patronymic, given] = [form?.tokens[1], form?.tokens[0]];
    expect(patronymic?.role).toBe('patronymic');
    expect(unseenPatronymicMass(patronymic!)).toBeCloseTo((patronymic?.weight ?? 0) * (1 - 2 / ('viktorovich'.length + 3)), 12);
    expect(unseenPatronymicMass(given!)).toBe(0);
  });
});

describe('the coverage a target needs', () => {
  it('is 0 when any name could reach the target', () => {
    expect(coverageNeededFor(0)).toBe(0);
    expect(coverageNeededFor(-0.1)).toBe(0);
  });

  it('asks no more than the bound needs: a name sharing that share of equal weight stays at or below the target', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 0.99, noNaN: true }), (target) => {
        const share = coverageNeededFor(target);
        expect(scoreUpperBound(1, share, share, share)).toBeLessThanOrEqual(target);
        // …and is no mere 0: a little more shared reaches it.
        expect(scoreUpperBound(1, share + 0.05, share + 0.05, share + 0.05)).toBeGreaterThanOrEqual(target);
      }),
    );
  });

  it('gives retrieval limits with their margins', () => {
    expect(retrievalLimitsFor(0.81)).toEqual({ minCoverage: coverageNeededFor(0.81), minScoreBound: 0.81 - BOUND_MARGIN });
  });
});
