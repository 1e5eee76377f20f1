/**
 * Korean name romanization for the dev set, written from the published rules of each system (McCune–Reischauer as the
 * UN prints DPRK names, the 2000 Revised Romanization, and the "popular" spellings Koreans use in passports and banks).
 * Deliberately independent of src/matching: the benchmark must not measure the matcher against its own tables.
 *
 * Hangul arithmetic: syllable = 0xAC00 + (initial * 21 + medial) * 28 + final.
 */
import type { Rng } from './prng';

const HANGUL_BASE = 0xac00;
const HANGUL_LAST = 0xd7a3;

// Jamo in Unicode order. Initials (19), medials (21), finals (28, index 0 = none).
const INITIALS = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];
const MEDIALS = ['ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ', 'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ'];
const FINALS = ['', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

// Revised Romanization (2000), per jamo.
const RR_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const RR_MEDIAL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const RR_FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

// McCune–Reischauer without breves and aspiration apostrophes, the way the UN list prints most DPRK names.
const MR_INITIAL = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', 'ch', 'k', 't', 'p', 'h'];
// The DPRK's own official romanization voices the plain stops: j for ㅈ, and g/d/b inside a given name.
const MR_INITIAL_VOICED = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MR_MEDIAL = ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];
const MR_FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

export interface Jamo {
  initial: number;
  medial: number;
  final: number;
}

export function isHangulSyllable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code >= HANGUL_BASE && code <= HANGUL_LAST;
}

export function decompose(syllable: string): Jamo {
  const offset = (syllable.codePointAt(0) ?? 0) - HANGUL_BASE;
  if (offset < 0 || offset > HANGUL_LAST - HANGUL_BASE) throw new Error(`"${syllable}" is not a Hangul syllable`);
  return { initial: Math.floor(offset / 588), medial: Math.floor((offset % 588) / 28), final: offset % 28 };
}

export function compose(jamo: Jamo): string {
  return String.fromCodePoint(HANGUL_BASE + (jamo.initial * 21 + jamo.medial) * 28 + jamo.final);
}

const jamoIndex = (table: string[], jamo: string): number => {
  const i = table.indexOf(jamo);
  if (i < 0) throw new Error(`unknown jamo "${jamo}"`);
  return i;
};

/** A Korean personal name: one family-name syllable (two-syllable family names are out of scope) and given syllables. */
export interface KoreanName {
  family: string;
  given: string[];
}

/** South Korean spelling of a DPRK name: the initial-sound law turns word-initial ㄹ into ㅇ (before i/y) or ㄴ. */
export function southernSpelling(syllable: string): string {
  const j = decompose(syllable);
  if (j.initial !== jamoIndex(INITIALS, 'ㄹ')) return syllable;
  const yVowels = ['ㅣ', 'ㅑ', 'ㅕ', 'ㅖ', 'ㅛ', 'ㅠ'].map((v) => jamoIndex(MEDIALS, v));
  const initial = yVowels.includes(j.medial) ? jamoIndex(INITIALS, 'ㅇ') : jamoIndex(INITIALS, 'ㄴ');
  return compose({ ...j, initial });
}

// ---------------------------------------------------------------------------------------------------------------------
// Romanizers: Hangul → Latin.

function capitalize(word: string): string {
  return word.length === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1);
}

export function rrSyllable(syllable: string): string {
  const j = decompose(syllable);
  return `${RR_INITIAL[j.initial] ?? ''}${RR_MEDIAL[j.medial] ?? ''}${RR_FINAL[j.final] ?? ''}`;
}

/** MR without diacritics; `voiced` for a non-first given syllable after a vowel or nasal (Chol-nam, Kwang-gil). */
export function mrSyllable(syllable: string, options: { voiced?: boolean; dprkJ?: boolean } = {}): string {
  const j = decompose(syllable);
  const table = options.voiced ? MR_INITIAL_VOICED : MR_INITIAL;
  let initial = table[j.initial] ?? '';
  if (options.dprkJ && j.initial === jamoIndex(INITIALS, 'ㅈ')) initial = 'j';
  if (j.initial === jamoIndex(INITIALS, 'ㅅ') && j.medial === jamoIndex(MEDIALS, 'ㅟ')) initial = 'sh';
  return `${initial}${MR_MEDIAL[j.medial] ?? ''}${MR_FINAL[j.final] ?? ''}`;
}

