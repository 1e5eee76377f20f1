import { boundedEditDistance } from './edit-distance';
import { phoneticSkeleton } from './phonetic-skeleton';

/**
 * Organization legal forms across languages and scripts — LLC/ООО/GmbH/SARL, JSC/АО/AG/SA/SpA/NV, PLC/ПАО/Berhad,
 * Ltd/Co Ltd/Pte Ltd/Sdn Bhd/有限公司, KK/주식회사/株式会社/股份有限公司/AB/Oy/PT, Inc/Corp, Co … — each spelling,
 * long or short, read as one class. They are set aside from the name parts (a bank may or may not write them) and
 * kept as a feature: whether the query's and the list name's legal forms agree.
 */

/**
 * A kind of company, the same across jurisdictions: `llc` is every private limited-liability company (LLC, ООО, ТОВ,
 * GmbH, SARL, SRL, sp. z o.o., Yugen Kaisha, 유한회사, 有限责任公司), `jsc` every joint-stock company (АО, AG, SA,
 * SpA, NV, Anonim Şirketi), `stock-company` the share companies English renders as "Co., Ltd." as readily as
 * "Joint Stock Company" or "Corporation" (Kabushiki Kaisha, 주식회사, 股份有限公司, AB, Oy, A/S, PT).
 */
export type LegalFormClass =
  | 'llc'
  | 'ltd'
  | 'stock-company'
  | 'jsc'
  | 'pjsc'
  | 'cjsc'
  | 'ojsc'
  | 'corporation'
  | 'company'
  | 'partnership'
  | 'state-enterprise'
  | 'non-profit';

type LegalFormFamily = 'private-limited' | 'joint-stock' | 'generic' | 'partnership' | 'state-enterprise' | 'non-profit';

/**
 * Families of legal forms a registry may write for one and the same organization (ZAO became AO in 2014, a Co. Ltd.
 * is a Ltd). A share company belongs to both limited families: 주식회사 is a "Co., Ltd." and a "Joint Stock Company".
 */
const FAMILIES: Readonly<Record<LegalFormClass, readonly LegalFormFamily[]>> = {
  llc: ['private-limited'],
  ltd: ['private-limited'],
  'stock-company': ['private-limited', 'joint-stock'],
  jsc: ['joint-stock'],
  pjsc: ['joint-stock'],
  cjsc: ['joint-stock'],
  ojsc: ['joint-stock'],
  corporation: ['generic'],
  company: ['generic'],
  partnership: ['partnership'],
  'state-enterprise': ['state-enterprise'],
  'non-profit': ['non-profit'],
};

/**
 * Written forms of each legal form as they reach the matcher: lower case, punctuation gone (S.p.A. → spa,
 * A/S → a s), Cyrillic transliterated (Russian and Ukrainian readings), Hangul romanized syllable by syllable
 * (주식회사 → ju sik hoe sa in both systems), Han as written.
 */
