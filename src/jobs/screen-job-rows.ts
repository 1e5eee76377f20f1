import type { z } from 'zod';
import { serializeAuditRecord, type SerializedAuditRecord } from '../audit/audit-record';
import type { DataSnapshot } from '../datasets/load-snapshot';
import { zodProblems } from '../shared/validate';
import { auditRecordOf } from '../screening/audit-records';
import { BatchItemSchema } from '../screening/screening-schemas';
import { listsToScreen, screenName, type Suppression } from '../screening/screen-names';

/** A stored job row, as a chunk hands it to the screening threads. */
export interface JobRowToScreen {
  ordinal: number;
  line: number;
  input: unknown;
  error: string | null;
}

import type { RowDecision } from '../model/screening';
export type { RowDecision };

/**
 * One row's result as stored in job_results, with the audit record of its screening (none when invalid), already
 * serialized: the thread that screened the row does that work, not the event loop that commits it.
 */
export interface ScreenedJobRow {
  ordinal: number;
  line: number;
  rowId: string | null;
  reference: string | null;
  screeningId: string | null;
  decision: RowDecision;
  /** The matches as JSON text, exactly as the results download returns them. */
  matchesJson: string;
  error: string | null;
  audit: SerializedAuditRecord | null;
}

export interface ScreenRowsOptions {
  jobId: string;
  apiKeyId: string | null;
  threshold?: number;
  /** The lists the job's rows are screened against (a row's own `lists` column wins); undefined: all loaded. */
  lists?: string[];
  limit: number;
  now?: Date;
  /** False-positive decisions in force, by reference and entity id (plain objects: they cross to a thread). */
  suppressions?: Record<string, Record<string, Suppression>>;
}

// Ids and references longer than the schema allows are still echoed in results, cut to this length.
const MAX_ECHOED_LENGTH = 256;

function textField(input: unknown, field: string): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const value = (input as Record<string, unknown>)[field];
  return typeof value === 'string' ? value.slice(0, MAX_ECHOED_LENGTH) : null;
}

// Required fields keep an empty value, so the reason reads "name must not be empty" rather than "is required".
const REQUIRED_FIELDS = new Set(['id', 'name']);

/**
 * The row as the batch item schema reads it: empty CSV cells and JSON nulls of optional fields are absent fields.
 * The row as received is what the audit record keeps; this is only what gets validated.
 */
function presentFields(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  return Object.fromEntries(Object.entries(input).filter(([key, value]) => REQUIRED_FIELDS.has(key) || (value !== '' && value !== null)));
}

/** A row's own `lists` column (comma-separated dataset ids), apart from the fields a screening item takes. */
function splitLists(input: unknown): { lists: unknown; fields: unknown } {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !('lists' in input)) return { lists: undefined, fields: input };
  const { lists, ...fields } = input as Record<string, unknown>;
  return { lists, fields };
}

/** Why a row is invalid, one clause per bad field: "name: name must not be empty; country: …". */
function invalidReason(error: z.ZodError): string {
  return zodProblems(error)
    .map(({ path, message }) => {
      const text = /received undefined$/.test(message) ? `${path} is required` : message;
      return path === '(root)' ? text : `${path}: ${text}`;
    })
    .join('; ');
}

/**
 * Validates and screens the rows of one chunk against one snapshot: pure computation, no I/O. Every valid row gets
 * an audit record (kind `job-row`, the row as received); an invalid row gets decision `invalid` with the reason.
 */
export function screenJobRows(snapshot: DataSnapshot, rows: readonly JobRowToScreen[], options: ScreenRowsOptions): ScreenedJobRow[] {
  const now = options.now ?? new Date();
  return rows.map((row): ScreenedJobRow => {
    const invalid = (error: string): ScreenedJobRow => ({
      ordinal: row.ordinal,
      line: row.line,
      rowId: textField(row.input, 'id'),
      reference: textField(row.input, 'reference'),
      screeningId: null,
      decision: 'invalid',
      matchesJson: '[]',
      error,
      audit: null,
    });
    if (row.error !== null) return invalid(row.error);
    const { lists: rowLists, fields } = splitLists(presentFields(row.input));
    const parsed = BatchItemSchema.safeParse(fields);
    if (!parsed.success) {
      return invalid(invalidReason(parsed.error));
    }
    const item = parsed.data;
    let lists: string[];
    try {
      lists = listsToScreen(snapshot, typeof rowLists === 'string' ? rowLists.split(',').map((id) => id.trim()).filter((id) => id !== '') : options.lists);
    } catch (error) {
      return invalid(error instanceof Error ? error.message : String(error));
    }
    const suppressed = item.reference === undefined ? undefined : options.suppressions?.[item.reference];
    const outcome = screenName(snapshot, item, {
      limit: options.limit,
      now,
      lists,
      ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
      ...(suppressed !== undefined ? { suppressions: new Map(Object.entries(suppressed)) } : {}),
    });
    const record = auditRecordOf(outcome, {
      kind: 'job-row',
      apiKeyId: options.apiKeyId,
      request: row.input,
      reference: item.reference,
      jobId: options.jobId,
      itemId: item.id,
    });
    return {
      ordinal: row.ordinal,
      line: row.line,
      rowId: item.id,
      reference: item.reference ?? null,
      screeningId: outcome.screeningId,
      decision: outcome.decision,
      matchesJson: JSON.stringify(record.matches),
      error: null,
      audit: serializeAuditRecord(record),
    };
  });
}
