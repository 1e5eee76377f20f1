import { phoneticSkeleton } from './phonetic-skeleton';

/**
 * Keys that only Russian (and Ukrainian) names written in Latin letters have: the French reading of j as ж, the
 * patronymic ending, and a loose key on which the German, French, Polish and English romanizations of one Russian
 * name agree. Each is null (or false) for a part without the feature.
 */

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
