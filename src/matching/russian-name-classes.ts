/**
 * Russian (and Ukrainian) romanization equivalence classes by rule: a Latin name part is folded to a phonetic
 * skeleton on which the customary transliterations of one Cyrillic spelling agree —
 * Sergei/Sergey/Serguei/Sergej, Pyotr/Petr/Piotr, Artem/Artyom/Artiom, Natalia/Natalya/Nataliya/Natalja,
 * Yuri/Yury/Yuriy/Iurii, Tkachuk/Tkatchouk/Tkatschuk, Khodorkovsky/Hodorkovskiy, Yevgeny/Evgeniy/Jewgeni,
 * Aleksei/Alexey, Andreyev/Andreev, Smirnov/Smirnoff — without any list of names.
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

/**
 * The skeleton of a part read in French transliteration, where j is ж (Ejov = Ezhov, Jukov = Zhukov, Djougachvili =
 * Dzhugashvili) while German and Polish write й as j: null unless the part has a j and a Russian spelling or ending,
 * or when the French reading changes nothing. Compared with the other part's plain skeleton (see `compareParts`).
 */
export function frenchSkeleton(token: string): string | null {
  if (!token.includes('j') || !/^[a-z]+$/.test(token) || !hasSlavicSpelling(token)) return null;
  // French: j is ж, dj is дж, ch is ш (tch is ч).
  const french = phoneticSkeleton(token.replace(/dj/g, 'dzh').replace(/j/g, 'zh').replace(/(?<!t)ch/g, 'sh'));
  return french === phoneticSkeleton(token) ? null : french;
}

/** Russian and Ukrainian patronymic endings (Viktorovich, Sergeyevna, Ilyich, Petrivna, Mykolayovych). */
const PATRONYMIC_ENDING = /(?:ovich|evich|ovych|evych|owicz|ewicz|ovic|evic|ovna|evna|owna|ewna|ivna|ichna|ilyich|ich)$/;

/** Shortest token that can carry a patronymic ending (shorter ones such as "ich" are not patronymics). */
const MIN_PATRONYMIC_LENGTH = 6;

/** True when a Latin token has the shape of a Russian/Ukrainian patronymic. Position is judged by the caller. */
export function hasPatronymicEnding(token: string): boolean {
  return token.length >= MIN_PATRONYMIC_LENGTH && PATRONYMIC_ENDING.test(token);
}

/**
 * Spelling features of a Russian name romanized by some European system (German w/sch/tsch, Polish cz/sz/wicz,
 * French ou/tch, English kh/zh) or of a typical Russian, Ukrainian or Caucasian name ending.
 */
const SLAVIC_MARKER =
  /sch|tch|cz|sz|zh|kh|w|ij|(?<=.)j[aeou]|(?:ov|ev|ow|ew|off|ova|eva|owa|ewa|sky|ski|skiy|skii|vich|vych|witsch|wicz|vitch|enko|uk|yuk|chuk|shvili|schwili|vili|dze|yan|ian|aev|iev|ajew|ijew)$/;

/** Shortest part, and shortest loose key, compared by loose key: shorter ones collide by chance. */
const MIN_LOOSE_LENGTH = 5;

/** Ordered rules of the loose key: every European spelling of one Russian sound lands on one symbol. */
const LOOSE_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/ph/g, 'f'],
  [/q|ck/g, 'k'],
  // щ ш ж ч х in English, German, French, Polish and ISO spellings: one hushing/guttural class
  [/schtsch|shtch|chtch|szcz|shch|tsch|tch|cz|sch|sh|sz|zh|rz|kh|ch|h/g, 'X'],
  // ц
  [/ts|tz|c/g, 'Z'],
  // з/с voicing (German writes з as s: Gasijew = Gaziev)
  [/z/g, 's'],
  // vowels and glides: only where they are, not which
  [/[aeiouyj]+/g, 'V'],
  [/(.)\1+/g, '$1'],
];

/**
 * A loose key on which the German (Duden), French, Polish, scholarly and English romanizations of one Russian name
 * agree (Tarchan/Tarkhan, Gasijew/Gaziev, Goutchaiev/Guchaev, Wachitow/Vakhitov), or null for a part too short
 * to compare so loosely. Only meaningful when one of the two parts shows Russian spelling (`hasSlavicSpelling`).
 */
export function looseSlavicKey(token: string): string | null {
  if (token.length < MIN_LOOSE_LENGTH || !/^[a-z]+$/.test(token)) return null;
  let key = token;
  for (const [pattern, replacement] of LOOSE_RULES) key = key.replace(pattern, replacement);
  return key.length >= MIN_LOOSE_LENGTH ? key : null;
}

/** True when a lower-case Latin part shows a Russian romanization or a Russian/Caucasian name ending. */
export function hasSlavicSpelling(token: string): boolean {
  return SLAVIC_MARKER.test(token);
}
