/**
 * Clean-up of the UN Consolidated List's text noise, done in code so the published file is never hand-edited:
 * leading/trailing spaces ("KPe.023 "), line breaks and indentation inside names and values, and curly and
 * straight apostrophes mixed inside one name ("CH'OE SO’K MIN").
 */

/**
 * Apostrophe look-alikes the list uses inside romanized names: ’ (U+2019), ‘ (U+2018, often for Arabic ʿayn),
 * ʼ and ʻ (U+02BC, U+02BB), the grave accent, the acute accent and the prime. Displayed names use the straight `'`
 * so that one name never carries two apostrophe forms and a query typed with `'` finds it.
 */
const APOSTROPHE_LOOKALIKES = /[\u2018\u2019\u02BB\u02BC\u0060\u00B4\u2032]/g;

/** Any run of whitespace, including line breaks, tabs and no-break spaces. */
const WHITESPACE_RUN = /\s+/g;

/** The apostrophe every displayed name uses. */
export const DISPLAY_APOSTROPHE = "'";

/**
 * Collapses every whitespace run (line breaks and indentation included) into one space and trims both ends.
 * Returns `undefined` for a missing, empty or blank value, so callers can drop empty XML elements with one check.
 */
export function collapseWhitespace(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const collapsed = value.replace(WHITESPACE_RUN, ' ').trim();
  return collapsed === '' ? undefined : collapsed;
}

/**
 * Display form of a name: whitespace collapsed as in {@link collapseWhitespace}, and every apostrophe look-alike
 * replaced by the straight `'`. Letters, case, hyphens and punctuation are left as published.
 */
export function normalizeUnName(value: string | undefined): string | undefined {
  return collapseWhitespace(value)?.replace(APOSTROPHE_LOOKALIKES, DISPLAY_APOSTROPHE);
}

/** A normalized value together with the text exactly as the list published it. */
export interface NormalizedText {
  /** Display form. */
  value: string;
  /** The published text, present only when it differs from `value`. */
  raw?: string;
}

/**
 * Normalizes a name and keeps the published text next to it when normalization changed anything
 * (trailing space, line break, apostrophe form). Returns `undefined` for a blank value.
 */
export function normalizeUnNameKeepingRaw(published: string | undefined): NormalizedText | undefined {
  const value = normalizeUnName(published);
  if (value === undefined || published === undefined) return undefined;
  return value === published ? { value } : { value, raw: published };
}

/** Trims a reference number ("KPe.023 " → "KPe.023"). Never changes its letters, digits or punctuation. */
export function normalizeReferenceNumber(value: string | undefined): string | undefined {
  return collapseWhitespace(value);
}

const ISO_DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})/;

/**
 * Reduces an XML Schema date or dateTime ("2015-03-27-04:00", "2024-09-26T00:00:07.514Z") to its calendar date
 * as published (YYYY-MM-DD, no time-zone shift). Returns `undefined` for a blank value or one that does not start
 * with a YYYY-MM-DD date.
 */
export function toIsoDate(value: string | undefined): string | undefined {
  const trimmed = collapseWhitespace(value);
  if (trimmed === undefined) return undefined;
  return ISO_DATE_PREFIX.exec(trimmed)?.[1];
}

/**
 * True when a value is the literal text "null" that the list prints in a few empty alias fields
 * (e.g. `<DATE_OF_BIRTH>null</DATE_OF_BIRTH>`), i.e. a placeholder rather than data.
 */
export function isNullPlaceholder(value: string | undefined): boolean {
  return collapseWhitespace(value)?.toLowerCase() === 'null';
}
