import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toIsoDate } from './normalize-un-text';
import { parseConsolidatedXml, UnListFormatError, type UnRawRecord, type UnRecordKind } from './parse-consolidated-xml';

/**
 * Structural check of a UN Security Council Consolidated List XML document before it replaces the loaded list.
 * The list's schema (sc-sanctions.xsd) is not shipped, so the check is structural: the document is well-formed
 * XML (a file cut short fails here), the root is CONSOLIDATED_LIST with a `dateGenerated` timestamp, it holds one
 * INDIVIDUALS and one ENTITIES container and nothing else, and every record carries what the service relies on:
 * a well-formed, unique REFERENCE_NUMBER whose letter matches the record type, a name, a regime and a listing date.
 */

const ROOT = 'CONSOLIDATED_LIST';
const ROOT_CLOSING_TAG = `</${ROOT}>`;
const ATTRIBUTE_PREFIX = '@_';
const TEXT_NODE = '#text';

/** Each record container and the only element it may hold. */
const CONTAINERS = [
  { container: 'INDIVIDUALS', record: 'INDIVIDUAL', kind: 'individual' },
  { container: 'ENTITIES', record: 'ENTITY', kind: 'entity' },
] as const satisfies ReadonlyArray<{ container: string; record: string; kind: UnRecordKind }>;

const RECORD_ELEMENT: Readonly<Record<UnRecordKind, string>> = { individual: 'INDIVIDUAL', entity: 'ENTITY' };

/**
 * REFERENCE_NUMBER as every entry of the 2020, 2024 and 2026 lists writes it, surrounding spaces aside (the mapper
 * trims them): two capital letters for the regime (KP, QD, TA, IR, CD…), `i` for an individual or `e` for an
 * entity, a dot and three digits: `KPi.063`, `QDe.001`.
 */
const REFERENCE_NUMBER_PATTERN = /^[A-Z]{2}([ie])\.\d{3}$/;

/** The reference number's type letter for each record type. */
const TYPE_LETTER: Readonly<Record<UnRecordKind, string>> = { individual: 'i', entity: 'e' };

/** `dateGenerated` as the lists write it: an xs:dateTime, e.g. "2024-09-26T00:00:07.514Z", "2020-03-20T19:09:21.822-04:00". */
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** The record a problem is about: its type, its 1-based position in its container and its reference number. */
export interface ListRecordRef {
  kind: UnRecordKind;
  position: number;
  /** As published, trimmed; absent when the record has none. */
  referenceNumber?: string;
}

/** One structural problem of a list document. */
export interface ListStructureProblem {
  /** The record concerned; absent for a problem of the document itself. */
  record?: ListRecordRef;
  /** The element or attribute concerned, e.g. `REFERENCE_NUMBER`, `CONSOLIDATED_LIST/@dateGenerated`. */
  element: string;
  /** What is wrong, naming the record and quoting the bad value. */
  message: string;
}

/** A parsed element of the skeleton: its children by tag, each tag holding an array. */
interface XmlElement {
  [key: string]: unknown;
}

function isXmlElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childTags(element: XmlElement): string[] {
  return Object.keys(element).filter((key) => key !== TEXT_NODE && !key.startsWith(ATTRIBUTE_PREFIX));
}

function children(element: XmlElement, tag: string): unknown[] {
  const value = element[tag];
  return Array.isArray(value) ? value : [];
}

/**
 * A parser for the document's skeleton only: records are stop nodes, kept as unparsed text, so reading the
 * root and containers of a 2 MB list costs a few tens of milliseconds.
 */
function createSkeletonParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE_PREFIX,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    stopNodes: CONTAINERS.map(({ record }) => `*.${record}`),
    isArray: (_tagName, _path, _isLeafNode, isAttribute) => !isAttribute,
  });
}

function wellFormednessProblem(text: string): ListStructureProblem | undefined {
  const result = XMLValidator.validate(text);
  if (result === true) return undefined;
  const { msg, line, col } = result.err;
  const reason = msg.replace(/\s+/g, ' ');
  if (text.includes(`<${ROOT}`) && !text.trimEnd().endsWith(ROOT_CLOSING_TAG)) {
    return { element: 'document', message: `the document ends before ${ROOT_CLOSING_TAG}: the file is truncated (${reason})` };
  }
  const where = typeof line === 'number' && typeof col === 'number' ? ` at line ${line}, column ${col}` : '';
  return { element: 'document', message: `the document is not well-formed XML${where}: ${reason}` };
}

/** Root, `dateGenerated` and the two record containers. */
function skeletonProblems(text: string): ListStructureProblem[] {
  const document: unknown = createSkeletonParser().parse(text);
  const rootTags = isXmlElement(document) ? childTags(document) : [];
  const root = isXmlElement(document) ? children(document, ROOT)[0] : undefined;
  if (rootTags.length !== 1 || !isXmlElement(root)) {
    return [{ element: ROOT, message: `the root element is <${rootTags.join('>, <')}>, not <${ROOT}>` }];
  }
  const problems: ListStructureProblem[] = [];
  const dateGenerated = root[`${ATTRIBUTE_PREFIX}dateGenerated`];
  if (typeof dateGenerated !== 'string' || !DATE_TIME_PATTERN.test(dateGenerated.trim())) {
    problems.push({
      element: `${ROOT}/@dateGenerated`,
      message:
        typeof dateGenerated === 'string'
          ? `dateGenerated "${dateGenerated}" is not a date and time such as 2024-09-26T00:00:07.514Z`
          : `<${ROOT}> has no dateGenerated attribute`,
    });
  }
  const containerTags = new Set<string>(CONTAINERS.map(({ container }) => container));
  for (const tag of childTags(root).filter((tag) => !containerTags.has(tag))) {
    problems.push({ element: tag, message: `unexpected element <${tag}> in <${ROOT}>: its content would not be loaded` });
  }
  for (const { container, record } of CONTAINERS) {
    const found = children(root, container);
    if (found.length !== 1) {
      problems.push({
        element: container,
        message: found.length === 0 ? `<${ROOT}> has no <${container}>` : `<${ROOT}> has ${found.length} <${container}> elements, not one`,
      });
    }
    for (const element of found.filter(isXmlElement)) {
      for (const tag of childTags(element).filter((tag) => tag !== record)) {
        problems.push({ element: `${container}/${tag}`, message: `unexpected element <${tag}> in <${container}>: only <${record}> is loaded` });
      }
    }
  }
  return problems;
}

