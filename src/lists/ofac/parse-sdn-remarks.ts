import type { BirthDate, EntityName, Identifier, IdentifierScheme, NameKind, Place } from '../../model/entity';
import { detectScript, type CountryResolver } from '../un/map-un-entity';
import { normalizeUnNameKeepingRaw } from '../un/normalize-un-text';
import { FACT_PATTERNS, IDENTIFIER_LABELS, type IdentifierLabel } from './sdn-remark-labels';

/**
 * Reads the Remarks field of OFAC's legacy SDN CSV ("DOB 01 Jan 1960; alt. DOB 1961; POB Tehran, Iran;
 * nationality Iran; Gender Male; Passport A1234567 (Iran) expires 01 Jan 2020; a.k.a. 'ALI'; Linked To: X.")
 * into structured fields. Pure: no I/O, no list lookups (a "Linked To:" name is returned for the mapper to
 * resolve). A part it cannot read into a field is returned as published, never dropped.
 */

export interface RemarkParseOptions {
  resolveCountry: CountryResolver;
  /** The entry's Title: a part repeating it is read as the title (OFAC repeats titles in the remarks). */
  title?: string;
  /** The remarks were cut at 1,000 characters with no continuation: the last part may be cut and is kept as text. */
  lastPartMayBeCut?: boolean;
}

/** A part kept as published because no field holds it, with what the parser recognized in it. */
export type KeptRemarkPart =
  /** "Linked To: NAME.": the mapper makes it a relationship when NAME is one other entry's primary name. */
  | { kind: 'linked-to'; text: string; name: string }
  /** A recognized statement with no canonical field ("Organization Established Date 2001", an unmapped nationality). */
  | { kind: 'fact'; text: string; label: string; value: string }
  /** Not recognized. */
  | { kind: 'unread'; text: string };

export interface ParsedRemarks {
  birthDates: BirthDate[];
  birthPlaces: Place[];
  /** ISO 3166-1 alpha-2 of "nationality" and "citizen" parts that map. */
  nationalities: string[];
  /** Other countries the remarks tie the entry to (a vessel's "Nationality of Registration"). */
  countries: string[];
  gender?: string;
  identifiers: Identifier[];
  /** OFAC's weak a.k.a. (f.k.a., n.k.a.) quoted in the remarks: quality `low`. */
  aliases: EntityName[];
  /** Parts no field holds, in published order. */
  kept: KeptRemarkPart[];
  /** Number of parts the remarks split into. */
  partCount: number;
}

const MONTHS: Readonly<Record<string, string>> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  sept: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** A date as the remarks print it, to the precision printed: "01 Jan 1960" → 1960-01-01, "Jan 1960" → 1960-01, "1960". */
export function parseRemarkDate(text: string): string | undefined {
  const trimmed = text.trim();
  const full = /^(\d{1,2}) ([A-Za-z]{3,4})\.? (\d{4})$/.exec(trimmed);
  if (full) {
    const month = MONTHS[full[2]!.toLowerCase()];
    const day = Number(full[1]);
    return month === undefined || day < 1 || day > 31 ? undefined : `${full[3]}-${month}-${full[1]!.padStart(2, '0')}`;
  }
  const monthYear = /^([A-Za-z]{3,4})\.? (\d{4})$/.exec(trimmed);
  if (monthYear) {
    const month = MONTHS[monthYear[1]!.toLowerCase()];
    return month === undefined ? undefined : `${monthYear[2]}-${month}`;
  }
  return /^\d{4}$/.test(trimmed) ? trimmed : undefined;
}

const YEAR_RANGE = /^(\d{4})\s*-\s*(\d{4})$/;
const TO_RANGE = /^(.+?)\s+to\s+(.+)$/i;

/**
 * A date of birth after "DOB": exact (to the day, or to the month for "Mar 1960"), a year, "circa …"
 * (approximately), or "… to …" (between, its ends as precise as printed). `undefined` when it does not read.
 */
export function parseBirthDate(text: string): BirthDate | undefined {
  const circa = /^circa\s+(.+)$/i.exec(text.trim());
  const body = circa?.[1] ?? text.trim();
  const range = YEAR_RANGE.exec(body) ?? TO_RANGE.exec(body);
  if (range) {
    const from = parseRemarkDate(range[1]!);
    const to = parseRemarkDate(range[2]!);
    if (from === undefined || to === undefined) return undefined;
    return { kind: 'between', from, to, ...(circa ? { note: 'circa' } : {}) };
  }
  const date = parseRemarkDate(body);
  if (date === undefined) return undefined;
  if (circa) return { kind: 'approximately', date };
  return date.length === 4 ? { kind: 'year', date } : { kind: 'exact', date };
}

