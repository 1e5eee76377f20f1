/**
 * Script-neutral text normalization: Unicode NFKC, case folding, apostrophe/quote/hyphen variants, Latin diacritics.
 * Cyrillic and Hangul letters pass through untouched (they are transliterated later, see
 * `transliterate-cyrillic.ts` and `romanize-hangul.ts`).
 */

/** Every apostrophe- or quote-like mark that can sit inside a name ("CH'OE SO’K MIN", «Ромашка», Ukrainian ’). */
const APOSTROPHES_AND_QUOTES = /['’‘‛ʼʻʹʽʾʿˈ`´′″‶″"“”„‟«»‹›〝〞＂＇׳״]/g;

/** Hyphens, dashes and minus signs of every width: they separate name parts. */
const HYPHENS_AND_DASHES = /[-‐‑‒–—―−﹘﹣－_]/g;

/** Latin letters that have no decomposition but a customary ASCII spelling. */
const LATIN_SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
  ŀ: 'l',
  // Caron and dot letters of scholarly (ISO 9) and Czech/Polish spellings of Russian names: Čajka = Chaika.
  č: 'ch',
  ć: 'ch',
  ĉ: 'ch',
  š: 'sh',
  ŝ: 'sh',
  ž: 'zh',
  ż: 'zh',
  ǆ: 'dzh',
};
const LATIN_SPECIAL_PATTERN = new RegExp(`[${Object.keys(LATIN_SPECIAL_LETTERS).join('')}]`, 'g');

/** Combining marks that follow a Latin base letter (é, ŏ, ŭ, ñ …); Cyrillic й/ё keep theirs. */
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

/** Anything that is not a letter, a digit or a space (after the steps above) separates name parts. */
const NON_NAME_CHARACTERS = /[^\p{L}\p{N}\s]/gu;

/** Dotted initialisms such as "S.A." or "U.A.E.": joined before dots become separators. */
const DOTTED_INITIALISM = /(?<![\p{L}\p{N}])((?:\p{L}\.){2,})(?![\p{L}\p{N}])/gu;

/**
 * Normalizes free text for comparison: NFKC, lower case, apostrophes and quotes removed (so "O'Brien" → "obrien"),
 * hyphens and punctuation turned into single spaces, diacritics stripped from Latin letters ("Ŏ" → "o").
 * Never transliterates another script and never reorders words. Idempotent.
 */
export function normalizeText(input: string): string {
  let text = input.normalize('NFKC').toLowerCase();
  text = text.replace(DOTTED_INITIALISM, (initialism) => initialism.replace(/\./g, ''));
  text = text.replace(APOSTROPHES_AND_QUOTES, '');
  text = text.replace(HYPHENS_AND_DASHES, ' ');
  text = stripLatinDiacritics(text);
  text = text.replace(NON_NAME_CHARACTERS, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

/** Removes diacritics from Latin letters only ("Hyŏn" → "Hyon", "Müller" → "Muller"); other scripts are untouched. */
export function stripLatinDiacritics(text: string): string {
  const fold = (value: string): string => value.replace(LATIN_SPECIAL_PATTERN, (letter) => LATIN_SPECIAL_LETTERS[letter] ?? letter);
  // Folded before the marks go (č → ch, not c) and again after (ǣ → æ → ae, ǿ → ø → o), so the result is final.
  return fold(fold(text).normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC'));
}

