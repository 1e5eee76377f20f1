import fc from 'fast-check';
import { DEFAULT_THRESHOLD } from '../../../src/matching/matcher';
import { CANDIDATE_ENTITIES_PER_QUERY, CANDIDATE_FORMS_PER_ENTITY, type RetrieveOptions } from '../../../src/matching/index/retrieve-candidates';
import { retrievalLimitsFor } from '../../../src/matching/score/name-score-bound';
import { entity, FIXTURE_ENTITIES, name } from '../fixtures';
import { listAndQuery, listOf } from '../name-arbitraries';
import { buildStages, type Stages } from '../stages';

const fixtures = buildStages(FIXTURE_ENTITIES);
const atThreshold = retrievalLimitsFor(DEFAULT_THRESHOLD);

function retrievedIds(stages: Stages, query: string, options: RetrieveOptions = atThreshold): string[] {
  return stages.retriever
    .retrieve(stages.queryForms(query), options)
    .map((candidate) => stages.index.entities[candidate.entityIndex]?.id ?? '?');
}

describe('candidate retrieval', () => {
  // [query, entity id, how the query differs]: each must reach the scorer at the default threshold's limits.
  const found: Array<[string, string, string]> = [
    ['PAK YONG SIK', 'pak-yong-sik', 'exact'],
    ['Sik Yong Pak', 'pak-yong-sik', 'reordered'],
    ['Bak Yeong-sik', 'pak-yong-sik', 'another Korean romanization'],
    ['Park Yongsik', 'pak-yong-sik', 'two syllables written as one'],
    ['박영식', 'pak-yong-sik', 'Hangul'],
    ['Sergei Tkachik', 'sergei-tkachuk', 'a typo'],
    ['Serguei Tkatchouk', 'sergei-tkachuk', 'a French transliteration'],
    ['Ткачук Сергей', 'sergei-tkachuk', 'Cyrillic, patronymic dropped'],
    ['KKBC', 'korea-kwangson-banking', 'an acronym'],
    ['OOO LocoTech Signal', 'locotech-signal', 'a legal form'],
  ];
  it.each(found)('finds %s → %s (%s)', (query, entityId) => {
    expect(retrievedIds(fixtures, query)).toContain(entityId);
  });

  it('finds a long patronymic two letters off, which no typo key reaches, by counting it as paired', () => {
    const patronymic = buildStages(listOf(['Ruslan Viktorovich Aliev']));
    // Scores 0.98: Bikdorovich is two edits from Viktorovich.
    expect(patronymic.bestNameScore(0, patronymic.queryForms('Ruslan Bikdorovich Aliev'))).toBeGreaterThan(0.9);
    expect(retrievedIds(patronymic, 'Ruslan Bikdorovich Aliev', retrievalLimitsFor(0.9))).toEqual(['own-0']);
  });

  it('finds nothing for a name that shares no part with the list', () => {
    expect(retrievedIds(fixtures, 'Wolfgang Zimmermann')).toEqual([]);
    expect(fixtures.retriever.retrieve([], atThreshold)).toEqual([]);
  });

  describe('the limits a threshold sets', () => {
    const people = buildStages(listOf(['Ivan Petrov', 'Ivan Sidorov', 'Olga Petrova', 'Boris Orlov']));

    it('without limits, every name sharing a part is a candidate', () => {
      expect(retrievedIds(people, 'Ivan Petrov', {}).sort()).toEqual(['own-0', 'own-1', 'own-2']);
    });

    it('when no single part weighs the coverage needed, a name must share two parts (the pair index)', () => {
      expect(retrievedIds(people, 'Ivan Petrov', { minCoverage: 0.6 })).toEqual(['own-0']);
      // Through similar parts too: Petrov ~ Petrova is a typo.
      expect(retrievedIds(people, 'Olga Petrov', { minCoverage: 0.6 })).toEqual(['own-2']);
    });

    it('leaves out names whose score bound is below the minimum, and keeps every bound at or above it', () => {
      const all = people.retriever.retrieve(people.queryForms('Ivan Petrov'), {});
      const kept = people.retriever.retrieve(people.queryForms('Ivan Petrov'), { minScoreBound: 0.9 });
      expect(kept.map((candidate) => candidate.entityIndex)).toEqual([0]);
      expect(all.filter((candidate) => candidate.scoreBound >= 0.9)).toEqual(kept);
      expect(kept[0]?.scoreBound).toBeCloseTo(1, 6);
    });
  });

  it(`scores at most ${CANDIDATE_FORMS_PER_ENTITY} names of one entity, the names that could score highest first`, () => {
    // Score bounds against "Ivan Petrov": 1, 0.94 (a patronymic more), 0.84 (a part more) three times, 0.73 (one part).
    const aliases = ['Ivan Petrov Junior', 'Petrov Ivan Ivanovich', 'Ivan Petrov Moskva', 'Petrov', 'Ivan Petrov'];
    const stages = buildStages([
      entity({ id: 'many', type: 'person', primary: 'Ivan Petrov Senior', names: aliases.map((alias) => name(alias)) }),
    ]);
    const [candidate] = stages.retriever.retrieve(stages.queryForms('Ivan Petrov'), {});
    const texts = (candidate?.formIds ?? []).map((formId) => stages.index.forms[formId]?.form.text);
    // Equal bounds keep the vote order, which puts the earlier name first on equal votes.
    expect(texts).toEqual(['ivan petrov', 'petrov ivan ivanovich', 'ivan petrov senior', 'ivan petrov junior']);
    expect(candidate?.scoreBound).toBeCloseTo(1, 6);
  });

  it(`passes at most ${CANDIDATE_ENTITIES_PER_QUERY} entities to the scorer, earlier entities first on equal votes`, () => {
    // Other names around them, so that a part on every one of the 70 is not too common to vote (MAX_POSTINGS_SHARE).
    const others = Array.from({ length: 300 }, (_, index) => `Other${index} Name${index}`);
    const stages = buildStages(listOf([...Array.from({ length: CANDIDATE_ENTITIES_PER_QUERY + 10 }, () => 'Ivan Petrov'), ...others]));
    const candidates = stages.retriever.retrieve(stages.queryForms('Ivan Petrov'), atThreshold);
    expect(candidates.map((candidate) => candidate.entityIndex)).toEqual(
      Array.from({ length: CANDIDATE_ENTITIES_PER_QUERY }, (_, index) => index),
    );
  });

  it('gives the same answer to the same query whatever was asked before (its scratch state is emptied)', () => {
    const first = fixtures.retriever.retrieve(fixtures.queryForms('Kim Chol Nam'), {});
    fixtures.retriever.retrieve(fixtures.queryForms('Sergei Viktorovich Tkachuk'), {});
    fixtures.retriever.retrieve(fixtures.queryForms('Pak Kim Ri Choe Yong Sik Chol Nam Kwang'), {});
    expect(fixtures.retriever.retrieve(fixtures.queryForms('Kim Chol Nam'), {})).toEqual(first);
    expect(buildStages(FIXTURE_ENTITIES).retriever.retrieve(fixtures.queryForms('Kim Chol Nam'), {})).toEqual(first);
  });

  it('under the limits for a target, never leaves out a name it finds without limits whose name score reaches the target', () => {
    // Which parts count as similar is the neighbour lookup's design (see part-neighbours.ts); what the limits prune is
    // the score bound's, and must mirror the scorer exactly.
    let reached = 0;
    fc.assert(
      fc.property(listAndQuery, fc.constantFrom(0.5, 0.7, 0.81, 0.9), ({ entities, query }, target) => {
        const stages = buildStages(entities);
        const queryForms = stages.queryForms(query);
        const unlimited = stages.retriever.retrieve(queryForms, {});
        const limited = new Set(stages.retriever.retrieve(queryForms, retrievalLimitsFor(target)).map((candidate) => candidate.entityIndex));
        for (const { entityIndex } of unlimited) {
          if (stages.bestNameScore(entityIndex, queryForms) < target || stages.lookupMissesPair(entityIndex, queryForms)) continue;
          reached += 1;
          expect(limited).toContain(entityIndex);
        }
      }),
      { numRuns: 300 },
    );
    // Most queries are edited from a listed name, so the check above ran on many names, not on none.
    expect(reached).toBeGreaterThan(100);
  });
});
