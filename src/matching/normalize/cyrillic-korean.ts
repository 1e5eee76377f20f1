import { MAX_KOREAN_SYLLABLES, koreanSyllableKeysOfParts } from './korean-romanization-classes';
import { romanizeHangulSyllable } from './romanize-hangul';

/**
 * Korean names written in Cyrillic, read back as Korean. Russian records write a North Korean name by the
 * Kontsevich system (https://en.wikipedia.org/wiki/Kontsevich_system: ㄱ К-/-г-/-к, ㄷ Т-/-д-, ㅂ П-/-б-, ㅈ Ч/-дж-,
 * ㅊ Чх, ㅋ Кх, ㅌ Тх, ㅍ Пх, ㄹ -р-/-ль, ㅇ as a final -н (-нъ before a vowel); ㅓ о, ㅕ ё, ㅡ ы, ㅐ э, ㅔ е, ㅚ ве,
 * ㅘ ва, ㅝ во, ㅟ ви, ㅢ ый) or by older common practice (Ли for 리/이, Чжон and Чен for 정, Ир for 일 as in
 * Ким Ир Сен, ё written е, у for ㅡ), and Koryo-saram records keep their own dialect spellings (Цой = 최, and a dental
 * before an iotated vowel for ㅈ: Тен = 정, Тян = 장, Тё = 조).
 *
 * Each word is parsed into syllables (onset + vowel + optional final, at most `MAX_KOREAN_SYLLABLES`), every syllable
 * is mapped to the Hangul syllables it can stand for and those are written by `romanizeHangulSyllable(…, 'mr')`, so
 * a reading is spelled exactly as the Hangul path spells the same name and folds to the same class keys as the UN's
 * McCune–Reischauer spelling. The ambiguities are ranked, never guessed away: final н is ㅇ or ㄴ (Ён = 영 or 연),
 * е after a consonant is ㅕ, ㅓ or ㅐ/ㅖ, ы alone may be 의. Kontsevich writes a joined given name as it is pronounced,
 * so a final and the next onset may be assimilated (Чуллён = 준룡, Сонмин = 석민): see `ASSIMILATIONS`.
 */

/** Readings returned when the caller does not say how many. */
export const DEFAULT_KOREAN_READINGS = 8;

/** Readings kept per word and in all: twice what the matcher asks for, few enough that a cold word stays cheap. */
const MAX_READINGS = 16;

/** Longer than any name part of `MAX_KOREAN_SYLLABLES` syllables as Russian writes them: not read at all. */
const MAX_WORD_LENGTH = 24;

// Jamo in the order of the Unicode syllable arithmetic (the same order as `romanize-hangul.ts`).
const INITIAL_JAMO = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const MEDIAL_JAMO = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
// Index 0 is "no final".
const FINAL_JAMO = '·ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';
const SYLLABLE_BASE = 0xac00;

/** How an onset colours the vowel after it (only the e-like and iotated vowels care). */
type OnsetGroup = 'zero' | 'plain' | 'palatal' | 'dental';

interface Onset {
  spelling: string;
  initial: string;
  group: OnsetGroup;
  /** The initial a dental stands for before an iotated vowel in Koryo spelling (Тен = 정). */
  palatalized?: string;
}

/**
 * Onsets, longest spelling first. Voiced г, д, б are Kontsevich's medial ㄱ, ㄷ, ㅂ, but a given name's syllables are
 * written apart (Ким Гён Хи), so they start words too. ч and ц stand for ㅈ and ㅊ alike (one class in every
 * romanization); ш for ㅅ (Шин = 신). A lone в, ж, з, ф, щ or й is never an onset: в only begins a w-vowel (Хван).
 */
