/**
 * Negatives: realistic people and companies that name no listed subject, and near misses built from listed names.
 * Every candidate is checked against the list (listed-name-index.ts) and dropped if it collides.
 */
import type { CanonicalEntity } from '../../src/model/entity';
import { jaroWinkler } from '../baselines/ofac-style';
import type { NegativeClass } from './dev-case';
import { chineseCompany, koreanInstitution, koryoSaram } from './east-asian-negatives';
import {
  type GivenStyle,
  hangulName,
  type KoreanName,
  romanizeMr,
  romanizePopular,
  romanizeRr,
  southernSpelling,
} from './korean-romanization';
import { foldToken, LEGAL_FORM_WORDS, type ListedNameIndex, nameTokens } from './listed-name-index';
import * as parts from './name-parts';
import { cyrillicPersons, type Draft, resolveKorean } from './positive-variants';
import type { Rng } from './prng';
import { stripDiacritics, transliterate, type TranslitSystem } from './russian-transliteration';

export const NEGATIVE_TARGETS: Record<NegativeClass, number> = {
  'neg-russian-latin': 260,
  'neg-russian-cyrillic': 200,
  'neg-korean-mr': 170,
  'neg-korean-rr': 150,
  'neg-korean-popular': 150,
  'neg-hangul': 130,
  'neg-chinese': 210,
  'neg-arabic': 250,
  'neg-european': 240,
  'neg-other': 200,
  'neg-company-latin': 260,
  'neg-company-cyrillic': 110,
  'neg-koryo-saram': 320,
  'neg-korean-institutions': 230,
  'neg-chinese-companies': 100,
};

export interface NegativeContext {
  entities: CanonicalEntity[];
  index: ListedNameIndex;
}

/** Negative classes of real institutions, which may consist of words a listed name contains (hand cases too). */
export const REAL_INSTITUTION_CLASSES: ReadonlySet<string> = new Set(['neg-korean-institutions']);

export interface NegativeCandidate {
  text: string;
  /** Other spellings of the same name to check against the list (the Cyrillic source, the Hangul). */
  checkForms: string[];
  korean?: KoreanName;
  note: string;
  /**
   * A real, distinct institution may consist of words a listed name contains (Bank of Korea, KOREA DAESONG BANK):
   * kept unless it equals or contains a listed name.
   */
  allowInsideListed?: boolean;
}

type Candidate = NegativeCandidate;

function negative(variantClass: NegativeClass | 'near-miss', c: Candidate, subclass?: string): Draft {
  return {
    query: { name: c.text },
    expectedEntityId: null,
    variantClass,
    note: c.note,
    ...(subclass ? { subclass } : {}),
  };
}

const cap = (w: string): string => (w.length === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1));

// ---------------------------------------------------------------------------------------------------------------------
// People.

interface RussianPerson {
  given: string;
  patronymic: string | null;
  family: string;
}

function russianPerson(rng: Rng): RussianPerson {
  const female = rng.chance(0.45);
  const given = rng.pick(female ? parts.RUSSIAN_FEMALE_GIVEN : parts.RUSSIAN_MALE_GIVEN);
  const familyBase = rng.pick(parts.RUSSIAN_FAMILY);
  const family = female ? parts.feminineFamily(familyBase) : familyBase;
  const patronymic = rng.chance(0.3) ? parts.patronymic(rng.pick(parts.RUSSIAN_MALE_GIVEN), female) : null;
  return { given, patronymic, family };
}

function russianFormats(p: RussianPerson, rng: Rng): string {
  const gp = p.patronymic ? `${p.given} ${p.patronymic}` : p.given;
  return rng.pick([
    `${gp} ${p.family}`,
    `${gp} ${p.family}`,
    `${p.family} ${gp}`,
    `${p.family.toUpperCase()} ${gp}`,
    `${p.family}, ${gp}`,
  ]);
}

const LATIN_SYSTEM_WEIGHTS: TranslitSystem[] = ['bgn', 'bgn', 'bgn', 'bgn', 'icao', 'icao', 'icao', 'german', 'french', 'polish', 'scholarly'];

