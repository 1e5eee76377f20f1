import type { AuditRecord, ScreeningKind } from '../audit/audit-record';
import type { ScreeningOutcome } from './screen-names';

/** The audit record of one screening outcome, with the request exactly as the client sent it. */
export function auditRecordOf(
  outcome: ScreeningOutcome,
  context: {
    kind: ScreeningKind;
    apiKeyId: string | null;
    request: unknown;
    reference?: string | undefined;
    batchId?: string;
    jobId?: string;
    itemId?: string;
  },
): AuditRecord {
  const { query } = outcome;
  // Spelled out rather than taken with object rest (a slow path in V8; this runs for every row of a job).
  const normalized: AuditRecord['normalized'] = { name: query.name, type: query.type, forms: query.normalized };
  if (query.country !== undefined) normalized.country = query.country;
  if (query.birthDate !== undefined) normalized.birthDate = query.birthDate;
  return {
    screeningId: outcome.screeningId,
    screenedAt: outcome.screenedAt,
    kind: context.kind,
    apiKeyId: context.apiKeyId,
    batchId: context.batchId ?? null,
    jobId: context.jobId ?? null,
    itemId: context.itemId ?? null,
    reference: context.reference ?? null,
    request: context.request,
    normalized,
    threshold: outcome.threshold,
    algorithm: outcome.algorithm,
    datasetVersion: outcome.datasetVersion,
    datasetVersions: outcome.datasetVersions,
    decision: outcome.decision,
    // Stored as JSON and hashed as canonical JSON, both of which drop undefined members exactly as res.json() does:
    // no copy needed on the hot path.
    matches: outcome.matches,
  };
}
