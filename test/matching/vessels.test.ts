import { createMatcher, CRAFT_AS_ORGANIZATION_PENALTY } from '../../src/matching/matcher';
import { TYPE_CONFLICT_PENALTY, typeAgreement } from '../../src/matching/score/score-qualifiers';
import type { MatchQuery } from '../../src/matching/types';
import { entityOfNames, ENTITY_TYPES, type CanonicalEntity, type EntityType } from '../../src/model/entity';

function listed(id: string, type: EntityType, primary: string): CanonicalEntity {
  return entityOfNames({ id, type, dataset: 'test', primaryName: primary, names: [{ name: primary, kind: 'primary', script: 'latin', origin: 'source' }], riskLevel: 'high' });
}

const matcher = createMatcher([
  listed('chon-ma-san', 'vessel', 'CHON MA SAN'),
  listed('ocean-star', 'vessel', 'OCEAN STAR'),
  listed('air-koryo-tu204', 'aircraft', 'AIR KORYO TU-204'),
  listed('namhung', 'organization', 'Namhung Trading Corporation'),
  listed('pak-yong-sik', 'person', 'PAK YONG SIK'),
]);

describe('entity types in the type qualifier', () => {
  // [query type, list type, effect]
  const cases: Array<[EntityType | 'any', EntityType, number]> = [
    ['vessel', 'vessel', 0],
    ['aircraft', 'aircraft', 0],
    ['any', 'vessel', 0],
    ['organization', 'vessel', CRAFT_AS_ORGANIZATION_PENALTY],
    ['organization', 'aircraft', CRAFT_AS_ORGANIZATION_PENALTY],
    ['vessel', 'organization', CRAFT_AS_ORGANIZATION_PENALTY],
    ['aircraft', 'organization', CRAFT_AS_ORGANIZATION_PENALTY],
    ['person', 'vessel', TYPE_CONFLICT_PENALTY],
    ['vessel', 'person', TYPE_CONFLICT_PENALTY],
    ['vessel', 'aircraft', TYPE_CONFLICT_PENALTY],
    ['person', 'organization', TYPE_CONFLICT_PENALTY],
  ];

  it.each(cases)('a query typed %s against a listed %s costs %d', (queryType, listType, value) => {
    expect(typeAgreement(queryType, listType).value).toBe(value);
  });

  it('costs an organization against a craft less than a person against an organization', () => {
    expect(CRAFT_AS_ORGANIZATION_PENALTY).toBeLessThan(0);
    expect(CRAFT_AS_ORGANIZATION_PENALTY).toBeGreaterThan(TYPE_CONFLICT_PENALTY);
  });

  it('agrees for every type with itself', () => {
    for (const type of ENTITY_TYPES) expect(typeAgreement(type, type).value).toBe(0);
  });
});

describe('vessels and aircraft in the matcher', () => {
  // [query, entity id, isMatch]
  const cases: Array<[MatchQuery, string, boolean]> = [
    [{ name: 'Chon Ma San', type: 'vessel' }, 'chon-ma-san', true],
    [{ name: 'CHONMASAN' }, 'chon-ma-san', true],
    [{ name: 'Chon Ma San', type: 'organization' }, 'chon-ma-san', true],
    [{ name: 'Ocean Star', type: 'vessel' }, 'ocean-star', true],
    [{ name: 'Ocean Star Ltd', type: 'organization' }, 'ocean-star', true],
    [{ name: 'Air Koryo TU 204', type: 'aircraft' }, 'air-koryo-tu204', true],
    [{ name: 'Chon Ma San', type: 'person' }, 'chon-ma-san', false],
  ];

  it.each(cases)('%j → %s (isMatch %s)', (query, entityId, isMatch) => {
    const result = matcher.match(query, { limit: 20 }).matches.find((match) => match.entityId === entityId);
    expect(result?.isMatch ?? false).toBe(isMatch);
  });

  it('reads a vessel name as an organization name (no person-name parts in the explanation)', () => {
    const [best] = matcher.match({ name: 'Ocean Star', type: 'vessel' }).matches;
    expect(best).toMatchObject({ entityId: 'ocean-star', score: 1 });
    expect(best?.explanation.summary).not.toMatch(/family name|given name/);
  });

  it('scores a vessel typed as an organization just below the same query typed as a vessel', () => {
    const score = (type: EntityType) => matcher.match({ name: 'Chon Ma San', type }).matches.find((m) => m.entityId === 'chon-ma-san')?.score ?? 0;
    expect(score('organization')).toBeCloseTo(score('vessel') + CRAFT_AS_ORGANIZATION_PENALTY, 4);
  });
});
