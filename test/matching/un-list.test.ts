import path from 'node:path';
import { loadInvestigation } from '../../src/lists/investigation/load-investigation';
import { loadUnConsolidatedList } from '../../src/lists/un/load-un-list';
import { createMatcher, DEFAULT_THRESHOLD, type NameMatcher } from '../../src/matching/matcher';

const DATA_DIR = path.join(__dirname, '../../data');
const UN_FILE = path.join(DATA_DIR, 'un/consolidated-2024-09-26.xml');

let matcher: NameMatcher;

beforeAll(async () => {
  const [un, investigation] = await Promise.all([loadUnConsolidatedList(UN_FILE), loadInvestigation(DATA_DIR)]);
  matcher = createMatcher([...un.entities, ...investigation.entities]);
});

function found(query: string, entityId: string): boolean {
  return matcher.match({ name: query }).matches.some((match) => match.entityId === entityId);
}

// Real UN entries (McCune–Reischauer as the UN writes it) against the spellings a South Korean bank would hold.
const koreanCases: Array<[string, string]> = [
  ['Bak Chun-il', 'un-KPi.029'],
  ['Park Chun Il', 'un-KPi.029'],
  ['박춘일', 'un-KPi.029'],
  ['Lee Won-ho', 'un-KPi.033'],
  ['Rhee Wonho', 'un-KPi.033'],
  ['리원호', 'un-KPi.033'],
  ['이원호', 'un-KPi.033'],
  ['Kim Cheol-nam', 'un-KPi.044'],
  ['김철남', 'un-KPi.044'],
  ['Choi Chun-young', 'un-KPi.054'],
  ['최춘영', 'un-KPi.054'],
  ['Hyeon Gwang-il', 'un-KPi.015'],
  ['현광일', 'un-KPi.015'],
  ['Jang Seong-cheol', 'un-KPi.056'],
  ['장성철', 'un-KPi.056'],
  ['Choe Seok-min', 'un-KPi.064'],
  ['Jeon Myeong-guk', 'un-KPi.018'],
  ['Korea Ryonbong General Corp.', 'un-KPe.002'],
  ['Tanchon Commercial Bank', 'un-KPe.003'],
  ['Korea Heungjin Trading Co., Ltd.', 'un-KPe.011'],
  ['KCST', 'un-KPe.012'],
];

