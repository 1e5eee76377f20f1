/**
 * Positive cases that reword a listed name the way businesses and clerks write it: words abbreviated (Department →
 * Dept., Joint Venture → JV) or spelled out, legal forms written in full (LTD → Limited, LLC → Limited Liability
 * Company) or shortened, numerals as digits or words (Office 39 → Office Thirty-Nine, Second → 2nd). Tables of our own,
 * independent of src/matching.
 */
import type { CanonicalEntity } from '../../src/model/entity';
import {
  type Draft,
  isFreshVariant,
  ordered,
  positive,
  type PositiveContext,
  screenableNames,
  titleCase,
} from './positive-variants';
import type { Rng } from './prng';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const isUpper = (text: string): boolean => /[A-Z]/.test(text) && text === text.toUpperCase();

/** A replacement in the case of the name it goes into: capitals in a capitalized name, as written otherwise. */
function inCase(name: string, replacement: string): string {
  return isUpper(name) ? replacement.toUpperCase() : replacement;
}

interface Rewrite {
  /** What was found in the name, as printed. */
  found: string;
  index: number;
  replacement: string;
  label: string;
}

/** Applies non-overlapping rewrites (the earliest-listed wins an overlap) to the name. */
function applyRewrites(name: string, rewrites: Rewrite[]): string {
  let text = name;
  for (const r of rewrites.slice().sort((a, b) => b.index - a.index)) {
    text = text.slice(0, r.index) + r.replacement + text.slice(r.index + r.found.length);
  }
  return text.replace(/\s+/g, ' ').trim();
}

function withoutOverlaps(rewrites: Rewrite[]): Rewrite[] {
  const kept: Rewrite[] = [];
  for (const r of rewrites) {
    const end = r.index + r.found.length;
    if (kept.some((k) => r.index < k.index + k.found.length && k.index < end)) continue;
    kept.push(r);
  }
  return kept;
}

/** One case from the rewrites: one of them, or all of them; a capitalized name sometimes title-cased first. */
function rewrittenForms(name: string, rewrites: Rewrite[], rng: Rng): { text: string; label: string }[] {
  const forms: { text: string; label: string }[] = [];
  const one = rng.pick(rewrites);
  const some = rewrites.length > 1 && rng.chance(0.5) ? rewrites : [one];
  for (const chosen of [some, [one]]) {
    const text = applyRewrites(name, chosen);
    if (forms.some((f) => f.text === text)) continue;
    forms.push({ text, label: chosen.map((r) => r.label).join('; ') });
  }
  return forms;
}

const MAX_NAME_LENGTH = 100;

/** Latin names of an organization a screener would be given, as printed. */
function orgNames(entity: CanonicalEntity): string[] {
  return screenableNames(entity)
    .filter((n) => n.script === 'latin')
    .map((n) => (n.raw ?? n.name).replace(/\s+/g, ' ').trim())
    // Not the list's run-on entries that pack a dozen aliases into one (Hay'at Tahrir al-Sham (…; …; …)).
    .filter((n) => !n.includes(';') && n.length <= MAX_NAME_LENGTH);
}

// ---------------------------------------------------------------------------------------------------------------------
// abbreviation.

