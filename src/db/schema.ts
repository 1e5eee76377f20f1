import type { ColumnType, Generated } from 'kysely';
import type {
  BirthDate,
  CanonicalEntity,
  Source,
  EntityType,
  Identifier,
  NameKind,
  NameOrigin,
  NameQuality,
  Place,
  ResolutionBasis,
  RiskLevel,
  Script,
  Severity,
  SourceKind,
  TextKind,
} from '../model/entity';
import type { Scope } from '../model/access';
import type { AuditKind, Decision, DispositionDecision, RowDecision } from '../model/screening';

/** jsonb columns: written as JSON text, read back as parsed values. */
type Json<T> = ColumnType<T, string, string>;
/** Columns with a database default. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface DatasetsTable {
  id: string;
  name: string;
  current_version: string | null;
}

export interface DatasetVersionsTable {
  version: string;
  dataset_id: string;
  source_date: ColumnType<Date | string | null, string | null, string | null>;
  loaded_at: ColumnType<Date, Date | string | undefined, Date | string>;
  entity_count: number;
  replaced_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sha256: ColumnType<string | null, string | null | undefined, string | null>;
  importer_version: ColumnType<string | null, string | null | undefined, string | null>;
  trigger: ColumnType<ImportTrigger | null, ImportTrigger | null | undefined, ImportTrigger | null>;
  imported_by: ColumnType<string | null, string | null | undefined, string | null>;
  previous_version: ColumnType<string | null, string | null | undefined, string | null>;
  changes: ColumnType<ChangeCounts | null, string | null | undefined, string | null>;
}

/** How a dataset version arrived: bundled files at start-up, the admin API, the scheduled fetch, or a stored file re-mapped by a new importer. */
export type ImportTrigger = 'bundled' | 'upload' | 'schedule' | 'remap';
export type ImportStatus = 'accepted' | 'unchanged' | 'refused' | 'failed';
export interface ChangeCounts {
  added: number;
  removed: number;
  amended: number;
  metadataOnly: number;
}

export interface DatasetSchedulesTable {
  dataset_id: string;
  next_fetch_at: ColumnType<Date, Date | string, Date | string>;
}

export interface DatasetFilesTable {
  dataset_id: string;
  version: string;
  content_type: string;
  bytes: Uint8Array;
}

export interface EntityVersionsTable {
  dataset_id: string;
  version: string;
  entity_id: string;
  record: Json<CanonicalEntity>;
}

export interface SourceVersionsTable {
  dataset_id: string;
  version: string;
  source_id: string;
  record: Json<Source>;
}

export interface DatasetImportsTable {
  id: string;
  dataset_id: string;
  started_at: ColumnType<Date, Date | string, Date | string>;
  finished_at: ColumnType<Date, Date | string, Date | string>;
  status: ImportStatus;
  reason: string | null;
  problems: Json<string[]>;
  trigger: ImportTrigger;
  imported_by: string | null;
  forced: boolean;
  sha256: string | null;
  byte_count: ColumnType<string | number | null, number | null, number | null>;
  version: string | null;
  source_date: ColumnType<Date | string | null, string | null, string | null>;
  entity_count: number | null;
  previous_version: string | null;
  changes: ColumnType<ChangeCounts | null, string | null, string | null>;
  build_ms: number | null;
}

export interface SourcesTable {
  id: string;
  dataset_id: string;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  credits: Json<string[]>;
  url: string | null;
  date: string | null;
  sha256: string | null;
  notes: string | null;
}

export interface SourceSectionsTable {
  source_id: string;
  ordinal: number;
  locator: string;
  heading: string | null;
  paragraph: string | null;
  text: string;
  text_kind: TextKind;
  language: string | null;
  url: string | null;
  note: string | null;
}

export interface EntitiesTable {
  id: string;
  dataset_id: string;
  type: EntityType;
  primary_name: string;
  role: string | null;
  risk_level: RiskLevel;
  countries: string[];
  nationalities: string[];
  titles: string[];
  designations: string[];
  birth_dates: Json<BirthDate[]>;
  birth_places: Json<Place[]>;
  addresses: Json<Place[]>;
  identifiers: Json<Identifier[]>;
  source_ids: string[];
  narrative: string | null;
  raw: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  search_text: string;
}

export interface EntityNamesTable {
  entity_id: string;
  ordinal: number;
  name: string;
  raw: string | null;
  kind: NameKind;
  quality: NameQuality | null;
  script: Script;
  origin: NameOrigin;
  note: string | null;
}

export interface FlagsTable {
  entity_id: string;
  ordinal: number;
  code: string;
  severity: Severity;
  title: string;
  description: string;
}

export interface RelationshipsTable {
  entity_id: string;
  ordinal: number;
  type: string;
  target_id: string;
  description: string | null;
  period: string | null;
}

export interface CitationsTable {
  entity_id: string;
  owner_kind: 'flag' | 'relationship';
  owner_ordinal: number;
  ordinal: number;
  source_id: string;
  locator: string;
  section: string | null;
  paragraph: string | null;
  quote: string | null;
  summary: string | null;
  url: string | null;
}

