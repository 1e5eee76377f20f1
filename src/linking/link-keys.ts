import type { CanonicalEntity, EntityName, Identifier, IdentifierScheme } from '../model/entity';
import { normalizeIdentifierValue } from '../matching/normalize/normalize-identifier';
import { compareLegalForms, splitGluedLegalForms, splitLegalForms, type LegalFormClass } from '../matching/normalize/legal-forms';
import { cyrillicReadings, hasCyrillic } from '../matching/normalize/transliterate-cyrillic';

/**
 * The keys entries are blocked and compared by: name keys (normalized, tokens sorted), identifier keys and list
 * references. Pure functions of an entry's fields.
 */

/** Identifier schemes that can link two entries on their own. Tax and registration numbers only support a match. */
export const LINKING_SCHEMES: ReadonlySet<IdentifierScheme> = new Set(['imo', 'passport', 'national-id']);

// A "passport 1234" or a placeholder such as "N/A" says nothing about who holds it.
/** Normalized identifier values shorter than this never link. */
export const MIN_IDENTIFIER_LENGTH = 5;

// A one-word person name ("Abdullah") with a birth year is shared by too many people to decide anything.
/** Person name keys with fewer tokens than this are not used for linking. */
export const MIN_PERSON_NAME_TOKENS = 2;

/** Names worth linking on: not a low-quality alias, not a handle, not an acronym (MMC, KOMID …). */
function isLinkable(name: EntityName): boolean {
  return name.quality !== 'low' && name.kind !== 'identifier' && name.kind !== 'acronym';
}

