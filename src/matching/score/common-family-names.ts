import type { CanonicalEntity } from '../../model/entity';
import type { IndexedForm } from '../index/build-name-index';
import { isCommonNameSyllable } from '../normalize/korean-romanization-classes';
import type { NameToken } from '../normalize/name-tokens';
import { phoneticSkeleton } from '../normalize/phonetic-skeleton';

/**
 * Which family names are too common for an initial to say whose name it is ("A. Kim" could be anyone): by the
 * lists' own counts (a family name carried by `COMMON_AMONG_LISTED` listed persons or more), by the part's role (the
 * common Arabic given names that serve as family names), one-syllable Korean family names (a few hundred names for
 * a whole nation), and a short table of the commonest family names of the origins a screening sees.
 */

/** A family name on this many listed persons is common, whatever else is known of it. */
export const COMMON_AMONG_LISTED = 3;

/** The commonest family names of Chinese, Vietnamese, Russian, South Asian and English origin (by skeleton). */
const COMMON_BY_ORIGIN: ReadonlySet<string> = new Set(
  [
    'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo',
    'he', 'lin', 'luo', 'gao', 'nguyen', 'tran', 'le', 'pham', 'ivanov', 'ivanova', 'smirnov', 'smirnova', 'kuznetsov',
    'popov', 'petrov', 'sokolov', 'volkov', 'khan', 'singh', 'kumar', 'shah', 'patel', 'smith', 'jones', 'brown',
    'johnson', 'williams', 'garcia', 'martinez', 'rodriguez', 'lopez', 'gonzalez', 'hernandez', 'muller', 'martin',
  ].map(phoneticSkeleton),
);

/** True when `token` is common by origin alone (see the module comment), without the lists' counts. */
export function isCommonByOrigin(token: NameToken): boolean {
  if (token.role === 'common') return true;
  const syllable = token.koreanSyllableKeys[0];
  if (token.koreanSyllables === 1 && syllable !== undefined && isCommonNameSyllable(syllable)) return true;
  return COMMON_BY_ORIGIN.has(token.skeleton);
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
