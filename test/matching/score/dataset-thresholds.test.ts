import { buildDatasetTable, datasetPolicy } from '../../../src/matching/score/dataset-thresholds';
import { isMatch, selectMatches } from '../../../src/matching/score/decision-rule';
import { entityOfNames } from '../../../src/model/entity';

const entities = ['un', 'ofac-sdn', 'un', 'uk-sanctions'].map((dataset, i) =>
  entityOfNames({ id: `e${i}`, type: 'person', dataset, primaryName: 'x', names: [] }),
);
const table = buildDatasetTable(entities);

describe('dataset policy', () => {
  // [case, options, admitted entity indexes, thresholds per entity, lowest]
  const cases: Array<[string, Parameters<typeof datasetPolicy>[1], number[], number[], number | null]> = [
    ['no filter, no per-dataset thresholds', { threshold: 0.81 }, [0, 1, 2, 3], [0.81, 0.81, 0.81, 0.81], 0.81],
    ['a filter', { threshold: 0.81, datasets: new Set(['un']) }, [0, 2], [0.81, 0.81, 0.81, 0.81], 0.81],
    ['a lower threshold for one dataset', { threshold: 0.81, thresholds: { 'ofac-sdn': 0.7 } }, [0, 1, 2, 3], [0.81, 0.7, 0.81, 0.81], 0.7],
    ['a lower threshold for a dataset the filter leaves out', { threshold: 0.81, datasets: new Set(['un']), thresholds: { 'ofac-sdn': 0.7 } }, [0, 2], [0.81, 0.7, 0.81, 0.81], 0.81],
    ['higher thresholds for every dataset', { threshold: 0.81, thresholds: { un: 0.9, 'ofac-sdn': 0.95, 'uk-sanctions': 0.85 } }, [0, 1, 2, 3], [0.9, 0.95, 0.9, 0.85], 0.85],
    ['a filter that admits nothing', { threshold: 0.81, datasets: new Set(['eu']) }, [], [0.81, 0.81, 0.81, 0.81], null],
    ['a dataset named like an object property', { threshold: 0.81, thresholds: { constructor: 0.1 } }, [0, 1, 2, 3], [0.81, 0.81, 0.81, 0.81], 0.81],
  ];

  it.each(cases)('%s', (_, options, admitted, thresholds, lowest) => {
    const policy = datasetPolicy(table, options);
    expect(entities.map((_, i) => i).filter((i) => policy.admits(i))).toEqual(admitted);
    expect(entities.map((_, i) => policy.thresholdOf(i))).toEqual(thresholds);
    expect(policy.lowest).toBe(lowest);
    expect(policy.admitsAll).toBe(admitted.length === entities.length);
  });
});

describe('the decision rule with a threshold per candidate', () => {
  const candidates = [
    { entityIndex: 0, score: 0.75, threshold: 0.7 },
    { entityIndex: 1, score: 0.85, threshold: 0.9 },
    { entityIndex: 2, score: 0.85 },
  ];

  it('keeps each candidate that meets its own threshold, else the one passed', () => {
    expect(selectMatches(candidates, { threshold: 0.81, limit: 10 }).map((c) => c.entityIndex)).toEqual([2, 0]);
  });

  it('judges isMatch by the candidate threshold', () => {
    expect(candidates.map((candidate) => isMatch(candidate, 0.81))).toEqual([true, false, true]);
  });
});