function russianLatin(rng: Rng): Candidate {
  const p = russianPerson(rng);
  const cyr = russianFormats(p, rng);
  const system = rng.pick(LATIN_SYSTEM_WEIGHTS);
  let text = transliterate(cyr, system);
  if (system !== 'bgn' && system !== 'icao' && rng.chance(0.5)) text = stripDiacritics(text);
  return { text, checkForms: [cyr, transliterate(cyr, 'bgn')], note: `Russian name ${cyr}, ${system} transliteration` };
}

function russianCyrillic(rng: Rng): Candidate {
  const p = russianPerson(rng);
  const cyr = russianFormats(p, rng);
  return { text: cyr, checkForms: [transliterate(cyr, 'bgn')], note: 'Russian name in Cyrillic' };
}

function koreanName(rng: Rng): KoreanName {
  const family = rng.pick(parts.KOREAN_FAMILY);
  const given = [...rng.pick(parts.KOREAN_GIVEN)];
  // One Korean in ten has a one-syllable given name.
  return { family, given: rng.chance(0.1) ? [rng.pick(given)] : given };
}

function southern(name: KoreanName): KoreanName {
  const [first, ...rest] = name.given;
  return { family: southernSpelling(name.family), given: first ? [southernSpelling(first), ...rest] : [] };
}

const givenStyle = (rng: Rng): GivenStyle => rng.pick(['hyphen', 'space', 'space', 'joined'] as const);

function koreanMr(rng: Rng): Candidate {
  const name = koreanName(rng);
  const text = romanizeMr(name, { style: givenStyle(rng), dprkJ: rng.chance(0.5), upper: rng.chance(0.5) });
  return { text, checkForms: [], korean: name, note: `Korean name ${hangulName(name)}, McCune–Reischauer as the UN writes it` };
}

function koreanRr(rng: Rng): Candidate {
  const name = rng.chance(0.7) ? southern(koreanName(rng)) : koreanName(rng);
  const text = romanizeRr(name, rng, { style: givenStyle(rng) });
  return { text, checkForms: [], korean: name, note: `Korean name ${hangulName(name)}, Revised Romanization` };
}

function koreanPopular(rng: Rng): Candidate {
  const name = rng.chance(0.7) ? southern(koreanName(rng)) : koreanName(rng);
  const romanized = romanizePopular(name, rng, { style: rng.pick(['hyphen', 'joined', 'space'] as const) });
  const [family, ...given] = romanized.split(' ');
  const text = rng.chance(0.35) ? `${given.join(' ')} ${family ?? ''}` : romanized;
  return { text, checkForms: [], korean: name, note: `Korean name ${hangulName(name)}, popular spelling` };
}

function koreanHangul(rng: Rng): Candidate {
  const name = rng.chance(0.5) ? southern(koreanName(rng)) : koreanName(rng);
  const text = rng.chance(0.85) ? hangulName(name) : `${name.family} ${name.given.join('')}`;
  return { text, checkForms: [], korean: name, note: 'Korean name in Hangul' };
}

function chinese(rng: Rng): Candidate {
  if (rng.chance(0.3)) {
    const family = rng.pick(parts.HONG_KONG_FAMILY);
    const given = rng.pick(parts.HONG_KONG_GIVEN);
    const english = rng.pick(parts.HONG_KONG_ENGLISH_GIVEN);
    const [g1, g2] = given.split(' ');
    const text = rng.pick([
      `${family} ${given}`,
      `${family.toUpperCase()} ${g1 ?? ''}-${(g2 ?? '').toLowerCase()}`,
      `${english} ${family} ${given}`,
      `${english} ${family}`,
    ]);
    return { text, checkForms: [], note: 'Hong Kong name, Cantonese romanization' };
  }
  const family = rng.pick(parts.CHINESE_FAMILY);
  const given = rng.pick(parts.CHINESE_GIVEN);
  const text = rng.pick([`${family} ${given}`, `${family} ${given}`, `${family.toUpperCase()} ${given}`, `${given} ${family}`]);
  return { text, checkForms: [], note: 'Chinese name, pinyin' };
}

