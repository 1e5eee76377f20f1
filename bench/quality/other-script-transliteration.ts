/**
 * Latin names rendered in other scripts for the dev set, the way writers of each script spell foreign names: Arabic
 * (Arabic-origin names as Arabic writers spell them, from a small lexicon; other names by sound), Hebrew (Arabic names
 * letter for letter from their Arabic spelling, as Israeli usage does; other names by sound), Greek, Armenian, Georgian
 * and Japanese katakana (by sound). Small tables of our own, written for the benchmark and independent of src/matching:
 * approximate, as real-world renderings are.
 */
import { stripDiacritics } from './russian-transliteration';

export const OTHER_SCRIPTS = ['arabic', 'hebrew', 'greek', 'armenian', 'georgian', 'katakana'] as const;
export type OtherScript = (typeof OTHER_SCRIPTS)[number];

/** Lower-case ASCII words: diacritics and apostrophes (ʿayn, hamza) dropped, split on spaces, hyphens and commas. */
export function latinWords(name: string): string[] {
  return stripDiacritics(name)
    .toLowerCase()
    .replace(/['’‘ʼ`"]/g, '')
    .split(/[\s\-,.()]+/)
    .filter((w) => /^[a-z]+$/.test(w));
}

const VOWELS = new Set([...'aeiouy']);
const isVowel = (ch: string | undefined): boolean => ch !== undefined && ch.length === 1 && 'aeiou'.includes(ch);

/** A longest-match rule: Latin letters → target text; `start` / `end` restrict it to the word's edges. */
interface Rule {
  latin: string;
  out: string;
  start?: boolean;
  end?: boolean;
  /** Only before one of these letters. */
  before?: string;
}

function compileRules(rules: Rule[]): Rule[] {
  return rules.slice().sort((a, b) => b.latin.length - a.latin.length || Number(!!b.start || !!b.end || !!b.before) - Number(!!a.start || !!a.end || !!a.before));
}

function applyRules(word: string, rules: Rule[]): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const rule = rules.find(
      (r) =>
        word.startsWith(r.latin, i) &&
        (!r.start || i === 0) &&
        (!r.end || i + r.latin.length === word.length) &&
        (!r.before || r.before.includes(word.charAt(i + r.latin.length))),
    );
    if (!rule) {
      i++;
      continue;
    }
    out += rule.out;
    i += rule.latin.length;
  }
  return out;
}

/** Doubled consonants written once (Hassan → Hasan) — most scripts below do not double them in foreign names. */
function singleConsonants(word: string): string {
  return word.replace(/([^aeiou])\1+/g, '$1');
}

const capitalize = (w: string): string => (w.length === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1));

// ---------------------------------------------------------------------------------------------------------------------
// Arabic.

/**
 * Arabic spellings of Arabic-origin name words as Arabic writers spell them (long vowels as ا و ي, short vowels left
 * out). Keys are the romanized forms the list uses. Words spelled with the article carry it (القذافي).
 */
