import { createUkCountryResolver, groupRowsByGroupId, mapUkGroup } from '../../../src/lists/uk/map-uk-entity';
import type { UkRawRow } from '../../../src/lists/uk/parse-conlist-rows';

describe('createUkCountryResolver', () => {
  const resolve = createUkCountryResolver();

  it.each([
    ['Russia', 'RU'],
    ['North Korea', 'KP'],
    ["Democratic People's Republic of Korea", 'KP'],
    ['DPRK', 'KP'],
    ['Syria', 'SY'],
    ['Congo (Democratic Republic)', 'CD'],
    ['Afghanistan.', 'AF'],
    ['Georgia (former USSR)', 'GE'],
    ['Occupied Palestinian Territories', 'PS'],
  ])('maps "%s" to %s', (name, code) => {
    expect(resolve(name)).toBe(code);
  });

  it.each(['former USSR (now Belarus)', 'Ukrainian SSR (now Ukraine)', 'Belrus', '(1-3) Libya (4) Morocco'])(
    'leaves the qualified or misspelt "%s" unmapped (its text is kept)',
    (name) => {
      expect(resolve(name)).toBeUndefined();
    },
  );
});

describe('mapUkGroup', () => {
  const context = { listSourceId: 'uk-consolidated-2025-04-14', resolveCountry: createUkCountryResolver() };
  const row = (line: number, cells: Partial<UkRawRow>): UkRawRow => ({
    line,
    groupId: '90001',
    groupType: 'Individual',
    regime: 'Russia',
    listedOn: '15/03/2022',
    lastUpdated: '15/03/2022',
    ...cells,
  });

  it('reads one designation from its name rows, each repeated value once', () => {
    const rows = [
      row(3, { name1: 'Ivan', name6: 'PETROV', aliasType: 'Primary name', dob: '01/02/1970', nationality: 'Russia' }),
      row(4, { name1: 'Ivan', name6: 'PETROV', aliasType: 'Primary name', dob: '00/00/1971', nationality: 'Russia' }),
      row(5, { name1: 'Ivan', name6: 'PETROFF', aliasType: 'AKA', aliasQuality: 'Low quality', dob: '01/02/1970', nationality: 'Russia' }),
      row(6, {
        name1: 'Ivan',
        name6: 'PETROV',
        aliasType: 'Primary name variation',
        nameNonLatinScript: 'Иван ПЕТРОВ',
        nonLatinScriptType: 'Cyrillic',
        nonLatinScriptLanguage: 'Russian',
        nationality: 'Russia',
      }),
    ];
    const entity = mapUkGroup(rows, context);
    expect(entity.names).toEqual([
      { name: 'Ivan PETROV', kind: 'primary', script: 'latin', origin: 'source' },
      { name: 'Ivan PETROFF', kind: 'alias', quality: 'low', script: 'latin', origin: 'source' },
      { name: 'Ivan PETROV', kind: 'alias', script: 'latin', origin: 'source', note: 'UK list: primary name variation' },
      { name: 'Иван ПЕТРОВ', language: 'Russian', kind: 'original-script', script: 'cyrillic', origin: 'source' },
    ]);
    expect(entity.birthDates).toEqual([
      { kind: 'exact', date: '1970-02-01' },
      { kind: 'year', date: '1971' },
    ]);
    expect(entity.nationalities).toEqual(['RU']);
    expect(entity.countries).toEqual(['RU']);
  });

  it('pairs numbered passport numbers with their numbered details and reads the issuing country', () => {
    const entity = mapUkGroup(
      [
        row(3, {
          name6: 'PETROV',
          aliasType: 'Primary name',
          passportNumber: '(1) 123456789 (2) 987654321',
          passportDetails: '(1) Russia number, issued on 1 Jan. 2015 (2) Cyprus passport number',
          nationalIdNumber: '771234567890',
          nationalIdDetails: 'Russian TIN',
        }),
      ],
      context,
    );
    expect(entity.identifiers).toEqual([
      { type: 'Passport', scheme: 'passport', value: '123456789', country: 'RU', note: 'Russia number, issued on 1 Jan. 2015' },
      { type: 'Passport', scheme: 'passport', value: '987654321', country: 'CY', note: 'Cyprus passport number' },
      { type: 'National Identification Number', scheme: 'tax-id', value: '771234567890', country: 'RU', note: 'Russian TIN' },
    ]);
  });

  it('joins the address lines in order, the postal code in the note', () => {
    const entity = mapUkGroup(
      [row(3, { name6: 'PETROV', aliasType: 'Primary name', address1: '1 Okhotny Ryad str', address6: 'Moscow', postCode: '103265', country: 'Russia' })],
      context,
    );
    expect(entity.addresses).toEqual([
      { street: '1 Okhotny Ryad str, Moscow', country: 'Russia', countryCode: 'RU', note: 'postal code 103265' },
    ]);
  });
});

describe('groupRowsByGroupId', () => {
  it('keeps groups in the order their first row appears and rows in file order', () => {
    const rows = [
      { line: 3, groupId: '2' },
      { line: 4, groupId: '1' },
      { line: 5, groupId: '2' },
    ];
    expect(groupRowsByGroupId(rows).map((group) => group.map((r) => r.line))).toEqual([[3, 5], [4]]);
  });
});
