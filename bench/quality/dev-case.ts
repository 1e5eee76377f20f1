import type { MatchQuery } from '../../src/matching/types';

/** Positive classes: each case names one listed entity in a form a screener must still catch. */
export const POSITIVE_CLASSES = [
  'exact',
  'case-punctuation',
  'reordered',
  'typo',
  'korean-rr',
  'korean-popular',
  'hangul',
  'cyrillic',
  'russian-translit',
  'legal-form',
  'acronym',
  'with-qualifiers',
  'cyrillic-korean',
  'simplified-chinese',
  'other-script',
  'abbreviation',
  'long-legal-form',
  'numerals',
  'initials',
  'nickname',
  'fuller-query',
] as const;
export type PositiveClass = (typeof POSITIVE_CLASSES)[number];

/** Negative classes: realistic names of people and companies that name no listed subject, by origin and script. */
export const NEGATIVE_CLASSES = [
  'neg-russian-latin',
  'neg-russian-cyrillic',
  'neg-korean-mr',
  'neg-korean-rr',
  'neg-korean-popular',
  'neg-hangul',
  'neg-chinese',
  'neg-arabic',
  'neg-european',
  'neg-other',
  'neg-company-latin',
  'neg-company-cyrillic',
  'neg-koryo-saram',
  'neg-korean-institutions',
  'neg-chinese-companies',
] as const;
export type NegativeClass = (typeof NEGATIVE_CLASSES)[number];

/**
 * Review classes: the query names a listed entity, but something given with it contradicts the listing (a birth year
 * far off, another patronymic, another legal form, another place). The right answer is neither "hit" nor "nothing":
 * the entity comes back unconfirmed, with what contradicts it, for an analyst to decide.
 */
export const REVIEW_CLASSES = ['conflicts'] as const;
export type ReviewClass = (typeof REVIEW_CLASSES)[number];

/** The decision a case expects when it is not a plain hit (positives) or nothing (negatives). */
export type ExpectedDecision = 'review';

/** Names close to a listed one that still name someone else: negatives, reported apart as "near-miss hits". */
export const NEAR_MISS_CLASS = 'near-miss';

export type VariantClass = PositiveClass | ReviewClass | NegativeClass | typeof NEAR_MISS_CLASS;

export interface DevCase {
  /** Stable within one dev-set file, e.g. "typo-0012". */
  id: string;
  query: MatchQuery;
  /** The listed entity the query names, or null for negatives and near misses. */
  expectedEntityId: string | null;
  /** Review classes only: the entity must come back unconfirmed (isMatch false, with conflicts), never as a hit. */
  expectedDecision?: ExpectedDecision;
  variantClass: VariantClass;
  /** How the case was made, e.g. "RR of 'PAK YONG SIK' (박영식)". */
  note: string;
  /** Near misses and review cases: which rule made it (relative, same-first-token, birth-year, ...). */
  subclass?: string;
  /** Cases written by hand in hand-cases.ts rather than generated. */
  handWritten?: boolean;
}

export interface DevSet {
  /** Bump when the generators change in a way that changes the set. */
  generatorVersion: number;
  seed: string;
  /** Entity ids and names the set was built from, to detect a stale file. */
  builtFrom: { entities: number; datasets: string[] };
  /** Classes that the list cannot fill to the target (with the reason), e.g. too few acronyms printed. */
  listLimited: Record<string, string>;
  cases: DevCase[];
}

/** A case whose expected entity must be a hit (not a review case). */
export function isPositive(c: DevCase): boolean {
  return c.expectedEntityId !== null && c.expectedDecision === undefined;
}

/** A case whose expected entity must come back for review, not as a hit. */
export function isReview(c: DevCase): boolean {
  return c.expectedDecision === 'review';
}

/** A negative proper: names nobody listed (near misses are negatives too, but reported apart). */
export function isNegative(c: DevCase): boolean {
  return c.expectedEntityId === null && !isNearMiss(c);
}

export function isNearMiss(c: DevCase): boolean {
  return c.variantClass === NEAR_MISS_CLASS;
}
