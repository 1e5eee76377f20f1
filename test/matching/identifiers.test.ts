import { createMatcher, DEFAULT_THRESHOLD, IDENTIFIER_SUPPORT_BONUS } from '../../src/matching/matcher';
import { CONFLICT_PENALTY } from '../../src/matching/score/conflicts';
import { possibleBonus } from '../../src/matching/score/score-candidate';
import type { MatchQuery, MatchResult, QueryIdentifier } from '../../src/matching/types';
import { entityOfNames, type CanonicalEntity, type EntityType, type Identifier } from '../../src/model/entity';

interface ListedSpec {
  id: string;
  type: EntityType;
  primary: string;
  identifiers: Identifier[];
  countries?: string[];
}

function listed(spec: ListedSpec): CanonicalEntity {
  return {
    ...entityOfNames({
      id: spec.id,
      type: spec.type,
      dataset: 'test',
      primaryName: spec.primary,
      names: [{ name: spec.primary, kind: 'primary', script: 'latin', origin: 'source' }],
      riskLevel: 'high',
      ...(spec.countries ? { countries: spec.countries } : {}),
    }),
    identifiers: spec.identifiers,
  };
}

// IMO numbers here check (weights 7 6 5 4 3 2, sum mod 10): 9176187, 9123453, 9355123; 9355124 and 9176188 do not.
const ENTITIES: CanonicalEntity[] = [
  listed({ id: 'ocean-star', type: 'vessel', primary: 'OCEAN STAR', identifiers: [{ type: 'IMO', scheme: 'imo', value: '9176187' }] }),
  listed({ id: 'sea-breeze', type: 'vessel', primary: 'SEA BREEZE', identifiers: [{ type: 'IMO', scheme: 'imo', value: 'IMO 9123453' }] }),
  // The list's typo: 9355123 checks, 9355124 does not.
  listed({ id: 'golden-harvest', type: 'vessel', primary: 'GOLDEN HARVEST', identifiers: [{ type: 'IMO', scheme: 'imo', value: '9355124' }] }),
  listed({
    id: 'kim-chol-nam',
    type: 'person',
    primary: 'KIM CHOL NAM',
    countries: ['KP'],
    identifiers: [
      { type: 'Passport', scheme: 'passport', value: '745120345', country: 'KP' },
      { type: 'National Identification Number', scheme: 'national-id', value: '1234567', country: 'KP' },
    ],
  }),
  // A passport the list gives without its issuing country.
  listed({ id: 'ri-song-ho', type: 'person', primary: 'RI SONG HO', identifiers: [{ type: 'Passport', scheme: 'passport', value: 'PD 381420' }] }),
  listed({
    id: 'romashka',
    type: 'organization',
    primary: 'Romashka Trading LLC',
    countries: ['RU'],
    identifiers: [
      { type: 'INN', scheme: 'tax-id', value: '7707083893', country: 'RU' },
      { type: 'OGRN', scheme: 'registration', value: '1027700132195', country: 'RU' },
    ],
  }),
  // An identifier without a scheme takes no part.
  listed({ id: 'petr-ivanov', type: 'person', primary: 'PETR IVANOV', identifiers: [{ type: 'Passport', value: '555000111' }] }),
];

const matcher = createMatcher(ENTITIES);

function resultFor(query: MatchQuery, entityId: string, options = {}): MatchResult | undefined {
  return matcher.match(query, { limit: 50, ...options }).matches.find((match) => match.entityId === entityId);
}

function featureSum(result: MatchResult | undefined): number {
  return Object.values(result?.explanation.features ?? {}).reduce((total, value) => total + value, 0);
}

const imo = (value: string): QueryIdentifier => ({ scheme: 'imo', value });
const passport = (value: string, country?: string): QueryIdentifier => (country ? { scheme: 'passport', value, country } : { scheme: 'passport', value });

