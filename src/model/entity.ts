/**
 * The one canonical entity model. Every list source (the UN consolidated XML, the curated investigation file)
 * maps into these types; the database, the matcher and the API only ever see these.
 */

export const ENTITY_TYPES = ['person', 'organization'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Overall risk of dealing with an entity. `none` = named in a source but carries no risk (experts, journalists). */
export const RISK_LEVELS = ['critical', 'high', 'medium', 'low', 'none'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a name came from: printed by the source itself, or added by us (and marked so an analyst can tell). */
export const NAME_ORIGINS = [
  'source', // printed verbatim by the list or article
  'added-original-script', // e.g. the Cyrillic form of a Russian name the article prints only in Latin
  'added-transliteration', // a common alternative spelling the source does not print
  'unverified', // read in a source the project does not hold: weighted like a low-quality alias
] as const;
export type NameOrigin = (typeof NAME_ORIGINS)[number];

export const NAME_KINDS = [
  'primary',
  'alias', // a.k.a.
  'former', // f.k.a.
  'original-script', // the list's own NAME_ORIGINAL_SCRIPT
  'acronym',
  'identifier', // a handle such as a Telegram channel, usable as a name
] as const;
export type NameKind = (typeof NAME_KINDS)[number];

/** Alias quality: the UN's a.k.a. grade (`good` or `low`); an `unverified` name is `low` too. */
export const NAME_QUALITIES = ['good', 'low'] as const;
export type NameQuality = (typeof NAME_QUALITIES)[number];

export const SCRIPTS = ['latin', 'cyrillic', 'hangul', 'arabic', 'han', 'other'] as const;
export type Script = (typeof SCRIPTS)[number];

/** A source section's text is the source's own words, or our summary of them. */
export const TEXT_KINDS = ['verbatim', 'summary'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

/** How a listing's designating resolution is known: the list says it, or its listing date matches the adoption. */
export const RESOLUTION_BASES = ['stated', 'inferred-from-listing-date'] as const;
export type ResolutionBasis = (typeof RESOLUTION_BASES)[number];

export const SOURCE_KINDS = ['investigation', 'resolution', 'list-file'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface EntityName {
  /** Display form, whitespace and apostrophe noise normalized. */
  name: string;
  /** The value exactly as published, when it differs from `name`. */
  raw?: string;
  kind: NameKind;
  /** Alias quality: the UN's grade (`good` or `low`); `low` also for an `unverified` name. Low counts less in matching. */
  quality?: NameQuality;
  script: Script;
  origin: NameOrigin;
  /** Why a name was added, or any remark the source makes about it. */
  note?: string;
}

export interface Citation {
  /** Id of a `Source` in the sources registry. */
  sourceId: string;
  /** Human pinpoint, e.g. "S/RES/2397 (2017), para. 8" or "section 'Demand for North Korean labor', para. 3". */
  locator: string;
  /** Section heading (investigation) when the citation points into an article. */
  section?: string;
  /** Paragraph number within the section (1-based) or resolution paragraph number. */
  paragraph?: string;
  /**
   * The paragraph's id within its source, the `{n}` of `GET /v1/sources/{id}/paragraphs/{n}`: a resolution's own
   * key ("8", "preamble-3", "annex-I-1"), or section and number for the article ("demand-for-north-korean-labor-3").
   */
  paragraphId?: string;
  /** Verbatim words of the source, never a paraphrase. */
  quote?: string;
  /** A paraphrase, when no verbatim text is available (must not be presented as a quote). */
  summary?: string;
  url?: string;
}

export interface RiskFlag {
  /** Code from the documented taxonomy (src/model/flag-taxonomy.ts). */
  code: string;
  severity: Severity;
  title: string;
  description: string;
  citations: Citation[];
}

export interface Listing {
  /** The list: `UN` for the Security Council Consolidated List. */
  list: string;
  referenceNumber: string;
  /** UN_LIST_TYPE, e.g. "DPRK", "Al-Qaida", "Taliban". */
  regime: string;
  /** YYYY-MM-DD */
  listedOn: string | null;
  /** Designating resolution where known, e.g. "2375 (2017)". */
  resolution?: string;
  /** How `resolution` was established: stated by the list, or inferred from the listing date. */
  resolutionBasis?: ResolutionBasis;
  /** UN DATAID, the list's own stable record id. */
  dataId?: string;
}

export interface Relationship {
  /** e.g. heads, headed-by, co-founder-of, subsidiary-of, parent-of, employed-by, employs, works-with, receives-fees-from, pays-fees-to */
  type: string;
  /** Id of the related canonical entity. */
  targetId: string;
  description?: string;
  /** e.g. "until 2020" */
  period?: string;
  citations: Citation[];
}

export interface BirthDate {
  /** exact: YYYY-MM-DD; year: YYYY; between: from/to years; approximately: YYYY or date */
  kind: 'exact' | 'year' | 'between' | 'approximately';
  date?: string;
  from?: string;
  to?: string;
  note?: string;
}

export interface Place {
  city?: string;
  stateProvince?: string;
  street?: string;
  country?: string;
  /** ISO 3166-1 alpha-2 when the country could be mapped. */
  countryCode?: string;
  note?: string;
}

export interface Identifier {
  /** e.g. "Passport", "National Identification Number", "telegram" */
  type: string;
  value: string;
  country?: string;
  issuedOn?: string;
  note?: string;
}

export interface CanonicalEntity {
  /** Stable id: `un-<REFERENCE_NUMBER>` for UN entries, `ins-<slug>` for investigation subjects. */
  id: string;
  type: EntityType;
  /** Which dataset this entity belongs to: `un` or `investigation`. */
  dataset: string;
  primaryName: string;
  /** Every name including the primary one (kind `primary`). */
  names: EntityName[];
  /** The role the source gives (article) or the list's designation/title text. */
  role?: string;
  titles?: string[];
  designations?: string[];
  /** ISO 3166-1 alpha-2 codes of countries the entity is tied to (nationality, seat, address). */
  countries: string[];
  nationalities: string[];
  birthDates: BirthDate[];
  birthPlaces: Place[];
  addresses: Place[];
  identifiers: Identifier[];
  riskLevel: RiskLevel;
  flags: RiskFlag[];
  listings: Listing[];
  relationships: Relationship[];
  /** Ids of the sources that mention this entity. */
  sourceIds: string[];
  /** Narrative text of the list entry (UN COMMENTS1) or a note. */
  narrative?: string;
  /** Raw published values worth keeping (e.g. untouched UN fields). */
  raw?: Record<string, unknown>;
}

/**
 * An entity known by its names alone (and, when given, its countries, dates of birth and risk): every other field
 * empty. What a one-entry list for a comparison, a generated benchmark corpus or a matcher test needs.
 */
export function entityOfNames(
  fields: Pick<CanonicalEntity, 'id' | 'type' | 'dataset' | 'primaryName' | 'names'> &
    Partial<Pick<CanonicalEntity, 'countries' | 'birthDates' | 'riskLevel'>>,
): CanonicalEntity {
  return {
    id: fields.id,
    type: fields.type,
    dataset: fields.dataset,
    primaryName: fields.primaryName,
    names: fields.names,
    countries: fields.countries ?? [],
    nationalities: [],
    birthDates: fields.birthDates ?? [],
    birthPlaces: [],
    addresses: [],
    identifiers: [],
    riskLevel: fields.riskLevel ?? 'none',
    flags: [],
    listings: [],
    relationships: [],
    sourceIds: [],
  };
}

export interface SourceSection {
  /** e.g. "section 'Demand for North Korean labor', para. 3" or "S/RES/2397 (2017), para. 8" */
  locator: string;
  heading?: string;
  paragraph?: string;
  /** The paragraph's id within its source (see `paragraphIdOf`). */
  paragraphId?: string;
  text: string;
  /** verbatim: the source's own words; summary: a paraphrase from `url`. */
  textKind: TextKind;
  language?: string;
  url?: string;
  note?: string;
}

/**
 * The id of a paragraph within its source, the `{n}` of `GET /v1/sources/{id}/paragraphs/{n}`: a resolution
 * paragraph's own key ("8", "preamble-3", "annex-I-1"); for a source numbered within sections (the article), the
 * section heading as a slug and the number ("lead-1", "demand-for-north-korean-labor-3").
 */
export function paragraphIdOf(paragraph: string, section?: string): string {
  if (section === undefined) return paragraph;
  const slug = section
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}-${paragraph}`;
}

export interface Source {
  id: string;
  kind: SourceKind;
  title: string;
  publisher?: string;
  credits?: string[];
  url?: string;
  /** Publication / adoption / generation date, only where known (never invented). */
  date?: string;
  sha256?: string;
  notes?: string;
  sections: SourceSection[];
}

/** What a list loader returns: entities and the sources that back them, plus the inputs' content hash. */
export interface LoadedDataset {
  /** e.g. `un`, `investigation` */
  id: string;
  name: string;
  /** sha256 over the input files (hex); the dataset version. */
  contentHash: string;
  /** Date the source itself carries (list generation date), YYYY-MM-DD, if any. */
  sourceDate: string | null;
  entities: CanonicalEntity[];
  sources: Source[];
}
