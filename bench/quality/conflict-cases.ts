/**
 * Review cases: a listed name given with something that contradicts the listing — a birth year 8 to 30 years off,
 * another patronymic, another legal form, another place. The expected answer is "review": the entity comes back
 * unconfirmed, with what contradicts it, and never as a plain hit. Written from what the list records, never from the
 * matcher's code.
 */
import type { CanonicalEntity } from '../../src/model/entity';
import type { ReviewClass } from './dev-case';
import { LEGAL_FORM_WORDS, nameTokens } from './listed-name-index';
import * as parts from './name-parts';
import { cyrillicPersons, type Draft, isCommercial, ordered, type PositiveContext, screenableNames } from './positive-variants';
import type { Rng } from './prng';
import { transliterate } from './russian-transliteration';

export const REVIEW_TARGETS: Record<ReviewClass, number> = { conflicts: 60 };

/** At most this many cases of each of the smaller kinds (patronymic, legal form, place); birth years fill the rest. */
const MAX_PER_KIND = 15;
/** Birth years this far from every listed one: not a typo or an estimate, a different person. */
const MIN_YEARS_OFF = 8;
const MAX_YEARS_OFF = 30;

function review(entity: CanonicalEntity, query: Draft['query'], subclass: string, note: string): Draft {
  return { query, expectedEntityId: entity.id, variantClass: 'conflicts', note, subclass, expectedDecision: 'review' };
}

const isUpper = (text: string): boolean => /\p{Lu}/u.test(text) && text === text.toUpperCase();
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const coreTokens = (name: string): string[] => nameTokens(name).filter((t) => !LEGAL_FORM_WORDS.has(t));

/**
 * True when the query reads as a name of another listed entity (tokens equal, or one inside the other): then it would
 * not test a conflict on this entity. Al-Qaida in Iraq → "in Yemen" is Al-Qaida in the Arabian Peninsula's alias.
 */
function namesAnother(entities: CanonicalEntity[], entity: CanonicalEntity, text: string): boolean {
  const mine = new Set(coreTokens(text));
  return entities.some(
    (other) =>
      other.id !== entity.id &&
      other.names.some((n) => {
        const theirs = coreTokens(n.name);
        if (theirs.length === 0) return false;
        return theirs.every((t) => mine.has(t)) || [...mine].every((t) => theirs.includes(t));
      }),
  );
}

// ---------------------------------------------------------------------------------------------------------------------

/** Every year the listing gives for a birth: exact dates, years, and both ends of a range. */
function listedYears(entity: CanonicalEntity): number[] {
  return entity.birthDates
    .flatMap((b) => [b.date, b.from, b.to])
    .map((d) => Number((d ?? '').slice(0, 4)))
    .filter((y) => y > 1800);
}

function birthYearCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const entity of ordered(ctx, rng, 0.5)) {
    if (out.length >= target) break;
    if (entity.type !== 'person') continue;
    const years = listedYears(entity);
    if (years.length === 0) continue;
    const name = screenableNames(entity).find((n) => n.kind === 'primary' && nameTokens(n.name).length >= 2);
    if (!name) continue;
    const off = MIN_YEARS_OFF + rng.int(MAX_YEARS_OFF - MIN_YEARS_OFF + 1);
    const later = rng.chance(0.5);
    const year = later ? Math.max(...years) + off : Math.min(...years) - off;
    if (year > 2010 || year < 1900) continue;
    const query = { name: (name.raw ?? name.name).replace(/\s+/g, ' ').trim(), birthDate: String(year) };
    out.push(review(entity, query, 'birth-year', `exact name, born ${year}: ${off} years ${later ? 'after' : 'before'} the listed ${later ? Math.max(...years) : Math.min(...years)}`));
  }
  return out;
}

function patronymicCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const p of rng.shuffle(cyrillicPersons(ctx.entities))) {
    if (out.length >= target) break;
    if (!p.patronymic) continue;
    const female = /(вна|чна)$/.test(p.patronymic);
    const other = rng
      .shuffle(parts.RUSSIAN_MALE_GIVEN)
      .map((father) => parts.patronymic(father, female))
      .find((candidate) => candidate.slice(0, 4) !== (p.patronymic ?? '').slice(0, 4));
    if (!other) continue;
    const cyrillic = `${p.given} ${other} ${p.family}`;
    const latinSource = !/\p{Script=Cyrillic}/u.test(p.source);
    const text = latinSource || rng.chance(0.4) ? transliterate(cyrillic, 'bgn') : cyrillic;
    const name = isUpper(p.entity.primaryName) && latinSource ? text.toUpperCase() : text;
    if (namesAnother(ctx.entities, p.entity, name)) continue;
    out.push(review(p.entity, { name }, 'patronymic', `patronymic ${other} instead of the listed ${p.patronymic} ("${p.entity.primaryName}")`));
  }
  return out;
}

/** Legal forms that name different kinds of company: a listed Ltd is not a JSC, an LLC not a JSC, a GmbH not an AG. */
const CONFLICTING_FORMS: { pattern: RegExp; others: string[] }[] = [
  { pattern: /\bco(?:\.|\b),?\s*ltd\b\.?$/i, others: ['JSC', 'PLC'] },
  { pattern: /\bcompany,?\s+limited$/i, others: ['Joint Stock Company', 'PLC'] },
  { pattern: /\bcompany,?\s+ltd\b\.?$/i, others: ['JSC', 'PLC'] },
  { pattern: /\bpte\.?\s+ltd\b\.?$/i, others: ['PLC', 'JSC'] },
  { pattern: /\bltd\b\.?$/i, others: ['JSC', 'PLC'] },
  { pattern: /\blimited$/i, others: ['PLC', 'JSC'] },
  { pattern: /\bllc\b\.?$/i, others: ['JSC', 'PJSC'] },
  { pattern: /\b(o|p|c)?jsc\b\.?$/i, others: ['LLC'] },
  { pattern: /\bgmbh$/i, others: ['AG'] },
  { pattern: /\bag$/i, others: ['GmbH'] },
  { pattern: /\binc\b\.?$/i, others: ['LLC'] },
];

/**
 * True when every name of the entity that shares the core words also carries what the query contradicts (`carries`):
 * otherwise a listed name without it (CHONGCHONGANG SHIPPING COMPANY besides Chongchongang Shipping Co LTD, Leader
 * International Trading Limited besides LEADER (HONG KONG) INTERNATIONAL) matches the query with nothing to
 * contradict, and "review" would not be the one right answer.
 */
function everySiblingCarries(entity: CanonicalEntity, core: string[], carries: (name: string) => boolean): boolean {
  return screenableNames(entity)
    .filter((n) => n.script === 'latin')
    .filter((n) => {
      const theirs = coreTokens(n.name);
      // Fewer of the words, more of them, or the same words run together (CHONGCHONGANG for Chong Chon Gang).
      return theirs.every((t) => core.includes(t)) || core.every((t) => theirs.includes(t)) || theirs.join('') === core.join('');
    })
    .every((n) => carries(n.raw ?? n.name));
}

function legalFormCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const entity of rng.shuffle(ctx.entities.filter((e) => e.type === 'organization'))) {
    if (out.length >= target) break;
    for (const n of rng.shuffle(screenableNames(entity).filter((x) => x.script === 'latin'))) {
      const name = (n.raw ?? n.name).replace(/\s+/g, ' ').trim();
      const rule = CONFLICTING_FORMS.find((r) => r.pattern.test(name));
      const found = rule ? rule.pattern.exec(name)?.[0] : undefined;
      if (!rule || !found || coreTokens(name.slice(0, -found.length)).length === 0) continue;
      const hasForm = (other: string): boolean => CONFLICTING_FORMS.some((r) => r.pattern.test(other.replace(/\s+/g, ' ').trim()));
      if (!everySiblingCarries(entity, coreTokens(name.slice(0, -found.length)), hasForm)) continue;
      const other = rng.pick(rule.others);
      const text = `${name.slice(0, -found.length).replace(/,\s*$/, '').trim()} ${isUpper(name) ? other.toUpperCase() : other}`;
      if (namesAnother(ctx.entities, entity, text)) continue;
      out.push(review(entity, { name: text }, 'legal-form', `"${found.trim()}" of "${name}" replaced by the conflicting "${other}"`));
      break;
    }
  }
  return out;
}

