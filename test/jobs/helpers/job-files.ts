import type { Express } from 'express';
import request from 'supertest';
import { csvCell } from '../../../src/jobs/job-results-format';
import { JOB_FILE_COLUMNS } from '../../../src/jobs/parse-job-file';

export type FileRow = Partial<Record<(typeof JOB_FILE_COLUMNS)[number], string>>;

/** A job CSV with the full header; cells quoted where RFC 4180 needs it. */
export function csvFile(rows: readonly FileRow[]): string {
  const lines = rows.map((row) => JOB_FILE_COLUMNS.map((column) => csvCell(row[column] ?? null)).join(','));
  return `${[JOB_FILE_COLUMNS.join(','), ...lines].join('\n')}\n`;
}

/** Names whose decisions the bundled data fixes (see test/api/screening-api.db.test.ts). */
export const KNOWN_NAMES = [
  { name: 'SIK, Pak Yong', type: 'person', decision: 'hit', entityId: 'un-KPi.063' },
  { name: 'Ткачук Сергей', type: 'any', decision: 'hit', entityId: 'ins-sergei-tkachuk' },
  { name: 'Natalya Titova', type: 'any', decision: 'review', entityId: 'ins-natalia-titova' },
  { name: 'Margaret Thornbury-Wells', type: 'any', decision: 'clear', entityId: undefined },
] as const;

/** `count` rows cycling through KNOWN_NAMES and made-up names, ids C-1…C-count. */
export function counterparties(count: number): FileRow[] {
  return Array.from({ length: count }, (_, i) => {
    const known = KNOWN_NAMES[i % 7];
    return known
      ? { id: `C-${i + 1}`, name: known.name, type: known.type, reference: `REF-${i + 1}` }
      : { id: `C-${i + 1}`, name: `Alderney Quillfeather ${i + 1}`, country: 'GB' };
  });
}

export const parseNdjson = <T = Record<string, unknown>>(text: string): T[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

const FINAL = ['succeeded', 'failed', 'cancelled'];

/** Polls GET /v1/jobs/{id} until the job finishes (the test timeout bounds the wait, never an assertion on time). */
export async function waitForJob(app: Express, jobId: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  for (;;) {
    const res = await request(app).get(`/v1/jobs/${jobId}`).set(headers).expect(200);
    if (FINAL.includes(res.body.status)) return res.body as Record<string, unknown>;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