const ONSETS: readonly Onset[] = [
  { spelling: 'чж', initial: 'ㅈ', group: 'palatal' },
  { spelling: 'дж', initial: 'ㅈ', group: 'palatal' },
  { spelling: 'чх', initial: 'ㅊ', group: 'palatal' },
  { spelling: 'чч', initial: 'ㅉ', group: 'palatal' },
  { spelling: 'кх', initial: 'ㅋ', group: 'plain' },
  { spelling: 'кк', initial: 'ㄲ', group: 'plain' },
  { spelling: 'тх', initial: 'ㅌ', group: 'dental', palatalized: 'ㅊ' },
  { spelling: 'тт', initial: 'ㄸ', group: 'dental', palatalized: 'ㅉ' },
  { spelling: 'пх', initial: 'ㅍ', group: 'plain' },
  { spelling: 'пп', initial: 'ㅃ', group: 'plain' },
  { spelling: 'сс', initial: 'ㅆ', group: 'palatal' },
  { spelling: 'к', initial: 'ㄱ', group: 'plain' },
  { spelling: 'г', initial: 'ㄱ', group: 'plain' },
  { spelling: 'н', initial: 'ㄴ', group: 'plain' },
  { spelling: 'т', initial: 'ㄷ', group: 'dental', palatalized: 'ㅈ' },
  { spelling: 'д', initial: 'ㄷ', group: 'dental', palatalized: 'ㅈ' },
  { spelling: 'р', initial: 'ㄹ', group: 'plain' },
  { spelling: 'л', initial: 'ㄹ', group: 'plain' },
  { spelling: 'м', initial: 'ㅁ', group: 'plain' },
  { spelling: 'п', initial: 'ㅂ', group: 'plain' },
  { spelling: 'б', initial: 'ㅂ', group: 'plain' },
  { spelling: 'с', initial: 'ㅅ', group: 'palatal' },
  { spelling: 'ш', initial: 'ㅅ', group: 'palatal' },
  { spelling: 'ч', initial: 'ㅈ', group: 'palatal' },
  { spelling: 'ц', initial: 'ㅊ', group: 'palatal' },
  { spelling: 'х', initial: 'ㅎ', group: 'plain' },
  { spelling: '', initial: 'ㅇ', group: 'zero' },
];

/** Marks a vowel reading that turns a dental onset into its palatalized initial. */
const PALATALIZE = 'ʲ';

/** The Hangul vowels a spelling stands for, most plausible first, in an open syllable and before a final. */
interface VowelChoices {
  open: readonly string[];
  closed: readonly string[];
}
type VowelReadings = Readonly<Record<OnsetGroup, VowelChoices>>;

function everywhere(...medials: string[]): VowelReadings {
  const choices = { open: medials, closed: medials };
  return { zero: choices, plain: choices, palatal: choices, dental: choices };
}

/**
 * An iotated vowel: after ч/чж/с the glide is not a separate sound (Чжё = 저, Сю = 수), and a dental before it is
 * the Koryo ㅈ (Тян = 장, Тё = 조): modern Korean names have no 뎌, 탸 or 듀.
 */
function iotated(withGlide: string, withoutGlide: string): VowelReadings {
  return {
    zero: { open: [withGlide], closed: [withGlide] },
    plain: { open: [withGlide], closed: [withGlide] },
    palatal: { open: [withoutGlide], closed: [withoutGlide] },
    dental: { open: [`${PALATALIZE}${withoutGlide}`], closed: [`${PALATALIZE}${withoutGlide}`] },
  };
}

/**
 * Vowel spellings, longest first. о is ㅓ or ㅗ and у/ы are ㅜ/ㅡ: McCune–Reischauer without breves writes each pair
 * alike, so one of each is enough. е is the common-practice spelling of several vowels: at the start of a syllable
 * ㅕ (Ен = 영) or ㅖ; after ч, с, т before a final ㅓ (Чен = 정, Сен = 성, Тен = 정), open ㅐ (Чже = 재, Се = 세);
 * after other consonants before a final ㅕ (Хен = 현, Пен = 평), open ㅐ or ㅖ (Хе = 해, 혜). ой is the Koryo
 * spelling of ㅚ (Цой = 최); a lone Ы is also 의 (Пак Ы Чхун = 박의춘).
 */
const VOWELS: ReadonlyArray<readonly [string, VowelReadings]> = [
  ['ой', everywhere('ㅚ')],
  ['ый', everywhere('ㅢ')],
  ['ва', everywhere('ㅘ')],
  ['вэ', everywhere('ㅙ')],
  ['ве', everywhere('ㅚ')],
  ['во', everywhere('ㅝ')],
  ['ви', everywhere('ㅟ')],
  ['а', everywhere('ㅏ')],
  ['о', everywhere('ㅓ')],
  ['у', everywhere('ㅜ')],
  ['ы', { ...everywhere('ㅡ'), zero: { open: ['ㅡ', 'ㅢ'], closed: ['ㅡ'] } }],
  ['и', everywhere('ㅣ')],
  ['э', everywhere('ㅐ')],
  ['я', iotated('ㅑ', 'ㅏ')],
  ['ё', iotated('ㅕ', 'ㅓ')],
  ['ю', iotated('ㅠ', 'ㅜ')],
  [
    'е',
    {
      zero: { open: ['ㅕ', 'ㅖ'], closed: ['ㅕ'] },
      plain: { open: ['ㅐ', 'ㅖ'], closed: ['ㅕ', 'ㅓ'] },
      palatal: { open: ['ㅐ', 'ㅓ'], closed: ['ㅓ', 'ㅐ'] },
      dental: { open: ['ㅐ', `${PALATALIZE}ㅓ`], closed: [`${PALATALIZE}ㅓ`, 'ㅐ'] },
    },
  ],
];

