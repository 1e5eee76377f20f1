import { IDENTIFIER_SCHEMES, type IdentifierScheme } from '../../model/entity';

/**
 * Identifiers (IMO ship numbers, passports, national ids, tax and registration numbers) as screening compares them:
 * upper case, without the spaces, dashes, dots and slashes people write them with; an IMO number as its seven digits
 * ("IMO 9176187", "IMO9176187" and "9176187" are one number) with its check digit verified.
 */

/** What a caller writes: the scheme, the value as written, and the issuing country where known. */
export interface WrittenIdentifier {
  scheme: IdentifierScheme;
  value: string;
  /** Issuing country, ISO 3166-1 alpha-2 (anything else counts as not given). */
  country?: string | undefined;
}

/** An identifier ready to compare. */
export interface NormalizedIdentifier {
  scheme: IdentifierScheme;
  /** Upper case, no spaces, dashes, dots or slashes; an IMO number's digits without "IMO". */
  value: string;
  /** The issuing country as an upper-case ISO alpha-2 code; null when not given or not such a code. */
  country: string | null;
  /** False only for an IMO number whose check digit does not agree (or that is not seven digits). */
  checks: boolean;
  /** How explanations write it: "IMO 9176187", "KP 745120345", "745120345". */
  label: string;
}

/** How each scheme is named in explanations and problems. */
export const SCHEME_LABELS: Readonly<Record<IdentifierScheme, string>> = {
  imo: 'IMO',
  passport: 'passport',
  'national-id': 'national id',
  'tax-id': 'tax id',
  registration: 'registration number',
};

const SCHEMES: ReadonlySet<string> = new Set(IDENTIFIER_SCHEMES);

/** Spaces, dashes of every kind, dots and slashes: how people group an identifier's characters, never part of it. */
const SEPARATORS = /[\s\p{Pd}./\\]+/gu;

/** An IMO number is seven digits, the last a check digit. */
const IMO_DIGITS = /^\d{7}$/;

/** Weights of the first six digits of an IMO number; the check digit is their weighted sum mod 10. */
const IMO_WEIGHTS = [7, 6, 5, 4, 3, 2] as const;

/** An ISO 3166-1 alpha-2 code, after upper-casing. */
const COUNTRY_CODE = /^[A-Z]{2}$/;

/** The value as compared: upper case, separators removed; for an IMO number also the "IMO" prefix. Never throws. */
export function normalizeIdentifierValue(scheme: IdentifierScheme, value: string): string {
  const compact = value.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  return scheme === 'imo' ? compact.replace(/^IMO(?:NO|NUMBER)?:?/, '') : compact;
}

/** True when `digits` are seven digits whose last is the weighted sum of the first six mod 10 (the IMO rule). */
export function imoCheckDigitAgrees(digits: string): boolean {
  if (!IMO_DIGITS.test(digits)) return false;
  const sum = IMO_WEIGHTS.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  return sum % 10 === Number(digits[6]);
}

/** An ISO alpha-2 country code, upper case; null for anything else (a list may give a country's name in words). */
export function normalizeCountryCode(country: string | undefined): string | null {
  if (country === undefined) return null;
  const code = country.trim().toUpperCase();
  return COUNTRY_CODE.test(code) ? code : null;
}

function labelOf(scheme: IdentifierScheme, value: string, country: string | null): string {
  if (scheme === 'imo') return `IMO ${value}`;
  return country === null ? value : `${country} ${value}`;
}

/**
 * The identifier ready to compare; null when its value has no character left to compare or its scheme is none of
 * `IDENTIFIER_SCHEMES`. An IMO number that fails its check digit is kept, with `checks: false`.
 */
export function normalizeIdentifier(identifier: WrittenIdentifier): NormalizedIdentifier | null {
  if (!SCHEMES.has(identifier.scheme)) return null;
  const value = normalizeIdentifierValue(identifier.scheme, identifier.value);
  if (value.length === 0) return null;
  // An IMO number is the ship's wherever it sails: no issuing country.
  const country = identifier.scheme === 'imo' ? null : normalizeCountryCode(identifier.country);
  const checks = identifier.scheme !== 'imo' || imoCheckDigitAgrees(value);
  return { scheme: identifier.scheme, value, country, checks, label: labelOf(identifier.scheme, value, country) };
}

/**
 * A query's identifiers ready to compare, and what is wrong with the others, each quoting the value: an IMO number
 * that is not seven digits or whose check digit does not agree matches nothing (and contradicts nothing), nor does
 * a value with nothing to compare or an unknown scheme. Never throws.
 */
export function queryIdentifiers(written: readonly WrittenIdentifier[]): { identifiers: NormalizedIdentifier[]; problems: string[] } {
  const identifiers: NormalizedIdentifier[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const identifier of written) {
    const normalized = normalizeIdentifier(identifier);
    if (!normalized) {
      const scheme = SCHEMES.has(identifier.scheme) ? SCHEME_LABELS[identifier.scheme] : `scheme "${String(identifier.scheme)}"`;
      problems.push(SCHEMES.has(identifier.scheme) ? `${scheme} "${identifier.value}": nothing to compare` : `${scheme} "${identifier.value}": unknown identifier scheme`);
      continue;
    }
    if (!normalized.checks) {
      problems.push(
        IMO_DIGITS.test(normalized.value)
          ? `${normalized.label}: check digit does not agree`
          : `IMO "${identifier.value}": not a seven-digit IMO number`,
      );
      continue;
    }
    const key = `${normalized.scheme} ${normalized.country ?? ''} ${normalized.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    identifiers.push(normalized);
  }
  return { identifiers, problems };
}
