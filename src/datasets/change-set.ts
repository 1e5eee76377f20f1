import { canonicalJson } from '../audit/canonical-json';
import { normalizeUnName } from '../lists/un/normalize-un-text';
import type { CanonicalEntity, EntityType, Place } from '../model/entity';

/**
 * What changed between two versions of one dataset's canonical entities, keyed by entity id: entries added,
 * removed, amended (with a field-level diff) and entries whose only difference is list metadata. Pure: no I/O,
 * never mutates its inputs, the same inputs always give the same output.
 *
 * Only real changes count. Values are compared in display form: whitespace runs collapsed, ends trimmed,
 * apostrophe look-alikes unified (as the UN mapper already shows names), blank text treated as absent, object
 * members in any order. Lists are compared as sets, never by order. Free text (narrative, role, titles,
 * designations, the `note` and `description` of items) is compared without any whitespace, since the list
 * re-spaces it between versions ("web link: https://…" became "web link:https://…" in 233 comments from 2020 to
 * 2024); names and codes keep their single spaces ("ISIL- K" → "ISIL-K" is a change). Case counts, except in gender.
 *
 * Field decisions (the `field` of a {@link FieldChange}):
 * - `type`, `dataset`, `primaryName`, `riskLevel`, `narrative`: scalars.
 * - `names`: set of names other than the primary one (the primary is `primaryName`), identified by
 *   name + kind + quality + script. `nameDetails`: for a name present in both versions, its `note` and `origin`
 *   (a UN alias note carries the alias's own date and place of birth). `EntityName.raw` is the published text
 *   before whitespace and apostrophe clean-up, so it is formatting and never compared.
 * - `titles`, `designations`, `nationalities` (ISO codes), `birthDates`, `birthPlaces`, `addresses`,
 *   `identifiers`, `relationships` (type, target, description, period): sets. A place whose country maps to an
 *   ISO code is identified by the code, not the country's wording ("Sultanate of Oman" → "Oman" is no change).
 * - `role`: compared unless in both versions it is just the designations joined (how the UN mapper fills it),
 *   whose change `designations` already reports.
 * - `countries`: only codes that a change of nationality, address or birth place does not already explain (the UN
 *   mapper derives every country from those; the investigation states them itself).
 * - `flags`: set of code + severity. Descriptions and citations are not compared: for the UN they are generated
 *   from fields compared here and cite the list file of the version, so they differ between any two versions.
 *   `sourceIds` are not compared for the same reason.
 * - Listings, matched by list + reference number: `listings` (added or removed listings), then per listing
 *   `listing.regime`, `listing.listedOn`, `listing.resolution`, `listing.resolutionBasis`.
 * - `raw` (the UN's published values, see map-un-entity.ts), per key:
 *   `referenceNumber`, `dataId`, `nameOriginalScript`, `unListType`, `listedOn` repeat a canonical field in its
 *   published formatting: not compared. `nameParts` (FIRST_NAME…FOURTH_NAME): compared only when the primary name
 *   is unchanged, i.e. the same name split differently. `nationalities` (published text, which the mapper keeps
 *   only as ISO codes): as `nationalityTexts`, only when the codes are unchanged and some text in either version
 *   maps to no code (fewer codes than texts), so a reworded unmapped nationality is not lost while "Afghan" →
 *   "Afghanistan" is no change. `gender`, `submittedBy`, `submittedOn`: content. `versionNum`, `lastDayUpdated`,
 *   `listTypes`: metadata. `otherElements`: SORT_KEY and SORT_KEY_LAST_MOD are metadata, any other element is
 *   content (`otherElements.<TAG>`). A key not named here (another dataset's) is content, as `raw.<key>`.
 * - `listing.dataId` (the UN's DATAID, its internal record id) is metadata.
 *
 * An entry with content changes is `amended`, and carries its metadata changes apart in `metadataChanges`; an
 * entry with metadata changes only is `metadataOnly`. Every list is ordered by reference number, then entity id.
 */

