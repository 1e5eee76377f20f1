import { join } from 'node:path';
import { loadInvestigation } from '../../src/lists/investigation/load-investigation';
import { linkSubjects, type LinkRule } from '../../src/linking';
import type { BirthDate, CanonicalEntity, CrossReference, EntityType, Identifier } from '../../src/model/entity';

const DATA_DIR = join(__dirname, '..', '..', 'data');

const LIST_OF_DATASET: Readonly<Record<string, string>> = { un: 'UN', 'uk-sanctions': 'UK', 'ofac-sdn': 'OFAC SDN' };

interface EntryFields {
  type?: EntityType;
  names?: string[];
  birthDates?: Array<string | BirthDate>;
  nationalities?: string[];
  countries?: string[];
  identifiers?: Identifier[];
  crossReferences?: CrossReference[];
  listedOn?: string | null;
  gender?: string;
}

/** A list entry with only the fields linking reads; the dataset and reference come from the id (`uk-123`, `un-KPi.063`). */
function entry(id: string, fields: EntryFields = {}): CanonicalEntity {
  const dataset = id.startsWith('un-') ? 'un' : id.startsWith('uk-') ? 'uk-sanctions' : id.startsWith('ofac-') ? 'ofac-sdn' : 'investigation';
  const names = fields.names ?? ['Some Name'];
  const list = LIST_OF_DATASET[dataset];
  return {
    id,
    type: fields.type ?? 'person',
    dataset,
    primaryName: names[0] ?? '',
    names: names.map((name, index) => ({ name, kind: index === 0 ? 'primary' : 'alias', script: 'latin', origin: 'source' })),
    countries: fields.countries ?? [],
    nationalities: fields.nationalities ?? [],
    birthDates: (fields.birthDates ?? []).map((date) =>
      typeof date === 'string' ? { kind: date.length === 4 ? 'year' : 'exact', date } : date,
    ),
    birthPlaces: [],
    addresses: [],
    identifiers: fields.identifiers ?? [],
    riskLevel: 'high',
    flags: [],
    listings:
      list === undefined
        ? []
        : [{ list, dataset, referenceNumber: id.slice(id.indexOf('-') + 1).replace(/^sdn-/, ''), regime: 'DPRK', listedOn: fields.listedOn === undefined ? '2017-09-11' : fields.listedOn }],
    relationships: [],
    sourceIds: [],
    ...(fields.crossReferences ? { crossReferences: fields.crossReferences } : {}),
    ...(fields.gender ? { gender: fields.gender } : {}),
  };
}

const passport = (value: string, country?: string): Identifier => ({ type: 'Passport', scheme: 'passport', value, ...(country ? { country } : {}) });

interface LinkCase {
  title: string;
  entities: CanonicalEntity[];
  /** The one link expected between the first two entities, or null when they must stay apart. */
  rule: LinkRule | null;
  evidence?: string;
}

