import type { CanonicalEntity, CrossReference, EntityType, Listing } from '../model/entity';
import {
  agreeingBirthDate,
  birthDatesConflict,
  compareCountries,
  compareNationalities,
  hasCountry,
  gendersConflict,
  hasStatedBirthDate,
} from './compare-qualifiers';
import {
  identifierKeysOf,
  legalFormsConflict,
  listKey,
  NameKeyReader,
  referenceKey,
  type IdentifierKey,
  type OrganizationNameKey,
} from './link-keys';
import { LINK_RULES, type SubjectLink, type UnresolvedReference } from './subject-links';

/**
 * Candidate links, one rule at a time, each found by blocking on a key (a reference, an identifier, a name key):
 * never by comparing all pairs. Only entries of different datasets are paired.
 */

/** The order datasets are read in: subject ids and link directions prefer the earlier one. */
export const DATASET_ORDER: readonly string[] = ['un', 'uk-sanctions', 'ofac-sdn', 'investigation'];

// Lists name themselves in several ways ("OFAC" in a UK remark, "OFAC SDN" on our listings).
/** Other names of a list, as `listKey` writes them, that a cross-reference may use. */
const LIST_ALIASES: Readonly<Record<string, string>> = { ofac: 'ofacsdn', sdn: 'ofacsdn', uksanctions: 'uk' };

/** Rank of a dataset in {@link DATASET_ORDER}; unknown datasets after, in name order. */
export function compareDatasets(a: string, b: string): number {
  const rankA = DATASET_ORDER.indexOf(a);
  const rankB = DATASET_ORDER.indexOf(b);
  const orderA = rankA === -1 ? DATASET_ORDER.length : rankA;
  const orderB = rankB === -1 ? DATASET_ORDER.length : rankB;
  return orderA !== orderB ? orderA - orderB : a < b ? -1 : a > b ? 1 : 0;
}

