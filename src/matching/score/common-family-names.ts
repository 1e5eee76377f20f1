import type { CanonicalEntity } from '../../model/entity';
import type { IndexedForm } from '../index/build-name-index';
import type { NameToken } from '../normalize/name-tokens';

/**
 * Which family names are too common for an initial to say whose name it is ("A. Kim" could be anyone), by the lists'
 * own statistics as issue 11 asks: a family name carried by `COMMON_AMONG_LISTED` listed persons or more, and the
 * given names that serve as family names everywhere (Ali, Hussein).
 */

/** A family name on this many listed persons is common, whatever else is known of it. */
export const COMMON_AMONG_LISTED = 3;

/**
 * True when `token` is common whatever the list: one of the given names that serve as family names the world over
 * (Ali, Mohammed, Hussein: the `common` role of `name-part-weights.ts`).
 */
function isCommonByOrigin(token: NameToken): boolean {
  return token.role === 'common';
}

/**
 * The check for one list: common by origin, or the family name (by skeleton) of enough listed persons, counted on
 * their primary names (an alias such as "Abu Adam" names no family).
 */
export function commonFamilyNames(forms: readonly IndexedForm[], entities: readonly CanonicalEntity[]): (token: NameToken) => boolean {
  const holders = new Map<string, Set<number>>();
  for (const { entityIndex, nameIndex, form } of forms) {
    if (entities[entityIndex]?.names[nameIndex]?.kind !== 'primary') continue;
    const family = form.tokens[form.familyIndex];
    if (!family) continue;
    let holding = holders.get(family.skeleton);
    if (!holding) holders.set(family.skeleton, (holding = new Set()));
    holding.add(entityIndex);
  }
  const common = new Set<string>();
  for (const [skeleton, holding] of holders) if (holding.size >= COMMON_AMONG_LISTED) common.add(skeleton);
  return (token) => common.has(token.skeleton) || isCommonByOrigin(token);
}