export interface ListingsTable {
  entity_id: string;
  ordinal: number;
  list: string;
  reference_number: string;
  regime: string;
  listed_on: string | null;
  resolution: string | null;
  resolution_basis: ResolutionBasis | null;
  data_id: string | null;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  secret_hash: string;
  scopes: Scope[];
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ScreeningsTable {
  /** bigint: pg returns it as a string. */
  seq: ColumnType<string, string | number, never>;
  id: string;
  screened_at: ColumnType<Date, string, never>;
  api_key_id: string | null;
  kind: AuditKind;
  batch_id: string | null;
  job_id: string | null;
  reference: string | null;
  /** A screening's decision, or a disposition's. */
  decision: Decision | DispositionDecision;
  record: ColumnType<Record<string, unknown>, string, never>;
  previous_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: number;
  last_seq: ColumnType<string, string | number, string | number>;
  last_hash: string;
  anchor_seq: ColumnType<string, string | number, string | number>;
  anchor_hash: string;
}

export type { Generated, Defaulted };

/** Batch screening jobs (migration 2026-11-27-003-jobs). */
export interface JobsTable {
  id: string;
  status: string;
  api_key_id: string | null;
  idempotency_key: string | null;
  fingerprint: string | null;
  format: string;
  threshold: number | null;
  chunk_rows: number;
  total: Defaulted<number>;
  chunks: Defaulted<number>;
  processed: Defaulted<number>;
  hits: Defaulted<number>;
  reviews: Defaulted<number>;
  clears: Defaulted<number>;
  invalid: Defaulted<number>;
  error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The per-dataset versions the job screens against, fixed when it was accepted; null on jobs from before. */
  dataset_versions: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  kind: Defaulted<'upload' | 'monitoring'>;
  monitor: Defaulted<boolean>;
  /** The lists the rows are screened against (migration 007); null: every list loaded. */
  lists: ColumnType<string[] | null, string | null | undefined, string | null>;
  enrolled: Defaulted<number>;
  not_enrolled: Defaulted<number>;
  monitor_run: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface MonitorsTable {
  reference: string;
  name: string;
  type: string;
  country: string | null;
  birth_date: string | null;
  api_key_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  screening_id: string | null;
  screened_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The lists it is screened against (migration 007); null: every list loaded. */
  lists: ColumnType<string[] | null, string | null | undefined, string | null>;
}

export interface MonitorMatchesTable {
  reference: string;
  entity_id: string;
  score: number;
  screening_id: string;
}

export interface AlertsTable {
  id: string;
  kind: 'new-match' | 'match-amended' | 'match-removed';
  status: 'open' | 'acknowledged' | 'closed';
  reference: string;
  entity_id: string;
  entity_name: string;
  job_id: string;
  screening_id: string;
  versions_before: Json<Record<string, string>>;
  versions_after: Json<Record<string, string>>;
  match: ColumnType<unknown, string | null, string | null>;
  changes: ColumnType<unknown, string | null, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
  note: string | null;
  closed_reason: string | null;
}

export interface DispositionsTable {
  id: string;
  screening_id: string;
  entity_id: string;
  reference: string | null;
  decision: 'false-positive' | 'true-match' | 'escalated';
  note: string | null;
  api_key_id: string | null;
  recorded_at: ColumnType<Date, Date | string, Date | string>;
  dataset_id: string;
  entity_version: string;
}

export interface JobRowsTable {
  job_id: string;
  ordinal: number;
  line: number;
  input: Json<unknown>;
  error: string | null;
}

export interface JobChunksTable {
  job_id: string;
  chunk: number;
  row_count: number;
  status: Defaulted<string>;
  attempts: Defaulted<number>;
  worker: string | null;
  last_error: string | null;
  screen_ms: number | null;
  commit_ms: number | null;
  done_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface JobResultsTable {
  job_id: string;
  line: number;
  ordinal: number;
  row_id: string | null;
  reference: string | null;
  screening_id: string | null;
  decision: RowDecision;
  matches: Json<unknown[]>;
  error: string | null;
}

/** Webhook endpoints (migration 2026-12-05-006-webhooks). */
export interface WebhookEndpointsTable {
  id: string;
  /** bigint identity: a string from pg, a number from PGlite. */
  seq: ColumnType<string | number, never, never>;
  url: string;
  /** Event types, one of WEBHOOK_EVENT_TYPES each. */
  events: string[];
  description: string | null;
  /** whsec_…, kept in clear: signing needs it. */
  secret: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface WebhookEventsTable {
  id: string;
  type: string;
  body: string;
  created_at: ColumnType<Date, Date | string, Date | string>;
}

export interface WebhookDeliveriesTable {
  id: string;
  seq: ColumnType<string | number, never, never>;
  endpoint_id: string;
  event_id: string;
  /** pending, delivered or failed (DELIVERY_STATUSES). */
  status: Defaulted<string>;
  attempts: Defaulted<number>;
  next_attempt_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: ColumnType<Date, Date | string, Date | string>;
  delivered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  failed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  failure: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface WebhookAttemptsTable {
  id: ColumnType<string | number, never, never>;
  delivery_id: string;
  attempted_at: ColumnType<Date, Date | string, Date | string>;
  /** schedule or redeliver. */
  trigger: string;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  response_excerpt: string | null;
}

/** One interface per table; kysely's view of the database. */
export interface Database {
  datasets: DatasetsTable;
  dataset_versions: DatasetVersionsTable;
  dataset_files: DatasetFilesTable;
  entity_versions: EntityVersionsTable;
  source_versions: SourceVersionsTable;
  dataset_imports: DatasetImportsTable;
  dataset_schedules: DatasetSchedulesTable;
  monitors: MonitorsTable;
  monitor_matches: MonitorMatchesTable;
  alerts: AlertsTable;
  dispositions: DispositionsTable;
  sources: SourcesTable;
  source_sections: SourceSectionsTable;
  entities: EntitiesTable;
  entity_names: EntityNamesTable;
  flags: FlagsTable;
  relationships: RelationshipsTable;
  citations: CitationsTable;
  listings: ListingsTable;
  api_keys: ApiKeysTable;
  screenings: ScreeningsTable;
  audit_chain_head: AuditChainHeadTable;
  jobs: JobsTable;
  job_rows: JobRowsTable;
  job_chunks: JobChunksTable;
  job_results: JobResultsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
