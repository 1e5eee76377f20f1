import type { BirthDate, CanonicalEntity, EntityType } from '../../model/entity';
import { CONFLICT_PENALTY } from './conflicts';

/**
 * Qualifiers the caller may give besides the name: entity type, country, date of birth. Each raises or lowers a
 * name score by a small signed amount and says why in a few words; none filters on its own.
 */

export interface QualifierEffect {
  /** Signed contribution to the score. */
  value: number;
  /** A few words for the explanation, or null when the qualifier said nothing. */
  phrase: string | null;
  /** The qualifier contradicts the listing outright (see `score/conflicts.ts`): the pair is then not a match. */
  conflict?: boolean;
}

const NO_EFFECT: QualifierEffect = { value: 0, phrase: null };

/** A person's name is not an organization's: conflicting types push an exact name well below any sane threshold. */
export const TYPE_CONFLICT_PENALTY = -0.25;

/** The query's country is among the entity's countries: a slight confirmation. */
export const COUNTRY_AGREEMENT_BONUS = 0.02;

/** The entity is tied to other countries only: a slight doubt (people move, lists are incomplete). */
export const COUNTRY_CONFLICT_PENALTY = -0.04;

/** The full date of birth agrees. */
export const BIRTH_DATE_AGREEMENT_BONUS = 0.05;

/** The year of birth agrees (or falls in the listed range). */
export const BIRTH_YEAR_AGREEMENT_BONUS = 0.03;

/** Same year, another day: a clerical difference as often as another person. */
export const BIRTH_DAY_CONFLICT_PENALTY = -0.02;

/** One year off: often a clerical difference or a guessed year. */
export const BIRTH_YEAR_NEAR_PENALTY = -0.04;

/** Two to five years off: most likely another person with the same name, though lists guess years. */
export const BIRTH_YEAR_CONFLICT_PENALTY = -0.12;

/**
 * More than this many years off (beyond any listed range or approximation): another person outright, a conflict.
 * Lists guess birth years and give several; five years covers a guess, not a generation.
 */
export const BIRTH_YEARS_APART_FOR_CONFLICT = 5;

/** Years either side of an "approximately" date still counted as agreeing. */
export const APPROXIMATE_YEAR_TOLERANCE = 2;

/**
 * An organization against a vessel or an aircraft (either way round): a slight doubt, not another kind of thing.
 * Banks and registries often type a ship as an organization (their forms know persons and organizations only), and
 * a single-ship company bears its ship's name; so it costs about what another country does (-0.04), far less than a
 * person against an organization (`TYPE_CONFLICT_PENALTY`), and an exact name stays a match.
 */
export const CRAFT_AS_ORGANIZATION_PENALTY = -0.03;

/** Craft: what is named like an organization but is a vehicle, typed as an organization by forms that know no better. */
export const CRAFT_TYPES: ReadonlySet<EntityType> = new Set(['vessel', 'aircraft']);

/**
 * Type agreement: a penalty only when both the query's type and the entity's type are known and differ:
 * `CRAFT_AS_ORGANIZATION_PENALTY` between an organization and a vessel or an aircraft, `TYPE_CONFLICT_PENALTY` for
 * any other two types (a person against anything else, a vessel against an aircraft). `queryType` may be inferred
 * (a legal form makes the query an organization).
 */
export function typeAgreement(queryType: EntityType | 'any' | undefined, entityType: EntityType): QualifierEffect {
  if (queryType === undefined || queryType === 'any' || queryType === entityType) return NO_EFFECT;
  const phrase = `type differs (${queryType} vs ${entityType})`;
  const craftAsOrganization =
    (queryType === 'organization' && CRAFT_TYPES.has(entityType)) || (entityType === 'organization' && CRAFT_TYPES.has(queryType));
  return { value: craftAsOrganization ? CRAFT_AS_ORGANIZATION_PENALTY : TYPE_CONFLICT_PENALTY, phrase };
}

