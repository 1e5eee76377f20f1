import type { BirthDate, CanonicalEntity } from '../model/entity';

/**
 * The qualifiers two entries are compared on besides their names: dates of birth, nationalities, gender, countries.
 * Only stated values count; a side that states nothing neither agrees nor contradicts.
 */

// A year given alone on both sides says as much as a year against a full date in it: the UN, UK and SDN lists give
// many Taliban, Libyan and Somali entries a birth year only (305 links of the bundled lists rest on it).
/** Two entries that each give the same birth year only (and no full date in it) agree on that year. */
export const YEAR_ONLY_ON_BOTH_AGREES = true;

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR = /^\d{4}$/;

interface StatedBirthDates {
  /** Full dates (YYYY-MM-DD) stated exactly. */
  full: Set<string>;
  /** Years stated on their own (a date of birth given as the year only). */
  years: Set<string>;
}

/**
 * The dates of birth an entry states exactly: a full date, or a year on its own. Approximate dates and ranges
 * ("circa 1960", "between 1957 and 1962") are left out: they neither agree nor contradict.
 */
function statedBirthDates(birthDates: readonly BirthDate[]): StatedBirthDates {
  const full = new Set<string>();
  const years = new Set<string>();
  for (const birthDate of birthDates) {
    if (birthDate.date === undefined) continue;
    if (birthDate.kind === 'exact' && FULL_DATE.test(birthDate.date)) full.add(birthDate.date);
    else if ((birthDate.kind === 'year' || birthDate.kind === 'exact') && YEAR.test(birthDate.date)) years.add(birthDate.date);
  }
  return { full, years };
}

/** True when the entry states a date of birth that can agree with another: a full date or a year on its own. */
export function hasStatedBirthDate(entity: CanonicalEntity): boolean {
  return entity.birthDates.some(
    ({ kind, date }) => date !== undefined && ((kind === 'exact' && (FULL_DATE.test(date) || YEAR.test(date))) || (kind === 'year' && YEAR.test(date))),
  );
}

export interface BirthDateAgreement {
  /** The agreeing date as evidence reads it: "1960-01-01", or "1960 (year on one side, 1960-03-04 on the other)". */
  words: string;
}

/**
 * A date of birth both entries state and that agrees: the same full date; or the same year, when one side gives
 * the year only and the other a full date in it (or both give that year only). `null` when none agrees.
 */
export function agreeingBirthDate(a: CanonicalEntity, b: CanonicalEntity): BirthDateAgreement | null {
  const datesA = statedBirthDates(a.birthDates);
  const datesB = statedBirthDates(b.birthDates);
  for (const date of [...datesA.full].sort()) if (datesB.full.has(date)) return { words: date };
  for (const year of [...datesA.years].sort()) {
    const full = [...datesB.full].sort().find((date) => date.startsWith(`${year}-`));
    if (full !== undefined) return { words: `${year} (year only on one side, ${full} on the other)` };
    if (YEAR_ONLY_ON_BOTH_AGREES && datesB.years.has(year)) return { words: `${year} (year only on both)` };
  }
  for (const year of [...datesB.years].sort()) {
    const full = [...datesA.full].sort().find((date) => date.startsWith(`${year}-`));
    if (full !== undefined) return { words: `${year} (year only on one side, ${full} on the other)` };
  }
  return null;
}

/** True when both entries state full dates of birth and none of them agrees. */
export function birthDatesConflict(a: CanonicalEntity, b: CanonicalEntity): boolean {
  const fullA = statedBirthDates(a.birthDates).full;
  const fullB = statedBirthDates(b.birthDates).full;
  if (fullA.size === 0 || fullB.size === 0) return false;
  for (const date of fullA) if (fullB.has(date)) return false;
  return true;
}

function upperCased(values: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const value of values) {
    const trimmed = value.trim().toUpperCase();
    if (trimmed !== '') set.add(trimmed);
  }
  return set;
}

function firstShared(a: ReadonlySet<string>, b: ReadonlySet<string>): string | undefined {
  return [...a].sort().find((value) => b.has(value));
}

export type QualifierComparison =
  | { outcome: 'agree'; value: string }
  | { outcome: 'conflict'; a: string[]; b: string[] }
  | { outcome: 'unknown' };

function compareSets(a: ReadonlySet<string>, b: ReadonlySet<string>): QualifierComparison {
  if (a.size === 0 || b.size === 0) return { outcome: 'unknown' };
  const shared = firstShared(a, b);
  if (shared !== undefined) return { outcome: 'agree', value: shared };
  return { outcome: 'conflict', a: [...a].sort(), b: [...b].sort() };
}

/** Nationalities: agree when one is shared, conflict when both state some and none is shared. */
export function compareNationalities(a: CanonicalEntity, b: CanonicalEntity): QualifierComparison {
  return compareSets(upperCased(a.nationalities), upperCased(b.nationalities));
}

/** Gender where both state it: "Male" and "Female" conflict. */
export function gendersConflict(a: CanonicalEntity, b: CanonicalEntity): boolean {
  const genderA = a.gender?.trim().toLowerCase();
  const genderB = b.gender?.trim().toLowerCase();
  return genderA !== undefined && genderA !== '' && genderB !== undefined && genderB !== '' && genderA !== genderB;
}

/** The countries an entry is tied to: its countries, nationalities and the countries of its addresses (ISO codes). */
export function countriesOf(entity: CanonicalEntity): Set<string> {
  const codes: string[] = [...entity.countries, ...entity.nationalities];
  for (const address of entity.addresses) if (address.countryCode !== undefined) codes.push(address.countryCode);
  return upperCased(codes);
}

/** True when the entry states a country at all (see `countriesOf`). */
export function hasCountry(entity: CanonicalEntity): boolean {
  return entity.countries.length > 0 || entity.nationalities.length > 0 || entity.addresses.some((address) => address.countryCode !== undefined);
}

/** Countries: agree when one is shared, conflict when both state some and none is shared. */
export function compareCountries(a: CanonicalEntity, b: CanonicalEntity): QualifierComparison {
  return compareSets(countriesOf(a), countriesOf(b));
}
