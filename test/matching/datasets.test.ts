import { createMatcher, DEFAULT_THRESHOLD } from '../../src/matching/matcher';
import { CANDIDATE_ENTITIES_PER_QUERY } from '../../src/matching/index/retrieve-candidates';
import type { MatchOptions, MatchQuery } from '../../src/matching/types';
import { entityOfNames, type CanonicalEntity, type EntityType, type Identifier } from '../../src/model/entity';

function listed(id: string, dataset: string, primary: string, type: EntityType = 'person', identifiers: Identifier[] = []): CanonicalEntity {
  return {
    ...entityOfNames({ id, type, dataset, primaryName: primary, names: [{ name: primary, kind: 'primary', script: 'latin', origin: 'source' }], riskLevel: 'high' }),
    identifiers,
  };
}

const ENTITIES: CanonicalEntity[] = [
  listed('un-petrov', 'un', 'Ivan Petrov'),
  listed('ofac-petrov', 'ofac-sdn', 'Ivan Petrov'),
  listed('uk-petrov', 'uk-sanctions', 'Ivan Petrov'),
  listed('ofac-ship', 'ofac-sdn', 'OCEAN STAR', 'vessel', [{ type: 'IMO', scheme: 'imo', value: '9176187' }]),
  listed('un-ship', 'un', 'SEA BREEZE', 'vessel', [{ type: 'IMO', scheme: 'imo', value: '9123453' }]),
  listed('ofac-handle', 'ofac-sdn', 'Petr Sidorov'),
];
ENTITIES[5]?.names.push({ name: '@petrsid', kind: 'identifier', script: 'latin', origin: 'source' });

const matcher = createMatcher(ENTITIES);

function idsOf(query: MatchQuery, options: MatchOptions): string[] {
  return matcher.match(query, { limit: 50, ...options }).matches.map((match) => match.entityId).sort();
}

describe('the datasets filter', () => {
  // [case, query, datasets, entity ids returned]
  const cases: Array<[string, MatchQuery, string[], string[]]> = [
    ['a name', { name: 'Ivan Petrov' }, ['un'], ['un-petrov']],
    ['a name, two datasets', { name: 'Ivan Petrov' }, ['un', 'uk-sanctions'], ['uk-petrov', 'un-petrov']],
    ['a name, a dataset the matcher lacks', { name: 'Ivan Petrov' }, ['eu'], []],
    ['an IMO number of another dataset', { name: 'Blue Dolphin', identifiers: [{ scheme: 'imo', value: 'IMO 9176187' }] }, ['un'], []],
    ['an IMO number of an admitted dataset', { name: 'Blue Dolphin', identifiers: [{ scheme: 'imo', value: 'IMO 9176187' }] }, ['ofac-sdn'], ['ofac-ship']],
    ['a handle of another dataset', { name: '@petrsid' }, ['un'], []],
    ['a handle of an admitted dataset', { name: '@petrsid' }, ['ofac-sdn'], ['ofac-handle']],
  ];

  it.each(cases)('%s: keeps only entities of the datasets asked for', (_, query, datasets, expected) => {
    expect(idsOf(query, { datasets: new Set(datasets) })).toEqual(expected);
  });

  it('returns every dataset when no filter is given', () => {
    expect(idsOf({ name: 'Ivan Petrov' }, {})).toEqual(['ofac-petrov', 'uk-petrov', 'un-petrov']);
  });

  it('filters before retrieval keeps its best candidates, so other datasets never crowd an admitted one out', () => {
    // More namesakes than retrieval passes on, among enough other names that "Ivan" and "Petrov" are not too common to vote.
    const syllables = ['ka', 'lo', 'mu', 'ne', 'si', 'ta', 'ru', 'fo', 'ge', 'hu'];
    const word = (n: number) => [n % 10, Math.floor(n / 10) % 10, Math.floor(n / 100) % 10].map((i) => syllables[i]).join('');
    const others = Array.from({ length: 500 }, (_, i) => listed(`other-${i}`, 'crowd', `${word(i)} ${word(999 - i)}`));
    const crowd = Array.from({ length: CANDIDATE_ENTITIES_PER_QUERY + 20 }, (_, i) => listed(`crowd-${i}`, 'crowd', 'Ivan Petrov'));
    const crowded = createMatcher([...others, ...crowd, listed('last', 'few', 'Ivan Petrov')]);
    // Unfiltered, the namesakes listed first take every place retrieval has.
    expect(crowded.match({ name: 'Ivan Petrov' }, { limit: 200 }).matches.map((match) => match.entityId)).not.toContain('last');
    const matches = crowded.match({ name: 'Ivan Petrov' }, { datasets: new Set(['few']) }).matches;
    expect(matches.map((match) => match.entityId)).toEqual(['last']);
  });
});

describe('per-dataset thresholds', () => {
  // "Ivan Petrow" scores below 1 and above the default threshold against "Ivan Petrov".
  const query: MatchQuery = { name: 'Ivan Petrow' };
  const nameScore = matcher.match(query, { limit: 50 }).matches.find((match) => match.entityId === 'un-petrov')?.score ?? 0;

  it('has a name score between the default threshold and 1 to work with', () => {
    expect(nameScore).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(nameScore).toBeLessThan(1);
  });

  it('holds each candidate to its dataset threshold and says which threshold applied', () => {
    const matches = matcher.match(query, { limit: 50, thresholds: { 'ofac-sdn': 0.99, un: 0.5 } }).matches;
    expect(matches.map((match) => [match.entityId, match.threshold, match.isMatch])).toEqual([
      ['un-petrov', 0.5, true],
      ['uk-petrov', DEFAULT_THRESHOLD, true],
    ]);
  });

  it('uses the query threshold for datasets without one of their own', () => {
    const matches = matcher.match(query, { limit: 50, threshold: 0.9, thresholds: { un: 0.7 } }).matches;
    for (const match of matches) expect(match.threshold).toBe(match.entityId === 'un-petrov' ? 0.7 : 0.9);
  });

  it('retrieves for the lowest threshold in force, so a lower dataset threshold finds weaker names', () => {
    const weak: MatchQuery = { name: 'Ivan Petrenko' };
    const plain = matcher.match(weak, { limit: 50, threshold: 0 }).matches.find((match) => match.entityId === 'un-petrov');
    expect(plain?.score ?? 1).toBeLessThan(DEFAULT_THRESHOLD);
    const low = (plain?.score ?? 0) - 0.01;
    const matches = matcher.match(weak, { limit: 50, thresholds: { un: low } }).matches;
    expect(matches.map((match) => [match.entityId, match.isMatch, match.threshold])).toEqual([['un-petrov', true, low]]);
  });

  it('judges an identifier match by its dataset threshold too', () => {
    const [match] = matcher.match({ name: '', identifiers: [{ scheme: 'imo', value: '9176187' }] }, { thresholds: { 'ofac-sdn': 0.95 } }).matches;
    expect(match).toMatchObject({ entityId: 'ofac-ship', score: 1, isMatch: true, threshold: 0.95 });
  });

  it('ignores a threshold given for a dataset the matcher lacks', () => {
    const matches = matcher.match(query, { limit: 50, thresholds: { eu: 0.1 } }).matches;
    expect(matches.every((match) => match.threshold === DEFAULT_THRESHOLD)).toBe(true);
  });
});
