import { boundedEditDistance } from '../normalize/edit-distance';
import { isCommonNameSyllable, parseKoreanRomanization } from '../normalize/korean-romanization-classes';
import type { NameToken } from '../normalize/name-tokens';
import { consonantSkeleton, isKnownName, sameVowelSpelling } from './known-given-names';

/**
 * Compares two name parts: equal text, same Korean romanization class, same phonetic skeleton (another
 * transliteration of the same Cyrillic), or a spelling within a few edits (a typo). Anything else is different.
 */

export type PartRelation = 'exact' | 'korean-class' | 'transliteration' | 'cross-script' | 'nickname' | 'initial' | 'typo' | 'different';

export interface PartComparison {
  similarity: number;
  relation: PartRelation;
  /** Edits between the two spellings when `relation` is `typo`, else 0. */
  edits: number;
}

/** Same Korean class, another romanization (Pak/Bak/Park): nearly exact, so an exact spelling still ranks first. */
export const KOREAN_CLASS_SIMILARITY = 0.96;

/** Same phonetic skeleton, another transliteration (Sergei/Sergey): nearly exact. */
export const TRANSLITERATION_SIMILARITY = 0.96;

/** Same loose key with Russian spelling on one side (Tarchan/Tarkhan, Gasijew/Gaziev): a European romanization. */
export const LOOSE_TRANSLITERATION_SIMILARITY = 0.92;

/** Two patronymics whose loose keys differ by one sound: the same patronymic, lossily romanized. */
export const PATRONYMIC_VARIANT_SIMILARITY = 0.85;

/**
 * An initial and a name it may stand for (V ~ Vladimir): credited, but well below a name written out, and the part
 * weighs little (`INITIAL_WEIGHT`). Whether an initial may count at all is the name scorer's call (see
 * `initialsStandAlone` in score-name-pair.ts).
 */
export const INITIAL_SIMILARITY = 0.8;

/** Roles an initial may stand for: a name part (Abou's A too), not a particle, an acronym or another initial. */
const INITIAL_TARGET_ROLES = new Set(['part', 'common', 'patronymic', 'kinship', 'joined']);

/** A short form or diminutive of a given name (Ted ~ Theodore, Sasha ~ Aleksandr): the same name, differently written. */
export const NICKNAME_SIMILARITY = 0.9;

/**
 * A part read from another script and a Latin part on the same consonant skeleton (محمد ~ Mohammed, פרס ~ Perez):
 * Arabic and Hebrew write no short vowels and every script spells foreign sounds its own way, so this is as close as
 * two scripts come; coarse (Muhammad ~ Mahmoud), hence below a spelling variant, and the whole name must agree.
 */
export const CROSS_SCRIPT_SIMILARITY = 0.88;

/**
 * One part read from another script, the other in Latin letters, on the same consonant skeleton. On the loose
 * skeleton (every script but Arabic) the reading may not be much longer than the Latin part: the kana reading
 * "chunyon" is the joined CHUN YONG, not CHUN alone.
 */
function sameCrossScriptSkeleton(a: NameToken, b: NameToken): boolean {
  if ((a.crossScript === null) === (b.crossScript === null)) return false;
  const read = a.crossScript === null ? b : a;
  const latin = a.crossScript === null ? a : b;
  for (const key of read.crossScript ?? []) {
    if (key.length === 0 || !latin.crossScriptKeys.includes(key)) continue;
    if (!key.startsWith('~')) return true;
    // One consonant class says little (Lavrov is "r"): then the two must be of one length, give or take three letters.
    if (key.length <= 2 && Math.abs(read.text.length - latin.text.length) > 3) continue;
    if (read.text.length <= LOOSE_LENGTH_RATIO * latin.text.length + 1) return true;
  }
  return false;
}

/** How much longer a reading on the loose skeleton may be than the Latin part (kana adds vowels; Hebrew drops them). */
const LOOSE_LENGTH_RATIO = 1.4;

