import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { NotFoundError } from '../shared/errors';
import { decodeCursor, encodeCursor } from '../shared/pagination';
import { findScreening, listScreenings, verifyChain, type ScreeningFilters, type StoredScreening, type VerifyResult } from './audit-repository';

// An audit cursor is the chain position (seq) of the last record on the page.
const SEQ = /^\d{1,20}$/;

const present = (s: StoredScreening) => ({ ...s.record, seq: s.seq, hash: s.hash, previousHash: s.previousHash });
export type PresentedScreening = ReturnType<typeof present>;

export interface AuditService {
  /** Records newest first, one page; `cursor` from the previous page's `nextCursor` (a foreign one is a 400). */
  list(filters: ScreeningFilters, page: { limit: number; cursor?: string }): Promise<{ items: PresentedScreening[]; nextCursor: string | null }>;
  /** One stored record with its hashes, or 404. */
  get(screeningId: string): Promise<PresentedScreening>;
  /** Recomputes the whole chain (on the long-operation connections). */
  verify(): Promise<VerifyResult>;
}

/** Reading the audit trail: pages, single records and verification. Writing it is the AuditWriter's job. */
export function createAuditService(db: Kysely<Database>, longDb: Kysely<Database>): AuditService {
  return {
    async list(filters, page) {
      const rows = await listScreenings(db, filters, {
        limit: page.limit,
        ...(page.cursor !== undefined ? { beforeSeq: decodeCursor(page.cursor, SEQ) } : {}),
      });
      const items = rows.slice(0, page.limit);
      const last = items[items.length - 1];
      return { items: items.map(present), nextCursor: rows.length > page.limit && last ? encodeCursor(last.seq) : null };
    },
    async get(screeningId) {
      const found = await findScreening(db, screeningId);
      if (!found) throw new NotFoundError(`screening "${screeningId}" does not exist`);
      return present(found);
    },
    verify: () => verifyChain(longDb),
  };
}