const ARABIC_LEXICON: Record<string, string> = {
  mohammed: 'محمد', mohamed: 'محمد', muhammad: 'محمد', mohammad: 'محمد', muhammed: 'محمد', mohamad: 'محمد', mouhamad: 'محمد', mochammad: 'محمد',
  ahmed: 'أحمد', ahmad: 'أحمد', akhmed: 'أحمد', ali: 'علي', aly: 'علي', omar: 'عمر', umar: 'عمر', oumar: 'عمر',
  osman: 'عثمان', othman: 'عثمان', uthman: 'عثمان', abdullah: 'عبد الله', abdallah: 'عبد الله', abdalla: 'عبد الله', abdullahi: 'عبد الله',
  abdulkarim: 'عبد الكريم', abdulqader: 'عبد القادر', abdelkader: 'عبد القادر', abdelhafiz: 'عبد الحفيظ', abdulmalik: 'عبد الملك',
  abdelrahman: 'عبد الرحمن', abdulrahman: 'عبد الرحمن', abdurrahman: 'عبد الرحمن', abdifatah: 'عبد الفتاح', abdelrazak: 'عبد الرزاق',
  hassan: 'حسن', hasan: 'حسن', hussein: 'حسين', husayn: 'حسين', hussain: 'حسين', husain: 'حسين', ibrahim: 'إبراهيم', brahim: 'إبراهيم',
  ismail: 'إسماعيل', yusuf: 'يوسف', yousef: 'يوسف', yusef: 'يوسف', youssef: 'يوسف', yasin: 'ياسين', yassin: 'ياسين',
  mustafa: 'مصطفى', mahmoud: 'محمود', mahmud: 'محمود', mahmood: 'محمود', said: 'سعيد', saeed: 'سعيد', saleh: 'صالح', salih: 'صالح',
  salah: 'صلاح', salim: 'سليم', salem: 'سالم', nasser: 'ناصر', nasir: 'ناصر', jamal: 'جمال', karim: 'كريم', khalid: 'خالد', khaled: 'خالد',
  khalaf: 'خلف', khalil: 'خليل', musa: 'موسى', moussa: 'موسى', isa: 'عيسى', issa: 'عيسى', yahya: 'يحيى', zakaria: 'زكريا',
  sulaiman: 'سليمان', suleiman: 'سليمان', soliman: 'سليمان', sulayman: 'سليمان', mansour: 'منصور', sultan: 'سلطان', hamad: 'حمد',
  hamid: 'حامد', hamza: 'حمزة', bakr: 'بكر', abu: 'أبو', abou: 'أبو', bin: 'بن', ben: 'بن', ibn: 'بن', bint: 'بنت', fahd: 'فهد',
  faraj: 'فرج', fares: 'فارس', fuad: 'فؤاد', anas: 'أنس', khattab: 'خطاب', amr: 'عمرو', amru: 'عمرو', aseel: 'أسيل', aisha: 'عائشة',
  safia: 'صفية', saadi: 'الساعدي', muammar: 'معمر', qadhafi: 'القذافي', hannibal: 'هانيبال', khamis: 'خميس', mutassim: 'المعتصم',
  saif: 'سيف', sayf: 'سيف', islam: 'إسلام', senussi: 'السنوسي', baghdadi: 'البغدادي', houthi: 'الحوثي', ajmi: 'العجمي',
  muthana: 'مثنى', zahrani: 'الزهراني', juburi: 'الجبوري', zaidi: 'الزيدي', jarba: 'الجربا', shafi: 'شافي', hajjaj: 'حجاج',
  adnani: 'العدناني', tarad: 'طراد', nori: 'النوري', nouri: 'النوري', minyar: 'منيار', ghalib: 'غالب', maysar: 'ميسر', muhannad: 'مهند',
  najdi: 'النجدي', jahani: 'الجهني', taha: 'طه', azzam: 'عزام', zureik: 'زريق', subhi: 'الصبحي', maulid: 'المولد', habib: 'حبيب',
  hakim: 'حكيم', hemaida: 'حميدة', jibril: 'جبريل', fazlullah: 'فضل الله', rajab: 'رجب', hafiz: 'حافظ', makki: 'مكي', masood: 'مسعود',
  massoud: 'مسعود', azhar: 'أظهر', iqbal: 'إقبال', zafar: 'ظفر', arif: 'عارف', noor: 'نور', wali: 'ولي', aziz: 'عزيز', azam: 'أعظم',
  emraan: 'عمران', imran: 'عمران', jadhran: 'الجضران', badi: 'بادي', farkash: 'فركاش', barassi: 'البرعصي', dorda: 'دوردة', jabir: 'جابر',
  yunis: 'يونس', zayd: 'زيد', matuq: 'معتوق', zlitni: 'زليتني', gaffar: 'غفار', hilal: 'هلال', turki: 'التركي', hammami: 'الحمامي',
  shariff: 'شريف', sharif: 'شريف', aboud: 'عبود', absi: 'العبسي', anabi: 'العنابي', ubaydah: 'عبيدة', mohsen: 'محسن', nuaymi: 'النعيمي',
  umayr: 'عمير', kabi: 'الكعبي', sad: 'سعد', qaduli: 'القدولي', rumaysh: 'الرميش', shawakh: 'الشواخ', tufail: 'طفيل',
  najmuddin: 'نجم الدين', ashraf: 'أشرف', haji: 'حاجي', mujahid: 'مجاهد', sayyid: 'سيد', qadhaf: 'قذاف', dam: 'الدم', elhassan: 'الحسن',
  nsiem: 'النسيم', khazmari: 'الخزمري', hablain: 'الحبلين', manaa: 'مناع', arab: 'العرب', anizi: 'العنزي', ubayd: 'عبيد',
  // Organization words.
  jund: 'جند', aqsa: 'الأقصى', khilafah: 'الخلافة', sham: 'شام', harakat: 'حركة', jaish: 'جيش', jaysh: 'جيش', waleed: 'الوليد',
  walid: 'الوليد', shabaab: 'الشباب', shabab: 'الشباب', tawhid: 'التوحيد', jihad: 'الجهاد', khatiba: 'كتيبة', imam: 'الإمام',
  bukhari: 'البخاري', furqan: 'الفرقان', rashid: 'الرشيد', kawthar: 'الكوثر', ansar: 'أنصار', sharia: 'الشريعة', allah: 'الله',
};

