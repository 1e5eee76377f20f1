import { normalizeText } from './normalize-text';

/**
 * The scripts the name matcher has no reader of its own for: Arabic (and Persian, Urdu, Pashto), Han, Japanese kana,
 * Hebrew, Greek, Armenian, Georgian, Thai, Devanagari … (Latin, Cyrillic and Hangul are read by `normalize-text.ts`,
 * `transliterate-cyrillic.ts` and `romanize-hangul.ts`). Three things live here: traditional Han folded onto
 * simplified Han (`simplifyHan`), one Latin reading of any other script (`latinReading`), and the consonant skeleton
 * on which an Arabic-script name meets its Latin transliterations (`arabicSkeleton` / `latinArabicSkeleton`).
 * Everything is pure and synchronous.
 */

// Both libraries are loaded with `require`, typed by hand. any-ascii 0.1 is CommonJS without type declarations
// (0.2+ is ESM-only, which ts-jest on Node 20 cannot `require`); opencc-js ships CommonJS (UMD) builds, but its
// declarations sit in a `"type": "module"` package, which TypeScript refuses to `import` into a CommonJS file.
type OpenCcT2Cn = typeof import('opencc-js/t2cn', { with: { 'resolution-mode': 'import' } });
const anyAscii = require('any-ascii') as (text: string) => string;

const HAN = /\p{Script=Han}/u;
const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9]/;
const OTHER_SCRIPT_LETTER = /(?![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Hangul}])\p{L}/u;
/** A word's worth of letters and marks of the other scripts (ー, the kana length mark, is of the Common script). */
const OTHER_SCRIPT_RUN = /(?:(?![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Hangul}])[\p{L}\p{M}])+/gu;

/** True when `text` has a letter of a script other than Latin, Cyrillic and Hangul (Arabic, Han, kana, Greek …). */
export function hasOtherScript(text: string): boolean {
  return OTHER_SCRIPT_LETTER.test(text);
}

/** True when `text` has a Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** True when `text` has a Hebrew letter. */
export function hasHebrewScript(text: string): boolean {
  return HEBREW_LETTER.test(text);
}

