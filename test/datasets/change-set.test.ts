import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computeChangeSet, summarizeChangeSet, type ChangeSet } from '../../src/datasets/change-set';
import { loadUnConsolidatedList } from '../../src/lists/un/load-un-list';
import type { CanonicalEntity } from '../../src/model/entity';

const DATA_DIR = path.join(__dirname, '../../data');
const LIST_2020 = path.join(__dirname, '../fixtures/un/consolidated-2020-03-20.xml');
const LIST_2024 = path.join(DATA_DIR, 'un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(__dirname, '../../data/un/consolidated-2026-02-27.xml');

const NO_CHANGES: ChangeSet = { added: [], removed: [], amended: [], metadataOnly: [] };

/** Applies `edit` to the one INDIVIDUAL or ENTITY whose REFERENCE_NUMBER is `reference`; fails when nothing changes. */
function editRecord(xml: string, reference: string, edit: (record: string) => string): string {
  const records = [...xml.matchAll(/<(INDIVIDUAL|ENTITY)>[\s\S]*?<\/\1>/g)].filter((match) =>
    new RegExp(`<REFERENCE_NUMBER>\\s*${reference.replace('.', '\\.')}\\s*</REFERENCE_NUMBER>`).test(match[0]),
  );
  const [record] = records;
  if (records.length !== 1 || record === undefined) throw new Error(`${records.length} records ${reference}`);
  const edited = edit(record[0]);
  if (edited === record[0]) throw new Error(`the edit left ${reference} unchanged`);
  return xml.slice(0, record.index) + edited + xml.slice(record.index + record[0].length);
}

/** All `<tag>…</tag>` and `<tag/>` elements of a text. */
function elements(text: string, tag: string): string[] {
  return text.match(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>|<${tag}/>`, 'g')) ?? [];
}

/** The children of every `<container>` in reverse order. */
function reverseChildren(text: string, container: string, child: string): string {
  return text.replace(
    new RegExp(`(<${container}>)([\\s\\S]*?)(</${container}>)`, 'g'),
    (_match, open: string, body: string, close: string) => `${open}\n${elements(body, child).reverse().join('\n')}\n${close}`,
  );
}

const SUB_RECORDS = ['ALIAS', 'ADDRESS', 'DATE_OF_BIRTH', 'PLACE_OF_BIRTH', 'DOCUMENT'];
const NAME_ELEMENTS = /<(FIRST_NAME|SECOND_NAME|THIRD_NAME|FOURTH_NAME|ALIAS_NAME|NAME_ORIGINAL_SCRIPT)>([^<]+)<\/\1>/g;

/**
 * The same list written differently: records in reverse order, every record's aliases, addresses, dates and
 * places of birth and documents moved to its end in reverse order, every VALUE list reversed, and every space
 * inside a name turned into a line break with indentation, with spaces around the name.
 */
function reorderedAndRespaced(xml: string): string {
  let text = reverseChildren(reverseChildren(xml, 'INDIVIDUALS', 'INDIVIDUAL'), 'ENTITIES', 'ENTITY');
  text = text.replace(/<(INDIVIDUAL|ENTITY)>([\s\S]*?)<\/\1>/g, (_match, kind: string, body: string) => {
    let rest = body;
    const moved: string[] = [];
    for (const tag of SUB_RECORDS.map((part) => `${kind}_${part}`)) {
      moved.push(...elements(rest, tag).reverse());
      rest = rest.replace(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>|<${tag}/>`, 'g'), '');
    }
    return `<${kind}>${rest}${moved.join('\n')}</${kind}>`;
  });
  for (const list of ['TITLE', 'DESIGNATION', 'NATIONALITY', 'LIST_TYPE', 'LAST_DAY_UPDATED']) {
    text = reverseChildren(text, list, 'VALUE');
  }
  return text.replace(NAME_ELEMENTS, (_match, tag: string, name: string) => `<${tag}>  ${name.replace(/ /g, '\n        ')} </${tag}>`);
}

function entity(entities: readonly CanonicalEntity[], id: string): CanonicalEntity {
  const found = entities.find((e) => e.id === id);
  if (found === undefined) throw new Error(`no entity ${id}`);
  return found;
}

function sortKeys(changeSet: ChangeSet): string[][] {
  return [changeSet.added, changeSet.removed, changeSet.amended, changeSet.metadataOnly].map((part) =>
    part.map((entry) => entry.referenceNumber ?? entry.entityId),
  );
}