function arabic(rng: Rng): Candidate {
  const female = rng.chance(0.3);
  const given = rng.pick(female ? parts.ARABIC_FEMALE_GIVEN : parts.ARABIC_MALE_GIVEN);
  let family = rng.pick(parts.ARABIC_FAMILY);
  if (family.startsWith('Al-') && rng.chance(0.3)) family = rng.pick([`al-${family.slice(3)}`, `Al ${family.slice(3)}`, `El-${family.slice(3)}`]);
  const father = rng.chance(0.45) ? rng.pick(parts.ARABIC_MALE_GIVEN) : null;
  const link = father && rng.chance(0.2) ? (female ? 'bint ' : 'bin ') : '';
  const text = father ? `${given} ${link}${father} ${family}` : `${given} ${family}`;
  return { text, checkForms: [], note: 'Arabic name, Latin transcription' };
}

function european(rng: Rng): Candidate {
  const given = rng.pick(parts.EUROPEAN_GIVEN);
  const family = rng.pick(parts.EUROPEAN_FAMILY);
  const middle = rng.chance(0.2) ? ` ${rng.pick(parts.EUROPEAN_GIVEN).charAt(0)}.` : '';
  const text = rng.chance(0.15) ? `${family}, ${given}` : `${given}${middle} ${family}`;
  return { text, checkForms: [], note: 'English/European name' };
}

function other(rng: Rng): Candidate {
  const origin = rng.pick(Object.keys(parts.OTHER_NAMES));
  const list = parts.OTHER_NAMES[origin];
  if (!list) throw new Error(`no names for origin "${origin}"`);
  const given = rng.pick(list.given);
  const family = rng.pick(list.family);
  let text = `${given} ${family}`;
  if (origin === 'vietnamese') text = `${family} ${rng.pick(['Van', 'Thi', 'Duc', 'Minh', 'Ngoc'])} ${given}`;
  if (origin === 'japanese' && rng.chance(0.4)) text = `${family.toUpperCase()} ${given}`;
  if (origin === 'latin_american' && rng.chance(0.5)) text = `${given} ${family} ${rng.pick(list.family)}`;
  if (origin === 'indonesian' && rng.chance(0.25)) text = given;
  return { text, checkForms: [], note: `${origin.replace('_', ' ')} name` };
}

// ---------------------------------------------------------------------------------------------------------------------
// Companies.

function russianCompany(rng: Rng): { cyrillic: string; stem: string } {
  const stem = rng.pick(parts.RUSSIAN_COMPANY_STEMS);
  const industry = rng.pick(parts.RUSSIAN_INDUSTRY_STEMS);
  const name = rng.pick([stem, `${stem}-${industry}`, `${stem}${industry.toLowerCase()}`, `${industry}${stem.toLowerCase()}`, `${stem} ${industry}`]);
  return { cyrillic: name, stem };
}

function companyLatin(rng: Rng, distinctive: Set<string>): Candidate | null {
  const kind = rng.pick(['english', 'english', 'russian', 'korean', 'chinese'] as const);
  if (kind === 'english') {
    const stem = rng.pick(parts.COMPANY_STEMS_LATIN);
    const industry = rng.pick(parts.INDUSTRY_WORDS);
    const form = rng.chance(0.75) ? ` ${rng.pick(parts.LEGAL_FORMS_LATIN)}` : '';
    if (isDistinctive(stem, distinctive)) return null;
    return { text: `${stem} ${industry}${form}`, checkForms: [], note: 'company: stem + industry + legal form' };
  }
  if (kind === 'russian') {
    const { cyrillic, stem } = russianCompany(rng);
    const form = rng.pick(parts.RUSSIAN_LEGAL_FORMS);
    const latin = transliterate(cyrillic, rng.pick(['bgn', 'bgn', 'icao'] as const));
    if (isDistinctive(transliterate(stem, 'bgn'), distinctive)) return null;
    const latinForm = rng.pick(form.latin);
    const text = rng.pick([`${latinForm} "${latin}"`, `${latin} ${latinForm}`, `${latinForm} ${latin}`]);
    return { text, checkForms: [`${form.cyrillic} «${cyrillic}»`], note: `Russian company ${form.cyrillic} «${cyrillic}», transliterated` };
  }
  if (kind === 'korean') {
    const stem = rng.pick(parts.KOREAN_COMPANY_STEMS);
    if (isDistinctive(stem, distinctive)) return null;
    const word = rng.pick(parts.KOREAN_COMPANY_WORDS);
    const text = rng.chance(0.4) ? `Korea ${stem} ${word}` : `${stem} ${word}`;
    return { text: rng.chance(0.3) ? text.toUpperCase() : text, checkForms: [], note: 'Korean company' };
  }
  const place = rng.pick(parts.CHINESE_COMPANY_PLACES);
  const word = rng.pick(parts.CHINESE_COMPANY_WORDS);
  if (isDistinctive(word, distinctive)) return null;
  const industry = rng.pick(parts.INDUSTRY_WORDS);
  return { text: `${place} ${word} ${industry} Co., Ltd.`, checkForms: [], note: 'Chinese company' };
}