/** Family names have fixed conventional spellings in every system; the strict per-jamo rendering is used otherwise. */
const FAMILY_CONVENTIONAL: Record<string, { mr: string; rr: string[]; popular: string[] }> = {
  김: { mr: 'Kim', rr: ['Gim', 'Kim'], popular: ['Kim'] },
  이: { mr: 'Ri', rr: ['I', 'Yi'], popular: ['Lee', 'Yi', 'Rhee'] },
  리: { mr: 'Ri', rr: ['Ri', 'Ri', 'I'], popular: ['Lee', 'Rhee', 'Ri', 'Li'] },
  박: { mr: 'Pak', rr: ['Bak'], popular: ['Park', 'Pak'] },
  최: { mr: 'Choe', rr: ['Choe'], popular: ['Choi', 'Choe'] },
  정: { mr: 'Chong', rr: ['Jeong'], popular: ['Jung', 'Chung', 'Jeong'] },
  강: { mr: 'Kang', rr: ['Gang'], popular: ['Kang'] },
  조: { mr: 'Cho', rr: ['Jo'], popular: ['Cho', 'Jo'] },
  윤: { mr: 'Yun', rr: ['Yun'], popular: ['Yoon', 'Yun'] },
  장: { mr: 'Chang', rr: ['Jang'], popular: ['Jang', 'Chang'] },
  임: { mr: 'Im', rr: ['Im'], popular: ['Lim', 'Im'] },
  림: { mr: 'Rim', rr: ['Rim', 'Im'], popular: ['Lim', 'Rim'] },
  한: { mr: 'Han', rr: ['Han'], popular: ['Han'] },
  오: { mr: 'O', rr: ['O'], popular: ['Oh'] },
  서: { mr: 'So', rr: ['Seo'], popular: ['Seo', 'Suh'] },
  신: { mr: 'Sin', rr: ['Sin'], popular: ['Shin'] },
  권: { mr: 'Kwon', rr: ['Gwon'], popular: ['Kwon'] },
  황: { mr: 'Hwang', rr: ['Hwang'], popular: ['Hwang'] },
  안: { mr: 'An', rr: ['An'], popular: ['Ahn'] },
  송: { mr: 'Song', rr: ['Song'], popular: ['Song'] },
  류: { mr: 'Ryu', rr: ['Ryu', 'Yu'], popular: ['Ryu', 'Yoo'] },
  유: { mr: 'Yu', rr: ['Yu'], popular: ['Yoo', 'Yu'] },
  전: { mr: 'Chon', rr: ['Jeon'], popular: ['Jeon', 'Jun', 'Chun'] },
  홍: { mr: 'Hong', rr: ['Hong'], popular: ['Hong'] },
  고: { mr: 'Ko', rr: ['Go'], popular: ['Ko', 'Koh'] },
  문: { mr: 'Mun', rr: ['Mun'], popular: ['Moon'] },
  손: { mr: 'Son', rr: ['Son'], popular: ['Son', 'Sohn'] },
  배: { mr: 'Pae', rr: ['Bae'], popular: ['Bae'] },
  백: { mr: 'Paek', rr: ['Baek'], popular: ['Baek', 'Paik'] },
  허: { mr: 'Ho', rr: ['Heo'], popular: ['Heo', 'Huh'] },
  노: { mr: 'No', rr: ['No'], popular: ['Noh', 'Roh'] },
  로: { mr: 'Ro', rr: ['Ro', 'No'], popular: ['Roh'] },
  곽: { mr: 'Kwak', rr: ['Gwak'], popular: ['Kwak'] },
  구: { mr: 'Ku', rr: ['Gu'], popular: ['Koo', 'Ku'] },
  주: { mr: 'Chu', rr: ['Ju'], popular: ['Joo', 'Ju'] },
  우: { mr: 'U', rr: ['U'], popular: ['Woo'] },
  엄: { mr: 'Om', rr: ['Eom'], popular: ['Uhm', 'Eom'] },
  심: { mr: 'Sim', rr: ['Sim'], popular: ['Shim'] },
  현: { mr: 'Hyon', rr: ['Hyeon'], popular: ['Hyun'] },
  연: { mr: 'Yon', rr: ['Yeon'], popular: ['Yeon', 'Youn'] },
  성: { mr: 'Song', rr: ['Seong'], popular: ['Sung'] },
  천: { mr: 'Chon', rr: ['Cheon'], popular: ['Chun', 'Cheon'] },
  지: { mr: 'Chi', rr: ['Ji'], popular: ['Ji', 'Chi'] },
  진: { mr: 'Chin', rr: ['Jin'], popular: ['Jin'] },
  라: { mr: 'Ra', rr: ['Ra', 'Na'], popular: ['Ra', 'La'] },
  나: { mr: 'Na', rr: ['Na'], popular: ['Na', 'Ra'] },
  량: { mr: 'Ryang', rr: ['Ryang', 'Yang'], popular: ['Ryang'] },
  양: { mr: 'Yang', rr: ['Yang'], popular: ['Yang'] },
  민: { mr: 'Min', rr: ['Min'], popular: ['Min'] },
  변: { mr: 'Pyon', rr: ['Byeon'], popular: ['Byun'] },
  표: { mr: 'Pyo', rr: ['Pyo'], popular: ['Pyo'] },
  명: { mr: 'Myong', rr: ['Myeong'], popular: ['Myung'] },
  석: { mr: 'Sok', rr: ['Seok'], popular: ['Suk', 'Seok'] },
  선: { mr: 'Son', rr: ['Seon'], popular: ['Sun'] },
  설: { mr: 'Sol', rr: ['Seol'], popular: ['Sul', 'Seol'] },
  염: { mr: 'Yom', rr: ['Yeom'], popular: ['Yeom'] },
  여: { mr: 'Yo', rr: ['Yeo'], popular: ['Yeo'] },
  육: { mr: 'Yuk', rr: ['Yuk'], popular: ['Yook'] },
  어: { mr: 'O', rr: ['Eo'], popular: ['Eo'] },
  은: { mr: 'Un', rr: ['Eun'], popular: ['Eun'] },
  경: { mr: 'Kyong', rr: ['Gyeong'], popular: ['Kyung'] },
  편: { mr: 'Pyon', rr: ['Pyeon'], popular: ['Pyun'] },
};