const LEGAL_FORM_SPELLINGS: Readonly<Record<LegalFormClass, readonly string[]>> = {
  llc: [
    'llc',
    'ooo',
    'limited liability company',
    'obshchestvo s ogranichennoy otvetstvennostyu',
    'obshchestvo s ohranychennoy otvetstvennostyu',
    'tov',
    'tovarystvo z obmezhenoyu vidpovidalnistyu',
    'gmbh',
    'gesellschaft mit beschrankter haftung',
    'sarl',
    'societe a responsabilite limitee',
    'srl',
    'sociedad de responsabilidad limitada',
    'societa a responsabilita limitata',
    'sociedad limitada',
    'ltda',
    's de rl',
    's de rl de cv',
    'sp z o o',
    'spolka z ograniczona odpowiedzialnoscia',
    'sro',
    'spol s r o',
    'anpartsselskab',
    'limited sirketi',
    'ltd sti',
    'yk',
    'yugen kaisha',
    'yugen gaisha',
    'yugenkaisha',
    'yugengaisha',
    'godo kaisha',
    'godo gaisha',
    'yu han hoe sa',
    'yuhan hoesa',
    'yuhanhoesa',
    'yuhanchaekimhoesa',
    'yuhan chaegim hoesa',
    'youxian zeren gongsi',
    '有限责任公司',
    '有限責任公司',
    '有限会社',
    '有限會社',
    '合同会社',
  ],
  ltd: [
    'ltd',
    'l td',
    'limited',
    'co ltd',
    'company limited',
    'pvt ltd',
    'private limited',
    'private limited company',
    'pte ltd',
    'pty ltd',
    'proprietary limited',
    'bv',
    'besloten vennootschap',
    'sdn bhd',
    'sendirian berhad',
    'youxian gongsi',
    '有限公司',
  ],
  'stock-company': [
    'kk',
    'kabushiki kaisha',
    'kabushiki gaisha',
    'kabushikikaisha',
    'kabushikigaisha',
    'ju sik hoe sa',
    'jusik hoesa',
    'chusik hoesa',
    'jusikhoesa',
    'chusikhoesa',
    'gufen youxian gongsi',
    '股份有限公司',
    '股份公司',
    '株式会社',
    '株式會社',
    'ab',
    'aktiebolag',
    'oy',
    'osakeyhtio',
    'a s',
    'aktieselskab',
    'aksjeselskap',
    'pt',
    'perseroan terbatas',
  ],
  jsc: [
    'jsc',
    'ao',
    'joint stock company',
    'aktsionernoye obshchestvo',
    'aktsionerne tovarystvo',
    'ag',
    'aktiengesellschaft',
    'sa',
    'societe anonyme',
    'sociedad anonima',
    'sociedade anonima',
    'sa de cv',
    'societa per azioni',
    'spolka akcyjna',
    'nv',
    'naamloze vennootschap',
    'anonim sirketi',
  ],
  pjsc: [
    'pjsc',
    'pao',
    'public joint stock company',
    'publichnoye aktsionernoye obshchestvo',
    'pat',
    'publichne aktsionerne tovarystvo',
    'plc',
    'public limited company',
    'berhad',
    'oyj',
    'julkinen osakeyhtio',
  ],
  cjsc: [
    'cjsc',
    'zao',
    'closed joint stock company',
    'zakrytoye aktsionernoye obshchestvo',
    'zat',
    'zakryte aktsionerne tovarystvo',
    'prat',
    'prjsc',
    'private joint stock company',
    'pryvatne aktsionerne tovarystvo',
  ],
  ojsc: [
    'ojsc',
    'oao',
    'open joint stock company',
    'otkrytoye aktsionernoye obshchestvo',
    'vat',
    'vidkryte aktsionerne tovarystvo',
  ],
  corporation: ['corp', 'corporation', 'inc', 'incorporated'],
  company: ['co', 'company', 'kompaniya', 'cie', 'compagnie', 'compania', 'companhia', 'gongsi', '公司'],
  partnership: [
    'llp',
    'lp',
    'limited partnership',
    'limited liability partnership',
    'kommanditgesellschaft',
    'gmbh co kg',
    'offene handelsgesellschaft',
    'hap ja hoe sa',
    'hap myong hoe sa',
    'hap myeong hoe sa',
  ],
  'state-enterprise': [
    'fgup',
    'gup',
    'mup',
    'federal state unitary enterprise',
    'state unitary enterprise',
    'federalnoye gosudarstvennoye unitarnoye predpriyatiye',
    'gosudarstvennoye unitarnoye predpriyatiye',
    'munitsipalnoye unitarnoye predpriyatiye',
    'derzhavne pidpryyemstvo',
  ],
  'non-profit': [
    'ano',
    'nko',
    'autonomous non profit organization',
    'avtonomnaya nekommercheskaya organizatsiya',
    'nekommercheskaya organizatsiya',
    'sa dan pop in',
    'sa dan beop in',
    'jae dan pop in',
    'jae dan beop in',
  ],
};