function companyCyrillic(rng: Rng, distinctive: Set<string>): Candidate | null {
  const { cyrillic, stem } = russianCompany(rng);
  if (isDistinctive(transliterate(stem, 'bgn'), distinctive)) return null;
  const form = rng.pick(parts.RUSSIAN_LEGAL_FORMS);
  const text = rng.pick([`${form.cyrillic} «${cyrillic}»`, `${form.cyrillic} "${cyrillic}"`, `${cyrillic} ${form.cyrillic}`, cyrillic]);
  return { text, checkForms: [transliterate(text, 'bgn')], note: 'Russian company in Cyrillic' };
}

/** Words that only a few listed organizations use (Ryonbong, Daesong, Tanchon): a company stem equal to one is a near miss. */
export function distinctiveOrgTokens(entities: CanonicalEntity[]): Set<string> {
  const counts = new Map<string, number>();
  for (const e of entities) {
    if (e.type !== 'organization') continue;
    const tokens = new Set(e.names.flatMap((n) => nameTokens(n.name)).filter((t) => !LEGAL_FORM_WORDS.has(t) && t.length >= 3));
    for (const t of tokens) counts.set(foldToken(t), (counts.get(foldToken(t)) ?? 0) + 1);
  }
  const generic = new Set(parts.INDUSTRY_WORDS.flatMap((w) => nameTokens(w)).map(foldToken));
  return new Set([...counts.entries()].filter(([t, n]) => n <= 3 && !generic.has(t)).map(([t]) => t));
}

function isDistinctive(stem: string, distinctive: Set<string>): boolean {
  return nameTokens(stem).some((t) => distinctive.has(foldToken(t)));
}

// ---------------------------------------------------------------------------------------------------------------------

type Generator = (rng: Rng, distinctive: Set<string>) => Candidate | null;

const GENERATORS: Record<NegativeClass, Generator> = {
  'neg-russian-latin': (rng) => russianLatin(rng),
  'neg-russian-cyrillic': (rng) => russianCyrillic(rng),
  'neg-korean-mr': (rng) => koreanMr(rng),
  'neg-korean-rr': (rng) => koreanRr(rng),
  'neg-korean-popular': (rng) => koreanPopular(rng),
  'neg-hangul': (rng) => koreanHangul(rng),
  'neg-chinese': (rng) => chinese(rng),
  'neg-arabic': (rng) => arabic(rng),
  'neg-european': (rng) => european(rng),
  'neg-other': (rng) => other(rng),
  'neg-company-latin': (rng, d) => companyLatin(rng, d),
  'neg-company-cyrillic': (rng, d) => companyCyrillic(rng, d),
  'neg-koryo-saram': (rng) => koryoSaram(rng),
  'neg-korean-institutions': (rng, d) => koreanInstitution(rng, (stem) => isDistinctive(stem, d)),
  'neg-chinese-companies': (rng) => chineseCompany(rng),
};

export interface NegativeStats {
  generated: number;
  droppedAsListed: number;
  droppedAsDuplicate: number;
  examplesDropped: string[];
}

/** Why a candidate may not be a negative: it collides with a listed name in some spelling. */
function collision(ctx: NegativeContext, c: Candidate, allowInside: boolean): string | null {
  const conflict = ctx.index.conflict([c.text, ...c.checkForms], { allowInside });
  if (conflict) return `${conflict.rule} "${conflict.listedName}"`;
  if (c.korean) {
    for (const name of [c.korean, southern(c.korean)]) {
      const k = ctx.index.koreanConflict(name);
      if (k) return `${k.rule} "${k.listedName}"`;
    }
  }
  return null;
}

