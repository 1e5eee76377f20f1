/**
 * Positive cases in other scripts: DPRK persons in Russian Cyrillic (Kontsevich and Russian common practice), the
 * list's Han names in simplified characters (OpenCC), and listed Latin names in Arabic, Hebrew, Greek, Armenian,
 * Georgian and katakana (scripts the list does not print them in). Written from the scripts' own conventions, never
 * from the matcher's code.
 */
import type { CanonicalEntity } from '../../src/model/entity';
import { hangulName, type KoreanName } from './korean-romanization';
import { type CyrillicGivenStyle, type CyrillicPractice, koreanNameToCyrillic, RUSSIAN_FAMILY_USAGE } from './kontsevich-cyrillic';
import { nameTokens } from './listed-name-index';
import {
  arabicBySound,
  arabicFromLexicon,
  armenianBySound,
  georgianBySound,
  greekBySound,
  hebrewBySound,
  hebrewFromArabic,
  katakanaBySound,
  OTHER_SCRIPTS,
  type OtherScript,
} from './other-script-transliteration';
import {
  ARABIC_NAME_REGIMES,
  collidesWithOther,
  cyrillicPersons,
  type Draft,
  isDprkPerson,
  pickKorean,
  positive,
  type PositiveContext,
  resolveKorean,
  screenableNames,
  WESTERN_NAME_REGIMES,
} from './positive-variants';
import type { Rng } from './prng';
import { transliterate } from './russian-transliteration';

/**
 * A case is kept when the list does not print it (the same text in another script is a new form even when its
 * romanization equals a listed name: Пак Чун Иль for PAK CHUN IL) and it names no other listed entity.
 */
