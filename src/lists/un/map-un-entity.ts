import { detectScript, listName } from '../list-names';
import countries from 'i18n-iso-countries';
import type {
  BirthDate,
  CanonicalEntity,
  EntityName,
  Identifier,
  NameKind,
  Place,
  RiskFlag,
  Script,
} from '../../model/entity';
import { FLAG_TAXONOMY } from '../../model/flag-taxonomy';
import {
  collapseWhitespace,
  isNullPlaceholder,
  normalizeReferenceNumber,
  normalizeUnName,
  normalizeUnNameKeepingRaw,
  toIsoDate,
} from './normalize-un-text';
import type {
  UnRawAddress,
  UnRawAlias,
  UnRawDateOfBirth,
  UnRawDocument,
  UnRawPlaceOfBirth,
  UnRawRecord,
} from './parse-consolidated-xml';
import { UnListFormatError } from './parse-consolidated-xml';

/** Where the Security Council publishes the list; cited next to every UN listing. */
export const UN_CONSOLIDATED_LIST_URL = 'https://scsanctions.un.org/resources/xml/en/consolidated.xml';

/** The dataset id of UN entries. */
export const UN_DATASET_ID = 'un';
/** `Listing.list` of a UN Consolidated List entry. */
export const UN_LIST_NAME = 'UN';

/**
 * UN spellings that i18n-iso-countries does not know (it knows "Russian Federation", "Syrian Arab Republic",
 * "Republic of Korea", "Türkiye"…). Keys are compared case-insensitively after whitespace and apostrophe
 * normalization. Only unambiguous names are here: qualified texts such as "Bahrain (citizenship revoked in
 * Jan. 2015)" or "Sudan/South Sudan" stay unmapped on purpose, their text kept in `Place.country`.
 */
export const UN_COUNTRY_NAME_OVERRIDES: Readonly<Record<string, string>> = {
  "Democratic People's Republic of Korea": 'KP',
  // French abbreviation (République populaire démocratique de Corée) used in some DPRK addresses.
  RPDC: 'KP',
  'Iran (Islamic Republic of)': 'IR',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  'Viet Nam': 'VN',
  'Libyan Arab Jamahiriya': 'LY',
  'British Virgin Islands': 'VG',
  'China, Hong Kong Special Administrative Region': 'HK',
  'Hong Kong Special Administrative Region': 'HK',
  'Union of the Comoros': 'KM',
  'Sultanate of Oman': 'OM',
  'Palestinian Territories': 'PS',
  // Demonyms the list prints in ISSUING_COUNTRY and (2020) NATIONALITY.
  Afghan: 'AF',
  Algerian: 'DZ',
  German: 'DE',
  Kuwaiti: 'KW',
  Moroccan: 'MA',
  Pakistani: 'PK',
  Palestinian: 'PS',
  'Saudi Arabian': 'SA',
  Somali: 'SO',
  Tunisian: 'TN',
  Yemeni: 'YE',
};

/** Maps a country name as the UN prints it to ISO 3166-1 alpha-2, or `undefined` when it cannot be mapped. */
export type CountryResolver = (name: string | undefined) => string | undefined;

/**
 * Builds a country resolver: {@link UN_COUNTRY_NAME_OVERRIDES} first, then i18n-iso-countries' English names.
 * Results are memoized inside the resolver (the list repeats a few dozen names thousands of times); build one
 * per load.
 */
export function createCountryResolver(): CountryResolver {
  const overrides = new Map(
    Object.entries(UN_COUNTRY_NAME_OVERRIDES).map(([name, code]) => [countryKey(name), code] as const),
  );
  const memo = new Map<string, string | undefined>();
  return (name) => {
    const display = normalizeUnName(name);
    if (display === undefined) return undefined;
    const key = countryKey(display);
    if (memo.has(key)) return memo.get(key);
    const code = overrides.get(key) ?? countries.getAlpha2Code(display, 'en');
    memo.set(key, code);
    return code;
  };
}

function countryKey(name: string): string {
  return (normalizeUnName(name) ?? '').toLowerCase();
}

// Where a name's script is told: shared by every list's mapper.
export { detectScript } from '../list-names';

/** What the mapper needs besides the record. */
export interface UnMappingContext {
  /** Id of the list-file Source every `un-sanctioned` flag cites, e.g. `un-consolidated-2024-09-26`. */
  listSourceId: string;
  resolveCountry: CountryResolver;
}

