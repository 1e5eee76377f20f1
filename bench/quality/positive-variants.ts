/**
 * Positive cases: each names one listed entity in a form a screener must still catch. Rules written from linguistic
 * knowledge of how names reach banks, never from the matcher's code.
 */
import type { CanonicalEntity, EntityName } from '../../src/model/entity';
import type { DevCase, PositiveClass } from './dev-case';
import {
  type GivenStyle,
  hangulName,
  type KoreanName,
  FAMILY_SYLLABLES,
  GIVEN_SYLLABLES,
  readKoreanName,
  readSyllable,
  romanizePopular,
  romanizeRr,
  southernSpelling,
} from './korean-romanization';
import { LEGAL_FORM_WORDS, type ListedNameIndex, nameTokens } from './listed-name-index';
import type { Rng } from './prng';
import {
  latinToCyrillic,
  stripDiacritics,
  transliterate,
  type TranslitSystem,
  UKRAINIAN_GIVEN,
  ukrainianSurname,
} from './russian-transliteration';

export type Draft = Omit<DevCase, 'id'>;

export interface PositiveContext {
  entities: CanonicalEntity[];
  index: ListedNameIndex;
}

/** Cases wanted per class, split between the service's focus (DPRK + investigation) and the rest of the list. */
export const POSITIVE_TARGETS: Record<PositiveClass, number> = {
  exact: 60,
  'case-punctuation': 50,
  reordered: 50,
  typo: 60,
  'korean-rr': 55,
  'korean-popular': 55,
  hangul: 55,
  cyrillic: 45,
  'russian-translit': 45,
  'legal-form': 45,
  acronym: 40,
  'with-qualifiers': 50,
  // Every DPRK person, once or twice: the target only caps it.
  'cyrillic-korean': 200,
  'simplified-chinese': 30,
  'other-script': 100,
  abbreviation: 50,
  'long-legal-form': 45,
  numerals: 40,
  initials: 50,
  nickname: 40,
  'fuller-query': 50,
};

// ---------------------------------------------------------------------------------------------------------------------
// Entity helpers.

export function isFocus(entity: CanonicalEntity): boolean {
  return entity.dataset !== 'un' || entity.listings.some((l) => l.regime === 'DPRK');
}

export function isDprkPerson(entity: CanonicalEntity): boolean {
  return entity.type === 'person' && entity.listings.some((l) => l.regime === 'DPRK');
}

/** Names a screener would be given: not handles, not low-quality one-word aliases. */
export function screenableNames(entity: CanonicalEntity): EntityName[] {
  return entity.names.filter(
    (n) => n.kind !== 'identifier' && n.kind !== 'acronym' && !(n.quality === 'low' && nameTokens(n.name).length < 2),
  );
}

export function key(name: string): string {
  return nameTokens(name).join(' ');
}

function sortedKey(name: string): string {
  return nameTokens(name).sort().join(' ');
}

/** True when the variant reads (tokens in any order) as one of the entity's own names: not a new spelling. */
export function equalsOwnName(entity: CanonicalEntity, variant: string): boolean {
  const k = sortedKey(variant);
  return entity.names.some((n) => sortedKey(n.name) === k);
}

/** True when the variant collides with a different listed entity's name (then it would not test this entity). */
export function collidesWithOther(ctx: PositiveContext, entity: CanonicalEntity, variant: string): boolean {
  const conflict = ctx.index.conflict([variant], { allowInside: true });
  return conflict !== null && conflict.entityId !== entity.id && conflict.rule === 'equal';
}

/** A new form of the entity's name (none of its own, tokens in any order) that names no other listed entity and is not in `out` yet. */
export function isFreshVariant(ctx: PositiveContext, entity: CanonicalEntity, variant: string, out: Draft[]): boolean {
  if (nameTokens(variant).length === 0 || equalsOwnName(entity, variant) || collidesWithOther(ctx, entity, variant)) return false;
  return !out.some((c) => c.expectedEntityId === entity.id && key(c.query.name) === key(variant));
}

/** UN regimes whose listed persons mostly bear Arabic-origin names. */
export const ARABIC_NAME_REGIMES: ReadonlySet<string> = new Set(['Al-Qaida', 'Taliban', 'Iraq', 'Libya', 'Yemen', 'Sudan', 'Somalia']);
/** UN regimes whose listed persons mostly bear European (Christian) given names: Central Africa, Haiti, Guinea-Bissau. */
export const WESTERN_NAME_REGIMES: ReadonlySet<string> = new Set(['DRC', 'CAR', 'SouthSudan', 'Haiti', 'GB']);

