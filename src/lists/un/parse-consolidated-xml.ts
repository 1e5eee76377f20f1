import { XMLParser } from 'fast-xml-parser';

/**
 * Reads the UN Security Council Consolidated List in its official XML format (schema `sc-sanctions.xsd`) into one
 * typed raw record per INDIVIDUAL and ENTITY. Values are the published text, untouched: not trimmed, not
 * normalized, never converted to numbers (reference numbers, passport numbers such as "000737" and years stay
 * strings). Normalization is the mapper's job (see normalize-un-text.ts).
 *
 * Field presence: `undefined` = element absent; `''` = element present but empty (`<COUNTRY/>`).
 */

/** Element names and attributes whose values this parser reads. */
const ROOT = 'CONSOLIDATED_LIST';
const DATE_GENERATED_ATTRIBUTE = '@_dateGenerated';
const TEXT_NODE = '#text';
const ATTRIBUTE_PREFIX = '@_';

/** INDIVIDUAL or ENTITY element. */
export type UnRecordKind = 'individual' | 'entity';

/** An INDIVIDUAL_ALIAS or ENTITY_ALIAS element. */
export interface UnRawAlias {
  /** QUALITY: "Good" or "Low" for individuals, "a.k.a." or "f.k.a." for entities, empty on blank aliases. */
  quality?: string;
  aliasName?: string;
  dateOfBirth?: string;
  cityOfBirth?: string;
  countryOfBirth?: string;
  note?: string;
  otherElements?: Record<string, string[]>;
}

/** An INDIVIDUAL_ADDRESS or ENTITY_ADDRESS element. */
export interface UnRawAddress {
  street?: string;
  city?: string;
  stateProvince?: string;
  zipCode?: string;
  country?: string;
  note?: string;
  otherElements?: Record<string, string[]>;
}

/** An INDIVIDUAL_DATE_OF_BIRTH element. */
export interface UnRawDateOfBirth {
  /** TYPE_OF_DATE: EXACT, APPROXIMATELY or BETWEEN (sometimes empty). */
  typeOfDate?: string;
  date?: string;
  year?: string;
  fromYear?: string;
  toYear?: string;
  note?: string;
  otherElements?: Record<string, string[]>;
}

/** An INDIVIDUAL_PLACE_OF_BIRTH element. */
export interface UnRawPlaceOfBirth {
  street?: string;
  city?: string;
  stateProvince?: string;
  country?: string;
  note?: string;
  otherElements?: Record<string, string[]>;
}

/** An INDIVIDUAL_DOCUMENT element. */
export interface UnRawDocument {
  typeOfDocument?: string;
  typeOfDocument2?: string;
  number?: string;
  issuingCountry?: string;
  dateOfIssue?: string;
  cityOfIssue?: string;
  countryOfIssue?: string;
  note?: string;
  otherElements?: Record<string, string[]>;
}

/** One INDIVIDUAL or ENTITY of the list, as published. */
export interface UnRawRecord {
  kind: UnRecordKind;
  dataId?: string;
  versionNum?: string;
  /** FIRST_NAME; for an ENTITY this is the entity's whole name. */
  firstName?: string;
  secondName?: string;
  thirdName?: string;
  fourthName?: string;
  /** UN_LIST_TYPE: the regime, e.g. "DPRK", "Al-Qaida", "Taliban". */
  unListType?: string;
  referenceNumber?: string;
  listedOn?: string;
  nameOriginalScript?: string;
  comments1?: string;
  gender?: string;
  submittedBy?: string;
  submittedOn?: string;
  /** TITLE/VALUE */
  titles: string[];
  /** DESIGNATION/VALUE */
  designations: string[];
  /** NATIONALITY/VALUE */
  nationalities: string[];
  /** LIST_TYPE/VALUE, e.g. "UN List" */
  listTypes: string[];
  /** LAST_DAY_UPDATED/VALUE */
  lastDayUpdated: string[];
  aliases: UnRawAlias[];
  addresses: UnRawAddress[];
  datesOfBirth: UnRawDateOfBirth[];
  placesOfBirth: UnRawPlaceOfBirth[];
  documents: UnRawDocument[];
  /**
   * Every other element of the record (SORT_KEY, SORT_KEY_LAST_MOD, anything a later schema adds), by element
   * name, as text, so that no published element is dropped without trace.
   */
  otherElements: Record<string, string[]>;
}

