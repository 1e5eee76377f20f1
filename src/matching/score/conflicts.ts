import type { NameForm } from '../normalize/name-forms';
import { compareQualifiers, placeQualifier, type OrganizationQualifier } from '../normalize/organization-words';
import { NAME_PART_WEIGHT } from './score-name-pair';
import type { PartAlignment } from './align-name-parts';

/**
 * Conflicts: what contradicts a name that otherwise matches. A birth year more than five years off, another
 * patronymic, a legal form of another family (AG vs GmbH), another place (Bank of China (Hong Kong) vs
 * (Singapore)). Each lowers the score by `CONFLICT_PENALTY` and makes the pair no match whatever its score; a
 * screening still returns the candidate when its name alone would match, with the conflicts named, so the analyst
 * decides (the decision is `review` at most).
 */

/** What one conflict takes from the score: enough to take an exact name well below the default threshold. */
export const CONFLICT_PENALTY = -0.3;

/** One conflict, as the explanation and the `conflicts` field name it. */
export interface Conflict {
  /** The feature it lowers: `birthDateAgreement`, `legalForm`, `patronymic`, `qualifier` (the last two in `nameConflict`). */
  feature: string;
  /** A few words an analyst reads, e.g. "patronymic differs (ivanevich vs viktorovich)". */
  phrase: string;
}

/**
 * A patronymic on each side, paired with nothing (not even a lossy romanization of the other): two fathers' names,
 * so two persons however alike the rest. A patronymic one side omits is no conflict.
 */
function unpairedPatronymic(form: NameForm, unmatched: readonly number[]): string | null {
  for (const index of unmatched) {
    const token = form.tokens[index];
    if (token?.role === 'patronymic') return token.text;
  }
  return null;
}

export function patronymicConflict(queryForm: NameForm, listForm: NameForm, alignment: PartAlignment): Conflict | null {
  const query = unpairedPatronymic(queryForm, alignment.unmatchedQuery);
  const list = query === null ? null : unpairedPatronymic(listForm, alignment.unmatchedList);
  if (query === null || list === null) return null;
  return { feature: 'patronymic', phrase: `patronymic differs (${query} vs ${list})` };
}

/** Place adjectives organizations' names use, read as the place (the Russian Export-Import Bank is Russia's). */
const PLACE_ADJECTIVES: ReadonlyMap<string, string> = new Map([
  ['russian', 'russia'],
  ['korean', 'korea'],
  ['chinese', 'china'],
]);

/**
 * The places an organization's form names: its qualifiers, and the words of its name left unpaired that name a place
 * (RUSSIAN Export-Import Bank against "Export-Import Bank of Korea").
 */
function placesNamed(form: NameForm, unpaired: readonly number[]): OrganizationQualifier[] {
  const places = [...form.qualifiers];
  for (const index of unpaired) {
    const token = form.tokens[index];
    if (!token || token.weight < NAME_PART_WEIGHT) continue;
    const place = placeQualifier([PLACE_ADJECTIVES.get(token.text) ?? token.text]);
    if (place) places.push(place);
  }
  return places;
}

/**
 * Two places that contradict (Bank of China (Hong Kong) vs (Singapore)): two branches, two organizations. For an
 * organization (`alignment` given) a place word of the name that pairs with nothing counts too: "Export-Import Bank
 * of Korea" is not the RUSSIAN EXPORT-IMPORT BANK.
 */
export function qualifierConflict(queryForm: NameForm, listForm: NameForm, alignment?: PartAlignment): Conflict | null {
  const query = alignment ? placesNamed(queryForm, alignment.unmatchedQuery) : queryForm.qualifiers;
  const list = alignment ? placesNamed(listForm, alignment.unmatchedList) : listForm.qualifiers;
  if (compareQualifiers(query, list) !== 'conflict') return null;
  const words = (places: readonly OrganizationQualifier[]): string => places.map((place) => place.words.join(' ')).join(', ');
  return { feature: 'qualifier', phrase: `place differs (${words(query)} vs ${words(list)})` };
}