export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s\-(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function ordered(ctx: PositiveContext, rng: Rng, focusShare: number): CanonicalEntity[] {
  const focus = rng.shuffle(ctx.entities.filter(isFocus));
  const rest = rng.shuffle(ctx.entities.filter((e) => !isFocus(e)));
  // Interleave so that `focusShare` of the first picks come from the focus group.
  const out: CanonicalEntity[] = [];
  while (focus.length > 0 || rest.length > 0) {
    const takeFocus = rest.length === 0 || (focus.length > 0 && rng.chance(focusShare));
    const next = takeFocus ? focus.shift() : rest.shift();
    if (next) out.push(next);
  }
  return out;
}

export function positive(entity: CanonicalEntity, variantClass: PositiveClass, name: string, note: string): Draft {
  return { query: { name }, expectedEntityId: entity.id, variantClass, note };
}

// ---------------------------------------------------------------------------------------------------------------------
// exact, case-punctuation, reordered, typo.

export function exactCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const entity of ordered(ctx, rng, 0.5)) {
    if (out.length >= target) break;
    const names = screenableNames(entity).filter((n) => nameTokens(n.name).length >= (entity.type === 'person' ? 2 : 1));
    if (names.length === 0) continue;
    const chosen = rng.pick(names);
    const text = chosen.raw ?? chosen.name;
    out.push(positive(entity, 'exact', text.replace(/\s+/g, ' ').trim(), `${chosen.kind} name as listed`));
  }
  return out;
}

