import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { HttpError } from '../shared/errors';
import { feed, UploadAbortedError } from '../shared/upload-streams';

export type JobFileFormat = 'csv' | 'ndjson';

/** The columns a job file may carry; `id` and `name` are required, the others optional, in any order. */
export const JOB_FILE_COLUMNS = ['id', 'name', 'type', 'country', 'birthDate', 'reference', 'lists'] as const;
const REQUIRED_COLUMNS = ['id', 'name'];

// One row is a counterparty, not a document: a longer row is a broken file (an unclosed quote swallowing the rest).
export const MAX_ROW_BYTES = 64 * 1024;

/** One data row of a job file, as received. */
export interface ReceivedRow {
  /** The line where the row starts, 1-based; in a CSV file the header is line 1. */
  line: number;
  /** CSV: the cells by column name (empty cells included); NDJSON: the parsed value; unreadable: the line's text. */
  input: unknown;
  /** Why the row could not be read as a row (it is reported and never screened), or null. */
  error: string | null;
}

/** The file is not a job file at all (wrong header, not CSV, not NDJSON): the upload fails with 400. */
export class MalformedJobFileError extends HttpError {
  constructor(detail: string) {
    super(400, 'malformed-job-file', 'Malformed job file', detail);
  }
}

/**
 * Streams the data rows of a job file, in file order, holding at most one row (plus the parser's buffer) in memory.
 * Row-level problems are reported on the row; a file that is not CSV/NDJSON, or has the wrong header, throws
 * `MalformedJobFileError` at the first sign of it. Never destroys `source`: a caller that stops early can still
 * drain it and answer on the same connection.
 */
export function parseJobFile(source: Readable, format: JobFileFormat): AsyncGenerator<ReceivedRow> {
  return format === 'csv' ? parseCsv(source) : parseNdjson(source);
}

const quote = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

function checkHeader(cells: string[]): string[] {
  const columns = cells.map((c) => c.trim());
  const expected = `expected a header line "${JOB_FILE_COLUMNS.join(',')}" (id and name required, the others optional, any order)`;
  const unknown = columns.filter((c) => !(JOB_FILE_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) throw new MalformedJobFileError(`${expected}; unknown column(s) ${unknown.map(quote).join(', ')}`);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new MalformedJobFileError(`${expected}; missing column(s) ${missing.join(', ')}`);
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length > 0) throw new MalformedJobFileError(`${expected}; repeated column(s) ${repeated.join(', ')}`);
  return columns;
}

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n += 1;
  return n;
}

async function* parseCsv(source: Readable): AsyncGenerator<ReceivedRow> {
  const parser = parse({
    bom: true,
    info: true,
    raw: true,
    // A stray quote inside an unquoted field ("Kim "Jr" Chol") is kept literally rather than failing the file.
    relax_quotes: true,
    // Rows with more fields than the header are reported on the row; fewer fields leave the rest empty.
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: ['\r\n', '\n'],
    max_record_size: MAX_ROW_BYTES,
  });
  const detach = feed(source, parser);
  let columns: string[] | undefined;
  try {
    for await (const { record, raw, info } of parser as AsyncIterable<CsvRecord>) {
      if (!columns) {
        columns = checkHeader(record);
        continue;
      }
      // The row starts where it ends minus the line breaks inside it (quoted newlines). raw ends with the row's own
      // break and begins with the blank lines skipped before it.
      const text = raw.replace(/^[\r\n]+/, '');
      const line = info.lines - countNewlines(text) + (text.endsWith('\n') ? 1 : 0);
      const input: Record<string, string> = {};
      columns.forEach((column, i) => {
        const cell = record[i];
        if (cell !== undefined) input[column] = cell;
      });
      const error = record.length > columns.length ? `the row has ${record.length} fields; the header has ${columns.length}` : null;
      yield { line, input, error };
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ECONNRESET') throw new UploadAbortedError();
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      throw new MalformedJobFileError(`the file is not valid CSV: ${(error as Error).message}`);
    }
    throw error;
  } finally {
    detach();
  }
  if (!columns) throw new MalformedJobFileError(`the file is empty; expected a header line "${JOB_FILE_COLUMNS.join(',')}"`);
}

async function* parseNdjson(source: Readable): AsyncGenerator<ReceivedRow> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNumber = 0;
  let seenRow = false;

  function* lines(text: string, final: boolean): Generator<ReceivedRow> {
    pending += text;
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      yield* row(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_ROW_BYTES) {
      throw new MalformedJobFileError(`line ${lineNumber + 1} is longer than ${MAX_ROW_BYTES} characters; is this NDJSON?`);
    }
    if (final && pending.length > 0) {
      yield* row(pending);
      pending = '';
    }
  }

  function* row(rawLine: string): Generator<ReceivedRow> {
    lineNumber += 1;
    let text = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (lineNumber === 1 && text.startsWith('\ufeff')) text = text.slice(1);
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (!seenRow) throw new MalformedJobFileError(`the file is not NDJSON: line ${lineNumber} is not JSON (${reason})`);
      yield { line: lineNumber, input: text, error: `the line is not valid JSON: ${reason}` };
      return;
    }
    seenRow = true;
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    yield { line: lineNumber, input: value, error: isObject ? null : 'the line is not a JSON object' };
  }

  try {
    for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      yield* lines(decoder.write(chunk), false);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET') throw new UploadAbortedError();
    throw error;
  }
  yield* lines(decoder.end(), true);
}