/** The whole file: its generation timestamp and its records in file order (individuals first, then entities). */
export interface UnConsolidatedList {
  /** Root attribute `dateGenerated`, e.g. "2024-09-26T00:00:07.514Z". */
  dateGenerated?: string;
  records: UnRawRecord[];
}

/** Thrown when the input is not a UN Consolidated List document. */
export class UnListFormatError extends Error {
  override readonly name = 'UnListFormatError';
}

/** A parsed element: its text (leaf) or its children by tag name, every child tag holding an array. */
type XmlNode = string | XmlElement;
interface XmlElement {
  [key: string]: unknown;
}

function isXmlElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isXmlNode(value: unknown): value is XmlNode {
  return typeof value === 'string' || isXmlElement(value);
}

/** All child nodes with a tag (the parser makes every element an array, so repeated elements are never lost). */
function childNodes(element: XmlElement, tag: string): XmlNode[] {
  const value = element[tag];
  return Array.isArray(value) ? value.filter(isXmlNode) : [];
}

/** Element names of an element's children (text node and attributes excluded). */
function childTags(element: XmlElement): string[] {
  return Object.keys(element).filter((key) => key !== TEXT_NODE && !key.startsWith(ATTRIBUTE_PREFIX));
}

/** Text of a leaf node. A container's own text is only the indentation between its children, so it reads as ''. */
function nodeText(node: XmlNode): string {
  if (typeof node === 'string') return node;
  const hasChildren = childTags(node).length > 0;
  const text = node[TEXT_NODE];
  return !hasChildren && typeof text === 'string' ? text : '';
}

/** Text of the first child with a tag, or `undefined` when the element is absent. */
function childText(element: XmlElement, tag: string): string | undefined {
  const first = childNodes(element, tag)[0];
  return first === undefined ? undefined : nodeText(first);
}

/** Texts of the VALUE children of a list element such as NATIONALITY, skipping empty `<VALUE/>`. */
function valueList(element: XmlElement, tag: string): string[] {
  const values: string[] = [];
  for (const container of childNodes(element, tag)) {
    if (!isXmlElement(container)) continue;
    for (const value of childNodes(container, 'VALUE')) {
      const text = nodeText(value);
      if (text.trim() !== '') values.push(text);
    }
  }
  return values;
}

/** Collects the texts of children not in `known`, or `undefined` when there are none. */
function otherChildTexts(element: XmlElement, known: ReadonlySet<string>): Record<string, string[]> | undefined {
  let other: Record<string, string[]> | undefined;
  for (const tag of childTags(element)) {
    if (known.has(tag)) continue;
    other ??= {};
    other[tag] = childNodes(element, tag).map(nodeText);
  }
  return other;
}

/** Maps an XML tag to a field name of a sub-record. */
type FieldMap<T> = Readonly<Record<string, keyof T & string>>;

/**
 * Reads every non-empty occurrence of a repeated sub-element (alias, address, date of birth, …) into a record of
 * strings using `fields`. A self-closing `<INDIVIDUAL_DOCUMENT/>` has no content and yields nothing; an element with
 * empty children (`<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>`) is kept as published.
 */
function subRecords<T extends { otherElements?: Record<string, string[]> }>(
  element: XmlElement,
  tag: string,
  fields: FieldMap<T>,
): T[] {
  const known = new Set(Object.keys(fields));
  const records: T[] = [];
  for (const node of childNodes(element, tag)) {
    if (!isXmlElement(node)) continue;
    const record: Record<string, unknown> = {};
    for (const [xmlTag, field] of Object.entries(fields)) {
      const text = childText(node, xmlTag);
      if (text !== undefined) record[field] = text;
    }
    const other = otherChildTexts(node, known);
    if (other !== undefined) record.otherElements = other;
    records.push(record as T);
  }
  return records;
}