/** Fields whose change makes an entry amended. */
export const CONTENT_FIELDS = [
  'type',
  'dataset',
  'primaryName',
  'names',
  'nameDetails',
  'nameParts',
  'role',
  'titles',
  'designations',
  'countries',
  'nationalities',
  'nationalityTexts',
  'birthDates',
  'birthPlaces',
  'addresses',
  'identifiers',
  'riskLevel',
  'flags',
  'listings',
  'listing.regime',
  'listing.listedOn',
  'listing.resolution',
  'listing.resolutionBasis',
  'relationships',
  'narrative',
  'gender',
  'submittedBy',
  'submittedOn',
] as const;

/** Fields that are list bookkeeping: their change alone never makes an entry amended. */
export const METADATA_FIELDS = ['versionNum', 'lastDayUpdated', 'listTypes', 'listing.dataId'] as const;

/** A compared field; `otherElements.<TAG>` for a UN element the parser has no field for, `raw.<key>` for other raw values. */
export type ChangeField =
  | (typeof CONTENT_FIELDS)[number]
  | (typeof METADATA_FIELDS)[number]
  | `otherElements.${string}`
  | `raw.${string}`;

/** A single-valued field that changed; a value absent in one version is `undefined`. */
export interface ScalarChange {
  field: ChangeField;
  kind: 'scalar';
  before: unknown;
  after: unknown;
}

/** A set-like field that changed: the items only the new version has, and those only the old one has. */
export interface SetChange {
  field: ChangeField;
  kind: 'set';
  added: unknown[];
  removed: unknown[];
}

export type FieldChange = ScalarChange | SetChange;

/** An entry of either version, named as a reader would look it up. */
export interface ChangeSetEntry {
  entityId: string;
  /** The listing's reference number (e.g. `KPe.054`), when the entry has a listing. */
  referenceNumber?: string;
  primaryName: string;
  type: EntityType;
}

/** An entry in both versions whose content changed; named as in the new version. */
export interface AmendedEntry extends ChangeSetEntry {
  /** Content changes, in the order of {@link CONTENT_FIELDS}. */
  changes: FieldChange[];
  /** Metadata that changed along with the content (a new LAST_DAY_UPDATED date, a new version number). */
  metadataChanges: FieldChange[];
}

/** An entry in both versions whose only difference is list metadata. */
export interface MetadataOnlyEntry extends ChangeSetEntry {
  changes: FieldChange[];
}

export interface ChangeSet {
  added: ChangeSetEntry[];
  removed: ChangeSetEntry[];
  amended: AmendedEntry[];
  metadataOnly: MetadataOnlyEntry[];
}

export interface ChangeSetSummary {
  added: number;
  removed: number;
  amended: number;
  metadataOnly: number;
}

/** UN elements without a field of their own that are list bookkeeping (sort keys), not content. */
const METADATA_OTHER_ELEMENTS: ReadonlySet<string> = new Set(['SORT_KEY', 'SORT_KEY_LAST_MOD']);

/** Raw keys that repeat a canonical field in its published formatting (see the module comment). */
const RAW_KEYS_NOT_COMPARED: ReadonlySet<string> = new Set([
  'referenceNumber',
  'dataId',
  'nameOriginalScript',
  'unListType',
  'listedOn',
]);

/** Raw keys compared by a named rule of their own rather than as `raw.<key>`. */
const RAW_KEYS_WITH_RULES: ReadonlySet<string> = new Set([
  'nameParts',
  'nationalities',
  'gender',
  'submittedBy',
  'submittedOn',
  'versionNum',
  'lastDayUpdated',
  'listTypes',
  'otherElements',
]);

/** Members of structured items that hold free text, compared as prose (see {@link keyForm}). */
const PROSE_MEMBERS: ReadonlySet<string> = new Set(['note', 'description']);

