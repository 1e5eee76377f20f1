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
] as const;
export type NegativeClass = (typeof NEGATIVE_CLASSES)[number];

/** Names close to a listed one that still name someone else: negatives, reported apart as "near-miss hits". */
export const NEAR_MISS_CLASS = 'near-miss';

export type VariantClass = PositiveClass | NegativeClass | typeof NEAR_MISS_CLASS;

export interface DevCase {
  /** Stable within one dev-set file, e.g. "typo-0012". */
  id: string;
  query: MatchQuery;
  /** The listed entity the query names, or null for negatives and near misses. */
  expectedEntityId: string | null;
  variantClass: VariantClass;
  /** How the case was made, e.g. "RR of 'PAK YONG SIK' (박영식)". */
  note: string;
  /** Near misses only: which rule made it (relative, same-first-token, ...). */
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

export function isPositive(c: DevCase): boolean {
  return c.expectedEntityId !== null;
}

export function isNearMiss(c: DevCase): boolean {
  return c.variantClass === NEAR_MISS_CLASS;
}
