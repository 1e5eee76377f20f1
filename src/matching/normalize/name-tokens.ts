import { shippedGivenNameTable } from './given-name-variants';
import { koreanSyllableKeysOfParts } from './korean-romanization-classes';
import { kinshipClass, namePartRole, namePartWeight, type NamePartRole } from './name-part-weights';
import { phoneticSkeleton } from './phonetic-skeleton';
import { latinArabicSkeleton, looseConsonantKey, withoutNasalsBeforeStops } from './script-readings';
import { frenchSkeleton, hasSlavicSpelling, looseSlavicKey } from './slavic-name-keys';

/**
 * One name part as every later stage sees it: its text, its weight and what is known from the text alone (phonetic
 * skeleton, Korean class key, Russian loose key, role). Tokens are made here only, and a matcher analyzes each
 * distinct text once.
 */

/** What is known about a name part from its text alone (cacheable per distinct text). */
export interface TokenFeatures {
  readonly skeleton: string;
  /** Korean romanization class key, or null when the part cannot be read as romanized Korean. */
  readonly korean: string | null;
  /** The class key of each Korean syllable (empty when `korean` is null). */
  readonly koreanSyllableKeys: readonly string[];
  readonly koreanSyllables: number;
  /** Loose key for European romanizations of Russian names (see `looseSlavicKey`), or null. */
  readonly loose: string | null;
  /** The part shows Russian romanization (so a loose-key agreement means something). */
  readonly slavic: boolean;
  /** The skeleton of the French reading, j as ж (see `frenchSkeleton`), or null. */
  readonly frenchSkeleton: string | null;
  /** The given-name classes the part belongs to (Ted and Theodore share one), ascending; empty for most parts. */
  readonly nicknames: readonly number[];
  /**
   * The keys on which a Latin part meets a part read from another script (see `crossScript`): the consonant skeleton
   * of its reading as a transliteration of Arabic (`latinArabicSkeleton`) and its loose consonant skeleton
   * (`looseConsonantKey`, prefixed `~`). Empty keys left out.
   */
  readonly crossScriptKeys: readonly string[];
  readonly role: NamePartRole;
}

export interface NameToken extends TokenFeatures {
  readonly text: string;
  readonly weight: number;
  /**
   * The part was read from Hangul (one of its two romanizations): its letters then say which vowel and initial the
   * writer meant, which a Latin spelling folded to its Korean class no longer does (see `compareParts`).
   */
  readonly hangul?: boolean;
  /**
   * The part of a query was read from another script: the consonant skeletons of its word, on which it meets a
   * Latin part holding one of them among its `crossScriptKeys` — the Arabic skeleton of an Arabic-script word
   * (`arabicSkeleton`; of a Hebrew word's reading too, for Arabic names written in Hebrew), `~` and the loose
   * skeleton of the reading for Greek, Hebrew, Georgian, Armenian, kana … (`looseConsonantKey`). Null for a part
   * written in Latin letters (or read from Cyrillic, Hangul or Han), and for every list part.
   */
  readonly crossScript: readonly string[] | null;
}

const NO_KEYS: readonly string[] = [];

/** Consonant classes a loose cross-script key needs (a one-class key is checked for length, see `compareParts`). */
const MIN_LOOSE_KEY_LENGTH = 1;

/** The cross-script keys of a Latin part (see `TokenFeatures.crossScriptKeys`). */
function crossScriptKeysOf(text: string): string[] {
  const keys: string[] = [];
  const arabic = latinArabicSkeleton(text);
  if (arabic.length > 0) keys.push(arabic);
  // The article glued on (ALNSIEM = النسيم): the name without it too.
  if (text.length > 4 && (text.startsWith('al') || text.startsWith('el'))) {
    const bare = latinArabicSkeleton(text.slice(2));
    if (bare.length > 0 && bare !== arabic) keys.push(bare);
  }
  // A Latin ch may be hushing or hissing (Chaika, Michel), a v a vowel letter's w or a b, a kh an h (Greek Χ
  // for Habib and Khalimov alike), a nasal before its stop silent (Greek μπ for Mbarushimana's mb): see
  // `looseConsonantKey` and `withoutNasalsBeforeStops`.
  for (const spelling of new Set([text, withoutNasalsBeforeStops(text)])) {
    for (const chAs of spelling.includes('ch') ? (['j', 's'] as const) : (['j'] as const)) {
      for (const vAs of spelling.includes('v') ? (['', 'b'] as const) : ([''] as const)) {
        // … and a Korean hw the f of kana (ファン for Hwan).
        const variants = new Set([spelling, spelling.replace(/kh/g, 'h'), spelling.replace(/hw/g, 'f')]);
        for (const variant of variants) {
          const loose = looseConsonantKey(variant, chAs, vAs);
          if (loose.length >= MIN_LOOSE_KEY_LENGTH && !keys.includes(`~${loose}`)) keys.push(`~${loose}`);
        }
      }
    }
  }
  return keys;
}

/** Computes `TokenFeatures` of a lower-case token; a matcher passes a memoizing one. */
export type TokenAnalyzer = (text: string) => TokenFeatures;