/** God's names after Abd ("servant of"): Abdul Rahman → عبد الرحمن. */
const DIVINE_NAMES: Record<string, string> = {
  rahman: 'رحمن', rehman: 'رحمن', rahim: 'رحيم', karim: 'كريم', aziz: 'عزيز', malik: 'ملك', halim: 'حليم', hafiz: 'حفيظ',
  qader: 'قادر', qadir: 'قادر', kadir: 'قادر', baset: 'باسط', basit: 'باسط', salam: 'سلام', haq: 'حق', razak: 'رزاق', mohsen: 'محسن',
  majeed: 'مجيد', majid: 'مجيد', fatah: 'فتاح', hamid: 'حميد', latif: 'لطيف', ghafoor: 'غفور', jabbar: 'جبار', wahab: 'وهاب',
};
const ABD_WORDS = new Set(['abd', 'abdul', 'abdel', 'abdu', 'abdi']);
const ARTICLE_WORDS = new Set(['al', 'el']);

const withArticle = (word: string): string => (word.startsWith('ال') ? word : `ال${word}`);

/** Arabic script for an Arabic-origin name when every word is known; null otherwise (a guess would not be Arabic usage). */
export function arabicFromLexicon(name: string): string | null {
  const words = latinWords(name);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1];
    if (ARTICLE_WORDS.has(w) && next && ARABIC_LEXICON[next]) {
      out.push(withArticle(ARABIC_LEXICON[next] ?? ''));
      i++;
      continue;
    }
    if (ABD_WORDS.has(w) && next) {
      const divine = ARTICLE_WORDS.has(next) ? DIVINE_NAMES[words[i + 2] ?? ''] : DIVINE_NAMES[next];
      if (divine) {
        out.push(`عبد ال${divine}`);
        i += ARTICLE_WORDS.has(next) ? 2 : 1;
        continue;
      }
    }
    const known = ARABIC_LEXICON[w];
    if (known) {
      out.push(known);
      continue;
    }
    // alnsiem, elhassan: the article written onto the word.
    const prefixed = /^(al|el)(.+)$/.exec(w);
    if (prefixed?.[2] && ARABIC_LEXICON[prefixed[2]]) {
      out.push(withArticle(ARABIC_LEXICON[prefixed[2]] ?? ''));
      continue;
    }
    return null;
  }
  return out.length > 0 ? out.join(' ') : null;
}

const ARABIC_RULES = compileRules([
  { latin: 'sh', out: 'ش' }, { latin: 'ch', out: 'تش' }, { latin: 'kh', out: 'خ' }, { latin: 'gh', out: 'غ' }, { latin: 'th', out: 'ث' },
  { latin: 'dh', out: 'ذ' }, { latin: 'ph', out: 'ف' }, { latin: 'ck', out: 'ك' }, { latin: 'ou', out: 'و' }, { latin: 'oo', out: 'و' },
  { latin: 'ee', out: 'ي' }, { latin: 'ai', out: 'اي' }, { latin: 'ay', out: 'اي' }, { latin: 'ei', out: 'ي', end: true },
  { latin: 'ey', out: 'ي', end: true }, { latin: 'ei', out: 'اي' }, { latin: 'ey', out: 'اي' },
  { latin: 'a', out: 'ا', start: true }, { latin: 'e', out: 'إي', start: true }, { latin: 'i', out: 'إي', start: true },
  { latin: 'o', out: 'أو', start: true }, { latin: 'u', out: 'أو', start: true }, { latin: 'e', out: '', end: true },
  { latin: 'a', out: 'ا' }, { latin: 'e', out: 'ي' }, { latin: 'i', out: 'ي' }, { latin: 'o', out: 'و' }, { latin: 'u', out: 'و' },
  { latin: 'b', out: 'ب' }, { latin: 'p', out: 'ب' }, { latin: 't', out: 'ت' }, { latin: 'd', out: 'د' }, { latin: 'r', out: 'ر' },
  { latin: 'z', out: 'ز' }, { latin: 's', out: 'س' }, { latin: 'j', out: 'ج' }, { latin: 'g', out: 'غ' }, { latin: 'k', out: 'ك' },
  { latin: 'q', out: 'ق' }, { latin: 'f', out: 'ف' }, { latin: 'v', out: 'ف' }, { latin: 'l', out: 'ل' }, { latin: 'm', out: 'م' },
  { latin: 'n', out: 'ن' }, { latin: 'h', out: 'ه' }, { latin: 'w', out: 'و' }, { latin: 'y', out: 'ي' }, { latin: 'x', out: 'كس' },
  { latin: 'c', out: 'س', before: 'eiy' }, { latin: 'c', out: 'ك' },
]);

