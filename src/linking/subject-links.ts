/**
 * What linking list entries into subjects produces: the links (each with the rule that made it and the evidence in
 * words), the subjects they form, and the links it refused to make.
 */

/** The rules that can link two entries of different datasets, strongest first. */
export const LINK_RULES = ['stated-cross-reference', 'shared-identifier', 'name-and-birth-date', 'name-and-qualifiers'] as const;
export type LinkRule = (typeof LINK_RULES)[number];

/** One link between two entries of different datasets that are the same subject. */
export interface SubjectLink {
  /** The entry that states the reference (stated-cross-reference), otherwise the entry of the earlier dataset. */
  from: string;
  to: string;
  rule: LinkRule;
  /** Human words, e.g. "UK entry states (UN Ref):KPi.063", "passport 745120345 (KP) on both". */
  evidence: string;
}

export const REFUSAL_REASONS = [
  // An entry matched two or more entries of one other dataset (and not all of them by a stated reference).
  'ambiguous',
  // The link would put two entries of one dataset (two UN entries, say) into one subject.
  'joins-entries-of-one-dataset',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Links left out on purpose, for a person to look at. */
export interface RefusedLinks {
  reason: RefusalReason;
  /** The links that were not made. */
  links: SubjectLink[];
  /** Human words, e.g. "ofac-123 matches 2 entries of uk-sanctions (uk-1, uk-2); none linked". */
  detail: string;
}

/** A stated cross-reference that names no entry of the datasets given. */
export interface UnresolvedReference {
  from: string;
  list: string;
  referenceNumber: string;
}

export interface SubjectLinks {
  /** The subject id of an entry: itself when it is linked to nothing (or is not one of the entries given). */
  subjectOf(entityId: string): string;
  /** Member ids of a subject, the subject id first; `[]` when `subjectId` is no subject's id. */
  membersOf(subjectId: string): readonly string[];
  /** The links that made the subject; `[]` for an entry linked to nothing. */
  linksOf(subjectId: string): readonly SubjectLink[];
  readonly links: readonly SubjectLink[];
  /** Subjects among the entries given, entries linked to nothing included. */
  readonly subjectCount: number;
  /** Candidate links that were not made, with the reason. */
  readonly refused: readonly RefusedLinks[];
  /** Stated cross-references that point to no entry given (e.g. a UN reference delisted since). */
  readonly unresolvedReferences: readonly UnresolvedReference[];
}
