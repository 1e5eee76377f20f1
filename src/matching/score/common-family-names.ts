import type { CanonicalEntity } from '../../model/entity';
import type { IndexedForm } from '../index/build-name-index';
import type { NameToken } from '../normalize/name-tokens';

/**
 * Which family names are too common for an initial to say whose name it is ("A. Kim" could be anyone), by the lists'
 * own statistics as issue 11 asks: a family name carried by `COMMON_AMONG_LISTED` listed persons or more within one
 * list, and the given names that serve as family names everywhere (Ali, Hussein).
 */

/**
 * A family name on this many listed persons of one list (`CanonicalEntity.dataset`) is common, whatever else is
 * known of it (on a list the size of the UN's, ~700 persons). Counted within each list, never across lists: a person
 * the UN, OFAC and the UK all list is three entities but one person, and their family name is no more common for it.
 */
export const COMMON_AMONG_LISTED = 3;

/**
 * On a longer list the count grows with it: a family name is common on one list when this share of its persons or
 * more carry it (3 of the UN list's ~700 persons; 27 of OFAC's ~6,600, 15 of the UK's ~3,700), never fewer than
 * `COMMON_AMONG_LISTED`. A list ten times longer holds ten times the namesakes of a rare name, which is no more
 * common for it ("F. Rahim" names one of four Rahims on OFAC; "A. Kim" one of dozens).
 */
export const COMMON_SHARE_OF_LISTED = 1 / 250;

/** The holders a family name needs on a list of `persons` persons to be common there. */
export function commonFamilyNameCount(persons: number): number {
  return Math.max(COMMON_AMONG_LISTED, Math.ceil(persons * COMMON_SHARE_OF_LISTED));
}

/**
 * True when `token` is common whatever the list: one of the given names that serve as family names the world over
 * (Ali, Mohammed, Hussein: the `common` role of `name-part-weights.ts`).
 */
function isCommonByOrigin(token: NameToken): boolean {
  return token.role === 'common';
}

/**
 * The check for the loaded lists: common by origin, or the family name (by skeleton) of enough listed persons of one
 * list (`commonFamilyNameCount`), counted on their primary names (an alias such as "Abu Adam" names no family).
 * Adding a list that repeats another's people never makes a family name common.
 */
export function commonFamilyNames(forms: readonly IndexedForm[], entities: readonly CanonicalEntity[]): (token: NameToken) => boolean {
  const persons = new Map<string, number>();
  for (const entity of entities) if (entity.type === 'person') persons.set(entity.dataset, (persons.get(entity.dataset) ?? 0) + 1);
  // skeleton → dataset → the entities of that dataset holding it
  const holders = new Map<string, Map<string, Set<number>>>();
  for (const { entityIndex, nameIndex, form } of forms) {
    const entity = entities[entityIndex];
    if (entity?.names[nameIndex]?.kind !== 'primary') continue;
    const family = form.tokens[form.familyIndex];
    if (!family) continue;
    let byDataset = holders.get(family.skeleton);
    if (!byDataset) holders.set(family.skeleton, (byDataset = new Map()));
    let holding = byDataset.get(entity.dataset);
    if (!holding) byDataset.set(entity.dataset, (holding = new Set()));
    holding.add(entityIndex);
  }
  const common = new Set<string>();
  for (const [skeleton, byDataset] of holders) {
    for (const [dataset, holding] of byDataset) {
      if (holding.size >= commonFamilyNameCount(persons.get(dataset) ?? 0)) common.add(skeleton);
    }
  }
  return (token) => common.has(token.skeleton) || isCommonByOrigin(token);
}
