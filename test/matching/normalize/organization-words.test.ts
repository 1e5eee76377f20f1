import { splitLegalForms } from '../../../src/matching/normalize/legal-forms';
import { normalizeText } from '../../../src/matching/normalize/normalize-text';
import {
  canonicalOrganizationWords,
  canonicalWords,
  compareQualifiers,
  placeQualifier,
  type OrganizationWordsOptions,
} from '../../../src/matching/normalize/organization-words';
import { cyrillicReadings } from '../../../src/matching/normalize/transliterate-cyrillic';

/** The canonical words of a written organization name, its legal forms set aside first. */
function canonical(raw: string, options?: OrganizationWordsOptions) {
  const tokens = normalizeText(raw).split(' ');
  const split = splitLegalForms(tokens);
  return canonicalOrganizationWords(
    split.kept.map((index) => tokens[index] ?? ''),
    options,
  );
}

const words = (raw: string, options?: OrganizationWordsOptions): string => canonical(raw, options).tokens.join(' ');

describe('canonicalWords: abbreviations', () => {
  const cases: Array<[string, string]> = [
    ['munitions industry dept', 'munitions industry department'],
    ["Int'l Congress of Industrialists and Entrepreneurs", 'international congress of industrialists entrepreneurs'],
    ['Intl Congress of Industrialists & Entrepreneurs', 'international congress of industrialists entrepreneurs'],
    ['Natl Assn of Mfg', 'national association of manufacturing'],
    ['Smith Bros Trdg', 'smith brothers trading'],
    ['Korea Mining Dev Corp Trading', 'korea mining development corporation trading'],
    ['Govt Univ Inst of Tech', 'government university institute of technology'],
    ['Ocean Shpg Mgmt Svcs', 'ocean shipping management services'],
    ['Trade Centre', 'trade center'],
    ['Trade Ctr', 'trade center'],
    ['Defence Organisation', 'defense organization'],
  ];
  it.each(cases)('%s reads as %s', (raw, expected) => {
    expect(words(raw)).toBe(expected);
  });

  it('reads JV and Joint Venture alike, legal forms aside', () => {
    expect(words('First Oil Joint Venture Co Ltd')).toBe(words('First Oil JV Co., Ltd.'));
    expect(words('First Oil JV Co., Ltd.')).toBe('1 oil joint venture');
  });

  it('keeps a name that is only "and"', () => {
    expect(canonicalWords(['and'])).toEqual(['and']);
  });
});

describe('canonicalWords: numbers', () => {
  const pairs: Array<[string, string, string]> = [
    ['1st International Bank', 'First International Bank', '1 international bank'],
    ['1 International Bank', 'First International Bank', '1 international bank'],
    ['Brigade Forty-Four', 'Brigade 44', 'brigade 44'],
    ['44th Brigade', 'Forty-fourth Brigade', '44 brigade'],
    ['Second Academy of Natural Sciences', '2nd Academy of Natural Sciences', '2 academy of natural sciences'],
    ['Twenty-First Century Trading', '21st Century Trading', '21 century trading'],
    ['Third Bureau', '3rd Bureau', '3 bureau'],
    ['Factory No. 5', 'Factory 5', 'factory 5'],
    ['Unit One Hundred and Five', 'Unit 105', 'unit 105'],
    ['Plant 007', 'Plant 7', 'plant 7'],
    ['Pervyy Kanal', 'Pervy Kanal', '1 kanal'],
    ['Vtoroi Zavod', 'Vtoroy Zavod', '2 zavod'],
    ['Dvadtsat Pervy Vek', '21 Vek', '21 vek'],
  ];
  it.each(pairs)('%s = %s (%s)', (a, b, expected) => {
    expect(words(a)).toBe(expected);
    expect(words(b)).toBe(expected);
  });

  const cyrillic: Array<[string, string]> = [
    ['первый', '1'],
    ['второй', '2'],
    ['третий', '3'],
    ['четвёртый', '4'],
    ['четвертый', '4'],
    ['пятый', '5'],
    ['шестой', '6'],
    ['седьмой', '7'],
    ['восьмой', '8'],
    ['девятый', '9'],
    ['десятый', '10'],
    ['двенадцатый', '12'],
    ['сороковой', '40'],
    ['первая', '1'],
    ['третье', '3'],
    ['перший', '1'],
    ['другий', '2'],
  ];
  it.each(cyrillic)('%s, as transliterated, is %s', (word, expected) => {
    for (const reading of cyrillicReadings(word)) {
      expect(canonicalWords(normalizeText(reading.text).split(' '))).toEqual([expected]);
    }
  });

  it('drops the Russian ordinal ending written after digits (44-я бригада)', () => {
    const [reading] = cyrillicReadings('44-я бригада');
    expect(canonicalWords(normalizeText(reading?.text ?? '').split(' '))).toEqual(['44', 'brigada']);
  });

  it('keeps long digit runs (codes) as written', () => {
    expect(canonicalWords(['unit', '0123456789012'])).toEqual(['unit', '0123456789012']);
  });
});