/** Places that appear in listed organization names, by kind; one is replaced by another of its kind. */
const PLACES: Record<string, string[]> = {
  city: ['Hong Kong', 'Hongkong', 'Shanghai', 'Weihai', 'Dalian', 'Dandong', 'Qingdao', 'Singapore', 'Dubai', 'Vladivostok', 'Bangkok', 'Macau', 'Benghazi', 'Derna', 'Aden'],
  country: [
    'Union of the Comoros', 'Kenya', 'Tanzania', 'Pakistan', 'Ethiopia', 'Albania', 'Bangladesh', 'Afghanistan', 'The Netherlands', 'Netherlands', 'Bosnia', 'Indonesia',
    'Uzbekistan', 'Algeria', 'Tunisia', 'Yemen', 'Iraq', 'Libya', 'Egypt', 'Malaysia', 'Uganda', 'Rwanda', 'Somalia', 'Kazakhstan', 'Jordan',
  ],
};
/** Replacements, including places not in the list's names. */
const OTHER_PLACES: Record<string, string[]> = {
  city: ['Singapore', 'Shenzhen', 'Tianjin', 'Bangkok', 'Dubai', 'Kuala Lumpur', 'Taipei', 'Vladivostok', 'Istanbul', 'Ningbo'],
  country: ['Nigeria', 'Morocco', 'Mali', 'Sweden', 'Belgium', 'Turkey', 'Jordan', 'Malaysia', 'Philippines', 'Kyrgyzstan', 'Lebanon', 'Ghana'],
};

function placeCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  for (const entity of rng.shuffle(ctx.entities.filter((e) => e.type === 'organization'))) {
    if (out.length >= target) break;
    for (const n of rng.shuffle(screenableNames(entity).filter((x) => x.script === 'latin'))) {
      const name = (n.raw ?? n.name).replace(/\s+/g, ' ').trim();
      const hit = Object.entries(PLACES)
        .flatMap(([kind, places]) => places.map((place) => ({ kind, place, m: new RegExp(`(?<![\\w-])${escape(place)}(?![\\w-])`, 'i').exec(name) })))
        .find((h) => h.m !== null);
      if (!hit?.m) continue;
      const bracketed = new RegExp(`\\(${escape(hit.m[0])}\\)`, 'i').test(name);
      // The place must be a qualifier: the rest of the name still names the organization (not HONG KONG ELECTRONICS),
      // and it must read as where the organization sits: in brackets, a branch, or a company's seat — not the
      // cause an armed group is named after (Islamic Movement of Uzbekistan).
      const rest = coreTokens(name.replace(hit.m[0], ' '));
      if (rest.length < 2 || !(bracketed || /\bbranch\b/i.test(name) || isCommercial(entity))) continue;
      const place = new RegExp(`(?<![\\w-])${escape(hit.m[0])}(?![\\w-])`, 'i');
      if (!everySiblingCarries(entity, rest, (other) => place.test(other))) continue;
      const candidates = (OTHER_PLACES[hit.kind] ?? []).filter((p) => !nameTokens(name).includes(nameTokens(p)[0] ?? ''));
      const replacement = rng.pick(candidates);
      const written = isUpper(hit.m[0]) ? replacement.toUpperCase() : replacement;
      const text = name.slice(0, hit.m.index) + written + name.slice(hit.m.index + hit.m[0].length);
      if (namesAnother(ctx.entities, entity, text) || out.some((c) => c.query.name.toLowerCase() === text.toLowerCase())) continue;
      out.push(review(entity, { name: text }, 'place', `${bracketed ? 'bracketed ' : ''}${hit.kind} "${hit.m[0]}" of "${name}" replaced by "${replacement}"`));
      break;
    }
  }
  return out;
}

/** The review class: conflicts of every kind, birth years filling what the smaller kinds leave of the target. */
export function conflictCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const patronymics = patronymicCases(ctx, rng.fork('patronymic'), MAX_PER_KIND);
  const legalForms = legalFormCases(ctx, rng.fork('legal-form'), MAX_PER_KIND);
  const places = placeCases(ctx, rng.fork('place'), MAX_PER_KIND);
  const others = [...patronymics, ...legalForms, ...places];
  const births = birthYearCases(ctx, rng.fork('birth-year'), Math.max(target - others.length, Math.ceil(target / 2)));
  return [...births, ...others];
}