/** Two ascending class lists share a class. */
function shareClass(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) return true;
    if (x < y) i += 1;
    else j += 1;
  }
  return false;
}

/** Below this similarity two parts are different parts, not a misspelling of one another. */
export const MIN_PART_SIMILARITY = 0.6;

/** A part this long or longer on both sides may carry two typos; shorter parts one. */
const TWO_TYPO_MIN_LENGTH = 8;

/**
 * Edits tolerated as a typo between parts of these lengths: none when the longer has at most three letters
 * (RI → RO, MI → MU make another name), two when both have eight or more, else one.
 */
export function maxTypoEdits(shorter: number, longer: number): number {
  if (longer <= 3) return 0;
  if (shorter >= TWO_TYPO_MIN_LENGTH) return 2;
  return 1;
}

/** Roles that pair only with the same role: a particle is not a misspelt name (Abu ≠ Abboud, Al ≠ Ali). */
const FUNCTION_ROLES = new Set(['particle', 'kinship', 'stopword']);

/** A short word one letter from a particle may be that particle misspelt (Aou for Abou); a longer one is a name. */
const MISSPELT_PARTICLE_MAX_LENGTH = 5;

/**
 * Acronyms only ever equal themselves; a particle or kinship word pairs only with its own kind, or with a short
 * word one edit away (Abboud is not Abou, Aou may be).
 */
function cannotPair(a: NameToken, b: NameToken): boolean {
  if (a.role === 'acronym' || b.role === 'acronym') return true;
  const functionA = FUNCTION_ROLES.has(a.role);
  if (functionA === FUNCTION_ROLES.has(b.role)) return false;
  const other = functionA ? b : a;
  return other.text.length > MISSPELT_PARTICLE_MAX_LENGTH || boundedEditDistance(a.text, b.text, 1) > 1;
}

/**
 * Two one-syllable Korean parts of different classes that are both syllables common in names: another name
 * (Pang/Jang, Chon/Chong, Choe/Cho), never a typo. A rare reading (Pael, Chok) may still be a typo of a common one.
 */
function differentKoreanSyllables(a: NameToken, b: NameToken): boolean {
  const keyA = a.koreanSyllableKeys[0];
  const keyB = b.koreanSyllableKeys[0];
  return (
    a.koreanSyllableKeys.length === 1 &&
    b.koreanSyllableKeys.length === 1 &&
    keyA !== undefined &&
    keyB !== undefined &&
    keyA !== keyB &&
    isCommonNameSyllable(keyA) &&
    isCommonNameSyllable(keyB)
  );
}

/**
 * Two Korean parts of as many syllables, alike but for one syllable, and that syllable common in names on both
 * sides: another name (Namyang/Namgang, Kwangsong/Kwangchong), never a typo; the one-syllable case is
 * `differentKoreanSyllables`.
 */
function oneSyllableReplaced(a: NameToken, b: NameToken): boolean {
  const keysA = a.koreanSyllableKeys;
  const keysB = b.koreanSyllableKeys;
  if (keysA.length < 2 || keysA.length !== keysB.length) return false;
  let replaced = 0;
  for (let index = 0; index < keysA.length; index += 1) {
    const keyA = keysA[index] as string;
    const keyB = keysB[index] as string;
    if (keyA === keyB) continue;
    if (!isCommonNameSyllable(keyA) || !isCommonNameSyllable(keyB)) return false;
    replaced += 1;
  }
  return replaced === 1;
}

/** The written onset and vowel (glide y/w set aside) of each syllable of a romanized Korean part. */
function writtenSyllables(token: NameToken): Array<{ onset: string; vowel: string }> | null {
  const syllables = parseKoreanRomanization(token.text);
  if (!syllables) return null;
  return syllables.map((syllable) => {
    const match = /^([^aeiouwy]*)([wy]?)([aeiou]*)/.exec(syllable.text);
    return { onset: match?.[1] ?? '', vowel: match?.[3] ?? '' };
  });
}