/** Words and phrases with the abbreviations businesses and registers write for them; both directions are used. */
const ABBREVIATIONS: { long: string; short: string[] }[] = [
  { long: "Democratic People's Republic of Korea", short: ['DPRK', 'D.P.R.K.', 'DPR Korea'] },
  { long: "Korean People's Army", short: ['KPA'] },
  { long: 'Joint Venture', short: ['JV', 'J.V.', 'J/V'] },
  { long: 'Department', short: ['Dept.', 'Dept', 'Dep.'] },
  { long: 'International', short: ["Int'l", 'Intl.', 'Intl'] },
  { long: 'Association', short: ['Assn.', 'Assoc.'] },
  { long: 'Manufacturing', short: ['Mfg.'] },
  { long: 'Brothers', short: ['Bros.'] },
  { long: 'National', short: ['Natl.', "Nat'l"] },
  { long: 'Corporation', short: ['Corp.', 'Corp'] },
  { long: 'Company', short: ['Co.'] },
  { long: 'and', short: ['&'] },
  { long: 'Foundation', short: ['Fdn.', 'Found.'] },
  { long: 'Organization', short: ['Org.', 'Orgn.'] },
  { long: 'Organisation', short: ['Org.', 'Orgn.'] },
  { long: 'General', short: ['Gen.', 'Genl.'] },
  { long: 'Development', short: ['Dev.', 'Devt.'] },
  { long: 'Technology', short: ['Tech.'] },
  { long: 'Technical', short: ['Tech.'] },
  { long: 'Society', short: ['Soc.'] },
  { long: 'Committee', short: ['Cttee.', 'Cmte.'] },
  { long: 'Commission', short: ['Commn.', 'Comm.'] },
  { long: 'Ministry', short: ['Min.'] },
  { long: 'Institute', short: ['Inst.'] },
  { long: 'University', short: ['Univ.'] },
  { long: 'Academy', short: ['Acad.'] },
  { long: 'Centre', short: ['Ctr.'] },
  { long: 'Center', short: ['Ctr.'] },
  { long: 'Brigade', short: ['Bde.'] },
  { long: 'Battalion', short: ['Bn.'] },
  { long: 'Shipping', short: ['Shpg.', 'Shpg'] },
  { long: 'Trading', short: ['Trdg.'] },
  { long: 'Industry', short: ['Ind.'] },
  { long: 'Industrial', short: ['Indl.'] },
  { long: 'Industries', short: ['Inds.'] },
  { long: 'Import', short: ['Imp.'] },
  { long: 'Export', short: ['Exp.'] },
  { long: 'Management', short: ['Mgmt.', 'Mgt.'] },
  { long: 'Engineering', short: ['Engg.', 'Eng.'] },
  { long: 'Machinery', short: ['Mach.'] },
  { long: 'Investment', short: ['Inv.'] },
  { long: 'Services', short: ['Svcs.'] },
  { long: 'Group', short: ['Grp.'] },
];
/** Short forms that are legal forms (Co., Corp.): written out by the long-legal-form class, not here. */
const LEGAL_SHORT = new Set(['co.', 'corp.', 'corp']);

function abbreviationRewrites(name: string, rng: Rng): Rewrite[] {
  const rewrites: Rewrite[] = [];
  for (const { long, short } of ABBREVIATIONS) {
    for (const m of name.matchAll(new RegExp(`(?<![\\w'])${escape(long)}(?![\\w'])`, 'gi'))) {
      const abbreviation = rng.pick(short);
      // "and" → "&" only between words, never as the first word.
      if (long === 'and' && (m.index ?? 0) === 0) continue;
      rewrites.push({ found: m[0], index: m.index ?? 0, replacement: inCase(name, abbreviation), label: `"${m[0]}" → "${abbreviation}"` });
    }
    for (const form of short) {
      if (LEGAL_SHORT.has(form.toLowerCase())) continue;
      const bare = form.replace(/\.$/, '');
      for (const m of name.matchAll(new RegExp(`(?<![\\w'&/])${escape(bare)}\\.?(?![\\w'/])`, 'gi'))) {
        // Only the form as the list prints it: JV, J/V, &, KPA, DPRK, SHPG, Intl. — not a word that happens to match.
        if (form === '&' || /^[A-Z/&.]+$/.test(m[0].replace(/\./g, '')) || m[0].endsWith('.')) {
          const written = inCase(name, long);
          rewrites.push({ found: m[0], index: m.index ?? 0, replacement: written, label: `"${m[0]}" → "${long}"` });
        }
      }
    }
  }
  return withoutOverlaps(rewrites.sort((a, b) => b.found.length - a.found.length));
}

