/**
 * Cyrillic → Latin transliteration of Russian and Ukrainian names into one canonical reading each.
 * The reading does not have to be the spelling a bank uses: the phonetic skeleton (`phonetic-skeleton.ts`)
 * folds the other customary spellings (Sergey/Sergei/Serguei, Pyotr/Petr/Piotr …) onto the same key.
 */

export type CyrillicLanguage = 'ru' | 'uk';

/** Letters shared by both languages, transliterated as BGN/PCGN does (without its diacritics). */
const COMMON_LETTERS: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  д: 'd',
  ж: 'zh',
  з: 'z',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ъ: '',
  ю: 'yu',
  я: 'ya',
  ґ: 'g',
  ў: 'w',
};

const RUSSIAN_LETTERS: Readonly<Record<string, string>> = {
  г: 'g',
  е: 'e',
  ё: 'yo',
  и: 'i',
  й: 'y',
  ы: 'y',
  э: 'e',
  // Ukrainian and Belarusian letters met in an otherwise Russian reading.
  і: 'i',
  ї: 'yi',
  є: 'ye',
};

const UKRAINIAN_LETTERS: Readonly<Record<string, string>> = {
  г: 'h',
  е: 'e',
  є: 'ye',
  и: 'y',
  і: 'i',
  ї: 'yi',
  й: 'y',
  ё: 'yo',
  ы: 'y',
  э: 'e',
};

/** Letters only Ukrainian uses (і ї є ґ): their presence settles the reading. */
const UKRAINIAN_ONLY = /[іїєґ]/;
/** Letters only Russian uses (ё ы э ъ). */
const RUSSIAN_ONLY = /[ёыэъ]/;
const CYRILLIC_VOWELS = 'аеёиоуыэюяєіїaeiouy';

/** True when `text` contains at least one Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}

/**
 * Transliterates lower-case Cyrillic text (other characters pass through) in one language's reading.
 * Russian е is "ye" at the start of a word and after a vowel or a soft/hard sign (Yelena, Andreyev), else "e";
 * the adjective endings -ий/-ый become "iy"/"y" (Dmitriy, Dostoyevskiy → the skeleton folds -i/-y/-iy/-ii).
 */
export function transliterateCyrillic(text: string, language: CyrillicLanguage): string {
  const letters = language === 'uk' ? UKRAINIAN_LETTERS : RUSSIAN_LETTERS;
  const chars = Array.from(text.toLowerCase());
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] ?? '';
    const previous = i > 0 ? (chars[i - 1] ?? '') : '';
    const next = chars[i + 1] ?? '';
    const atWordStart = previous === '' || !/\p{L}/u.test(previous);
    const afterVowelOrSign = previous !== '' && (CYRILLIC_VOWELS.includes(previous) || previous === 'ь' || previous === 'ъ');
    const atWordEnd = next === '' || !/\p{L}/u.test(next);
    if (char === 'е' && language === 'ru' && (atWordStart || afterVowelOrSign)) {
      out += 'ye';
    } else if (char === 'й' && atWordEnd && (previous === 'и' || previous === 'ы') && language === 'ru') {
      // -ий → "iy", -ый → "y" (the ы already wrote "y")
      out += previous === 'и' ? 'y' : '';
    } else if (char === 'и' && language === 'uk' && atWordStart) {
      out += 'y';
    } else {
      out += COMMON_LETTERS[char] ?? letters[char] ?? char;
    }
  }
  return out;
}

/**
 * The readings worth comparing for a Cyrillic name: Ukrainian when Ukrainian-only letters are present, Russian when
 * Russian-only letters are, otherwise Russian first and, when the text has a г (g in Russian, h in Ukrainian),
 * the Ukrainian reading as well. One or two strings, never empty for Cyrillic input.
 */
export function cyrillicReadings(text: string): Array<{ language: CyrillicLanguage; text: string }> {
  const lower = text.toLowerCase();
  if (UKRAINIAN_ONLY.test(lower)) return [{ language: 'uk', text: transliterateCyrillic(lower, 'uk') }];
  const russian = { language: 'ru' as const, text: transliterateCyrillic(lower, 'ru') };
  if (RUSSIAN_ONLY.test(lower) || !lower.includes('г')) return [russian];
  return [russian, { language: 'uk', text: transliterateCyrillic(lower, 'uk') }];
}