const ALIAS_QUALITIES: Readonly<Record<string, { kind: NameKind; quality?: 'good' | 'low' }>> = {
  good: { kind: 'alias', quality: 'good' },
  low: { kind: 'alias', quality: 'low' },
  // Entity aliases carry no quality grade, only "also known as" / "formerly known as".
  'a.k.a.': { kind: 'alias' },
  'f.k.a.': { kind: 'former' },
};

function joinNotes(parts: ReadonlyArray<string | undefined>): string | undefined {
  const present = parts.filter((part): part is string => part !== undefined && part !== '');
  return present.length === 0 ? undefined : present.join('; ');
}

/** A field's text with whitespace collapsed, or `undefined` when blank or the literal placeholder "null". */
function cleanField(value: string | undefined): string | undefined {
  return isNullPlaceholder(value) ? undefined : collapseWhitespace(value);
}

function uniq(values: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}


/** FIRST SECOND THIRD FOURTH, each part as published, joined by one space (blank parts skipped). */
function publishedPrimaryName(record: UnRawRecord): string | undefined {
  const parts = [record.firstName, record.secondName, record.thirdName, record.fourthName].filter(
    (part): part is string => part !== undefined && part.trim() !== '',
  );
  return parts.length === 0 ? undefined : parts.join(' ');
}

function mapAlias(alias: UnRawAlias): EntityName | undefined {
  const qualityText = collapseWhitespace(alias.quality);
  const quality = qualityText === undefined ? undefined : ALIAS_QUALITIES[qualityText.toLowerCase()];
  const aliasDateOfBirth = cleanField(alias.dateOfBirth);
  const aliasCityOfBirth = cleanField(alias.cityOfBirth);
  const aliasCountryOfBirth = cleanField(alias.countryOfBirth);
  const note = joinNotes([
    quality === undefined && qualityText !== undefined ? `UN alias quality "${qualityText}"` : undefined,
    aliasDateOfBirth && `date of birth ${aliasDateOfBirth}`,
    aliasCityOfBirth && `city of birth ${aliasCityOfBirth}`,
    aliasCountryOfBirth && `country of birth ${aliasCountryOfBirth}`,
    cleanField(alias.note),
  ]);
  return listName(alias.aliasName, {
    kind: quality?.kind ?? 'alias',
    ...(quality?.quality !== undefined ? { quality: quality.quality } : {}),
    ...(note !== undefined ? { note } : {}),
  });
}

/**
 * A date of birth the list gives inside an alias entry (DATE_OF_BIRTH of INDIVIDUAL_ALIAS, most often with no alias
 * name: the list's way of giving another date): `1960`, `1960-01-01` or `1960 - 1962`. Mapped like any other date of
 * birth, without a note, so that a later list moving it to INDIVIDUAL_DATE_OF_BIRTH is no change.
 */
function aliasBirthDate(alias: UnRawAlias): BirthDate | undefined {
  const published = cleanField(alias.dateOfBirth);
  if (published === undefined) return undefined;
  const range = /^(\d{4})\s*-\s*(\d{4})$/.exec(published);
  if (range) return { kind: 'between', from: range[1]!, to: range[2]! };
  const date = toIsoDate(published);
  if (date !== undefined) return { kind: 'exact', date };
  if (/^\d{4}$/.test(published)) return { kind: 'year', date: published };
  return { kind: 'exact', note: published };
}