describe('UN Consolidated List (2024-09-26)', () => {
  it.each(koreanCases)('%s matches %s', (query, entityId) => {
    expect(found(query, entityId)).toBe(true);
  });

  it('a shared family and given syllable is not a match ("Kim Chol" is not KIM CHOL NAM)', () => {
    const scores = matcher.match({ name: 'Kim Chol' }, { threshold: 0, limit: 50 }).matches;
    expect(scores.find((match) => match.entityId === 'un-KPi.044')?.score ?? 0).toBeLessThan(DEFAULT_THRESHOLD);
    expect(matcher.match({ name: 'Kim' }).matches).toEqual([]);
  });

  // Articles and kinship markers written together with the next part, at the default threshold. A name of more than
  // six parts is joined only at its articles: retrieval must still find it, not only the scorer.
  const gluedCases: Array<[string, string]> = [
    ['IBRAHIM AHMAD ABD ALSATTAR MUHAMMED ALTIKRITI', 'un-IQi.013'],
    ['AbuAhmad AlHawen', 'un-QDi.029'],
    // Three parts written as one, linked by a short word: retrieval indexes the run the scorer joins.
    ['TehrikeTaliban Pakistan', 'un-QDe.132'],
    ['LashkareTayyiba', 'un-QDe.118'],
  ];
  it.each(gluedCases)('glued articles: %s matches %s', (query, entityId) => {
    expect(found(query, entityId)).toBe(true);
  });

  // Read from Hangul, the letters are the syllable: 충 (ch'ung: ㅊ, ㅜ) cannot be the list's JONG (ㅈ, ㅓ/ㅗ), while the
  // Latin "Chung" may be a popular spelling of 정 and stays a match.
  it('a Hangul syllable matches only the Latin spellings it can have (손충혁 is not SON JONG HYOK)', () => {
    expect(found('손종혁', 'un-KPi.031')).toBe(true);
    expect(found('Son Chung Hyok', 'un-KPi.031')).toBe(true);
    expect(found('손충혁', 'un-KPi.031')).toBe(false);
  });

  // "Joe" is a one-word low-quality alias of YAZID SUFAAT (MY): alone it stays just below the threshold, with the
  // country it is a match.
  it('a Korean name is read by Korean rules against any list name ("Joo Je" is not the nickname Joe)', () => {
    const isMatchFor = (name: string): boolean =>
      matcher.match({ name, country: 'MY' }).matches.some((match) => match.entityId === 'un-QDi.124' && match.isMatch);
    expect(isMatchFor('Joo Je')).toBe(false);
    expect(isMatchFor('Joe')).toBe(true);
  });

  // Two letters apart in a long patronymic (ISO 9 without diacritics: Razapovic for Ražapovič): further than the typo
  // keys reach, yet the scorer pairs it, so retrieval must not drop the name.
  it('a patronymic two edits away still finds its name (Achmed Razapovic Cataev)', () => {
    expect(found('Achmed Razapovic Cataev', 'un-QDi.365')).toBe(true);
  });

  // The UN gives many acronyms as plain aliases (IMU for the Islamic Movement of Uzbekistan): they match only as
  // written, never as a Korean name read into them.
  it('an organization\'s alias in capitals is an acronym ("Lim Woo" is not IMU)', () => {
    expect(found('IMU', 'un-QDe.010')).toBe(true);
    expect(found('Imu', 'un-QDe.010')).toBe(true);
    expect(found('Lim Woo', 'un-QDe.010')).toBe(false);
  });

  const unlisted = ['Pak Min-jun', 'Kim Ji-woo', 'Lee Seo-yeon', 'Ivan Petrov', 'Anna Tkachuk', 'Korea Fisheries Trading Co'];
  it.each(unlisted)('%s matches nobody', (query) => {
    expect(matcher.match({ name: query }).matches).toEqual([]);
  });
});

describe('investigation subjects', () => {
  const cases: Array<[string, string]> = [
    ['Ткачук Сергей', 'ins-sergei-tkachuk'],
    ['TKACHUK, Sergei Viktorovich', 'ins-sergei-tkachuk'],
    ['Serguei Tkatchouk', 'ins-sergei-tkachuk'],
    ['Intergovernmental Migration Centre', 'ins-mmc'],
    ['ООО «ЛокоТех-Сигнал»', 'ins-locotech-signal'],
    ['Lokotech Signal LLC', 'ins-locotech-signal'],
    ['Piotr Popow', 'ins-pyotr-popov'],
    ['Artyom Tchaika', 'ins-artem-chaika'],
    ['Sergueï Ejov', 'ins-sergei-ezhov'],
  ];
  it.each(cases)('%s matches %s', (query, entityId) => {
    expect(found(query, entityId)).toBe(true);
  });
});

describe('names the project could not verify', () => {
  it('match, but count like a low-quality alias and say so', () => {
    const verified = matcher.match({ name: 'Intergovernmental Migration Center' }).matches[0];
    const unverified = matcher.match({ name: 'Межгосударственный миграционный центр' }).matches[0];
    expect(verified).toMatchObject({ entityId: 'ins-mmc', isMatch: true });
    expect(unverified).toMatchObject({ entityId: 'ins-mmc', isMatch: true, matchedName: 'Межгосударственный миграционный центр' });
    expect(unverified?.score).toBeLessThan(verified?.score ?? 0);
    expect(unverified?.explanation.summary).toMatch(/unverified name/);
    expect(unverified?.explanation.features['aliasQuality']).toBeLessThan(0);
  });
});
