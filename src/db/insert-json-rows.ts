import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

/** A value that is already JSON text (a jsonb column's value, serialized once upstream): written into the row as is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** A row to insert: the table's insertable columns, jsonb ones possibly as `JsonText`. */
export type JsonRow<T extends keyof Database> = { [K in keyof Insertable<Database[T]>]: Insertable<Database[T]>[K] | JsonText };

// The escapes JSON.stringify writes that jsonb refuses: U+0000, and unpaired UTF-16 surrogates (paired ones are written
// as they are). A backslash of the data itself is written \\, so an escape is one after an even run of backslashes.
const UNSTORABLE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi;

/**
 * The JSON text of `value` as a jsonb column can hold it: U+0000 and unpaired surrogates, which PostgreSQL refuses,
 * become U+FFFD; `replaced` says whether any did.
 */
export function storableJson(value: unknown): { text: string; replaced: boolean } {
  const text = JSON.stringify(value);
  // No \u in the text, nothing to replace: the common case.
  if (!text.includes('\\u')) return { text, replaced: false };
  let replaced = false;
  const storable = text.replace(UNSTORABLE_ESCAPE, (_escape, backslashes: string) => {
    replaced = true;
    return `${backslashes}\\ufffd`;
  });
  return { text: storable, replaced };
}

// Rows per statement: one parameter however many rows, so the bound is the statement's size (~0.5 MB of audit records).
export const JSON_INSERT_ROWS = 1000;

/** `{"column":value,…}`; `keys` holds each column's `"column":` with its leading comma or brace. */
function rowJson(row: Record<string, unknown>, columns: readonly string[], keys: readonly string[]): string {
  let text = '';
  for (let i = 0; i < columns.length; i++) {
    const value = row[columns[i]!];
    text += keys[i]! + (value instanceof JsonText ? value.text : JSON.stringify(value ?? null));
  }
  return `${text}}`;
}

/**
 * Inserts many rows as ONE jsonb parameter per statement, expanded by `jsonb_populate_recordset` into the table's own
 * row type. A multi-row VALUES list binds a parameter per cell: 6,000 of them for 500 audit records, which PostgreSQL
 * parses, plans and converts one by one and the client compiles and serializes one by one — that was most of a job
 * chunk's commit. Here the cells travel as one JSON document, the columns get their types from the table, and a jsonb
 * column takes its nested JSON as is. Every row must name the same columns (those of the first row are inserted; the
 * others keep their defaults).
 */
export async function insertJsonRows<T extends keyof Database & string>(
  db: Kysely<Database> | Transaction<Database>,
  table: T,
  rows: readonly JsonRow<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c)}:`);
  const columnList = sql.join(columns.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += JSON_INSERT_ROWS) {
    const slice = rows.slice(i, i + JSON_INSERT_ROWS) as readonly Record<string, unknown>[];
    const document = `[${slice.map((row) => rowJson(row, columns, keys)).join(',')}]`;
    await sql`insert into ${sql.table(table)} (${columnList})
      select ${columnList} from jsonb_populate_recordset(null::${sql.table(table)}, ${document}::jsonb)`.execute(db);
  }
}