function describe(record: ListRecordRef): string {
  const position = `${RECORD_ELEMENT[record.kind]} #${record.position}`;
  return record.referenceNumber === undefined ? position : `${position} (${record.referenceNumber})`;
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** Problems of one record's own elements (duplicates are checked across records). */
function recordProblems(record: UnRawRecord, ref: ListRecordRef): ListStructureProblem[] {
  const problems: ListStructureProblem[] = [];
  const problem = (element: string, message: string): void => {
    problems.push({ record: ref, element, message: `${describe(ref)}: ${message}` });
  };

  const reference = ref.referenceNumber;
  if (reference === undefined) {
    problem('REFERENCE_NUMBER', record.referenceNumber === undefined ? 'has no REFERENCE_NUMBER' : 'has an empty REFERENCE_NUMBER');
  } else {
    const letter = REFERENCE_NUMBER_PATTERN.exec(reference)?.[1];
    if (letter === undefined) {
      problem('REFERENCE_NUMBER', `REFERENCE_NUMBER "${reference}" is not of the form KPi.063 or QDe.001`);
    } else if (letter !== TYPE_LETTER[record.kind]) {
      problem(
        'REFERENCE_NUMBER',
        `REFERENCE_NUMBER "${reference}" is that of an ${letter === 'i' ? 'individual' : 'entity'}, but the record is an <${RECORD_ELEMENT[record.kind]}>`,
      );
    }
  }
  if (isBlank(record.firstName)) {
    problem('FIRST_NAME', record.firstName === undefined ? 'has no name (no FIRST_NAME)' : 'has an empty FIRST_NAME');
  }
  if (isBlank(record.unListType)) {
    problem('UN_LIST_TYPE', record.unListType === undefined ? 'has no UN_LIST_TYPE' : 'has an empty UN_LIST_TYPE');
  }
  if (isBlank(record.listedOn)) {
    problem('LISTED_ON', record.listedOn === undefined ? 'has no LISTED_ON' : 'has an empty LISTED_ON');
  } else if (toIsoDate(record.listedOn) === undefined) {
    problem('LISTED_ON', `LISTED_ON "${record.listedOn ?? ''}" is not a date`);
  }
  return problems;
}

/** Each record with how problems name it: its position in its container and its trimmed reference number. */
function withRefs(records: readonly UnRawRecord[]): Array<{ record: UnRawRecord; ref: ListRecordRef }> {
  const counts: Record<UnRecordKind, number> = { individual: 0, entity: 0 };
  return records.map((record) => {
    counts[record.kind] += 1;
    const reference = record.referenceNumber?.trim();
    const ref: ListRecordRef = {
      kind: record.kind,
      position: counts[record.kind],
      ...(reference !== undefined && reference !== '' ? { referenceNumber: reference } : {}),
    };
    return { record, ref };
  });
}

function duplicateProblems(refs: readonly ListRecordRef[]): ListStructureProblem[] {
  const first = new Map<string, ListRecordRef>();
  const problems: ListStructureProblem[] = [];
  for (const ref of refs) {
    if (ref.referenceNumber === undefined) continue;
    const earlier = first.get(ref.referenceNumber);
    if (earlier === undefined) {
      first.set(ref.referenceNumber, ref);
      continue;
    }
    problems.push({
      record: ref,
      element: 'REFERENCE_NUMBER',
      message: `${describe(ref)}: REFERENCE_NUMBER "${ref.referenceNumber}" is already used by ${describe(earlier)}`,
    });
  }
  return problems;
}

/**
 * Checks the structure of a UN Consolidated List XML document (file bytes or UTF-8 text) and returns every
 * problem found: the document's own first, then each record's in file order, then duplicate reference numbers.
 * An empty list means the document is fit to load. A document that is not
 * well-formed (a file cut short included) or has no CONSOLIDATED_LIST root yields that one problem, never a
 * shorter list of records. Never throws for a bad document; reads nothing but its argument.
 */
export function checkListStructure(xml: string | Uint8Array): ListStructureProblem[] {
  const text = typeof xml === 'string' ? xml.replace(/^\uFEFF/, '') : new TextDecoder('utf-8').decode(xml);
  const malformed = wellFormednessProblem(text);
  if (malformed !== undefined) return [malformed];
  const skeleton = skeletonProblems(text);
  if (skeleton.some((problem) => problem.element === ROOT)) return skeleton;

  let records: UnRawRecord[];
  try {
    records = parseConsolidatedXml(text).records;
  } catch (error) {
    if (error instanceof UnListFormatError) return [...skeleton, { element: ROOT, message: error.message }];
    throw error;
  }
  const entries = withRefs(records);
  return [
    ...skeleton,
    ...entries.flatMap(({ record, ref }) => recordProblems(record, ref)),
    ...duplicateProblems(entries.map(({ ref }) => ref)),
  ];
}