describe('computeChangeSet between published versions of the UN list', () => {
  let list2020: CanonicalEntity[];
  let list2024: CanonicalEntity[];
  let list2026: CanonicalEntity[];
  let from2020to2024: ChangeSet;
  let from2024to2026: ChangeSet;

  beforeAll(async () => {
    const entitiesOf = async (file: string) => (await loadUnConsolidatedList(file, { dataDir: DATA_DIR })).entities;
    [list2020, list2024, list2026] = await Promise.all([entitiesOf(LIST_2020), entitiesOf(LIST_2024), entitiesOf(LIST_2026)]);
    from2020to2024 = computeChangeSet(list2020, list2024);
    from2024to2026 = computeChangeSet(list2024, list2026);
  });

  it('finds 46 entries added and 185 removed from 2020-03-20 to 2024-09-26', () => {
    const changeSet = from2020to2024;
    expect(changeSet.added).toHaveLength(46);
    expect(changeSet.removed).toHaveLength(185);
    expect(summarizeChangeSet(changeSet)).toEqual({
      added: 46,
      removed: 185,
      amended: changeSet.amended.length,
      metadataOnly: changeSet.metadataOnly.length,
    });
  });

  it('names an added or removed entry by id, reference number, primary name and type', () => {
    const changeSet = from2020to2024;
    expect(changeSet.added).toContainEqual({
      entityId: 'un-CDi.037',
      referenceNumber: 'CDi.037',
      primaryName: 'PROTOGÈNE RUVUGAYIMIKORE',
      type: 'person',
    });
    expect(changeSet.removed).toContainEqual({
      entityId: 'un-IQe.003',
      referenceNumber: 'IQe.003',
      primaryName: 'RAFIDAIN BANK',
      type: 'organization',
    });
    const ids2024 = new Set(list2024.map((e) => e.id));
    expect(changeSet.added.every((entry) => ids2024.has(entry.entityId))).toBe(true);
    expect(changeSet.removed.some((entry) => ids2024.has(entry.entityId))).toBe(false);
  });

  it("reports KPe.054 amended: its primary name became MINISTRY OF NATIONAL DEFENCE, the old one a former name", () => {
    const amended = from2020to2024.amended.find((entry) => entry.entityId === 'un-KPe.054');
    expect(amended?.referenceNumber).toBe('KPe.054');
    expect(amended?.primaryName).toBe('MINISTRY OF NATIONAL DEFENCE');
    expect(amended?.changes.find((change) => change.field === 'primaryName')).toEqual({
      field: 'primaryName',
      kind: 'scalar',
      before: "MINISTRY OF THE PEOPLE'S ARMED FORCES (MPAF)",
      after: 'MINISTRY OF NATIONAL DEFENCE',
    });
    expect(amended?.changes.find((change) => change.field === 'names')).toEqual({
      field: 'names',
      kind: 'set',
      added: expect.arrayContaining([
        expect.objectContaining({ name: "MINISTRY OF THE PEOPLE'S ARMED FORCES (MPAF)", kind: 'former' }),
        expect.objectContaining({ name: 'MINISTRY OF NATIONAL DEFENSE', kind: 'alias' }),
      ]),
      removed: [],
    });
    expect(amended?.metadataChanges).toEqual([{ field: 'lastDayUpdated', kind: 'set', added: ['2024-03-07'], removed: [] }]);
  });

  it('finds 134 entries added and 6 removed from 2024-09-26 to 2026-02-27', () => {
    expect(from2024to2026.added).toHaveLength(134);
    expect(from2024to2026.removed).toHaveLength(6);
  });

  it('orders every part by reference number', () => {
    for (const changeSet of [from2020to2024, from2024to2026]) {
      for (const keys of sortKeys(changeSet)) {
        expect(keys).toEqual([...keys].sort());
      }
    }
  });

  it.each([
    ['2020-03-20', () => list2020],
    ['2024-09-26', () => list2024],
    ['2026-02-27', () => list2026],
  ])('finds no change between the %s list and itself', (_date, list) => {
    expect(computeChangeSet(list(), list())).toEqual(NO_CHANGES);
  });

  it('never counts a change of list metadata alone as an amendment', () => {
    for (const changeSet of [from2020to2024, from2024to2026]) {
      for (const entry of changeSet.metadataOnly) {
        expect(entry.changes.length).toBeGreaterThan(0);
        expect(entry.changes.every((change) => ['lastDayUpdated', 'versionNum', 'listTypes', 'listing.dataId'].includes(change.field))).toBe(true);
      }
    }
  });
});