describe('IMO numbers', () => {
  // [how it is written]: each finds OCEAN STAR (IMO 9176187) under a name that is not its own.
  const writings: Array<[string]> = [['9176187'], ['IMO 9176187'], ['IMO9176187'], ['imo 917-6187'], [' 917 61 87 '], ['IMO No. 9176187'], ['9176.187'], ['917/6187']];

  it.each(writings)('"%s" finds the vessel at score 1 whatever the name says', (value) => {
    const outcome = matcher.match({ name: 'Blue Dolphin', identifiers: [imo(value)] });
    expect(outcome.identifierProblems).toBeUndefined();
    const [best] = outcome.matches;
    expect(best).toMatchObject({ entityId: 'ocean-star', score: 1, isMatch: true, matchedName: 'OCEAN STAR' });
    expect(best?.conflicts).toBeUndefined();
    expect(best?.explanation.summary).toContain('IMO 9176187 agrees (identifier decides the match)');
    expect(best?.explanation.features['identifier']).toBeGreaterThan(0);
    expect(Math.min(1, featureSum(best))).toBeCloseTo(1, 3);
  });

  it('finds the vessel by its IMO number with no name at all', () => {
    const [best] = matcher.match({ name: '', identifiers: [imo('IMO 9176187')] }).matches;
    expect(best).toMatchObject({ entityId: 'ocean-star', score: 1, isMatch: true });
    expect(best?.explanation).toMatchObject({ queryForm: 'IMO 9176187', listForm: 'IMO 9176187' });
  });

  it('finds a vessel whose list value carries the "IMO" prefix', () => {
    expect(resultFor({ name: 'Unknown', identifiers: [imo('9123453')] }, 'sea-breeze')).toMatchObject({ score: 1, isMatch: true });
  });

  it('returns one candidate when the name and the IMO number find the same vessel', () => {
    const matches = matcher.match({ name: 'OCEAN STAR', identifiers: [imo('9176187')] }).matches.filter((m) => m.entityId === 'ocean-star');
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ score: 1, isMatch: true });
    expect(matches[0]?.explanation.summary).toMatch(/^IMO 9176187 agrees \(identifier decides the match\)/);
    expect(Math.min(1, featureSum(matches[0]))).toBeCloseTo(1, 3);
  });

  // [query IMO, problem]: neither matches nor contradicts anything.
  const badValues: Array<[string, string]> = [
    ['IMO 9176188', 'IMO 9176188: check digit does not agree'],
    ['9123454', 'IMO 9123454: check digit does not agree'],
    ['IMO 917618', 'IMO "IMO 917618": not a seven-digit IMO number'],
  ];

  it.each(badValues)('"%s" finds nothing and is reported', (value, problem) => {
    const outcome = matcher.match({ name: 'Blue Dolphin', identifiers: [imo(value)] });
    expect(outcome.matches).toEqual([]);
    expect(outcome.identifierProblems).toEqual([problem]);
  });

  it('does not make a bad IMO number a conflict with the vessel its name finds', () => {
    const best = resultFor({ name: 'OCEAN STAR', identifiers: [imo('IMO 9176188')] }, 'ocean-star');
    expect(best).toMatchObject({ score: 1, isMatch: true });
    expect(best?.conflicts).toBeUndefined();
  });

  it('makes another IMO number a conflict for the vessel the name finds, and finds the vessel the number belongs to', () => {
    const outcome = matcher.match({ name: 'OCEAN STAR', identifiers: [imo('IMO 9123453')] });
    expect(outcome.matches.find((m) => m.entityId === 'sea-breeze')).toMatchObject({ score: 1, isMatch: true });
    const named = outcome.matches.find((m) => m.entityId === 'ocean-star');
    expect(named).toMatchObject({ isMatch: false, conflicts: ['IMO differs (IMO 9123453 vs IMO 9176187)'] });
    expect(named?.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(named?.explanation.features['identifierConflict']).toBe(CONFLICT_PENALTY);
  });

  it('compares a list IMO number that fails its check digit as written: it contradicts another number, saying so', () => {
    const named = resultFor({ name: 'GOLDEN HARVEST', identifiers: [imo('9355123')] }, 'golden-harvest');
    expect(named).toMatchObject({ isMatch: false, conflicts: ['IMO differs (IMO 9355123 vs IMO 9355124, which fails its check digit)'] });
  });
});

