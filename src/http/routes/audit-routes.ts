import { Router } from 'express';
import { z } from 'zod';
import { findScreening, listScreenings, verifyChain, type StoredScreening } from '../../audit/audit-repository';
import { ScreeningListQuerySchema } from '../../audit/audit-schemas';
import type { AppContext } from '../../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { NotFoundError } from '../errors';
import { allowOnly } from '../method-not-allowed';
import { parseRequest } from '../validate';

const present = (s: StoredScreening) => ({ ...s.record, seq: s.seq, hash: s.hash, previousHash: s.previousHash });

// An audit cursor is the chain position (seq) of the last record on the page.
const SEQ = /^\d{1,20}$/;

/** GET /v1/screenings/{id}, GET /v1/screenings, GET /v1/audit/verify (scope `audit`). */
export function auditRoutes(context: AppContext): Router {
  const router = Router();
  const db = context.database.db;
  const guard = context.auth.requireScope('audit');

  router
    .route('/v1/screenings')
    .get(...guard, async (req, res) => {
      const { limit, cursor, ...filters } = parseRequest(ScreeningListQuerySchema, req.query, 'query');
      const rows = await listScreenings(db, filters, { limit, ...(cursor !== undefined ? { beforeSeq: decodeCursor(cursor, SEQ) } : {}) });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      res.json({ items: page.map(present), nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null });
    })
    .all(allowOnly('GET'));

  router
    .route('/v1/screenings/:id')
    .get(...guard, async (req, res) => {
      const { id } = parseRequest(z.object({ id: z.string().max(128) }), req.params, 'path');
      const found = await findScreening(db, id);
      if (!found) throw new NotFoundError(`screening "${id}" does not exist`);
      res.json(present(found));
    })
    .all(allowOnly('GET'));

  router
    .route('/v1/audit/verify')
    .get(...guard, async (_req, res) => {
      res.json(await verifyChain(context.database.longDb));
    })
    .all(allowOnly('GET'));
  return router;
}