function familyConventional(syllable: string): { mr: string; rr: string[]; popular: string[] } {
  const known = FAMILY_CONVENTIONAL[syllable];
  if (known) return known;
  const rr = capitalize(rrSyllable(syllable));
  return { mr: capitalize(mrSyllable(syllable)), rr: [rr], popular: [capitalize(popularSyllable(syllable, true)[0] ?? rr)] };
}

/** Popular (non-system) spellings of one syllable, most usual first. */
export function popularSyllable(syllable: string, first: boolean): string[] {
  const j = decompose(syllable);
  const med = MEDIALS[j.medial] ?? '';
  const fin = RR_FINAL[j.final] ?? '';
  const finals = fin === 'p' ? ['p', 'b'] : [fin];
  let initials: string[];
  switch (INITIALS[j.initial]) {
    case 'ㄱ':
      initials = first ? ['k', 'g'] : ['g', 'k'];
      break;
    case 'ㄷ':
      initials = ['d'];
      break;
    case 'ㅂ':
      initials = ['b'];
      break;
    case 'ㅈ':
      initials = ['j'];
      break;
    case 'ㅅ':
      initials = med === 'ㅣ' || med === 'ㅟ' ? ['sh', 's'] : ['s'];
      break;
    case 'ㅇ':
      initials = [''];
      break;
    default:
      initials = [RR_INITIAL[j.initial] ?? ''];
  }
  let vowels: string[];
  const noInitial = INITIALS[j.initial] === 'ㅇ';
  switch (med) {
    case 'ㅓ':
      vowels = fin ? ['u', 'eo'] : ['eo'];
      break;
    case 'ㅕ':
      if (noInitial) vowels = fin === 'ng' ? ['ou', 'eo'] : ['eo', 'ou'];
      else vowels = fin ? ['yu', 'yeo'] : ['yeo'];
      break;
    case 'ㅜ':
      vowels = noInitial ? ['oo'] : fin ? ['oo', 'u'] : ['oo', 'u'];
      break;
    case 'ㅡ':
      vowels = ['eu'];
      break;
    case 'ㅠ':
      vowels = ['yu', 'yoo'];
      break;
    case 'ㅚ':
      vowels = ['oe', 'oi'];
      break;
    case 'ㅢ':
      vowels = ['ui', 'eui'];
      break;
    default:
      vowels = [RR_MEDIAL[j.medial] ?? ''];
  }
  // A bare ㅜ-syllable is written with w: 우 Woo, 운 Woon, 욱 Wook.
  if (noInitial && med === 'ㅜ') initials = ['w'];
  // ㅕ without initial: 영 Young, 연 Yeon/Youn.
  if (noInitial && med === 'ㅕ') vowels = vowels.map((v) => `y${v}`);
  const out: string[] = [];
  for (const i of initials) for (const v of vowels) for (const f of finals) out.push(`${i}${v}${f}`);
  return [...new Set(out)];
}

