/**
 * Hangul → Latin by jamo arithmetic (precomposed syllables U+AC00…U+D7A3), in the two systems Korean names reach
 * a bank in: McCune–Reischauer as the UN writes DPRK names (no breves or apostrophes: 박 → Pak, 철 → Chol,
 * 경 → Kyong, 동 → Tong, initial ㄹ as R: 리 → Ri) and the South Korean Revised Romanization (Bak, Cheol, Gyeong,
 * Dong, Ri). Names are romanized syllable by syllable, as the UN list writes them ("PAK YONG SIK").
 */

export type HangulSystem = 'mr' | 'rr';

const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const MEDIALS_PER_INITIAL = 21;
const FINALS_PER_MEDIAL = 28;

// Initial consonants in jamo order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
const INITIALS_RR = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
// McCune–Reischauer word-initial values without the aspiration apostrophe; ㅈ as the UN writes it for the DPRK (Jong).
const INITIALS_MR = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'tch', 'ch', 'k', 't', 'p', 'h'];
// Vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
const MEDIALS_RR = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
// McCune–Reischauer with the breves dropped, as in the UN list (ŏ → o, ŭ → u).
const MEDIALS_MR = ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];
// Final consonants: (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

/** Korean family names of two syllables; every other family name is the first syllable. */
const TWO_SYLLABLE_FAMILY_NAMES = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방', '망절', '어금']);

/** Longest Hangul word treated as a personal name and split into syllables (family name + given name). */
const MAX_NAME_SYLLABLES = 4;

export interface HangulJamo {
  initial: number;
  medial: number;
  final: number;
}

/** True when `char` is one precomposed Hangul syllable. */
export function isHangulSyllable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return char.length === 1 && code >= SYLLABLE_BASE && code <= SYLLABLE_LAST;
}

/** True when `text` contains at least one precomposed Hangul syllable. */
export function hasHangul(text: string): boolean {
  return /[\uac00-\ud7a3]/.test(text);
}

/** Jamo indices of a precomposed syllable: code = base + (initial × 21 + medial) × 28 + final. */
export function decomposeHangulSyllable(char: string): HangulJamo | null {
  if (!isHangulSyllable(char)) return null;
  const offset = (char.codePointAt(0) ?? 0) - SYLLABLE_BASE;
  return {
    initial: Math.floor(offset / (MEDIALS_PER_INITIAL * FINALS_PER_MEDIAL)),
    medial: Math.floor(offset / FINALS_PER_MEDIAL) % MEDIALS_PER_INITIAL,
    final: offset % FINALS_PER_MEDIAL,
  };
}

/** One Hangul syllable in the given system, lower case ("박" → "pak" in MR, "bak" in RR). */
export function romanizeHangulSyllable(char: string, system: HangulSystem): string {
  const jamo = decomposeHangulSyllable(char);
  if (!jamo) return char;
  const initials = system === 'mr' ? INITIALS_MR : INITIALS_RR;
  const medials = system === 'mr' ? MEDIALS_MR : MEDIALS_RR;
  return `${initials[jamo.initial] ?? ''}${medials[jamo.medial] ?? ''}${FINALS[jamo.final] ?? ''}`;
}

/**
 * Romanizes every Hangul word of `text` (other characters pass through). A word of at most four syllables is read
 * as a personal name and written syllable by syllable with the family name first, as the UN list does
 * ("박영식" → "pak yong sik" / "bak yeong sik"); a longer word is written as one word.
 */
export function romanizeHangul(text: string, system: HangulSystem): string {
  return text.replace(/[\uac00-\ud7a3]+/g, (word) => {
    const syllables = Array.from(word);
    if (syllables.length > MAX_NAME_SYLLABLES) {
      return syllables.map((syllable) => romanizeHangulSyllable(syllable, system)).join('');
    }
    const familyLength = TWO_SYLLABLE_FAMILY_NAMES.has(syllables.slice(0, 2).join('')) ? 2 : 1;
    const family = syllables
      .slice(0, familyLength)
      .map((syllable) => romanizeHangulSyllable(syllable, system))
      .join('');
    const given = syllables.slice(familyLength).map((syllable) => romanizeHangulSyllable(syllable, system));
    return ` ${[family, ...given].join(' ')} `;
  });
}
