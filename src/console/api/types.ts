/**
 * The parts of the public API's answers the console reads (openapi/openapi.json is the full description). Fields the
 * API may add are ignored; optional ones are optional here too.
 */

export type Scope = 'screen' | 'read' | 'audit' | 'review' | 'admin';
export type Decision = 'hit' | 'review' | 'clear';
export type RiskLevel = 'critical' | 'high' | 'medium' | 'low' | 'none';

export interface WhoAmI {
  open: boolean;
  keyId: string | null;
  scopes: Scope[];
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
}

export interface Citation {
  sourceId: string;
  locator: string;
  section?: string;
  paragraph?: string;
  paragraphId?: string;
  quote?: string;
  summary?: string;
  url?: string;
}

export interface Flag {
  code: string;
  severity: string;
  title: string;
  description: string;
  citations: Citation[];
}

export interface Listing {
  list: string;
  referenceNumber: string;
  regime: string;
  listedOn: string | null;
  resolution?: string;
  dataset?: string;
}

export interface RelationshipRef {
  type: string;
  entityId: string;
  name: string;
  direction?: 'outbound' | 'inbound';
  period?: string;
  description?: string;
  citations?: Citation[];
}

export interface Explanation {
  summary: string;
  features: Record<string, number>;
  queryForm?: string;
  listForm?: string;
}

export interface Match {
  entityId: string;
  name: string;
  aliases: string[];
  type: string;
  score: number;
  isMatch: boolean;
  matchedName: string;
  explanation: Explanation;
  riskLevel: RiskLevel;
  flags: Flag[];
  listings: Listing[];
  relationships: RelationshipRef[];
  conflicts?: string[];
  suppressedBy?: { dispositionId: string; disposition: string; recordedAt?: string; note?: string | null };
  /** The lists (dataset ids) that hold this subject. */
  lists?: string[];
  /** Entries on several lists that are one subject, and the rule that linked each. */
  subject?: {
    id: string;
    members: Array<{ entityId: string; dataset: string; name: string; matchedName?: string; score?: number }>;
    links: Array<{ from: string; to: string; rule: string; evidence: string }>;
  };
}

/** The identifier kinds screening compares. */
export type IdentifierType = 'imo' | 'passport' | 'national-id' | 'tax-id' | 'registration';

export interface ScreenRequest {
  name: string;
  type?: 'person' | 'organization' | 'any';
  country?: string;
  birthDate?: string;
  reference?: string;
  lists?: string[];
  identifiers?: Array<{ type: IdentifierType; value: string; country?: string }>;
}

export interface ScreenResponse {
  screeningId: string;
  screenedAt: string;
  datasetVersion: string;
  algorithm: string;
  threshold: number;
  decision: Decision;
  query: { name: string; type: string; country?: string; birthDate?: string; normalized: string[] };
  matches: Match[];
  suppressed?: number;
  lists?: string[];
  matchedLists?: string[];
  identifierProblems?: string[];
}

export interface EntityName {
  name: string;
  raw?: string;
  kind: string;
  quality?: string;
  script: string;
  origin: string;
  note?: string;
}

export interface Place {
  city?: string;
  stateProvince?: string;
  street?: string;
  country?: string;
  countryCode?: string;
  note?: string;
}

export interface Entity {
  id: string;
  type: string;
  dataset: string;
  version?: string;
  name: string;
  aliases: string[];
  names: EntityName[];
  role?: string;
  narrative?: string;
  titles: string[];
  designations: string[];
  countries: string[];
  nationalities: string[];
  birthDates: { kind: string; date?: string; from?: string; to?: string; note?: string }[];
  birthPlaces: Place[];
  addresses: Place[];
  identifiers: { type: string; value: string; country?: string; issuedOn?: string; note?: string }[];
  riskLevel: RiskLevel;
  flags: Flag[];
  listings: Listing[];
  relationships: RelationshipRef[];
  sources: { id: string; kind: string; title: string }[];
}

export interface EntitySummary {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  riskLevel: RiskLevel;
  flags: string[];
  listings: Listing[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SourceSection {
  locator: string;
  heading?: string;
  paragraph?: string;
  paragraphId?: string;
  text: string;
  textKind: 'verbatim' | 'summary';
  language?: string;
  url?: string;
  note?: string;
}

export interface Source {
  id: string;
  dataset: string;
  kind: string;
  title: string;
  publisher?: string;
  credits?: string[];
  url?: string;
  date?: string;
  sha256?: string;
  notes?: string;
  sections: SourceSection[];
}

export interface SourceParagraph extends SourceSection {
  sourceId: string;
  citedBy: { entityId: string; name: string }[];
}

export type AlertKind = 'new-match' | 'match-amended' | 'match-removed';
export type AlertStatus = 'open' | 'acknowledged' | 'closed';

export interface Alert {
  id: string;
  kind: AlertKind;
  status: AlertStatus;
  reference: string;
  entityId: string;
  entityName: string;
  screeningId: string;
  jobId?: string;
  datasetVersionsBefore?: Record<string, string>;
  datasetVersionsAfter?: Record<string, string>;
  match?: (Partial<Match> & { reason?: string }) | null;
  /** match-amended: per field, `before`/`after` (a single value) or `removed`/`added` (items of a list field). */
  changes?: { field: string; kind?: 'scalar' | 'set'; before?: unknown; after?: unknown; added?: unknown[]; removed?: unknown[] }[] | null;
  note?: string | null;
  updatedBy?: string | null;
  closedReason?: string | null;
  createdAt: string;
  updatedAt?: string;
}

export type DispositionDecision = 'false-positive' | 'true-match' | 'escalated';

export interface Disposition {
  dispositionId: string;
  screeningId: string;
  entityId: string;
  reference: string | null;
  decision: DispositionDecision;
  note: string | null;
  recordedAt: string;
  audit: { seq: string; hash: string; previousHash: string };
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Job {
  jobId: string;
  status: JobStatus;
  total: number;
  processed: number;
  hits: number;
  reviews: number;
  clears: number;
  invalid?: number;
  createdAt?: string;
  startedAt: string | null;
  finishedAt: string | null;
  etaSeconds: number | null;
  error?: string | null;
}

export interface JobCreated {
  jobId: string;
  status: JobStatus;
  total: number;
}

export interface ScreeningRecord {
  screeningId: string;
  screenedAt: string;
  kind: string;
  apiKeyId: string | null;
  jobId?: string | null;
  batchId?: string | null;
  itemId?: string | null;
  reference: string | null;
  request: unknown;
  threshold?: number;
  algorithm?: string;
  datasetVersion?: string;
  datasetVersions?: Record<string, string>;
  decision?: Decision;
  matches?: unknown[];
  seq: string;
  hash: string;
  previousHash: string;
}

/** A disposition's record in the same chain (GET /v1/screenings/{dispositionId}). */
export interface DispositionAuditRecord {
  kind: 'disposition';
  dispositionId: string;
  recordedAt: string;
  screeningId: string;
  entityId: string;
  reference: string | null;
  decision: DispositionDecision;
  note: string | null;
  apiKeyId: string | null;
  datasetId?: string;
  entityVersion?: string;
  seq: string;
  hash: string;
  previousHash: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  records: number;
  firstBrokenId?: string;
  reason?: string;
}