function isNewInScript(ctx: PositiveContext, entity: CanonicalEntity, text: string, out: Draft[]): boolean {
  const printed = entity.names.some((n) => n.name.toLowerCase() === text.toLowerCase());
  if (nameTokens(text).length === 0 || printed || collidesWithOther(ctx, entity, text)) return false;
  return !out.some((c) => c.expectedEntityId === entity.id && c.query.name.toLowerCase() === text.toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------------------
// cyrillic-korean: every DPRK person as Russian paperwork writes Korean names.

function isKpPerson(entity: CanonicalEntity): boolean {
  return entity.type === 'person' && (entity.nationalities.includes('KP') || entity.countries.includes('KP'));
}

const STYLE_LABELS: Record<CyrillicGivenStyle, string> = {
  joined: 'given name joined',
  apart: 'given syllables apart',
  hyphen: 'given syllables hyphenated',
  'hyphen-lower': 'given syllables hyphenated, second in lower case',
};

/** The common-practice deviations that change this name, one or two of them. */
function commonPractice(name: KoreanName, rng: Rng): { practice: CyrillicPractice; labels: string[] } {
  const options: { apply: CyrillicPractice; label: string }[] = [
    { apply: { yeAtStart: true }, label: 'е for word-initial ё' },
    { apply: { yoAsYe: true }, label: 'ё written е' },
    { apply: { unaspiratedCh: true }, label: 'ч for чх' },
    { apply: { initialJ: rng.pick(['дж', 'чж'] as const) }, label: 'дж/чж for word-initial ч' },
  ];
  const usage = RUSSIAN_FAMILY_USAGE[name.family];
  if (usage) {
    const family = rng.pick(usage);
    options.push({ apply: { family }, label: `${family} for ${name.family}` }, { apply: { family }, label: `${family} for ${name.family}` });
  }
  const plain = koreanNameToCyrillic(name, { style: 'apart' });
  const wanted = rng.chance(0.4) ? 2 : 1;
  let practice: CyrillicPractice = {};
  const labels: string[] = [];
  for (const option of rng.shuffle(options)) {
    if (labels.length >= wanted || labels.includes(option.label)) continue;
    const next = { ...practice, ...option.apply };
    if (koreanNameToCyrillic(name, { style: 'apart', practice: next }) === koreanNameToCyrillic(name, { style: 'apart', practice })) continue;
    practice = next;
    labels.push(option.label);
  }
  if (koreanNameToCyrillic(name, { style: 'apart', practice }) === plain) return { practice: {}, labels: [] };
  return { practice, labels };
}

export function cyrillicKoreanCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const entity of ctx.entities.filter(isKpPerson)) {
    if (out.length >= target) break;
    const resolution = resolveKorean(entity);
    if (!resolution) continue;
    const name = pickKorean(resolution, rng);
    const read = `${hangulName(name)} read from "${entity.primaryName}"`;
    const forms: { text: string; label: string }[] = [];
    const style = rng.pick(['joined', 'apart', 'apart', 'hyphen', 'hyphen-lower'] as const);
    const familyLast = rng.chance(0.2);
    forms.push({
      text: koreanNameToCyrillic(name, { style, familyLast }),
      label: `Kontsevich, ${STYLE_LABELS[style]}${familyLast ? ', family name last' : ''}`,
    });
    if (rng.chance(0.5)) {
      const { practice, labels } = commonPractice(name, rng);
      const practiceStyle = rng.pick(['apart', 'apart', 'hyphen', 'joined'] as const);
      const practiceLast = rng.chance(0.25);
      if (labels.length > 0) {
        forms.push({
          text: koreanNameToCyrillic(name, { style: practiceStyle, familyLast: practiceLast, practice }),
          label: `Russian common practice (${labels.join(', ')}), ${STYLE_LABELS[practiceStyle]}${practiceLast ? ', family name last' : ''}`,
        });
      }
    }
    for (const form of forms) {
      if (!isNewInScript(ctx, entity, form.text, out)) continue;
      out.push(positive(entity, 'cyrillic-korean', form.text, `${form.label}: ${read}`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// simplified-chinese: the list's Han names in simplified characters.

// opencc-js types itself as an ES module only; its UMD build loads with require() under tsx and ts-jest alike.
type OpenCcModule = typeof import('opencc-js', { with: { 'resolution-mode': 'import' } });
const toSimplified = (require('opencc-js') as OpenCcModule).Converter({ from: 'hk', to: 'cn' });

/** The Han text of a name: the whole name when it is in Han script, else the Han runs inside it (Jin Tiesan (金铁三)). */
function hanTexts(name: string, script: string): string[] {
  if (script === 'han') return [name];
  return name.match(/\p{Script=Han}+/gu) ?? [];
}

export function simplifiedChineseCases(ctx: PositiveContext, _rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const entity of ctx.entities) {
    for (const n of entity.names) {
      for (const han of hanTexts(n.name, n.script)) {
        const simplified = toSimplified(han);
        if (simplified === han) continue;
        const forms = [{ text: simplified, label: 'simplified characters (OpenCC hk→cn)' }];
        // The seat in brackets is often left out: 华信船务有限公司 for 华信船务(香港)有限公司.
        const withoutSeat = simplified.replace(/[(（][^)）]*[)）]/gu, '');
        if (withoutSeat !== simplified) forms.push({ text: withoutSeat, label: 'simplified characters, the bracketed seat left out' });
        const stem = simplified.replace(/有限(责任)?公司$/u, '');
        if (stem !== simplified && stem.length >= 2) forms.push({ text: stem, label: 'simplified characters, 有限公司 left off as Chinese business shorthand does' });
        for (const form of forms) {
          if (out.length >= target || !isNewInScript(ctx, entity, form.text, out)) continue;
          out.push(positive(entity, 'simplified-chinese', form.text, `${form.label} of "${han}"`));
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// other-script: listed Latin names in Arabic, Hebrew, Greek, Armenian, Georgian and katakana.

interface ScriptCandidate {
  entity: CanonicalEntity;
  source: string;
  render: () => string;
  label: string;
}

/** A kunya alone (Abu Hamza) names a great many people: not a name to write in another script for one of them. */
const KUNYA = /^(abu|abou|umm)\s+\S+$/i;

/**
 * Latin names to render: the primary name first; a person's alias only when it has three words or more (Mohamed Osman
 * names thousands); no "FAMILY, Given" forms (a Latin convention) and no bare kunya.
 */
function latinNames(entity: CanonicalEntity): string[] {
  const minWords = (kind: string): number => (entity.type === 'person' ? (kind === 'primary' ? 2 : 3) : 1);
  return screenableNames(entity)
    .filter((n) => n.script === 'latin' && nameTokens(n.name).length >= minWords(n.kind))
    .filter((n) => !n.name.includes(',') && !KUNYA.test(n.name.trim()))
    .sort((a, b) => Number(b.kind === 'primary') - Number(a.kind === 'primary'))
    .map((n) => n.name);
}

const hasScript = (entity: CanonicalEntity, script: string): boolean => entity.names.some((n) => n.script === script);

/** Arabic-origin names the lexicon spells in full, of entities the list does not print in Arabic. */
function arabicOrigin(entities: CanonicalEntity[]): { entity: CanonicalEntity; source: string; arabic: string }[] {
  const out: { entity: CanonicalEntity; source: string; arabic: string }[] = [];
  for (const entity of entities) {
    if (hasScript(entity, 'arabic') || !entity.listings.some((l) => ARABIC_NAME_REGIMES.has(l.regime))) continue;
    const source = latinNames(entity).find((n) => arabicFromLexicon(n) !== null);
    const arabic = source ? arabicFromLexicon(source) : null;
    if (source && arabic) out.push({ entity, source, arabic });
  }
  return out;
}

/** Persons with European given names (and the investigation's subjects), by their Latin primary name. */
function westernPersons(entities: CanonicalEntity[]): { entity: CanonicalEntity; source: string }[] {
  return entities
    .filter((e) => e.type === 'person' && (e.dataset !== 'un' || e.listings.some((l) => WESTERN_NAME_REGIMES.has(l.regime))))
    .map((entity) => ({ entity, source: latinNames(entity)[0] ?? '' }))
    .filter((p) => p.source.length > 0);
}

/** Persons with Russian or post-Soviet names, by the BGN reading of their Cyrillic name (Armenian and Georgian write those). */
function postSovietPersons(entities: CanonicalEntity[]): { entity: CanonicalEntity; source: string }[] {
  return cyrillicPersons(entities).map((p) => ({
    entity: p.entity,
    source: transliterate(`${p.given}${p.patronymic ? ` ${p.patronymic}` : ''} ${p.family}`, 'bgn'),
  }));
}

/** a0, b0, a1, b1, …: both pools contribute from the start. */
function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x !== undefined) out.push(x);
    if (y !== undefined) out.push(y);
  }
  return out;
}

/** The script's candidates in order of preference: names whose origin suits the script come first. */
function scriptCandidates(script: OtherScript, entities: CanonicalEntity[], rng: Rng): ScriptCandidate[] {
  const arabic = rng.shuffle(arabicOrigin(entities));
  const western = rng.shuffle(westernPersons(entities));
  const postSoviet = rng.shuffle(postSovietPersons(entities));
  const dprk = rng.shuffle(entities.filter((e) => isDprkPerson(e)).map((entity) => ({ entity, source: entity.primaryName })));
  switch (script) {
    case 'arabic':
      return [
        ...arabic.map((a) => ({ ...a, render: () => a.arabic, label: 'Arabic spelling of an Arabic-origin name' })),
        ...western.map((w) => ({ ...w, render: () => arabicBySound(w.source), label: 'Arabic by sound (long vowels written)' })),
      ];
    case 'hebrew':
      return interleave<ScriptCandidate>(
        arabic.map((a) => ({ ...a, render: () => hebrewFromArabic(a.arabic), label: 'Hebrew from the Arabic spelling, letter for letter' })),
        western.map((w) => ({ ...w, render: () => hebrewBySound(w.source), label: 'Hebrew by sound' })),
      );
    case 'greek':
      return interleave(western, postSoviet).map((w) => {
        const upper = rng.chance(0.3);
        return { ...w, render: () => greekBySound(w.source, { upper }), label: upper ? 'Greek by sound, capitals' : 'Greek by sound, with the tonos' };
      });
    case 'armenian':
      return [...postSoviet, ...western].map((w) => ({ ...w, render: () => armenianBySound(w.source), label: 'Eastern Armenian by sound' }));
    case 'georgian':
      return [...postSoviet, ...western].map((w) => ({ ...w, render: () => georgianBySound(w.source), label: 'Georgian by sound' }));
    case 'katakana':
      return interleave<ScriptCandidate>(
        // Japanese writes a Korean given name as one word: パク・ヨンシク.
        dprk.map((d) => ({ ...d, render: () => katakanaBySound(d.source, { joinFrom: 1 }), label: 'katakana by sound, Korean given name as one word' })),
        western.map((w) => ({ ...w, render: () => katakanaBySound(w.source), label: 'katakana by sound, words joined by ・' })),
      );
  }
}

export function otherScriptCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  const perScript = Math.ceil(target / OTHER_SCRIPTS.length);
  for (const script of OTHER_SCRIPTS) {
    let made = 0;
    const candidates = scriptCandidates(script, ctx.entities, rng.fork(script));
    const used = new Set<string>();
    for (const c of candidates) {
      if (made >= perScript) break;
      if (used.has(c.entity.id)) continue;
      const text = c.render();
      if (!isNewInScript(ctx, c.entity, text, out)) continue;
      used.add(c.entity.id);
      out.push(positive(c.entity, 'other-script', text, `${script}: ${c.label} of "${c.source}"`));
      made++;
    }
  }
  return out;
}
