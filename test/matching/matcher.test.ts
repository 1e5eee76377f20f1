import { createMatcher, DEFAULT_THRESHOLD, MATCHER_ALGORITHM } from '../../src/matching/matcher';
import type { MatchQuery } from '../../src/matching/types';
import { entity, FIXTURE_ENTITIES, name } from './fixtures';

const matcher = createMatcher(FIXTURE_ENTITIES);

function scoreFor(query: MatchQuery | string, entityId: string): number {
  const q = typeof query === 'string' ? { name: query } : query;
  return matcher.match(q, { threshold: 0, limit: 50 }).matches.find((m) => m.entityId === entityId)?.score ?? 0;
}

function matches(query: MatchQuery | string, entityId: string): boolean {
  const q = typeof query === 'string' ? { name: query } : query;
  return matcher.match(q).matches.some((m) => m.entityId === entityId && m.isMatch);
}

describe('createMatcher', () => {
  it('names its algorithm "<name>@<semver>" and documents its operating point', () => {
    expect(MATCHER_ALGORITHM).toMatch(/^[a-z0-9-]+@\d+\.\d+\.\d+$/);
    expect(matcher.algorithm).toBe(MATCHER_ALGORITHM);
    expect(DEFAULT_THRESHOLD).toBeGreaterThan(0.5);
    expect(DEFAULT_THRESHOLD).toBeLessThan(1);
  });

  it('reports how its index was built', () => {
    const started = performance.now();
    const built = createMatcher([
      entity({ id: 'a', type: 'person', primary: 'Ivan Petrov' }),
      entity({ id: 'b', type: 'person', primary: 'Иван Сидоров', names: [name('@ivansid', { kind: 'identifier' })] }),
    ]);
    const elapsed = performance.now() - started;
    // Forms: "ivan petrov" and "ivan sidorov" (the Cyrillic name read once); the handle is looked up, not indexed.
    // Parts: ivan, petrov, sidorov, and each name's two parts written as one, ivanpetrov and ivansidorov.
    expect(built.stats).toMatchObject({ entities: 2, forms: 2, vocabulary: 5 });
    expect(Number.isInteger(built.stats.buildMs)).toBe(true);
    expect(built.stats.buildMs).toBeGreaterThanOrEqual(0);
    expect(built.stats.buildMs).toBeLessThanOrEqual(Math.ceil(elapsed));
  });
});