describe('passports', () => {
  // [case, query, expected score, isMatch]
  const cases: Array<[string, MatchQuery, string, number, boolean]> = [
    ['exact number, same country', { name: 'Unrelated Person', identifiers: [passport('745120345', 'KP')] }, 'kim-chol-nam', 1, true],
    ['exact number, written with dashes and lower case country', { name: 'Unrelated Person', identifiers: [passport('745-120-345', 'kp')] }, 'kim-chol-nam', 1, true],
    ['exact number, no country in the query', { name: 'Unrelated Person', identifiers: [passport('745120345')] }, 'kim-chol-nam', 1, true],
    ['exact number, no country on the list', { name: 'Unrelated Person', identifiers: [passport('PD381420', 'KP')] }, 'ri-song-ho', 1, true],
    ['exact number and exact name', { name: 'KIM CHOL NAM', identifiers: [passport('745120345', 'KP')] }, 'kim-chol-nam', 1, true],
  ];

  it.each(cases)('%s: a match at score 1', (_, query, entityId, score, isMatch) => {
    const result = resultFor(query, entityId);
    expect(result).toMatchObject({ score, isMatch });
    expect(result?.conflicts).toBeUndefined();
    expect(result?.explanation.summary).toMatch(/passport (KP )?(745120345|PD381420) agrees \(identifier decides the match\)/);
  });

  it('does not decide a match with the same number issued by another country', () => {
    expect(resultFor({ name: 'Unrelated Person', identifiers: [passport('745120345', 'RU')] }, 'kim-chol-nam')).toBeUndefined();
  });

  it('makes another number of the same country a conflict, even for the exact name', () => {
    const result = resultFor({ name: 'KIM CHOL NAM', identifiers: [passport('563410081', 'KP')] }, 'kim-chol-nam');
    expect(result).toMatchObject({ isMatch: false, conflicts: ['passport differs (KP 563410081 vs KP 745120345)'] });
    expect(result?.score).toBeCloseTo(1 + CONFLICT_PENALTY, 4);
    expect(result?.explanation.summary).toMatch(/^conflict: passport differs/);
  });

  // [case, identifiers]: the name's own score and verdict, untouched.
  const noEffect: Array<[string, QueryIdentifier[]]> = [
    ['another country', [passport('563410081', 'RU')]],
    ['no country in the query', [passport('563410081')]],
    ['no country on the list', [passport('563410081', 'KP')]],
  ];

  it.each(noEffect)('leaves a different number from %s without effect', (label, identifiers) => {
    const entityId = label === 'no country on the list' ? 'ri-song-ho' : 'kim-chol-nam';
    const name = entityId === 'ri-song-ho' ? 'RI SONG HO' : 'KIM CHOL NAM';
    const plain = resultFor({ name }, entityId);
    const withPassport = resultFor({ name, identifiers }, entityId);
    expect(withPassport).toMatchObject({ score: plain?.score, isMatch: true });
    expect(withPassport?.conflicts).toBeUndefined();
    expect(withPassport?.explanation.features).toMatchObject({ identifierAgreement: 0, identifierConflict: 0 });
  });

  it('is no conflict when the list holds another passport of that scheme that agrees', () => {
    const result = resultFor({ name: 'KIM CHOL NAM', identifiers: [passport('563410081', 'KP'), passport('745120345', 'KP')] }, 'kim-chol-nam');
    expect(result).toMatchObject({ score: 1, isMatch: true });
    expect(result?.conflicts).toBeUndefined();
  });

  it('still names what else contradicts a candidate a passport decides (a conflict is for the analyst)', () => {
    const result = resultFor(
      { name: 'KIM CHOL NAM', identifiers: [passport('745120345', 'KP'), { scheme: 'national-id', value: '7654321', country: 'KP' }] },
      'kim-chol-nam',
    );
    expect(result).toMatchObject({ isMatch: false, conflicts: ['national id differs (KP 7654321 vs KP 1234567)'] });
  });

  it('ignores list identifiers without a scheme', () => {
    expect(matcher.match({ name: 'Unrelated Person', identifiers: [passport('555000111')] }).matches).toEqual([]);
  });
});

