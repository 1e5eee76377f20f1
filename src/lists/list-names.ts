import type { EntityName, Script } from '../model/entity';
import { normalizeUnNameKeepingRaw } from './un/normalize-un-text';

/**
 * A name as a list publishes it (UN, OFAC, UK alike): whitespace and apostrophe noise normalized, the published
 * value kept in `raw` when it differs, its script detected, origin `source`. Undefined for a blank value.
 */
export function listName(
  published: string | undefined,
  fields: Pick<EntityName, 'kind'> & Partial<Pick<EntityName, 'quality' | 'note' | 'language'>>,
): EntityName | undefined {
  const normalized = normalizeUnNameKeepingRaw(published);
  if (normalized === undefined) return undefined;
  return {
    name: normalized.value,
    ...(fields.language !== undefined ? { language: fields.language } : {}),
    ...(normalized.raw !== undefined ? { raw: normalized.raw } : {}),
    kind: fields.kind,
    ...(fields.quality !== undefined ? { quality: fields.quality } : {}),
    script: detectScript(normalized.value),
    origin: 'source',
    ...(fields.note !== undefined ? { note: fields.note } : {}),
  };
}

/** Scripts told apart in names, most specific first; a name gets the script most of its letters belong to. */
const SCRIPT_LETTERS: ReadonlyArray<readonly [Script, RegExp]> = [
  ['arabic', /\p{Script=Arabic}/gu],
  ['cyrillic', /\p{Script=Cyrillic}/gu],
  ['hangul', /\p{Script=Hangul}/gu],
  ['han', /\p{Script=Han}/gu],
  ['latin', /\p{Script=Latin}/gu],
];

/** The script most letters of `text` are written in; `other` when none of the known scripts has a letter. */
export function detectScript(text: string): Script {
  let best: Script = 'other';
  let bestCount = 0;
  for (const [script, letters] of SCRIPT_LETTERS) {
    const count = text.match(letters)?.length ?? 0;
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}