// [query, entity id]: each query must be found at the default threshold.
const positives: Array<[string, string]> = [
  // exact, case, punctuation
  ['PAK YONG SIK', 'pak-yong-sik'],
  ['pak yong-sik', 'pak-yong-sik'],
  ["CH'OE CH'UN-YO'NG", 'choe-chun-yong'],
  ['Choe Chun Yong', 'choe-chun-yong'],
  // reordered and comma-reversed
  ['YONG SIK PAK', 'pak-yong-sik'],
  ['TKACHUK, Sergei', 'sergei-tkachuk'],
  ['Tkachuk Sergei Viktorovich', 'sergei-tkachuk'],
  // Korean: Revised Romanization and popular spellings of the UN's McCune–Reischauer
  ['Bak Yeong-sik', 'pak-yong-sik'],
  ['Park Yong-sik', 'pak-yong-sik'],
  ['Park Yongsik', 'pak-yong-sik'],
  ['Park Young Shik', 'pak-yong-sik'],
  ['Lee Won-ho', 'ri-won-ho'],
  ['Rhee Won Ho', 'ri-won-ho'],
  ['Yi Won-ho', 'ri-won-ho'],
  ['I Won Ho', 'ri-won-ho'],
  ['Choi Chun-young', 'choe-chun-yong'],
  ['Kim Cheol-nam', 'kim-chol-nam'],
  ['Gim Chul Nam', 'kim-chol-nam'],
  ['Kim Sung-chul', 'kim-song-chol'],
  ['Hyun Kwang-il', 'hyon-kwang-il'],
  ['Hyeon Gwang Il', 'hyon-kwang-il'],
  ['Jang Seong-cheol', 'jang-song-chol'],
  ['Kim Kyung-ok', 'kim-kyong-ok'],
  // Hangul, read in both romanizations
  ['박영식', 'pak-yong-sik'],
  ['리원호', 'ri-won-ho'],
  ['이원호', 'ri-won-ho'],
  ['최춘영', 'choe-chun-yong'],
  ['김철남', 'kim-chol-nam'],
  ['현광일', 'hyon-kwang-il'],
  // Cyrillic (Russian and Ukrainian) and other transliterations of Russian names
  ['Ткачук Сергей', 'sergei-tkachuk'],
  ['Сергей Викторович Ткачук', 'sergei-tkachuk'],
  ['Sergey Tkachuk', 'sergei-tkachuk'],
  ['Serguei Tkatchouk', 'sergei-tkachuk'],
  ['Sergej Tkatschuk', 'sergei-tkachuk'],
  ['Siergiej Tkaczuk', 'sergei-tkachuk'],
  ['Пётр Попов', 'pyotr-popov'],
  ['Petr Popov', 'pyotr-popov'],
  ['Piotr Popov', 'pyotr-popov'],
  ['Artyom Chaika', 'artem-chaika'],
  ['Artiom Tchaika', 'artem-chaika'],
  ['Артём Чайка', 'artem-chaika'],
  ['Natalya Titova', 'natalia-titova'],
  ['Nataliya Titova', 'natalia-titova'],
  ['Наталья Титова', 'natalia-titova'],
  ['Yury Dostoyevskiy', 'yuri-dostoevsky'],
  ['Iurii Ivanovich Dostoevskii', 'yuri-dostoevsky'],
  ['Олександр Коваленко', 'oleksandr-kovalenko'],
  ['Олександр Миколайович Коваленко', 'oleksandr-kovalenko'],
  // patronymics are optional
  ['Sergei Tkachuk', 'sergei-tkachuk'],
  ['Oleksandr Kovalenko', 'oleksandr-kovalenko'],
  // legal forms, Latin and Cyrillic, with or without
  ['LocoTech-Signal', 'locotech-signal'],
  ['OOO LocoTech-Signal', 'locotech-signal'],
  ['ООО ЛокоТех-Сигнал', 'locotech-signal'],
  ['LocoTech Signal Limited Liability Company', 'locotech-signal'],
  ['Zavolzhsky Meat Plant JSC', 'zavolzhsky-meat'],
  ['Korea Kwangson Banking Corporation', 'korea-kwangson-banking'],
  ['Korea Kwangson Banking', 'korea-kwangson-banking'],
  // acronyms, in parentheses or as names, and identifiers
  ['MPAF', 'mpaf'],
  ['KKBC', 'korea-kwangson-banking'],
  ['MMC', 'mmc'],
  ["Ministry of the People's Armed Forces", 'mpaf'],
  ['@mmcpersonal', 'mmc'],
  ['mmcpersonal', 'mmc'],
  // typos: one or two edits in parts of four letters or more
  ['Sergei Tkachik', 'sergei-tkachuk'],
  ['Segrei Tkachuk', 'sergei-tkachuk'],
  ['Sergei Tkchuk', 'sergei-tkachuk'],
  ['Natalia Titvoa', 'natalia-titova'],
  ['Nataila Titoba', 'natalia-titova'],
  ['Korea Kwangsun Banking Corp', 'korea-kwangson-banking'],
  ['Ahmed Abdulah Saleh Al-Khazmari Al-Zahrani', 'ahmed-al-zahrani'],
  ['KOREA KWANGSON BANKING CORPORATOIN', 'korea-kwangson-banking'],
  // diacritics and apostrophes
  ['Hyŏn Kwang-il', 'hyon-kwang-il'],
  ['Ch’oe Ch’un-yŏng', 'choe-chun-yong'],
];

