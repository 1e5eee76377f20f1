import type { EntityType } from '../model/entity';

/** What a caller asks the matcher. All qualifiers are optional; they raise or lower a score, never filter alone. */
export interface MatchQuery {
  name: string;
  type?: EntityType | 'any';
  /** ISO 3166-1 alpha-2 */
  country?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  birthDate?: string;
}

export interface MatchOptions {
  /** Minimum score for a candidate to be returned; default `DEFAULT_THRESHOLD`. */
  threshold?: number;
  /** Maximum number of matches returned, best first. */
  limit?: number;
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
  /** score >= the threshold in force. */
  isMatch: boolean;
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
  /** Candidates with score >= threshold, best first, at most `limit`. */
  matches: MatchResult[];
}

/** A matcher bound to one dataset version: built once, queried many times, pure and synchronous. */
export interface Matcher {
  /** "name@version", e.g. "dprk-screen@1.0.0". */
  readonly algorithm: string;
  match(query: MatchQuery, options?: MatchOptions): MatchOutcome;
}
