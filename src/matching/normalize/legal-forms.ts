import { boundedEditDistance } from './edit-distance';
import { phoneticSkeleton } from './phonetic-skeleton';

/**
 * Organization legal forms in Latin and (transliterated) Cyrillic: ООО/OOO/LLC, АО/AO/JSC, ПАО/PJSC, ЗАО/CJSC,
 * ОАО/OJSC, Ltd, Inc, Corp, GmbH, Co., LLP, PLC, SA, AG … They are set aside from the name parts (a bank may or may
 * not write them) and kept as a feature: whether the query's and the list name's legal forms agree.
 */

export type LegalFormClass =
  | 'llc'
  | 'ltd'
  | 'jsc'
  | 'pjsc'
  | 'cjsc'
  | 'ojsc'
  | 'corporation'
  | 'company'
  | 'partnership'
  | 'state-enterprise'
  | 'non-profit';

/** Families of legal forms a registry may write for one and the same organization (ZAO became AO in 2014 …). */
const FAMILY: Readonly<Record<LegalFormClass, string>> = {
  llc: 'private-limited',
  ltd: 'private-limited',
  jsc: 'joint-stock',
  pjsc: 'joint-stock',
  cjsc: 'joint-stock',
  ojsc: 'joint-stock',
  corporation: 'generic',
  company: 'generic',
  partnership: 'partnership',
  'state-enterprise': 'state-enterprise',
  'non-profit': 'non-profit',
};

/** Written forms (already lower-case, transliterated and normalized) of each legal form. */
const LEGAL_FORM_SPELLINGS: Readonly<Record<LegalFormClass, readonly string[]>> = {
  llc: [
    'llc',
    'ooo',
    'limited liability company',
    'obshchestvo s ogranichennoy otvetstvennostyu',
    'tov',
    'tovarystvo z obmezhenoyu vidpovidalnistyu',
    'gmbh',
    'sarl',
    'srl',
    'sp z o o',
  ],
  ltd: ['ltd', 'l td', 'limited', 'co ltd', 'company limited', 'pvt ltd', 'private limited', 'pte ltd', 'pty ltd', 'bv'],
  jsc: ['jsc', 'ao', 'joint stock company', 'aktsionernoye obshchestvo', 'ag', 'sa', 'nv'],
  pjsc: ['pjsc', 'pao', 'public joint stock company', 'publichnoye aktsionernoye obshchestvo', 'plc', 'public limited company', 'pat'],
  cjsc: ['cjsc', 'zao', 'closed joint stock company', 'zakrytoye aktsionernoye obshchestvo'],
  ojsc: ['ojsc', 'oao', 'open joint stock company', 'otkrytoye aktsionernoye obshchestvo'],
  corporation: ['corp', 'corporation', 'inc', 'incorporated'],
  company: ['co', 'company', 'kompaniya'],
  partnership: ['llp', 'lp', 'limited partnership', 'limited liability partnership'],
  'state-enterprise': ['fgup', 'gup', 'mup', 'federal state unitary enterprise', 'state unitary enterprise'],
  'non-profit': ['ano', 'nko', 'autonomous non profit organization'],
};

interface LegalFormPattern {
  legalForm: LegalFormClass;
  /**
   * The words to compare: exact text for short ones (ao, co, sa: a skeleton would turn the Korean name "Ko" into
   * "Co."), the phonetic skeleton for longer ones, so transliteration variants (ogranichennoi/ogranichennoy) match.
   */
  words: string[];
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

/** Longest patterns first, so "co ltd" wins over "ltd" and "public joint stock company" over "company". */
const PATTERNS: readonly LegalFormPattern[] = Object.entries(LEGAL_FORM_SPELLINGS)
  .flatMap(([legalForm, spellings]) =>
    spellings.map((spelling) => ({
      legalForm: legalForm as LegalFormClass,
      words: spelling.split(' ').map(comparableWord),
    })),
  )
  .sort((a, b) => b.words.length - a.words.length);

export interface LegalFormSplit {
  /** Indices of the tokens that remain name parts, in order. */
  kept: number[];
  /** The legal forms found at the start or end of the name, in reading order. */
  legalForms: LegalFormClass[];
}

function patternAt(words: readonly string[], start: number, end: number): LegalFormPattern | null {
  for (const pattern of PATTERNS) {
    const length = pattern.words.length;
    if (length > end - start) continue;
    if (pattern.words.every((word, offset) => words[start + offset] === word)) return pattern;
  }
  return null;
}

/** One-word legal forms at least this long are still recognized with one typo (Cop → Corp, Limted → Limited). */
const MISSPELT_FORM_MIN_LENGTH = 4;

/** One-word spellings as written (not as skeletons): a typo is an edit of the letters. */
const ONE_WORD_SPELLINGS: ReadonlyArray<{ spelling: string; pattern: LegalFormPattern }> = Object.entries(
  LEGAL_FORM_SPELLINGS,
).flatMap(([legalForm, spellings]) =>
  spellings
    .filter((spelling) => !spelling.includes(' ') && spelling.length >= MISSPELT_FORM_MIN_LENGTH)
    .map((spelling) => ({ spelling, pattern: { legalForm: legalForm as LegalFormClass, words: [spelling] } })),
);

/** A one-word legal form one edit away from the written `word` (at the end of a name only), or null. */
function misspeltLegalForm(word: string): LegalFormPattern | null {
  if (word.length < MISSPELT_FORM_MIN_LENGTH - 1) return null;
  for (const { spelling, pattern } of ONE_WORD_SPELLINGS) {
    if (boundedEditDistance(word, spelling, 1) <= 1) return pattern;
  }
  return null;
}

function patternEndingAt(words: readonly string[], start: number, end: number): LegalFormPattern | null {
  for (const pattern of PATTERNS) {
    const length = pattern.words.length;
    if (length > end - start) continue;
    if (pattern.words.every((word, offset) => words[end - length + offset] === word)) return pattern;
  }
  return null;
}

/**
 * Sets aside legal forms written at the start ("OOO Romashka", "АО Росатом") or the end ("LocoTech-Signal LLC",
 * "Korea Kwangson Banking Corp") of a name given as its normalized tokens. Never removes every token:
 * a name that is only a legal form keeps it as a name part.
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
  const pattern = patternAt(words, 0, words.length);
  return pattern && pattern.words.length === words.length ? pattern.legalForm : null;
}

export type LegalFormAgreement = 'same' | 'compatible' | 'conflict' | 'absent';

/**
 * Compares the legal forms of two names: `same` when they share a form (LLC = ООО), `compatible` when they share a
 * family or one side is only a generic Co./Corp./Inc. (a registry rewrites ZAO as AO), `conflict` when both carry
 * forms of different families (LLC vs JSC), `absent` when either side has none.
 */
export function compareLegalForms(a: readonly LegalFormClass[], b: readonly LegalFormClass[]): LegalFormAgreement {
  if (a.length === 0 || b.length === 0) return 'absent';
  if (a.some((form) => b.includes(form))) return 'same';
  const familiesA = new Set(a.map((form) => FAMILY[form]));
  const familiesB = new Set(b.map((form) => FAMILY[form]));
  if ([...familiesA].some((family) => familiesB.has(family))) return 'compatible';
  if (familiesA.has('generic') || familiesB.has('generic')) return 'compatible';
  return 'conflict';
}

/** Short label of a legal form for explanations ("LLC", "JSC"). */
export function legalFormLabel(form: LegalFormClass): string {
  return form.length <= 4 ? form.toUpperCase() : form;
}