describe('positives', () => {
  it.each(positives)('%s matches %s', (query, entityId) => {
    expect(matches(query, entityId)).toBe(true);
  });
});

// [query, entity id]: each must stay below the default threshold for that entity.
const negatives: Array<[string, string]> = [
  // Namhung/Hamhung (one letter in a two-syllable word) stays a known weakness: Samjong/Sajong is a typo of the same
  // shape, and the matcher favours the typo.
  // a relative: same family name, another given name
  ['PAK CHOL SU', 'pak-yong-sik'],
  ['Park Min-jun', 'pak-yong-sik'],
  ['Natalia Tkachuk', 'sergei-tkachuk'],
  ['Anna Tkachuk', 'sergei-tkachuk'],
  ['KIM CHOL SU', 'kim-chol-nam'],
  ['KIM YONG NAM', 'kim-chol-nam'],
  // another family name, same given name
  ['KIM YONG SIK', 'pak-yong-sik'],
  ['CHOE WON HO', 'ri-won-ho'],
  // a shared common part alone is not a match
  ['Kim Chol', 'kim-chol-nam'],
  ['KIM', 'kim-chol-nam'],
  ['Sergei', 'sergei-tkachuk'],
  ['Tkachuk', 'sergei-tkachuk'],
  ['Sergei Ivanov', 'sergei-tkachuk'],
  // one Korean syllable one letter off is another syllable, not a typo
  ['PANG SONG CHOL', 'jang-song-chol'],
  ['KIM SONG CHON', 'kim-song-chol'],
  ['CHO CHUN YONG', 'choe-chun-yong'],
  // two different common given names are not a typo of one another
  ['Yasir Haqqani', 'nasir-haqqani'],
  ['Usama Abdullah Saleh Al-Khazmari Al-Zahrani', 'ahmed-al-zahrani'],
  // a particle is not a misspelt name
  ['Abboud Khalil', 'abu-khalil'],
  // another company that shares a name
  ['Korea Kwangson Trading Corp', 'korea-kwangson-banking'],
  ['Sodeystvie Mining College', 'sodeystvie-college'],
  // unrelated names
  ['John Smith', 'sergei-tkachuk'],
  ['Vladimir Petrov', 'pyotr-popov'],
];

