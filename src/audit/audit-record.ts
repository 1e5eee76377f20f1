import { createHash } from 'node:crypto';
import type { AuditKind, Decision, DispositionDecision, ScreeningKind } from '../model/screening';
import { canonicalJson } from './canonical-json';

/** The genesis hash: the chain starts from 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

export type { ScreeningKind } from '../model/screening';

/** One screening as recorded: everything needed to show a regulator what was asked and answered. */
export interface AuditRecord {
  screeningId: string;
  screenedAt: string;
  kind: ScreeningKind;
  apiKeyId: string | null;
  batchId: string | null;
  jobId: string | null;
  /** Batch item id or job row id. */
  itemId: string | null;
  reference: string | null;
  /** The request exactly as received (the JSON body, the batch item, the job row). */
  request: unknown;
  /** The request as the service understood it, with the matcher's normalized name forms. */
  normalized: { name: string; type: string; country?: string; birthDate?: string; forms: string[] };
  threshold: number;
  algorithm: string;
  datasetVersion: string;
  /** The version of each dataset the answer came from: an examiner fetches the exact entries with it. */
  datasetVersions: Readonly<Record<string, string>>;
  decision: Decision;
  /** The matches exactly as returned to the client. */
  matches: unknown[];
}

/** An analyst's decision on one match of a screening, as the audit trail records it, in the same chain. */
export interface DispositionRecord {
  kind: 'disposition';
  dispositionId: string;
  recordedAt: string;
  /** The screening whose match it decides on. */
  screeningId: string;
  entityId: string;
  reference: string | null;
  decision: DispositionDecision;
  note: string | null;
  apiKeyId: string | null;
  /** The version of the entity's dataset the decision was taken on. */
  datasetId: string;
  entityVersion: string;
}

/**
 * A record ready to be appended: the columns the audit table indexes (`screeningId` is the record's own id: a
 * screening's, or a disposition's), and its canonical JSON — what is hashed and what is stored. Made where the record
 * is made (a job's screening thread, say), so the append, which holds the chain lock, only hashes and writes.
 */
export interface SerializedAuditRecord {
  screeningId: string;
  screenedAt: string;
  kind: AuditKind;
  apiKeyId: string | null;
  batchId: string | null;
  jobId: string | null;
  reference: string | null;
  decision: Decision | DispositionDecision;
  canonicalJson: string;
}

export function serializeDispositionRecord(record: DispositionRecord): SerializedAuditRecord {
  return {
    screeningId: record.dispositionId,
    screenedAt: record.recordedAt,
    kind: 'disposition',
    apiKeyId: record.apiKeyId,
    batchId: null,
    jobId: null,
    reference: record.reference,
    decision: record.decision,
    canonicalJson: canonicalJson(record),
  };
}

export function serializeAuditRecord(record: AuditRecord): SerializedAuditRecord {
  const { screeningId, screenedAt, kind, apiKeyId, batchId, jobId, reference, decision } = record;
  return { screeningId, screenedAt, kind, apiKeyId, batchId, jobId, reference, decision, canonicalJson: canonicalJson(record) };
}

/** sha256(previousHash + the record's canonical JSON), hex. */
export function hashOnto(previousHash: string, canonical: string): string {
  return createHash('sha256').update(previousHash).update(canonical).digest('hex');
}

/** sha256(previousHash + canonical JSON of the record), hex. */
export function chainHash(previousHash: string, record: AuditRecord | Record<string, unknown>): string {
  return hashOnto(previousHash, canonicalJson(record));
}
