import {
  imoCheckDigitAgrees,
  normalizeCountryCode,
  normalizeIdentifier,
  normalizeIdentifierValue,
  queryIdentifiers,
} from '../../../src/matching/normalize/normalize-identifier';
import type { IdentifierScheme } from '../../../src/model/entity';

describe('identifier normalization', () => {
  // [scheme, as written, as compared]
  const values: Array<[IdentifierScheme, string, string]> = [
    ['imo', 'IMO 9176187', '9176187'],
    ['imo', 'IMO9176187', '9176187'],
    ['imo', 'imo: 917-61-87', '9176187'],
    ['imo', 'IMO No. 9176187', '9176187'],
    ['imo', '９１７６１８７', '9176187'],
    ['passport', 'pd 381/420', 'PD381420'],
    ['passport', '745.120.345', '745120345'],
    ['national-id', '12 34 56 – 7', '1234567'],
    ['tax-id', '7707-083-893', '7707083893'],
    // Only an IMO number loses an "IMO" in front.
    ['registration', 'IMO-1', 'IMO1'],
  ];

  it.each(values)('%s "%s" is compared as "%s"', (scheme, written, compared) => {
    expect(normalizeIdentifierValue(scheme, written)).toBe(compared);
  });

  // [seven digits, check digit agrees]: weights 7 6 5 4 3 2 on the first six, the last is their sum mod 10.
  const imoNumbers: Array<[string, boolean]> = [
    ['9176187', true],
    ['9123453', true],
    ['9355123', true],
    ['8812344', true],
    ['9176188', false],
    ['9123456', false],
    ['917618', false],
    ['91761870', false],
    ['917618A', false],
  ];

  it.each(imoNumbers)('IMO %s: check digit agrees is %s', (digits, agrees) => {
    expect(imoCheckDigitAgrees(digits)).toBe(agrees);
  });

  // [written, code]: only ISO alpha-2 codes count as a stated country.
  const countries: Array<[string | undefined, string | null]> = [
    ['KP', 'KP'],
    [' kp ', 'KP'],
    ['PRK', null],
    ["Democratic People's Republic of Korea", null],
    ['', null],
    [undefined, null],
  ];

  it.each(countries)('country %j is %j', (written, code) => {
    expect(normalizeCountryCode(written)).toBe(code);
  });

  it('labels an identifier as explanations quote it, and gives an IMO number no country', () => {
    expect(normalizeIdentifier({ scheme: 'imo', value: '9176187', country: 'KP' })).toMatchObject({ label: 'IMO 9176187', country: null, checks: true });
    expect(normalizeIdentifier({ scheme: 'passport', value: '745 120 345', country: 'kp' })).toMatchObject({ label: 'KP 745120345', country: 'KP' });
    expect(normalizeIdentifier({ scheme: 'passport', value: '745120345' })).toMatchObject({ label: '745120345', country: null });
    expect(normalizeIdentifier({ scheme: 'passport', value: ' - ' })).toBeNull();
  });

  it('keeps the query identifiers that can be compared, once each, and reports the others quoting their value', () => {
    const { identifiers, problems } = queryIdentifiers([
      { scheme: 'imo', value: 'IMO 9176187' },
      { scheme: 'imo', value: '9176187' },
      { scheme: 'imo', value: 'IMO 9176188' },
      { scheme: 'passport', value: '--' },
      { scheme: 'passport', value: '745120345', country: 'KP' },
    ]);
    expect(identifiers.map((identifier) => identifier.label)).toEqual(['IMO 9176187', 'KP 745120345']);
    expect(problems).toEqual(['IMO 9176188: check digit does not agree', 'passport "--": nothing to compare']);
  });
});