export type GivenStyle = 'hyphen' | 'space' | 'joined';

function joinGiven(parts: string[], style: GivenStyle): string {
  if (parts.length <= 1) return capitalize(parts.join(''));
  if (style === 'space') return parts.map(capitalize).join(' ');
  const [head, ...rest] = parts;
  return capitalize(head ?? '') + (style === 'hyphen' ? '-' : '') + rest.join('');
}

/** UN-style MR: "KIM CHOL NAM" / "Kim Chol-nam"; `dprkJ` writes ㅈ as j (JANG, JO) as the UN often does. */
export function romanizeMr(name: KoreanName, options: { style: GivenStyle; dprkJ: boolean; upper: boolean }): string {
  const family = options.dprkJ && decompose(name.family).initial === jamoIndex(INITIALS, 'ㅈ')
    ? capitalize(mrSyllable(name.family, { dprkJ: true }))
    : familyConventional(name.family).mr;
  const given = name.given.map((s, i) => {
    const prev = i > 0 ? decompose(name.given[i - 1] ?? '') : null;
    // MR voices a plain stop after a vowel or a nasal final.
    const voiced = prev !== null && [0, 4, 16, 21].includes(prev.final);
    return mrSyllable(s, { voiced, dprkJ: options.dprkJ });
  });
  const text = `${family} ${joinGiven(given, options.style)}`;
  return options.upper ? text.toUpperCase() : text;
}

/** Revised Romanization; the family name in its strict form ("Bak", "Gim") or the one RR keeps by custom. */
export function romanizeRr(name: KoreanName, rng: Rng, options: { style: GivenStyle }): string {
  const family = rng.pick(familyConventional(name.family).rr);
  const given = name.given.map(rrSyllable);
  return `${family} ${joinGiven(given, options.style)}`;
}

/** Popular spellings: Park Young-sik, Lee Chul-ho, Choi Kyung-hee. */
export function romanizePopular(name: KoreanName, rng: Rng, options: { style: GivenStyle }): string {
  const family = rng.pick(familyConventional(name.family).popular);
  const given = name.given.map((s, i) => {
    const options = popularSyllable(s, i === 0);
    // Most usual spelling two times in three.
    return rng.chance(0.67) ? (options[0] ?? rrSyllable(s)) : rng.pick(options);
  });
  return `${family} ${joinGiven(given, options.style)}`;
}

