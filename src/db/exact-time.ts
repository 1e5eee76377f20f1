import { sql } from 'kysely';

/**
 * A timestamp column as text to the microsecond, UTC: what a (time, id) cursor must carry, because PostgreSQL keeps
 * microseconds and a millisecond ISO string would skip the rows that share the millisecond.
 */
export function exactTime(column: string) {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The shape of a (time, id) cursor's position: the exact time, a space, the id. */
export const TIME_ID_CURSOR = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z [0-9a-f-]+$/;
