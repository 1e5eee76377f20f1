import { romanizeHangulSyllable } from './romanize-hangul';

/**
 * Korean romanization equivalence classes by rule, not by alias list: a romanized token is parsed into syllables
 * (onset + vowel + coda) and every part is folded to a class, so that McCune–Reischauer as the UN writes it,
 * the Revised Romanization and the popular spellings of the same Hangul land on one key:
 * Pak/Park/Bak, Ri/Rhee/Lee/Yi/Li/I, Choe/Choi, Chol/Chul/Cheol, Kyong/Kyung/Gyeong, Tong/Dong,
 * Song/Sung/Seong, Kim/Gim, Jong/Chong/Jeong/Chung, Hyon/Hyun/Hyeon, Yong/Young/Yeong, Ryu/Yu/Yoo, Ro/No/Roh …
 *
 * The folding is deliberately coarse where the UN's breve-less McCune–Reischauer is itself ambiguous
 * (ŏ, o, ŭ and u are all written o/u there, so 어/오/으/우 share a class).
 */

/** Onsets (longest first) and their class: voicing, aspiration and doubling are folded (k/g/kk, t/d, p/b, ch/j). */
const ONSETS: ReadonlyArray<readonly [string, string]> = [
  ['tch', 'C'],
  ['jj', 'C'],
  ['ch', 'C'],
  ['kk', 'K'],
  ['gg', 'K'],
  ['tt', 'T'],
  ['dd', 'T'],
  ['pp', 'P'],
  ['bb', 'P'],
  ['ss', 'S'],
  ['sh', 'S'],
  ['rh', 'L'],
  ['j', 'C'],
  ['k', 'K'],
  ['g', 'K'],
  ['t', 'T'],
  ['d', 'T'],
  ['p', 'P'],
  ['b', 'P'],
  ['s', 'S'],
  ['r', 'L'],
  ['l', 'L'],
  ['n', 'N'],
  ['m', 'M'],
  ['h', 'H'],
  ['', ''],
];

/**
 * Vowels (longest first) and their class. 어/오/으/우 → "o" (MR without breves cannot tell them apart; popular
 * spellings use u: Sung, Chul, Hyun); 애/에 → "e"; 이/의 and the popular "ee" → "i"; 외/왜/웨 and "oi" → "we".
 */
const VOWELS: ReadonlyArray<readonly [string, string]> = [
  ['yeo', 'yo'],
  // popular 우 as in Hyun-woo, Woong, Wook
  ['woo', 'o'],
  ['you', 'yo'],
  ['yoo', 'yo'],
  ['yae', 'ye'],
  ['wae', 'we'],
  ['weo', 'wo'],
  ['eui', 'i'],
  ['yo', 'yo'],
  ['yu', 'yo'],
  ['ya', 'ya'],
  ['ye', 'ye'],
  ['yi', 'i'],
  ['wa', 'wa'],
  ['wo', 'wo'],
  ['we', 'we'],
  ['wi', 'wi'],
  ['oe', 'we'],
  ['oi', 'we'],
  ['ui', 'i'],
  ['eo', 'o'],
  ['eu', 'o'],
  ['oo', 'o'],
  ['ou', 'o'],
  ['ae', 'e'],
  ['ai', 'e'],
  ['ee', 'i'],
  ['a', 'a'],
  ['e', 'e'],
  ['i', 'i'],
  ['o', 'o'],
  ['u', 'o'],
];

/** Codas (longest first) and their class; "rk" is the English-ism of Park. "G" marks ng, which is never an onset. */
const CODAS: ReadonlyArray<readonly [string, string]> = [
  ['ng', 'G'],
  ['rk', 'K'],
  ['kk', 'K'],
  ['ck', 'K'],
  ['ll', 'L'],
  ['k', 'K'],
  ['g', 'K'],
  ['n', 'N'],
  ['m', 'M'],
  ['l', 'L'],
  ['r', 'L'],
  ['t', 'T'],
  ['d', 'T'],
  ['p', 'P'],
  ['b', 'P'],
  ['', ''],
];

/** A Korean name part has at most this many syllables (a joined given name "Yongsik" has two). */
export const MAX_KOREAN_SYLLABLES = 4;

const VOWEL_LETTERS = /[aeiouwy]/;