/**
 * Spellings read as a legal form only at the end of a name: as a first word they are a name part more often
 * ("As-Sahab" normalizes to "as sahab"; "SPA Trading").
 */
const TRAILING_ONLY_SPELLINGS: Readonly<Partial<Record<LegalFormClass, readonly string[]>>> = {
  llc: ['sl', 'aps'],
  // Turkish A.Ş. (anonim şirketi), Norwegian AS, Czech a.s.: a share company whichever it is.
  'stock-company': ['as'],
  jsc: ['spa'],
  pjsc: ['bhd', 'tbk'],
  partnership: ['kg', 'ohg'],
};

/**
 * One-word spellings still recognized with one typo at the end of a name (Cop → Corp, Limted → Limited). Short
 * national forms are left out: SARL is one edit from Karl, Carl and Earl, Berhad one from Behrad.
 */
const TYPO_TOLERANT_SPELLINGS: ReadonlySet<string> = new Set([
  'corp',
  'corporation',
  'incorporated',
  'limited',
  'company',
  'kompaniya',
  'gmbh',
]);

interface LegalFormPattern {
  legalForm: LegalFormClass;
  /**
   * The words to compare: exact text for short ones (ao, co, sa: a skeleton would turn the Korean name "Ko" into
   * "Co."), the phonetic skeleton for longer ones, so transliteration variants (ogranichennoi/ogranichennoy) match.
   */
  words: string[];
  /** Read as a legal form at the end of a name only. */
  trailingOnly: boolean;
}

/** Words up to this length are compared letter for letter, longer ones by phonetic skeleton. */
const EXACT_WORD_MAX_LENGTH = 4;

/** Skeletons of the longer words seen, bounded (cleared when full): names repeat their words. */
const SKELETON_CACHE_SIZE = 20_000;
const skeletons = new Map<string, string>();

function comparableWord(text: string): string {
  if (text.length <= EXACT_WORD_MAX_LENGTH) return text;
  let skeleton = skeletons.get(text);
  if (skeleton === undefined) {
    skeleton = phoneticSkeleton(text);
    if (skeletons.size >= SKELETON_CACHE_SIZE) skeletons.clear();
    skeletons.set(text, skeleton);
  }
  return skeleton;
}

function spellingPatterns(
  spellings: Readonly<Partial<Record<LegalFormClass, readonly string[]>>>,
  trailingOnly: boolean,
): LegalFormPattern[] {
  return Object.entries(spellings).flatMap(([legalForm, list]) =>
    (list ?? []).map((spelling) => ({
      legalForm: legalForm as LegalFormClass,
      words: spelling.split(' ').map(comparableWord),
      trailingOnly,
    })),
  );
}

/**
 * Patterns by their first or last word, longest first, so "co ltd" wins over "ltd" and "public joint stock company"
 * over "company". Leading patterns leave out the trailing-only ones.
 */