/** Entries in reading order: dataset first, then id. */
function compareEntries(a: CanonicalEntity, b: CanonicalEntity): number {
  return compareDatasets(a.dataset, b.dataset) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** How the evidence names a dataset: its list's own name ("UK", "UN", "OFAC SDN"), else the dataset id. */
function listLabel(entity: CanonicalEntity): string {
  return entity.listings[0]?.list ?? entity.dataset;
}

/** The link's two ends in reading order, for rules that have no direction of their own. */
function ordered(a: CanonicalEntity, b: CanonicalEntity): [CanonicalEntity, CanonicalEntity] {
  return compareEntries(a, b) <= 0 ? [a, b] : [b, a];
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export interface LinkCandidates {
  /** The strongest candidate per pair of entries. */
  candidates: SubjectLink[];
  unresolvedReferences: UnresolvedReference[];
}

/** Collects candidates, keeping per pair the one of the strongest rule (the first found, rules run in order). */
class CandidateSet {
  private readonly byPair = new Map<string, SubjectLink>();

  has(a: string, b: string): boolean {
    return this.byPair.has(pairKey(a, b));
  }

  add(link: SubjectLink): void {
    const key = pairKey(link.from, link.to);
    const existing = this.byPair.get(key);
    if (existing === undefined || LINK_RULES.indexOf(link.rule) < LINK_RULES.indexOf(existing.rule)) this.byPair.set(key, link);
  }

  all(): SubjectLink[] {
    return [...this.byPair.values()];
  }
}

/**
 * Entries grouped under their keys. Most keys have one entry (a name on one list only): those are held without an
 * array, so a run over 20,000 entries allocates little more than its keys.
 */
class Blocks<T extends object> {
  private readonly byKey = new Map<string, T | T[]>();

  add(key: string, value: T): void {
    const existing = this.byKey.get(key);
    if (existing === undefined) this.byKey.set(key, value);
    else if (Array.isArray(existing)) existing.push(value);
    else this.byKey.set(key, [existing, value]);
  }

  /** The blocks of two entries or more. */
  *shared(): Generator<readonly T[]> {
    for (const block of this.byKey.values()) if (Array.isArray(block)) yield block;
  }
}

/** Each pair of entries of different datasets within a block, each pair once per block. */
function* crossDatasetPairs<T extends { entity: CanonicalEntity }>(block: readonly T[]): Generator<[T, T]> {
  for (let i = 0; i < block.length; i += 1) {
    const a = block[i];
    if (a === undefined) continue;
    for (let j = i + 1; j < block.length; j += 1) {
      const b = block[j];
      if (b === undefined || b.entity.dataset === a.entity.dataset || b.entity.id === a.entity.id) continue;
      yield [a, b];
    }
  }
}

function crossReferenceKey(reference: CrossReference): string {
  const list = listKey(reference.list);
  return `${LIST_ALIASES[list] ?? list}|${referenceKey(reference.referenceNumber)}`;
}

/** Rule 1: an entry's cross-reference naming another list's reference. */
function statedCrossReferences(entities: readonly CanonicalEntity[], found: CandidateSet): UnresolvedReference[] {
  // Only the references some entry states are looked for among the listings: a few hundred keys, not every listing.
  const wanted = new Map<string, CanonicalEntity[]>();
  const wantedReferences = new Set<string>();
  for (const entity of entities) {
    for (const reference of entity.crossReferences ?? []) {
      wanted.set(crossReferenceKey(reference), []);
      wantedReferences.add(referenceKey(reference.referenceNumber));
    }
  }
  const addTarget = (entity: CanonicalEntity, listing: Listing, reference: string | undefined): void => {
    if (reference === undefined) return;
    const key = referenceKey(reference);
    if (!wantedReferences.has(key)) return;
    const lists = new Set([listKey(listing.list), listKey(listing.dataset ?? entity.dataset), listKey(entity.dataset)]);
    for (const list of lists) wanted.get(`${list}|${key}`)?.push(entity);
  };
  if (wanted.size > 0) {
    for (const entity of entities) {
      for (const listing of entity.listings) {
        addTarget(entity, listing, listing.referenceNumber);
        addTarget(entity, listing, listing.ukReference);
      }
    }
  }
  const unresolved: UnresolvedReference[] = [];
  for (const entity of entities) {
    for (const reference of entity.crossReferences ?? []) {
      const targets = [...new Set(wanted.get(crossReferenceKey(reference)) ?? [])].filter((target) => target.dataset !== entity.dataset);
      if (targets.length === 0) {
        unresolved.push({ from: entity.id, list: reference.list, referenceNumber: reference.referenceNumber });
        continue;
      }
      const stated = reference.text?.trim() || `${reference.list} reference ${reference.referenceNumber.trim()}`;
      for (const target of targets) {
        found.add({
          from: entity.id,
          to: target.id,
          rule: 'stated-cross-reference',
          evidence: `${listLabel(entity)} entry states ${stated}`,
        });
      }
    }
  }
  return unresolved;
}

function typesShareIdentifier(scheme: IdentifierKey['scheme'], a: EntityType, b: EntityType): boolean {
  if (scheme === 'imo') return a === 'vessel' && b === 'vessel';
  return (a === 'person') === (b === 'person');
}

const SCHEME_WORDS: Readonly<Record<IdentifierKey['scheme'], string>> = {
  imo: 'IMO',
  passport: 'passport',
  'national-id': 'national id',
  'tax-id': 'tax id',
  registration: 'registration number',
};

/** Rule 2: the same passport, national id or IMO number, issued by the same country where both say. */
function sharedIdentifiers(entities: readonly CanonicalEntity[], found: CandidateSet): void {
  const blocks = new Blocks<{ entity: CanonicalEntity; identifier: IdentifierKey }>();
  for (const entity of entities) {
    if (entity.identifiers.length === 0) continue;
    for (const identifier of identifierKeysOf(entity)) blocks.add(`${identifier.scheme}|${identifier.value}`, { entity, identifier });
  }
  for (const block of blocks.shared()) {
    for (const [a, b] of crossDatasetPairs(block)) {
      const { scheme, value } = a.identifier;
      if (!typesShareIdentifier(scheme, a.entity.type, b.entity.type)) continue;
      const countryA = a.identifier.country;
      const countryB = b.identifier.country;
      if (countryA !== undefined && countryB !== undefined && countryA !== countryB) continue;
      // A shared number with different full dates of birth is a clerical coincidence or a relative, not one person.
      if (a.entity.type === 'person' && birthDatesConflict(a.entity, b.entity)) continue;
      if (found.has(a.entity.id, b.entity.id)) continue;
      const country = countryA ?? countryB;
      const [from, to] = ordered(a.entity, b.entity);
      found.add({
        from: from.id,
        to: to.id,
        rule: 'shared-identifier',
        evidence: `${SCHEME_WORDS[scheme]} ${value}${country !== undefined ? ` (${country})` : ''} on both`,
      });
    }
  }
}

function sameNameWords(a: string, b: string): string {
  return a === b ? `'${a}'` : `'${a}' = '${b}'`;
}

/** Rule 3: persons with the same name, an agreeing date of birth and no contradicting qualifier. */
function namesAndBirthDates(entities: readonly CanonicalEntity[], names: NameKeyReader, found: CandidateSet): void {
  const blocks = new Blocks<{ entity: CanonicalEntity; name: string }>();
  for (const entity of entities) {
    // Without a stated date of birth a person cannot link by this rule: its names need no keys.
    if (entity.type !== 'person' || !hasStatedBirthDate(entity)) continue;
    names.forEachPersonKey(entity, (key, name) => blocks.add(key, { entity, name }));
  }
  for (const block of blocks.shared()) {
    for (const [first, second] of crossDatasetPairs(block)) {
      const [a, b] = compareEntries(first.entity, second.entity) <= 0 ? [first, second] : [second, first];
      if (found.has(a.entity.id, b.entity.id)) continue;
      const birthDate = agreeingBirthDate(a.entity, b.entity);
      if (birthDate === null) continue;
      const nationality = compareNationalities(a.entity, b.entity);
      if (nationality.outcome === 'conflict' || gendersConflict(a.entity, b.entity)) continue;
      const nationalityWords = nationality.outcome === 'agree' ? `, nationality ${nationality.value} on both` : '';
      found.add({
        from: a.entity.id,
        to: b.entity.id,
        rule: 'name-and-birth-date',
        evidence: `same name ${sameNameWords(a.name, b.name)} and date of birth ${birthDate.words}${nationalityWords}`,
      });
    }
  }
}

/**
 * Rule 4 pairs an organization only with an organization, a vessel with a vessel, an aircraft with an aircraft: a
 * company and the ship named after it share a name and a country (the SDN list's KOTI CORP and vessel KOTI, both
 * Panama). The UN list has no vessel entries; ships are linked by their IMO numbers.
 */
function sameTypeFamily(a: EntityType, b: EntityType): boolean {
  return a === b && a !== 'person';
}

/** Rule 4: organizations, vessels, aircraft with the same name, type family and a shared country, none contradicting. */
function namesAndQualifiers(entities: readonly CanonicalEntity[], names: NameKeyReader, found: CandidateSet): void {
  const blocks = new Blocks<{ entity: CanonicalEntity; name: string; legalForms: OrganizationNameKey['legalForms'] }>();
  for (const entity of entities) {
    // Without a country an organization cannot link by this rule: its names need no keys.
    if (entity.type === 'person' || !hasCountry(entity)) continue;
    names.forEachOrganizationKey(entity, (key, name) => blocks.add(key.key, { entity, name, legalForms: key.legalForms }));
  }
  for (const block of blocks.shared()) {
    for (const [first, second] of crossDatasetPairs(block)) {
      const [a, b] = compareEntries(first.entity, second.entity) <= 0 ? [first, second] : [second, first];
      if (found.has(a.entity.id, b.entity.id)) continue;
      if (!sameTypeFamily(a.entity.type, b.entity.type)) continue;
      if (legalFormsConflict(a.legalForms, b.legalForms)) continue;
      const countries = compareCountries(a.entity, b.entity);
      if (countries.outcome !== 'agree') continue;
      found.add({
        from: a.entity.id,
        to: b.entity.id,
        rule: 'name-and-qualifiers',
        evidence: `same name ${sameNameWords(a.name, b.name)}, ${typeWords(a.entity.type)}, country ${countries.value} on both`,
      });
    }
  }
}

function typeWords(type: EntityType): string {
  return `both ${type === 'aircraft' ? 'aircraft' : `${type}s`}`;
}

/**
 * Finds the candidate links among `entities` by each rule in turn, keeping per pair of entries the strongest rule.
 * Pure; pairs only entries of different datasets and never compares all pairs.
 */
export function findLinkCandidates(entities: readonly CanonicalEntity[]): LinkCandidates {
  const found = new CandidateSet();
  const unresolvedReferences = statedCrossReferences(entities, found);
  sharedIdentifiers(entities, found);
  const names = new NameKeyReader();
  namesAndBirthDates(entities, names, found);
  namesAndQualifiers(entities, names, found);
  return { candidates: found.all(), unresolvedReferences };
}
