import { listName } from '../list-names';
import type {
  CanonicalEntity,
  Citation,
  EntityName,
  EntityType,
  Identifier,
  NameKind,
  Place,
  Relationship,
  RiskFlag,
} from '../../model/entity';
import { FLAG_TAXONOMY } from '../../model/flag-taxonomy';
import { detectScript, type CountryResolver } from '../un/map-un-entity';
import { collapseWhitespace, normalizeUnName, normalizeUnNameKeepingRaw } from '../un/normalize-un-text';
import { parseSdnRemarks } from './parse-sdn-remarks';
import type { SdnRawAddress, SdnRawAlias, SdnRawRecord, SdnType } from './parse-sdn-files';

/** The dataset id of OFAC SDN entries. */
export const OFAC_DATASET_ID = 'ofac-sdn';
/** `Listing.list` of an SDN entry. */
export const OFAC_LIST_NAME = 'OFAC SDN';

/** OFAC's page for one SDN entry, by ent_num: cited next to every flag and relationship. */
export function ofacEntryUrl(entNum: string): string {
  return `https://sanctionssearch.ofac.treas.gov/Details.aspx?id=${entNum}`;
}

/**
 * The length at which the legacy CSV cuts Remarks, continuing them in sdn_comments.csv. Remarks of exactly this
 * length with no continuation were cut and their last part may be incomplete.
 */
export const REMARKS_CUT_LENGTH = 1000;

/** What the mapper needs besides the record. */
export interface OfacMappingContext {
  /** Id of the list-file Source every flag and relationship cites, e.g. `ofac-sdn-2023-12-28`. */
  listSourceId: string;
  /** The publication's date, YYYY-MM-DD, or null when not known. */
  publicationDate: string | null;
  resolveCountry: CountryResolver;
  /** ent_num of each primary name held by exactly one entry (see {@link indexPrimaryNames}). */
  entNumByPrimaryName: ReadonlyMap<string, string>;
}