/**
 * A value as it is reported and compared: text in display form (whitespace runs collapsed, ends trimmed,
 * apostrophe look-alikes unified), blank text and empty lists dropped as absent, as are objects left empty.
 */
function displayForm(value: unknown): unknown {
  if (typeof value === 'string') return normalizeUnName(value);
  if (Array.isArray(value)) return value.map(displayForm).filter((item) => item !== undefined);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, member]) => [key, displayForm(member)] as const)
      .filter(([, member]) => member !== undefined && !(Array.isArray(member) && member.length === 0));
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/**
 * The form two display-form values are told apart by. Prose (free text: narratives, designations, notes) loses
 * all its whitespace, since the list re-spaces it between versions ("web link: https://…" became
 * "web link:https://…" in 233 comments between 2020 and 2024); names and codes keep their single spaces.
 */
function keyForm(value: unknown, prose: boolean): unknown {
  if (typeof value === 'string') return prose ? value.replace(/\s+/g, '') : value;
  if (Array.isArray(value)) return value.map((item) => keyForm(item, prose));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, member]) => [key, keyForm(member, prose || PROSE_MEMBERS.has(key))]),
    );
  }
  return value;
}

interface CompareOptions {
  /** What identifies an item of a set (given its display form); the whole item by default. */
  identity?: (item: unknown) => unknown;
  /** Compare as free text: whitespace never counts. */
  prose?: boolean;
}

function scalarChange(
  field: ChangeField,
  before: unknown,
  after: unknown,
  options: CompareOptions = {},
): ScalarChange | undefined {
  const [b, a] = [displayForm(before), displayForm(after)];
  const prose = options.prose ?? false;
  if (canonicalJson(keyForm(b, prose)) === canonicalJson(keyForm(a, prose))) return undefined;
  return { field, kind: 'scalar', before: b, after: a };
}

/** Display-form items by their comparison key, duplicates collapsed. */
function itemsByKey(items: readonly unknown[], options: CompareOptions): Map<string, unknown> {
  const identity = options.identity ?? ((item: unknown) => item);
  const byKey = new Map<string, unknown>();
  for (const item of items) {
    const value = displayForm(item);
    if (value !== undefined) byKey.set(canonicalJson(keyForm(identity(value), options.prose ?? false)), value);
  }
  return byKey;
}

function onlyIn(these: ReadonlyMap<string, unknown>, those: ReadonlyMap<string, unknown>): unknown[] {
  return [...these.keys()]
    .filter((key) => !those.has(key))
    .sort()
    .map((key) => these.get(key));
}

/** Set difference of two lists: items only `after` has are added, items only `before` has removed. */
function setChange(
  field: ChangeField,
  before: readonly unknown[],
  after: readonly unknown[],
  options: CompareOptions = {},
): SetChange | undefined {
  const [b, a] = [itemsByKey(before, options), itemsByKey(after, options)];
  const added = onlyIn(a, b);
  const removed = onlyIn(b, a);
  return added.length === 0 && removed.length === 0 ? undefined : { field, kind: 'set', added, removed };
}

function rawValue(entity: CanonicalEntity, key: string): unknown {
  return entity.raw?.[key];
}

function textList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function otherElements(entity: CanonicalEntity): Record<string, string[]> {
  const value = rawValue(entity, 'otherElements');
  if (value === null || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).map(([tag, texts]) => [tag, textList(texts)]));
}

function member(item: unknown, key: string): unknown {
  return item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
}

/** Names other than the primary one, without their published formatting (`raw`). */
function secondaryNames(entity: CanonicalEntity): unknown[] {
  return entity.names
    .filter((name) => name.kind !== 'primary')
    .map(({ name, kind, quality, script, origin, note }) => ({ name, kind, quality, script, origin, note }));
}

const nameIdentity = (name: unknown): unknown => ({
  name: member(name, 'name'),
  kind: member(name, 'kind'),
  quality: member(name, 'quality'),
  script: member(name, 'script'),
});

