import { listName } from '../list-names';
import type {
  BirthDate,
  CanonicalEntity,
  CrossReference,
  EntityName,
  EntityType,
  Identifier,
  IdentifierScheme,
  Listing,
  NameKind,
  NameQuality,
  Place,
  RiskFlag,
} from '../../model/entity';
import { FLAG_TAXONOMY } from '../../model/flag-taxonomy';
import { createCountryResolver, detectScript, type CountryResolver } from '../un/map-un-entity';
import { collapseWhitespace, normalizeUnName, normalizeUnNameKeepingRaw } from '../un/normalize-un-text';
import { ukGroupType, type UkGroupType, type UkRawRow } from './parse-conlist-rows';
import { readOtherInformation, readRegistrationNumbers, type OtherInformation } from './read-other-information';
import { cellValues, enumeratedValues, readBirthDates, ukDateToIso } from './read-uk-values';

/** The dataset id of UK consolidated list entries. */
export const UK_DATASET_ID = 'uk-sanctions';
/** `Listing.list` of a UK consolidated list entry. */
export const UK_LIST_NAME = 'UK';
/** Where OFSI publishes the list; cited next to every UK listing. */
export const UK_CONSOLIDATED_LIST_URL = 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets';

/**
 * OFSI's short country names that i18n-iso-countries and the UN overrides do not know (it knows "Russia",
 * "North Korea", "Iran", "Turkey"…). Compared case-insensitively. Qualified texts ("former USSR (now Belarus)")
 * stay unmapped on purpose, their text kept.
 */
export const UK_COUNTRY_NAME_OVERRIDES: Readonly<Record<string, string>> = {
  Syria: 'SY',
  DPRK: 'KP',
  'Guinea Bissau': 'GW',
  'Congo (Democratic Republic)': 'CD',
  'Democratic Republic of Congo': 'CD',
  'Occupied Palestinian Territories': 'PS',
  Laos: 'LA',
  Moldova: 'MD',
  Macau: 'MO',
  Macao: 'MO',
  Burma: 'MM',
  Swaziland: 'SZ',
  Brunei: 'BN',
  'The Bahamas': 'BS',
  'St Kitts and Nevis': 'KN',
  'St Vincent and the Grenadines': 'VC',
  'St Lucia': 'LC',
  'Bosnia-Herzegovina': 'BA',
  'Republic of Congo': 'CG',
  'Hong Kong': 'HK',
  // Demonyms OFSI prints in passport details.
  Indonesian: 'ID',
  Russian: 'RU',
  Iranian: 'IR',
  Syrian: 'SY',
  Iraqi: 'IQ',
  Libyan: 'LY',
  Egyptian: 'EG',
  Sudanese: 'SD',
  Jordanian: 'JO',
  Lebanese: 'LB',
  Belarusian: 'BY',
  Ukrainian: 'UA',
  Chinese: 'CN',
  Turkish: 'TR',
};

/** A birth country qualified with its former state, e.g. "Georgia (former USSR)": the country before it maps. */
const FORMER_STATE_QUALIFIER = /\s*\(former [^)]*\)$/i;

/**
 * Country resolver for OFSI's names: {@link UK_COUNTRY_NAME_OVERRIDES} first, then the UN resolver (its overrides
 * and i18n-iso-countries). Memoized like the UN one: build one per load.
 */
export function createUkCountryResolver(): CountryResolver {
  const overrides = new Map(Object.entries(UK_COUNTRY_NAME_OVERRIDES).map(([name, code]) => [name.toLowerCase(), code] as const));
  const resolveUn = createCountryResolver();
  const resolve: CountryResolver = (name) => {
    // A country cell now and then ends with a full stop ("Afghanistan.").
    const display = normalizeUnName(name)?.replace(/\.$/, '');
    if (display === undefined) return undefined;
    return overrides.get(display.toLowerCase()) ?? resolveUn(display);
  };
  return (name) => {
    const display = normalizeUnName(name);
    if (display === undefined) return undefined;
    return resolve(display) ?? (FORMER_STATE_QUALIFIER.test(display) ? resolve(display.replace(FORMER_STATE_QUALIFIER, '')) : undefined);
  };
}