/** Country agreement against the entity's countries and nationalities (ISO alpha-2, case-insensitive). */
export function countryAgreement(country: string | undefined, entity: CanonicalEntity): QualifierEffect {
  if (!country) return NO_EFFECT;
  const wanted = country.trim().toUpperCase();
  const known = new Set([...entity.countries, ...entity.nationalities].map((code) => code.toUpperCase()));
  if (known.size === 0 || wanted.length === 0) return NO_EFFECT;
  if (known.has(wanted)) return { value: COUNTRY_AGREEMENT_BONUS, phrase: `country agrees (${wanted})` };
  return { value: COUNTRY_CONFLICT_PENALTY, phrase: `country differs (${wanted} vs ${[...known].join('/')})` };
}

interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/** Parses YYYY, YYYY-MM or YYYY-MM-DD (the API's forms); null for anything else. */
export function parsePartialDate(value: string | undefined): PartialDate | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : undefined;
  const day = match[3] ? Number(match[3]) : undefined;
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

/** `distance` years off (beyond any range or approximation): two to five cost a little, more is a conflict. */
function yearsApart(distance: number, phrase: string): QualifierEffect {
  if (distance > BIRTH_YEARS_APART_FOR_CONFLICT) {
    return { value: CONFLICT_PENALTY, phrase: `${phrase}: more than ${BIRTH_YEARS_APART_FOR_CONFLICT} years apart`, conflict: true };
  }
  return { value: BIRTH_YEAR_CONFLICT_PENALTY, phrase };
}

function compareWithListedDate(query: PartialDate, listed: BirthDate): QualifierEffect | null {
  if (listed.kind === 'between') {
    const from = parsePartialDate(listed.from)?.year;
    const to = parsePartialDate(listed.to)?.year;
    if (from === undefined && to === undefined) return null;
    const low = from ?? to ?? query.year;
    const high = to ?? from ?? query.year;
    if (query.year >= low && query.year <= high) {
      return { value: BIRTH_YEAR_AGREEMENT_BONUS, phrase: `birth year within listed range ${low}–${high}` };
    }
    const distance = query.year < low ? low - query.year : query.year - high;
    if (distance === 1) return { value: BIRTH_YEAR_NEAR_PENALTY, phrase: `birth year 1 year outside ${low}–${high}` };
    return yearsApart(distance, `birth year ${query.year} outside listed range ${low}–${high}`);
  }
  const date = parsePartialDate(listed.date ?? listed.from ?? listed.to);
  if (!date) return null;
  const distance = Math.abs(query.year - date.year);
  if (listed.kind === 'approximately') {
    if (distance <= APPROXIMATE_YEAR_TOLERANCE) {
      return { value: BIRTH_YEAR_AGREEMENT_BONUS, phrase: `birth year agrees with approximately ${date.year}` };
    }
    return yearsApart(distance - APPROXIMATE_YEAR_TOLERANCE, `birth year ${query.year} differs from approximately ${date.year}`);
  }
  if (distance === 0) {
    const bothFull = query.month !== undefined && query.day !== undefined && date.month !== undefined && date.day !== undefined;
    if (bothFull && query.month === date.month && query.day === date.day) {
      return { value: BIRTH_DATE_AGREEMENT_BONUS, phrase: 'birth date agrees' };
    }
    if (bothFull) return { value: BIRTH_DAY_CONFLICT_PENALTY, phrase: 'birth year agrees, day differs' };
    return { value: BIRTH_YEAR_AGREEMENT_BONUS, phrase: 'birth year agrees' };
  }
  if (distance === 1) return { value: BIRTH_YEAR_NEAR_PENALTY, phrase: `birth year 1 year off (${date.year})` };
  return yearsApart(distance, `birth year differs (${query.year} vs ${date.year})`);
}

/**
 * Date-of-birth agreement: the most favourable of the entity's listed dates (lists give several), nothing when
 * either side has none. Honors `between` ranges and `approximately` (± `APPROXIMATE_YEAR_TOLERANCE` years).
 */
export function birthDateAgreement(birthDate: string | undefined, listed: readonly BirthDate[]): QualifierEffect {
  const query = parsePartialDate(birthDate);
  if (!query || listed.length === 0) return NO_EFFECT;
  let best: QualifierEffect | null = null;
  for (const entry of listed) {
    const effect = compareWithListedDate(query, entry);
    if (effect && (best === null || effect.value > best.value)) best = effect;
  }
  return best ?? NO_EFFECT;
}
