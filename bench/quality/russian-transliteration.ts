/**
 * Russian Cyrillic ↔ Latin for the dev set, written from the published systems (BGN/PCGN, the ICAO 9303 table Russian
 * passports use since 2013, German Duden, French, Polish, ISO 9 / scholarly) and their usual context rules.
 * Deliberately independent of src/matching.
 */

export const TRANSLIT_SYSTEMS = ['bgn', 'icao', 'german', 'french', 'polish', 'scholarly'] as const;
export type TranslitSystem = (typeof TRANSLIT_SYSTEMS)[number];

type LetterMap = Record<string, string>;

const COMMON: LetterMap = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ф: 'f', ы: 'y', ъ: '', ь: '', э: 'e',
  // Ukrainian letters, read the Ukrainian way.
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

const SYSTEM_LETTERS: Record<TranslitSystem, LetterMap> = {
  bgn: { ...COMMON, е: 'e', ё: 'yo', ж: 'zh', й: 'y', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ю: 'yu', я: 'ya' },
  icao: { ...COMMON, е: 'e', ё: 'e', ж: 'zh', й: 'i', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ю: 'iu', я: 'ia', ї: 'i', є: 'ie' },
  german: { ...COMMON, в: 'w', е: 'e', ё: 'jo', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja', ї: 'ji', є: 'je' },
  french: { ...COMMON, е: 'e', ё: 'io', ж: 'j', й: 'ï', у: 'ou', х: 'kh', ц: 'ts', ч: 'tch', ш: 'ch', щ: 'chtch', ю: 'iou', я: 'ia', ї: 'ï', є: 'ie' },
  polish: { ...COMMON, в: 'w', е: 'e', ё: 'io', ж: 'ż', й: 'j', л: 'ł', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', щ: 'szcz', ю: 'iu', я: 'ia', ы: 'y', ї: 'ji', є: 'je' },
  scholarly: { ...COMMON, е: 'e', ё: 'ë', ж: 'ž', й: 'j', х: 'ch', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', ю: 'ju', я: 'ja', э: 'è', ї: 'ï', є: 'je' },
};

const VOWELS = new Set([...'аеёиоуыэюяіїє']);
const SOFTENING = new Set([...'еёюяи']);

function transliterateWord(word: string, system: TranslitSystem): string {
  const letters = SYSTEM_LETTERS[system];
  const chars = [...word];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const raw = chars[i] ?? '';
    const lower = raw.toLowerCase();
    const upper = raw !== lower;
    const prev = (chars[i - 1] ?? '').toLowerCase();
    const next = (chars[i + 1] ?? '').toLowerCase();
    const atStart = i === 0 || !/\p{L}/u.test(prev);
    const afterVowelOrSign = atStart || VOWELS.has(prev) || prev === 'ь' || prev === 'ъ';
    const isLast = i === chars.length - 1 || !/\p{L}/u.test(chars[i + 1] ?? '');
    let piece: string;
    if (!(lower in letters)) {
      piece = lower;
    } else if (lower === 'е' && afterVowelOrSign) {
      // Ye/Je at the start of a word and after a vowel (Yelena, Jelena); ICAO and French keep e / ie.
      piece = { bgn: 'ye', icao: 'e', german: 'je', french: atStart ? 'e' : 'ie', polish: 'je', scholarly: 'e' }[system];
    } else if (lower === 'е' && system === 'polish' && !atStart) {
      piece = 'ie';
    } else if (lower === 'ё' && !afterVowelOrSign && system !== 'icao' && system !== 'scholarly') {
      piece = { bgn: 'yo', icao: 'e', german: 'jo', french: 'io', polish: 'io', scholarly: 'ë' }[system];
    } else if (lower === 'й' && isLast && (prev === 'и' || prev === 'ы')) {
      // -ий / -ый endings: Yuriy, Yurii, Juri, Iouri, Jurij.
      piece = { bgn: 'y', icao: 'i', german: '', french: '', polish: 'j', scholarly: 'j' }[system];
    } else if (lower === 'ь' && SOFTENING.has(next)) {
      // The soft sign before a vowel is dropped; the vowel carries the softening (Natalya, Natalia, Natalja).
      piece = '';
    } else if (lower === 'с' && (system === 'german' || system === 'french') && VOWELS.has(prev) && VOWELS.has(next)) {
      piece = 'ss';
    } else if (lower === 'г' && system === 'french' && ['е', 'и', 'ё', 'ю', 'я'].includes(next)) {
      piece = 'gu';
    } else if (lower === 'и' && system === 'polish' && ['ж', 'ц', 'ш'].includes(prev)) {
      piece = 'y';
    } else if (lower === 'л' && system === 'polish' && SOFTENING.has(next)) {
      piece = 'l';
    } else if (lower === 'у' && system === 'french' && VOWELS.has(prev)) {
      piece = 'ou';
    } else {
      piece = letters[lower] ?? lower;
    }
    // Polish writes я after the soft sign as ja (Natalja), elsewhere ia (Maria).
    if (lower === 'я' && prev === 'ь' && system === 'polish') piece = 'ja';
    out += upper && piece.length > 0 ? piece.charAt(0).toUpperCase() + piece.slice(1) : piece;
  }
  return out;
}

/** Transliterate Cyrillic text word by word; Latin characters pass through. */
export function transliterate(text: string, system: TranslitSystem): string {
  return text.replace(/\p{Script=Cyrillic}+/gu, (word) => transliterateWord(word, system));
}

/** Strip diacritics (Tkačuk → Tkacuk, Sergueï → Serguei, Łukasz → Lukasz). */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}

// ---------------------------------------------------------------------------------------------------------------------
// Latin → Cyrillic, for names the sources print only in Latin.

/** Words with a known Cyrillic spelling that rules would get wrong (Chaika → Чайка, Ezhov → Ежов). */
const KNOWN_CYRILLIC: Record<string, string> = {
  tkachuk: 'Ткачук',
  chaika: 'Чайка',
  chayka: 'Чайка',
  popov: 'Попов',
  titova: 'Титова',
  vyuchnov: 'Вьючнов',
  kim: 'Ким',
  ezhov: 'Ежов',
  lavrov: 'Лавров',
  pyotr: 'Пётр',
  petr: 'Пётр',
  natalia: 'Наталья',
  natalya: 'Наталья',
  artem: 'Артём',
  artyom: 'Артём',
  sergei: 'Сергей',
  sergey: 'Сергей',
  yuri: 'Юрий',
  yury: 'Юрий',
  locotech: 'ЛокоТех',
  signal: 'Сигнал',
  transmashholding: 'Трансмашхолдинг',
  sodeystvie: 'Содействие',
  sodeistvie: 'Содействие',
  zavolzhsky: 'Заволжский',
  zavolzhskiy: 'Заволжский',
};

const LATIN_RULES: [RegExp, string][] = [
  [/shch/g, 'щ'], [/zh/g, 'ж'], [/kh/g, 'х'], [/ts/g, 'ц'], [/tch/g, 'ч'], [/ch/g, 'ч'], [/sh/g, 'ш'],
  [/iy$/g, 'ий'], [/yy$/g, 'ый'], [/skiy$/g, 'ский'], [/sky$/g, 'ский'],
  [/([aeiouy])y([^aeiou]|$)/g, '$1й$2'], [/([aeou])i([^aeiou]|$)/g, '$1й$2'],
  [/^ye/g, 'е'], [/^e/g, 'е'], [/([aeiou])e/g, '$1е'],
  [/yu/g, 'ю'], [/ya/g, 'я'], [/yo/g, 'ё'], [/ye/g, 'е'],
  [/([bcdfghklmnpqrstvwxzжчшщц])y/g, '$1ы'],
];
const LATIN_LETTERS: Record<string, string> = {
  a: 'а', b: 'б', v: 'в', w: 'в', g: 'г', d: 'д', e: 'е', z: 'з', i: 'и', j: 'й', k: 'к', l: 'л', m: 'м', n: 'н',
  o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', h: 'х', c: 'к', q: 'к', x: 'кс', y: 'ы',
};

/** Best-effort Russian Cyrillic for one Latin word (a name written in BGN-like English transliteration). */
export function latinWordToCyrillic(word: string): string {
  const lower = stripDiacritics(word).toLowerCase();
  const known = KNOWN_CYRILLIC[lower];
  let cyr: string;
  if (known) {
    cyr = known.toLowerCase();
  } else {
    cyr = lower;
    for (const [pattern, replacement] of LATIN_RULES) cyr = cyr.replace(pattern, replacement);
    cyr = [...cyr].map((ch) => LATIN_LETTERS[ch] ?? ch).join('');
  }
  const isUpper = word.length > 1 && word === word.toUpperCase();
  if (isUpper) return cyr.toUpperCase();
  if (known) return known;
  return cyr.charAt(0).toUpperCase() + cyr.slice(1);
}

/** Russian Cyrillic for a Latin name, word by word (hyphens kept). */
export function latinToCyrillic(name: string): string {
  return name.replace(/[A-Za-z\u00C0-\u017F]+/g, (word) => latinWordToCyrillic(word));
}

/** Ukrainian spellings of Russian given names, for the "Ukrainian-style letters" queries. */
export const UKRAINIAN_GIVEN: Record<string, string> = {
  Сергей: 'Сергій', Наталья: 'Наталія', Пётр: 'Петро', Петр: 'Петро', Иван: 'Іван', Артём: 'Артем', Владислав: 'Владислав',
  Николай: 'Микола', Алексей: 'Олексій', Андрей: 'Андрій', Дмитрий: 'Дмитро', Юрий: 'Юрій', Александр: 'Олександр',
  Ольга: 'Ольга', Елена: 'Олена', Татьяна: 'Тетяна', Евгений: 'Євген', Григорий: 'Григорій', Михаил: 'Михайло',
  Виктор: 'Віктор', Игорь: 'Ігор', Ирина: 'Ірина', Екатерина: 'Катерина', Анна: 'Ганна', Павел: 'Павло',
};

/** Russian → Ukrainian-looking surname: и → і in an unstressed-neutral way (Титова → Тітова), ы → и. */
export function ukrainianSurname(surname: string): string {
  return surname.replace(/и/g, 'і').replace(/ы/g, 'и').replace(/ё/g, 'о');
}