const ALIAS_FIELDS: FieldMap<UnRawAlias> = {
  QUALITY: 'quality',
  ALIAS_NAME: 'aliasName',
  DATE_OF_BIRTH: 'dateOfBirth',
  CITY_OF_BIRTH: 'cityOfBirth',
  COUNTRY_OF_BIRTH: 'countryOfBirth',
  NOTE: 'note',
};

const ADDRESS_FIELDS: FieldMap<UnRawAddress> = {
  STREET: 'street',
  CITY: 'city',
  STATE_PROVINCE: 'stateProvince',
  ZIP_CODE: 'zipCode',
  COUNTRY: 'country',
  NOTE: 'note',
};

const DATE_OF_BIRTH_FIELDS: FieldMap<UnRawDateOfBirth> = {
  TYPE_OF_DATE: 'typeOfDate',
  DATE: 'date',
  YEAR: 'year',
  FROM_YEAR: 'fromYear',
  TO_YEAR: 'toYear',
  NOTE: 'note',
};

const PLACE_OF_BIRTH_FIELDS: FieldMap<UnRawPlaceOfBirth> = {
  STREET: 'street',
  CITY: 'city',
  STATE_PROVINCE: 'stateProvince',
  COUNTRY: 'country',
  NOTE: 'note',
};

const DOCUMENT_FIELDS: FieldMap<UnRawDocument> = {
  TYPE_OF_DOCUMENT: 'typeOfDocument',
  TYPE_OF_DOCUMENT2: 'typeOfDocument2',
  NUMBER: 'number',
  ISSUING_COUNTRY: 'issuingCountry',
  DATE_OF_ISSUE: 'dateOfIssue',
  CITY_OF_ISSUE: 'cityOfIssue',
  COUNTRY_OF_ISSUE: 'countryOfIssue',
  NOTE: 'note',
};

type ScalarField = Exclude<
  {
    [K in keyof UnRawRecord]: UnRawRecord[K] extends string | undefined ? K : never;
  }[keyof UnRawRecord],
  'kind' | undefined
>;

const SCALAR_FIELDS: Readonly<Record<string, ScalarField>> = {
  DATAID: 'dataId',
  VERSIONNUM: 'versionNum',
  FIRST_NAME: 'firstName',
  SECOND_NAME: 'secondName',
  THIRD_NAME: 'thirdName',
  FOURTH_NAME: 'fourthName',
  UN_LIST_TYPE: 'unListType',
  REFERENCE_NUMBER: 'referenceNumber',
  LISTED_ON: 'listedOn',
  NAME_ORIGINAL_SCRIPT: 'nameOriginalScript',
  COMMENTS1: 'comments1',
  GENDER: 'gender',
  SUBMITTED_BY: 'submittedBy',
  SUBMITTED_ON: 'submittedOn',
};

const VALUE_LIST_TAGS = ['TITLE', 'DESIGNATION', 'NATIONALITY', 'LIST_TYPE', 'LAST_DAY_UPDATED'] as const;

/** Element names of the repeated sub-records, per record kind. */
const SUB_RECORD_TAGS = {
  individual: {
    alias: 'INDIVIDUAL_ALIAS',
    address: 'INDIVIDUAL_ADDRESS',
    dateOfBirth: 'INDIVIDUAL_DATE_OF_BIRTH',
    placeOfBirth: 'INDIVIDUAL_PLACE_OF_BIRTH',
    document: 'INDIVIDUAL_DOCUMENT',
  },
  entity: {
    alias: 'ENTITY_ALIAS',
    address: 'ENTITY_ADDRESS',
    dateOfBirth: 'ENTITY_DATE_OF_BIRTH',
    placeOfBirth: 'ENTITY_PLACE_OF_BIRTH',
    document: 'ENTITY_DOCUMENT',
  },
} as const satisfies Record<UnRecordKind, Record<string, string>>;