/** Birth dates and places once each (the list repeats one in an alias entry at times). */
function distinct<T extends object>(values: ReadonlyArray<T | undefined>): T[] {
  const seen = new Set<string>();
  return values.filter((value): value is T => {
    if (value === undefined) return false;
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mapBirthDate(dateOfBirth: UnRawDateOfBirth): BirthDate | undefined {
  const type = collapseWhitespace(dateOfBirth.typeOfDate)?.toUpperCase();
  const publishedDate = collapseWhitespace(dateOfBirth.date);
  const date = toIsoDate(publishedDate);
  const year = collapseWhitespace(dateOfBirth.year);
  const from = collapseWhitespace(dateOfBirth.fromYear);
  const to = collapseWhitespace(dateOfBirth.toYear);
  // A DATE that is not YYYY-MM-DD is kept as text in the note rather than dropped.
  const note = joinNotes([
    publishedDate !== undefined && date === undefined ? `published date "${publishedDate}"` : undefined,
    collapseWhitespace(dateOfBirth.note),
  ]);
  const withNote = note === undefined ? {} : { note };

  if (type === 'BETWEEN' || from !== undefined || to !== undefined) {
    return {
      kind: 'between',
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...withNote,
    };
  }
  const value = date ?? year;
  if (type === 'APPROXIMATELY') {
    return value === undefined && note === undefined
      ? undefined
      : { kind: 'approximately', ...(value !== undefined ? { date: value } : {}), ...withNote };
  }
  if (date !== undefined) return { kind: 'exact', date, ...withNote };
  if (year !== undefined) return { kind: 'year', date: year, ...withNote };
  // "EXACT" with only a note ("Nov. 1973", "24/06/1402 (Hijri Calendar)"): the list's own kind, no invented date.
  return note === undefined ? undefined : { kind: 'exact', ...withNote };
}

interface PlaceFields {
  street?: string;
  city?: string;
  stateProvince?: string;
  country?: string;
  zipCode?: string;
  note?: string;
}

function mapPlace(place: PlaceFields, resolveCountry: CountryResolver): Place | undefined {
  const street = collapseWhitespace(place.street);
  const city = collapseWhitespace(place.city);
  const stateProvince = collapseWhitespace(place.stateProvince);
  const country = collapseWhitespace(place.country);
  const zipCode = collapseWhitespace(place.zipCode);
  const note = joinNotes([zipCode && `postal code ${zipCode}`, collapseWhitespace(place.note)]);
  if ([street, city, stateProvince, country, note].every((value) => value === undefined)) return undefined;
  const countryCode = resolveCountry(country);
  return {
    ...(city !== undefined ? { city } : {}),
    ...(stateProvince !== undefined ? { stateProvince } : {}),
    ...(street !== undefined ? { street } : {}),
    ...(country !== undefined ? { country } : {}),
    ...(countryCode !== undefined ? { countryCode } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

/**
 * A travel or identity document. `type` is TYPE_OF_DOCUMENT (or TYPE_OF_DOCUMENT2 when the first is blank);
 * `value` is NUMBER, or '' when the list gives the number only inside free text (then kept in `note`);
 * `country` is the issuing country as ISO alpha-2 when it maps, otherwise its text.
 */
function mapDocument(document: UnRawDocument, resolveCountry: CountryResolver): Identifier | undefined {
  const primaryType = collapseWhitespace(document.typeOfDocument);
  const secondaryType = collapseWhitespace(document.typeOfDocument2);
  const number = collapseWhitespace(document.number);
  const issuingCountry = collapseWhitespace(document.issuingCountry);
  const countryOfIssue = collapseWhitespace(document.countryOfIssue);
  const countryText = issuingCountry ?? countryOfIssue;
  const cityOfIssue = collapseWhitespace(document.cityOfIssue);
  const issuedOn = toIsoDate(document.dateOfIssue);
  const note = joinNotes([
    primaryType !== undefined ? secondaryType : undefined,
    cityOfIssue && `issued in ${cityOfIssue}`,
    countryOfIssue !== undefined && countryOfIssue !== countryText ? `country of issue ${countryOfIssue}` : undefined,
    collapseWhitespace(document.note),
  ]);
  const type = primaryType ?? secondaryType;
  if (type === undefined && number === undefined && note === undefined) return undefined;
  const country = countryText === undefined ? undefined : (resolveCountry(countryText) ?? countryText);
  return {
    type: type ?? 'Document',
    value: number ?? '',
    ...(country !== undefined ? { country } : {}),
    ...(issuedOn !== undefined ? { issuedOn } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

function unSanctionedFlag(input: {
  name: string;
  referenceNumber: string;
  regime: string;
  listedOn: string | null;
  listSourceId: string;
}): RiskFlag {
  const { name, referenceNumber, regime, listedOn, listSourceId } = input;
  const listed = listedOn ?? 'on an unstated date';
  return {
    code: 'un-sanctioned',
    severity: 'critical',
    title: FLAG_TAXONOMY['un-sanctioned'].title,
    description: `${name} is on the UN Security Council Consolidated List under the ${regime} sanctions regime (${referenceNumber}, listed ${listed}).`,
    citations: [
      {
        sourceId: listSourceId,
        locator: `UN Consolidated List, ${referenceNumber} (${regime}), listed ${listed}`,
        summary: `Entry ${referenceNumber} of the UN Security Council Consolidated List (${regime} regime), listed ${listed}.`,
        url: UN_CONSOLIDATED_LIST_URL,
      },
    ],
  };
}

function definedEntries(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** Published values kept as they are: reference number, name parts and other fields before normalization. */
function rawValues(record: UnRawRecord): Record<string, unknown> {
  const otherElements = Object.fromEntries(
    Object.entries(record.otherElements).filter(([, values]) => values.some((value) => value.trim() !== '')),
  );
  return definedEntries({
    referenceNumber: record.referenceNumber,
    dataId: record.dataId,
    versionNum: record.versionNum,
    nameParts: definedEntries({
      FIRST_NAME: record.firstName,
      SECOND_NAME: record.secondName,
      THIRD_NAME: record.thirdName,
      FOURTH_NAME: record.fourthName,
    }),
    nameOriginalScript: record.nameOriginalScript,
    unListType: record.unListType,
    listedOn: record.listedOn,
    nationalities: record.nationalities.length > 0 ? record.nationalities : undefined,
    listTypes: record.listTypes.length > 0 ? record.listTypes : undefined,
    lastDayUpdated: record.lastDayUpdated.length > 0 ? record.lastDayUpdated : undefined,
    gender: record.gender,
    submittedBy: record.submittedBy,
    submittedOn: record.submittedOn,
    otherElements: Object.keys(otherElements).length > 0 ? otherElements : undefined,
  });
}

/**
 * Maps one raw UN record to the canonical entity: id `un-<REFERENCE_NUMBER>`, all names with their published form
 * kept in `raw` when normalization changed them, ISO country codes where the country maps, one UN listing and one
 * `un-sanctioned` flag citing the list file. Never invents values: a field the list leaves blank stays absent.
 * Does not assign designating resolutions (see resolution-designations.ts).
 * Throws {@link UnListFormatError} when the record has no reference number or no name.
 */
export function mapUnRecord(record: UnRawRecord, context: UnMappingContext): CanonicalEntity {
  const referenceNumber = normalizeReferenceNumber(record.referenceNumber);
  if (referenceNumber === undefined) {
    throw new UnListFormatError(`UN record with DATAID "${record.dataId ?? ''}" has no REFERENCE_NUMBER`);
  }
  const primary = listName(publishedPrimaryName(record), { kind: 'primary' });
  if (primary === undefined) {
    throw new UnListFormatError(`UN record "${referenceNumber}" has no name`);
  }
  const regime = collapseWhitespace(record.unListType) ?? '';
  const listedOn = toIsoDate(record.listedOn) ?? null;
  const { resolveCountry } = context;

  const names = [
    primary,
    ...record.aliases.map(mapAlias),
    listName(record.nameOriginalScript, { kind: 'original-script' }),
  ].filter((name): name is EntityName => name !== undefined);

  const nationalities = uniq(record.nationalities.map(resolveCountry));
  const addresses = record.addresses
    .map((address: UnRawAddress) => mapPlace(address, resolveCountry))
    .filter((place): place is Place => place !== undefined);
  // A place of birth given in an alias entry (CITY_OF_BIRTH, COUNTRY_OF_BIRTH) is a place of birth like the others.
  const birthPlaces = distinct([
    ...record.placesOfBirth.map((place: UnRawPlaceOfBirth) => mapPlace(place, resolveCountry)),
    ...record.aliases.map((alias) => mapPlace({ city: cleanField(alias.cityOfBirth), country: cleanField(alias.countryOfBirth) }, resolveCountry)),
  ]);
  const titles = uniq(record.titles.map(collapseWhitespace));
  const designations = uniq(record.designations.map(collapseWhitespace));
  const narrative = collapseWhitespace(record.comments1);
  const dataId = collapseWhitespace(record.dataId);

  return {
    id: `un-${referenceNumber}`,
    type: record.kind === 'individual' ? 'person' : 'organization',
    dataset: UN_DATASET_ID,
    primaryName: primary.name,
    names,
    ...(designations.length > 0 ? { role: designations.join('; ') } : {}),
    ...(titles.length > 0 ? { titles } : {}),
    ...(designations.length > 0 ? { designations } : {}),
    // Nationality, address (an organization's seat) and place of birth all tie an entry to a country.
    countries: uniq([
      ...nationalities,
      ...addresses.map((place) => place.countryCode),
      ...birthPlaces.map((place) => place.countryCode),
    ]),
    nationalities,
    birthDates: distinct([...record.datesOfBirth.map(mapBirthDate), ...record.aliases.map(aliasBirthDate)]),
    birthPlaces,
    addresses,
    identifiers: record.documents
      .map((document) => mapDocument(document, resolveCountry))
      .filter((identifier): identifier is Identifier => identifier !== undefined),
    riskLevel: 'critical',
    flags: [
      unSanctionedFlag({
        name: primary.name,
        referenceNumber,
        regime,
        listedOn,
        listSourceId: context.listSourceId,
      }),
    ],
    listings: [
      {
        list: UN_LIST_NAME,
        referenceNumber,
        regime,
        listedOn,
        ...(dataId !== undefined ? { dataId } : {}),
      },
    ],
    relationships: [],
    sourceIds: [context.listSourceId],
    ...(narrative !== undefined ? { narrative } : {}),
    raw: rawValues(record),
  };
}
