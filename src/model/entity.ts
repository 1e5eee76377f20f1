/**
 * The one canonical entity model. Every list source (the UN consolidated XML, the curated investigation file)
 * maps into these types; the database, the matcher and the API only ever see these.
 */

export const ENTITY_TYPES = ['person', 'organization', 'vessel', 'aircraft'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * How a name of this type is read for matching: a person's name has given and family names; an organization's, a
 * vessel's and an aircraft's name is read as an organization's (words, legal forms, no person-name order).
 */
export function nameReadingOf(type: EntityType): 'person' | 'organization' {
  return type === 'person' ? 'person' : 'organization';
}

/**
 * The identifier kinds screening compares (`identifiers` on a request): IMO ship numbers and passports decide a
 * match on their own; national ids conflict when they differ; tax and registration numbers only support.
 */
export const IDENTIFIER_SCHEMES = ['imo', 'passport', 'national-id', 'tax-id', 'registration'] as const;
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

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
  /** Language of a non-Latin name where the list states it (UK "Non-Latin Script Language"), e.g. "Russian". */
  language?: string;
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
  /** The list: `UN` for the Security Council Consolidated List, `OFAC SDN`, `UK`. */
  list: string;
  /** The dataset the listing was read from (`un`, `ofac-sdn`, `uk-sanctions`); set on every listing of a list dataset. */
  dataset?: string;
  /** The list's own reference: UN reference number, OFAC ent_num, UK Group ID (the UK reference goes to `ukReference`). */
  referenceNumber: string;
  /** UN_LIST_TYPE ("DPRK", "Al-Qaida"); the OFAC program codes joined ("DPRK3; RUSSIA-EO14024"); the UK regime name. */
  regime: string;
  /** OFAC program codes, each on its own (e.g. ["DPRK3", "RUSSIA-EO14024"]). */
  programs?: string[];
  /** The UK Sanctions List reference (e.g. "DPR0254"), where the UK list gives one. */
  ukReference?: string;
  /** When the list last amended the entry (UK "Last Updated"), YYYY-MM-DD. */
  updatedOn?: string;
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
  /** As the source names it, e.g. "Passport", "National Identification Number", "Vessel Registration Identification", "telegram" */
  type: string;
  /** The kind screening compares, where the type maps to one (`imo`, `passport`, `national-id`, `tax-id`, `registration`). */
  scheme?: IdentifierScheme;
  value: string;
  /** Issuing country: ISO 3166-1 alpha-2 when it maps, otherwise the source's text. */
  country?: string;
  issuedOn?: string;
  note?: string;
}

/** A reference a list entry gives to the same subject on another list, e.g. UK "(UN Ref):KPi.063". */
export interface CrossReference {
  /** The list referred to: `UN`, `UK`, `OFAC SDN`. */
  list: string;
  referenceNumber: string;
  /** The words the reference was read from. */
  text?: string;
}

export interface CanonicalEntity {
  /**
   * Stable id: `un-<REFERENCE_NUMBER>` for UN entries, `ins-<slug>` for investigation subjects, `ofac-<ent_num>` for
   * SDN entries, `uk-<Group ID>` for UK designations.
   */
  id: string;
  type: EntityType;
  /** Which dataset this entity belongs to: `un`, `investigation`, `ofac-sdn`, `uk-sanctions`. */
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
  /** Gender where the list states it ("Male", "Female"). */
  gender?: string;
  /** The same subject on other lists, as this entry states it (UK "(UN Ref):KPi.063"). */
  crossReferences?: CrossReference[];
  /** Parts of the list's remarks that could not be read into fields: kept as published, never dropped. */
  remarks?: string[];
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
  /**
   * Rows of the file that could not be read: each reported with its file and line, skipped, and the import went on
   * (a file whose structure is wrong is refused as a whole instead).
   */
  skippedRows?: SkippedRow[];
}

export interface SkippedRow {
  /** The file within the upload (e.g. `sdn.csv`); absent for a single-file upload. */
  file?: string;
  /** 1-based line (CSV) or row (XLSX) number. */
  line: number;
  message: string;
}
