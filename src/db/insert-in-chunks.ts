import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

// PostgreSQL allows 65,535 bind parameters per statement; 500 rows of up to ~20 columns stay well below it.
export const INSERT_CHUNK_ROWS = 500;

/** Inserts rows in multi-row statements of at most `chunkRows` (default INSERT_CHUNK_ROWS) rows. */
export async function insertInChunks<T extends keyof Database & string>(
  db: Kysely<Database> | Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  chunkRows = INSERT_CHUNK_ROWS,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkRows) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunkRows) as never)
      .execute();
  }
}
