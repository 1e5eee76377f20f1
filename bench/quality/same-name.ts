/**
 * Whether a dev-set query and a listed name spell the same name: the rule `npm run bench:quality` uses to tell a true
 * listing from a false positive when a negative hits a list the dev set was not checked against (the full corpus).
 * Written for the benchmark only, and stricter than the matcher: a part more, a part less or another part is
 * another name, however close ("Reza Moradi" is not "Ali Reza MORADI", "Sarah Jones" is not "JONES, Sally").
 */
import { splitLegalForms } from '../../src/matching/normalize/legal-forms';
import { foldToken, LEGAL_FORM_WORDS, nameTokens } from './listed-name-index';
import { latinToCyrillic, transliterate } from './russian-transliteration';

/** The rule in one sentence, for the report. */
export const SAME_NAME_RULE =
  'the same name parts in the same order up to a rotation (family name first or last), each read into Latin letters and ' +
  'folded as the dev set folds spellings (Sergei = Sergey, Antonow = Antonov), ignoring legal forms, the spaces and ' +
  'hyphens between parts and the Arabic article al-; the listed name may carry one patronymic the query leaves out';

/** A Russian, Ukrainian or Belarusian patronymic (Valerievna, Kuzhugetovich, Anatoliyovych, Ilyinichna). */
const PATRONYMIC_ENDING = /(?:vich|vych|vna|ichna)$/;

/** The Arabic article, written apart ("Al-Hamdan"); the lists print it or leave it out at will. */
const ARTICLES = new Set(['al', 'el']);

/** Latin letters that Unicode does not decompose into a base letter and a mark (Aydın, Søren, Strauß). */
const UNDECOMPOSED_LETTERS: Readonly<Record<string, string>> = { ı: 'i', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th' };

/**
 * A name's parts in each spelling the benchmark reads it in: as written (Cyrillic in BGN, Hangul in RR), and a Latin
 * name also through the Cyrillic it may stand for (Antonow → Антонов → Antonov). Legal forms left out: those the
 * matcher reads at either end (splitLegalForms) and the dev set's legal-form and filler words anywhere.
 */
function spellings(name: string): string[][] {
  const forms = [name];
  if (/[A-Za-z]/.test(name)) forms.push(transliterate(latinToCyrillic(name), 'bgn'));
  return forms.map((form) => {
    const tokens = nameTokens(form).map((token) => token.replace(/[ıøßæœđðþ]/g, (letter) => UNDECOMPOSED_LETTERS[letter] ?? letter));
    // The matcher's legal forms first (spelled out: "Public Joint Stock Company"), then the dev set's words.
    return splitLegalForms(tokens)
      .kept.map((index) => tokens[index] ?? '')
      .filter((token) => token.length > 0 && !LEGAL_FORM_WORDS.has(token));
  });
}

/** The parts folded and joined, in every rotation, with and without the article. */
function joinedRotations(tokens: string[]): string[] {
  const keys: string[] = [];
  for (const variant of [tokens, tokens.filter((token) => !ARTICLES.has(token))]) {
    const folded = variant.map(foldToken).filter((token) => token.length > 0);
    for (let i = 0; i < folded.length; i++) keys.push([...folded.slice(i), ...folded.slice(0, i)].join(''));
  }
  return keys;
}

function patronymicsIn(tokens: string[]): number {
  return tokens.filter((token) => PATRONYMIC_ENDING.test(token)).length;
}

/**
 * The listed parts as they are and, when they look like more patronymics than the query writes, without each in
 * turn (at least two parts left): "Roman Abramovich" against "Roman Arkadyevich ABRAMOVICH".
 */
function withoutOnePatronymic(tokens: string[], queryPatronymics: number): string[][] {
  const variants = [tokens];
  if (tokens.length < 3 || patronymicsIn(tokens) <= queryPatronymics) return variants;
  tokens.forEach((token, i) => {
    if (PATRONYMIC_ENDING.test(token)) variants.push(tokens.filter((_, j) => j !== i));
  });
  return variants;
}

/**
 * True when `query` and `listed` spell the same name by {@link SAME_NAME_RULE}. Symmetric but for the patronymic:
 * only the listed name may carry one the query leaves out.
 */
export function sameName(query: string, listed: string): boolean {
  const querySpellings = spellings(query);
  const queryKeys = new Set(querySpellings.flatMap(joinedRotations));
  if (queryKeys.size === 0) return false;
  const queryPatronymics = Math.max(...querySpellings.map(patronymicsIn));
  for (const tokens of spellings(listed)) {
    for (const variant of withoutOnePatronymic(tokens, queryPatronymics)) {
      if (joinedRotations(variant).some((key) => queryKeys.has(key))) return true;
    }
  }
  return false;
}
