import type { BirthDate } from '../../../src/model/entity';
import { cellValues, enumeratedValues, readBirthDates, ukDateToIso } from '../../../src/lists/uk/read-uk-values';

describe('readBirthDates', () => {
  const cases: Array<[string, BirthDate[]]> = [
    ['23/10/1966', [{ kind: 'exact', date: '1966-10-23' }]],
    ['00/00/1961', [{ kind: 'year', date: '1961' }]],
    ['1951', [{ kind: 'year', date: '1951' }]],
    ['00/08/1960', [{ kind: 'year', date: '1960', note: 'month 08/1960 (published "00/08/1960")' }]],
    ['05/1973', [{ kind: 'year', date: '1973', note: 'month 05/1973 (published "05/1973")' }]],
    ['circa 1960', [{ kind: 'exact', note: 'published date "circa 1960"' }]],
    ['(1) 01/08/1970 (2) 00/00/1974', [{ kind: 'exact', date: '1970-08-01' }, { kind: 'year', date: '1974' }]],
  ];

  it.each(cases)('reads DOB "%s"', (published, expected) => {
    expect(readBirthDates(published)).toEqual(expected);
  });

  it('reads a blank DOB as no date', () => {
    expect(readBirthDates(undefined)).toEqual([]);
    expect(readBirthDates('  ')).toEqual([]);
  });
});

describe('ukDateToIso', () => {
  it.each([
    ['14/04/2025', '2025-04-14'],
    ['1/2/2020', '2020-02-01'],
    ['00/00/2020', undefined],
    ['2025-04-14', undefined],
    [undefined, undefined],
  ])('reads %s as %s', (published, expected) => {
    expect(ukDateToIso(published)).toBe(expected);
  });
});

describe('enumeratedValues', () => {
  it('splits a cell numbered "(1) … (2) …", keeping a "-" slot as a blank in its place', () => {
    expect(enumeratedValues('(1) - (2) Occupied Palestinian Territories')).toEqual([undefined, 'Occupied Palestinian Territories']);
    expect(enumeratedValues('(1) Mullah (2) Maulavi')).toEqual(['Mullah', 'Maulavi']);
    expect(cellValues('(1) A-333602 (2) M110522 (3)  R841697 ')).toEqual(['A-333602', 'M110522', 'R841697']);
  });

  it('keeps a cell that is not numbered whole, parentheses included', () => {
    expect(enumeratedValues('Cleric (“Pir”) of Bharchundi Sharif Shrine')).toEqual(['Cleric (“Pir”) of Bharchundi Sharif Shrine']);
    expect(enumeratedValues(undefined)).toEqual([]);
  });
});
