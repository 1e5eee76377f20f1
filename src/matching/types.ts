import type { EntityType, IdentifierScheme } from '../model/entity';

/**
 * An identifier the caller gives: compared with the list identifiers of the same scheme once upper-cased and
 * stripped of spaces, dashes, dots and slashes (an IMO number as its seven digits, "IMO 9176187" = "9176187").
 */
export interface QueryIdentifier {
  scheme: IdentifierScheme;
  value: string;
  /** Issuing country, ISO 3166-1 alpha-2; not given, the value alone decides. */
  country?: string;
}

/**
 * What a caller asks the matcher. All qualifiers are optional; they raise or lower a score, never filter alone. An
 * IMO number or a passport that agrees decides a match whatever the name (see `score/compare-identifiers.ts`).
 */
export interface MatchQuery {
  name: string;
  type?: EntityType | 'any';
  /** ISO 3166-1 alpha-2 */
  country?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  birthDate?: string;
  identifiers?: QueryIdentifier[];
}

export interface MatchOptions {
  /** Minimum score for a candidate to be returned; default `DEFAULT_THRESHOLD`. */
  threshold?: number;
  /** Maximum number of matches returned, best first. */
  limit?: number;
  /** Only entities of these datasets (`CanonicalEntity.dataset`) are candidates; default all. */
  datasets?: ReadonlySet<string>;
  /** A threshold per dataset, in place of `threshold` for that dataset's candidates. */
  thresholds?: Readonly<Record<string, number>>;
}

export interface MatchExplanation {
  /** One line a human reads, e.g. "family name exact, given name Revised→McCune–Reischauer equivalent, birth year agrees". */
  summary: string;
  /** Each feature's contribution to the score (signed), keyed by feature name. */
  features: Record<string, number>;
  /** The query form (after normalization/transliteration) that met the list name. */
  queryForm: string;
  /** The list name as normalized for comparison. */
  listForm: string;
}

export interface MatchResult {
  entityId: string;
  /** In [0, 1]. */
  score: number;
  /** score >= `threshold`, and no conflict. */
  isMatch: boolean;
  /** The threshold this candidate was judged by: its dataset's (`MatchOptions.thresholds`), else the query's. */
  threshold: number;
  /** The list name (as displayed) that produced the best score. */
  matchedName: string;
  /**
   * What contradicts the name (a birth year more than five years off, another patronymic, another legal form, another
   * place): present only on a candidate the name alone would match, which then has `isMatch: false`.
   */
  conflicts?: string[];
  explanation: MatchExplanation;
}

export interface MatchOutcome {
  /** The normalized forms of the query name the matcher compared (Latin, lower case, one per script reading). */
  normalized: string[];
  /** Candidates with score >= their threshold (and conflicted ones whose name alone would match), best first, at most `limit`. */
  matches: MatchResult[];
  /**
   * The query identifiers that took no part, each quoting its value and why: "IMO 9176188: check digit does not
   * agree". Absent when there are none.
   */
  identifierProblems?: string[];
}

/** A matcher bound to one dataset version: built once, queried many times, pure and synchronous. */
export interface Matcher {
  /** "name@version", e.g. "dprk-screen@1.0.0". */
  readonly algorithm: string;
  match(query: MatchQuery, options?: MatchOptions): MatchOutcome;
}