const CASE_PUNCTUATION_RULES: { label: string; apply: (s: string) => string }[] = [
  { label: 'lower case', apply: (s) => s.toLowerCase() },
  { label: 'upper case', apply: (s) => s.toUpperCase() },
  { label: 'title case', apply: (s) => titleCase(s) },
  { label: 'hyphens as spaces', apply: (s) => s.replace(/-/g, ' ') },
  { label: 'hyphens dropped', apply: (s) => s.replace(/-/g, '') },
  { label: 'apostrophes dropped', apply: (s) => s.replace(/['’‘`]/g, '') },
  { label: 'straight apostrophes curly', apply: (s) => s.replace(/'/g, '’') },
  { label: 'curly apostrophes straight', apply: (s) => s.replace(/[’‘]/g, "'") },
  { label: 'periods, commas and quotes dropped', apply: (s) => s.replace(/[.,"“”«»]/g, '').replace(/\s+/g, ' ').trim() },
  { label: 'parentheses dropped', apply: (s) => s.replace(/[()]/g, '').replace(/\s+/g, ' ').trim() },
];

export function casePunctuationCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const entity of ordered(ctx, rng, 0.5)) {
    if (out.length >= target) break;
    const names = screenableNames(entity).filter((n) => n.script === 'latin');
    if (names.length === 0) continue;
    // Prefer names with punctuation: that is where spelling noise lives.
    const punctuated = names.filter((n) => /['’\-.,()"]/.test(n.raw ?? n.name));
    const chosen = punctuated.length > 0 && rng.chance(0.7) ? rng.pick(punctuated) : rng.pick(names);
    const original = (chosen.raw ?? chosen.name).replace(/\s+/g, ' ').trim();
    const rules = rng.shuffle(CASE_PUNCTUATION_RULES);
    const applied: string[] = [];
    let text = original;
    for (const rule of rules) {
      const isCaseRule = rule.label.endsWith(' case');
      if (isCaseRule && applied.some((l) => l.endsWith(' case'))) continue;
      const next = rule.apply(text);
      if (next === text || next.trim().length === 0) continue;
      text = next;
      applied.push(rule.label);
      if (applied.length >= (rng.chance(0.4) ? 2 : 1)) break;
    }
    if (applied.length === 0 || text === original) continue;
    out.push(positive(entity, 'case-punctuation', text, `${applied.join(' + ')} of "${original}"`));
  }
  return out;
}

/** Particles that belong to the family name that follows them (el Sayed, bin Laden, van der Berg). */
export const FAMILY_PARTICLES = new Set(['al', 'el', 'bin', 'ben', 'ibn', 'bint', 'abu', 'abou', 'ould', 'van', 'von', 'de', 'da', 'di', 'der', 'le', 'la']);

/** DPRK names are printed family name first (PAK YONG SIK); other names are read with the family name last. */
export function familyGivenOfPerson(entity: CanonicalEntity, name: string): { family: string; given: string } | null {
  const tokens = name.split(/\s+/).filter((t) => t.length > 0);
  if (tokens.length < 2) return null;
  if (isDprkPerson(entity)) return { family: tokens[0] ?? '', given: tokens.slice(1).join(' ') };
  // A kunya ("Abu Ubaidah") is one name, not given + family.
  if (FAMILY_PARTICLES.has((tokens[0] ?? '').toLowerCase()) && tokens.length === 2) return null;
  let split = tokens.length - 1;
  while (split > 1 && FAMILY_PARTICLES.has((tokens[split - 1] ?? '').toLowerCase())) split--;
  return { family: tokens.slice(split).join(' '), given: tokens.slice(0, split).join(' ') };
}

export function reorderedCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const entity of ordered(ctx, rng, 0.5)) {
    if (out.length >= target) break;
    if (entity.type !== 'person') continue;
    const names = screenableNames(entity).filter((n) => n.script === 'latin' && nameTokens(n.name).length >= 2);
    if (names.length === 0) continue;
    const chosen = rng.pick(names);
    const parts = familyGivenOfPerson(entity, chosen.name);
    if (!parts) continue;
    const dprk = isDprkPerson(entity);
    const styles = dprk
      ? [
          { text: `${parts.given} ${parts.family}`, label: 'given name first' },
          { text: `${titleCase(parts.given)} ${parts.family.toUpperCase()}`, label: 'given name first, family name in capitals' },
          { text: `${parts.family}, ${parts.given}`, label: '"FAMILY, Given"' },
        ]
      : [
          { text: `${parts.family} ${parts.given}`, label: 'family name first' },
          { text: `${parts.family.toUpperCase()}, ${parts.given}`, label: '"FAMILY, Given"' },
          { text: `${parts.family}, ${parts.given}`, label: '"Family, Given"' },
        ];
    const style = rng.pick(styles);
    if (style.text === chosen.name) continue;
    out.push(positive(entity, 'reordered', style.text, `${style.label} of "${chosen.name}"`));
  }
  return out;
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function keyboardNeighbour(ch: string, rng: Rng): string {
  const lower = ch.toLowerCase();
  for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
    const row = KEYBOARD_ROWS[r] ?? '';
    const i = row.indexOf(lower);
    if (i < 0) continue;
    const options = [row[i - 1], row[i + 1]].filter((c): c is string => c !== undefined);
    const picked = rng.pick(options);
    return ch === lower ? picked : picked.toUpperCase();
  }
  return ch;
}

/** One edit inside a token: substitution (keyboard neighbour), deletion, or transposition of adjacent letters. */
function editToken(token: string, rng: Rng): { text: string; label: string } | null {
  const kind = rng.pick(['substitution', 'deletion', 'transposition'] as const);
  // Leave the first letter alone: typists rarely miss it, and most indexes key on it.
  const pos = 1 + rng.int(token.length - 1);
  if (kind === 'substitution') {
    const ch = token.charAt(pos);
    const replacement = keyboardNeighbour(ch, rng);
    if (replacement === ch) return null;
    return { text: token.slice(0, pos) + replacement + token.slice(pos + 1), label: `substitution ${ch}→${replacement}` };
  }
  if (kind === 'deletion') {
    return { text: token.slice(0, pos) + token.slice(pos + 1), label: `deletion of ${token.charAt(pos)}` };
  }
  if (pos >= token.length - 1) return null;
  const a = token.charAt(pos);
  const b = token.charAt(pos + 1);
  if (a.toLowerCase() === b.toLowerCase()) return null;
  return { text: token.slice(0, pos) + b + a + token.slice(pos + 2), label: `transposition ${a}${b}→${b}${a}` };
}

/** True when an edited Korean syllable is itself a name syllable (Kyong → Kong, Hyok → Hyo): another name, not a typo. */
function makesAnotherKoreanSyllable(edited: string): boolean {
  for (const mode of ['stripped', 'popular'] as const) {
    for (const h of readSyllable(edited, mode)) if (GIVEN_SYLLABLES.has(h) || FAMILY_SYLLABLES.has(h)) return true;
  }
  return false;
}

/** A lone acronym (MAEI, KCST) is not typed with typos a screener should absorb: one letter off is another acronym. */
const isAcronymLike = (name: string): boolean => /^[A-Z0-9.&\-]{2,6}$/.test(name.trim());

export function typoCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const entity of ordered(ctx, rng, 0.5)) {
    if (out.length >= target) break;
    const names = screenableNames(entity).filter((n) => n.script === 'latin' && !isAcronymLike(n.name));
    if (names.length === 0) continue;
    const chosen = rng.pick(names);
    const tokens = chosen.name.split(' ');
    // Only tokens of 4+ letters: an edit on a 2-3 letter Korean syllable (RI → RO) makes another name, not a typo.
    const eligible = tokens.map((t, i) => ({ t, i })).filter(({ t }) => /^\p{L}{4,}$/u.test(t));
    if (eligible.length === 0) continue;
    const edits = eligible.length >= 2 && rng.chance(0.3) ? 2 : 1;
    const labels: string[] = [];
    const next = tokens.slice();
    for (const { t, i } of rng.shuffle(eligible).slice(0, edits)) {
      const edit = editToken(t, rng);
      if (!edit) continue;
      if (isDprkPerson(entity) && makesAnotherKoreanSyllable(edit.text)) continue;
      next[i] = edit.text;
      labels.push(`${edit.label} in "${t}"`);
    }
    const text = next.join(' ');
    if (labels.length === 0 || equalsOwnName(entity, text) || collidesWithOther(ctx, entity, text)) continue;
    out.push(positive(entity, 'typo', text, `${labels.join('; ')} of "${chosen.name}"`));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Korean: Revised Romanization, popular spellings, Hangul.

export interface KoreanResolution {
  family: Set<string>;
  given: Set<string>[];
  /** Every syllable has exactly one reading. */
  certain: boolean;
  /** The listed names that were read. */
  from: string[];
}

/**
 * Reads a DPRK person's listed names into Hangul: the primary name, narrowed by aliases that spell the same name
 * (same family reading, same number of syllables), e.g. PAK YONG SIK (영 or 용) ∩ Pak Yo'ng-sik (영) → 박영식.
 */
export function resolveKorean(entity: CanonicalEntity): KoreanResolution | null {
  if (!isDprkPerson(entity)) return null;
  const primary = readKoreanName(entity.primaryName);
  if (!primary) return null;
  const family = new Set(primary.family);
  const given = primary.given.map((s) => new Set(s));
  const from = [entity.primaryName];
  for (const alias of entity.names) {
    if (alias.name === entity.primaryName || alias.script !== 'latin') continue;
    const reading = readKoreanName(alias.raw ?? alias.name);
    if (!reading || reading.given.length !== given.length) continue;
    if (![...reading.family].some((h) => family.has(h))) continue;
    const narrowed = given.map((set, i) => new Set([...set].filter((h) => reading.given[i]?.has(h))));
    // An alias that contradicts a syllable is a different name (Kim Hyok Chol for KIM TONG MYONG): ignore it.
    if (narrowed.some((set) => set.size === 0)) continue;
    for (const h of [...family]) if (!reading.family.has(h)) family.delete(h);
    narrowed.forEach((set, i) => (given[i] = set));
    from.push((alias.raw ?? alias.name).replace(/\s+/g, ' '));
  }
  const certain = family.size === 1 && given.every((s) => s.size === 1);
  return { family, given, certain, from };
}

export function pickKorean(resolution: KoreanResolution, rng: Rng): KoreanName {
  return { family: rng.pick([...resolution.family]), given: resolution.given.map((s) => rng.pick([...s])) };
}

function describeReading(resolution: KoreanResolution): string {
  const show = (s: Set<string>) => (s.size === 1 ? [...s].join('') : `{${[...s].join('/')}}`);
  return show(resolution.family) + resolution.given.map(show).join('');
}

function koreanCases(
  ctx: PositiveContext,
  rng: Rng,
  target: number,
  variantClass: 'korean-rr' | 'korean-popular',
): Draft[] {
  const out: Draft[] = [];
  const persons = rng.shuffle(ctx.entities.filter(isDprkPerson));
  for (let round = 0; round < 2 && out.length < target; round++) {
    for (const entity of persons) {
      if (out.length >= target) break;
      const resolution = resolveKorean(entity);
      if (!resolution) continue;
      for (let attempt = 0; attempt < 4; attempt++) {
        const name = pickKorean(resolution, rng);
        const style: GivenStyle = rng.pick(['hyphen', 'hyphen', 'space', 'joined'] as const);
        const romanized = variantClass === 'korean-rr' ? romanizeRr(name, rng, { style }) : romanizePopular(name, rng, { style });
        const [family, ...given] = romanized.split(' ');
        const givenFirst = variantClass === 'korean-popular' && rng.chance(0.3);
        const text = givenFirst ? `${given.join(' ')} ${family ?? ''}` : romanized;
        if (equalsOwnName(entity, text) || collidesWithOther(ctx, entity, text)) continue;
        if (out.some((c) => c.expectedEntityId === entity.id && key(c.query.name) === key(text))) continue;
        const system = variantClass === 'korean-rr' ? 'Revised Romanization' : 'popular spelling';
        out.push(
          positive(entity, variantClass, text, `${system}${givenFirst ? ', given name first,' : ''} of "${entity.primaryName}" read as ${hangulName(name)} (${describeReading(resolution)})`),
        );
        break;
      }
    }
  }
  return out;
}

export const koreanRrCases = (ctx: PositiveContext, rng: Rng, target: number): Draft[] => koreanCases(ctx, rng, target, 'korean-rr');
export const koreanPopularCases = (ctx: PositiveContext, rng: Rng, target: number): Draft[] =>
  koreanCases(ctx, rng, target, 'korean-popular');

export function hangulCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  const persons = rng.shuffle(ctx.entities.filter(isDprkPerson));
  for (const entity of persons) {
    if (out.length >= target) break;
    const resolution = resolveKorean(entity);
    if (!resolution?.certain) continue;
    const name = pickKorean(resolution, rng);
    // A South Korean bank writes the family name by the southern initial-sound law (리 → 이, 류 → 유).
    const southern = rng.chance(0.25);
    const family = southern ? southernSpelling(name.family) : name.family;
    const given = name.given.join('');
    const text = rng.chance(0.8) ? family + given : `${family} ${given}`;
    const spelled = southern && family !== name.family ? ', southern spelling of the family name' : '';
    out.push(positive(entity, 'hangul', text, `Hangul of "${entity.primaryName}" (read from ${resolution.from.map((n) => `"${n}"`).join(', ')})${spelled}`));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Russian: Cyrillic and other transliterations.

const POST_SOVIET = new Set(['RU', 'UA', 'BY', 'KZ', 'UZ', 'TJ', 'KG', 'TM', 'GE', 'AZ', 'AM', 'MD']);
const PATRONYMIC = /(вич|вна|ич|чна)$/i;
const PATRONYMIC_LATIN = /(vich|vna|ich|ichna)$/i;

export interface CyrillicPerson {
  entity: CanonicalEntity;
  /** Cyrillic words of the name and which is which. */
  given: string;
  patronymic: string | null;
  family: string;
  source: string;
}

function splitRussianName(words: string[], familyFirst: boolean): { given: string; patronymic: string | null; family: string } | null {
  if (words.length < 2) return null;
  const pIndex = words.findIndex((w, i) => i > 0 && PATRONYMIC.test(w));
  if (pIndex > 0) {
    const given = words[pIndex - 1] ?? '';
    const rest = words.filter((_w, i) => i !== pIndex && i !== pIndex - 1);
    return { given, patronymic: words[pIndex] ?? null, family: rest.join(' ') };
  }
  if (words.length !== 2) return null;
  return familyFirst
    ? { family: words[0] ?? '', given: words[1] ?? '', patronymic: null }
    : { given: words[0] ?? '', family: words[1] ?? '', patronymic: null };
}

/** Persons with Russian or post-Soviet names: Cyrillic as listed (or added by the investigation), else from the Latin. */
export function cyrillicPersons(entities: CanonicalEntity[]): CyrillicPerson[] {
  const out: CyrillicPerson[] = [];
  for (const entity of entities) {
    if (entity.type !== 'person') continue;
    const cyrillic = entity.names.find((n) => n.script === 'cyrillic' && nameTokens(n.name).length >= 2);
    const postSoviet = entity.nationalities.some((c) => POST_SOVIET.has(c)) || entity.countries.some((c) => POST_SOVIET.has(c));
    if (cyrillic) {
      const words = cyrillic.name.replace(/\s+/g, ' ').trim().split(' ');
      // The UN prints original-script Russian names family first when there is a patronymic at the end.
      const familyFirst = words.length === 3 && PATRONYMIC.test(words[2] ?? '');
      const split = familyFirst
        ? { family: words[0] ?? '', given: words[1] ?? '', patronymic: words[2] ?? null }
        : splitRussianName(words, false);
      if (split) out.push({ entity, ...split, source: cyrillic.name });
      continue;
    }
    if (!postSoviet) continue;
    const latin = entity.primaryName.replace(/\s+/g, ' ').trim().split(' ');
    if (latin.length < 2 || latin.length > 3) continue;
    // Latin UN names of post-Soviet persons: GIVEN PATRONYMIC FAMILY or GIVEN FAMILY.
    if (latin.length === 3 && !PATRONYMIC_LATIN.test(latin[1] ?? '')) continue;
    const words = latin.map((w) => latinToCyrillic(titleCase(w)));
    const split = splitRussianName(words, false);
    if (split) out.push({ entity, ...split, source: `${entity.primaryName} (Cyrillic written from the Latin)` });
  }
  return out;
}

export function cyrillicCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  const persons = rng.shuffle(cyrillicPersons(ctx.entities));
  for (let round = 0; round < 4 && out.length < target; round++) {
    for (const p of persons) {
      if (out.length >= target) break;
      const ukrainianGiven = UKRAINIAN_GIVEN[p.given];
      const forms: { text: string; label: string }[] = [
        { text: `${p.family} ${p.given}${p.patronymic ? ` ${p.patronymic}` : ''}`, label: 'family name first' },
        { text: `${p.given}${p.patronymic ? ` ${p.patronymic}` : ''} ${p.family}`, label: 'given name first' },
        { text: `${p.family.toUpperCase()} ${p.given}`, label: 'family name first in capitals, no patronymic' },
        { text: `${p.family}, ${p.given}`, label: '"Family, Given"' },
        { text: `${p.given} ${p.family}`, label: 'given and family name only' },
        { text: `${p.given} ${p.family}`.replace(/ё/g, 'е').replace(/Ё/g, 'Е'), label: 'ё written as е' },
      ];
      if (ukrainianGiven) {
        forms.push({ text: `${ukrainianGiven} ${ukrainianSurname(p.family)}`, label: 'Ukrainian spelling' });
      }
      const fresh = rng
        .shuffle(forms)
        .filter((f) => !p.entity.names.some((n) => n.name.toLowerCase() === f.text.toLowerCase()))
        .filter((f) => !out.some((c) => c.query.name === f.text));
      const chosen = fresh[0];
      if (!chosen) continue;
      out.push(positive(p.entity, 'cyrillic', chosen.text, `Cyrillic, ${chosen.label}, of "${p.entity.primaryName}" (from ${p.source})`));
    }
  }
  return out;
}

const SYSTEM_LABELS: Record<TranslitSystem, string> = {
  bgn: 'BGN/PCGN',
  icao: 'ICAO 9303 (Russian passports since 2013)',
  german: 'German (Duden)',
  french: 'French',
  polish: 'Polish',
  scholarly: 'scholarly / ISO 9',
};

export function russianTranslitCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  const persons = rng.shuffle(cyrillicPersons(ctx.entities));
  for (let round = 0; round < 4 && out.length < target; round++) {
    for (const p of persons) {
      if (out.length >= target) break;
      const cyr = `${p.given}${p.patronymic ? ` ${p.patronymic}` : ''} ${p.family}`;
      for (const system of rng.shuffle(['icao', 'german', 'french', 'polish', 'scholarly', 'bgn'] as TranslitSystem[])) {
        let text = transliterate(cyr, system);
        const stripped = system !== 'bgn' && system !== 'icao' && rng.chance(0.5);
        if (stripped) text = stripDiacritics(text);
        if (!p.patronymic && rng.chance(0.25)) text = text.split(' ').reverse().join(' ');
        if (equalsOwnName(p.entity, text) || collidesWithOther(ctx, p.entity, text)) continue;
        if (out.some((c) => c.expectedEntityId === p.entity.id && key(c.query.name) === key(text))) continue;
        out.push(
          positive(p.entity, 'russian-translit', text, `${SYSTEM_LABELS[system]}${stripped ? ' without diacritics' : ''} of ${cyr} ("${p.entity.primaryName}")`),
        );
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Organizations: legal forms and acronyms.

const COMMERCIAL_WORDS = /\b(trading|shipping|bank|company|corporation|corp|co|ltd|limited|llc|plant|holding|industries|energy|technology|machinery|electronics|group|enterprise|insurance|finance|maritime|marine|import|export|jv|pte|factory|centre|center|college|signal|meat|shpg|development|international|transmashholding)\b/i;
const PUBLIC_BODY_WORDS = /\b(ministry|department|bureau|committee|commission|office|academy|force|forces|army|embassy|university|service|congress|administration|party|council|movement|front|brigade|battalion|jamaat|organization|organisation|network|emirate|state|tribe|militia|insider|fund)\b/i;

export const LATIN_FORMS_SWAP: Record<string, string[]> = {
  corporation: ['Corp.', 'Co.', 'Company', 'Ltd', 'Limited', 'LLC', 'JSC'],
  corp: ['Corporation', 'Co.', 'Ltd'],
  company: ['Co.', 'Corporation', 'Co., Ltd.', 'Ltd', 'LLC'],
  co: ['Company', 'Co., Ltd.', 'Corporation', 'Ltd'],
  limited: ['Ltd', 'Ltd.', 'LLC'],
  ltd: ['Limited', 'LLC', 'Co.'],
  llc: ['OOO', 'Ltd', 'Limited Liability Company', 'L.L.C.'],
};

/** UN regimes whose entities are armed groups and networks, never companies that take a legal form. */
const NON_COMMERCIAL_REGIMES = new Set(['Al-Qaida', 'Taliban', 'Somalia', 'Yemen', 'Haiti']);

export function isCommercial(entity: CanonicalEntity): boolean {
  if (entity.type !== 'organization') return false;
  if (PUBLIC_BODY_WORDS.test(entity.primaryName)) return false;
  if (entity.dataset !== 'un') return true;
  return !entity.listings.some((l) => NON_COMMERCIAL_REGIMES.has(l.regime)) && COMMERCIAL_WORDS.test(entity.primaryName);
}

/** Names of a commercial organization that read as a company name (not a slogan or a public body's alias). */
export function isCompanyName(entity: CanonicalEntity, name: string): boolean {
  return !PUBLIC_BODY_WORDS.test(name) && (entity.dataset !== 'un' || COMMERCIAL_WORDS.test(name));
}

export function legalFormCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  const orgs = ordered({ ...ctx, entities: ctx.entities.filter(isCommercial) }, rng, 0.7);
  for (let round = 0; round < 2 && out.length < target; round++) {
    for (const entity of orgs) {
      if (out.length >= target) break;
      const latinNames = screenableNames(entity).filter((n) => n.script === 'latin' && isCompanyName(entity, n.name));
      const cyrillicNames = screenableNames(entity).filter((n) => n.script === 'cyrillic');
      const russian = entity.countries.includes('RU');
      const candidates: { text: string; label: string }[] = [];
      for (const n of latinNames) {
        const words = n.name.replace(/\s+/g, ' ').trim().split(' ');
        const lastIndex = words.length - 1;
        const last = (words[lastIndex] ?? '').toLowerCase().replace(/[.,]/g, '');
        const lastTwo = words.slice(-2).join(' ').toLowerCase().replace(/[.,]/g, '');
        if (lastTwo === 'co ltd' || lastTwo === 'company limited') {
          const stem = words.slice(0, -2).join(' ').replace(/,$/, '');
          candidates.push({ text: stem, label: `"${words.slice(-2).join(' ')}" removed` });
          candidates.push({ text: `${stem} Corporation`, label: `"${words.slice(-2).join(' ')}" → "Corporation"` });
        } else if (LEGAL_FORM_WORDS.has(last) && LATIN_FORMS_SWAP[last]) {
          const stem = words.slice(0, -1).join(' ').replace(/,$/, '');
          if (nameTokens(stem).length >= 2 || entity.dataset !== 'un') {
            candidates.push({ text: stem, label: `"${words[lastIndex] ?? ''}" removed` });
          }
          const swap = rng.pick(LATIN_FORMS_SWAP[last] ?? []);
          candidates.push({ text: `${stem} ${swap}`, label: `"${words[lastIndex] ?? ''}" → "${swap}"` });
        } else if (!/\(/.test(n.name)) {
          const forms = russian ? ['OOO', 'LLC', 'JSC', 'AO'] : ['Co., Ltd.', 'Corporation', 'Limited', 'Ltd'];
          const form = rng.pick(forms);
          const prefix = form === 'OOO' || form === 'AO';
          candidates.push({ text: prefix ? `${form} ${n.name}` : `${n.name} ${form}`, label: `"${form}" added` });
          if (russian) candidates.push({ text: `${rng.pick(['OOO', 'AO'])} "${n.name}"`, label: 'Russian legal form and quotes added' });
        }
      }
      if (russian) {
        for (const n of cyrillicNames) {
          if (/^(ООО|АО|ЗАО|ПАО|ОАО)\s/.test(n.name)) continue;
          const form = rng.pick(['ООО', 'АО', 'ЗАО']);
          candidates.push({ text: `${form} «${n.name}»`, label: `"${form} «…»" added to the Cyrillic name` });
        }
      }
      const fresh = rng
        .shuffle(candidates)
        .filter((c) => nameTokens(c.text).length > 0)
        .filter((c) => !entity.names.some((n) => n.name.toLowerCase() === c.text.toLowerCase()))
        .filter((c) => !collidesWithOther(ctx, entity, c.text))
        .filter((c) => !out.some((o) => o.query.name === c.text));
      const chosen = fresh[0];
      if (!chosen) continue;
      out.push(positive(entity, 'legal-form', chosen.text, `${chosen.label} ("${entity.primaryName}")`));
    }
  }
  return out;
}

const PARENTHESIZED_ACRONYM = /\(([A-Z][A-Za-z0-9&.\-]{1,11})\)/g;

/** Acronyms the list prints: in parentheses after a name, or as a name of kind `acronym`. Only those naming one entity. */
export function listedAcronyms(entities: CanonicalEntity[]): { entity: CanonicalEntity; acronym: string; printed: string }[] {
  const found: { entity: CanonicalEntity; acronym: string; printed: string }[] = [];
  for (const entity of entities) {
    if (entity.type !== 'organization') continue;
    const seen = new Set<string>();
    for (const n of entity.names) {
      for (const m of n.name.matchAll(PARENTHESIZED_ACRONYM)) {
        const acronym = m[1] ?? '';
        if (!/[A-Z].*[A-Z]/.test(acronym) || /^KPE?\./i.test(acronym) || seen.has(acronym)) continue;
        seen.add(acronym);
        found.push({ entity, acronym, printed: n.name });
      }
      if (n.kind === 'acronym' && !seen.has(n.name)) {
        seen.add(n.name);
        found.push({ entity, acronym: n.name, printed: `${n.name} (acronym)` });
      }
    }
  }
  const owners = new Map<string, Set<string>>();
  for (const f of found) {
    const k = f.acronym.toUpperCase().replace(/[.\-]/g, '');
    owners.set(k, (owners.get(k) ?? new Set()).add(f.entity.id));
  }
  return found.filter((f) => (owners.get(f.acronym.toUpperCase().replace(/[.\-]/g, ''))?.size ?? 0) === 1);
}

export function acronymCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const { entity, acronym, printed } of rng.shuffle(listedAcronyms(ctx.entities))) {
    if (out.length >= target) break;
    out.push(positive(entity, 'acronym', acronym, `acronym alone, printed as "${printed}"`));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// with-qualifiers.

export function birthYear(entity: CanonicalEntity, rng: Rng): string | null {
  const years = entity.birthDates
    .map((b) => (b.date ?? b.from ?? b.to ?? '').slice(0, 4))
    .filter((y) => /^\d{4}$/.test(y));
  return years.length > 0 ? rng.pick(years) : null;
}

export function withQualifierCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const entity of ordered(ctx, rng, 0.5)) {
    if (out.length >= target) break;
    const names = screenableNames(entity).filter((n) => nameTokens(n.name).length >= (entity.type === 'person' ? 2 : 1));
    if (names.length === 0) continue;
    const country = entity.countries.length > 0 ? rng.pick(entity.countries) : null;
    const year = entity.type === 'person' ? birthYear(entity, rng) : null;
    if (!country && !year) continue;
    const chosen = rng.pick(names);
    const name = rng.chance(0.5) ? titleCase(chosen.name) : chosen.name;
    const useCountry = country !== null && (year === null || rng.chance(0.7));
    const useYear = year !== null && (!useCountry || rng.chance(0.6));
    const qualifiers: string[] = [`type ${entity.type}`];
    const query: Draft['query'] = { name, type: entity.type };
    if (useCountry && country) {
      query.country = country;
      qualifiers.push(`country ${country}`);
    }
    if (useYear && year) {
      query.birthDate = year;
      qualifiers.push(`born ${year}`);
    }
    out.push({ query, expectedEntityId: entity.id, variantClass: 'with-qualifiers', note: `"${chosen.name}" with ${qualifiers.join(', ')}` });
  }
  return out;
}