/**
 * A place "City, State, Country" (any number of comma-separated parts): the last part is the country when it maps
 * to an ISO code; of the rest, the first is the city and the others the state or province.
 */
export function parsePlace(text: string, resolveCountry: CountryResolver): Place | undefined {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return undefined;
  const countryCode = resolveCountry(parts[parts.length - 1]);
  const country = countryCode === undefined ? undefined : parts.pop();
  const [city, ...state] = parts;
  return {
    ...(city !== undefined ? { city } : {}),
    ...(state.length > 0 ? { stateProvince: state.join(', ') } : {}),
    ...(country !== undefined ? { country, countryCode } : {}),
  };
}

/**
 * Splits remarks into parts on `;` outside parentheses (a parenthesized aside may hold semicolons), trimming each.
 * Commas never split: dates ("DOB 01 Jan 1960"), places and names ("Linked To: X, S.A.") hold them.
 */
export function splitRemarkParts(remarks: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < remarks.length; index += 1) {
    const char = remarks[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ';' && depth === 0) {
      parts.push(remarks.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(remarks.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** The part without the one period OFAC ends the remarks (and some parts) with. */
function withoutFinalPeriod(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1).trimEnd() : text;
}

const ALT_PREFIX = /^alt\.\s+/i;
const WEAK_ALIAS = /^([afn]\.k|d\.b)\.a\.,?\s+'(.*)'\.?$/i;
const BIRTH_DATE = /^DOB\s+(.+)$/;
const BIRTH_PLACE = /^POB\s+(.+)$/;
const GENDER = /^Gender\s+(Male|Female)$/i;
// Lower case as OFAC prints them; "Nationality of Registration" (a vessel's) is a fact, not a nationality.
const NATIONALITY = /^(nationality|citizen)\s+(?!of Registration\b)(.+)$/;
const LINKED_TO = /^Linked To:\s*(.+)$/;
/** "Vessel Registration Identification IMO 9187629", "Identification Number IMO 5320015", "IMO 9256860 (Russia)". */
const IMO_NUMBER =
  /^(?:(Vessel Registration Identification|Identification Number|Company Number)\s+)?IMO\s+(\d{7})(?:\s+\(([^()]+)\))?$/i;
/** "International Maritime Organization No. (9187629)": the same number written out once in the list. */
const IMO_NUMBER_WRITTEN_OUT = /^International Maritime Organization No\.\s*\(?(\d{7})\)?$/i;
/** "Digital Currency Address - XBT 1BoatSLRHtKNngkdXEeobR76b53LETtpyT": the currency goes into the type. */
const DIGITAL_CURRENCY_ADDRESS = /^(Digital Currency Address - [A-Z0-9]+)\s+(\S+)$/;

/** A label's first word, lower case: "passport" for "Passport Booklet", "tax" for "Tax ID No.". */
function firstWord(text: string): string {
  return text.slice(0, text.search(/[\s:]|$/)).toLowerCase();
}

/** The labels by first word, longest first within each, so "Passport Booklet" wins over "Passport". */
const LABELS_BY_FIRST_WORD: ReadonlyMap<string, readonly IdentifierLabel[]> = (() => {
  const byWord = new Map<string, IdentifierLabel[]>();
  for (const label of [...IDENTIFIER_LABELS].sort((a, b) => b.label.length - a.label.length)) {
    const word = firstWord(label.label);
    byWord.set(word, [...(byWord.get(word) ?? []), label]);
  }
  return byWord;
})();

const WEAK_ALIAS_KINDS: Readonly<Record<string, { kind: NameKind; note: string }>> = {
  'a.k': { kind: 'alias', note: 'OFAC weak a.k.a. (in the remarks)' },
  'f.k': { kind: 'former', note: 'OFAC weak f.k.a. (in the remarks)' },
  'n.k': { kind: 'alias', note: 'now known as; OFAC weak n.k.a. (in the remarks)' },
  'd.b': { kind: 'alias', note: 'doing business as; OFAC weak d.b.a. (in the remarks)' },
};

function weakAlias(part: string): EntityName | undefined {
  const match = WEAK_ALIAS.exec(part);
  if (!match) return undefined;
  let published = match[2]!;
  // ''FOOPIE'': a nickname OFAC quotes twice.
  if (published.length > 2 && published.startsWith("'") && published.endsWith("'")) published = published.slice(1, -1);
  const normalized = normalizeUnNameKeepingRaw(published);
  const kind = WEAK_ALIAS_KINDS[match[1]!.toLowerCase()]!;
  if (normalized === undefined) return undefined;
  return {
    name: normalized.value,
    ...(normalized.raw !== undefined ? { raw: normalized.raw } : {}),
    kind: kind.kind,
    quality: 'low',
    script: detectScript(normalized.value),
    origin: 'source',
    note: kind.note,
  };
}

function matchLabel(part: string): { label: IdentifierLabel; published: string; rest: string } | undefined {
  const lower = part.toLowerCase();
  for (const label of LABELS_BY_FIRST_WORD.get(firstWord(part)) ?? []) {
    const length = label.label.length;
    if (!lower.startsWith(label.label.toLowerCase())) continue;
    const next = part[length];
    // The label must end where a word ends: "Passport" is not the start of "Passports".
    if (next !== ' ' && next !== ':') continue;
    const rest = part.slice(length).replace(/^\s*:?\s*/, '');
    if (rest === '') continue;
    return { label, published: part.slice(0, length), rest };
  }
  return undefined;
}

const DOCUMENT_VALUE =
  /^(?<value>.+?)(?<qualifiers>(?:\s+\([^()]*\))*)(?:\s+issued\s+(?<issued>.+?))?(?:\s+expires\s+(?<expires>.+?))?$/i;

/**
 * "A1234567 (Iran) issued 01 Jan 2010 expires 01 Jan 2020" → value, country (the last parenthesized qualifier,
 * as ISO alpha-2, when it maps), issue date; other qualifiers, an issue date that is not a day and the expiry in the note.
 */
function readDocument(
  label: { type: string; scheme?: IdentifierScheme },
  rest: string,
  resolveCountry: CountryResolver,
): Identifier | undefined {
  const match = DOCUMENT_VALUE.exec(rest);
  const groups = match?.groups;
  if (groups === undefined || !/\d/.test(groups.value ?? '')) return undefined;
  const qualifiers = [...(groups.qualifiers ?? '').matchAll(/\(([^()]*)\)/g)].map((qualifier) => qualifier[1]!.trim());
  // The last qualifier is the issuing country when it maps; one that does not ("Cali", "Stuttgart") is a note.
  const country = resolveCountry(qualifiers[qualifiers.length - 1]);
  const otherQualifiers = country === undefined ? qualifiers : qualifiers.slice(0, -1);
  const issuedOn = groups.issued === undefined ? undefined : parseRemarkDate(groups.issued);
  const issuedOnFull = issuedOn !== undefined && issuedOn.length === 10 ? issuedOn : undefined;
  const notes = [
    ...otherQualifiers,
    groups.issued !== undefined && issuedOnFull === undefined ? `issued ${groups.issued}` : undefined,
    groups.expires !== undefined ? `expires ${groups.expires}` : undefined,
  ].filter((note): note is string => note !== undefined && note !== '');
  return {
    type: label.type,
    ...(label.scheme !== undefined ? { scheme: label.scheme } : {}),
    value: groups.value!.trim(),
    ...(country !== undefined ? { country } : {}),
    ...(issuedOnFull !== undefined ? { issuedOn: issuedOnFull } : {}),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}

function identifier(part: string, resolveCountry: CountryResolver): Identifier | undefined {
  const imo = IMO_NUMBER.exec(part);
  if (imo) {
    const label = imo[1];
    const qualifier = imo[3]?.trim();
    const country = resolveCountry(qualifier);
    const notes = [
      // A company's IMO number (shipowners and managers) is a different series from a ship's.
      label !== undefined && !/^Vessel/i.test(label) ? `published as "${label} IMO"` : undefined,
      country === undefined ? qualifier : undefined,
    ].filter((note): note is string => note !== undefined);
    return {
      type: 'IMO',
      scheme: 'imo',
      value: imo[2]!,
      ...(country !== undefined ? { country } : {}),
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    };
  }
  const writtenOut = IMO_NUMBER_WRITTEN_OUT.exec(part);
  if (writtenOut) {
    return { type: 'IMO', scheme: 'imo', value: writtenOut[1]!, note: 'published as "International Maritime Organization No."' };
  }
  const currency = DIGITAL_CURRENCY_ADDRESS.exec(part);
  if (currency) return { type: currency[1]!, value: currency[2]! };
  const matched = matchLabel(part);
  if (matched === undefined) return undefined;
  const type = matched.published.replace(/[\s:]+$/, '');
  if (matched.label.form === 'verbatim') return { type, value: matched.rest };
  const scheme = matched.label.scheme;
  return readDocument(scheme === undefined ? { type } : { type, scheme }, matched.rest, resolveCountry);
}

function fact(part: string): { label: string; value: string; country: boolean } | undefined {
  for (const pattern of FACT_PATTERNS) {
    const match = pattern.pattern.exec(part);
    const groups = match?.groups;
    if (groups?.value === undefined) continue;
    const label = typeof pattern.label === 'string' ? pattern.label : pattern.label(groups);
    return { label, value: groups.value.trim(), country: pattern.country === true };
  }
  return undefined;
}

function sameText(a: string, b: string): boolean {
  const clean = (text: string) => withoutFinalPeriod(text.replace(/\s+/g, ' ').trim()).toLowerCase();
  return clean(a) === clean(b);
}

function pushUnique<T>(values: T[], value: T): void {
  if (!values.includes(value)) values.push(value);
}

/**
 * Parses one entry's remarks (with its sdn_comments.csv continuation already joined). Every part ends up in
 * exactly one place: a field of the result, or `kept` as published.
 */
export function parseSdnRemarks(remarks: string | undefined, options: RemarkParseOptions): ParsedRemarks {
  const { resolveCountry, title } = options;
  const result: ParsedRemarks = {
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    countries: [],
    identifiers: [],
    aliases: [],
    kept: [],
    partCount: 0,
  };
  if (remarks === undefined) return result;
  const parts = splitRemarkParts(remarks);
  result.partCount = parts.length;

  parts.forEach((text, index) => {
    const keep = (): void => {
      result.kept.push({ kind: 'unread', text });
    };
    if (options.lastPartMayBeCut === true && index === parts.length - 1) return keep();
    if (title !== undefined && sameText(text, title)) return;

    const alias = weakAlias(text);
    if (alias !== undefined) {
      result.aliases.push(alias);
      return;
    }
    const linked = LINKED_TO.exec(text);
    if (linked) {
      result.kept.push({ kind: 'linked-to', text, name: linked[1]!.trim() });
      return;
    }
    const part = withoutFinalPeriod(text).replace(ALT_PREFIX, '');

    const birthDate = BIRTH_DATE.exec(part);
    if (birthDate) {
      const parsed = parseBirthDate(birthDate[1]!);
      if (parsed === undefined) return keep();
      result.birthDates.push(parsed);
      return;
    }
    const birthPlace = BIRTH_PLACE.exec(part);
    if (birthPlace) {
      const place = parsePlace(birthPlace[1]!, resolveCountry);
      if (place === undefined) return keep();
      result.birthPlaces.push(place);
      return;
    }
    const gender = GENDER.exec(part);
    if (gender) {
      const value = gender[1]!.toLowerCase() === 'male' ? 'Male' : 'Female';
      if (result.gender !== undefined && result.gender !== value) return keep();
      result.gender = value;
      return;
    }
    const nationality = NATIONALITY.exec(part);
    if (nationality) {
      const code = resolveCountry(nationality[2]);
      if (code === undefined) {
        result.kept.push({ kind: 'fact', text, label: nationality[1]!, value: nationality[2]! });
        return;
      }
      pushUnique(result.nationalities, code);
      return;
    }
    const found = identifier(part, resolveCountry);
    if (found !== undefined) {
      result.identifiers.push(found);
      return;
    }
    const statement = fact(part);
    if (statement !== undefined) {
      const code = statement.country ? resolveCountry(statement.value) : undefined;
      if (code !== undefined) pushUnique(result.countries, code);
      result.kept.push({ kind: 'fact', text, label: statement.label, value: statement.value });
      return;
    }
    keep();
  });
  return result;
}
