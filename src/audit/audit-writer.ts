import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AuditRecord } from './audit-record';
import { appendToChain } from './audit-repository';

// One transaction carries at most this many records; a 1,000-item batch fits in one.
export const MAX_RECORDS_PER_FLUSH = 5000;

interface Pending {
  records: readonly AuditRecord[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the audit chain: concurrent writers' records are appended together in one transaction.
 * `write` resolves only once its records are committed, and rejects if that transaction failed — the caller
 * must then withhold the result (fail closed).
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: Kysely<Database>) {}

  write(records: readonly AuditRecord[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group: Pending[] = [];
        let size = 0;
        while (this.queue.length > 0) {
          const next = this.queue[0]!;
          if (group.length > 0 && size + next.records.length > MAX_RECORDS_PER_FLUSH) break;
          group.push(this.queue.shift()!);
          size += next.records.length;
        }
        try {
          await appendToChain(this.db, group.flatMap((p) => p.records));
          for (const p of group) p.resolve();
        } catch (error) {
          for (const p of group) p.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
