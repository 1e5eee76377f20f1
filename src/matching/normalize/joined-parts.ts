import { nameToken, type JoinedTokenAnalyzer, type NameToken } from './name-tokens';
import type { NameForm } from './name-forms';

/**
 * Parts written together: "Yongsik" for "Yong Sik", "Alqaida" for "Al Qaida", "Tehreekitaliban" for
 * "Tehreek-i-Taliban". Retrieval indexes the joined parts of list names and looks up those of the query
 * (`joinedParts`); the scorer tries whole forms with a run joined (`joinedVariants`). Both come from here, so
 * retrieval finds what the scorer can match.
 */

/** A name is split or joined at one place at most (Yongsik = Yong Sik, Alqaida = Al Qaida). */
export const MAX_JOINED_PARTS_PER_NAME = 6;

/** Longest run of adjacent parts written as one (Tehreekitaliban = Tehreek-i-Taliban). */
export const MAX_JOINED_RUN = 3;

/** Articles and kinship markers glued to the next part in some spellings (Al-Zandani = AlZandani, Abu-Ahmad = Abuahmad). */
const GLUEABLE_ROLES = new Set(['particle', 'kinship']);

/** One part standing for `parts` written together: Korean class from the written syllables, weights summed. */
function joinTokens(parts: readonly NameToken[], analyze: JoinedTokenAnalyzer): NameToken {
  let weight = 0;
  let hangul = false;
  // Parts read from another script join their first skeletons (عبد الله: "bd" + "l" meets Abdullah's "bdl").
  let crossScript: string | null = '';
  const texts: string[] = [];
  for (const part of parts) {
    weight += part.weight;
    hangul ||= part.hangul === true;
    const first = part.crossScript?.[0];
    crossScript = crossScript !== null && first !== undefined ? crossScript + first.replace(/^~/, '') : null;
    texts.push(part.text);
  }
  const features = analyze(texts);
  const loose = parts[0]?.crossScript?.[0]?.startsWith('~') === true;
  const joinedScript = crossScript === null ? null : [`${loose ? '~' : ''}${crossScript.replace(/(.)\1+/g, '$1')}`];
  return nameToken(texts.join(''), features, features.role, weight, hangul, joinedScript);
}

/** A part made by joining adjacent parts of a form, and which parts it joins. */
export interface JoinedPart {
  token: NameToken;
  /** Index in the form's tokens of the first part joined. */
  start: number;
  /** How many parts it joins (2 or 3). */
  length: number;
}

/**
 * The parts made by joining each run of two or three adjacent parts of a form ("yong sik" → "yongsik", "tehrik e
 * taliban" → "tehriketaliban"), weights summed: the joins `joinedVariants` scores, so that retrieval finds what the
 * scorer can match. A long name joins only its articles and kinship markers to the part after them
 * ("al tikriti" → "altikriti").
 */
export function joinedParts(form: NameForm, analyze: JoinedTokenAnalyzer): JoinedPart[] {
  const tokens = form.tokens;
  if (tokens.length < 2) return [];
  const parts: JoinedPart[] = [];
  if (tokens.length > MAX_JOINED_PARTS_PER_NAME) {
    for (let i = 0; i + 1 < tokens.length; i += 1) {
      const [first, second] = [tokens[i] as NameToken, tokens[i + 1] as NameToken];
      if (GLUEABLE_ROLES.has(first.role) && second.role !== 'acronym' && !GLUEABLE_ROLES.has(second.role)) {
        parts.push({ token: joinTokens([first, second], analyze), start: i, length: 2 });
      }
    }
    return parts;
  }
  for (let run = 2; run <= MAX_JOINED_RUN; run += 1) {
    for (let i = 0; i + run <= tokens.length; i += 1) {
      const joined = tokens.slice(i, i + run);
      if (joined.some((token) => token.role === 'acronym')) continue;
      parts.push({ token: joinTokens(joined, analyze), start: i, length: run });
    }
  }
  return parts;
}

function remapIndex(index: number, start: number, run: number): number {
  if (index < 0) return -1;
  if (index < start) return index;
  return index >= start + run ? index - (run - 1) : start;
}

/**
 * The variants of a form with parts written together: every run of two or three adjacent parts joined
 * ("yong sik" → "yongsik", "tehreek i taliban" → "tehreekitaliban"), and every article glued to the part after it
 * ("abd al meguid al zandani" → "abd almeguid alzandani"). A joined part keeps the summed weight of its parts.
 * Empty for a single part or a long name.
 */
export function joinedVariants(form: NameForm, analyze: JoinedTokenAnalyzer): NameForm[] {
  const tokens = form.tokens;
  if (tokens.length < 2) return [];
  const variants: NameForm[] = [];
  const glued: NameToken[] = [];
  let gluedAny = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as NameToken;
    const next = tokens[i + 1];
    if (GLUEABLE_ROLES.has(token.role) && next && next.role !== 'acronym' && !GLUEABLE_ROLES.has(next.role)) {
      glued.push(joinTokens([token, next], analyze));
      gluedAny = true;
      i += 1;
    } else {
      glued.push(token);
    }
  }
  if (gluedAny && glued.length > 1) {
    variants.push({ ...form, text: glued.map((token) => token.text).join(' '), tokens: glued, familyIndex: -1, givenIndex: -1 });
  }
  if (tokens.length > MAX_JOINED_PARTS_PER_NAME) return variants;
  for (let run = 2; run <= MAX_JOINED_RUN; run += 1) {
    for (let i = 0; i + run <= tokens.length; i += 1) {
      const joined = tokens.slice(i, i + run);
      if (joined.some((token) => token.role === 'acronym')) continue;
      const joinedTokens = [...tokens.slice(0, i), joinTokens(joined, analyze), ...tokens.slice(i + run)];
      variants.push({
        ...form,
        text: joinedTokens.map((token) => token.text).join(' '),
        tokens: joinedTokens,
        familyIndex: remapIndex(form.familyIndex, i, run),
        givenIndex: remapIndex(form.givenIndex, i, run),
      });
    }
  }
  return variants;
}
