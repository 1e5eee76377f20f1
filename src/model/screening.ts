/** The vocabulary of a screening's outcome, shared by the API schemas, the audit trail and the database columns. */

/** hit: a critical- or high-risk match; review: medium or low risk, or a conflicting candidate; clear: nothing. */
export const DECISIONS = ['hit', 'review', 'clear'] as const;
export type Decision = (typeof DECISIONS)[number];

/** What a query may ask to match: a person, an organization, or either. */
export const QUERY_TYPES = ['person', 'organization', 'vessel', 'aircraft', 'any'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

/** How a screening reached the service: POST /v1/screen, one item of a batch, one row of a job. */
export const SCREENING_KINDS = ['single', 'batch-item', 'job-row'] as const;
export type ScreeningKind = (typeof SCREENING_KINDS)[number];

/** What an analyst decided about one match of a screening. */
export const DISPOSITION_DECISIONS = ['false-positive', 'true-match', 'escalated'] as const;
export type DispositionDecision = (typeof DISPOSITION_DECISIONS)[number];

/** A record of the hash-chained audit trail: a screening of some kind, or an analyst's disposition. */
export type AuditKind = ScreeningKind | 'disposition';

/** A job row's outcome: a decision, or `invalid` when the row could not be screened. */
export const ROW_DECISIONS = [...DECISIONS, 'invalid'] as const;
export type RowDecision = (typeof ROW_DECISIONS)[number];