/** Notes and origins of the names both versions have (a name only one version has is in `names`). */
function nameDetailsChange(before: CanonicalEntity, after: CanonicalEntity): SetChange | undefined {
  const identities = (entity: CanonicalEntity) =>
    new Set(itemsByKey(secondaryNames(entity), { identity: nameIdentity }).keys());
  const inAfter = identities(after);
  const shared = new Set([...identities(before)].filter((key) => inAfter.has(key)));
  const sharedNames = (entity: CanonicalEntity) =>
    secondaryNames(entity).filter((name) => shared.has(canonicalJson(keyForm(nameIdentity(displayForm(name)), false))));
  return setChange('nameDetails', sharedNames(before), sharedNames(after));
}

/** True when the role is the designations joined, as the UN mapper fills it. */
function isDerivedRole(entity: CanonicalEntity): boolean {
  return (entity.role ?? '') === (entity.designations ?? []).join('; ');
}

/** A place is the same place when only the wording of a mapped country changed ("Sultanate of Oman" → "Oman"). */
const placeIdentity = (place: unknown): unknown => {
  const countryCode = member(place, 'countryCode');
  return { ...(place as object), country: countryCode === undefined ? member(place, 'country') : undefined };
};

function placeCodes(places: readonly Place[]): string[] {
  return places.flatMap((place) => (place.countryCode === undefined ? [] : [place.countryCode]));
}

/** Country codes that nationality, address and birth place give. */
function derivedCountries(entity: CanonicalEntity): Set<string> {
  return new Set([...entity.nationalities, ...placeCodes(entity.addresses), ...placeCodes(entity.birthPlaces)]);
}

function countriesChange(before: CanonicalEntity, after: CanonicalEntity): SetChange | undefined {
  const change = setChange('countries', before.countries, after.countries);
  if (change === undefined) return undefined;
  const [derivedBefore, derivedAfter] = [derivedCountries(before), derivedCountries(after)];
  const added = change.added.filter((code) => typeof code === 'string' && !derivedAfter.has(code));
  const removed = change.removed.filter((code) => typeof code === 'string' && !derivedBefore.has(code));
  return added.length === 0 && removed.length === 0 ? undefined : { ...change, added, removed };
}

/** The published nationality texts, when a text maps to no ISO code in either version (fewer codes than texts). */
function nationalityTextsChange(before: CanonicalEntity, after: CanonicalEntity): SetChange | undefined {
  const [textsBefore, textsAfter] = [textList(rawValue(before, 'nationalities')), textList(rawValue(after, 'nationalities'))];
  const unmapped = textsBefore.length > before.nationalities.length || textsAfter.length > after.nationalities.length;
  return unmapped ? setChange('nationalityTexts', textsBefore, textsAfter) : undefined;
}

type EntityListing = CanonicalEntity['listings'][number];

function listingKey(listing: EntityListing): string {
  return `${listing.list}\u0000${listing.referenceNumber}`;
}

/** Listings of `after` paired with the same listing (list + reference number) of `before`. */
function sharedListings(before: CanonicalEntity, after: CanonicalEntity): Array<[EntityListing, EntityListing]> {
  const previous = new Map(before.listings.map((listing) => [listingKey(listing), listing]));
  return after.listings.flatMap((listing) => {
    const old = previous.get(listingKey(listing));
    return old === undefined ? [] : [[old, listing] as [EntityListing, EntityListing]];
  });
}

function relationshipItems(entity: CanonicalEntity): unknown[] {
  return entity.relationships.map(({ type, targetId, description, period }) => ({ type, targetId, description, period }));
}

/** `otherElements.<TAG>` changes of the metadata tags (`metadata`), or of every other tag. */
function otherElementChanges(before: CanonicalEntity, after: CanonicalEntity, metadata: boolean): FieldChange[] {
  const [b, a] = [otherElements(before), otherElements(after)];
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((tag) => METADATA_OTHER_ELEMENTS.has(tag) === metadata)
    .sort()
    .map((tag) => setChange(`otherElements.${tag}`, b[tag] ?? [], a[tag] ?? [], { prose: !metadata }))
    .filter(present);
}