describe('national ids, tax ids and registration numbers', () => {
  const taxId = (value: string): QueryIdentifier => ({ scheme: 'tax-id', value, country: 'RU' });

  it('raises the score a little when a tax id agrees', () => {
    const name = 'Romashka Tradng';
    const plain = resultFor({ name }, 'romashka', { threshold: 0 });
    const supported = resultFor({ name, identifiers: [taxId('7707083893')] }, 'romashka', { threshold: 0 });
    expect(plain?.score).toBeLessThan(1 - IDENTIFIER_SUPPORT_BONUS);
    expect((supported?.score ?? 0) - (plain?.score ?? 0)).toBeCloseTo(IDENTIFIER_SUPPORT_BONUS, 4);
    expect(supported?.explanation.features['identifierAgreement']).toBe(IDENTIFIER_SUPPORT_BONUS);
    expect(supported?.explanation.summary).toContain('tax id RU 7707083893 agrees');
  });

  it('adds the bonus once however many supporting identifiers agree', () => {
    const name = 'Romashka Tradng';
    const plain = resultFor({ name }, 'romashka', { threshold: 0 });
    const identifiers: QueryIdentifier[] = [taxId('7707-083-893'), { scheme: 'registration', value: '1027700132195', country: 'RU' }];
    const supported = resultFor({ name, identifiers }, 'romashka', { threshold: 0 });
    expect((supported?.score ?? 0) - (plain?.score ?? 0)).toBeCloseTo(IDENTIFIER_SUPPORT_BONUS, 4);
  });

  // [unrelated name]: the tax id and registration number agree, the name does not: no match.
  const unrelated: Array<[string]> = [['Acme Holdings'], [''], ['Kim Chol Nam']];

  it.each(unrelated)('never makes a match of "%s" on supporting identifiers alone', (name) => {
    const identifiers: QueryIdentifier[] = [taxId('7707083893'), { scheme: 'registration', value: '1027700132195' }];
    const result = resultFor({ name, identifiers }, 'romashka');
    expect(result?.isMatch ?? false).toBe(false);
  });

  it('makes no conflict of a tax id that differs', () => {
    const result = resultFor({ name: 'Romashka Trading LLC', identifiers: [taxId('7700000000')] }, 'romashka');
    expect(result).toMatchObject({ isMatch: true });
    expect(result?.conflicts).toBeUndefined();
  });

  it('makes a national id of the same country that differs a conflict, and one that agrees support', () => {
    const nationalId = (value: string): QueryIdentifier => ({ scheme: 'national-id', value, country: 'KP' });
    expect(resultFor({ name: 'KIM CHOL NAM', identifiers: [nationalId('7654321')] }, 'kim-chol-nam')).toMatchObject({
      isMatch: false,
      conflicts: ['national id differs (KP 7654321 vs KP 1234567)'],
    });
    const supported = resultFor({ name: 'KIM CHOL NAM', identifiers: [nationalId('1234567')] }, 'kim-chol-nam');
    expect(supported).toMatchObject({ isMatch: true });
    expect(supported?.explanation.features['identifierAgreement']).toBe(IDENTIFIER_SUPPORT_BONUS);
  });

  it('counts the supporting bonus among what retrieval allows for, so a name just short of the threshold is not lost', () => {
    expect(possibleBonus({ name: 'x', identifiers: [taxId('1')] }, [])).toBeCloseTo(IDENTIFIER_SUPPORT_BONUS, 10);
    expect(possibleBonus({ name: 'x', identifiers: [imo('9176187')] }, [])).toBe(0);
  });
});
