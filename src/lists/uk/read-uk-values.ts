import type { BirthDate } from '../../model/entity';
import { collapseWhitespace } from '../un/normalize-un-text';

/**
 * Readers for the value conventions of OFSI's consolidated list cells: dates as dd/mm/yyyy with `00` for an
 * unknown day or month, several values in one cell numbered "(1) … (2) …", and "-" for a numbered slot left blank.
 * Pure functions over the published text; they never guess a value the cell does not give.
 */

/** "(1) ", "(2)" … opening each value of a cell that holds several. */
const ENUMERATION_MARK = /\(\d{1,2}\)/g;
const STARTS_ENUMERATED = /^\s*\(1\)/;

/** A numbered slot the list leaves blank prints as "-" (e.g. "(1) - (2) Occupied Palestinian Territories"). */
const BLANK_SLOT = /^[-–.\s]*$/;

/**
 * The values of a cell: each numbered "(n)" item of a cell that starts with "(1)", otherwise the whole cell; each
 * value with whitespace collapsed. Blank slots keep their place as `undefined`, so that the items of two cells
 * numbered alike (passport numbers and their details) can be paired by position.
 */
export function enumeratedValues(cell: string | undefined): Array<string | undefined> {
  const text = collapseWhitespace(cell);
  if (text === undefined) return [];
  if (!STARTS_ENUMERATED.test(text)) return [text];
  return text
    .split(ENUMERATION_MARK)
    .slice(1)
    .map((item) => (BLANK_SLOT.test(item) ? undefined : collapseWhitespace(item)));
}

/** The non-blank values of a cell (see {@link enumeratedValues}). */
export function cellValues(cell: string | undefined): string[] {
  return enumeratedValues(cell).filter((value): value is string => value !== undefined);
}

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A dd/mm/yyyy date ("14/04/2025") as YYYY-MM-DD; `undefined` for a blank cell, another shape or a 00 day/month. */
export function ukDateToIso(value: string | undefined): string | undefined {
  const match = UK_DATE.exec(collapseWhitespace(value) ?? '');
  if (!match) return undefined;
  const [, day, month, year] = match;
  if (Number(day) === 0 || Number(month) === 0) return undefined;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

const MONTH_YEAR = /^(\d{1,2})\/(\d{4})$/;
const YEAR_ONLY = /^\d{4}$/;

/**
 * One DOB cell as a birth date: "23/10/1966" → exact 1966-10-23; "00/00/1961" and "1951" → year 1961 / 1951;
 * "00/08/1960" and "05/1973" (month known, day not) → year, with the month kept in the note; any other text → the
 * text in the note, no date invented. A cell that numbers several dates gives several birth dates.
 */
export function readBirthDates(cell: string | undefined): BirthDate[] {
  return cellValues(cell).map(readBirthDate);
}

function readBirthDate(published: string): BirthDate {
  const full = UK_DATE.exec(published);
  if (full) {
    const [, day, month, year] = full;
    if (Number(day) !== 0 && Number(month) !== 0) return { kind: 'exact', date: ukDateToIso(published)! };
    if (Number(month) !== 0) return { kind: 'year', date: year!, note: `month ${month!.padStart(2, '0')}/${year} (published "${published}")` };
    return { kind: 'year', date: year! };
  }
  const monthYear = MONTH_YEAR.exec(published);
  if (monthYear) {
    const [, month, year] = monthYear;
    if (Number(month) === 0) return { kind: 'year', date: year! };
    return { kind: 'year', date: year!, note: `month ${month!.padStart(2, '0')}/${year} (published "${published}")` };
  }
  if (YEAR_ONLY.test(published)) return { kind: 'year', date: published };
  return { kind: 'exact', note: `published date "${published}"` };
}
