import type { Logger } from 'pino';
import type { AuditRecord } from '../audit/audit-record';
import type { AuditWriter } from '../audit/audit-writer';
import type { DataSnapshot } from '../datasets/load-snapshot';
import { isDatabaseUnavailable } from '../db/database-errors';
import { ServiceUnavailableError } from '../shared/errors';
import type { Metrics } from '../shared/metrics';
import { auditRecordOf } from './audit-records';
import type { SuppressionLookup } from './dispositions';
import { listsToScreen, screenBatchItems, screenName, type ScreeningOutcome } from './screen-names';
import type { BatchRequest, ScreenRequest } from './screening-schemas';

// While data loads at startup, clients retry after this many seconds.
const LOADING_RETRY_AFTER_SECONDS = 5;
// When the audit record cannot be written the client retries after this many seconds.
const AUDIT_RETRY_AFTER_SECONDS = 10;

/** Who asks, and what they sent: kept in the audit record. */
export interface ScreeningCaller {
  apiKeyId: string | null;
  /** The request body exactly as received (for a batch: the body whose `items` are the received items). */
  request: unknown;
}

export type BatchScreening = ReturnType<typeof screenBatchItems>['response'];

export interface ScreeningService {
  /** Screens one counterparty; resolves only once its audit record is committed (else rejects with a 503). */
  screen(input: ScreenRequest, caller: ScreeningCaller): Promise<ScreeningOutcome>;
  /** Screens a batch against one dataset version; resolves only once every item's record is committed. */
  screenBatch(batch: BatchRequest, caller: ScreeningCaller): Promise<BatchScreening>;
}

/**
 * Screening as the API gives it, with the rule a regulator cares about most held in one place: match → audit record
 * → append → answer. No outcome leaves this service unless its record was committed; when the record cannot be
 * written the caller gets a 503 and no result. (A job chunk commits its rows' records in the same transaction as
 * its results: `jobs/job-repository.ts`, `commitChunk`.)
 */
export function createScreeningService(deps: {
  snapshot: () => DataSnapshot | undefined;
  /** Analysts' false-positive decisions in force for the counterparties asked about (by `reference`). */
  suppressions: SuppressionLookup;
  audit: AuditWriter;
  metrics: Metrics;
  log: Logger;
}): ScreeningService {
  const snapshot = () => {
    const current = deps.snapshot();
    if (!current) throw new ServiceUnavailableError('the screening data is still loading', LOADING_RETRY_AFTER_SECONDS);
    return current;
  };

  /** Fail closed: a result that was not recorded was never given. */
  async function record(records: AuditRecord[]): Promise<void> {
    try {
      await deps.audit.write(records);
    } catch (error) {
      deps.metrics.auditFailures.inc();
      // The database away is expected (the 503 says so, logged once as a warning); anything else is a bug.
      if (!isDatabaseUnavailable(error)) deps.log.error({ err: error, records: records.length }, 'audit write failed; result withheld');
      throw new ServiceUnavailableError('the audit record could not be written, so no result is given; retry later', AUDIT_RETRY_AFTER_SECONDS, error);
    }
  }

  return {
    async screen(input, caller) {
      const data = snapshot();
      const suppressions = input.reference === undefined ? undefined : (await deps.suppressions([input.reference], data)).get(input.reference);
      const outcome = screenName(data, input, {
        limit: input.limit,
        lists: listsToScreen(data, input.lists),
        ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
        ...(suppressions !== undefined ? { suppressions } : {}),
      });
      await record([auditRecordOf(outcome, { kind: 'single', apiKeyId: caller.apiKeyId, request: caller.request, reference: input.reference })]);
      deps.metrics.screenings.inc({ kind: 'single', decision: outcome.decision });
      return outcome;
    },

    async screenBatch(batch, caller) {
      const data = snapshot();
      const references = batch.items.flatMap((item) => (item.reference === undefined ? [] : [item.reference]));
      const suppressions = await deps.suppressions(references, data);
      const { outcomes, response } = screenBatchItems(data, batch, new Date(), (reference) => (reference === undefined ? undefined : suppressions.get(reference)));
      const received = (caller.request as { items: unknown[] }).items;
      await record(
        outcomes.map(({ item, outcome }, index) =>
          auditRecordOf(outcome, {
            kind: 'batch-item',
            apiKeyId: caller.apiKeyId,
            request: received[index],
            reference: item.reference,
            batchId: response.batchId,
            itemId: item.id,
          }),
        ),
      );
      for (const { outcome } of outcomes) deps.metrics.screenings.inc({ kind: 'batch-item', decision: outcome.decision });
      return response;
    },
  };
}
