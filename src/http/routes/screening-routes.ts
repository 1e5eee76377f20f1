import { Router, type Request } from 'express';
import type { AuditRecord } from '../../audit/audit-record';
import type { AppContext } from '../../context';
import { isDatabaseUnavailable } from '../../db/database-errors';
import { auditRecordOf } from '../../screening/audit-records';
import { BatchRequestSchema, ScreenRequestSchema } from '../../screening/screening-schemas';
import { screenBatch, screenName } from '../../screening/screening-service';
import { ServiceUnavailableError } from '../errors';
import type { Metrics } from '../metrics';
import { allowOnly } from '../method-not-allowed';
import { parseRequest } from '../validate';

// While data loads at startup, clients retry after this many seconds.
const LOADING_RETRY_AFTER_SECONDS = 5;
// When the audit record cannot be written the client retries after this many seconds.
const AUDIT_RETRY_AFTER_SECONDS = 10;

/** POST /v1/screen and POST /v1/screen/batch: screen, record, then answer — never answer unrecorded. */
export function screeningRoutes(context: AppContext, metrics: Metrics): Router {
  const router = Router();
  const snapshot = () => {
    const current = context.data.snapshot;
    if (!current) throw new ServiceUnavailableError('the screening data is still loading', LOADING_RETRY_AFTER_SECONDS);
    return current;
  };

  /** Fail closed: a result that was not recorded was never given. */
  async function record(req: Request, records: AuditRecord[]): Promise<void> {
    try {
      await context.audit.write(records);
    } catch (error) {
      metrics.auditFailures.inc();
      // The database away is expected (the 503 is logged once, as a warning); anything else is a bug.
      if (!isDatabaseUnavailable(error)) req.log.error({ err: error, records: records.length }, 'audit write failed; result withheld');
      throw new ServiceUnavailableError('the audit record could not be written, so no result is given; retry later', AUDIT_RETRY_AFTER_SECONDS, error);
    }
  }

  router
    .route('/v1/screen')
    .post(...context.auth.requireScope('screen'), async (req, res) => {
      const input = parseRequest(ScreenRequestSchema, req.body, 'body');
      const outcome = screenName(snapshot(), input, {
        limit: input.limit,
        ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
      });
      await record(req, [
        auditRecordOf(outcome, { kind: 'single', apiKeyId: req.auth?.keyId ?? null, request: req.body, reference: input.reference }),
      ]);
      metrics.screenings.inc({ kind: 'single', decision: outcome.decision });
      res.json(outcome);
    })
    .all(allowOnly('POST'));

  router
    .route('/v1/screen/batch')
    .post(...context.auth.requireScope('screen'), async (req, res) => {
      const batch = parseRequest(BatchRequestSchema, req.body, 'body');
      const { outcomes, response } = screenBatch(snapshot(), batch);
      const received = (req.body as { items: unknown[] }).items;
      await record(
        req,
        outcomes.map(({ item, outcome }, index) =>
          auditRecordOf(outcome, {
            kind: 'batch-item',
            apiKeyId: req.auth?.keyId ?? null,
            request: received[index],
            reference: item.reference,
            batchId: response.batchId,
            itemId: item.id,
          }),
        ),
      );
      for (const { outcome } of outcomes) metrics.screenings.inc({ kind: 'batch-item', decision: outcome.decision });
      res.json(response);
    })
    .all(allowOnly('POST'));
  return router;
}
