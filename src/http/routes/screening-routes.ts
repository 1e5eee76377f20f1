import { Router } from 'express';
import type { AppContext } from '../../context';
import { BatchRequestSchema, ScreenRequestSchema } from '../../screening/screening-schemas';
import { screenBatch, screenName } from '../../screening/screening-service';
import { ServiceUnavailableError } from '../errors';
import { allowOnly } from '../method-not-allowed';
import { parseRequest } from '../validate';

// While data loads at startup, clients retry after this many seconds.
const LOADING_RETRY_AFTER_SECONDS = 5;

/** POST /v1/screen and POST /v1/screen/batch. */
export function screeningRoutes(context: AppContext): Router {
  const router = Router();
  const snapshot = () => {
    const current = context.data.snapshot;
    if (!current) throw new ServiceUnavailableError('the screening data is still loading', LOADING_RETRY_AFTER_SECONDS);
    return current;
  };

  router
    .route('/v1/screen')
    .post(async (req, res) => {
      const input = parseRequest(ScreenRequestSchema, req.body, 'body');
      const outcome = screenName(snapshot(), input, {
        limit: input.limit,
        ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
      });
      res.json(outcome);
    })
    .all(allowOnly('POST'));

  router
    .route('/v1/screen/batch')
    .post(async (req, res) => {
      const batch = parseRequest(BatchRequestSchema, req.body, 'body');
      res.json(screenBatch(snapshot(), batch).response);
    })
    .all(allowOnly('POST'));
  return router;
}