describe('computeChangeSet on versions generated from the 2024-09-26 list', () => {
  let xml: string;
  let original: CanonicalEntity[];
  let directory: string;

  /** Loads a generated version of the list through the real loader. */
  async function load(text: string, name: string): Promise<CanonicalEntity[]> {
    const file = path.join(directory, name);
    fs.writeFileSync(file, text);
    return (await loadUnConsolidatedList(file, { dataDir: DATA_DIR })).entities;
  }

  beforeAll(async () => {
    xml = fs.readFileSync(LIST_2024, 'utf8');
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'change-set-'));
    original = (await loadUnConsolidatedList(LIST_2024)).entities;
  });

  afterAll(() => {
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('finds no change when only element order and whitespace inside names differ', async () => {
    const rewritten = await load(reorderedAndRespaced(xml), 'reordered.xml');
    // The rewrite did reorder records and re-space names.
    const idsOf = (entities: CanonicalEntity[], type: CanonicalEntity['type']) => entities.filter((e) => e.type === type).map((e) => e.id);
    expect(idsOf(rewritten, 'person')).toEqual(idsOf(original, 'person').reverse());
    expect(idsOf(rewritten, 'organization')).toEqual(idsOf(original, 'organization').reverse());
    expect(entity(rewritten, 'un-KPe.054').names[0]?.raw).toMatch(/^ +MINISTRY\n +OF\n +NATIONAL\n +DEFENCE\s+$/);
    expect(computeChangeSet(original, rewritten)).toEqual(NO_CHANGES);
  });

  it('reports a changed birth date as the one amendment, with that one field change', async () => {
    const edited = editRecord(xml, 'KPi.003', (record) => record.replace('<DATE>1943-09-26</DATE>', '<DATE>1943-09-27</DATE>'));
    const changeSet = computeChangeSet(original, await load(edited, 'birth-date.xml'));
    expect(summarizeChangeSet(changeSet)).toEqual({ added: 0, removed: 0, amended: 1, metadataOnly: 0 });
    expect(changeSet.amended).toEqual([
      {
        entityId: 'un-KPi.003',
        referenceNumber: 'KPi.003',
        primaryName: 'HWANG SOK-HWA',
        type: 'person',
        changes: [
          {
            field: 'birthDates',
            kind: 'set',
            added: [{ kind: 'exact', date: '1943-09-27' }],
            removed: [{ kind: 'exact', date: '1943-09-26' }],
          },
        ],
        metadataChanges: [],
      },
    ]);
  });

  it('reports a changed LAST_DAY_UPDATED value as metadata only, not as an amendment', async () => {
    const edited = editRecord(xml, 'KPi.004', (record) =>
      record.replace('<VALUE>2023-06-29</VALUE>', '<VALUE>2024-09-20</VALUE>'),
    );
    const changeSet = computeChangeSet(original, await load(edited, 'last-day-updated.xml'));
    expect(changeSet.amended).toEqual([]);
    expect(changeSet.metadataOnly).toEqual([
      {
        entityId: 'un-KPi.004',
        referenceNumber: 'KPi.004',
        primaryName: 'RI HONG-SOP',
        type: 'person',
        changes: [{ field: 'lastDayUpdated', kind: 'set', added: ['2024-09-20'], removed: ['2023-06-29'] }],
      },
    ]);
    expect(summarizeChangeSet(changeSet)).toEqual({ added: 0, removed: 0, amended: 0, metadataOnly: 1 });
  });
});

describe('computeChangeSet on entities of any dataset', () => {
  const subject: CanonicalEntity = {
    id: 'ins-kim',
    type: 'person',
    dataset: 'investigation',
    primaryName: 'KIM CHOL',
    names: [
      { name: 'KIM CHOL', kind: 'primary', script: 'latin', origin: 'source' },
      { name: 'Ким Чхоль', kind: 'original-script', script: 'cyrillic', origin: 'added-original-script' },
    ],
    countries: ['KP', 'RU'],
    nationalities: ['KP'],
    birthDates: [],
    birthPlaces: [],
    addresses: [],
    identifiers: [],
    riskLevel: 'high',
    flags: [],
    listings: [],
    relationships: [],
    sourceIds: ['insider-article'],
    role: 'student',
    raw: { riskRationale: 'Works in Russia.' },
  };

  it('compares stated countries, role and raw values, and orders entries without a listing by id', () => {
    const after: CanonicalEntity = {
      ...subject,
      countries: ['KP', 'CN'],
      role: 'construction worker',
      raw: { riskRationale: 'Works in China.' },
    };
    const changeSet = computeChangeSet([subject], [{ ...subject, id: 'ins-zzz' }, after, { ...subject, id: 'ins-aaa' }]);
    expect(changeSet.added.map((entry) => entry.entityId)).toEqual(['ins-aaa', 'ins-zzz']);
    expect(changeSet.amended[0]?.changes).toEqual([
      { field: 'role', kind: 'scalar', before: 'student', after: 'construction worker' },
      { field: 'countries', kind: 'set', added: ['CN'], removed: ['RU'] },
      { field: 'raw.riskRationale', kind: 'scalar', before: 'Works in Russia.', after: 'Works in China.' },
    ]);
  });

  it('rejects a version holding one id twice', () => {
    expect(() => computeChangeSet([subject, subject], [])).toThrow('entity id "ins-kim" occurs twice in the before version');
  });
});