const ENTITY_TYPES: Readonly<Record<SdnType, EntityType>> = {
  individual: 'person',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

const ALIAS_TYPES: Readonly<Record<string, { kind: NameKind; note?: string }>> = {
  aka: { kind: 'alias' },
  fka: { kind: 'former' },
  nka: { kind: 'alias', note: 'now known as' },
};

/** The key a name is looked up by: its display form (whitespace and apostrophe noise aside, exactly as published). */
function nameKey(name: string): string {
  return normalizeUnName(name) ?? '';
}

/**
 * ent_num by primary name, for names exactly one entry carries as its primary name: a "Linked To:" name or a
 * vessel owner resolves to an entry only when no other entry has the same primary name.
 */
export function indexPrimaryNames(records: readonly SdnRawRecord[]): Map<string, string> {
  const byName = new Map<string, string | null>();
  for (const { entry } of records) {
    const key = nameKey(entry.name);
    byName.set(key, byName.has(key) ? null : entry.entNum);
  }
  return new Map([...byName].filter((pair): pair is [string, string] => pair[1] !== null));
}

/** OFAC program codes of the Program column: `DPRK3] [RUSSIA-EO14024` → ["DPRK3", "RUSSIA-EO14024"]. */
export function splitPrograms(program: string | undefined): string[] {
  if (program === undefined) return [];
  return program
    .split(/\]\s*\[/)
    .map((code) => code.replace(/[[\]]/g, '').trim())
    .filter((code) => code !== '');
}


/** An alt.csv name: OFAC's strong aliases (a.k.a., f.k.a., n.k.a.), quality `good`. */
function mapAlias(alias: SdnRawAlias): EntityName | undefined {
  const altType = collapseWhitespace(alias.altType)?.toLowerCase();
  const known = altType === undefined ? undefined : ALIAS_TYPES[altType];
  const notes = [
    known?.note,
    known === undefined && altType !== undefined ? `alt_type "${altType}"` : undefined,
    collapseWhitespace(alias.altRemarks),
  ].filter((note): note is string => note !== undefined);
  return listName(alias.altName, {
    kind: known?.kind ?? 'alias',
    quality: 'good',
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  });
}

/**
 * An add.csv row: street, the legacy format's one "city, state or province, postal code" column (kept whole in
 * `city`), country (with its ISO code where it maps) and remarks. A row with every field `-0-` is OFAC's "no
 * address" placeholder: no place.
 */
function mapAddress(address: SdnRawAddress, resolveCountry: CountryResolver): Place | undefined {
  const street = collapseWhitespace(address.address);
  const city = collapseWhitespace(address.cityStatePostal);
  const country = collapseWhitespace(address.country);
  const note = collapseWhitespace(address.addRemarks);
  if (street === undefined && city === undefined && country === undefined && note === undefined) return undefined;
  const countryCode = resolveCountry(country);
  return {
    ...(city !== undefined ? { city } : {}),
    ...(street !== undefined ? { street } : {}),
    ...(country !== undefined ? { country } : {}),
    ...(countryCode !== undefined ? { countryCode } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

/** The pinpoint every citation of an entry uses: entry, programs and publication. */
function entryCitation(input: {
  context: OfacMappingContext;
  entNum: string;
  programs: readonly string[];
  quote: string;
}): Citation {
  const { context, entNum, programs, quote } = input;
  const published = context.publicationDate === null ? 'publication date not stated' : `published ${context.publicationDate}`;
  return {
    sourceId: context.listSourceId,
    locator: `OFAC SDN list, entry ${entNum} (programs ${programs.join('; ')}), ${published}`,
    quote,
    url: ofacEntryUrl(entNum),
  };
}

function sdnFlag(citation: Citation, programs: readonly string[]): RiskFlag {
  return {
    code: 'ofac-sdn',
    severity: 'critical',
    title: FLAG_TAXONOMY['ofac-sdn'].title,
    description: `Designated by OFAC under ${programs.join('; ')}.`,
    citations: [citation],
  };
}

function uniq(values: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

function distinct<T extends object>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function definedEntries(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== false));
}

/** The entry's remarks as published, sdn_comments.csv continuation joined on (it continues mid-word). */
function publishedRemarks(record: SdnRawRecord): string | undefined {
  const joined = (record.entry.remarks ?? '') + (record.remarksContinuation ?? '');
  return joined.trim() === '' ? undefined : joined;
}

/** Remarks of exactly the cut length with no continuation: the last part may be incomplete. */
export function remarksWereCut(record: SdnRawRecord): boolean {
  return record.remarksContinuation === undefined && (record.entry.remarks ?? '').length === REMARKS_CUT_LENGTH;
}

/** The entry a name resolves to: one other entry with exactly this primary name (a final period aside). */
function resolveEntry(name: string, self: string, context: OfacMappingContext): string | undefined {
  for (const candidate of [name, name.replace(/\.$/, '')]) {
    const entNum = context.entNumByPrimaryName.get(nameKey(candidate));
    if (entNum !== undefined) return entNum === self ? undefined : entNum;
  }
  return undefined;
}

/**
 * Maps one SDN entry (with its aliases, addresses and remarks continuation) to the canonical entity: id
 * `ofac-<ent_num>`, the primary name as published ("LAST, First" kept), alt.csv names as strong aliases, weak
 * a.k.a. of the remarks as `low` aliases, the remarks read into fields (what no field holds kept in `remarks`),
 * one OFAC SDN listing and one critical `ofac-sdn` flag citing the list file. "Linked To:" names and the vessel
 * owner become relationships only when they are exactly one other entry's primary name. Never invents a value.
 */
export function mapOfacRecord(record: SdnRawRecord, context: OfacMappingContext): CanonicalEntity {
  const { entry } = record;
  const { resolveCountry } = context;
  const entNum = entry.entNum;
  const programs = splitPrograms(entry.program);
  const title = collapseWhitespace(entry.title);
  const remarksText = publishedRemarks(record);
  const cut = remarksWereCut(record);
  const remarks = parseSdnRemarks(remarksText, {
    resolveCountry,
    ...(title !== undefined ? { title } : {}),
    lastPartMayBeCut: cut,
  });

  const primary = listName(entry.name, { kind: 'primary' });
  // parse-sdn-files skips a row without SDN_Name (and reports it): never reached.
  if (primary === undefined) throw new Error(`OFAC entry ${entNum} has no SDN_Name`);
  const names = [
    primary,
    ...record.aliases.map(mapAlias).filter((name): name is EntityName => name !== undefined),
    ...remarks.aliases,
  ];
  const citeEntry = (quote: string): Citation => entryCitation({ context, entNum, programs, quote });

  const relationships: Relationship[] = [];
  const kept: string[] = [];
  for (const part of remarks.kept) {
    const target = part.kind === 'linked-to' ? resolveEntry(part.name, entNum, context) : undefined;
    if (target === undefined) {
      kept.push(part.text);
      continue;
    }
    relationships.push({ type: 'linked-to', targetId: `ofac-${target}`, description: part.text, citations: [citeEntry(part.text)] });
  }
  const vesselOwner = collapseWhitespace(entry.vesselOwner);
  const owner = vesselOwner === undefined ? undefined : resolveEntry(vesselOwner, entNum, context);
  if (owner !== undefined && vesselOwner !== undefined) {
    relationships.push({
      type: 'owned-by',
      targetId: `ofac-${owner}`,
      description: `Vessel owner: ${vesselOwner}`,
      citations: [citeEntry(vesselOwner)],
    });
  }

  const callSign = collapseWhitespace(entry.callSign);
  const identifiers: Identifier[] = [...(callSign !== undefined ? [{ type: 'Call Sign', value: callSign }] : []), ...remarks.identifiers];
  const addresses = record.addresses
    .map((address) => mapAddress(address, resolveCountry))
    .filter((place): place is Place => place !== undefined);
  const vesselFlag = collapseWhitespace(entry.vesselFlag);
  const birthPlaces = distinct(remarks.birthPlaces);

  const remarkFacts = remarks.kept.flatMap((part) => (part.kind === 'fact' ? [{ label: part.label, value: part.value }] : []));
  const flagQuote = `${entry.name.trim()} [${(entry.program ?? '').trim()}]`;

  return {
    id: `ofac-${entNum}`,
    type: entry.sdnType === undefined ? 'organization' : ENTITY_TYPES[entry.sdnType],
    dataset: OFAC_DATASET_ID,
    primaryName: primary.name,
    names,
    ...(title !== undefined ? { role: title, titles: [title] } : {}),
    // Nationality, address, place of birth and a vessel's flag all tie an entry to a country.
    countries: uniq([
      ...remarks.nationalities,
      ...addresses.map((place) => place.countryCode),
      ...birthPlaces.map((place) => place.countryCode),
      resolveCountry(vesselFlag),
      ...remarks.countries,
    ]),
    nationalities: remarks.nationalities,
    birthDates: distinct(remarks.birthDates),
    birthPlaces,
    addresses,
    identifiers,
    riskLevel: 'critical',
    flags: [sdnFlag(citeEntry(flagQuote), programs)],
    listings: [
      {
        list: OFAC_LIST_NAME,
        dataset: OFAC_DATASET_ID,
        referenceNumber: entNum,
        regime: programs.join('; '),
        programs,
        listedOn: null,
      },
    ],
    relationships,
    sourceIds: [context.listSourceId],
    ...(remarks.gender !== undefined ? { gender: remarks.gender } : {}),
    ...(kept.length > 0 ? { remarks: kept } : {}),
    raw: definedEntries({
      entNum,
      sdnName: entry.name,
      sdnType: entry.sdnType,
      program: entry.program,
      title: entry.title,
      callSign: entry.callSign,
      vesselType: collapseWhitespace(entry.vesselType),
      tonnage: collapseWhitespace(entry.tonnage),
      grt: collapseWhitespace(entry.grt),
      vesselFlag,
      vesselOwner,
      remarks: remarksText,
      remarksContinued: record.remarksContinuation !== undefined,
      remarksCut: cut,
      remarkFacts: remarkFacts.length > 0 ? remarkFacts : undefined,
    }),
  };
}