/** Sentinel for the final н, which is ㅇ or ㄴ depending on the syllable (see `nasalFinals`). */
const NASAL = 'н';

interface Coda {
  spelling: string;
  finals: readonly string[];
  /** Old common practice writes ㄹ as р only in a syllable written alone (Ким Ир Сен); in a longer word р is Russian. */
  aloneOnly?: boolean;
}

/** Finals, longest spelling first; нъ is Kontsevich's explicit ㅇ before a vowel. */
const CODAS: readonly Coda[] = [
  { spelling: 'нъ', finals: ['ㅇ'] },
  { spelling: 'ль', finals: ['ㄹ'] },
  { spelling: 'н', finals: [NASAL] },
  { spelling: 'л', finals: ['ㄹ'] },
  { spelling: 'р', finals: ['ㄹ'], aloneOnly: true },
  { spelling: 'м', finals: ['ㅁ'] },
  { spelling: 'п', finals: ['ㅂ'] },
  { spelling: 'к', finals: ['ㄱ'] },
  { spelling: 'т', finals: ['ㄷ'] },
  { spelling: '', finals: [''] },
];

/**
 * Where ㄴ is the likelier final of a Cyrillic н: after ㅜ, ㅠ, ㅣ, ㅝ (순, 윤, 인, 권: 숭, 융, 잉 are rare in names) and in
 * the common ㄴ syllables whose ㅇ twin is rarer (한, 안, 만, 난, 판, 란, 은, 근). Everywhere else ㅇ comes first:
 * 영, 성, 정, 명, 룡, 현/형, 강, 장, 방, 황, 광, 승, 흥 outnumber their ㄴ twins in DPRK names.
 */
const N_FIRST_MEDIALS = 'ㅜㅠㅣㅝ';
const N_FIRST_SYLLABLES = new Set(Array.from('한안만난판란은근'));

/** A final and the next onset as written, read as the final and onset they were assimilated from. */
interface Assimilation {
  final: string;
  /** The onset the next syllable stands for instead of the one written. */
  initial: string;
}

/**
 * Within one word, a final + onset pair written by its pronunciation (the Kontsevich rules for consonants at a
 * syllable boundary) and the Hangul pairs it may stand for besides the literal one, likelier first: ㄴ and ㄹ meet as
 * лл (준룡 Чжуллён, 철남 Чхоллам); ㄱ before ㄴ/ㅁ is н and ㄹ after ㅇ/ㄱ is н (석민 Сонмин, 영림 Ённим, 학림 Ханним);
 * ㅂ before ㄴ/ㅁ is м and ㄹ after ㅁ/ㅂ is н (법명 Поммён, 삼룡 Самнён). A writer who keeps the final as spelled
 * still hears ㄹ as н (극렬 Кукнёль), so н after к and п may be ㄹ too; after ㄴ or ㄹ it never is (those give лл).
 */
const ASSIMILATIONS: ReadonlyMap<string, readonly Assimilation[]> = new Map([
  [
    'лл',
    [
      { final: 'ㄴ', initial: 'ㄹ' },
      { final: 'ㄹ', initial: 'ㄴ' },
    ],
  ],
  [
    'нн',
    [
      { final: 'ㅇ', initial: 'ㄹ' },
      { final: 'ㄱ', initial: 'ㄴ' },
      { final: 'ㄱ', initial: 'ㄹ' },
    ],
  ],
  ['нм', [{ final: 'ㄱ', initial: 'ㅁ' }]],
  ['мм', [{ final: 'ㅂ', initial: 'ㅁ' }]],
  [
    'мн',
    [
      { final: 'ㅁ', initial: 'ㄹ' },
      { final: 'ㅂ', initial: 'ㄴ' },
      { final: 'ㅂ', initial: 'ㄹ' },
    ],
  ],
  ['кн', [{ final: 'ㄱ', initial: 'ㄹ' }]],
  ['пн', [{ final: 'ㅂ', initial: 'ㄹ' }]],
]);

