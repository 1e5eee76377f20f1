/**
 * The phonetic skeleton every Latin name part is compared by, whatever its language (Russian, Arabic, Korean,
 * Western or an organization word): equal skeletons mean "the same name in another transliteration". The rules
 * were drawn from the customary transliterations of Cyrillic, on which they fold one spelling's variants —
 * Sergei/Sergey/Serguei/Sergej, Pyotr/Petr/Piotr, Artem/Artyom/Artiom, Natalia/Natalya/Nataliya/Natalja,
 * Yuri/Yury/Yuriy/Iurii, Tkachuk/Tkatchouk/Tkatschuk, Khodorkovsky/Hodorkovskiy, Yevgeny/Evgeniy/Jewgeni,
 * Aleksei/Alexey, Andreyev/Andreev, Smirnov/Smirnoff — without any list of names; the folds themselves (ph = f,
 * kh = h, doubled letters as one) hold for every Latin spelling. Russian-only keys live in `slavic-name-keys.ts`.
 */

/** Consonant letters and the placeholders the rules below introduce (C=ч, X=ш/ж, Q=щ, H=х, Z=ц). */
const CONSONANT = '[bcdfghjklmnpqrstvxzCXQHZ]';

/** Ordered rewrite rules. Each later rule sees the output of the earlier ones. */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Letters with one customary equivalent.
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  // щ: shch (English), schtsch (German), shtch (French)
  [/schtsch|shtch|shch/g, 'Q'],
  // ч: tsch (German), tch (French), cz (Polish), ch (English)
  [/tsch/g, 'C'],
  // ш: sch (German), sh (English), sz (Polish)
  [/sch|sh|sz/g, 'X'],
  [/tch|cz|ch/g, 'C'],
  // ж: zh (German writes it sch like ш, so ж and ш share a symbol); х: kh and h are one letter (Khodorkovsky/Hodorkovsky)
  [/zh/g, 'X'],
  [/kh|h/g, 'H'],
  // ц: ts, tz; c before e/i/y otherwise k
  [/ts|tz/g, 'Z'],
  [/ck/g, 'k'],
  [/c/g, 'k'],
  // й inside a word written j (ISO 9, German, Polish): Ajjub/Ayyub, Nikolajewitsch
  [/(?<=.)j/g, 'y'],
  // French gu before e/i (Serguei), French ou (Tkatchouk)
  [/gu(?=[eiy])/g, 'g'],
  [/ou/g, 'u'],
  // е at the start: Yevgeny/Evgeny/Jewgeni, Yelena/Elena
  [/^(?:ye|je|ie)/, 'e'],
  // е after a consonant in Polish spelling: Siergiej/Sergei, Piotr stays (io is ё)
  [new RegExp(`(${CONSONANT})ie`, 'g'), '$1e'],
  // ё after a consonant: Pyotr/Piotr/Petr, Artyom/Artiom/Artem, Fyodor/Fedor, Semyon/Semen
  [new RegExp(`(${CONSONANT})(?:y|i|j)o(?=${CONSONANT})`, 'g'), '$1e'],
  // final й and the adjective endings: Sergei/Sergey/Sergej, Yuri/Yury/Yuriy/Iurii, -sky/-ski/-skiy/-skii
  [new RegExp(`(${CONSONANT})(?:iy|ii|ij|yi|yy|y|i)$`), '$1I'],
  [/([aeou])(?:iy|yi|y|j|i)$/, '$1I'],
  // ю/я at the start: Yuri/Iurii/Juri, Yakov/Iakov
  [/^(?:y|i)(?=[aeou])/, 'Y'],
  [/^j(?=u)/, 'Y'],
  // я/ю/ья after a consonant: Natalia/Natalya/Nataliya/Natalja, Lyudmila/Liudmila/Ludmila
  [new RegExp(`(${CONSONANT})(?:iy|ii|ij|y|j|i)(?=[aeou])`, 'g'), '$1Y'],
  [new RegExp(`(${CONSONANT})Yu`, 'g'), '$1u'],
  // й before a consonant in Czech/Polish/German spelling: Chajka/Chaika, Majkov/Maikov
  [new RegExp(`([aeiou])j(?=${CONSONANT})`, 'g'), '$1i'],
  // е after a vowel: Andreyev/Andreev, Sergeyevich/Sergeevich
  [/([aeiou])[yj](?=e)/g, '$1'],
  // German/French -ow/-off: Smirnow/Smirnoff
  [/o(?:ff|f)$/, 'ov'],
  // The remaining y are и/ы (Mykola/Mikola, Tymoshenko/Timoshenko).
  [/[yYI]/g, 'i'],
  // Doubled letters carry no distinction across transliterations (Gennady/Genady, Kirill/Kiril, Anna/Ana).
  [/(.)\1+/g, '$1'],
];

/**
 * The phonetic skeleton of one lower-case Latin name part: equal skeletons mean "the same name written in another
 * transliteration". Tokens with characters outside a–z (digits, other scripts) are returned unchanged.
 * Pure and deterministic; never empty for a non-empty token.
 */
export function phoneticSkeleton(token: string): string {
  if (!/^[a-z]+$/.test(token)) return token;
  let skeleton = token;
  for (const [pattern, replacement] of RULES) skeleton = skeleton.replace(pattern, replacement);
  return skeleton.length > 0 ? skeleton : token;
}