describe('canonicalOrganizationWords: qualifiers', () => {
  it('takes "of the KPA" out as an organization qualifier', () => {
    expect(canonical('Reconnaissance General Bureau of the KPA')).toEqual({
      tokens: ['reconnaissance', 'general', 'bureau'],
      qualifiers: [{ kind: 'organization', keys: ['kpa'], words: ['kpa'] }],
    });
    expect(words("Reconnaissance General Bureau of the Korean People's Army")).toBe('reconnaissance general bureau');
  });

  const designations: Array<[string, string, string[]]> = [
    ['Foreign Trade Bank of the DPRK', 'foreign trade bank', ['KP']],
    ["Foreign Trade Bank of the Democratic People's Republic of Korea", 'foreign trade bank', ['KP']],
    ['Foreign Trade Bank of Korea', 'foreign trade bank', ['KP', 'KR']],
    ["Munitions Industry Department of the Workers' Party of Korea", 'munitions industry department', ['wpk']],
    ['Trade Office of the United Arab Emirates', 'trade office', ['AE']],
  ];
  it.each(designations)('%s → %s + %j', (raw, name, keys) => {
    const result = canonical(raw);
    expect(result.tokens.join(' ')).toBe(name);
    expect(result.qualifiers.map((qualifier) => qualifier.keys)).toEqual([keys]);
  });

  const kept: Array<[string, string]> = [
    ['Bank of Korea', 'bank of korea'],
    ['Korea Kwangson Banking Corp', 'korea kwangson banking'],
    ['Central Bank of Iran', 'central bank of iran'],
    ['Bank of China', 'bank of china'],
    ["Workers' Party of Korea", 'workers party of korea'],
    ['Kim Il Sung University of Pyongyang', 'kim il sung university of pyongyang'],
    ['Air Koryo Hong Kong', 'air koryo hong kong'],
  ];
  it.each(kept)('keeps the place in %s', (raw, name) => {
    expect(canonical(raw)).toEqual({ tokens: name.split(' '), qualifiers: [] });
  });

  it('takes a bracketed place at the end out as a place qualifier', () => {
    expect(canonical('Bank of China Hong Kong', { bracketedTail: 2 })).toEqual({
      tokens: ['bank', 'of', 'china'],
      qualifiers: [{ kind: 'place', keys: ['HK'], words: ['hong', 'kong'] }],
    });
    expect(canonical('华信船务 香港', { bracketedTail: 1 }).qualifiers[0]?.keys).toEqual(['HK']);
    expect(canonical('Ryonbong Trading Vladivostok', { bracketedTail: 1 }).qualifiers[0]?.keys).toEqual([
      'city:vladivostok',
      'RU',
    ]);
  });

  it('keeps a bracketed text that is not a place, or that would leave one name word', () => {
    expect(canonical('Bank of China Trade Finance', { bracketedTail: 2 })).toEqual({
      tokens: ['bank', 'of', 'china', 'trade', 'finance'],
      qualifiers: [],
    });
    expect(canonical('Huaxin Hong Kong', { bracketedTail: 2 })).toEqual({
      tokens: ['huaxin', 'hong', 'kong'],
      qualifiers: [],
    });
  });

  it('takes an unbracketed trailing place out only when asked to', () => {
    expect(canonical('Bank of China Hong Kong').qualifiers).toEqual([]);
    expect(canonical('Bank of China Hong Kong', { unbracketedTrailingPlace: true })).toEqual({
      tokens: ['bank', 'of', 'china'],
      qualifiers: [{ kind: 'place', keys: ['HK'], words: ['hong', 'kong'] }],
    });
  });

  const places: Array<[string, string[]]> = [
    ['hong kong', ['HK']],
    ['hong kong sar', ['HK']],
    ['香港', ['HK']],
    ['singapore', ['SG']],
    ['新加坡', ['SG']],
    ['macau', ['MO']],
    ['澳門', ['MO']],
    ['uae', ['AE']],
    ['uk', ['GB']],
    ['usa', ['US']],
    ['dprk', ['KP']],
    ['korea', ['KP', 'KR']],
    ['north korea', ['KP']],
    ['republic of korea', ['KR']],
    ['russian federation', ['RU']],
    ['shanghai', ['city:shanghai', 'CN']],
    ['上海', ['city:shanghai', 'CN']],
    ['pyong yang', ['city:pyongyang', 'KP']],
    ['moskva', ['city:moscow', 'RU']],
  ];
  it.each(places)('reads %s as a place %j', (text, keys) => {
    expect(placeQualifier(text.split(' '))?.keys).toEqual(keys);
  });

  it('reads no place in an ordinary word', () => {
    expect(placeQualifier(['trading'])).toBeNull();
  });
});