const LINKED: LinkCase[] = [
  {
    title: "UK entry states (UN Ref):KPi.063",
    entities: [
      entry('uk-13520', { names: ['PAK, Yong Sik'], crossReferences: [{ list: 'UN', referenceNumber: 'KPi.063 ', text: '(UN Ref):KPi.063' }] }),
      entry('un-KPi.063', { names: ['PAK YONG SIK'] }),
    ],
    rule: 'stated-cross-reference',
    evidence: 'UK entry states (UN Ref):KPi.063',
  },
  {
    title: 'a stated reference in another case and with trailing space',
    entities: [entry('uk-1', { crossReferences: [{ list: 'UN', referenceNumber: 'kpi.063  ' }] }), entry('un-KPi.063', { names: ['Someone Else'] })],
    rule: 'stated-cross-reference',
    evidence: 'UK entry states UN reference kpi.063',
  },
  {
    title: 'the same passport written with dashes and spaces, same country',
    entities: [
      entry('un-KPi.001', { names: ['Kim Il'], identifiers: [passport('745-120 345', 'KP')] }),
      entry('ofac-1', { names: ['KIM, Chol'], identifiers: [passport('745120345', 'KP')] }),
    ],
    rule: 'shared-identifier',
    evidence: 'passport 745120345 (KP) on both',
  },
  {
    title: 'a passport whose country only one side gives',
    entities: [
      entry('un-KPi.001', { identifiers: [{ type: 'Passport', value: '745.120.345' }] }),
      entry('uk-1', { identifiers: [passport('745120345', 'KP')] }),
    ],
    rule: 'shared-identifier',
    evidence: 'passport 745120345 (KP) on both',
  },
  {
    title: 'the same IMO number on two vessels',
    entities: [
      entry('uk-1', { type: 'vessel', names: ['CHON MA SAN'], identifiers: [{ type: 'IMO', scheme: 'imo', value: '8660313' }] }),
      entry('ofac-2', { type: 'vessel', names: ['CHONMASAN'], identifiers: [{ type: 'Vessel Registration Identification', scheme: 'imo', value: 'IMO 8660313' }] }),
    ],
    rule: 'shared-identifier',
    evidence: 'IMO 8660313 on both',
  },
  {
    title: "'PAK, Yong Sik' = 'Pak Yong Sik' with the same date of birth",
    entities: [
      entry('uk-1', { names: ['PAK, Yong Sik'], birthDates: ['1960-01-01'] }),
      entry('ofac-1', { names: ['Pak Yong Sik'], birthDates: ['1960-01-01'] }),
    ],
    rule: 'name-and-birth-date',
    evidence: "same name 'PAK, Yong Sik' = 'Pak Yong Sik' and date of birth 1960-01-01",
  },
  {
    title: 'a birth year on one side and a full date in that year on the other',
    entities: [
      entry('un-KPi.063', { names: ['PAK YONG SIK'], birthDates: ['1949'], nationalities: ['KP'] }),
      entry('ofac-1', { names: ['PAK, Yong-Sik'], birthDates: ['1949-05-05'], nationalities: ['KP'] }),
    ],
    rule: 'name-and-birth-date',
    evidence: "same name 'PAK YONG SIK' = 'PAK, Yong-Sik' and date of birth 1949 (year only on one side, 1949-05-05 on the other), nationality KP on both",
  },
  {
    title: 'the same birth year given alone on both sides',
    entities: [
      entry('un-LYi.012', { names: ['MOHAMMED MUAMMAR QADHAFI'], birthDates: ['1970'], nationalities: ['LY'] }),
      entry('ofac-12628', { names: ['GADDAFI, Muhammad', 'QADHAFI, Mohammed Muammar'], birthDates: ['1970'], nationalities: ['LY'] }),
    ],
    rule: 'name-and-birth-date',
    evidence: "same name 'MOHAMMED MUAMMAR QADHAFI' = 'QADHAFI, Mohammed Muammar' and date of birth 1970 (year only on both), nationality LY on both",
  },
  {
    title: 'diacritics and an alias',
    entities: [
      entry('uk-1', { names: ['Müller, Jürgen'], birthDates: ['1971-02-03'] }),
      entry('ofac-1', { names: ['Hans Schmidt', 'Jurgen MULLER'], birthDates: ['1971-02-03', '1972-02-03'] }),
    ],
    rule: 'name-and-birth-date',
  },
  {
    title: 'a Cyrillic name through its transliteration',
    entities: [
      entry('uk-1', { names: ['Ткачук Сергей'], birthDates: ['1965-04-04'] }),
      entry('ofac-1', { names: ['TKACHUK, Sergey'], birthDates: ['1965-04-04'] }),
    ],
    rule: 'name-and-birth-date',
  },
  {
    title: 'an organization and its SDN entry: same name, country KP',
    entities: [
      entry('ofac-1', { type: 'organization', names: ['AIR KORYO'], countries: ['KP'] }),
      entry('ins-air-koryo', { type: 'organization', names: ['Air Koryo'], countries: ['KP'] }),
    ],
    rule: 'name-and-qualifiers',
    evidence: "same name 'AIR KORYO' = 'Air Koryo', both organizations, country KP on both",
  },
  {
    title: 'legal forms set aside: LLC = OOO = none',
    entities: [
      entry('uk-1', { type: 'organization', names: ['OOO Romashka'], countries: ['RU'] }),
      entry('ofac-1', { type: 'organization', names: ['ROMASHKA LLC'], countries: ['RU', 'CY'] }),
    ],
    rule: 'name-and-qualifiers',
  },
  {
    title: 'two vessels of one name and flag',
    entities: [
      entry('uk-13656', { type: 'vessel', names: ['CHON MA SAN'], countries: ['KP'] }),
      entry('ofac-1', { type: 'vessel', names: ['CHON MA SAN'], countries: ['KP'] }),
    ],
    rule: 'name-and-qualifiers',
    evidence: "same name 'CHON MA SAN', both vessels, country KP on both",
  },
];