/**
 * Whether a Latin spelling can stand for the Hangul a part was read from, when both share a Korean class (the class
 * folds 어/오/으/우 together because Latin spellings of them overlap). From Hangul the letters are exact: ㅜ and ㅡ
 * (u, eu in either romanization) are never written o or eo, and ㅊ (ch in both readings) is never written j.
 * Anything this cannot tell apart is allowed.
 */
function hangulReadingAllows(fromHangul: NameToken, latin: NameToken): boolean {
  const hangulSyllables = writtenSyllables(fromHangul);
  const latinSyllables = writtenSyllables(latin);
  if (!hangulSyllables || !latinSyllables || hangulSyllables.length !== latinSyllables.length) return true;
  return hangulSyllables.every((syllable, index) => {
    const other = latinSyllables[index];
    if (!other) return true;
    const closeVowel = syllable.vowel === 'u' || syllable.vowel === 'eu';
    if (closeVowel && (other.vowel === 'o' || other.vowel === 'eo')) return false;
    return !(syllable.onset === 'ch' && other.onset === 'j');
  });
}

/** `a` read in French transliteration (j as ж) is `b` as written. */
function frenchReadingMatches(a: NameToken, b: NameToken): boolean {
  return a.frenchSkeleton !== null && a.frenchSkeleton === b.skeleton;
}

/** `initial` is an initial and `other` a name written out that begins with its letter. */
function standsFor(initial: NameToken, other: NameToken): boolean {
  return initial.role === 'initial' && INITIAL_TARGET_ROLES.has(other.role) && other.text.length > 1 && other.text[0] === initial.text;
}

export interface ComparePartsOptions {
  /**
   * The names are Korean (the list ties the entity to Korea, or either name is shaped like a Korean name): each
   * romanized syllable is a unit of the name, see `differentKoreanSyllables`. False: neither is, and two spellings
   * of one Korean class are not one part (RESHAD is not NESHAT). Unset (retrieval, which looks for every part that
   * may pair): either may hold.
   */
  korean?: boolean;
  /** The names are organizations': a single letter is a word of its own, not an initial, and Bill is no nickname. */
  organization?: boolean;
}

const EXACT: PartComparison = { similarity: 1, relation: 'exact', edits: 0 };
const KOREAN_CLASS: PartComparison = { similarity: KOREAN_CLASS_SIMILARITY, relation: 'korean-class', edits: 0 };
const TRANSLITERATION: PartComparison = { similarity: TRANSLITERATION_SIMILARITY, relation: 'transliteration', edits: 0 };
const LOOSE_TRANSLITERATION: PartComparison = {
  similarity: LOOSE_TRANSLITERATION_SIMILARITY,
  relation: 'transliteration',
  edits: 0,
};
const PATRONYMIC_VARIANT: PartComparison = {
  similarity: PATRONYMIC_VARIANT_SIMILARITY,
  relation: 'transliteration',
  edits: 0,
};
const CROSS_SCRIPT: PartComparison = { similarity: CROSS_SCRIPT_SIMILARITY, relation: 'cross-script', edits: 0 };
const NICKNAME: PartComparison = { similarity: NICKNAME_SIMILARITY, relation: 'nickname', edits: 0 };
const INITIAL: PartComparison = { similarity: INITIAL_SIMILARITY, relation: 'initial', edits: 0 };
const DIFFERENT: PartComparison = { similarity: 0, relation: 'different', edits: 0 };

/** Similarity of a spelling `edits` away from a part of `length` characters: 1 edit in 7 letters ≈ 0.88. */
export function typoSimilarity(edits: number, length: number): number {
  return 1 - edits / (length + 1);
}

/**
 * Compares two name parts. Symmetric, in [0, 1]; acronyms, particles and stopwords only ever equal themselves.
 */