/**
 * What an assimilated reading costs: half a rank, so that it follows the literal reading but comes before the
 * literal reading's second choices (Сонмин: 성민, 석민, then 선민), and the true name stays among the few the
 * matcher asks for.
 */
const ASSIMILATION_COST = 0.5;

function hangulSyllable(initial: string, medial: string, final: string): string {
  const finalIndex = final === '' ? 0 : FINAL_JAMO.indexOf(final);
  const code = SYLLABLE_BASE + (INITIAL_JAMO.indexOf(initial) * MEDIAL_JAMO.length + MEDIAL_JAMO.indexOf(medial)) * 28;
  return String.fromCharCode(code + finalIndex);
}

function nasalFinals(initial: string, medial: string): readonly string[] {
  const nFirst = N_FIRST_MEDIALS.includes(medial) || N_FIRST_SYLLABLES.has(hangulSyllable(initial, medial, 'ㄴ'));
  return nFirst ? ['ㄴ', 'ㅇ'] : ['ㅇ', 'ㄴ'];
}

interface Reading {
  latin: string;
  /** Sum of the ranks of the choices made (an assimilation counts `ASSIMILATION_COST`): 0 is the most plausible. */
  cost: number;
}

interface SuffixReading extends Reading {
  /** The suffix begins with a vowel (no onset): a final before it was more likely that onset. */
  vowelInitial: boolean;
}

/** Sorts by cost (stable, so earlier choices win ties), drops repeated spellings and keeps at most `limit`. */
function rank<T extends Reading>(readings: T[], limit: number): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const reading of readings.sort((a, b) => a.cost - b.cost)) {
    if (seen.has(reading.latin)) continue;
    seen.add(reading.latin);
    kept.push(reading);
    if (kept.length >= limit) break;
  }
  return kept;
}

const NO_SUFFIX: readonly SuffixReading[] = [{ latin: '', cost: 0, vowelInitial: false }];

/** One word being read, with the readings of its suffixes found so far. */
interface WordParse {
  word: string;
  memo: Map<number, readonly SuffixReading[]>;
}

/** Where a suffix begins: its offset, the syllables already read, and the onset an assimilation says it stands for. */
interface SuffixStart {
  start: number;
  depth: number;
  /** Empty when the onset is read as written. */
  initial: string;
}

/** Every reading of the word from `at.start` on, in at most `MAX_KOREAN_SYLLABLES - at.depth` syllables, or none. */
function readSuffix(parse: WordParse, at: SuffixStart): readonly SuffixReading[] {
  const { word, memo } = parse;
  const { start, depth } = at;
  if (start === word.length) return NO_SUFFIX;
  if (depth >= MAX_KOREAN_SYLLABLES) return [];
  const position = start * (MAX_KOREAN_SYLLABLES + 1) + depth;
  const key = position * (INITIAL_JAMO.length + 1) + INITIAL_JAMO.indexOf(at.initial) + 1;
  const memoized = memo.get(key);
  if (memoized) return memoized;
  const readings: SuffixReading[] = [];
  for (const onset of ONSETS) {
    if (!word.startsWith(onset.spelling, start)) continue;
    const vowelStart = start + onset.spelling.length;
    for (const [vowelSpelling, vowelReadings] of VOWELS) {
      if (!word.startsWith(vowelSpelling, vowelStart)) continue;
      const codaStart = vowelStart + vowelSpelling.length;
      for (const coda of CODAS) {
        if (!word.startsWith(coda.spelling, codaStart)) continue;
        const end = codaStart + coda.spelling.length;
        if (coda.aloneOnly && (start !== 0 || end !== word.length)) continue;
        const rest = readSuffix(parse, { start: end, depth: depth + 1, initial: '' });
        const assimilations = (coda.spelling !== '' && ASSIMILATIONS.get(coda.spelling + (word[end] ?? ''))) || [];
        const assimilatedRests = assimilations.map(({ initial }) =>
          readSuffix(parse, { start: end, depth: depth + 1, initial }),
        );
        if (rest.length === 0 && assimilatedRests.every((suffixes) => suffixes.length === 0)) continue;
        // Kontsevich writes by pronunciation: a consonant before a vowel is that vowel's onset, unless marked (нъ).
        const resyllabified = coda.spelling !== '' && coda.spelling !== 'нъ';
        const choices = vowelReadings[onset.group][coda.spelling === '' ? 'open' : 'closed'];
        const push = (syllable: string, cost: number, suffixes: readonly SuffixReading[]): void => {
          const latin = romanizeHangulSyllable(syllable, 'mr');
          for (const next of suffixes) {
            readings.push({
              latin: latin + next.latin,
              cost: cost + next.cost + (resyllabified && next.vowelInitial ? 1 : 0),
              vowelInitial: onset.group === 'zero',
            });
          }
        };
        choices.forEach((choice, vowelRank) => {
          const palatalized = choice.startsWith(PALATALIZE);
          const medial = palatalized ? choice.slice(PALATALIZE.length) : choice;
          const initial = at.initial || (palatalized ? (onset.palatalized ?? onset.initial) : onset.initial);
          const finals = coda.finals[0] === NASAL ? nasalFinals(initial, medial) : coda.finals;
          finals.forEach((final, finalRank) => {
            push(hangulSyllable(initial, medial, final), vowelRank + finalRank, rest);
          });
          assimilations.forEach(({ final }, index) => {
            const suffixes = assimilatedRests[index] ?? [];
            push(hangulSyllable(initial, medial, final), vowelRank + ASSIMILATION_COST, suffixes);
          });
        });
      }
    }
  }
  const ranked = rank(readings, MAX_READINGS);
  memo.set(key, ranked);
  return ranked;
}