const NOT_LINKED: LinkCase[] = [
  { title: 'a name alone (no dates of birth)', entities: [entry('uk-1', { names: ['Pak Yong Sik'] }), entry('ofac-1', { names: ['PAK, Yong Sik'] })], rule: null },
  {
    title: 'a name and a date of birth on one side only',
    entities: [entry('uk-1', { names: ['Pak Yong Sik'], birthDates: ['1960-01-01'] }), entry('ofac-1', { names: ['PAK, Yong Sik'] })],
    rule: null,
  },
  {
    title: 'different full dates of birth',
    entities: [
      entry('uk-1', { names: ['Pak Yong Sik'], birthDates: ['1960-01-01'] }),
      entry('ofac-1', { names: ['PAK, Yong Sik'], birthDates: ['1960-01-02'] }),
    ],
    rule: null,
  },
  {
    title: 'birth years that differ from the full date',
    entities: [entry('uk-1', { names: ['Pak Yong Sik'], birthDates: ['1961'] }), entry('ofac-1', { names: ['PAK, Yong Sik'], birthDates: ['1960-01-01'] })],
    rule: null,
  },
  {
    title: 'only approximate dates of birth',
    entities: [
      entry('uk-1', { names: ['Pak Yong Sik'], birthDates: [{ kind: 'approximately', date: '1960' }] }),
      entry('ofac-1', { names: ['PAK, Yong Sik'], birthDates: [{ kind: 'approximately', date: '1960' }] }),
    ],
    rule: null,
  },
  {
    title: 'same name and date of birth, different nationalities',
    entities: [
      entry('uk-1', { names: ['Ali Hassan'], birthDates: ['1970-01-01'], nationalities: ['IQ'] }),
      entry('ofac-1', { names: ['HASSAN, Ali'], birthDates: ['1970-01-01'], nationalities: ['LB'] }),
    ],
    rule: null,
  },
  {
    title: 'same name and date of birth, different genders',
    entities: [
      entry('uk-1', { names: ['Ali Hassan'], birthDates: ['1970-01-01'], gender: 'Male' }),
      entry('ofac-1', { names: ['HASSAN, Ali'], birthDates: ['1970-01-01'], gender: 'Female' }),
    ],
    rule: null,
  },
  {
    title: 'a one-word name with a date of birth',
    entities: [entry('uk-1', { names: ['Abdullah'], birthDates: ['1970-01-01'] }), entry('ofac-1', { names: ['ABDULLAH'], birthDates: ['1970-01-01'] })],
    rule: null,
  },
  {
    title: 'Tkachuk: same family name, different given names',
    entities: [
      entry('ofac-1', { names: ['TKACHUK, Anatoliy Nikolaevich'], birthDates: ['1953-01-01'], nationalities: ['RU'] }),
      entry('uk-2', { names: ['TKACHUK, Sergei'], birthDates: ['1953-01-01'], nationalities: ['RU'] }),
    ],
    rule: null,
  },
  {
    title: 'a passport of a different issuing country',
    entities: [entry('un-KPi.001', { identifiers: [passport('745120345', 'KP')] }), entry('uk-1', { identifiers: [passport('745120345', 'CN')] })],
    rule: null,
  },
  {
    title: 'a passport number shared by a person and an organization',
    entities: [entry('uk-1', { identifiers: [passport('745120345')] }), entry('ofac-1', { type: 'organization', identifiers: [passport('745120345')] })],
    rule: null,
  },
  {
    title: 'a shared passport with contradicting full dates of birth',
    entities: [
      entry('uk-1', { identifiers: [passport('745120345')], birthDates: ['1960-01-01'] }),
      entry('ofac-1', { identifiers: [passport('745120345')], birthDates: ['1961-07-07'] }),
    ],
    rule: null,
  },
  {
    title: 'a company IMO number shared with a vessel',
    entities: [
      entry('uk-1', { type: 'vessel', identifiers: [{ type: 'IMO', scheme: 'imo', value: '5860263' }] }),
      entry('ofac-1', { type: 'organization', identifiers: [{ type: 'IMO', scheme: 'imo', value: '5860263' }] }),
    ],
    rule: null,
  },
  {
    title: 'an identifier too short to tell anyone apart',
    entities: [entry('uk-1', { identifiers: [passport('1234')] }), entry('ofac-1', { identifiers: [passport('12-34')] })],
    rule: null,
  },
  {
    title: 'a tax id (it only supports a match)',
    entities: [
      entry('uk-1', { type: 'organization', identifiers: [{ type: 'Tax ID No.', scheme: 'tax-id', value: '7701234567' }] }),
      entry('ofac-1', { type: 'organization', identifiers: [{ type: 'INN', scheme: 'tax-id', value: '7701234567' }] }),
    ],
    rule: null,
  },
  {
    title: 'same organization name, different countries',
    entities: [
      entry('uk-1', { type: 'organization', names: ['Golden Star Trading'], countries: ['AE'] }),
      entry('ofac-1', { type: 'organization', names: ['GOLDEN STAR TRADING'], countries: ['HK'] }),
    ],
    rule: null,
  },
  {
    title: 'same organization name, a country on one side only',
    entities: [
      entry('uk-1', { type: 'organization', names: ['Golden Star Trading'], countries: ['AE'] }),
      entry('ofac-1', { type: 'organization', names: ['GOLDEN STAR TRADING'] }),
    ],
    rule: null,
  },
  {
    title: 'same name, LLC and JSC',
    entities: [
      entry('uk-1', { type: 'organization', names: ['Sovcomflot LLC'], countries: ['RU'] }),
      entry('ofac-1', { type: 'organization', names: ['SOVCOMFLOT JSC'], countries: ['RU'] }),
    ],
    rule: null,
  },
  {
    title: 'same name, a vessel and an aircraft',
    entities: [
      entry('uk-1', { type: 'vessel', names: ['KORYO'], countries: ['KP'] }),
      entry('ofac-1', { type: 'aircraft', names: ['KORYO'], countries: ['KP'] }),
    ],
    rule: null,
  },
  {
    title: 'a company and the vessel named after it (KOTI CORP and KOTI, Panama)',
    entities: [
      entry('un-KPe.067', { type: 'organization', names: ['KOTI CORP'], countries: ['PA'] }),
      entry('ofac-23786', { type: 'vessel', names: ['KOTI'], countries: ['PA'] }),
    ],
    rule: null,
  },
  {
    title: 'a person and an organization of one name',
    entities: [
      entry('uk-1', { names: ['Kim Chol'], countries: ['KP'], birthDates: ['1960-01-01'] }),
      entry('ofac-1', { type: 'organization', names: ['KIM CHOL'], countries: ['KP'] }),
    ],
    rule: null,
  },
  {
    title: 'entries of one dataset',
    entities: [
      entry('ofac-1', { names: ['Pak Yong Sik'], birthDates: ['1960-01-01'], identifiers: [passport('745120345')] }),
      entry('ofac-2', { names: ['PAK, Yong Sik'], birthDates: ['1960-01-01'], identifiers: [passport('745120345')] }),
    ],
    rule: null,
  },
  {
    title: 'a low-quality alias',
    entities: [
      entry('un-QDi.001', { names: ['Real Name'], birthDates: ['1970-01-01'] }),
      {
        ...entry('ofac-1', { names: ['Other Person'], birthDates: ['1970-01-01'] }),
        names: [
          { name: 'Other Person', kind: 'primary', script: 'latin', origin: 'source' },
          { name: 'Real Name', kind: 'alias', quality: 'low', script: 'latin', origin: 'source' },
        ],
      },
    ],
    rule: null,
  },
];