/** Raw values this module has no rule for (another dataset's), as content. */
function otherRawChanges(before: CanonicalEntity, after: CanonicalEntity): FieldChange[] {
  return [...new Set([...Object.keys(before.raw ?? {}), ...Object.keys(after.raw ?? {})])]
    .filter((key) => !RAW_KEYS_NOT_COMPARED.has(key) && !RAW_KEYS_WITH_RULES.has(key))
    .sort()
    .map((key) => scalarChange(`raw.${key}`, rawValue(before, key), rawValue(after, key), { prose: true }))
    .filter(present);
}

function lowerCase(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** Every content change of one entry, in the order of {@link CONTENT_FIELDS}. */
function contentChanges(before: CanonicalEntity, after: CanonicalEntity): FieldChange[] {
  const primaryName = scalarChange('primaryName', before.primaryName, after.primaryName);
  const nationalities = setChange('nationalities', before.nationalities, after.nationalities);
  const flagItems = (entity: CanonicalEntity) => entity.flags.map(({ code, severity }) => ({ code, severity }));
  const listingPairs = sharedListings(before, after);
  return [
    scalarChange('type', before.type, after.type),
    scalarChange('dataset', before.dataset, after.dataset),
    primaryName,
    setChange('names', secondaryNames(before), secondaryNames(after), { identity: nameIdentity }),
    nameDetailsChange(before, after),
    primaryName === undefined
      ? scalarChange('nameParts', rawValue(before, 'nameParts'), rawValue(after, 'nameParts'))
      : undefined,
    isDerivedRole(before) && isDerivedRole(after)
      ? undefined
      : scalarChange('role', before.role, after.role, { prose: true }),
    setChange('titles', before.titles ?? [], after.titles ?? [], { prose: true }),
    setChange('designations', before.designations ?? [], after.designations ?? [], { prose: true }),
    countriesChange(before, after),
    nationalities,
    nationalities === undefined ? nationalityTextsChange(before, after) : undefined,
    setChange('birthDates', before.birthDates, after.birthDates),
    setChange('birthPlaces', before.birthPlaces, after.birthPlaces, { identity: placeIdentity }),
    setChange('addresses', before.addresses, after.addresses, { identity: placeIdentity }),
    setChange('identifiers', before.identifiers, after.identifiers),
    scalarChange('riskLevel', before.riskLevel, after.riskLevel),
    setChange('flags', flagItems(before), flagItems(after)),
    setChange('listings', before.listings, after.listings, { identity: (listing) => listingKey(listing as EntityListing) }),
    ...listingPairs.map(([old, listing]) => scalarChange('listing.regime', old.regime, listing.regime)),
    ...listingPairs.map(([old, listing]) => scalarChange('listing.listedOn', old.listedOn, listing.listedOn)),
    ...listingPairs.map(([old, listing]) => scalarChange('listing.resolution', old.resolution, listing.resolution)),
    ...listingPairs.map(([old, listing]) =>
      scalarChange('listing.resolutionBasis', old.resolutionBasis, listing.resolutionBasis),
    ),
    setChange('relationships', relationshipItems(before), relationshipItems(after)),
    scalarChange('narrative', before.narrative, after.narrative, { prose: true }),
    scalarChange('gender', lowerCase(rawValue(before, 'gender')), lowerCase(rawValue(after, 'gender'))),
    scalarChange('submittedBy', rawValue(before, 'submittedBy'), rawValue(after, 'submittedBy')),
    scalarChange('submittedOn', rawValue(before, 'submittedOn'), rawValue(after, 'submittedOn')),
    ...otherElementChanges(before, after, false),
    ...otherRawChanges(before, after),
  ].filter(present);
}

/** Every metadata change of one entry. */
function metadataChanges(before: CanonicalEntity, after: CanonicalEntity): FieldChange[] {
  const lastDayUpdated = (entity: CanonicalEntity) => textList(rawValue(entity, 'lastDayUpdated'));
  const listTypes = (entity: CanonicalEntity) => textList(rawValue(entity, 'listTypes'));
  return [
    scalarChange('versionNum', rawValue(before, 'versionNum'), rawValue(after, 'versionNum')),
    setChange('lastDayUpdated', lastDayUpdated(before), lastDayUpdated(after)),
    setChange('listTypes', listTypes(before), listTypes(after)),
    ...sharedListings(before, after).map(([old, listing]) => scalarChange('listing.dataId', old.dataId, listing.dataId)),
    ...otherElementChanges(before, after, true),
  ].filter(present);
}

function entryOf(entity: CanonicalEntity): ChangeSetEntry {
  const referenceNumber = entity.listings.find((listing) => listing.referenceNumber !== '')?.referenceNumber;
  return {
    entityId: entity.id,
    ...(referenceNumber !== undefined ? { referenceNumber } : {}),
    primaryName: entity.primaryName,
    type: entity.type,
  };
}

function byReference(a: ChangeSetEntry, b: ChangeSetEntry): number {
  const [keyA, keyB] = [a.referenceNumber ?? a.entityId, b.referenceNumber ?? b.entityId];
  if (keyA !== keyB) return keyA < keyB ? -1 : 1;
  return a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0;
}

function byId(entities: readonly CanonicalEntity[], version: 'before' | 'after'): Map<string, CanonicalEntity> {
  const map = new Map<string, CanonicalEntity>();
  for (const entity of entities) {
    if (map.has(entity.id)) throw new Error(`entity id "${entity.id}" occurs twice in the ${version} version`);
    map.set(entity.id, entity);
  }
  return map;
}

/**
 * Compares two versions of a dataset's canonical entities by entity id. An id only in `after` is added, only in
 * `before` removed; an entry in both is amended when its content changed (see the module comment for what counts)
 * and metadata-only when only list metadata changed; an unchanged entry appears nowhere. Every list is sorted by
 * reference number, then id. Throws when an id occurs twice in one version; never mutates its inputs.
 */
export function computeChangeSet(before: readonly CanonicalEntity[], after: readonly CanonicalEntity[]): ChangeSet {
  const [previous, next] = [byId(before, 'before'), byId(after, 'after')];
  const changeSet: ChangeSet = { added: [], removed: [], amended: [], metadataOnly: [] };
  for (const entity of next.values()) {
    const old = previous.get(entity.id);
    if (old === undefined) {
      changeSet.added.push(entryOf(entity));
      continue;
    }
    const changes = contentChanges(old, entity);
    const metadata = metadataChanges(old, entity);
    if (changes.length > 0) changeSet.amended.push({ ...entryOf(entity), changes, metadataChanges: metadata });
    else if (metadata.length > 0) changeSet.metadataOnly.push({ ...entryOf(entity), changes: metadata });
  }
  for (const entity of previous.values()) {
    if (!next.has(entity.id)) changeSet.removed.push(entryOf(entity));
  }
  changeSet.added.sort(byReference);
  changeSet.removed.sort(byReference);
  changeSet.amended.sort(byReference);
  changeSet.metadataOnly.sort(byReference);
  return changeSet;
}

/**
 * Whether any content of one entry changed between two of its versions (metadata such as LAST_DAY_UPDATED aside):
 * what lifts an analyst's false-positive decision on it.
 */
export function entryChanged(before: CanonicalEntity, after: CanonicalEntity): boolean {
  return contentChanges(before, after).length > 0;
}

/** How many entries each part of a change set holds. */
export function summarizeChangeSet(changeSet: ChangeSet): ChangeSetSummary {
  return {
    added: changeSet.added.length,
    removed: changeSet.removed.length,
    amended: changeSet.amended.length,
    metadataOnly: changeSet.metadataOnly.length,
  };
}