function indexPatterns(patterns: readonly LegalFormPattern[], end: 'first' | 'last'): ReadonlyMap<string, LegalFormPattern[]> {
  const index = new Map<string, LegalFormPattern[]>();
  for (const pattern of patterns) {
    if (end === 'first' && pattern.trailingOnly) continue;
    const key = (end === 'first' ? pattern.words[0] : pattern.words[pattern.words.length - 1]) ?? '';
    const list = index.get(key) ?? [];
    list.push(pattern);
    index.set(key, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const PATTERNS: readonly LegalFormPattern[] = [
  ...spellingPatterns(LEGAL_FORM_SPELLINGS, false),
  ...spellingPatterns(TRAILING_ONLY_SPELLINGS, true),
];
const PATTERNS_BY_FIRST_WORD = indexPatterns(PATTERNS, 'first');
const PATTERNS_BY_LAST_WORD = indexPatterns(PATTERNS, 'last');

export interface LegalFormSplit {
  /** Indices of the tokens that remain name parts, in order. */
  kept: number[];
  /** The legal forms found at the start or end of the name, in reading order. */
  legalForms: LegalFormClass[];
}

/** The longest legal form (never a trailing-only one) that starts at `start` and fits before `end`, or null. */
function patternAt(words: readonly string[], start: number, end: number): LegalFormPattern | null {
  for (const pattern of PATTERNS_BY_FIRST_WORD.get(words[start] ?? '') ?? []) {
    const length = pattern.words.length;
    if (length > end - start) continue;
    if (pattern.words.every((word, offset) => words[start + offset] === word)) return pattern;
  }
  return null;
}

/** The longest legal form that ends at `end` and starts at or after `start`, or null. */
function patternEndingAt(words: readonly string[], start: number, end: number): LegalFormPattern | null {
  for (const pattern of PATTERNS_BY_LAST_WORD.get(words[end - 1] ?? '') ?? []) {
    const length = pattern.words.length;
    if (length > end - start) continue;
    if (pattern.words.every((word, offset) => words[end - length + offset] === word)) return pattern;
  }
  return null;
}

/** One-word legal forms at least this long are still recognized with one typo (Cop → Corp, Limted → Limited). */
const MISSPELT_FORM_MIN_LENGTH = 4;

const TYPO_PATTERNS: ReadonlyArray<{ spelling: string; pattern: LegalFormPattern }> = Object.entries(
  LEGAL_FORM_SPELLINGS,
).flatMap(([legalForm, spellings]) =>
  spellings
    .filter((spelling) => TYPO_TOLERANT_SPELLINGS.has(spelling))
    .map((spelling) => ({
      spelling,
      pattern: { legalForm: legalForm as LegalFormClass, words: [spelling], trailingOnly: true },
    })),
);

/** A one-word legal form one edit away from the written `word` (at the end of a name only), or null. */
function misspeltLegalForm(word: string): LegalFormPattern | null {
  if (word.length < MISSPELT_FORM_MIN_LENGTH - 1) return null;
  for (const { spelling, pattern } of TYPO_PATTERNS) {
    if (boundedEditDistance(word, spelling, 1) <= 1) return pattern;
  }
  return null;
}

/**
 * Sets aside legal forms written at the start ("OOO Romashka", "АО Росатом") or the end ("LocoTech-Signal LLC",
 * "Korea Kwangson Banking Corp") of a name given as its normalized tokens. Never removes every token:
 * a name that is only a legal form keeps it as a name part. A legal form glued to a Han or romanized Korean word
 * is seen only once {@link splitGluedLegalForms} has made it a token of its own.
 */
export function splitLegalForms(tokens: readonly string[]): LegalFormSplit {
  const words = tokens.map(comparableWord);
  let start = 0;
  let end = words.length;
  const leading: LegalFormClass[] = [];
  const trailing: LegalFormClass[] = [];
  for (;;) {
    const pattern = patternAt(words, start, end);
    if (!pattern || end - start - pattern.words.length < 1) break;
    leading.push(pattern.legalForm);
    start += pattern.words.length;
  }
  for (;;) {
    const pattern =
      patternEndingAt(words, start, end) ?? (trailing.length === 0 ? misspeltLegalForm(tokens[end - 1] ?? '') : null);
    if (!pattern || end - start - pattern.words.length < 1) break;
    trailing.unshift(pattern.legalForm);
    end -= pattern.words.length;
  }
  const kept: number[] = [];
  for (let index = start; index < end; index += 1) kept.push(index);
  return { kept, legalForms: [...leading, ...trailing] };
}

/** The legal form that `tokens` spell in full ("L TD", "ООО" transliterated), or null. */
export function wholeLegalForm(tokens: readonly string[]): LegalFormClass | null {
  const words = tokens.map(comparableWord);
  const pattern = patternEndingAt(words, 0, words.length);
  return pattern && pattern.words.length === words.length ? pattern.legalForm : null;
}

/** Han legal forms written glued to the end of a Han (or Japanese) name, longest first: 华信船务有限公司. */
const HAN_LEGAL_FORM_SUFFIXES: readonly string[] = [
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '有限公司',
  '股份公司',
  '株式会社',
  '株式會社',
  '有限会社',
  '有限會社',
  '合同会社',
  '公司',
];

/** Han legal forms written glued to the start of a Japanese name: 株式会社東芝. */
const HAN_LEGAL_FORM_PREFIXES: readonly string[] = ['株式会社', '株式會社', '有限会社', '有限會社'];

/** A branch (分公司) or head office (总公司) is not the company's legal form: "公司" after these stays in the name. */
const HAN_OFFICE_MARKS = new Set(['分', '总', '總']);

/** "Group" written between a Han name and its legal form (华信集团有限公司): a word of the name, as in English. */
const HAN_GROUP_WORDS: readonly string[] = ['集团', '集團'];

/**
 * Romanized Korean legal forms glued to a Hangul word of more than four syllables, which is romanized as one word
 * (조선은행주식회사 → josonunhaengjusikhoesa), longest first.
 */
const ROMANIZED_GLUED_LEGAL_FORMS: readonly string[] = ['yuhanchaekimhoesa', 'chusikhoesa', 'jusikhoesa', 'yuhanhoesa'];

/** Letters a romanized name keeps before a glued legal form (so "jusikhoesa" alone is never split). */
const MIN_ROMANIZED_STEM_LENGTH = 3;

/** First code point of the CJK blocks (radicals onwards): a token below it everywhere is not Han. */
const CJK_START = 0x2e80;

function hasCjk(token: string): boolean {
  for (let index = 0; index < token.length; index += 1) {
    if (token.charCodeAt(index) >= CJK_START) return true;
  }
  return false;
}

/** `token` as its name part(s) and a glued trailing legal form, or null when it has none. */
function splitGluedSuffix(token: string): string[] | null {
  if (!hasCjk(token)) {
    for (const suffix of ROMANIZED_GLUED_LEGAL_FORMS) {
      if (token.length - suffix.length >= MIN_ROMANIZED_STEM_LENGTH && token.endsWith(suffix)) {
        return [token.slice(0, -suffix.length), suffix];
      }
    }
    return null;
  }
  for (const suffix of HAN_LEGAL_FORM_SUFFIXES) {
    // A token that is a legal form in full (有限公司) is set aside whole, not split into 有限 + 公司.
    if (token === suffix) return null;
    if (!token.endsWith(suffix)) continue;
    const stem = token.slice(0, -suffix.length);
    if (suffix === '公司' && HAN_OFFICE_MARKS.has(stem.slice(-1))) return null;
    const group = HAN_GROUP_WORDS.find((word) => stem.length > word.length && stem.endsWith(word));
    return group ? [stem.slice(0, -group.length), group, suffix] : [stem, suffix];
  }
  return null;
}

/** `token` as a glued leading legal form and its name part, or null when it has none. */
function splitGluedPrefix(token: string): string[] | null {
  if (!hasCjk(token)) return null;
  const prefix = HAN_LEGAL_FORM_PREFIXES.find((form) => token.length > form.length && token.startsWith(form));
  return prefix ? [prefix, token.slice(prefix.length)] : null;
}

/**
 * Makes a legal form glued to the first or last word a token of its own, for {@link splitLegalForms} to set aside:
 * `['华信船务有限公司']` → `['华信船务', '有限公司']`, `['华信集团有限公司']` → `['华信', '集团', '有限公司']`,
 * `['株式会社東芝']` → `['株式会社', '東芝']`, `['josonunhaengjusikhoesa']` → `['josonunhaeng', 'jusikhoesa']`.
 * Never empties a token and never touches a word in the middle; returns the tokens unchanged when nothing is glued.
 */
export function splitGluedLegalForms(tokens: readonly string[]): string[] {
  const parts = [...tokens];
  const last = parts.length - 1;
  if (last < 0) return parts;
  const suffix = splitGluedSuffix(parts[last] ?? '');
  if (suffix) parts.splice(last, 1, ...suffix);
  const prefix = splitGluedPrefix(parts[0] ?? '');
  if (prefix) parts.splice(0, 1, ...prefix);
  return parts;
}

/** Company marks written in parentheses before or after a Korean or Japanese name, with the legal form they stand for. */
const COMPANY_MARKS: ReadonlyArray<readonly [RegExp, string]> = [
  // (주) and its one-character form ㈜: 주식회사; (유) ㈲-like Hangul: 유한회사; (사)/(재): incorporated association, foundation.
  [/[(（]\s*주\s*[)）]|㈜/gu, ' 주식회사 '],
  [/[(（]\s*유\s*[)）]/gu, ' 유한회사 '],
  [/[(（]\s*사\s*[)）]/gu, ' 사단법인 '],
  [/[(（]\s*재\s*[)）]/gu, ' 재단법인 '],
  // (株) ㈱ 株式会社, (有) ㈲ 有限会社.
  [/[(（]\s*株\s*[)）]|㈱/gu, ' 株式会社 '],
  [/[(（]\s*有\s*[)）]|㈲/gu, ' 有限会社 '],
];

/** Cheap test before the replacements: every mark has one of these characters. */
const COMPANY_MARK_CHARACTERS = /[주유사재株有㈜㈱㈲]/u;

/**
 * Spells out the parenthesized company marks of Korean and Japanese names — "(주)한국무역", "㈜한국무역",
 * "東芝(株)" — as the legal forms they abbreviate, so they are not read as a parenthetical name part. Meant for the
 * raw name before its parentheses are split off; text without such a mark is returned as is.
 */
export function expandCompanyMarks(raw: string): string {
  if (!COMPANY_MARK_CHARACTERS.test(raw)) return raw;
  let text = raw;
  for (const [mark, legalForm] of COMPANY_MARKS) text = text.replace(mark, legalForm);
  return text;
}

export type LegalFormAgreement = 'same' | 'compatible' | 'conflict' | 'absent';

/**
 * Compares the legal forms of two names: `same` when they share a form (LLC = ООО = GmbH), `compatible` when they
 * share a family (ZAO ~ AO, AG ~ PLC, 주식회사 ~ Ltd ~ JSC) or one side is only a generic Co./Corp./Inc.,
 * `conflict` only when both name specific forms of different families (LLC vs JSC, AG vs GmbH), `absent` when
 * either side has none.
 */
/** The families of `forms`; "Company, Ltd" names a limited company: the generic word says nothing beside a specific form. */
function specificFamilies(forms: readonly LegalFormClass[]): Set<string> {
  const families = new Set<string>();
  for (const form of forms) for (const family of FAMILIES[form]) families.add(family);
  if (families.size > 1) families.delete('generic');
  return families;
}

export function compareLegalForms(a: readonly LegalFormClass[], b: readonly LegalFormClass[]): LegalFormAgreement {
  if (a.length === 0 || b.length === 0) return 'absent';
  if (a.some((form) => b.includes(form))) return 'same';
  const familiesA = specificFamilies(a);
  const familiesB = specificFamilies(b);
  if (familiesA.has('generic') || familiesB.has('generic')) return 'compatible';
  for (const family of familiesA) if (familiesB.has(family)) return 'compatible';
  return 'conflict';
}

/** Short label of a legal form for explanations ("LLC", "JSC"). */
export function legalFormLabel(form: LegalFormClass): string {
  return form.length <= 4 ? form.toUpperCase() : form;
}
