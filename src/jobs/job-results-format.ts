import type { Writable } from 'node:stream';
import type { ResultRow } from './job-repository';

export type ResultsFormat = 'ndjson' | 'csv';

export const RESULTS_CONTENT_TYPES: Record<ResultsFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** The CSV download's columns: the row, its decision, and its best match spelled out (all matches: `entityIds`). */
export const CSV_RESULTS_COLUMNS = [
  'line',
  'id',
  'reference',
  'screeningId',
  'decision',
  'matchCount',
  'topEntityId',
  'topName',
  'topScore',
  'topRiskLevel',
  'entityIds',
  'error',
] as const;

/** One NDJSON line `{ line, id, screeningId, decision, matches, reference?, error? }`; matches pass through as stored. */
export function ndjsonLine(row: ResultRow): string {
  const head = JSON.stringify({ line: row.line, id: row.row_id, screeningId: row.screening_id, decision: row.decision });
  const tail = `${row.reference !== null ? `,"reference":${JSON.stringify(row.reference)}` : ''}${row.error !== null ? `,"error":${JSON.stringify(row.error)}` : ''}`;
  return `${head.slice(0, -1)},"matches":${row.matches}${tail}}\n`;
}

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with ' (OWASP CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 quoting, plus the formula guard for values that came from the uploaded file. */
export function csvCell(value: string | number | null, options: { untrusted?: boolean } = {}): string {
  if (value === null) return '';
  let text = String(value);
  if (options.untrusted && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface StoredMatch {
  entityId?: string;
  name?: string;
  score?: number;
  riskLevel?: string;
}

/** One CSV line in the order of `CSV_RESULTS_COLUMNS`. */
export function csvLine(row: ResultRow): string {
  const matches = JSON.parse(row.matches) as StoredMatch[];
  const top = matches[0];
  return `${[
    csvCell(row.line),
    csvCell(row.row_id, { untrusted: true }),
    csvCell(row.reference, { untrusted: true }),
    csvCell(row.screening_id),
    csvCell(row.decision),
    csvCell(matches.length),
    csvCell(top?.entityId ?? null),
    csvCell(top?.name ?? null),
    csvCell(top?.score ?? null),
    csvCell(top?.riskLevel ?? null),
    csvCell(matches.map((m) => m.entityId).join(' ')),
    csvCell(row.error, { untrusted: true }),
  ].join(',')}\r\n`;
}

/**
 * Writes result pages to `out` as NDJSON or CSV (header first), waiting whenever `out` asks to drain, so memory
 * holds one page whatever the job's size. Stops early when `out` is closed (the client went away).
 */
export async function writeResults(pages: AsyncIterable<ResultRow[]>, format: ResultsFormat, out: Writable): Promise<void> {
  if (format === 'csv') out.write(`${CSV_RESULTS_COLUMNS.join(',')}\r\n`);
  const line = format === 'csv' ? csvLine : ndjsonLine;
  for await (const page of pages) {
    if (out.destroyed) return;
    if (!out.write(page.map(line).join(''))) await drained(out);
  }
}

/** Resolves when `out` can take more, or is closed; leaves no listener behind. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
