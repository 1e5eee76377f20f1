import type { NameToken } from '../normalize/name-tokens';
import { compareParts } from '../score/compare-name-parts';

/**
 * The keys under which the index files a vocabulary part and a query part looks it up: the same functions on both
 * sides, so a lookup finds what the build filed.
 */

/** Typo keys (skeleton minus one letter) only for parts this long: shorter ones would match half the vocabulary. */
export const MIN_TYPO_KEY_LENGTH = 4;

/** Acronyms and joined parts compare differently from plain parts of the same letters, so they are kept apart. */
export function vocabularyKey(token: NameToken): string {
  if (token.role === 'acronym') return `\u0001${token.text}`;
  if (token.role === 'joined') return `\u0002${token.text}${token.crossScript !== null ? `\u0003${token.crossScript.join('\u0003')}` : ''}`;
  if (token.crossScript !== null) return `\u0003${token.crossScript.join('\u0003')}\u0003${token.text}`;
  return token.text;
}

/**
 * The keys under which a part is filed for the cross-script comparison: a part read from another script under its
 * skeleton, a Latin part under each of its `crossScriptKeys`.
 */
export function crossScriptFilingKeys(token: NameToken): string[] {
  if (token.crossScript !== null) return token.crossScript.filter((key) => key.length > 0).map((key) => `s${key}`);
  return token.crossScriptKeys.map((key) => `l${key}`);
}

/** The keys a part looks up for the cross-script comparison: the other side's filings (see `crossScriptFilingKeys`). */
export function crossScriptLookupKeys(token: NameToken): string[] {
  if (token.crossScript !== null) return token.crossScript.filter((key) => key.length > 0).map((key) => `l${key}`);
  return token.crossScriptKeys.map((key) => `s${key}`);
}

/** The words themselves and each one's one-letter deletions (symmetric deletion keys). */
function deletionsOf(words: readonly string[]): string[] {
  const keys = new Set<string>(words);
  for (const word of words) {
    if (word.length < MIN_TYPO_KEY_LENGTH) continue;
    for (let i = 0; i < word.length; i += 1) keys.add(word.slice(0, i) + word.slice(i + 1));
  }
  return [...keys];
}

/** Typo keys of a part: its text, its skeleton and their one-letter deletions. */
export function deletionKeys(token: NameToken): string[] {
  return deletionsOf([token.skeleton, token.text]);
}

/**
 * Keys of a patronymic's loose reading and its one-letter deletions: two patronymics one sound apart there are one
 * father's name in two lossy romanizations (Razapovic = Rajapovich, see `compareParts`).
 */
export function patronymicKeys(token: NameToken): string[] {
  return token.role === 'patronymic' && token.loose !== null ? deletionsOf([token.loose]) : [];
}

/** Two parts that are each one common Korean name syllable, of different classes (see `compare-name-parts.ts`). */
export function koreanSyllableNeighbours(a: NameToken, b: NameToken): boolean {
  return compareParts(a, b, { korean: true }).relation === 'different' && a.koreanSyllables === 1 && b.koreanSyllables === 1;
}