export function hangulName(name: KoreanName): string {
  return name.family + name.given.join('');
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading: romanized syllable → the Hangul syllables it can stand for.

type Mode = 'stripped' | 'strict-mr' | 'popular';

const INITIAL_READINGS: Record<string, { stripped: string[]; strict: string[] }> = {
  '': { stripped: ['ㅇ'], strict: ['ㅇ'] },
  k: { stripped: ['ㄱ', 'ㅋ'], strict: ['ㄱ'] },
  "k'": { stripped: ['ㅋ'], strict: ['ㅋ'] },
  kh: { stripped: ['ㅋ'], strict: ['ㅋ'] },
  kk: { stripped: ['ㄲ'], strict: ['ㄲ'] },
  g: { stripped: ['ㄱ'], strict: ['ㄱ'] },
  n: { stripped: ['ㄴ'], strict: ['ㄴ'] },
  t: { stripped: ['ㄷ', 'ㅌ'], strict: ['ㄷ'] },
  "t'": { stripped: ['ㅌ'], strict: ['ㅌ'] },
  th: { stripped: ['ㅌ'], strict: ['ㅌ'] },
  tt: { stripped: ['ㄸ'], strict: ['ㄸ'] },
  d: { stripped: ['ㄷ'], strict: ['ㄷ'] },
  r: { stripped: ['ㄹ'], strict: ['ㄹ'] },
  l: { stripped: ['ㄹ'], strict: ['ㄹ'] },
  rh: { stripped: ['ㄹ'], strict: ['ㄹ'] },
  m: { stripped: ['ㅁ'], strict: ['ㅁ'] },
  p: { stripped: ['ㅂ', 'ㅍ'], strict: ['ㅂ'] },
  "p'": { stripped: ['ㅍ'], strict: ['ㅍ'] },
  ph: { stripped: ['ㅍ'], strict: ['ㅍ'] },
  pp: { stripped: ['ㅃ'], strict: ['ㅃ'] },
  b: { stripped: ['ㅂ'], strict: ['ㅂ'] },
  s: { stripped: ['ㅅ'], strict: ['ㅅ'] },
  sh: { stripped: ['ㅅ'], strict: ['ㅅ'] },
  ss: { stripped: ['ㅆ'], strict: ['ㅆ'] },
  ch: { stripped: ['ㅈ', 'ㅊ'], strict: ['ㅈ'] },
  "ch'": { stripped: ['ㅊ'], strict: ['ㅊ'] },
  chh: { stripped: ['ㅊ'], strict: ['ㅊ'] },
  j: { stripped: ['ㅈ'], strict: ['ㅈ'] },
  jj: { stripped: ['ㅉ'], strict: ['ㅉ'] },
  tch: { stripped: ['ㅉ'], strict: ['ㅉ'] },
  h: { stripped: ['ㅎ'], strict: ['ㅎ'] },
};

// Vowel spellings: MR without breves (o = ㅗ or ㅓ, u = ㅜ or ㅡ), MR with breves written as o'/u', RR and popular forms.
const VOWEL_READINGS: Record<string, { stripped: string[]; strict: string[]; popular?: string[] }> = {
  a: { stripped: ['ㅏ'], strict: ['ㅏ'] },
  ae: { stripped: ['ㅐ'], strict: ['ㅐ'] },
  ya: { stripped: ['ㅑ'], strict: ['ㅑ'] },
  yae: { stripped: ['ㅒ'], strict: ['ㅒ'] },
  o: { stripped: ['ㅗ', 'ㅓ'], strict: ['ㅗ'] },
  "o'": { stripped: ['ㅓ'], strict: ['ㅓ'] },
  eo: { stripped: ['ㅓ'], strict: ['ㅓ'] },
  e: { stripped: ['ㅔ'], strict: ['ㅔ'] },
  yo: { stripped: ['ㅛ', 'ㅕ'], strict: ['ㅛ'] },
  "yo'": { stripped: ['ㅕ'], strict: ['ㅕ'] },
  "y'o": { stripped: ['ㅕ'], strict: ['ㅕ'] },
  yeo: { stripped: ['ㅕ'], strict: ['ㅕ'] },
  you: { stripped: ['ㅕ'], strict: ['ㅕ'] },
  ye: { stripped: ['ㅖ'], strict: ['ㅖ'] },
  wa: { stripped: ['ㅘ'], strict: ['ㅘ'] },
  wae: { stripped: ['ㅙ'], strict: ['ㅙ'] },
  oe: { stripped: ['ㅚ'], strict: ['ㅚ'] },
  oi: { stripped: ['ㅚ'], strict: ['ㅚ'] },
  u: { stripped: ['ㅜ', 'ㅡ'], strict: ['ㅜ'], popular: ['ㅜ', 'ㅡ', 'ㅓ'] },
  "u'": { stripped: ['ㅡ'], strict: ['ㅡ'] },
  eu: { stripped: ['ㅡ'], strict: ['ㅡ'] },
  oo: { stripped: ['ㅜ'], strict: ['ㅜ'] },
  ou: { stripped: ['ㅜ'], strict: ['ㅜ'], popular: ['ㅜ', 'ㅕ'] },
  woo: { stripped: ['ㅜ'], strict: ['ㅜ'] },
  wu: { stripped: ['ㅜ'], strict: ['ㅜ'] },
  wo: { stripped: ['ㅝ'], strict: ['ㅝ'] },
  "wo'": { stripped: ['ㅝ'], strict: ['ㅝ'] },
  weo: { stripped: ['ㅝ'], strict: ['ㅝ'] },
  we: { stripped: ['ㅞ'], strict: ['ㅞ'] },
  wi: { stripped: ['ㅟ'], strict: ['ㅟ'] },
  yu: { stripped: ['ㅠ'], strict: ['ㅠ'], popular: ['ㅠ', 'ㅕ'] },
  yoo: { stripped: ['ㅠ'], strict: ['ㅠ'] },
  ui: { stripped: ['ㅢ'], strict: ['ㅢ'] },
  "u'i": { stripped: ['ㅢ'], strict: ['ㅢ'] },
  eui: { stripped: ['ㅢ'], strict: ['ㅢ'] },
  i: { stripped: ['ㅣ'], strict: ['ㅣ'] },
  ee: { stripped: ['ㅣ'], strict: ['ㅣ'] },
};

const FINAL_READINGS: Record<string, string[]> = {
  '': [''],
  k: ['ㄱ'],
  g: ['ㄱ'],
  n: ['ㄴ'],
  l: ['ㄹ'],
  m: ['ㅁ'],
  p: ['ㅂ'],
  b: ['ㅂ'],
  ng: ['ㅇ'],
  t: ['ㅅ'],
  // "Oh" (오), "Ahn" (안) and "Park" (박): a written h or r that stands for nothing.
  h: [''],
  hn: ['ㄴ'],
  hm: ['ㅁ'],
  rk: ['ㄱ'],
};

const INITIAL_KEYS = Object.keys(INITIAL_READINGS).sort((a, b) => b.length - a.length);
const VOWEL_KEYS = Object.keys(VOWEL_READINGS).sort((a, b) => b.length - a.length);

/**
 * All Hangul syllables one romanized syllable can stand for (empty when it is not a Korean syllable).
 * `strict-mr`: MR written with apostrophes and breves, so an unmarked ch/k/t/p is plain and an unmarked o/u is ㅗ/ㅜ.
 */
export function readSyllable(text: string, mode: Mode): Set<string> {
  const s = text.toLowerCase().replace(/[’‘`ʼ]/g, "'").replace(/ŏ/g, "o'").replace(/ŭ/g, "u'");
  const out = new Set<string>();
  for (const ik of INITIAL_KEYS) {
    if (!s.startsWith(ik)) continue;
    const afterInitial = s.slice(ik.length);
    const initialReading = INITIAL_READINGS[ik];
    if (!initialReading) continue;
    const initials = mode === 'strict-mr' ? initialReading.strict : initialReading.stripped;
    for (const vk of VOWEL_KEYS) {
      if (!afterInitial.startsWith(vk)) continue;
      // A w- or y-vowel cannot follow a consonant spelled with w/y itself; "woo" needs an empty initial.
      if ((vk === 'woo' || vk === 'wu') && ik !== '') continue;
      const rest = afterInitial.slice(vk.length);
      const finals = FINAL_READINGS[rest];
      if (!finals) continue;
      const vowelReading = VOWEL_READINGS[vk];
      if (!vowelReading) continue;
      const vowels =
        mode === 'strict-mr' ? vowelReading.strict : mode === 'popular' ? (vowelReading.popular ?? vowelReading.stripped) : vowelReading.stripped;
      for (const i of initials) {
        for (const v of vowels) {
          for (const f of finals) {
            out.add(compose({ initial: jamoIndex(INITIALS, i), medial: jamoIndex(MEDIALS, v), final: jamoIndex(FINALS, f) }));
          }
        }
      }
    }
  }
  return out;
}

/** Split a romanized token into syllables ("yongwon" → yong|won, yon|gwon), every way it can be read; at most `limit`. */
export function segmentToken(token: string, mode: Mode, limit = 16): Set<string>[][] {
  const s = token.toLowerCase();
  const results: Set<string>[][] = [];
  const walk = (start: number, acc: Set<string>[]): void => {
    if (results.length >= limit) return;
    if (start === s.length) {
      results.push(acc.slice());
      return;
    }
    for (let end = Math.min(s.length, start + 7); end > start; end--) {
      const readings = readSyllable(s.slice(start, end), mode);
      if (readings.size === 0) continue;
      acc.push(readings);
      walk(end, acc);
      acc.pop();
    }
  };
  walk(0, []);
  return results;
}

// ---------------------------------------------------------------------------------------------------------------------
// Which readings are real names. Written from knowledge of Korean names; only used to decide that a romanized syllable
// has ONE plausible Hangul reading. Pairs that are both common in names (성/송, 영/용, 정/종, 준/춘, 재/채, 대/태, 운/은)
// are deliberately both present so the name is skipped rather than guessed.

export const FAMILY_SYLLABLES = new Set(
  [...'김이리박최정강조윤장임림한오서신권황안송류유전홍고문양량손배백허남심노로하곽성차주추우구민진나라지엄채원천방공현함변염여석설마길연련위표명기반왕금옥육인맹제모탁국어은편용예경봉사부태형빈도계피두감음소동시팽승간상갈단견당화'],
);

export const GIVEN_SYLLABLES = new Set(
  [
    ...'가각갑강개건걸겸경계고공관광교구국군권귀규균근금기길',
    ...'나남내녀년녕노농능니다단달담당대덕도돈동두득등',
    ...'라란람래량려련렬령례로록론뢰룡루류륙륜률륭르리린림립',
    ...'마만매맹면명모목몽묘무문미민밀',
    ...'박반방배백범법벽별병보복본봉부분붕비빈빙',
    ...'사산삼상새색생서석선설섭성세소손솔송수숙순술숭슬승시식신실심',
    ...'아악안애야약양언엄업여역연열염엽영예오옥온완왕외요용우욱운울웅원월위유육윤율융은을음응의이익인일임입',
    ...'자작잔장재적전점정제조존종좌주준중증지직진질집징',
    ...'차찬찰참창채책처척천철청체초촌총추축춘충취치칠침',
    ...'탁탄태택토통',
    ...'파판팔패평포표풍필',
    ...'하학한함합항해행향허헌혁현협형혜호혼홍화확환활황회효후훈휘휴흠흥희',
  ].filter((s) => !'곤손속억절졸촐섬령극윽으응벙덩헝통허'.includes(s)),
);

export interface HangulReading {
  hangul: KoreanName;
  /** Syllables (romanized) that had more than one plausible reading. */
  ambiguous: string[];
}

/**
 * Read a romanized Korean personal name (family first) into Hangul. Names written with apostrophes or breves are read as
 * strict MR; otherwise as MR without diacritics, falling back to popular spellings. Returns null when a token is not
 * Korean; `ambiguous` lists syllables with several plausible readings (the caller decides whether to guess).
 */
export function readKoreanName(name: string): { family: Set<string>; given: Set<string>[] } | null {
  const strict = /['’‘ʼŏŭ]/.test(name);
  const tokens = name.split(/[\s\-]+/).filter((t) => t.length > 0);
  if (tokens.length < 2) return null;
  const [familyToken, ...givenTokens] = tokens;
  if (!familyToken) return null;
  const read = (token: string, inventory: Set<string>): Set<string>[] | null => {
    for (const mode of (strict ? ['strict-mr', 'stripped', 'popular'] : ['stripped', 'popular']) as Mode[]) {
      const segmentations = segmentToken(token, mode);
      // Prefer the segmentation whose syllables are all plausible name syllables.
      for (const seg of segmentations.sort((a, b) => a.length - b.length)) {
        const filtered = seg.map((set) => new Set([...set].filter((h) => inventory.has(h))));
        if (filtered.every((set) => set.size > 0)) return filtered;
      }
    }
    return null;
  };
  const family = read(familyToken, FAMILY_SYLLABLES);
  if (!family || family.length !== 1 || !family[0]) return null;
  const given: Set<string>[] = [];
  for (const token of givenTokens) {
    const syllables = read(token, GIVEN_SYLLABLES);
    if (!syllables) return null;
    given.push(...syllables);
  }
  if (given.length === 0 || given.length > 3) return null;
  return { family: family[0], given };
}

/** Every Hangul syllable the romanized syllable can stand for in any system, without the name-plausibility filter. */
export function allReadings(token: string): Set<string>[][] {
  const out: Set<string>[][] = [];
  for (const mode of ['stripped', 'popular'] as Mode[]) out.push(...segmentToken(token, mode));
  return out;
}
