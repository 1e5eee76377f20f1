import fs from 'node:fs';
import path from 'node:path';
import { checkListStructure, type ListStructureProblem } from '../../../src/lists/un/check-list-structure';

const LIST_2020 = path.join(__dirname, '../../fixtures/un/consolidated-2020-03-20.xml');
const LIST_2024 = path.join(__dirname, '../../../data/un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(__dirname, '../../../data/un/consolidated-2026-02-27.xml');

const RECORD = /<(INDIVIDUAL|ENTITY)>[\s\S]*?<\/\1>/g;

interface FoundRecord {
  text: string;
  index: number;
  kind: 'individual' | 'entity';
  /** 1-based position among the records of its type. */
  position: number;
}

/** The one INDIVIDUAL or ENTITY of `xml` whose REFERENCE_NUMBER is `reference`, found in the text alone. */
function findRecord(xml: string, reference: string): FoundRecord {
  const counts = { individual: 0, entity: 0 };
  const found: FoundRecord[] = [];
  for (const match of xml.matchAll(RECORD)) {
    const kind = match[1] === 'INDIVIDUAL' ? 'individual' : 'entity';
    counts[kind] += 1;
    if (new RegExp(`<REFERENCE_NUMBER>\\s*${reference.replace('.', '\\.')}\\s*</REFERENCE_NUMBER>`).test(match[0])) {
      found.push({ text: match[0], index: match.index, kind, position: counts[kind] });
    }
  }
  const [record] = found;
  if (found.length !== 1 || record === undefined) throw new Error(`${found.length} records ${reference}`);
  return record;
}

/** `xml` with the record `reference` edited; fails when the edit changes nothing. */
function editRecord(xml: string, reference: string, edit: (record: string) => string): string {
  const record = findRecord(xml, reference);
  const edited = edit(record.text);
  if (edited === record.text) throw new Error(`the edit left ${reference} unchanged`);
  return xml.slice(0, record.index) + edited + xml.slice(record.index + record.text.length);
}

describe('checkListStructure on the published lists', () => {
  const files: Record<string, Buffer> = {};

  beforeAll(() => {
    for (const file of [LIST_2020, LIST_2024, LIST_2026]) files[path.basename(file)] = fs.readFileSync(file);
  });

  it.each(['consolidated-2020-03-20.xml', 'consolidated-2024-09-26.xml', 'consolidated-2026-02-27.xml'])(
    'finds no problem in %s',
    (name) => {
      expect(checkListStructure(files[name] ?? Buffer.alloc(0))).toEqual([]);
    },
  );
});

describe('checkListStructure on damaged copies of the 2024-09-26 list', () => {
  let xml: string;
  let kpi003: FoundRecord;

  beforeAll(() => {
    xml = fs.readFileSync(LIST_2024, 'utf8');
    kpi003 = findRecord(xml, 'KPi.003');
  });

  function onlyProblem(text: string): ListStructureProblem {
    const problems = checkListStructure(text);
    expect(problems).toHaveLength(1);
    return problems[0] as ListStructureProblem;
  }

  it.each([
    ['in the middle of a record', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['right after a complete record', (text: string) => text.slice(0, text.indexOf('</INDIVIDUAL>', text.length / 3) + '</INDIVIDUAL>'.length)],
    ['before its last closing tag', (text: string) => text.slice(0, text.lastIndexOf('</CONSOLIDATED_LIST>'))],
  ])('fails a copy cut %s as truncated', (_where, cut) => {
    expect(onlyProblem(cut(xml))).toEqual({
      element: 'document',
      message: expect.stringContaining('ends before </CONSOLIDATED_LIST>: the file is truncated'),
    });
  });

  it('fails a record without REFERENCE_NUMBER, naming it by its position', () => {
    const text = editRecord(xml, 'KPi.003', (record) => record.replace(/<REFERENCE_NUMBER>[^<]*<\/REFERENCE_NUMBER>/, ''));
    expect(onlyProblem(text)).toEqual({
      record: { kind: 'individual', position: kpi003.position },
      element: 'REFERENCE_NUMBER',
      message: `INDIVIDUAL #${kpi003.position}: has no REFERENCE_NUMBER`,
    });
  });

  it.each(['KPi003', 'KPi.03', 'kpi.003', 'KPx.003', 'KPi.003a'])('fails a malformed REFERENCE_NUMBER %s, quoting it', (bad) => {
    const text = editRecord(xml, 'KPi.003', (record) => record.replace('>KPi.003<', `>${bad}<`));
    expect(onlyProblem(text)).toEqual({
      record: { kind: 'individual', position: kpi003.position, referenceNumber: bad },
      element: 'REFERENCE_NUMBER',
      message: `INDIVIDUAL #${kpi003.position} (${bad}): REFERENCE_NUMBER "${bad}" is not of the form KPi.063 or QDe.001`,
    });
  });

  it('fails a duplicate REFERENCE_NUMBER, naming both records', () => {
    const kpi004 = findRecord(xml, 'KPi.004');
    const text = editRecord(xml, 'KPi.004', (record) => record.replace('>KPi.004<', '>KPi.003<'));
    expect(onlyProblem(text)).toEqual({
      record: { kind: 'individual', position: kpi004.position, referenceNumber: 'KPi.003' },
      element: 'REFERENCE_NUMBER',
      message: `INDIVIDUAL #${kpi004.position} (KPi.003): REFERENCE_NUMBER "KPi.003" is already used by INDIVIDUAL #${kpi003.position} (KPi.003)`,
    });
  });

  it('fails an individual whose reference number is that of an entity', () => {
    const text = editRecord(xml, 'KPi.003', (record) => record.replace('>KPi.003<', '>KPe.999<'));
    expect(onlyProblem(text)).toMatchObject({
      record: { kind: 'individual', referenceNumber: 'KPe.999' },
      element: 'REFERENCE_NUMBER',
      message: expect.stringContaining('"KPe.999" is that of an entity, but the record is an <INDIVIDUAL>'),
    });
  });

  it('fails an entity without a name', () => {
    const kpe054 = findRecord(xml, 'KPe.054');
    const text = editRecord(xml, 'KPe.054', (record) => record.replace(/<FIRST_NAME>[^<]*<\/FIRST_NAME>/, ''));
    expect(onlyProblem(text)).toEqual({
      record: { kind: 'entity', position: kpe054.position, referenceNumber: 'KPe.054' },
      element: 'FIRST_NAME',
      message: `ENTITY #${kpe054.position} (KPe.054): has no name (no FIRST_NAME)`,
    });
  });

  it.each([
    ['an empty FIRST_NAME', /<FIRST_NAME>[^<]*<\/FIRST_NAME>/, '<FIRST_NAME>  </FIRST_NAME>', 'FIRST_NAME'],
    ['no UN_LIST_TYPE', /<UN_LIST_TYPE>[^<]*<\/UN_LIST_TYPE>/, '', 'UN_LIST_TYPE'],
    ['no LISTED_ON', /<LISTED_ON>[^<]*<\/LISTED_ON>/, '', 'LISTED_ON'],
    ['a LISTED_ON that is no date', /<LISTED_ON>[^<]*<\/LISTED_ON>/, '<LISTED_ON>16 July 2009</LISTED_ON>', 'LISTED_ON'],
  ])('fails a record with %s, naming the element', (_case, pattern, replacement, element) => {
    const text = editRecord(xml, 'KPi.003', (record) => record.replace(pattern, replacement));
    expect(onlyProblem(text)).toMatchObject({
      record: { kind: 'individual', position: kpi003.position, referenceNumber: 'KPi.003' },
      element,
      message: expect.stringMatching(new RegExp(`^INDIVIDUAL #${kpi003.position} \\(KPi\\.003\\): .*${element}`)),
    });
  });

  it.each([
    ['no dateGenerated', (text: string) => text.replace(/ dateGenerated='[^']*'/, ''), 'CONSOLIDATED_LIST/@dateGenerated'],
    ['a dateGenerated that is no date', (text: string) => text.replace(/dateGenerated='[^']*'/, "dateGenerated='yesterday'"), 'CONSOLIDATED_LIST/@dateGenerated'],
    ['no ENTITIES container', (text: string) => text.replace(/<ENTITIES>[\s\S]*<\/ENTITIES>/, ''), 'ENTITIES'],
    ['a second INDIVIDUALS container', (text: string) => text.replace('</ENTITIES>', '</ENTITIES><INDIVIDUALS/>'), 'INDIVIDUALS'],
    ['an ENTITY inside INDIVIDUALS', (text: string) => text.replace('</INDIVIDUALS>', `${findRecord(text, 'KPe.054').text}</INDIVIDUALS>`), 'INDIVIDUALS/ENTITY'],
  ])('fails a document with %s', (_case, damage, element) => {
    const text = damage(xml);
    expect(text).not.toBe(xml);
    expect(checkListStructure(text)).toEqual([expect.objectContaining({ element })]);
  });

  it('fails a document that is not a consolidated list', () => {
    expect(checkListStructure('<sdnList><sdnEntry/></sdnList>')).toEqual([
      { element: 'CONSOLIDATED_LIST', message: 'the root element is <sdnList>, not <CONSOLIDATED_LIST>' },
    ]);
  });

  it('fails a document that is not XML', () => {
    expect(onlyProblem('{"records": []}').element).toBe('document');
  });
});