describe('compareQualifiers', () => {
  const of = (raw: string, tail: number) => canonical(raw, { bracketedTail: tail }).qualifiers;

  /** As name-forms would read "MAIN (INNER)": legal forms set aside from MAIN, INNER appended as a bracketed tail. */
  function bracketed(main: string, inner: string) {
    const tokens = normalizeText(main).split(' ');
    const tail = normalizeText(inner).split(' ');
    const kept = splitLegalForms(tokens).kept.map((index) => tokens[index] ?? '');
    return canonicalOrganizationWords([...kept, ...tail], { bracketedTail: tail.length });
  }

  it('finds Bank of China (Hong Kong) Limited and Bank of China (Singapore) Ltd in conflict', () => {
    const hongKong = bracketed('Bank of China Limited', 'Hong Kong');
    const singapore = bracketed('Bank of China Ltd', 'Singapore');
    expect(hongKong.tokens).toEqual(['bank', 'of', 'china']);
    expect(singapore.tokens).toEqual(['bank', 'of', 'china']);
    expect(compareQualifiers(hongKong.qualifiers, singapore.qualifiers)).toBe('conflict');
    expect(compareQualifiers(hongKong.qualifiers, bracketed('中国银行', '香港').qualifiers)).toBe('same');
  });

  const cases: Array<[string, number, string, number, string]> = [
    ['Bank of China Hong Kong', 2, 'Bank of China 香港', 1, 'same'],
    ['Bank of China Hong Kong', 2, 'Bank of China', 0, 'absent'],
    ['Reconnaissance General Bureau of the KPA', 0, 'Reconnaissance General Bureau', 0, 'absent'],
    ['Reconnaissance General Bureau of the KPA', 0, 'Reconnaissance General Bureau of KPA', 0, 'same'],
    ['Foreign Trade Bank of Korea', 0, 'Foreign Trade Bank of the DPRK', 0, 'same'],
    ['Ryonbong Trading Moscow', 1, 'Ryonbong Trading Russia', 1, 'same'],
    ['Ryonbong Trading Moscow', 1, 'Ryonbong Trading Vladivostok', 1, 'conflict'],
    ['Ryonbong Trading Moscow', 1, 'Ryonbong Trading Dubai', 1, 'conflict'],
    ['Munitions Industry Department of the WPK', 0, 'Munitions Industry Department of the KPA', 0, 'absent'],
  ];
  it.each(cases)('%s (%i bracketed) vs %s (%i bracketed): %s', (a, tailA, b, tailB, expected) => {
    expect(compareQualifiers(of(a, tailA), of(b, tailB))).toBe(expected);
    expect(compareQualifiers(of(b, tailB), of(a, tailA))).toBe(expected);
  });
});