describe('linkSubjects', () => {
  it.each(LINKED.map((c) => [c.title, c] as const))('links on %s', (_title, { entities, rule, evidence }) => {
    const result = linkSubjects(entities);
    expect(result.links).toHaveLength(1);
    const [link] = result.links;
    expect(link?.rule).toBe(rule);
    if (evidence !== undefined) expect(link?.evidence).toBe(evidence);
    const [a, b] = entities;
    expect(result.subjectOf(a!.id)).toBe(result.subjectOf(b!.id));
    expect(result.subjectCount).toBe(1);
  });

  it.each(NOT_LINKED.map((c) => [c.title, c] as const))('does not link on %s', (_title, { entities }) => {
    const result = linkSubjects(entities);
    expect(result.links).toEqual([]);
    expect(result.subjectCount).toBe(entities.length);
    for (const entity of entities) {
      expect(result.subjectOf(entity.id)).toBe(entity.id);
      expect(result.membersOf(entity.id)).toEqual([entity.id]);
      expect(result.linksOf(entity.id)).toEqual([]);
    }
  });

  it('keeps the strongest rule when several agree on one pair', () => {
    const result = linkSubjects([
      entry('uk-1', { names: ['Pak Yong Sik'], birthDates: ['1960-01-01'], identifiers: [passport('745120345')], crossReferences: [{ list: 'UN', referenceNumber: 'KPi.063' }] }),
      entry('un-KPi.063', { names: ['PAK YONG SIK'], birthDates: ['1960-01-01'], identifiers: [passport('745120345')] }),
    ]);
    expect(result.links.map((link) => link.rule)).toEqual(['stated-cross-reference']);
  });

  it('joins links into one subject across three lists and explains it', () => {
    const result = linkSubjects([
      entry('ofac-9', { names: ['PAK, Yong Sik'], birthDates: ['1949-03-03'], listedOn: '2016-12-02' }),
      entry('uk-1', { names: ['PAK, Yong Sik'], crossReferences: [{ list: 'UN', referenceNumber: 'KPi.063' }], listedOn: '2017-09-12' }),
      entry('un-KPi.063', { names: ['PAK YONG SIK'], birthDates: ['1949'], listedOn: '2017-09-11' }),
      entry('ins-unrelated', { names: ['Someone Else'] }),
    ]);
    expect(result.subjectOf('ofac-9')).toBe('un-KPi.063');
    expect(result.subjectOf('uk-1')).toBe('un-KPi.063');
    expect(result.membersOf('un-KPi.063')).toEqual(['un-KPi.063', 'ofac-9', 'uk-1']);
    expect(result.linksOf('un-KPi.063').map((link) => `${link.from} ${link.rule} ${link.to}`)).toEqual([
      'uk-1 stated-cross-reference un-KPi.063',
      'un-KPi.063 name-and-birth-date ofac-9',
    ]);
    expect(result.membersOf('ofac-9')).toEqual([]);
    expect(result.subjectCount).toBe(2);
    expect(result.subjectOf('ins-unrelated')).toBe('ins-unrelated');
    expect(result.subjectOf('not-given')).toBe('not-given');
    expect(result.membersOf('not-given')).toEqual([]);
  });

  describe('subject id', () => {
    const sameSubject = (listedOn: Record<string, string | null>): CanonicalEntity[] =>
      Object.entries(listedOn).map(([id, date]) => entry(id, { names: ['Pak Yong Sik'], birthDates: ['1960-01-01'], listedOn: date }));

    it.each([
      ['the UN member, even when listed later', { 'un-KPi.1': '2020-01-01', 'uk-1': '2010-01-01', 'ofac-1': '2005-01-01' }, 'un-KPi.1'],
      ['the member listed earliest', { 'uk-1': '2010-01-01', 'ofac-1': '2005-01-01' }, 'ofac-1'],
      ['a dated member before an undated one', { 'uk-1': '2010-01-01', 'ins-pak': null }, 'uk-1'],
      ['on one date, uk-sanctions before ofac-sdn', { 'ofac-1': '2010-01-01', 'uk-1': '2010-01-01' }, 'uk-1'],
      ['with no dates, ofac-sdn before investigation', { 'ins-pak': null, 'ofac-1': null }, 'ofac-1'],
    ] as const)('is %s', (_title, listedOn, subject) => {
      const result = linkSubjects(sameSubject(listedOn));
      expect(result.subjectCount).toBe(1);
      for (const id of Object.keys(listedOn)) expect(result.subjectOf(id)).toBe(subject);
      expect(result.membersOf(subject)[0]).toBe(subject);
    });

    it('does not depend on the order the entries are given in', () => {
      const entities = sameSubject({ 'ofac-1': '2010-01-01', 'uk-1': '2010-01-01', 'ins-pak': null });
      const forward = linkSubjects(entities);
      const backward = linkSubjects([...entities].reverse());
      expect(backward.membersOf('uk-1')).toEqual(forward.membersOf('uk-1'));
      expect(backward.links).toEqual(forward.links);
    });
  });

  describe('refusals', () => {
    it('refuses, and reports, an entry that matches two entries of one other dataset', () => {
      const result = linkSubjects([
        entry('ofac-1', { names: ['HASSAN, Ali'], birthDates: ['1970'] }),
        entry('uk-1', { names: ['Ali Hassan'], birthDates: ['1970-01-01'] }),
        entry('uk-2', { names: ['Ali HASSAN'], birthDates: ['1970-06-30'] }),
      ]);
      expect(result.links).toEqual([]);
      expect(result.refused).toEqual([
        expect.objectContaining({ reason: 'ambiguous', detail: 'ofac-1 matches 2 entries of uk-sanctions (uk-1, uk-2); none linked' }),
      ]);
    });

    it('links one entry to two entries of one dataset when both state its reference', () => {
      const result = linkSubjects([
        entry('un-KPe.001', { type: 'organization', names: ['KOMID'] }),
        entry('uk-1', { type: 'organization', crossReferences: [{ list: 'UN', referenceNumber: 'KPe.001' }] }),
        entry('uk-2', { type: 'organization', crossReferences: [{ list: 'UN', referenceNumber: 'KPe.001' }] }),
      ]);
      expect(result.refused).toEqual([]);
      expect(result.membersOf('un-KPe.001')).toEqual(['un-KPe.001', 'uk-1', 'uk-2']);
    });

    it('keeps the stated reference and refuses a name match to another entry of that dataset', () => {
      const result = linkSubjects([
        entry('uk-1', { names: ['Pak Yong Sik'], birthDates: ['1960-01-01'], crossReferences: [{ list: 'UN', referenceNumber: 'KPi.063' }] }),
        entry('un-KPi.063', { names: ['PAK YONG SIK'] }),
        entry('un-KPi.099', { names: ['PAK YONG SIK'], birthDates: ['1960-01-01'] }),
      ]);
      expect(result.links.map((link) => link.to)).toEqual(['un-KPi.063']);
      expect(result.refused).toEqual([
        expect.objectContaining({ reason: 'ambiguous', detail: 'uk-1 matches 2 entries of un (un-KPi.063, un-KPi.099); kept the stated reference to un-KPi.063, refused the rest' }),
      ]);
    });

    it('never puts two UN entries into one subject: the weakest joining link is refused', () => {
      const result = linkSubjects([
        entry('un-KPi.001', { names: ['Kim Il'] }),
        entry('uk-1', { names: ['KIM, Chol'], identifiers: [passport('745120345')], crossReferences: [{ list: 'UN', referenceNumber: 'KPi.001' }] }),
        entry('ofac-1', { names: ['KIM, Chol'], birthDates: ['1960-01-01'], identifiers: [passport('745120345')] }),
        entry('un-KPi.002', { names: ['Kim Chol'], birthDates: ['1960-01-01'] }),
      ]);
      expect(result.subjectOf('uk-1')).toBe('un-KPi.001');
      expect(result.subjectOf('ofac-1')).toBe('un-KPi.001');
      expect(result.subjectOf('un-KPi.002')).toBe('un-KPi.002');
      expect(result.refused).toEqual([
        {
          reason: 'joins-entries-of-one-dataset',
          links: [expect.objectContaining({ from: 'un-KPi.002', to: 'ofac-1', rule: 'name-and-birth-date' })],
          detail: 'would put un-KPi.001 and un-KPi.002 into one subject',
        },
      ]);
    });

    it('never puts two UN entries into one subject even when an entry states both references', () => {
      const result = linkSubjects([
        entry('uk-1', { crossReferences: [{ list: 'UN', referenceNumber: 'KPi.001' }, { list: 'UN', referenceNumber: 'KPi.002' }] }),
        entry('un-KPi.001', { names: ['Kim Il'] }),
        entry('un-KPi.002', { names: ['Kim Chol'] }),
      ]);
      expect(result.links.map((link) => link.to)).toEqual(['un-KPi.001']);
      expect(result.refused.map((refusal) => refusal.reason)).toEqual(['joins-entries-of-one-dataset']);
    });

    it('reports a stated reference that names no entry', () => {
      const result = linkSubjects([entry('uk-1', { crossReferences: [{ list: 'UN', referenceNumber: 'KPi.404' }] }), entry('un-KPi.063')]);
      expect(result.links).toEqual([]);
      expect(result.unresolvedReferences).toEqual([{ from: 'uk-1', list: 'UN', referenceNumber: 'KPi.404' }]);
    });

    it('throws on two entries with one id', () => {
      expect(() => linkSubjects([entry('uk-1'), entry('uk-1')])).toThrow('entity id "uk-1" is given twice');
    });
  });

  describe('with the investigation', () => {
    it('does not link Sergei Tkachuk to an SDN-like TKACHUK, Anatoliy Nikolaevich, nor to a Sergei Tkachuk on a name alone', async () => {
      const investigation = await loadInvestigation(DATA_DIR);
      const anatoliy = entry('ofac-35100', {
        names: ['TKACHUK, Anatoliy Nikolaevich', 'Ткачук Анатолий Николаевич'],
        birthDates: ['1959-02-14'],
        nationalities: ['RU'],
        countries: ['RU'],
        gender: 'Male',
      });
      const namesake = entry('uk-99999', { names: ['TKACHUK, Sergei'], nationalities: ['RU'] });
      const result = linkSubjects([...investigation.entities, anatoliy, namesake]);
      expect(result.subjectOf('ins-sergei-tkachuk')).toBe('ins-sergei-tkachuk');
      expect(result.subjectOf('ofac-35100')).toBe('ofac-35100');
      expect(result.subjectOf('uk-99999')).toBe('uk-99999');
      expect(result.links).toEqual([]);
    });

    it("links the investigation's Air Koryo to an SDN-like AIR KORYO in North Korea", async () => {
      const investigation = await loadInvestigation(DATA_DIR);
      const airKoryo = entry('ofac-20252', { type: 'organization', names: ['AIR KORYO'], countries: ['KP'], listedOn: '2016-12-02' });
      const result = linkSubjects([...investigation.entities, airKoryo]);
      expect(result.subjectOf('ins-air-koryo')).toBe('ofac-20252');
      expect(result.links).toEqual([expect.objectContaining({ rule: 'name-and-qualifiers' })]);
    });
  });
});