export function negativeCases(ctx: NegativeContext, rng: Rng, variantClass: NegativeClass, target: number, stats: NegativeStats): Draft[] {
  const generate = GENERATORS[variantClass];
  const distinctive = distinctiveOrgTokens(ctx.entities);
  const out: Draft[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; attempt < target * 20 && out.length < target; attempt++) {
    const c = generate(rng, distinctive);
    if (!c) continue;
    stats.generated++;
    const k = nameTokens(c.text).sort().join(' ');
    if (seen.has(k)) {
      stats.droppedAsDuplicate++;
      continue;
    }
    const why = collision(ctx, c, c.allowInsideListed === true);
    if (why) {
      stats.droppedAsListed++;
      if (stats.examplesDropped.length < 12) stats.examplesDropped.push(`${c.text} (${why})`);
      continue;
    }
    seen.add(k);
    out.push(negative(variantClass, c));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Near misses: close to a listed name, naming someone else.

export const NEAR_MISS_TARGETS: Record<string, number> = {
  'korean-relative': 45,
  'korean-same-first-given-syllable': 35,
  'korean-same-given-other-family': 25,
  'russian-relative': 20,
  'shared-first-name': 30,
  'one-token': 30,
  'other-relative': 30,
  'swapped-industry': 35,
  'swapped-stem': 15,
};

function isDprkPerson(e: CanonicalEntity): boolean {
  return e.type === 'person' && e.listings.some((l) => l.regime === 'DPRK');
}

/** Words that are not a name on their own: kunya and nasab particles, articles. */
const NAME_PARTICLES = new Set(['abu', 'abou', 'al', 'el', 'bin', 'ben', 'ibn', 'bint', 'umm', 'ould']);

const ARABIC_REGIMES = new Set(['Al-Qaida', 'Taliban', 'Iraq', 'Libya', 'Yemen', 'Sudan', 'Somalia']);

function unStyleMr(name: KoreanName, rng: Rng): string {
  return romanizeMr(name, { style: rng.pick(['space', 'hyphen'] as const), dprkJ: rng.chance(0.4), upper: rng.chance(0.6) });
}

type NearMissMaker = (ctx: NegativeContext, rng: Rng) => Candidate | null;

function pickKoreanSource(ctx: NegativeContext, rng: Rng): { entity: CanonicalEntity; name: KoreanName } | null {
  const entity = rng.pick(ctx.entities.filter(isDprkPerson));
  const r = resolveKorean(entity);
  if (!r) return null;
  return { entity, name: { family: rng.pick([...r.family]), given: r.given.map((s) => rng.pick([...s])) } };
}

function otherGiven(rng: Rng, not: string[]): string[] {
  for (let i = 0; i < 20; i++) {
    const given = [...rng.pick(parts.KOREAN_GIVEN)];
    if (given.join('') !== not.join('')) return given;
  }
  return [...rng.pick(parts.KOREAN_GIVEN)];
}

const INDUSTRY_SWAPS: Record<string, string[]> = {
  shipping: ['Trading', 'Fishing', 'Logistics', 'Construction'],
  trading: ['Shipping', 'Mining', 'Construction', 'Investment'],
  bank: ['Insurance', 'Trading', 'Leasing'],
  credit: ['Trade', 'Savings'],
  mining: ['Shipping', 'Farming', 'Fishing'],
  machinery: ['Textile', 'Furniture', 'Foodstuffs'],
  electronics: ['Textiles', 'Furniture', 'Garments'],
  insurance: ['Shipping', 'Trading'],
  meat: ['Dairy', 'Bakery', 'Fish'],
  marine: ['Aviation', 'Rail'],
  technology: ['Textile', 'Foodstuffs', 'Farming'],
  energy: ['Textile', 'Tobacco'],
  chemical: ['Textile', 'Food'],
  chemicals: ['Textiles', 'Foods'],
  development: ['Textile', 'Catering'],
  signal: ['Service', 'Repair'],
  migration: ['Tourism', 'Education'],
  college: ['Hospital', 'Theatre'],
};

const NEAR_MISS_MAKERS: Record<string, NearMissMaker> = {
  'korean-relative': (ctx, rng) => {
    const src = pickKoreanSource(ctx, rng);
    if (!src) return null;
    const name: KoreanName = { family: src.name.family, given: otherGiven(rng, src.name.given) };
    return { text: unStyleMr(name, rng), checkForms: [], korean: name, note: `same family name as "${src.entity.primaryName}", other given name (${hangulName(name)})` };
  },
  'korean-same-first-given-syllable': (ctx, rng) => {
    const src = pickKoreanSource(ctx, rng);
    if (!src || src.name.given.length < 2) return null;
    const replacement = rng.pick([...rng.pick(parts.KOREAN_GIVEN)]);
    if (replacement === src.name.given[1]) return null;
    const name: KoreanName = { family: src.name.family, given: [src.name.given[0] ?? '', replacement] };
    return { text: unStyleMr(name, rng), checkForms: [], korean: name, note: `"${src.entity.primaryName}" with the second given syllable changed (${hangulName(name)})` };
  },
  'korean-same-given-other-family': (ctx, rng) => {
    const src = pickKoreanSource(ctx, rng);
    if (!src) return null;
    const family = rng.pick(parts.KOREAN_FAMILY.slice(0, 30));
    if (family === src.name.family) return null;
    const name: KoreanName = { family, given: src.name.given };
    return { text: unStyleMr(name, rng), checkForms: [], korean: name, note: `given name of "${src.entity.primaryName}" with another family name (${hangulName(name)})` };
  },
  'russian-relative': (ctx, rng) => {
    const persons = cyrillicPersons(ctx.entities).filter((p) => p.entity.dataset !== 'un');
    if (persons.length === 0) return null;
    const p = rng.pick(persons);
    const female = rng.chance(0.5);
    const masculine = p.family.replace(/(ов|ев|ин)а$/, '$1');
    const family = female ? parts.feminineFamily(masculine) : masculine;
    const given = rng.pick(female ? parts.RUSSIAN_FEMALE_GIVEN : parts.RUSSIAN_MALE_GIVEN);
    if (given === p.given) return null;
    const cyr = `${given} ${family}`;
    const text = rng.chance(0.6) ? transliterate(cyr, 'bgn') : cyr;
    return { text, checkForms: [cyr], note: `relative of "${p.entity.primaryName}": same family name, other given name` };
  },
  'shared-first-name': (ctx, rng) => {
    if (rng.chance(0.4)) {
      const persons = cyrillicPersons(ctx.entities);
      if (persons.length === 0) return null;
      const p = rng.pick(persons);
      const family = rng.pick(parts.RUSSIAN_FAMILY);
      const cyr = `${p.given} ${/[ая]$/.test(p.given) ? parts.feminineFamily(family) : family}`;
      return { text: rng.chance(0.6) ? transliterate(cyr, 'bgn') : cyr, checkForms: [cyr], note: `shares only the given name of "${p.entity.primaryName}"` };
    }
    const persons = ctx.entities.filter((e) => e.type === 'person' && !isDprkPerson(e) && e.primaryName.split(' ').length >= 2);
    const e = rng.pick(persons);
    const first = e.primaryName.split(' ')[0] ?? '';
    const arabicRegime = e.listings.some((l) => ARABIC_REGIMES.has(l.regime));
    const family = arabicRegime ? rng.pick(parts.ARABIC_FAMILY) : rng.pick(parts.EUROPEAN_FAMILY);
    return { text: `${cap(first.toLowerCase())} ${family}`, checkForms: [], note: `shares only the first name of "${e.primaryName}"` };
  },
  'one-token': (ctx, rng) => {
    // Not a kunya (ABU RUSDAN): there the second word is the whole distinctive name.
    const persons = ctx.entities.filter(
      (e) => e.type === 'person' && nameTokens(e.primaryName).length === 2 && !NAME_PARTICLES.has(nameTokens(e.primaryName)[0] ?? ''),
    );
    const e = rng.pick(persons);
    const tokens = e.primaryName.split(' ');
    const token = isDprkPerson(e) ? tokens[0] : tokens[tokens.length - 1];
    if (!token || token.length < 3) return null;
    return { text: token, checkForms: [], note: `one token of the two-token name "${e.primaryName}"` };
  },
  'other-relative': (ctx, rng) => {
    const persons = ctx.entities.filter((e) => e.type === 'person' && !isDprkPerson(e) && e.dataset === 'un' && e.primaryName.split(' ').length >= 2);
    const e = rng.pick(persons);
    const tokens = e.primaryName.split(' ');
    const first = (tokens[0] ?? '').toLowerCase();
    if (NAME_PARTICLES.has(first)) return null;
    const arabicRegime = e.listings.some((l) => ARABIC_REGIMES.has(l.regime));
    const given = arabicRegime ? rng.pick(parts.ARABIC_MALE_GIVEN) : rng.pick(parts.EUROPEAN_GIVEN);
    // Another spelling of the same first name (Salah / Saleh) would make a positive, not a relative.
    if (jaroWinkler(foldToken(first), foldToken(given.toLowerCase())) >= 0.8) return null;
    if (tokens.some((t) => t.toLowerCase() === given.toLowerCase())) return null;
    const text = `${given} ${tokens.slice(1).map((t) => cap(t.toLowerCase())).join(' ')}`;
    return { text, checkForms: [], note: `"${e.primaryName}" with the first name replaced` };
  },
  'swapped-industry': (ctx, rng) => {
    const orgs = ctx.entities.filter((e) => e.type === 'organization');
    const e = rng.pick(orgs);
    // Not names carrying an acronym in parentheses: the acronym alone would still name the entity.
    const names = e.names.filter((x) => x.script === 'latin' && x.kind !== 'acronym' && x.kind !== 'identifier' && !x.name.includes('('));
    if (names.length === 0) return null;
    const n = rng.pick(names);
    const words = n.name.split(' ');
    const idx = words.findIndex((w) => INDUSTRY_SWAPS[w.toLowerCase()] !== undefined);
    if (idx < 0) return null;
    const original = words[idx] ?? '';
    const swap = rng.pick(INDUSTRY_SWAPS[original.toLowerCase()] ?? []);
    const replaced = original === original.toUpperCase() ? swap.toUpperCase() : swap;
    const text = [...words.slice(0, idx), replaced, ...words.slice(idx + 1)].join(' ');
    // Still containing every word of another of the entity's names (RAHAT LTD. → Rahat Mining Company) is a match.
    const mine = new Set(nameTokens(text));
    const core = (name: string) => nameTokens(name).filter((t) => !LEGAL_FORM_WORDS.has(t));
    if (e.names.some((other) => core(other.name).length > 0 && core(other.name).every((t) => mine.has(t)))) return null;
    return { text, checkForms: [], note: `"${n.name}" with "${original}" swapped for "${swap}"` };
  },
  'swapped-stem': (ctx, rng) => {
    const orgs = ctx.entities.filter((e) => e.type === 'organization' && /^KOREA[N]? \S+ (TRADING|SHIPPING|GENERAL)/i.test(e.primaryName));
    if (orgs.length === 0) return null;
    const e = rng.pick(orgs);
    const words = e.primaryName.split(' ');
    const stem = rng.pick(parts.KOREAN_COMPANY_STEMS).toUpperCase();
    const text = [words[0] ?? '', stem, ...words.slice(2)].join(' ');
    return { text, checkForms: [], note: `"${e.primaryName}" with the distinctive word replaced by "${stem}"` };
  },
};

export function nearMissCases(ctx: NegativeContext, rng: Rng, stats: NegativeStats): Draft[] {
  const out: Draft[] = [];
  const seen = new Set<string>();
  for (const [subclass, target] of Object.entries(NEAR_MISS_TARGETS)) {
    const make = NEAR_MISS_MAKERS[subclass];
    if (!make) continue;
    const sub = rng.fork(subclass);
    let made = 0;
    for (let attempt = 0; attempt < target * 40 && made < target; attempt++) {
      const c = make(ctx, sub);
      if (!c) continue;
      stats.generated++;
      const k = nameTokens(c.text).sort().join(' ');
      if (k.length === 0 || seen.has(k)) {
        stats.droppedAsDuplicate++;
        continue;
      }
      // A near miss may be part of a listed name (one token of it), but never equal to or containing one.
      const why = collision(ctx, c, true);
      if (why) {
        stats.droppedAsListed++;
        continue;
      }
      seen.add(k);
      out.push(negative('near-miss', c, subclass));
      made++;
    }
  }
  return out;
}