/** What the mapper needs besides the rows. */
export interface UkMappingContext {
  /** Id of the list-file Source every `uk-sanctions` flag cites, e.g. `uk-consolidated-2025-04-14`. */
  listSourceId: string;
  resolveCountry: CountryResolver;
}

const ENTITY_TYPES: Readonly<Record<UkGroupType, EntityType>> = {
  Individual: 'person',
  Entity: 'organization',
  Ship: 'vessel',
};

/** OFSI's "Alias Type" values, lower case. */
const ALIAS_TYPES: Readonly<Record<string, { kind: NameKind; note?: string }>> = {
  'primary name': { kind: 'primary' },
  'primary name variation': { kind: 'alias', note: 'UK list: primary name variation' },
  aka: { kind: 'alias' },
  alias: { kind: 'alias' },
  'also known as': { kind: 'alias' },
  fka: { kind: 'former' },
  'formerly known as': { kind: 'former' },
};

/** OFSI's "Alias Quality" values, lower case. */
const ALIAS_QUALITIES: Readonly<Record<string, NameQuality>> = {
  'good quality': 'good',
  good: 'good',
  'low quality': 'low',
  low: 'low',
};

const NAME_PART_COLUMNS = [
  ['name1', 'Name 1'],
  ['name2', 'Name 2'],
  ['name3', 'Name 3'],
  ['name4', 'Name 4'],
  ['name5', 'Name 5'],
  ['name6', 'Name 6'],
] as const;