export function compareParts(a: NameToken, b: NameToken, options: ComparePartsOptions = {}): PartComparison {
  if (a.text === b.text) return EXACT;
  // Read from another script, a one-letter part is a word (Hebrew אל → "l"), not an initial.
  if (sameCrossScriptSkeleton(a, b)) return CROSS_SCRIPT;
  if (a.role === 'initial' || b.role === 'initial') {
    return options.organization !== true && (standsFor(a, b) || standsFor(b, a)) ? INITIAL : DIFFERENT;
  }
  if (cannotPair(a, b)) return DIFFERENT;
  // A particle met by a name is at most that particle misspelt (Aou for Abou), never a short form of the name: the
  // article al/el is not Ali, Eli or Albert, whether the query or the list writes it.
  const misspeltParticle = FUNCTION_ROLES.has(a.role) !== FUNCTION_ROLES.has(b.role);
  // Romanized Korean syllables of one class are one syllable only in a Korean name: read as Korean, RESHAD and NESHAT
  // (r/n, d/t) or Bio and Pi U would be one word.
  if (options.korean !== false && a.korean !== null && a.korean === b.korean) {
    // Read from Hangul, a part's letters are the syllable itself: 충 (chung) is never the list's JONG (정/종).
    if (a.hangul !== b.hangul && !hangulReadingAllows(a.hangul === true ? a : b, a.hangul === true ? b : a)) return DIFFERENT;
    return KOREAN_CLASS;
  }
  // In a Korean name the Korean classes decide; the Russian skeleton would merge Ye-un with Eun.
  const koreanOnly = options.korean === true && a.korean !== null && b.korean !== null;
  if (!koreanOnly && a.skeleton === b.skeleton) return TRANSLITERATION;
  if (!koreanOnly && !misspeltParticle && options.organization !== true && a.nicknames.length > 0 && b.nicknames.length > 0 && shareClass(a.nicknames, b.nicknames)) {
    return NICKNAME;
  }
  // French writes ж as j (Ejov = Ezhov): that reading of one part against the other as written.
  if (!koreanOnly && (frenchReadingMatches(a, b) || frenchReadingMatches(b, a))) return LOOSE_TRANSLITERATION;
  if (!koreanOnly && a.loose !== null && a.loose === b.loose && (a.slavic || b.slavic)) return LOOSE_TRANSLITERATION;
  if (options.korean && (differentKoreanSyllables(a, b) || oneSyllableReplaced(a, b))) return DIFFERENT;
  // A joined part is already a reading of two parts; a typo on top of it is too far.
  if (a.role === 'joined' || b.role === 'joined') return DIFFERENT;
  // Two patronymics one sound apart in their loose keys: one father's name in two lossy romanizations
  // (Polish without diacritics writes ж as z: Razapowicz = Razhapovich).
  if (a.role === 'patronymic' && b.role === 'patronymic' && a.loose !== null && b.loose !== null) {
    if (boundedEditDistance(a.loose, b.loose, 1) <= 1) return PATRONYMIC_VARIANT;
  }
  // A typo is an edit of the letters as written (Saadi is not one edit from Sami because its skeleton is Sadi).
  const shorter = Math.min(a.text.length, b.text.length);
  const longer = Math.max(a.text.length, b.text.length);
  // Korean names are short syllables: a second edit in one part makes another name (Ryugyong ≠ Ryungsong).
  const allowed = Math.min(maxTypoEdits(shorter, longer), options.korean ? 1 : 2);
  if (allowed === 0 || longer - shorter > allowed) return DIFFERENT;
  const edits = boundedEditDistance(a.text, b.text, allowed);
  if (edits > allowed) return DIFFERENT;
  const best = typoSimilarity(edits, longer);
  if (best < MIN_PART_SIMILARITY) return DIFFERENT;
  // Two different common names are two names, not a typo (Khalil/Khalid, Yan/Yang); vowels alone may differ when
  // they spell one vowel (Salim/Salem), not when they are another (Jamal/Jamil).
  if (
    isKnownName(a.text) &&
    isKnownName(b.text) &&
    (consonantSkeleton(a.skeleton) !== consonantSkeleton(b.skeleton) || !sameVowelSpelling(a.text, b.text))
  ) {
    return DIFFERENT;
  }
  return { similarity: best, relation: 'typo', edits };
}