export interface KoreanSyllable {
  /** The romanized letters of this syllable as written. */
  text: string;
  onset: string;
  vowel: string;
  coda: string;
}

/**
 * Parses a lower-case Latin token into romanized Korean syllables, or returns null when it cannot be read as
 * Korean (a letter outside the romanizations, such as f, v, x, z, q, or more than `MAX_KOREAN_SYLLABLES`).
 * Prefers long onsets, vowels and codas, so "yongsik" reads yong+sik and "choi" reads ch+oi.
 */
export function parseKoreanRomanization(token: string): KoreanSyllable[] | null {
  if (token.length === 0 || /[^a-z]/.test(token) || /[fqvxz]|c(?![hk])/.test(token)) return null;
  const failedAt = new Set<number>();
  const parseFrom = (start: number, depth: number): KoreanSyllable[] | null => {
    if (start === token.length) return [];
    if (depth >= MAX_KOREAN_SYLLABLES || failedAt.has(start)) return null;
    for (const [onset, onsetClass] of startingWith(ONSETS_BY_LETTER, token, start)) {
      const vowelStart = start + onset.length;
      for (const [vowel, vowelClass] of startingWith(VOWELS_BY_LETTER, token, vowelStart)) {
        let codaStart = vowelStart + vowel.length;
        // A silent h after the vowel (Oh, Ahn, Roh, Suh) when it does not begin the next syllable.
        const afterH = token[codaStart + 1];
        if (token[codaStart] === 'h' && (afterH === undefined || !VOWEL_LETTERS.test(afterH))) codaStart += 1;
        for (const [coda, codaClass] of startingWith(CODAS_BY_LETTER, token, codaStart)) {
          const rest = parseFrom(codaStart + coda.length, depth + 1);
          if (rest) {
            const text = token.slice(start, codaStart + coda.length);
            return [{ text, onset: onsetClass, vowel: vowelClass, coda: codaClass }, ...rest];
          }
        }
      }
    }
    failedAt.add(start);
    return null;
  };
  return parseFrom(0, 0);
}

type Table = ReadonlyArray<readonly [string, string]>;

/** Each table split by first letter (longest first within a letter); the empty spelling is in every bucket's tail. */
function byFirstLetter(table: Table): ReadonlyMap<string, Table> {
  const empty = table.filter(([spelling]) => spelling === '');
  const buckets = new Map<string, Array<readonly [string, string]>>();
  for (const entry of table) {
    const first = entry[0][0];
    if (first === undefined) continue;
    const bucket = buckets.get(first) ?? [];
    bucket.push(entry);
    buckets.set(first, bucket);
  }
  const result = new Map<string, Table>();
  for (const [letter, bucket] of buckets) result.set(letter, [...bucket, ...empty]);
  result.set('', empty);
  return result;
}

const ONSETS_BY_LETTER = byFirstLetter(ONSETS);
const VOWELS_BY_LETTER = byFirstLetter(VOWELS);
const CODAS_BY_LETTER = byFirstLetter(CODAS);

function* startingWith(tables: ReadonlyMap<string, Table>, token: string, at: number): Generator<readonly [string, string]> {
  const bucket = tables.get(token[at] ?? '') ?? tables.get('') ?? [];
  for (const entry of bucket) if (token.startsWith(entry[0], at)) yield entry;
}

/**
 * The romanization-independent class key of a Korean name part, or null when the token cannot be read as Korean.
 * Applies the initial-sound rule that separates the two Koreas' spellings at the start of a part:
 * r/l/n before i or y are silent (Ri = I = Yi = Lee, Ryu = Yu, Rim = Im), r/l elsewhere read n (Ro = No).
 * The key is the concatenation of syllable classes, so "Yong-sik", "Yongsik" and "Yeong Sik" agree when joined.
 */
export function koreanClassKey(token: string): string | null {
  return koreanClassKeyOfParts([token]);
}

/**
 * The class key of parts written apart but read as one ("yong" + "sik"): the writer's boundaries are kept (so
 * "No U" is two syllables, never the one syllable "nou"), the initial-sound rule applies to the first part only.
 * Null when any part cannot be read as Korean.
 */
export function koreanClassKeyOfParts(parts: readonly string[]): string | null {
  return koreanSyllableKeysOfParts(parts)?.join('') ?? null;
}