/** Features of parts written together (the Korean class follows the written syllables, see `joinTokens`). */
export type JoinedTokenAnalyzer = (parts: readonly string[]) => TokenFeatures;

/**
 * Analyzes one token from scratch (no cache). `crossScript` false leaves `crossScriptKeys` empty: a query's Latin
 * part never needs them (only a query part is ever read from another script, and it meets list parts).
 */
export function analyzeToken(text: string, crossScript = true): TokenFeatures {
  const phonetic = phoneticSkeleton(text);
  const role = namePartRole(text, phonetic);
  const koreanSyllableKeys = koreanSyllableKeysOfParts([text]) ?? [];
  return {
    // The spellings of a kinship marker share one skeleton (Abou = Abu = Abo).
    skeleton: role === 'kinship' ? (kinshipClass(text) ?? phonetic) : phonetic,
    korean: koreanSyllableKeys.length > 0 ? koreanSyllableKeys.join('') : null,
    koreanSyllableKeys,
    koreanSyllables: koreanSyllableKeys.length,
    loose: looseSlavicKey(text),
    slavic: hasSlavicSpelling(text),
    frenchSkeleton: frenchSkeleton(text),
    nicknames: shippedGivenNameTable().classesOfSkeleton(phonetic),
    crossScriptKeys: crossScript ? crossScriptKeysOf(text) : NO_KEYS,
    role,
  };
}

/** Query tokens (not in the list vocabulary) whose features are remembered after `freeze()`. */
const QUERY_TOKEN_CACHE_SIZE = 20_000;

/**
 * A memoizing analyzer for a fixed vocabulary: tokens seen while `learning` are kept for good; once `freeze()` is
 * called, unseen tokens go to a bounded cache (cleared when full), so a long-running matcher's memory does not grow
 * with queries while recurring query parts are analyzed once.
 */
export function createTokenAnalyzer(): { analyze: TokenAnalyzer; analyzeJoined: JoinedTokenAnalyzer; freeze: () => void } {
  const cache = new Map<string, TokenFeatures>();
  const joinedCache = new Map<string, TokenFeatures>();
  const queryCache = new Map<string, TokenFeatures>();
  const queryJoinedCache = new Map<string, TokenFeatures>();
  let learning = true;
  const remember = (
    kept: Map<string, TokenFeatures>,
    bounded: Map<string, TokenFeatures>,
    key: string,
    features: TokenFeatures,
  ): void => {
    if (learning) {
      kept.set(key, features);
      return;
    }
    if (bounded.size >= QUERY_TOKEN_CACHE_SIZE) bounded.clear();
    bounded.set(key, features);
  };
  const analyze: TokenAnalyzer = (text) => {
    const cached = cache.get(text) ?? queryCache.get(text);
    if (cached) return cached;
    const features = analyzeToken(text, learning);
    remember(cache, queryCache, text, features);
    return features;
  };
  return {
    analyze,
    analyzeJoined: (parts) => {
      const key = parts.join('\u0001');
      const cached = joinedCache.get(key) ?? queryJoinedCache.get(key);
      if (cached) return cached;
      const features = analyzeJoinedToken(parts, analyze);
      remember(joinedCache, queryJoinedCache, key, features);
      return features;
    },
    freeze: () => {
      learning = false;
    },
  };
}

/**
 * Features of parts written together: those of the joined text, except the Korean class, which keeps the writer's
 * syllable boundaries ("No U" is two syllables, never the one syllable "nou").
 */
export function analyzeJoinedToken(parts: readonly string[], analyze: TokenAnalyzer = analyzeToken): TokenFeatures {
  const features = analyze(parts.join(''));
  const koreanSyllableKeys = koreanSyllableKeysOfParts(parts) ?? [];
  return {
    ...features,
    role: 'joined',
    korean: koreanSyllableKeys.length > 0 ? koreanSyllableKeys.join('') : null,
    koreanSyllableKeys,
    koreanSyllables: koreanSyllableKeys.length,
  };
}

/**
 * The one place a token is made. Spelled out rather than spread: every token (a part, or parts written together) then
 * has one object shape, so the property reads of retrieval and scoring stay monomorphic; a spread is costly too.
 */
export function nameToken(
  text: string,
  features: TokenFeatures,
  role: NamePartRole,
  weight: number,
  hangul: boolean,
  crossScript: readonly string[] | null = null,
): NameToken {
  return {
    text,
    skeleton: features.skeleton,
    korean: features.korean,
    koreanSyllableKeys: features.koreanSyllableKeys,
    koreanSyllables: features.koreanSyllables,
    loose: features.loose,
    slavic: features.slavic,
    frenchSkeleton: features.frenchSkeleton,
    nicknames: features.nicknames,
    crossScriptKeys: features.crossScriptKeys,
    role,
    weight,
    hangul,
    crossScript,
  };
}

/** Builds one token with its features and role. */
export function makeToken(
  text: string,
  analyze: TokenAnalyzer,
  role?: NamePartRole,
  hangul = false,
  crossScript: readonly string[] | null = null,
): NameToken {
  const features = analyze(text);
  const finalRole = role ?? features.role;
  return nameToken(text, features, finalRole, namePartWeight(finalRole), hangul, crossScript);
}