/** True when `text` has an Arabic-script letter (Arabic, Persian, Urdu, Pashto …). */
export function hasArabicScript(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

// ——— Han: traditional → simplified ———

// Built on first use: the dictionaries (~110 kB) are parsed once per process, and only when Han text is met.
let toSimplified: ((text: string) => string) | undefined;

/**
 * Traditional (Hong Kong, Taiwan and OpenCC standard) Han characters and phrases turned into simplified Chinese
 * (華信船務 → 华信船务, 銀行 → 银行), so that a name in either form meets the other. Simplified text and every character
 * that is not Han pass through unchanged; text without Han is returned as is, without loading the converter.
 * Japanese kanji are folded too (東京 → 东京), which is harmless as both sides are folded.
 */
export function simplifyHan(text: string): string {
  if (!HAN.test(text)) return text;
  // 'hk' is OpenCC's Hong Kong variants followed by traditional → simplified: it also folds 衞 and the Taiwan 臺.
  const convert = (toSimplified ??= (require('opencc-js/t2cn') as OpenCcT2Cn).Converter({ from: 'hk', to: 'cn' }));
  return convert(text);
}

// ——— Latin readings of the other scripts ———

/**
 * Arabic letters read before any-ascii sees them: the alif and its hamza seats, alif maqsura and ta marbuta as the
 * vowel a Latin spelling writes (any-ascii drops the alif, so "al" and "Usama" would lose their vowels), ظ as the z
 * of Latin spellings (Zawahiri) rather than dh.
 */
const ARABIC_READING: Readonly<Record<string, string>> = {
  ا: 'a',
  آ: 'a',
  أ: 'a',
  ٱ: 'a',
  إ: 'i',
  ى: 'a',
  ة: 'a',
  ظ: 'z',
  ء: '',
  ع: '',
};
const ARABIC_READING_PATTERN = new RegExp(`[${Object.keys(ARABIC_READING).join('')}]`, 'g');

/** Hebrew ב כ פ begin a word as b, k, p (any-ascii reads them v, kh, f, as after a vowel). */
const HEBREW_WORD_INITIAL: Readonly<Record<string, string>> = { ב: 'b', כ: 'k', פ: 'p' };

const KANA = /[\u3041-\u30ff]/;
const SMALL_KANA_Y: Readonly<Record<string, string>> = { ゃ: 'a', ゅ: 'u', ょ: 'o', ャ: 'a', ュ: 'u', ョ: 'o' };
const SMALL_KANA_VOWEL: Readonly<Record<string, string>> = {
  ぁ: 'a', ぃ: 'i', ぅ: 'u', ぇ: 'e', ぉ: 'o', ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o',
};
const SOKUON = new Set(['っ', 'ッ']);
/** The long-vowel mark: long vowels are written short. */
const CHOONPU = 'ー';

/**
 * Kana in the Hepburn spelling names are written in abroad: small ya/yu/yo join the syllable before (きょ → kyo,
 * しゃ → sha), small vowels replace its vowel (ファ → fa, ティ → ti), っ doubles the next consonant (マッチャ →
 * matcha) and long vowels are written short (とうきょう → tokyo, さとう → sato), as passports and lists do.
 */
function readKana(run: string): string {
  const syllables: string[] = [];
  let doubleNext = false;
  for (const char of run) {
    if (char === CHOONPU) continue;
    const last = syllables.length - 1;
    const previous = syllables[last] ?? '';
    const smallY = SMALL_KANA_Y[char];
    const smallVowel = SMALL_KANA_VOWEL[char];
    if (SOKUON.has(char)) {
      doubleNext = true;
    } else if (smallY !== undefined && /[a-z]i$/.test(previous)) {
      syllables[last] = `${previous.slice(0, -1)}${/(?:sh|ch|j)i$/.test(previous) ? '' : 'y'}${smallY}`;
    } else if (smallVowel !== undefined && /[aeiou]$/.test(previous)) {
      syllables[last] = previous.length > 1 ? `${previous.slice(0, -1)}${smallVowel}` : `w${smallVowel}`;
    } else {
      let syllable = anyAscii(char).toLowerCase();
      if (doubleNext && /^[b-df-hj-np-tv-z]/.test(syllable)) {
        syllable = syllable.startsWith('ch') ? `t${syllable}` : `${syllable.charAt(0)}${syllable}`;
      }
      doubleNext = false;
      syllables.push(syllable);
    }
  }
  // Hepburn writes ン as m before b, m, p (ンバ → "mba": Nzambamwita).
  return syllables.join('').replace(/ou|oo/g, 'o').replace(/uu/g, 'u').replace(/n(?=[bmp])/g, 'm');
}

/** One run of letters of the other scripts, read into ASCII. */
function readRun(written: string): string {
  // 々 repeats the kanji before it (佐々木 = 佐佐木).
  const run = written.replace(/(.)々/gu, '$1$1');
  if (KANA.test(run)) {
    // Kana and the kanji between them: each stretch by its own reader.
    return run.replace(/[\u3041-\u30ff]+|[^\u3041-\u30ff]+/g, (part) => (KANA.test(part) ? readKana(part) : anyAscii(part)));
  }
  if (ARABIC_LETTER.test(run)) return anyAscii(run.replace(ARABIC_READING_PATTERN, (letter) => ARABIC_READING[letter] ?? letter));
  if (HEBREW_LETTER.test(run)) {
    // ו is as often the vowel o/u as v (דוגלס Douglas), ב as often b as v (שבאב Shabab): read them w and b.
    // אל alone is the Arabic article of a name written in Hebrew (אל-שבאב Al-Shabaab).
    if (run === 'אל') return 'al';
    const hebrew = run.replace(/ו/g, 'w').replace(/ב/g, 'b');
    const hebrewInitial = HEBREW_WORD_INITIAL[hebrew.charAt(0)];
    return hebrewInitial !== undefined ? `${hebrewInitial}${anyAscii(hebrew.slice(1))}` : anyAscii(hebrew);
  }
  if (GREEK_LETTER.test(run)) return anyAscii(readGreekDigraphs(run.toLowerCase()));
  return anyAscii(run);
}

const HEBREW_LETTER = /[\u05d0-\u05ea]/;
const GREEK_LETTER = /[\u0370-\u03ff\u1f00-\u1fff]/;

/** Hebrew letters with a geresh for sounds Hebrew lacks (ג׳ = j, צ׳ = ch, ח׳ = kh …), as Latin letters. */
const HEBREW_GERESH: ReadonlyArray<readonly [RegExp, string]> = [
  [/ג['׳’]/g, 'j'],
  [/[צץ]['׳’]/g, 'ch'],
  [/ח['׳’]/g, 'kh'],
  [/ז['׳’]/g, 'zh'],
  [/ת['׳’]/g, 'th'],
  [/ד['׳’]/g, 'dh'],
  [/ע['׳’]/g, 'gh'],
  [/ט['׳’]/g, 'z'],
];

/**
 * Greek writes the sounds b, d, g, j of foreign names with two letters: μπ, ντ at the start of a word (Μπουκάντε
 * Bukande, Ντεστίνα Destina), mb, nd inside one (the loose key folds those); γκ is g (Μαγκομέντοβιτς Magomedovich),
 * τζ j (Τζόσεφ Joseph), χ kh (Χαλίμοβ Khalimov).
 */
function readGreekDigraphs(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // At the start of a word or after a consonant μπ and ντ are b and d (Μπουκάντε, Λεοπόλντ Leopold); after a
    // vowel, mb and nd (Μουτζιαμπέρε Mujyambere, Σαντίνο Santino).
    .replace(/(^|[^αεηιουωάέήίόύώϊϋ])μπ/g, '$1b')
    .replace(/(^|[^αεηιουωάέήίόύώϊϋ])ντ/g, '$1d')
    .replace(/μπ/g, 'mb')
    .replace(/ντ/g, 'nd')
    .replace(/^γκ/, 'g')
    .replace(/τζ/g, 'j')
    .replace(/γγ/g, 'ng')
    .replace(/γκ/g, 'g')
    .replace(/χ/g, 'kh');
}

/**
 * One Latin reading of a name written in a script other than Latin, Cyrillic and Hangul, through any-ascii:
 * Arabic "فرناندو بيريز" → "frnandw byryz" (consonants and long vowels, as Arabic writes them; compare names with
 * `arabicSkeleton`), Greek "ωμεγα" → "omega", Armenian, Georgian, Hebrew, Thai, Devanagari …, kana in Hepburn
 * ("さとう" → "sato"), Han in pinyin with the syllables of one written word joined ("华信船务" → "huaxinchuanwu",
 * "习近平" → "xijinping"; Japanese kanji get Mandarin readings). Pass the written text (any case) or
 * `normalizeText` output: the two read alike, except that `normalizeText` removes the vowel signs of Indic scripts
 * and Thai (and Arabic short-vowel marks), which the reading needs ("नरेन्द्र मोदी" → "nrendr modi" written, "nr n d r
 * m d" normalized). The result is `normalizeText`-normal: lower-case Latin letters, digits and single spaces, one
 * word per written word (Han writes a whole name as one word); Latin, Cyrillic and Hangul letters of mixed text pass
 * through for their own readers. Returns null when the text has no letter of those other scripts, or nothing readable.
 */
export function latinReading(text: string): string | null {
  let composed = text.normalize('NFKC');
  if (HEBREW_LETTER.test(composed)) for (const [pattern, latin] of HEBREW_GERESH) composed = composed.replace(pattern, latin);
  if (!hasOtherScript(composed)) return null;
  const reading = normalizeText(composed.replace(OTHER_SCRIPT_RUN, readRun));
  return reading.length > 0 ? reading : null;
}

// ——— Arabic-script consonant skeleton ———
//
// Arabic writes consonants and long vowels, never short vowels; Latin transliterations write every vowel, each in
// its own way (Muhammad, Mohammed, Mohamad). The skeleton keeps only consonant classes, folded as far as Latin
// spellings of one Arabic letter disagree:
//
//   vowels a e i o u, and w y (و ي are consonants or long vowels: Yusuf = يوسف, Anwar = أنور)  → dropped
//   ا أ إ آ ء ؤ ئ ع ى ة and the short-vowel marks                                               → dropped
//   b p = ب پ        t = ت ط         th = ث (two classes: Uthman, and Fathi = فتحي)   h = ح ه
//   j dj g zh = ج ژ گ (Egyptian Gamal = Jamal)      gh = غ        kh = خ        sh ch sch = ش چ
//   d dh = د ذ ض (Qadhafi = Qaddafi, Ramadhan)      z = ز ظ (Zawahiri)           s = س ص
//   q k c ck = ق ك ک      f v ph = ف ڤ      l m n r as written, x = ks
//   doubled letters once (Saddam, and Arabic leaves the doubling unwritten); a final h dropped (Usamah = أسامة,
//   Abdullah = عبد الله); the article dropped: Arabic ال before anything with a consonant (القاعدة = Al-Qaida),
//   the Latin article only as a part of its own — al, el, ul and the sun-letter forms an, ar, as, ash, ad … — and
//   inside Abd (Abdul Rahman, Abdurrahman = عبد الرحمن). A Latin "al" glued to a name stays (Alqaida = "lkd"), so
//   Alam, Alwan and Alexander keep their l; the list's own Latin spelling (Al-Qaida) meets a glued query anyway.
//
// The skeleton is coarse on purpose and so collides: Muhammad = Mahmoud (mhmd), Hasan = Husayn (hsn), Said = Saad
// (sd), Salman = Sulayman (slmn), Rashid = Rashad. It says "these could be the same Arabic name", never "these are
// the same name": a scorer must require every part of the name to agree, and weigh a skeleton agreement below a
// spelling agreement. Spellings it does not fold: ق as g (Gaddafi), ث as s (Usman), ذ ض as z (Ramzan), ظ as dh
// (Dhawahiri), construct-state ة as t (Harakat, Jabhat), a final ح/ه inside a Latin part (Salahuddin; Salah ud-Din
// meets), and a Persian name spelled with ال without the article (الهام = Elham).
//
// Parts written together: concatenate the parts' skeletons (عبد + الله → "bd" + "l" = "bdl" = Abdullah), never
// the skeleton of the Arabic parts' text run together (a word such as خالد has ال inside).

/** Latin digraphs to one class; uppercase placeholders keep a class letter from being read again. */
const LATIN_DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/dsch|dzh|dj/g, 'J'],
  [/sch|tch|sh|ch/g, 'C'],
  [/kh/g, 'X'],
  [/gh/g, 'G'],
  [/dh/g, 'D'],
  [/zh/g, 'J'],
  [/ph/g, 'F'],
  [/ck/g, 'K'],
];

const LATIN_CLASSES: Readonly<Record<string, string>> = {
  a: '', e: '', i: '', o: '', u: '', w: '', y: '',
  b: 'b', p: 'b', t: 't', h: 'h', d: 'd', r: 'r', z: 'z', s: 's', f: 'f', v: 'f', l: 'l', m: 'm', n: 'n',
  g: 'j', j: 'j', c: 'k', k: 'k', q: 'k', x: 'ks',
  J: 'j', C: 'c', X: 'x', G: 'g', D: 'd', F: 'f', K: 'k',
};

const ARABIC_CLASSES: Readonly<Record<string, string>> = {
  ب: 'b', پ: 'b',
  ت: 't', ط: 't', ٹ: 't', ټ: 't',
  ث: 'th',
  ج: 'j', گ: 'j', ګ: 'j', ژ: 'j', ږ: 'j',
  ح: 'h', ه: 'h', ھ: 'h', ہ: 'h',
  خ: 'x',
  د: 'd', ذ: 'd', ض: 'd', ڈ: 'd', ډ: 'd',
  ر: 'r', ڑ: 'r', ړ: 'r',
  ز: 'z', ظ: 'z', ځ: 'z',
  س: 's', ص: 's', څ: 's',
  ش: 'c', چ: 'c', ښ: 'c',
  غ: 'g',
  ف: 'f', ڤ: 'f',
  ق: 'k', ك: 'k', ک: 'k', ڪ: 'k', ڨ: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n', ں: 'n', ڼ: 'n',
};

/** The article written apart (al-Qaida → "al qaida"), in its Latin spellings and sun-letter forms (ad-Din, as-Sayyid). */
const LATIN_ARTICLES = new Set([
  'al', 'el', 'ul', 'il', 'ol',
  'ad', 'adh', 'an', 'ar', 'as', 'ash', 'at', 'ath', 'az',
  'ed', 'en', 'er', 'es', 'et', 'ez',
  'ud', 'un', 'ur', 'us', 'ut', 'uz',
]);
/** Abd with the article of the name after it: Abdul, Abdel, Abdal-, Abdur Rahman, Abdurrahman, Abdus Salam. */
const LATIN_ABD_ARTICLE = /^abd[aeiou](?:l|([dnrstz])(?=\1)|[rs]$)/;

function latinClasses(word: string): string {
  let marked = word;
  for (const [pattern, placeholder] of LATIN_DIGRAPHS) marked = marked.replace(pattern, placeholder);
  let classes = '';
  for (const char of marked) classes += LATIN_CLASSES[char] ?? '';
  return classes;
}

function arabicClasses(word: string): string {
  let classes = '';
  for (const char of word) classes += ARABIC_CLASSES[char] ?? '';
  return classes;
}

/** Doubled classes once, then a final h dropped unless it is all there is (Taha = طه keeps "t", Yahya "h"). */
function finishSkeleton(classes: string): string {
  const single = classes.replace(/(.)\1+/g, '$1');
  return single.length > 1 && single.endsWith('h') ? single.slice(0, -1) : single;
}

/**
 * The consonant skeleton of one lower-case Latin name part read as a transliteration of an Arabic-script name:
 * equal to `arabicSkeleton` of the Arabic spelling ("mohammed", "muhammad" → "mhmd"; "zawahiri" → "zhr"; "perez" →
 * "brz"). An article standing alone ("al", "el", "ad") gives "" — leave such parts out of the comparison. Tokens with
 * characters outside a–z (digits, other scripts) are returned unchanged. Coarse by design: see the rules above.
 */
export function latinArabicSkeleton(token: string): string {
  if (!/^[a-z]+$/.test(token)) return token;
  if (LATIN_ARTICLES.has(token)) return '';
  const abd = LATIN_ABD_ARTICLE.exec(token);
  if (abd) return finishSkeleton(`bd${latinClasses(token.slice(abd[0].length))}`);
  return finishSkeleton(latinClasses(token));
}

/**
 * The consonant skeleton of one Arabic-script name part (Arabic, Persian, Urdu, Pashto letters, as `normalizeText`
 * leaves them — a token of the text, not of its `latinReading`): "محمد" → "mhmd", "القاعدة" → "kd", "بيريز" → "brz".
 * Equal to `latinArabicSkeleton` of its Latin transliterations. The article alone ("ال") gives "". A token without
 * Arabic letters is read as a Latin transliteration (`latinArabicSkeleton`).
 */
export function arabicSkeleton(token: string): string {
  if (!ARABIC_LETTER.test(token)) return latinArabicSkeleton(token);
  const word = token.replace(/^ٱ/, 'ا');
  if (word === 'ال') return '';
  if (word.startsWith('عبدال') && word.length > 'عبدال'.length) return finishSkeleton(`bd${arabicClasses(word.slice(5))}`);
  if (word.startsWith('ال')) {
    const rest = finishSkeleton(arabicClasses(word.slice(2)));
    if (rest.length > 0) return rest;
  }
  return finishSkeleton(arabicClasses(word));
}

// ——— A loose consonant skeleton, for the other scripts' readings ———
//
// Greek, Hebrew, Georgian, Armenian and kana spell a Latin name by their own sounds: Fernando Pérez is Φερνάντο Πέρεζ,
// פרננדו פרס, ფერნანდო პერესი, フェルナンド・ペレス; read back into Latin letters they come out "fernanto perez",
// "frnndw frs", "pernando peresi", "ferunando peresu". What survives every round trip is the order of the consonant
// classes: vowels (and w, y, h, and v, which Hebrew and Greek write for a vowel or a w) dropped, voiced and
// voiceless folded (b p f, t d, k g q c), the hissing sibilants together (s z ts sh zh) and the hushing affricates
// (j ch dj; a Latin ch may be either, Michel or Chaika: `chAs`), l with r (kana has one of them), doubles once. A
// Latin v is also read as b (`vAs`), for Hebrew ב, which is b or v and written alike (טיטובה Titova, שבאב Shabab).

/** Latin spellings (longest first) and their loose class; anything unlisted is dropped. */
const LOOSE_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ['tsch', 'j'], ['sch', 's'], ['dzh', 'j'], ['tch', 'j'],
  ['sh', 's'], ['ch', 'j'], ['zh', 's'], ['dj', 'j'], ['dz', 's'], ['ts', 's'], ['tz', 's'],
  ['ce', 's'], ['ci', 's'], ['cy', 's'],
  ['ph', 'b'], ['th', 't'], ['dh', 't'], ['kh', 'k'], ['gh', 'k'], ['ck', 'k'], ['ng', 'n'],
  ['b', 'b'], ['p', 'b'], ['f', 'b'],
  ['t', 't'], ['d', 't'],
  ['k', 'k'], ['g', 'k'], ['q', 'k'], ['c', 'k'], ['x', 'ks'],
  ['s', 's'], ['z', 's'], ['j', 'j'],
  ['l', 'r'], ['r', 'r'],
  ['m', 'm'], ['n', 'n'],
];

/**
 * The loose consonant skeleton of a lower-case Latin token: "fernando", "frnndw", "pernando", "ferunando" → "brnt";
 * "perez", "frs", "peresi", "peresu" → "brs". Coarse by design (Fernando ~ Fernanda): a scorer must require the whole
 * name to agree. Tokens with characters outside a–z are returned unchanged; a token of vowels alone gives "".
 */
export function looseConsonantKey(token: string, chAs: 'j' | 's' = 'j', vAs: '' | 'b' = ''): string {
  if (!LATIN_WORD.test(token)) return token;
  const end = token.length;
  let classes = '';
  let last = '';
  for (let at = 0; at < end; ) {
    // Greek writes d as ντ after a vowel too (Μαγκομέντοβιτς Magomedovich): n before t or d after a vowel is left out.
    if (token[at] === 'n' && (token[at + 1] === 't' || token[at + 1] === 'd') && at > 0 && LOOSE_VOWELS.has(token[at - 1] ?? '')) {
      at += 1;
      continue;
    }
    if (token[at] === 'v' && vAs === 'b') {
      if (last !== 'b') classes += 'b';
      last = 'b';
      at += 1;
      continue;
    }
    const entry = (LOOSE_BY_LETTER.get(token[at] ?? '') ?? []).find(([spelling]) => spelling.length <= end - at && token.startsWith(spelling, at));
    if (entry) {
      const letterClass = entry[0] === 'ch' ? chAs : entry[1];
      if (letterClass !== last) classes += letterClass;
      last = letterClass;
      at += entry[0].length;
    } else {
      at += 1;
    }
  }
  return classes;
}

const LOOSE_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

const LATIN_WORD = /^[a-z]+$/;

/**
 * `word` with a nasal before its stop left out (mb → b, nd → d, nk → k …): Greek writes b, d, g as μπ, ντ, γκ and
 * Latin spellings of African and Slavic names write mb, nd, nk where other scripts hear one sound (Μπαρουσιμάνα
 * Mbarushimana, Γκαλούμπο Nkalubo). One of the readings compared, never the only one.
 */
export function withoutNasalsBeforeStops(word: string): string {
  return word.replace(/m(?=[bp])|n(?=[dtgk])/g, '');
}

/** `LOOSE_CLASSES` by first letter, longest spelling first. */
const LOOSE_BY_LETTER: ReadonlyMap<string, ReadonlyArray<readonly [string, string]>> = (() => {
  const byLetter = new Map<string, Array<readonly [string, string]>>();
  for (const entry of LOOSE_CLASSES) {
    const letter = entry[0][0] ?? '';
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), entry]);
  }
  for (const entries of byLetter.values()) entries.sort((a, b) => b[0].length - a[0].length);
  return byLetter;
})();
