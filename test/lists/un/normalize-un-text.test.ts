import {
  collapseWhitespace,
  isNullPlaceholder,
  normalizeReferenceNumber,
  normalizeUnName,
  normalizeUnNameKeepingRaw,
  toIsoDate,
} from '../../../src/lists/un/normalize-un-text';

describe('normalize-un-text', () => {
  it.each([
    ['KPe.023 ', 'KPe.023'],
    [' QDi.369', 'QDi.369'],
    ['MOUVEMENT POUR\n                  L’UNIFICATION', 'MOUVEMENT POUR L’UNIFICATION'],
    ['a\tb\u00A0 c', 'a b c'],
  ])('collapses whitespace in %j', (input, expected) => {
    expect(collapseWhitespace(input)).toBe(expected);
  });

  it.each([[''], ['   '], ['\n  \n'], [undefined]])('treats %j as absent', (input) => {
    expect(collapseWhitespace(input)).toBeUndefined();
    expect(normalizeUnName(input)).toBeUndefined();
  });

  it('gives a name mixing curly and straight apostrophes one straight apostrophe form', () => {
    expect(normalizeUnName("CH'OE SO’K MIN")).toBe("CH'OE SO'K MIN");
    expect(normalizeUnName('‘ALI ʼABD')).toBe("'ALI 'ABD");
  });

  it('keeps the published name as raw only when normalization changed it', () => {
    expect(normalizeUnNameKeepingRaw("CH'OE SO’K MIN")).toEqual({ value: "CH'OE SO'K MIN", raw: "CH'OE SO’K MIN" });
    expect(normalizeUnNameKeepingRaw('JO ')).toEqual({ value: 'JO', raw: 'JO ' });
    expect(normalizeUnNameKeepingRaw('PAK YONG SIK')).toEqual({ value: 'PAK YONG SIK' });
  });

  it('trims reference numbers without touching their characters', () => {
    expect(normalizeReferenceNumber('KPe.051 ')).toBe('KPe.051');
    expect(normalizeReferenceNumber('KPi.063')).toBe('KPi.063');
  });

  it.each([
    ['2017-09-11', '2017-09-11'],
    ['2015-03-27-04:00', '2015-03-27'],
    ['2024-09-26T00:00:07.514Z', '2024-09-26'],
    ['2020-03-20T19:09:21.822-04:00', '2020-03-20'],
    ['Nov. 1973', undefined],
    ['', undefined],
  ])('reads the calendar date of %j', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it('recognizes the "null" placeholder of empty alias fields', () => {
    expect(isNullPlaceholder('null')).toBe(true);
    expect(isNullPlaceholder(' null ')).toBe(true);
    expect(isNullPlaceholder('1975')).toBe(false);
    expect(isNullPlaceholder(undefined)).toBe(false);
  });
});