function uniq(values: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

/** Values once each, compared by content (the list repeats a designation's values on every one of its name rows). */
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

type RowField = Exclude<keyof UkRawRow, 'line' | 'otherColumns'>;

/**
 * The first row of each distinct combination of `fields`, in file order. A designation repeats most of its values
 * on every name row (a row per name × date of birth × address): each distinct value is read once.
 */
function distinctRows(rows: readonly UkRawRow[], fields: readonly RowField[]): UkRawRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = fields.map((field) => row[field] ?? '').join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The distinct published values of one column, in file order. */
function distinctValues(rows: readonly UkRawRow[], field: RowField): string[] {
  return uniq(rows.map((row) => row[field]));
}

function joinNotes(parts: ReadonlyArray<string | undefined>): string | undefined {
  const present = parts.filter((part): part is string => part !== undefined && part !== '');
  return present.length === 0 ? undefined : present.join('; ');
}

/** "A", "A and B", "A, B and C". */
function joinAnd(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}

/** A row's name as OFSI displays it: Name 1 to Name 5 (given names), then Name 6 (family name), as published. */
function publishedName(row: UkRawRow): string | undefined {
  const parts = NAME_PART_COLUMNS.map(([field]) => row[field]).filter((part): part is string => part !== undefined && part.trim() !== '');
  return parts.length === 0 ? undefined : parts.join(' ');
}


/** The name a row gives, with its kind from "Alias Type" and its quality from "Alias Quality". */
function rowName(row: UkRawRow): EntityName | undefined {
  const aliasType = collapseWhitespace(row.aliasType);
  const type = aliasType === undefined ? undefined : ALIAS_TYPES[aliasType.toLowerCase()];
  const qualityText = collapseWhitespace(row.aliasQuality);
  const quality = qualityText === undefined ? undefined : ALIAS_QUALITIES[qualityText.toLowerCase()];
  const note = joinNotes([
    type?.note,
    type === undefined && aliasType !== undefined ? `UK alias type "${aliasType}"` : undefined,
    quality === undefined && qualityText !== undefined ? `UK alias quality "${qualityText}"` : undefined,
  ]);
  return listName(publishedName(row), {
    kind: type?.kind ?? 'alias',
    ...(quality !== undefined ? { quality } : {}),
    ...(note !== undefined ? { note } : {}),
  });
}

const NO_PRIMARY_NOTE = 'UK list: no name of this designation is marked "Primary name"; its first name row is taken as primary';
const OTHER_PRIMARY_NOTE = 'UK list: another "Primary name" of the same designation';

interface GroupNames {
  primary: EntityName;
  /** The row the primary name was read from: its published name is what the flag quotes. */
  primaryRow: UkRawRow;
  names: EntityName[];
}

/**
 * Every name of a designation once: the first "Primary name" row gives the primary name (the first row when the
 * list marks none, with a note saying so); another, different "Primary name" row (a designation under two regimes
 * can carry one per regime) becomes an alias with a note; then the other names in file order; then the non-Latin
 * script names, with their script detected and their language as the list states it.
 */
function groupNames(rows: readonly UkRawRow[]): GroupNames {
  const nameRows = distinctRows(rows, ['name1', 'name2', 'name3', 'name4', 'name5', 'name6', 'aliasType', 'aliasQuality']);
  const read = nameRows.map((row) => ({ row, name: rowName(row) })).filter((entry): entry is { row: UkRawRow; name: EntityName } => entry.name !== undefined);
  const marked = read.find((entry) => entry.name.kind === 'primary');
  const chosen = marked ?? read[0]!;
  const primary: EntityName = marked ? chosen.name : { ...chosen.name, kind: 'primary', note: NO_PRIMARY_NOTE };

  const latin = read
    .filter((entry) => entry !== chosen)
    .filter(({ name }) => !(name.kind === 'primary' && name.name === primary.name))
    .map(({ name }) => (name.kind === 'primary' ? { ...name, kind: 'alias' as const, note: OTHER_PRIMARY_NOTE } : name));

  const originalScript = distinctRows(rows, ['nameNonLatinScript', 'nonLatinScriptType', 'nonLatinScriptLanguage']).map((row) => {
    const language = collapseWhitespace(row.nonLatinScriptLanguage);
    const scriptType = collapseWhitespace(row.nonLatinScriptType);
    const name = listName(row.nameNonLatinScript, { kind: 'original-script', ...(language !== undefined ? { language } : {}) });
    if (name === undefined || name.script !== 'other' || scriptType === undefined) return name;
    return { ...name, note: `UK list: non-Latin script "${scriptType}"` };
  });

  // Once each: a name repeats on every row of a designation that lists several dates of birth or addresses.
  const seen = new Set<string>();
  const names = [primary, ...latin, ...originalScript].filter((name): name is EntityName => {
    if (name === undefined) return false;
    const key = name.kind === 'original-script' ? `${name.kind}\u0000${name.name}` : JSON.stringify([name.kind, name.name, name.quality, name.note]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { primary, primaryRow: chosen.row, names };
}

/** Towns and countries of birth, paired by their "(n)" numbers; one country applies to every town. */
function birthPlacesOf(row: UkRawRow, resolveCountry: CountryResolver): Place[] {
  const towns = enumeratedValues(row.townOfBirth);
  const countries = enumeratedValues(row.countryOfBirth);
  const count = Math.max(towns.length, countries.length);
  const places: Place[] = [];
  for (let i = 0; i < count; i += 1) {
    const city = towns[i];
    const country = countries.length === 1 ? countries[0] : countries[i];
    if (city === undefined && country === undefined) continue;
    const countryCode = resolveCountry(country);
    places.push({
      ...(city !== undefined ? { city } : {}),
      ...(country !== undefined ? { country } : {}),
      ...(countryCode !== undefined ? { countryCode } : {}),
    });
  }
  return places;
}

const ADDRESS_LINES = ['address1', 'address2', 'address3', 'address4', 'address5', 'address6'] as const;

/** Address 1–6 as the street lines (OFSI does not say which line is the town), the postal code in the note. */
function addressOf(row: UkRawRow, resolveCountry: CountryResolver): Place | undefined {
  const lines = ADDRESS_LINES.map((field) => collapseWhitespace(row[field])).filter((line): line is string => line !== undefined);
  const country = collapseWhitespace(row.country);
  const postCode = collapseWhitespace(row.postCode);
  if (lines.length === 0 && country === undefined && postCode === undefined) return undefined;
  const countryCode = resolveCountry(country);
  return {
    ...(lines.length > 0 ? { street: lines.join(', ') } : {}),
    ...(country !== undefined ? { country } : {}),
    ...(countryCode !== undefined ? { countryCode } : {}),
    ...(postCode !== undefined ? { note: `postal code ${postCode}` } : {}),
  };
}

/**
 * The issuing country a document's details open with ("Afghanistan number, issued on …", "Russia, expiry date …",
 * "Pakistani. Issued: …", "Russian TIN"), as ISO alpha-2; `undefined` when the opening words are not a country.
 */
function issuingCountryOf(details: string | undefined, resolveCountry: CountryResolver): string | undefined {
  if (details === undefined) return undefined;
  const opening = details.split(/[,.;:(]|\s(?:number|passport|diplomatic|national|issued|expir\w*|no|tin|inn|tax|id)\b/i)[0]?.trim();
  return opening === undefined || opening === '' ? undefined : resolveCountry(opening);
}

const TAX_NUMBER = /(?:^|[^\p{L}])(?:tax|taxpayer|TIN|INN|VAT|УНН|ИНН)(?![\p{L}])/iu;

interface DocumentColumns {
  numbers: string | undefined;
  details: string | undefined;
  type: string;
  scheme: (details: string | undefined) => IdentifierScheme;
}

/**
 * The documents of a pair of number and details columns: each number is one identifier, its details (paired by
 * their "(n)" numbers, or the whole cell when they are not numbered alike) its note. Details with no number are
 * returned apart, to be kept in `raw`.
 */
function documentsOf(columns: DocumentColumns, resolveCountry: CountryResolver): { identifiers: Identifier[]; unpairedDetails: string[] } {
  const numbers = enumeratedValues(columns.numbers);
  const details = enumeratedValues(columns.details);
  const pairedByNumber = numbers.length === details.length;
  const identifiers: Identifier[] = [];
  numbers.forEach((value, i) => {
    if (value === undefined) return;
    const note = pairedByNumber ? details[i] : collapseWhitespace(columns.details);
    const country = issuingCountryOf(note, resolveCountry);
    identifiers.push({
      type: columns.type,
      scheme: columns.scheme(note),
      value,
      ...(country !== undefined ? { country } : {}),
      ...(note !== undefined ? { note } : {}),
    });
  });
  const unpairedDetails = numbers.every((value) => value === undefined) ? cellValues(columns.details) : [];
  return { identifiers, unpairedDetails };
}

function rowDocuments(row: UkRawRow, resolveCountry: CountryResolver): { identifiers: Identifier[]; unpairedDetails: string[] } {
  const passports = documentsOf(
    { numbers: row.passportNumber, details: row.passportDetails, type: 'Passport', scheme: () => 'passport' },
    resolveCountry,
  );
  const nationalIds = documentsOf(
    {
      numbers: row.nationalIdNumber,
      details: row.nationalIdDetails,
      type: 'National Identification Number',
      // OFSI files Russian and other tax numbers under National Identification ("Russian TIN", "Tax ID: …").
      scheme: (details) => (details !== undefined && TAX_NUMBER.test(details) ? 'tax-id' : 'national-id'),
    },
    resolveCountry,
  );
  return {
    identifiers: [...passports.identifiers, ...nationalIds.identifiers],
    unpairedDetails: [...passports.unpairedDetails, ...nationalIds.unpairedDetails],
  };
}

const REGISTRATION_TYPE = 'Business Reg No';

/** "(Business Reg No):…" numbers: a tax number ("INN", "TIN", "Tax ID") as `tax-id`, any other as `registration`. */
function registrationIdentifiers(information: OtherInformation, resolveCountry: CountryResolver): Identifier[] {
  return readRegistrationNumbers(information.segments['Business Reg No']).map((number) => {
    const countryText = /^\(([^)]+)\)$/.exec(number.remark ?? '')?.[1];
    const country = resolveCountry(countryText);
    return {
      type: number.label ?? REGISTRATION_TYPE,
      scheme: TAX_NUMBER.test(number.label ?? '') ? 'tax-id' : 'registration',
      value: number.value,
      ...(country !== undefined ? { country } : {}),
      ...(number.remark !== undefined && country === undefined ? { note: number.remark } : {}),
    };
  });
}

/** A ship's IMO number from "(IMO number):8898740". */
function imoIdentifier(information: OtherInformation): Identifier | undefined {
  const value = information.segments['IMO number']?.replace(/^IMO\s*/i, '');
  return value === undefined || value === '' ? undefined : { type: 'IMO', scheme: 'imo', value };
}

function definedEntries(values: Record<string, unknown>): Record<string, unknown> | undefined {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0));
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** Published values the canonical model has no field for (or repeats in its own form), kept as published. */
function rawValues(input: {
  rows: readonly UkRawRow[];
  primaryRow: UkRawRow;
  information: OtherInformation;
  regimes: ReadonlyArray<{ regime: string; listedOn?: string; dateDesignated?: string }>;
  ukReferences: readonly string[];
  unpairedDocumentDetails: readonly string[];
}): Record<string, unknown> {
  const { rows, primaryRow, information, regimes, ukReferences, unpairedDocumentDetails } = input;
  const segment = (label: keyof OtherInformation['segments']): string | undefined => information.segments[label];
  const otherColumns = rows.flatMap((row) => (row.otherColumns === undefined ? [] : [row.otherColumns]));
  return (
    definedEntries({
      groupId: primaryRow.groupId,
      groupType: primaryRow.groupType,
      nameParts: definedEntries(Object.fromEntries(NAME_PART_COLUMNS.map(([field, column]) => [column, primaryRow[field]]))),
      nationalities: uniq(distinctValues(rows, 'nationality').flatMap(cellValues)),
      dateDesignated: earliest(uniq(distinctValues(rows, 'dateDesignated').map((date) => ukDateToIso(date) ?? collapseWhitespace(date)))),
      regimes: regimes.length > 1 ? regimes : undefined,
      ukReferences: ukReferences.length > 1 ? ukReferences : undefined,
      typeOfEntity: segment('Type of entity'),
      parentCompany: segment('Parent company'),
      subsidiaries: cellValues(segment('Subsidiaries')),
      businessRegNo: segment('Business Reg No'),
      phoneNumber: segment('Phone number'),
      website: segment('Website'),
      emailAddress: segment('Email address'),
      vessel: definedEntries({
        imoNumber: segment('IMO number'),
        currentOwners: segment('Current owners'),
        flag: segment('Flag of ship'),
        previousFlags: segment('Previous flags'),
        type: segment('Type of ship'),
        tonnage: segment('Tonnage of ship'),
        length: segment('Length of ship'),
        yearBuilt: segment('Year built'),
      }),
      unpairedDocumentDetails,
      otherColumns: otherColumns.length > 0 ? distinct(otherColumns) : undefined,
    }) ?? {}
  );
}

function ukSanctionsFlag(input: {
  groupId: string;
  regimes: readonly string[];
  ukReferences: readonly string[];
  quote: string;
  listSourceId: string;
}): RiskFlag {
  const { groupId, regimes, ukReferences, quote, listSourceId } = input;
  const under = regimes.length === 1 ? `the ${regimes[0]} regime` : `the ${joinAnd(regimes)} regimes`;
  const reference =
    ukReferences.length === 0
      ? `OFSI Group ID ${groupId}`
      : `UK reference${ukReferences.length === 1 ? '' : 's'} ${joinAnd(ukReferences)}`;
  const locatorReference = ukReferences.length === 0 ? '' : `, UK reference ${ukReferences.join(' and ')}`;
  return {
    code: 'uk-sanctions',
    severity: 'critical',
    title: FLAG_TAXONOMY['uk-sanctions'].title,
    description: `Designated by the UK under ${under} (${reference}).`,
    citations: [
      {
        sourceId: listSourceId,
        locator: `UK consolidated list (OFSI), Group ID ${groupId}${locatorReference}, regime ${regimes.join('; ')}`,
        quote,
        url: UK_CONSOLIDATED_LIST_URL,
      },
    ],
  };
}

/** The earliest (or latest) of YYYY-MM-DD dates. */
function earliest(dates: readonly string[]): string | undefined {
  return [...dates].sort()[0];
}
function latest(dates: readonly string[]): string | undefined {
  return [...dates].sort().at(-1);
}

/**
 * Maps the name rows of one designation (one OFSI Group ID, rows in file order) to the canonical entity: id
 * `uk-<Group ID>`, every name once, the values its rows repeat deduplicated, one UK listing (a designation under
 * several regimes has one listing naming them all, each regime's own dates kept in `raw.regimes`) and one
 * `uk-sanctions` flag citing the list file. Never invents values: a blank cell stays absent, an unmapped country
 * keeps its text. Expects rows that passed `parseConsolidatedRows` (a Group ID, a name and a known Group Type).
 */
export function mapUkGroup(rows: readonly UkRawRow[], context: UkMappingContext): CanonicalEntity {
  const first = rows[0];
  if (first === undefined) throw new Error('mapUkGroup needs at least one row');
  const { resolveCountry, listSourceId } = context;
  const groupId = first.groupId;
  const type = ENTITY_TYPES[ukGroupType(first.groupType) ?? 'Entity'];
  const { primary, primaryRow, names } = groupNames(rows);

  // A designation repeats its Other Information on every name row: read each distinct text once.
  const informationTexts = distinctValues(rows, 'otherInformation');
  const information = informationTexts.map(readOtherInformation);
  const mergedInformation: OtherInformation = {
    ...(information.find((info) => info.ukReferences) ?? {}),
    ...(information.find((info) => info.unReferences) ?? {}),
    segments: Object.assign({}, ...[...information].reverse().map((info) => info.segments)) as OtherInformation['segments'],
  };
  const ukReferences = uniq(information.flatMap((info) => info.ukReferences?.references ?? []));
  const crossReferences: CrossReference[] = distinct(
    information.flatMap((info) =>
      (info.unReferences?.references ?? []).map((referenceNumber) => ({ list: 'UN', referenceNumber, text: info.unReferences!.text })),
    ),
  );
  const narrative = uniq(informationTexts.map(collapseWhitespace)).join('\n\n') || undefined;
  const gender = genderOf(mergedInformation.segments.Gender);

  const regimeRows = distinctRows(rows, ['regime', 'listedOn', 'dateDesignated']);
  const regimeNames = uniq(regimeRows.map((row) => collapseWhitespace(row.regime)));
  const regimes = regimeNames.map((regime) => {
    const ofRegime = regimeRows.filter((row) => collapseWhitespace(row.regime) === regime);
    const listedOn = earliest(uniq(ofRegime.map((row) => ukDateToIso(row.listedOn))));
    const dateDesignated = earliest(uniq(ofRegime.map((row) => ukDateToIso(row.dateDesignated))));
    return { regime, ...(listedOn !== undefined ? { listedOn } : {}), ...(dateDesignated !== undefined ? { dateDesignated } : {}) };
  });
  const listedOn = earliest(regimes.flatMap((regime) => (regime.listedOn === undefined ? [] : [regime.listedOn])));
  const updatedOn = latest(uniq(distinctValues(rows, 'lastUpdated').map(ukDateToIso)));
  const regime = regimeNames.join('; ');
  const listing: Listing = {
    list: UK_LIST_NAME,
    dataset: UK_DATASET_ID,
    referenceNumber: groupId,
    ...(ukReferences[0] !== undefined ? { ukReference: ukReferences[0] } : {}),
    regime,
    listedOn: listedOn ?? null,
    ...(updatedOn !== undefined ? { updatedOn } : {}),
  };

  const nationalities = uniq(
    distinctValues(rows, 'nationality')
      .flatMap(cellValues)
      .flatMap((text) => resolveNationality(text, resolveCountry)),
  );
  const addressRows = distinctRows(rows, [...ADDRESS_LINES, 'postCode', 'country']);
  const addresses = distinct(addressRows.map((row) => addressOf(row, resolveCountry)));
  const birthPlaces = distinct(distinctRows(rows, ['townOfBirth', 'countryOfBirth']).flatMap((row) => birthPlacesOf(row, resolveCountry)));
  const birthDates = distinct<BirthDate>(distinctValues(rows, 'dob').flatMap(readBirthDates));
  const documentRows = distinctRows(rows, ['passportNumber', 'passportDetails', 'nationalIdNumber', 'nationalIdDetails']);
  const documents = documentRows.map((row) => rowDocuments(row, resolveCountry));
  const identifiers = distinct<Identifier>([
    ...documents.flatMap((document) => document.identifiers),
    ...registrationIdentifiers(mergedInformation, resolveCountry),
    imoIdentifier(mergedInformation),
  ]);
  const flagCode = resolveCountry(mergedInformation.segments['Flag of ship']);
  const titles = uniq(distinctValues(rows, 'title').flatMap(cellValues));
  const designations = uniq(distinctValues(rows, 'position').flatMap(cellValues));

  return {
    id: `uk-${groupId}`,
    type,
    dataset: UK_DATASET_ID,
    primaryName: primary.name,
    names,
    ...(designations.length > 0 ? { role: designations.join('; ') } : {}),
    ...(titles.length > 0 ? { titles } : {}),
    ...(designations.length > 0 ? { designations } : {}),
    // Nationality, address, place of birth and a ship's flag all tie an entry to a country.
    countries: uniq([
      ...nationalities,
      ...addresses.map((place) => place.countryCode),
      ...birthPlaces.map((place) => place.countryCode),
      flagCode,
    ]),
    nationalities,
    birthDates,
    birthPlaces,
    addresses,
    identifiers,
    riskLevel: 'critical',
    flags: [
      ukSanctionsFlag({
        groupId,
        regimes: regimeNames,
        ukReferences,
        quote: publishedName(primaryRow) ?? primary.name,
        listSourceId,
      }),
    ],
    listings: [listing],
    relationships: [],
    sourceIds: [listSourceId],
    ...(narrative !== undefined ? { narrative } : {}),
    ...(gender !== undefined ? { gender } : {}),
    ...(crossReferences.length > 0 ? { crossReferences } : {}),
    raw: rawValues({
      rows,
      primaryRow,
      information: mergedInformation,
      regimes,
      ukReferences,
      unpairedDocumentDetails: uniq(documents.flatMap((document) => document.unpairedDetails)),
    }),
  };
}

const GENDERS = new Map([
  ['male', 'Male'],
  ['female', 'Female'],
]);

/** "(Gender):Male" as "Male" or "Female" (OFSI prints "male" at times); any other text as published. */
function genderOf(text: string | undefined): string | undefined {
  return text === undefined ? undefined : (GENDERS.get(text.toLowerCase()) ?? text);
}

/** A nationality cell value as ISO codes: the value itself, or its parts when OFSI runs two together ("Germany. Russia"). */
function resolveNationality(text: string, resolveCountry: CountryResolver): string[] {
  const whole = resolveCountry(text.replace(/\.$/, ''));
  if (whole !== undefined) return [whole];
  return text
    .split(/\.\s+|,\s+/)
    .map((part) => resolveCountry(part.replace(/\.$/, '')))
    .filter((code): code is string => code !== undefined);
}

/**
 * Groups name rows by Group ID, groups in the order their first row appears, rows in file order within a group.
 */
export function groupRowsByGroupId(rows: readonly UkRawRow[]): UkRawRow[][] {
  const groups = new Map<string, UkRawRow[]>();
  for (const row of rows) {
    const group = groups.get(row.groupId);
    if (group === undefined) groups.set(row.groupId, [row]);
    else group.push(row);
  }
  return [...groups.values()];
}
