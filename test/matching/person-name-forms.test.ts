import { createMatcher, DEFAULT_THRESHOLD } from '../../src/matching/matcher';
import type { MatchQuery } from '../../src/matching/types';
import { entity } from './fixtures';

/**
 * Persons as banks write them: initials for given names, nicknames and diminutives, and fuller names than the list
 * prints. Each is credited, never to the point that a common family name with an initial is anyone's.
 */

const persons = createMatcher([
  entity({ id: 'putin', type: 'person', primary: 'Vladimir Vladimirovich PUTIN' }),
  entity({ id: 'juncker', type: 'person', primary: 'Jean-Claude JUNCKER' }),
  entity({ id: 'doe', type: 'person', primary: 'Theodore DOE' }),
  entity({ id: 'salek', type: 'person', primary: 'ABDULHAI SALEK' }),
  entity({ id: 'patek', type: 'person', primary: 'UMAR PATEK' }),
  entity({ id: 'kim-1', type: 'person', primary: 'Andrei KIM' }),
  entity({ id: 'kim-2', type: 'person', primary: 'Boris KIM' }),
  entity({ id: 'kim-3', type: 'person', primary: 'Anatoly KIM' }),
  entity({ id: 'ivanov', type: 'person', primary: 'Aleksandr Petrovich IVANOV' }),
  entity({ id: 'kim-chol', type: 'person', primary: 'KIM CHOL', countries: ['KP'] }),
  entity({ id: 'bill-trading', type: 'organization', primary: 'William Trading Company' }),
]);

function matchOf(query: MatchQuery | string, entityId: string) {
  const q = typeof query === 'string' ? { name: query } : query;
  return persons.match(q, { threshold: 0, limit: 50 }).matches.find((m) => m.entityId === entityId);
}

const isMatch = (query: string, entityId: string): boolean => (matchOf(query, entityId)?.score ?? 0) >= DEFAULT_THRESHOLD;

describe('initials', () => {
  it.each([
    ['V. Putin', 'putin'],
    ['V. V. Putin', 'putin'],
    ['J.-C. Juncker', 'juncker'],
    ['Juncker, J.C.', 'juncker'],
  ])('%s matches %s, the initial named in the explanation', (query, entityId) => {
    expect(isMatch(query, entityId)).toBe(true);
    expect(matchOf(query, entityId)?.explanation.summary).toMatch(/initial/);
  });

  it('an initial counts for less than the name written out', () => {
    expect(matchOf('V. Putin', 'putin')?.score).toBeLessThan(matchOf('Vladimir Putin', 'putin')?.score ?? 0);
  });

  it('an initial of another letter is no initial', () => {
    expect(isMatch('K. Putin', 'putin')).toBe(false);
  });

  it('an initial beside a family name the list holds three times says nothing: A. Kim is nobody in particular', () => {
    expect(isMatch('A. Kim', 'kim-1')).toBe(false);
    expect(isMatch('A. Kim', 'kim-3')).toBe(false);
    expect(isMatch('Andrei Kim', 'kim-1')).toBe(true);
  });

  it('organizations have no initials', () => {
    expect(isMatch('W Trading Company', 'bill-trading')).toBe(false);
  });
});

describe('nicknames and diminutives', () => {
  it.each([
    ['Ted Doe', 'doe'],
    ['Sasha Ivanov', 'ivanov'],
    ['Саша Иванов', 'ivanov'],
  ])('%s matches %s as a short form', (query, entityId) => {
    expect(isMatch(query, entityId)).toBe(true);
    expect(matchOf(query, entityId)?.explanation.summary).toMatch(/short form/);
  });

  it('a nickname of another name is a different name', () => {
    expect(isMatch('Bill Doe', 'doe')).toBe(false);
    expect(isMatch('Volodya Ivanov', 'ivanov')).toBe(false);
  });

  it('an organization word is not a nickname', () => {
    expect(isMatch('Bill Trading Company', 'bill-trading')).toBe(false);
  });
});

describe('a query fuller than the listing', () => {
  it.each([
    ['ABDULHAI ABDUL GHAFOOR SALEK', 'salek'],
    ['UMAR PATEK ABDULLAH ANSHORI', 'patek'],
    ['Aleksandr Petrovich Ivanov Jr Smirnov', 'ivanov'],
  ])('%s holds every listed part of %s and matches', (query, entityId) => {
    expect(isMatch(query, entityId)).toBe(true);
  });

  it('a query missing a listed part is not fuller', () => {
    expect(isMatch('ABDULHAI ABDUL GHAFOOR', 'salek')).toBe(false);
  });

  it('a Korean name with a syllable more is another name', () => {
    expect(isMatch('KIM CHOL NAM', 'kim-chol')).toBe(false);
  });
});