/** A foreign (non-Arabic) name in Arabic script by sound, as Arabic press writes them (فرناندو بيريز). */
export function arabicBySound(name: string): string {
  return latinWords(name)
    .map((w) => {
      // A short e before two consonants is left out (Fernando → فرناندو); elsewhere it is written ي (Perez → بيريز).
      const shortened = singleConsonants(w).replace(/([^aeiou])e([^aeiou]{2})/g, '$1$2');
      return applyRules(shortened, ARABIC_RULES);
    })
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------------
// Hebrew.

/** Arabic letters → Hebrew, as Israeli usage transcribes Arabic names (with geresh for the letters Hebrew lacks). */
const ARABIC_TO_HEBREW: Record<string, string> = {
  ا: 'א', أ: 'א', إ: 'א', آ: 'א', ء: 'א', ئ: 'א', ؤ: 'א', ب: 'ב', ت: 'ת', ث: 'ת׳', ج: 'ג׳', ح: 'ח', خ: 'ח׳', د: 'ד', ذ: 'ד׳',
  ر: 'ר', ز: 'ז', س: 'ס', ش: 'ש', ص: 'צ', ض: 'צ׳', ط: 'ט', ظ: 'ט׳', ع: 'ע', غ: 'ע׳', ف: 'פ', ق: 'ק', ك: 'כ', ل: 'ל', م: 'מ',
  ن: 'נ', ه: 'ה', ة: 'ה', و: 'ו', ي: 'י', ى: 'א',
};

const HEBREW_FINAL: Record<string, string> = { כ: 'ך', מ: 'ם', נ: 'ן', פ: 'ף', צ: 'ץ' };

function hebrewFinalForms(word: string): string {
  // The last letter, or the letter before a closing geresh.
  return word.replace(/([כמנפצ])(׳?)$/u, (_m, letter: string, geresh: string) => (HEBREW_FINAL[letter] ?? letter) + geresh);
}

/** Hebrew for a name already in Arabic script: letter for letter, the article as אל- (עבד אל-רחמן, אל-קד׳אפי). */
export function hebrewFromArabic(arabic: string): string {
  return arabic
    .split(' ')
    .map((word) => {
      if (word === 'الله') return 'אללה';
      const article = word.startsWith('ال') && word.length > 3;
      const body = article ? word.slice(2) : word;
      const hebrew = hebrewFinalForms([...body].map((ch) => ARABIC_TO_HEBREW[ch] ?? '').join(''));
      return article ? `אל-${hebrew}` : hebrew;
    })
    .join(' ');
}

const HEBREW_RULES = compileRules([
  { latin: 'sh', out: 'ש' }, { latin: 'ch', out: 'צ׳' }, { latin: 'kh', out: 'ח' }, { latin: 'zh', out: 'ז׳' }, { latin: 'ts', out: 'צ' },
  { latin: 'tz', out: 'צ' }, { latin: 'th', out: 'ת' }, { latin: 'ph', out: 'פ' }, { latin: 'ck', out: 'ק' }, { latin: 'gh', out: 'ג' },
  { latin: 'ou', out: 'ו' }, { latin: 'oo', out: 'ו' }, { latin: 'ee', out: 'י' }, { latin: 'ei', out: 'יי' }, { latin: 'ey', out: 'יי' },
  { latin: 'ai', out: 'יי' }, { latin: 'ay', out: 'יי' },
  { latin: 'a', out: 'א', start: true }, { latin: 'e', out: 'א', start: true }, { latin: 'i', out: 'אי', start: true },
  { latin: 'o', out: 'או', start: true }, { latin: 'u', out: 'או', start: true },
  { latin: 'a', out: 'ה', end: true }, { latin: 'e', out: 'ה', end: true }, { latin: 'a', out: '' }, { latin: 'e', out: '' },
  { latin: 'i', out: 'י' }, { latin: 'o', out: 'ו' }, { latin: 'u', out: 'ו' }, { latin: 'y', out: 'י' },
  { latin: 'b', out: 'ב' }, { latin: 'v', out: 'ב' }, { latin: 'g', out: 'ג' }, { latin: 'd', out: 'ד' }, { latin: 'h', out: 'ה' },
  { latin: 'w', out: 'ו' }, { latin: 'z', out: 'ז' }, { latin: 't', out: 'ט' }, { latin: 'k', out: 'ק' }, { latin: 'q', out: 'ק' },
  { latin: 'l', out: 'ל' }, { latin: 'm', out: 'מ' }, { latin: 'n', out: 'נ' }, { latin: 's', out: 'ס' }, { latin: 'p', out: 'פ' },
  { latin: 'f', out: 'פ' }, { latin: 'r', out: 'ר' }, { latin: 'j', out: 'ג׳' }, { latin: 'x', out: 'קס' },
  { latin: 'c', out: 'ס', before: 'eiy' }, { latin: 'c', out: 'ק' },
]);

/** A foreign name in Hebrew by sound: vowels a/e mostly unwritten, i י, o/u ו, a final a ה, final letter forms. */
export function hebrewBySound(name: string): string {
  return latinWords(name)
    .map((w) => hebrewFinalForms(applyRules(singleConsonants(w), HEBREW_RULES)))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------------
// Greek (Modern Greek spelling of foreign names: b μπ, d ντ, g γκ, j τζ, sh σ, ch τσ, final ς, the tonos).

const GREEK_RULES = compileRules([
  { latin: 'sch', out: 'σ' }, { latin: 'tch', out: 'τσ' },
  { latin: 'sh', out: 'σ' }, { latin: 'ch', out: 'τσ' }, { latin: 'kh', out: 'χ' }, { latin: 'gh', out: 'γ' }, { latin: 'th', out: 'θ' },
  { latin: 'ph', out: 'φ' }, { latin: 'dh', out: 'ντ' }, { latin: 'zh', out: 'ζ' }, { latin: 'ts', out: 'τσ' }, { latin: 'tz', out: 'τζ' },
  { latin: 'dj', out: 'τζ' }, { latin: 'nd', out: 'ντ' }, { latin: 'nt', out: 'ντ' }, { latin: 'mb', out: 'μπ' }, { latin: 'mp', out: 'μπ' },
  { latin: 'ng', out: 'νγκ' }, { latin: 'nk', out: 'γκ' }, { latin: 'ck', out: 'κ' }, { latin: 'qu', out: 'κου' },
  { latin: 'ou', out: 'ου' }, { latin: 'oo', out: 'ου' }, { latin: 'ee', out: 'ι' }, { latin: 'ai', out: 'αϊ' }, { latin: 'ay', out: 'αϊ' },
  { latin: 'ei', out: 'εϊ' }, { latin: 'ey', out: 'εϊ' }, { latin: 'oi', out: 'οϊ' }, { latin: 'au', out: 'αου' },
  { latin: 'ya', out: 'για', start: true }, { latin: 'yo', out: 'γιο', start: true }, { latin: 'yu', out: 'γιου', start: true },
  { latin: 'ye', out: 'γιε', start: true }, { latin: 'ya', out: 'ια' }, { latin: 'yo', out: 'ιο' }, { latin: 'yu', out: 'ιου' }, { latin: 'ye', out: 'ιε' },
  { latin: 'h', out: 'χ', start: true }, { latin: 'h', out: '' },
  { latin: 'a', out: 'α' }, { latin: 'b', out: 'μπ' }, { latin: 'c', out: 'σ', before: 'eiy' }, { latin: 'c', out: 'κ' }, { latin: 'd', out: 'ντ' },
  { latin: 'e', out: 'ε' }, { latin: 'f', out: 'φ' }, { latin: 'g', out: 'γκ' }, { latin: 'i', out: 'ι' }, { latin: 'j', out: 'τζ' },
  { latin: 'k', out: 'κ' }, { latin: 'l', out: 'λ' }, { latin: 'm', out: 'μ' }, { latin: 'n', out: 'ν' }, { latin: 'o', out: 'ο' },
  { latin: 'p', out: 'π' }, { latin: 'q', out: 'κ' }, { latin: 'r', out: 'ρ' }, { latin: 's', out: 'σ' }, { latin: 't', out: 'τ' },
  { latin: 'u', out: 'ου' }, { latin: 'v', out: 'β' }, { latin: 'w', out: 'ου' }, { latin: 'x', out: 'ξ' }, { latin: 'y', out: 'ι' },
  { latin: 'z', out: 'ζ' },
]);

const GREEK_TONOS: Record<string, string> = { α: 'ά', ε: 'έ', η: 'ή', ι: 'ί', ο: 'ό', υ: 'ύ', ω: 'ώ' };

/** The tonos on the next-to-last vowel (ου counts as one vowel and takes it on υ): Φερνάντο, Πέρεζ, Λουμπάνγκα. */
function greekAccent(word: string): string {
  const groups: number[] = [];
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (!GREEK_TONOS[ch]) continue;
    if (ch === 'ο' && chars[i + 1] === 'υ') {
      groups.push(i + 1);
      i++;
      continue;
    }
    groups.push(i);
  }
  if (groups.length < 2) return word;
  const at = groups[groups.length - 2] ?? 0;
  chars[at] = GREEK_TONOS[chars[at] ?? ''] ?? chars[at] ?? '';
  return chars.join('');
}

export function greekBySound(name: string, options: { upper: boolean }): string {
  return latinWords(name)
    .map((w) => {
      const greek = applyRules(singleConsonants(w), GREEK_RULES).replace(/σ$/u, 'ς');
      return options.upper ? greek.toUpperCase() : capitalize(greekAccent(greek));
    })
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------------
// Armenian (Eastern Armenian spelling of foreign names).

const ARMENIAN_RULES = compileRules([
  { latin: 'shch', out: 'շչ' }, { latin: 'tch', out: 'չ' }, { latin: 'sh', out: 'շ' }, { latin: 'ch', out: 'չ' }, { latin: 'kh', out: 'խ' },
  { latin: 'gh', out: 'ղ' }, { latin: 'zh', out: 'ժ' }, { latin: 'ts', out: 'ց' }, { latin: 'dz', out: 'ձ' }, { latin: 'th', out: 'թ' },
  { latin: 'ph', out: 'փ' }, { latin: 'dj', out: 'ջ' }, { latin: 'ck', out: 'կ' }, { latin: 'qu', out: 'քու' },
  { latin: 'ou', out: 'ու' }, { latin: 'oo', out: 'ու' }, { latin: 'ee', out: 'ի' }, { latin: 'ye', out: 'յե' }, { latin: 'yu', out: 'յու' },
  { latin: 'ya', out: 'յա' }, { latin: 'yo', out: 'յո' }, { latin: 'ai', out: 'այ' }, { latin: 'ay', out: 'այ' }, { latin: 'ei', out: 'եյ' },
  { latin: 'ey', out: 'եյ' }, { latin: 'oi', out: 'ոյ' }, { latin: 'oy', out: 'ոյ' }, { latin: 'iy', out: 'ի' },
  { latin: 'e', out: 'է', start: true }, { latin: 'o', out: 'օ', start: true }, { latin: 'y', out: 'ի', end: true },
  { latin: 'a', out: 'ա' }, { latin: 'b', out: 'բ' }, { latin: 'c', out: 'ս', before: 'eiy' }, { latin: 'c', out: 'կ' }, { latin: 'd', out: 'դ' },
  { latin: 'e', out: 'ե' }, { latin: 'f', out: 'ֆ' }, { latin: 'g', out: 'գ' }, { latin: 'h', out: 'հ' }, { latin: 'i', out: 'ի' },
  { latin: 'j', out: 'ջ' }, { latin: 'k', out: 'կ' }, { latin: 'l', out: 'լ' }, { latin: 'm', out: 'մ' }, { latin: 'n', out: 'ն' },
  { latin: 'o', out: 'ո' }, { latin: 'p', out: 'պ' }, { latin: 'q', out: 'ք' }, { latin: 'r', out: 'ր' }, { latin: 's', out: 'ս' },
  { latin: 't', out: 'տ' }, { latin: 'u', out: 'ու' }, { latin: 'v', out: 'վ' }, { latin: 'w', out: 'վ' }, { latin: 'x', out: 'քս' },
  { latin: 'y', out: 'յ' }, { latin: 'z', out: 'զ' },
]);

export function armenianBySound(name: string): string {
  return latinWords(name)
    .map((w) => capitalize(applyRules(singleConsonants(w), ARMENIAN_RULES)))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------------
// Georgian (Mkhedruli, no capitals; foreign t/k/p as the ejectives ტ კ პ, Georgian names' own t/k/p aspirated თ ქ ფ).

const GEORGIAN_RULES = compileRules([
  { latin: 'shch', out: 'შჩ' }, { latin: 'tch', out: 'ჩ' }, { latin: 'sh', out: 'შ' }, { latin: 'ch', out: 'ჩ' }, { latin: 'kh', out: 'ხ' },
  { latin: 'gh', out: 'ღ' }, { latin: 'zh', out: 'ჟ' }, { latin: 'ts', out: 'ც' }, { latin: 'dz', out: 'ძ' }, { latin: 'th', out: 'თ' },
  { latin: 'ph', out: 'ფ' }, { latin: 'dj', out: 'ჯ' }, { latin: 'ck', out: 'კ' }, { latin: 'qu', out: 'კვ' },
  { latin: 'ou', out: 'უ' }, { latin: 'oo', out: 'უ' }, { latin: 'ee', out: 'ი' }, { latin: 'ya', out: 'ია' }, { latin: 'yu', out: 'იუ' },
  { latin: 'yo', out: 'იო' }, { latin: 'ye', out: 'იე' }, { latin: 'ai', out: 'აი' }, { latin: 'ay', out: 'აი' }, { latin: 'ei', out: 'ეი' },
  { latin: 'ey', out: 'ეი' }, { latin: 'iy', out: 'ი' },
  { latin: 'a', out: 'ა' }, { latin: 'b', out: 'ბ' }, { latin: 'c', out: 'ს', before: 'eiy' }, { latin: 'c', out: 'კ' }, { latin: 'd', out: 'დ' },
  { latin: 'e', out: 'ე' }, { latin: 'f', out: 'ფ' }, { latin: 'g', out: 'გ' }, { latin: 'h', out: 'ჰ' }, { latin: 'i', out: 'ი' },
  { latin: 'j', out: 'ჯ' }, { latin: 'k', out: 'კ' }, { latin: 'l', out: 'ლ' }, { latin: 'm', out: 'მ' }, { latin: 'n', out: 'ნ' },
  { latin: 'o', out: 'ო' }, { latin: 'p', out: 'პ' }, { latin: 'q', out: 'ყ' }, { latin: 'r', out: 'რ' }, { latin: 's', out: 'ს' },
  { latin: 't', out: 'ტ' }, { latin: 'u', out: 'უ' }, { latin: 'v', out: 'ვ' }, { latin: 'w', out: 'ვ' }, { latin: 'x', out: 'ქს' },
  { latin: 'y', out: 'ი' }, { latin: 'z', out: 'ზ' },
]);

/** Georgian family-name endings: such names keep Georgian's own aspirated t k p (Batirashvili ბათირაშვილი). */
const GEORGIAN_NAME = /(shvili|dze|adze|iani|ava|uri|eli)$/;
const GEORGIAN_ASPIRATED: Record<string, string> = { ტ: 'თ', კ: 'ქ', პ: 'ფ' };

/** A name in Georgian; a foreign family name ending in a consonant takes the nominative -ი (Tkachuk → ტკაჩუკი). */
export function georgianBySound(name: string): string {
  const words = latinWords(name);
  return words
    .map((w, i) => {
      let georgian = applyRules(singleConsonants(w), GEORGIAN_RULES);
      if (GEORGIAN_NAME.test(w)) georgian = [...georgian].map((ch) => GEORGIAN_ASPIRATED[ch] ?? ch).join('');
      if (i === words.length - 1 && words.length > 1 && !VOWELS.has(w.charAt(w.length - 1))) georgian += 'ი';
      return georgian;
    })
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------------
// Japanese katakana (foreign names by sound, words joined by the middle dot ・).

type Row = [string, string, string, string, string];
const KANA_ROWS: Record<string, Row> = {
  '': ['ア', 'イ', 'ウ', 'エ', 'オ'],
  k: ['カ', 'キ', 'ク', 'ケ', 'コ'],
  g: ['ガ', 'ギ', 'グ', 'ゲ', 'ゴ'],
  s: ['サ', 'シ', 'ス', 'セ', 'ソ'],
  z: ['ザ', 'ジ', 'ズ', 'ゼ', 'ゾ'],
  t: ['タ', 'ティ', 'トゥ', 'テ', 'ト'],
  d: ['ダ', 'ディ', 'ドゥ', 'デ', 'ド'],
  n: ['ナ', 'ニ', 'ヌ', 'ネ', 'ノ'],
  h: ['ハ', 'ヒ', 'フ', 'ヘ', 'ホ'],
  b: ['バ', 'ビ', 'ブ', 'ベ', 'ボ'],
  p: ['パ', 'ピ', 'プ', 'ペ', 'ポ'],
  m: ['マ', 'ミ', 'ム', 'メ', 'モ'],
  r: ['ラ', 'リ', 'ル', 'レ', 'ロ'],
  y: ['ヤ', 'イ', 'ユ', 'イェ', 'ヨ'],
  w: ['ワ', 'ウィ', 'ウ', 'ウェ', 'ウォ'],
  f: ['ファ', 'フィ', 'フ', 'フェ', 'フォ'],
  j: ['ジャ', 'ジ', 'ジュ', 'ジェ', 'ジョ'],
  ch: ['チャ', 'チ', 'チュ', 'チェ', 'チョ'],
  sh: ['シャ', 'シ', 'シュ', 'シェ', 'ショ'],
  ts: ['ツァ', 'ツィ', 'ツ', 'ツェ', 'ツォ'],
};
/** Latin consonant spellings → kana row. */
const KANA_CONSONANTS: Record<string, string> = {
  tch: 'ch', sch: 'sh', sh: 'sh', ch: 'ch', kh: 'h', gh: 'g', th: 't', ph: 'f', dh: 'z', ts: 'ts', zh: 'j', ck: 'k',
  k: 'k', g: 'g', s: 's', z: 'z', t: 't', d: 'd', n: 'n', h: 'h', b: 'b', p: 'p', m: 'm', r: 'r', l: 'r', y: 'y', w: 'w',
  f: 'f', v: 'b', j: 'j', c: 'k', q: 'k', x: 'ks',
};
const KANA_CONSONANT_KEYS = Object.keys(KANA_CONSONANTS).sort((a, b) => b.length - a.length);
/** A consonant with no vowel after it: the kana Japanese writes for it (k ク, t ト, l ル, ch チ). */
const KANA_CODA: Record<string, string> = {
  k: 'ク', g: 'グ', s: 'ス', z: 'ズ', t: 'ト', d: 'ド', h: '', b: 'ブ', p: 'プ', m: 'ム', r: 'ル', y: 'イ', w: 'ウ', f: 'フ',
  j: 'ジ', ch: 'チ', sh: 'シュ', ts: 'ツ', ks: 'クス',
};
const VOWEL_INDEX: Record<string, number> = { a: 0, i: 1, u: 2, e: 3, o: 4 };
const SMALL_Y: Record<string, string> = { a: 'ャ', u: 'ュ', o: 'ョ', e: 'ェ' };
const SMALL_VOWEL: Record<string, string> = { a: 'ァ', i: 'ィ', e: 'ェ', o: 'ォ' };

function katakanaWord(word: string): string {
  // ou as u; y between or after consonants as the vowel i (Kony コニ).
  // ae as e (Korean 애: Paek ペク).
  const w = word.replace(/ou/g, 'u').replace(/ae/g, 'e').replace(/([^aeiou])y(?![aeiou])/g, '$1i');
  let out = '';
  let i = 0;
  while (i < w.length) {
    const ch = w.charAt(i);
    if (isVowel(ch)) {
      // A doubled vowel is a long one: aa アー.
      out += w.charAt(i - 1) === ch ? 'ー' : (KANA_ROWS['']?.[VOWEL_INDEX[ch] ?? 0] ?? '');
      i++;
      continue;
    }
    const spelled = KANA_CONSONANT_KEYS.find((k) => w.startsWith(k, i)) ?? ch;
    const row = KANA_CONSONANTS[spelled] ?? '';
    const after = i + spelled.length;
    const next = w.charAt(after);
    // n (and m before b/p) closing a syllable: ン; ng at a syllable end likewise.
    const glideNext = next === 'y' && isVowel(w.charAt(after + 1));
    if ((row === 'n' && !isVowel(next) && !glideNext) || (row === 'm' && (next === 'b' || next === 'p' || next === 'm'))) {
      out += 'ン';
      i = after + (row === 'n' && next === 'g' && !isVowel(w.charAt(after + 1)) ? 1 : 0);
      continue;
    }
    // A doubled consonant: the small tsu (Hassan ハッサン, Abdullah アブドゥッラ).
    if (next === ch && row !== 'n' && row !== 'm') {
      out += 'ッ';
      i = after;
      continue;
    }
    if (row === 'ks') {
      out += isVowel(next) ? `ク${KANA_ROWS.s?.[VOWEL_INDEX[next] ?? 0] ?? ''}` : 'クス';
      i = after + (isVowel(next) ? 1 : 0);
      continue;
    }
    // Consonant + y + vowel: キャ, ピョ, リュ.
    if (next === 'y' && row !== 'y' && isVowel(w.charAt(after + 1)) && w.charAt(after + 1) !== 'i') {
      const v = w.charAt(after + 1);
      const base = ['ch', 'sh', 'j'].includes(row) ? '' : (KANA_ROWS[row]?.[1] ?? '');
      out += base ? base + (SMALL_Y[v] ?? '') : (KANA_ROWS[row]?.[VOWEL_INDEX[v] ?? 0] ?? '');
      i = after + 2;
      continue;
    }
    // Consonant + w + vowel: クァ, ファ, グォ.
    if (next === 'w' && row !== 'w' && isVowel(w.charAt(after + 1)) && w.charAt(after + 1) !== 'u') {
      const v = w.charAt(after + 1);
      out += (KANA_ROWS[row]?.[2] ?? '') + (SMALL_VOWEL[v] ?? '');
      i = after + 2;
      continue;
    }
    if (isVowel(next)) {
      out += KANA_ROWS[row]?.[VOWEL_INDEX[next] ?? 0] ?? '';
      i = after + 1;
      continue;
    }
    out += KANA_CODA[row] ?? '';
    i = after;
  }
  return out;
}

/**
 * Katakana for a name, words joined by ・ (パク・ヨンシク); `joinFrom` joins the words from that index on into one
 * (a Korean given name written as one word).
 */
export function katakanaBySound(name: string, options: { joinFrom?: number } = {}): string {
  const words = latinWords(name).map(katakanaWord);
  if (options.joinFrom === undefined || options.joinFrom >= words.length) return words.join('・');
  return [...words.slice(0, options.joinFrom), words.slice(options.joinFrom).join('')].join('・');
}