export function abbreviationCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  const orgs = ordered({ ...ctx, entities: ctx.entities.filter((e) => e.type === 'organization') }, rng, 0.5);
  for (let round = 0; round < 3 && out.length < target; round++) {
    for (const entity of orgs) {
      if (out.length >= target) break;
      const names = rng.shuffle(orgNames(entity)).filter((n) => abbreviationRewrites(n, rng).length > 0);
      const name = names[0];
      if (!name) continue;
      const source = round > 0 && isUpper(name) && rng.chance(0.5) ? titleCase(name) : name;
      const rewrites = abbreviationRewrites(source, rng);
      if (rewrites.length === 0) continue;
      const form = rng.pick(rewrittenForms(source, rewrites, rng));
      if (!isFreshVariant(ctx, entity, form.text, out)) continue;
      out.push(positive(entity, 'abbreviation', form.text, `${form.label} in "${name}"`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// long-legal-form.

/** Legal forms, short ↔ long. Longest patterns first: an overlap goes to the longer form (CO LTD before LTD). */
const LEGAL_FORM_RULES: { pattern: RegExp; long: string[]; label: string }[] = [
  { pattern: /\bco(?:\.|\b),?\s*ltd\b\.?/gi, long: ['Company Limited'], label: 'Co. Ltd written out' },
  { pattern: /\bpte\.?\s+ltd\b\.?/gi, long: ['Private Limited'], label: 'Pte Ltd written out' },
  { pattern: /\blimited liability company\b/gi, long: ['LLC'], label: 'Limited Liability Company shortened' },
  { pattern: /\bcompany,?\s+limited\b/gi, long: ['Co., Ltd.', 'Co. Ltd'], label: 'Company Limited shortened' },
  { pattern: /\bpjsc\b/gi, long: ['Public Joint Stock Company'], label: 'PJSC written out' },
  { pattern: /\bjsc\b/gi, long: ['Joint Stock Company', 'Joint-Stock Company'], label: 'JSC written out' },
  { pattern: /\bllc\b/gi, long: ['Limited Liability Company'], label: 'LLC written out' },
  { pattern: /\bplc\b/gi, long: ['Public Limited Company'], label: 'PLC written out' },
  { pattern: /\bltd\b\.?/gi, long: ['Limited'], label: 'Ltd written out' },
  { pattern: /\blimited\b/gi, long: ['Ltd.', 'Ltd'], label: 'Limited shortened' },
  { pattern: /\bcorp\b\.?/gi, long: ['Corporation'], label: 'Corp written out' },
  { pattern: /\binc\b\.?/gi, long: ['Incorporated'], label: 'Inc written out' },
  { pattern: /\bco\b\.?$/gi, long: ['Company'], label: 'Co written out' },
  { pattern: /\bgmbh\b/gi, long: ['Gesellschaft mit beschränkter Haftung'], label: 'GmbH written out' },
  { pattern: /\bag$/gi, long: ['Aktiengesellschaft'], label: 'AG written out' },
  { pattern: /\bs\.a\.?$/gi, long: ['Société Anonyme', 'Sociedad Anónima'], label: 'S.A. written out' },
];

/** Russian legal forms written out, for an entity whose Latin name carries the form and whose Cyrillic name does not. */
const RUSSIAN_LONG_FORMS: Record<string, string> = {
  llc: 'Общество с ограниченной ответственностью',
  jsc: 'Акционерное общество',
  pjsc: 'Публичное акционерное общество',
};

function legalFormRewrites(name: string, rng: Rng): Rewrite[] {
  const rewrites: Rewrite[] = [];
  for (const rule of LEGAL_FORM_RULES) {
    for (const m of name.matchAll(rule.pattern)) {
      const long = rng.pick(rule.long);
      rewrites.push({ found: m[0], index: m.index ?? 0, replacement: inCase(name, long), label: `${rule.label}: "${m[0].trim()}" → "${long}"` });
    }
  }
  return withoutOverlaps(rewrites);
}

export function longLegalFormCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  const orgs = ordered({ ...ctx, entities: ctx.entities.filter((e) => e.type === 'organization') }, rng, 0.5);
  for (let round = 0; round < 3 && out.length < target; round++) {
    for (const entity of orgs) {
      if (out.length >= target) break;
      const candidates: { text: string; label: string; source: string }[] = [];
      for (const name of orgNames(entity)) {
        const source = round > 0 && isUpper(name) && rng.chance(0.5) ? titleCase(name) : name;
        const rewrites = legalFormRewrites(source, rng);
        if (rewrites.length > 0) for (const form of rewrittenForms(source, rewrites, rng)) candidates.push({ ...form, source: name });
        // The Russian long form with the entity's Cyrillic name (LocoTech-Signal LLC → Общество … «ЛокоТех-Сигнал»).
        const form = /\b(pjsc|jsc|llc)\b/i.exec(name)?.[1]?.toLowerCase();
        const russian = form ? RUSSIAN_LONG_FORMS[form] : undefined;
        const cyrillic = entity.names.find((n) => n.script === 'cyrillic' && !/^(ООО|АО|ПАО|ЗАО|ОАО)\s/.test(n.name));
        if (russian && cyrillic) candidates.push({ text: `${russian} «${cyrillic.name}»`, label: `${form?.toUpperCase()} written out in Russian before the Cyrillic name`, source: name });
      }
      const chosen = rng.shuffle(candidates).find((c) => isFreshVariant(ctx, entity, c.text, out));
      if (!chosen) continue;
      out.push(positive(entity, 'long-legal-form', chosen.text, `${chosen.label} in "${chosen.source}"`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// numerals.

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const ROMAN: Record<string, number> = { ii: 2, iii: 3, iv: 4 };
/** Numbers from 1000 on are years or document numbers in this list (born in 1963), not names. */
const MAX_NUMBER = 999;

/** English words for 0–999: 44 → Forty-Four, 586 → Five Hundred Eighty-Six. */
export function numberToWords(n: number): string {
  const below100 = (x: number): string =>
    x < 20 ? (UNITS[x] ?? '') : `${TENS[Math.floor(x / 10)] ?? ''}${x % 10 === 0 ? '' : `-${UNITS[x % 10] ?? ''}`}`;
  const text = n < 100 ? below100(n) : `${UNITS[Math.floor(n / 100)] ?? ''} hundred${n % 100 === 0 ? '' : ` ${below100(n % 100)}`}`;
  return titleCase(text);
}

/** "forty-four" / "one" → 44 / 1, or null. */
function wordsToNumber(word: string): number | null {
  const w = word.toLowerCase();
  const unit = UNITS.indexOf(w);
  if (unit >= 0) return unit;
  const [tens, units] = w.split('-');
  const t = TENS.indexOf(tens ?? '');
  if (t >= 2 && units === undefined) return t * 10;
  const u = UNITS.indexOf(units ?? '');
  return t >= 2 && u > 0 && u < 10 ? t * 10 + u : null;
}

const ordinalSuffix = (n: number): string => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** Korean 제N (romanized CHE N, "number N"): a Korean ordinal prefix, not an English numeral to spell out. */
const KOREAN_ORDINAL_PREFIX = /\bche\s+\d/i;
/** A French name (Mouvement du 23 mars): its numbers are not written in English words. */
const FRENCH_NAME = /\b(du|des|les|pour|et|au|aux)\b/i;

function numeralRewrites(name: string, rng: Rng): Rewrite[] {
  const rewrites: Rewrite[] = [];
  if (KOREAN_ORDINAL_PREFIX.test(name) || /\d{4,}/.test(name)) return rewrites;
  // Digits after a dot or with a leading zero are reference numbers (KPE.018), not numerals.
  for (const m of name.matchAll(/(?<![\w#-])[A-Za-z]+(?:-[A-Za-z]+)?(?![\w-])|(?<![\w#.-])[1-9]\d*(?:st|nd|rd|th)?(?![\w-])/gi)) {
    const token = m[0];
    const index = m.index ?? 0;
    const lower = token.toLowerCase();
    const digits = /^(\d+)(st|nd|rd|th)?$/i.exec(token);
    let replacement: string | null = null;
    let label = '';
    if (digits) {
      const n = Number(digits[1]);
      if (n > MAX_NUMBER) continue;
      if (digits[2]) {
        replacement = titleCase(ORDINALS[n] ?? '');
        label = `ordinal "${token}" as a word`;
      } else {
        if (FRENCH_NAME.test(name)) continue;
        const words = numberToWords(n);
        replacement = rng.chance(0.3) ? words.replace(/-/g, ' ') : words;
        label = `"${token}" in words`;
      }
    } else if (ORDINALS.includes(lower)) {
      replacement = ordinalSuffix(ORDINALS.indexOf(lower));
      label = `ordinal "${token}" in digits`;
    } else if (ROMAN[lower] !== undefined && token === token.toUpperCase()) {
      const n = ROMAN[lower] ?? 0;
      replacement = rng.chance(0.5) ? ordinalSuffix(n) : titleCase(ORDINALS[n] ?? '');
      label = `Roman "${token}" as an ordinal`;
    } else {
      const n = wordsToNumber(lower);
      if (n === null || n === 0) continue;
      replacement = String(n);
      label = `"${token}" in digits`;
    }
    if (!replacement) continue;
    rewrites.push({ found: token, index, replacement: inCase(name, replacement), label });
  }
  return rewrites;
}

/** Parenthesized remarks that only restate a number ("III (third)") go: the case rewrites the number itself. */
const stripNumberRemark = (name: string): string => name.replace(/\s*\((first|second|third|fourth|fifth)\)\s*/gi, ' ').trim();

export function numeralCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const entity of ctx.entities) {
    for (const n of screenableNames(entity).filter((x) => x.script === 'latin')) {
      if (out.length >= target) return out;
      const name = stripNumberRemark((n.raw ?? n.name).replace(/\s+/g, ' ').trim());
      const rewrites = numeralRewrites(name, rng);
      if (rewrites.length === 0) continue;
      const text = applyRewrites(name, rewrites);
      if (!isFreshVariant(ctx, entity, text, out)) continue;
      out.push(positive(entity, 'numerals', text, `${rewrites.map((r) => r.label).join('; ')} in "${n.raw ?? n.name}"`));
    }
  }
  return out;
}
