import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { linkSubjects, type SubjectLinks } from '../../src/linking';
import { loadInvestigation } from '../../src/lists/investigation/load-investigation';
import { readOfacSdnZip, zipOfacDirectory } from '../../src/lists/ofac/index';
import { readUkConsolidatedList } from '../../src/lists/uk/index';
import { loadUnConsolidatedList } from '../../src/lists/un/load-un-list';
import type { CanonicalEntity } from '../../src/model/entity';

const DATA_DIR = join(__dirname, '..', '..', 'data');

let entities: CanonicalEntity[] = [];
let subjects: SubjectLinks;
let datasetOf: Map<string, string>;

beforeAll(async () => {
  const [un, ofac, uk, investigation] = await Promise.all([
    loadUnConsolidatedList(join(DATA_DIR, 'un', 'consolidated-2026-02-27.xml')),
    zipOfacDirectory(join(DATA_DIR, 'ofac', '2023-12-28')).then((bytes) => readOfacSdnZip(bytes)),
    readFile(join(DATA_DIR, 'uk', '2025-04-14', 'ConList.xlsx')).then((bytes) => readUkConsolidatedList(bytes)),
    loadInvestigation(DATA_DIR),
  ]);
  entities = [...un.entities, ...uk.entities, ...ofac.entities, ...investigation.entities];
  datasetOf = new Map(entities.map((entity) => [entity.id, entity.dataset]));
  subjects = linkSubjects(entities);
}, 120_000);

describe('linkSubjects on the bundled lists (UN 2026-02-27, UK 2025-04-14, SDN 2023-12-28, investigation)', () => {
  it('puts the UK entry stating (UN Ref):KPi.063 on the subject un-KPi.063', () => {
    const uk = entities.find((entity) => entity.crossReferences?.some((reference) => reference.text === '(UN Ref):KPi.063'));
    expect(uk?.id).toBe('uk-13540');
    expect(subjects.subjectOf('uk-13540')).toBe('un-KPi.063');
    expect(subjects.linksOf('un-KPi.063')).toContainEqual({
      from: 'uk-13540',
      to: 'un-KPi.063',
      rule: 'stated-cross-reference',
      evidence: 'UK entry states (UN Ref):KPi.063',
    });
  });

  it("puts the investigation's Air Koryo on the subject of the SDN's AIR KORYO (same name, organizations, KP)", () => {
    expect(subjects.subjectOf('ins-air-koryo')).toBe(subjects.subjectOf('ofac-20520'));
    expect(subjects.linksOf(subjects.subjectOf('ins-air-koryo'))).toContainEqual(
      expect.objectContaining({ rule: 'name-and-qualifiers', evidence: "same name 'AIR KORYO' = 'Air Koryo', both organizations, country KP on both" }),
    );
  });

  it("keeps the investigation's Sergei Tkachuk apart from the SDN's TKACHUK, Anatoliy Nikolaevich", () => {
    expect(subjects.subjectOf('ins-sergei-tkachuk')).toBe('ins-sergei-tkachuk');
    expect(subjects.membersOf('ins-sergei-tkachuk')).toEqual(['ins-sergei-tkachuk']);
    expect(subjects.subjectOf('ofac-45997')).not.toBe('ins-sergei-tkachuk');
  });

  it('links only entries of different datasets and never puts two UN entries into one subject', () => {
    for (const link of subjects.links) expect(datasetOf.get(link.from)).not.toBe(datasetOf.get(link.to));
    const seen = new Set<string>();
    for (const entity of entities) {
      const subject = subjects.subjectOf(entity.id);
      if (seen.has(subject)) continue;
      seen.add(subject);
      const members = subjects.membersOf(subject);
      expect(members[0]).toBe(subject);
      expect(members.filter((id) => datasetOf.get(id) === 'un').length).toBeLessThanOrEqual(1);
    }
  });

  it('names the UN member as the subject wherever there is one', () => {
    for (const link of subjects.links) {
      const subject = subjects.subjectOf(link.from);
      const un = subjects.membersOf(subject).find((id) => datasetOf.get(id) === 'un');
      if (un !== undefined) expect(subject).toBe(un);
    }
  });
});