function readRecord(element: XmlElement, kind: UnRecordKind): UnRawRecord {
  const tags = SUB_RECORD_TAGS[kind];
  const record: UnRawRecord = {
    kind,
    titles: valueList(element, 'TITLE'),
    designations: valueList(element, 'DESIGNATION'),
    nationalities: valueList(element, 'NATIONALITY'),
    listTypes: valueList(element, 'LIST_TYPE'),
    lastDayUpdated: valueList(element, 'LAST_DAY_UPDATED'),
    aliases: subRecords<UnRawAlias>(element, tags.alias, ALIAS_FIELDS),
    addresses: subRecords<UnRawAddress>(element, tags.address, ADDRESS_FIELDS),
    datesOfBirth: subRecords<UnRawDateOfBirth>(element, tags.dateOfBirth, DATE_OF_BIRTH_FIELDS),
    placesOfBirth: subRecords<UnRawPlaceOfBirth>(element, tags.placeOfBirth, PLACE_OF_BIRTH_FIELDS),
    documents: subRecords<UnRawDocument>(element, tags.document, DOCUMENT_FIELDS),
    otherElements: {},
  };
  for (const [xmlTag, field] of Object.entries(SCALAR_FIELDS)) {
    const text = childText(element, xmlTag);
    if (text !== undefined) record[field] = text;
  }
  const known = new Set<string>([...Object.keys(SCALAR_FIELDS), ...VALUE_LIST_TAGS, ...Object.values(tags)]);
  record.otherElements = otherChildTexts(element, known) ?? {};
  return record;
}

function records(container: XmlNode | undefined, tag: string, kind: UnRecordKind): UnRawRecord[] {
  if (container === undefined || !isXmlElement(container)) return [];
  return childNodes(container, tag)
    .filter(isXmlElement)
    .map((element) => readRecord(element, kind));
}

/**
 * The parser configuration. Every element is read as an array (VALUE, aliases, addresses, dates of birth… and
 * scalars too), so a repeated element is never collapsed; text is never converted to numbers; whitespace is kept
 * so the raw values stay exact.
 */
function createParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE_PREFIX,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Callbacks get a cheap matcher view instead of a built path string: faster on a 2 MB file.
    jPath: false,
    isArray: (_tagName, _path, _isLeafNode, isAttribute) => !isAttribute,
  });
}

/**
 * Parses the Consolidated List XML (file bytes or text, UTF-8) into raw records: one per INDIVIDUAL and ENTITY,
 * in file order. Never trims or converts a value; never drops an element (unknown ones land in `otherElements`).
 * Throws {@link UnListFormatError} when the document has no CONSOLIDATED_LIST root.
 */
export function parseConsolidatedXml(xml: string | Uint8Array): UnConsolidatedList {
  // TextDecoder drops a UTF-8 byte-order mark; do the same for text input.
  const text = typeof xml === 'string' ? xml.replace(/^\uFEFF/, '') : new TextDecoder('utf-8').decode(xml);
  const document: unknown = createParser().parse(text);
  const root = isXmlElement(document) ? childNodes(document, ROOT)[0] : undefined;
  if (root === undefined || !isXmlElement(root)) {
    throw new UnListFormatError(`not a UN Consolidated List: no <${ROOT}> root element`);
  }
  const dateGenerated = root[DATE_GENERATED_ATTRIBUTE];
  return {
    ...(typeof dateGenerated === 'string' ? { dateGenerated } : {}),
    records: [
      ...records(childNodes(root, 'INDIVIDUALS')[0], 'INDIVIDUAL', 'individual'),
      ...records(childNodes(root, 'ENTITIES')[0], 'ENTITY', 'entity'),
    ],
  };
}