/** The Korean readings of one Cyrillic word, most plausible first, or null when it cannot be Korean syllables. */
function readWord(word: string): readonly Reading[] | null {
  const readings = readSuffix({ word, memo: new Map() }, { start: 0, depth: 0, initial: '' }).filter(
    (reading) => koreanSyllableKeysOfParts([reading.latin]) !== null,
  );
  return readings.length > 0 ? readings : null;
}

// Every Cyrillic query is read this way, and name words repeat (Ким, Пак, Ён, Чхоль): remember the last few thousand.
const WORD_CACHE_SIZE = 4096;
const wordCache = new Map<string, readonly Reading[] | null>();

function cachedReadWord(word: string): readonly Reading[] | null {
  const cached = wordCache.get(word);
  if (cached !== undefined) return cached;
  const readings = word.length > MAX_WORD_LENGTH ? null : readWord(word);
  // Evict the oldest entry (a Map iterates in insertion order).
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.delete(wordCache.keys().next().value ?? '');
  wordCache.set(word, readings);
  return readings;
}

/** Keeps the `limit` cheapest joins of every reading so far with every reading of the next word. */
function combine(left: readonly Reading[], right: readonly Reading[], limit: number): Reading[] {
  const joined: Reading[] = [];
  // Both sides are sorted and their spellings distinct, so the `limit` cheapest joins use only their first `limit`.
  for (const a of left.slice(0, limit)) {
    for (const b of right.slice(0, limit)) joined.push({ latin: `${a.latin} ${b.latin}`, cost: a.cost + b.cost });
  }
  return rank(joined, limit);
}

/**
 * Latin readings (McCune–Reischauer letters, lower case, parts separated by single spaces exactly as the input's
 * words) of a normalized lower-case Cyrillic name read as Korean, most plausible first, at most `maxReadings`
 * (default 8); null when some word cannot be read as Korean syllables. Every reading parses with
 * `parseKoreanRomanization`. Pure and never throws.
 */
export function koreanReadingsOfCyrillic(text: string, maxReadings: number = DEFAULT_KOREAN_READINGS): string[] | null {
  const words = text.toLowerCase().split(/[\s-]+/).filter((word) => word.length > 0);
  if (words.length === 0) return null;
  const limit = Number.isNaN(maxReadings)
    ? DEFAULT_KOREAN_READINGS
    : Math.min(MAX_READINGS, Math.max(0, Math.floor(maxReadings)));
  let readings: readonly Reading[] | null = null;
  for (const word of words) {
    const wordReadings = cachedReadWord(word);
    if (!wordReadings) return null;
    // The cheapest joins only ever use each word's cheapest readings, so keeping `limit` at every step is exact.
    readings = readings ? combine(readings, wordReadings, Math.max(limit, 1)) : wordReadings;
  }
  return (readings ?? []).slice(0, limit).map((reading) => reading.latin);
}