describe('negatives', () => {
  it.each(negatives)('%s does not match %s', (query, entityId) => {
    expect(scoreFor(query, entityId)).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('an extra or missing part costs less than a wrong one', () => {
    const missing = scoreFor('PAK YONG', 'pak-yong-sik');
    const wrong = scoreFor('PAK YONG CHOL', 'pak-yong-sik');
    expect(missing).toBeGreaterThan(wrong);
    const extra = scoreFor('Sergei Tkachuk Moscow', 'sergei-tkachuk');
    const wrongGiven = scoreFor('Ivan Tkachuk', 'sergei-tkachuk');
    expect(extra).toBeGreaterThan(wrongGiven);
  });

  it('a one-part query does not match a multi-part person name', () => {
    expect(scoreFor('Titova', 'natalia-titova')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(scoreFor('Popov', 'pyotr-popov')).toBeLessThan(DEFAULT_THRESHOLD);
  });
});

describe('known gaps', () => {
  // Retrieval's neighbour lookup leaves out pairs of parts the scorer pairs, and its score bound then counts those
  // parts as absent, so a name that scores above the threshold is not returned at that threshold (it is at 0).
  // Kept as they are (scores must not change in a restructuring); each test fails, and is to be made an ordinary
  // one, when its gap is closed. See `lookupMissesPair` in test/matching/stages.ts.
  const gaps: Array<[string, string, string]> = [
    // Two one-syllable Korean name syllables of different classes are never typo neighbours, while outside a Korean
    // name the scorer counts them one typo apart.
    ['Chae Ivanov', 'Choe Ivanov', 'another Korean syllable one letter off'],
    // Two typos in a part of eight letters or more: further than the one-deletion typo keys reach.
    ['Konstamtim Ivanov', 'Konstantin Ivanov', 'two typos in a long part'],
  ];
  it.failing.each(gaps)('finds "%s" for the listed "%s" (%s) at the default threshold', (query, listed) => {
    const list = createMatcher([entity({ id: 'listed', type: 'person', primary: listed })]);
    expect(list.match({ name: query }, { threshold: 0 }).matches[0]?.score).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(list.match({ name: query }).matches.map((m) => m.entityId)).toEqual(['listed']);
  });
});

describe('type, country and date of birth', () => {
  it('a person is not an organization of the same name', () => {
    expect(matches({ name: 'LocoTech-Signal', type: 'person' }, 'locotech-signal')).toBe(false);
    expect(matches({ name: 'Sergei Tkachuk', type: 'organization' }, 'sergei-tkachuk')).toBe(false);
    expect(matches({ name: 'Sergei Tkachuk', type: 'person' }, 'sergei-tkachuk')).toBe(true);
  });

  it('country agreement raises the score slightly, conflict lowers it', () => {
    const none = scoreFor('Sergei Tkachik', 'sergei-tkachuk');
    const agrees = scoreFor({ name: 'Sergei Tkachik', country: 'RU' }, 'sergei-tkachuk');
    const conflicts = scoreFor({ name: 'Sergei Tkachik', country: 'FR' }, 'sergei-tkachuk');
    expect(agrees).toBeGreaterThan(none);
    expect(conflicts).toBeLessThan(none);
    expect(agrees - none).toBeLessThan(0.05);
  });

  const birthDates: Array<[string, string, 'raises' | 'lowers']> = [
    ['1950-01-01', 'full date agrees', 'raises'],
    ['1950', 'year agrees', 'raises'],
    ['1950-06', 'year agrees', 'raises'],
    ['1962', 'year differs', 'lowers'],
    ['1951', 'one year off', 'lowers'],
    ['1950-06-06', 'same year, another day', 'lowers'],
  ];
  it.each(birthDates)('birth date %s (%s) %s the score', (birthDate, _why, effect) => {
    const base = scoreFor('Park Yong Sik', 'pak-yong-sik');
    const withDate = scoreFor({ name: 'Park Yong Sik', birthDate }, 'pak-yong-sik');
    if (effect === 'raises') expect(withDate).toBeGreaterThan(base);
    else expect(withDate).toBeLessThan(base);
  });

  it('honors a listed range of birth years', () => {
    const base = scoreFor('Kim Sung Chul', 'kim-song-chol');
    expect(scoreFor({ name: 'Kim Sung Chul', birthDate: '1968' }, 'kim-song-chol')).toBeGreaterThan(base);
    expect(scoreFor({ name: 'Kim Sung Chul', birthDate: '1975' }, 'kim-song-chol')).toBeLessThan(base);
  });

  it('a conflicting birth year pushes a two-part name with a typo below the threshold', () => {
    expect(matches({ name: 'Sergei Tkachik', birthDate: '1990' }, 'sergei-tkachuk')).toBe(false);
  });
});

describe('conflicts: shown when the name alone matches, never a match', () => {
  const found = (query: MatchQuery, entityId: string) => matcher.match(query).matches.find((m) => m.entityId === entityId);

  it('a birth year more than five years off is a conflict; two to five years off only costs', () => {
    const far = found({ name: 'RI WON HO', birthDate: '1990' }, 'ri-won-ho');
    expect(far).toMatchObject({ isMatch: false, conflicts: ['birth year differs (1990 vs 1964): more than 5 years apart'] });
    expect(far?.explanation.features['birthDateAgreement']).toBeLessThan(0);
    expect(found({ name: 'RI WON HO', birthDate: '1969' }, 'ri-won-ho')).toMatchObject({ isMatch: true });
    expect(found({ name: 'RI WON HO', birthDate: '1969' }, 'ri-won-ho')?.conflicts).toBeUndefined();
  });

  it('a year outside a listed range counts from the range\'s nearer end', () => {
    expect(found({ name: 'KIM SONG CHOL', birthDate: '1974' }, 'kim-song-chol')?.isMatch).toBe(true);
    expect(found({ name: 'KIM SONG CHOL', birthDate: '1975' }, 'kim-song-chol')).toMatchObject({ isMatch: false, conflicts: [expect.stringMatching(/outside listed range 1967–1969/)] });
  });

  it('another patronymic is a conflict; a patronymic left out is not', () => {
    const other = found({ name: 'Sergei Ivanovich Tkachuk' }, 'sergei-tkachuk');
    expect(other).toMatchObject({ isMatch: false, conflicts: ['patronymic differs (ivanovich vs viktorovich)'] });
    expect(other?.explanation.features['nameConflict']).toBeLessThan(0);
    expect(found({ name: 'Sergei Tkachuk' }, 'sergei-tkachuk')).toMatchObject({ isMatch: true });
  });

  it('a conflicted candidate whose name alone would not match is not shown at all', () => {
    const weak = { name: 'Sergei Ivanovich Tkach', birthDate: '1990' };
    expect(matcher.match({ name: weak.name }, { threshold: 0 }).matches.find((m) => m.entityId === 'sergei-tkachuk')?.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(found(weak, 'sergei-tkachuk')).toBeUndefined();
  });
});

describe('legal forms are a feature, not noise', () => {
  it('agreeing legal forms raise the score; one of another family is a conflict, shown but no match', () => {
    const absent = scoreFor('Zavolzhsky Meat Plant', 'zavolzhsky-meat');
    const agrees = scoreFor('Zavolzhsky Meat Plant JSC', 'zavolzhsky-meat');
    expect(agrees).toBeGreaterThanOrEqual(absent);
    const conflicting = matcher.match({ name: 'Zavolzhsky Meat Plant LLC', type: 'organization' }).matches.find((m) => m.entityId === 'zavolzhsky-meat');
    expect(conflicting).toMatchObject({ isMatch: false, conflicts: ['legal form differs (LLC vs JSC)'] });
    expect(conflicting?.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(conflicting?.explanation.summary).toMatch(/^conflict: legal form differs/);
  });
});

describe('alias quality', () => {
  it('a low-quality alias counts less than a good name', () => {
    const list = createMatcher([
      entity({ id: 'good', type: 'person', primary: 'Abu Maryam al-Saudi' }),
      entity({ id: 'low', type: 'person', primary: 'Someone Else', names: [name('Abu Maryam al-Saudi', { quality: 'low' })] }),
    ]);
    const [first, second] = list.match({ name: 'Abu Maryam al-Saudi' }).matches;
    expect(first?.entityId).toBe('good');
    expect(second?.entityId).toBe('low');
    expect(second?.score).toBeLessThan(first?.score ?? 0);
    expect(second?.explanation.features.aliasQuality).toBeLessThan(0);
  });
});

describe('explanations', () => {
  it('says which query form met which list name, and why', () => {
    const [best] = matcher.match({ name: 'Bak Yeong-sik', birthDate: '1950' }).matches;
    expect(best?.entityId).toBe('pak-yong-sik');
    expect(best?.matchedName).toBe('PAK YONG SIK');
    expect(best?.explanation.queryForm).toBe('bak yeong sik');
    expect(best?.explanation.listForm).toBe('pak yong sik');
    expect(best?.explanation.summary).toBe(
      'family name Revised→McCune–Reischauer equivalent, given name Revised→McCune–Reischauer equivalent, birth year agrees',
    );
  });

  it('names the script a query was read from', () => {
    const [best] = matcher.match({ name: 'Ткачук Сергей' }).matches;
    expect(best?.matchedName).toBe('Ткачук Сергей Викторович');
    expect(best?.explanation.listForm).toBe('tkachuk sergey viktorovich');
    expect(best?.explanation.summary).toContain('read from Cyrillic (Russian)');
    expect(best?.explanation.summary).toContain('patronymic not in query');
  });

  it('gives every feature as a signed contribution that sums to the score', () => {
    const [best] = matcher.match({ name: 'Sergei Tkachik', country: 'RU', birthDate: '1965-03-02' }).matches;
    const features = best?.explanation.features ?? {};
    for (const key of ['nameSimilarity', 'partCoverage', 'classEquivalence', 'typeAgreement', 'countryAgreement', 'birthDateAgreement', 'legalForm', 'aliasQuality']) {
      expect(typeof features[key]).toBe('number');
    }
    const sum = Object.values(features).reduce((total, value) => total + value, 0);
    expect(Math.min(1, sum)).toBeCloseTo(best?.score ?? 0, 3);
    expect(features.countryAgreement).toBeGreaterThan(0);
    expect(features.birthDateAgreement).toBeGreaterThan(0);
  });

  it('reports the normalized query forms it compared', () => {
    expect(matcher.match({ name: '박영식' }).normalized).toEqual(['pak yong sik', 'bak yeong sik']);
    expect(matcher.match({ name: 'ООО «Ромашка»' }).normalized).toEqual(['romashka', 'ooo romashka']);
  });
});

describe('options and edge cases', () => {
  it('honors limit and threshold, best first', () => {
    const all = matcher.match({ name: 'Kim Chol Nam' }, { threshold: 0, limit: 50 }).matches;
    const scores = all.map((m) => m.score);
    expect(all.length).toBeGreaterThan(3);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(matcher.match({ name: 'Kim Chol Nam' }, { threshold: 0, limit: 3 }).matches).toEqual(all.slice(0, 3));
    expect(matcher.match({ name: 'Kim Chol Nam' }, { threshold: 1.01 }).matches).toHaveLength(0);
  });

  it('returns only matches: every one reaches the threshold in force and says so', () => {
    // A conflicting country lowers every score after retrieval, whose bound knows only the name: so candidates
    // below the threshold reach the decision, and must be turned away there.
    const query = { name: 'Kim Chol Nam', country: 'FR' };
    const all = matcher.match(query, { threshold: 0, limit: 50 }).matches;
    // A threshold between two scores that differ: the matches above it, and only they, come back.
    const cut = all.findIndex((m, index) => index > 0 && m.score < (all[index - 1]?.score ?? 0));
    expect(cut).toBeGreaterThan(0);
    const threshold = ((all[cut - 1]?.score ?? 0) + (all[cut]?.score ?? 0)) / 2;
    const found = matcher.match(query, { threshold, limit: 50 }).matches;
    expect(found.map((m) => [m.entityId, m.score])).toEqual(all.slice(0, cut).map((m) => [m.entityId, m.score]));
    for (const m of found) {
      expect(m.score).toBeGreaterThanOrEqual(threshold);
      expect(m.isMatch).toBe(true);
    }
  });

  it('answers an empty or punctuation-only name with no matches', () => {
    expect(matcher.match({ name: '' })).toEqual({ normalized: [], matches: [] });
    expect(matcher.match({ name: ' -- ' })).toEqual({ normalized: [], matches: [] });
  });

  it('is deterministic and does not mutate its entities', () => {
    const snapshot = JSON.stringify(FIXTURE_ENTITIES);
    const first = matcher.match({ name: 'Park Yong Sik' });
    const second = matcher.match({ name: 'Park Yong Sik' });
    expect(second).toEqual(first);
    expect(JSON.stringify(FIXTURE_ENTITIES)).toBe(snapshot);
  });

  it('builds over an empty list', () => {
    expect(createMatcher([]).match({ name: 'Pak Yong Sik' }).matches).toEqual([]);
  });
});
