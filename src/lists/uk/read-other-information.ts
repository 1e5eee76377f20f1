import { collapseWhitespace } from '../un/normalize-un-text';
import { cellValues } from './read-uk-values';

/**
 * Reads the labelled parts of OFSI's "Other Information" cell. The cell is free text with labelled segments, each
 * "(Label):value" running to the next label: "(UK Sanctions List Ref):DPR0258. (UN Ref):KPi.063. Pak Yong Sik is …
 * (Gender):Male". Only the labels below open a segment; any other parenthesis ("(Fax)", "(s)", "(2022):") is part of
 * the text around it. The whole cell stays the entity's narrative: nothing read here is removed from it.
 */

/** The segment labels OFSI prints, in the words it prints them. */
export const OTHER_INFORMATION_LABELS = [
  'UK Sanctions List Ref',
  'UN Ref',
  'UK Statement of Reasons',
  'Gender',
  'Phone number',
  'Website',
  'Email address',
  'Type of entity',
  'Business Reg No',
  'Parent company',
  'Subsidiaries',
  'IMO number',
  'Current owners',
  'Flag of ship',
  'Previous flags',
  'Type of ship',
  'Tonnage of ship',
  'Length of ship',
  'Year built',
] as const;
export type OtherInformationLabel = (typeof OTHER_INFORMATION_LABELS)[number];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SEGMENT_LABEL = new RegExp(`\\((${OTHER_INFORMATION_LABELS.map(escapeRegExp).join('|')})\\)\\s*:`, 'g');

/**
 * A list reference as OFSI prints them: the UK Sanctions List's "DPR0258" and the UN's "KPi.063" (once "CDi. 038",
 * with a space). Several are joined by "and" ("BEL0047 and GHR0051", "QDi.042 and SOi.002").
 */
const REFERENCE = String.raw`[A-Z][A-Za-z]{1,3}(?:\.\s?)?\d{3,4}`;
const REFERENCE_RUN = new RegExp(String.raw`^\s*(${REFERENCE}(?:\s*(?:and|,|&)\s*${REFERENCE})*)`);
const REFERENCE_TOKEN = new RegExp(REFERENCE, 'g');

/** References read from one segment: each reference, and the segment's words they were read from. */
export interface ReadReferences {
  references: string[];
  /** e.g. "(UN Ref):QDi.042 and SOi.002" */
  text: string;
}

/** The labelled parts of one Other Information cell. */
export interface OtherInformation {
  /** "(UK Sanctions List Ref):…" */
  ukReferences?: ReadReferences;
  /** "(UN Ref):…" */
  unReferences?: ReadReferences;
  /** Every other labelled segment's text, whitespace collapsed, trailing full stop dropped. */
  segments: Partial<Record<OtherInformationLabel, string>>;
}

/**
 * Splits an Other Information cell into its labelled segments and reads the list references at the start of the
 * "UK Sanctions List Ref" and "UN Ref" segments (the text after them is narrative). A label printed twice keeps
 * its first segment. Never throws: a cell without labels reads as no segments.
 */
export function readOtherInformation(cell: string | undefined): OtherInformation {
  const result: OtherInformation = { segments: {} };
  if (cell === undefined) return result;
  const labels = [...cell.matchAll(SEGMENT_LABEL)];
  labels.forEach((match, i) => {
    const label = match[1] as OtherInformationLabel;
    const start = match.index + match[0].length;
    const end = labels[i + 1]?.index ?? cell.length;
    const text = cell.slice(start, end);
    if (label === 'UK Sanctions List Ref' || label === 'UN Ref') {
      const references = readReferences(match[0], text);
      const field = label === 'UN Ref' ? 'unReferences' : 'ukReferences';
      if (references !== undefined && result[field] === undefined) result[field] = references;
      return;
    }
    const value = collapseWhitespace(text)?.replace(/\.$/, '');
    if (value !== undefined && result.segments[label] === undefined) result.segments[label] = value;
  });
  return result;
}

function readReferences(label: string, text: string): ReadReferences | undefined {
  const run = REFERENCE_RUN.exec(text)?.[1];
  if (run === undefined) return undefined;
  // "CDi. 038" is the UN's CDi.038: the space inside a reference is dropped, its letters and digits kept.
  const references = [...run.matchAll(REFERENCE_TOKEN)].map((token) => token[0].replace(/\s+/g, ''));
  return { references: [...new Set(references)], text: `${label}${run}` };
}

/** One number of a "Business Reg No" segment. */
export interface RegistrationNumber {
  /** What the list calls it ("OGRN", "Russia INN", "Tax ID No."), when it says. */
  label?: string;
  value: string;
  /** Text after the number that is not another number ("(Russia)", "dated 01/02/2003"). */
  remark?: string;
}

/**
 * A number, possibly with a short letter prefix ("AE…", "DE 123…", but not the label words "ID 123", "No 123"),
 * and digit groups separated by spaces.
 */
const REGISTRATION_VALUE = /(?<![\p{L}\d])((?!(?:ID|NO|No) )[A-Z]{0,3} ?\d[\dA-Za-z/-]*(?: \d[\d/-]*)*)/u;
const SEPARATORS = /^[\s:;,.–—-]+|[\s:;,.–—-]+$/g;

/**
 * The numbers of a "Business Reg No" segment: each "(n)" item, and within an item each number with the label
 * before it ("(1) OGRN – 1125261000040 (2) INN – 5261079332", "1027700132195 (Russia). Tax ID 7702070139").
 * The free shapes OFSI uses are read as far as they go; the segment's text stays in the narrative regardless.
 */
export function readRegistrationNumbers(segment: string | undefined): RegistrationNumber[] {
  return cellValues(segment).flatMap((item) => readItem(item));
}

function readItem(item: string): RegistrationNumber[] {
  const match = REGISTRATION_VALUE.exec(item);
  if (match === null) return [];
  const label = item.slice(0, match.index).replace(SEPARATORS, '');
  const value = match[1]!.trim();
  const rest = item.slice(match.index + match[0].length);
  const next = REGISTRATION_VALUE.exec(rest);
  // Text after the number up to the next number: a remark about this one, or the next number's label.
  const between = next === null ? rest : rest.slice(0, next.index);
  const remarkMatch = /^\s*(\([^)]*\)|dated [\d/]+)/.exec(between);
  const remark = remarkMatch?.[1];
  const nextItem = next === null ? '' : rest.slice(remarkMatch?.[0].length ?? 0);
  return [
    { ...(label !== '' ? { label } : {}), value, ...(remark !== undefined ? { remark } : {}) },
    ...(next === null ? [] : readItem(nextItem)),
  ];
}
