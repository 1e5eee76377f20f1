import type { CanonicalEntity, IdentifierScheme } from '../../model/entity';
import { normalizeIdentifier, type NormalizedIdentifier } from '../normalize/normalize-identifier';
import { pushToGroup } from './collections';

/**
 * The identifier index, built once per entity set beside the name index: every list identifier that has a
 * `scheme`, normalized (see `normalize-identifier.ts`), looked up exactly by scheme and value, so a query's IMO
 * number or passport finds its entity whatever name it gives. Identifiers without a scheme take no part. A list IMO
 * number that fails its check digit is kept as written: lists have typos, and such a number can still contradict a
 * query's (it never agrees with one, since a query's must check).
 */

export interface IdentifierIndex {
  /** `identifierKey(scheme, value)` → indices of the entities holding it, ascending, each once. */
  readonly byValue: ReadonlyMap<string, readonly number[]>;
  /** Per entity: its identifiers with a scheme, normalized (an empty array when it has none). */
  readonly ofEntity: ReadonlyArray<readonly NormalizedIdentifier[]>;
}

const NONE: readonly NormalizedIdentifier[] = Object.freeze([]);

/** The lookup key of a normalized identifier value (the country is compared afterwards). */
export function identifierKey(scheme: IdentifierScheme, value: string): string {
  return `${scheme} ${value}`;
}

/** Builds the index over every entity's identifiers that have a scheme. Pure: never mutates the entities. */
export function buildIdentifierIndex(entities: readonly CanonicalEntity[]): IdentifierIndex {
  const byValue = new Map<string, number[]>();
  const ofEntity: Array<readonly NormalizedIdentifier[]> = [];
  entities.forEach((entity, entityIndex) => {
    const normalized: NormalizedIdentifier[] = [];
    for (const identifier of entity.identifiers) {
      if (identifier.scheme === undefined) continue;
      const ready = normalizeIdentifier({ scheme: identifier.scheme, value: identifier.value, country: identifier.country });
      if (!ready) continue;
      normalized.push(ready);
      pushToGroup(byValue, identifierKey(ready.scheme, ready.value), entityIndex);
    }
    ofEntity.push(normalized.length > 0 ? normalized : NONE);
  });
  return { byValue, ofEntity };
}

/** The entities holding one of these identifiers' values (whatever the country), ascending, each once. */
export function entitiesHolding(index: IdentifierIndex, identifiers: readonly NormalizedIdentifier[]): number[] {
  const found = new Set<number>();
  for (const identifier of identifiers) {
    for (const entityIndex of index.byValue.get(identifierKey(identifier.scheme, identifier.value)) ?? []) found.add(entityIndex);
  }
  return [...found].sort((a, b) => a - b);
}
