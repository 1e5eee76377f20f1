import fc from 'fast-check';
import type { CanonicalEntity, EntityType } from '../../src/model/entity';
import { entity } from './fixtures';

/**
 * Random names for property tests: words of the origins the list holds (Korean syllables, Russian names and a
 * patronymic, Arabic particles and kinship words) mixed with random Latin words, and queries edited from a listed
 * name the way a bank writes it, so that most queries meet the name they were made from.
 */

/** Name-like words: listed-name parts of several origins and roles, and random Latin words of two to nine letters. */
export const word = fc.oneof(
  fc.constantFrom(
    'pak', 'kim', 'ri', 'choe', 'yong', 'sik', 'chol', 'nam', 'sergei', 'tkachuk', 'natalia', 'popov', 'al', 'abu',
    'viktorovich', 'trading', 'bank',
  ),
  fc.stringMatching(/^[a-z]{2,9}$/),
);

/** One to five name-like words. */
export const nameLike = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));

/**
 * A query made from a listed name by `choices` (one per part, cycling): 1 drops the part, 2 changes its third
 * letter, 3 puts another word in its place, anything else keeps it; an odd first choice also reverses the order.
 */
export function editedName(name: string, choices: readonly number[]): string {
  const parts = name.split(' ');
  const out: string[] = [];
  parts.forEach((part, index) => {
    const choice = choices[index % choices.length] ?? 0;
    if (choice === 1 && parts.length > 1) return;
    if (choice === 2 && part.length > 3) out.push(part.slice(0, 2) + (part[2] === 'a' ? 'e' : 'a') + part.slice(3));
    else if (choice === 3) out.push('yong');
    else out.push(part);
  });
  return (choices[0] ?? 0) % 2 === 0 ? out.join(' ') : out.reverse().join(' ');
}

/** Edit choices for `editedName`. */
export const editChoices = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 5 });

/** A list of entities, one name each, `own-0`, `own-1` …, of the given type (persons by default). */
export function listOf(names: readonly string[], type: EntityType = 'person', countries: string[] = []): CanonicalEntity[] {
  return names.map((primary, index) => entity({ id: `own-${index}`, type, primary, countries }));
}

/** A small random list and a query edited from one of its names. */
export const listAndQuery = fc
  .record({
    names: fc.array(nameLike, { minLength: 1, maxLength: 6 }),
    pick: fc.nat(),
    choices: editChoices,
    type: fc.constantFrom<EntityType>('person', 'organization'),
    korean: fc.boolean(),
  })
  .map(({ names, pick, choices, type, korean }) => ({
    entities: listOf(names, type, korean ? ['KP'] : []),
    query: editedName(names[pick % names.length] ?? '', choices),
  }));