function syllableKey(syllable: KoreanSyllable, atStart: boolean, next: KoreanSyllable | undefined): string {
  let onset = syllable.onset;
  if (atStart && (onset === 'L' || onset === 'N') && (syllable.vowel === 'i' || syllable.vowel.startsWith('y'))) {
    onset = '';
  } else if (atStart && onset === 'L') {
    onset = 'N';
  }
  // ng before a vowel-initial syllable reads as n + g across the boundary (Mungil = Mun-gil = Mung-il).
  const coda = syllable.coda === 'G' && next !== undefined && next.onset === '' ? 'NK' : syllable.coda;
  return `${onset}${syllable.vowel}${coda}`;
}

/** The class key of each syllable of `parts` read as one word (see `koreanClassKeyOfParts`), or null. */
export function koreanSyllableKeysOfParts(parts: readonly string[]): string[] | null {
  const syllables: KoreanSyllable[] = [];
  for (const part of parts) {
    const parsed = parseKoreanRomanization(part);
    if (!parsed) return null;
    syllables.push(...parsed);
  }
  return syllables.map((syllable, index) => syllableKey(syllable, index === 0, syllables[index + 1]));
}

/**
 * Syllables common in Korean family and given names (and so in DPRK place and company names). Two different
 * syllables of this set one letter apart (Pang/Jang, Choe/Cho, Song/Tong, Ham/Nam) are two names, not a typo; a
 * reading outside it (Pael, Chok) may be a typo of a common one. Written in Hangul and folded to class keys at
 * load, in both romanizations.
 */
const COMMON_NAME_SYLLABLES =
  // family names
  '김이리박최정강조윤장임림한오서신권황안송류유전홍고문양손배백허남심노로하곽성차주우구민진나지엄채원천방공현함변' +
  '염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감호음빈동온단당라탕화판계' +
  '갈견곡관교궁근내담대독돈묘미번범삼상승시아애야요운자점종좌준증창초탄팽평포풍필학해후흥' +
  // given-name syllables
  '각간갑개건걸검겸고곤광구국군규균금기나난녀년녕농니다달덕득등란람랑래량려력련렬령례록룡루륜률린립만말모몽무' +
  '미민병보본분붕비산새생섬섭세속수숙순술숭슬식실심악안약언엽영오완월육윤율을응의익일입작재절제직질집찬찰철청촌' +
  '총춘출충취치칠택통파패항행향혁협혜확환활회효훈휘휴희';

const COMMON_SYLLABLE_KEYS: ReadonlySet<string> = new Set(
  Array.from(COMMON_NAME_SYLLABLES).flatMap((char) =>
    (['mr', 'rr'] as const).flatMap((system) => {
      const syllable = parseKoreanRomanization(romanizeHangulSyllable(char, system))?.[0];
      return syllable ? [syllableKey(syllable, true, undefined), syllableKey(syllable, false, undefined)] : [];
    }),
  ),
);

/** True when a syllable class key is that of a syllable common in Korean names. */
export function isCommonNameSyllable(key: string): boolean {
  return COMMON_SYLLABLE_KEYS.has(key.endsWith('NK') ? `${key.slice(0, -2)}G` : key);
}

export type KoreanRomanizationSystem = 'mr' | 'rr' | 'popular';

/** Human names of the romanization systems, as the explanation prints them. */
export const ROMANIZATION_SYSTEM_NAMES: Readonly<Record<KoreanRomanizationSystem, string>> = {
  mr: 'McCune–Reischauer',
  rr: 'Revised',
  popular: 'popular',
};

/**
 * A best guess of which system wrote `token`, for explanations only (it never changes a score):
 * Revised Romanization spells 어/으 as eo/eu and voices initials (Gim, Dong, Bak); popular spellings double
 * vowels and borrow English letters (Lee, Park, Choi, Shin, Young); everything else reads as McCune–Reischauer.
 */
export function guessRomanizationSystem(token: string): KoreanRomanizationSystem {
  if (/eo|eu|ui$/.test(token) || /^(g|d|b)/.test(token)) return 'rr';
  if (/ee|oo|ou|rk|^rh|oi|sh|ck|h$|^lee$|^yi$/.test(token)) return 'popular';
  return 'mr';
}