/** Latin letters NFKD does not decompose, with their customary ASCII spelling. */
const LATIN_SPECIAL_LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th', ħ: 'h' };
const LATIN_SPECIAL_PATTERN = /[ßæœøđðłıþħ]/g;
/** Initialisms written with dots ("S.A.", "J.S.C."): joined before other dots become separators. */
const DOTTED_INITIALISM = /(?<![\p{L}\p{N}])((?:\p{L}\.){2,})(?![\p{L}\p{N}])/gu;
/** Apostrophes and quotes inside a name ("Yo'ng-sik", "O’Brien"): dropped, not separators. */
const APOSTROPHES = /['’‘‛ʼʻ`´]/g;
/** Anything but a letter, a digit or a combining mark separates tokens. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;
const ASCII_SEPARATORS = /[^a-z0-9]+/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** A non-ASCII Latin (or other) token folded: special letters spelt out, diacritics stripped (NFKD). */
function foldToken(token: string): string {
  return token
    .replace(LATIN_SPECIAL_PATTERN, (letter) => LATIN_SPECIAL_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
}

export interface OrganizationNameKey {
  /** The name's tokens without its legal forms, sorted. */
  key: string;
  legalForms: LegalFormClass[];
}

/**
 * Reads names into keys. Holds the readings of the tokens seen (names repeat their given names, patronymics and
 * words), so build one per linking run and drop it after: it never outlives the entries it read.
 */
export class NameKeyReader {
  private readonly tokenReadings = new Map<string, readonly string[]>();
  private readonly organizationKeys = new Map<string, OrganizationNameKey>();

  /** A lower-case token's readings: itself when ASCII, its transliterations when Cyrillic, else folded. */
  private readToken(token: string): readonly string[] {
    let readings = this.tokenReadings.get(token);
    if (readings === undefined) {
      if (ASCII_ONLY.test(token)) readings = [token];
      // Transliterated before NFKD, which would take the breve off й.
      else if (hasCyrillic(token)) readings = [...new Set(cyrillicReadings(token.normalize('NFC')).map((reading) => foldToken(reading.text)))];
      else readings = [foldToken(token)];
      this.tokenReadings.set(token, readings);
    }
    return readings;
  }

  /**
   * The readings of a name as lower-case tokens: diacritics stripped, apostrophes dropped, initialisms joined,
   * punctuation as a separator, Cyrillic transliterated (a second reading where a token reads two ways, e.g. г as g
   * or h). Other scripts pass through.
   */
  readings(name: string): string[][] {
    let text = name.toLowerCase();
    if (text.includes('.')) text = text.replace(DOTTED_INITIALISM, (initialism) => initialism.replace(/\./g, ''));
    text = text.replace(APOSTROPHES, '');
    if (ASCII_ONLY.test(text)) return [text.split(ASCII_SEPARATORS).filter((token) => token !== '')];
    const first: string[] = [];
    const last: string[] = [];
    let twoReadings = false;
    for (const token of text.split(SEPARATORS)) {
      if (token === '') continue;
      const readings = this.readToken(token);
      const firstReading = readings[0];
      const lastReading = readings[readings.length - 1];
      if (firstReading === undefined || lastReading === undefined || firstReading === '') continue;
      first.push(firstReading);
      last.push(lastReading);
      if (readings.length > 1) twoReadings = true;
    }
    return twoReadings ? [first, last] : [first];
  }

  /** A person name's keys: its tokens sorted, so "PAK, Yong Sik" = "Pak Yong Sik" = "Yong Sik Pak". */
  personNameKeys(name: string): string[] {
    const keys: string[] = [];
    for (const tokens of this.readings(name)) {
      if (tokens.length < MIN_PERSON_NAME_TOKENS) continue;
      const key = tokens.sort().join(' ');
      if (!keys.includes(key)) keys.push(key);
    }
    return keys;
  }

  /** An organization's (vessel's, aircraft's) name keys: legal forms set aside (LLC = ООО = none), tokens sorted. */
  organizationNameKeys(name: string): OrganizationNameKey[] {
    const keys: OrganizationNameKey[] = [];
    for (const tokens of this.readings(name)) {
      const key = this.organizationKeyOf(tokens);
      if (key.key !== '' && !keys.some((known) => known.key === key.key)) keys.push(key);
    }
    return keys;
  }

  /** The key of one reading; the lists repeat one another's organization names, so each reading is split once. */
  private organizationKeyOf(tokens: readonly string[]): OrganizationNameKey {
    const written = tokens.join(' ');
    let key = this.organizationKeys.get(written);
    if (key === undefined) {
      const parts = splitGluedLegalForms(tokens);
      // A legal form is never all of a name: a one-word name is its own key.
      const { kept, legalForms } = parts.length === 1 ? { kept: [0], legalForms: [] } : splitLegalForms(parts);
      key = {
        key: kept
          .map((index) => parts[index] ?? '')
          .sort()
          .join(' '),
        legalForms,
      };
      this.organizationKeys.set(written, key);
    }
    return key;
  }

  /** Calls `visit` with each person name key of an entry (once per key) and the name it was read from. */
  forEachPersonKey(entity: CanonicalEntity, visit: (key: string, name: string) => void): void {
    const seen: string[] = [];
    for (const name of entity.names) {
      if (!isLinkable(name)) continue;
      for (const key of this.personNameKeys(name.name)) {
        if (seen.includes(key)) continue;
        seen.push(key);
        visit(key, name.name);
      }
    }
  }

  /** Calls `visit` with each organization name key of an entry (once per key) and the name it was read from. */
  forEachOrganizationKey(entity: CanonicalEntity, visit: (key: OrganizationNameKey, name: string) => void): void {
    const seen: string[] = [];
    for (const name of entity.names) {
      if (!isLinkable(name)) continue;
      for (const key of this.organizationNameKeys(name.name)) {
        if (seen.includes(key.key)) continue;
        seen.push(key.key);
        visit(key, name.name);
      }
    }
  }
}

/** True when two names' legal forms name different kinds of company (LLC and JSC): not the same organization. */
export function legalFormsConflict(a: readonly LegalFormClass[], b: readonly LegalFormClass[]): boolean {
  return compareLegalForms(a, b) === 'conflict';
}

/**
 * The scheme of an identifier: its own, or (for sources that do not set one, such as the UN list) the scheme its
 * type names: "Passport", "Numéro de passeport", "National Identification Number", "IMO". A company's IMO number
 * ("Company Number IMO") is not a ship's and gets none.
 */
export function schemeOf(identifier: Identifier): IdentifierScheme | undefined {
  if (identifier.scheme !== undefined) return identifier.scheme;
  const type = identifier.type.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  if (/passport|passeport|pasaporte/.test(type)) return 'passport';
  if (/tax|registration|company|business|vat\b|license|licence/.test(type)) return undefined;
  if (/\bimo\b/.test(type)) return 'imo';
  if (/national|identity card|\bid card/.test(type)) return 'national-id';
  return undefined;
}

export interface IdentifierKey {
  scheme: IdentifierScheme;
  value: string;
  /** Issuing country, upper case, where the source gives one. */
  country?: string;
}

/** The identifiers of an entry that can link it: a linking scheme and a value long enough, with a digit. */
export function identifierKeysOf(entity: CanonicalEntity): IdentifierKey[] {
  const keys: IdentifierKey[] = [];
  for (const identifier of entity.identifiers) {
    const scheme = schemeOf(identifier);
    if (scheme === undefined || !LINKING_SCHEMES.has(scheme)) continue;
    // As the matcher compares them: upper case, separators out, a ship's "IMO" prefix too.
    const value = normalizeIdentifierValue(scheme, identifier.value);
    if (value.length < MIN_IDENTIFIER_LENGTH || !/\d/.test(value)) continue;
    const country = identifier.country?.trim().toUpperCase();
    keys.push(country ? { scheme, value, country } : { scheme, value });
  }
  return keys;
}

/** A list's name as compared: lower case, letters and digits only ("OFAC SDN" → "ofacsdn", "uk-sanctions" → "uksanctions"). */
export function listKey(list: string): string {
  return list.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A list reference as compared: trimmed, upper case, no inner spaces ("KPi.063 " → "KPI.063"). */
export function referenceKey(reference: string): string {
  const key = reference.toUpperCase();
  return /\s/.test(key) ? key.replace(/\s+/g, '') : key;
}
