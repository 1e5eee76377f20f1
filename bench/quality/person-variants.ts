/**
 * Positive cases that change a listed person's name the way people write names: given names reduced to initials
 * (A. R. Yasin), a given name replaced by its nickname or diminutive (James → Jim, Сергей → Серёжа), and fuller
 * names with a middle name, a father's name or a patronymic added. Written from naming customs, never from the
 * matcher's code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CanonicalEntity } from '../../src/model/entity';
import { foldToken, nameTokens } from './listed-name-index';
import * as parts from './name-parts';
import { arabicFromLexicon } from './other-script-transliteration';
import {
  ARABIC_NAME_REGIMES,
  cyrillicPersons,
  type Draft,
  familyGivenOfPerson,
  isDprkPerson,
  isFreshVariant,
  positive,
  type PositiveContext,
  titleCase,
  WESTERN_NAME_REGIMES,
} from './positive-variants';
import type { Rng } from './prng';
import { transliterate } from './russian-transliteration';

const isUpper = (text: string): boolean => /\p{Lu}/u.test(text) && text === text.toUpperCase();

/** A person's name as the list prints it, when it splits into given and family names (no suffix like JR, no commas). */
function splitPrimary(entity: CanonicalEntity): { name: string; family: string; given: string[] } | null {
  const name = entity.primaryName.replace(/\s+/g, ' ').trim();
  if (entity.type !== 'person' || /[,()\d]/.test(name) || !/^[\p{Script=Latin}' \-]+$/u.test(name)) return null;
  const split = familyGivenOfPerson(entity, name);
  if (!split) return null;
  const given = split.given.split(' ').filter((g) => g.length > 0);
  // Abdul Ghani, Abu Zaid at the end are one name: the family name, not a given name and a family name.
  const last = given[given.length - 1];
  const family = last && given.length > 1 && FAMILY_OPENERS.has(last.toLowerCase()) ? `${given.pop() ?? ''} ${split.family}` : split.family;
  if (given.length === 0 || /^(jr|sr|ii|iii)$/i.test(family)) return null;
  return { name, family, given };
}

/** Words that open a two-word Arabic name (Abdul Ghani, Abu Zaid). */
const FAMILY_OPENERS = new Set(['abd', 'abdul', 'abdel', 'abdu', 'abu', 'abou']);

const familyKey = (family: string): string => nameTokens(family).map(foldToken).join(' ');

// ---------------------------------------------------------------------------------------------------------------------
// initials.

/** A family name this many listed persons share is too common to carry a name alone (KIM, RI, AL-AJMI …). */
const COMMON_FAMILY_PERSONS = 3;
/** Particles that are not given names of their own: left out of the initials (Hajjaj bin Fahd → H. F.). */
const NOT_INITIALLED = new Set(['bin', 'ben', 'ibn', 'bint', 'al', 'el', 'ul', 'ud', 'de', 'del', 'da', 'van', 'von']);

/** Particles written onto a name with a hyphen (al-Latif, ur-Rahman): the initial is the name's, not the particle's. */
const HYPHENATED_PARTICLES = new Set(['al', 'el', 'ul', 'ud', 'ur', 'ad', 'as', 'ash', 'an', 'ar', 'at', 'az']);

function initialOf(given: string): string {
  // Hyphenated given names keep both initials: Jean-Claude → J.-C.
  return given
    .replace(/['’‘`ʼ]/g, '')
    .split('-')
    .filter((g) => g.length > 0 && !HYPHENATED_PARTICLES.has(g.toLowerCase()))
    .map((g) => `${g.charAt(0).toUpperCase()}.`)
    .join('-');
}

export function initialsCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const splits = ctx.entities.map((entity) => ({ entity, split: splitPrimary(entity) }));
  const familyCount = new Map<string, number>();
  for (const { split } of splits) if (split) familyCount.set(familyKey(split.family), (familyCount.get(familyKey(split.family)) ?? 0) + 1);
  const out: Draft[] = [];
  for (const { entity, split } of rng.shuffle(splits)) {
    if (out.length >= target) break;
    if (!split || nameTokens(split.family).join('').length < 3) continue;
    if ((familyCount.get(familyKey(split.family)) ?? 0) >= COMMON_FAMILY_PERSONS) continue;
    const given = split.given.filter((g) => !NOT_INITIALLED.has(g.toLowerCase()) && /\p{L}/u.test(initialOf(g)));
    if (given.length === 0) continue;
    // Another listed person with this family name and first initial would make the initials ambiguous.
    const first = given[0]?.charAt(0).toLowerCase();
    const ambiguous = splits.some(
      (o) => o.entity.id !== entity.id && o.split && familyKey(o.split.family) === familyKey(split.family) && o.split.given[0]?.charAt(0).toLowerCase() === first,
    );
    if (ambiguous) continue;
    // Past three given names nobody writes every initial: the first one stands for them (A. Al-Kawari).
    const initials = given.length > 3 ? [initialOf(given[0] ?? '')] : given.map(initialOf);
    const family = rng.chance(0.5) ? titleCase(split.family) : split.family.toUpperCase();
    const dprk = isDprkPerson(entity);
    const styles = [
      { text: `${initials.join(' ')} ${family}`, label: 'initials spaced, family name last' },
      { text: `${initials.join('')} ${family}`, label: 'initials joined, family name last' },
      { text: `${initials[0] ?? ''} ${family}`, label: 'first initial only' },
      { text: `${family}, ${initials.join(' ')}`, label: '"Family, I. I."' },
      { text: `${family} ${initials.join('')}`, label: 'family name first, initials after' },
    ];
    // A DPRK name keeps its order (family first) as often as not: PAK Y.S.
    const style = dprk && rng.chance(0.5) ? styles[4] : rng.pick(styles);
    if (!style || !isFreshVariant(ctx, entity, style.text, out)) continue;
    out.push(positive(entity, 'initials', style.text, `${style.label} of "${split.name}"`));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// nickname.

const NICKNAMES_FILE = path.join(__dirname, 'reference/english-nicknames.csv');

/** English nicknames from carltonnorthern/nicknames (name1 has_nickname name2), lower case. */
function englishNicknames(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of readFileSync(NICKNAMES_FILE, 'utf8').split(/\r?\n/).slice(1)) {
    const [name, relation, nickname] = line.split(',');
    if (!name || !nickname || relation !== 'has_nickname') continue;
    map.set(name, [...(map.get(name) ?? []), nickname]);
  }
  return map;
}

/**
 * Nicknames of the file nobody would type for the name today, or that turn a man's name into a woman's
 * (Peter → Pate, Paul → Polly, William → Bela): left out.
 */
const UNUSED_NICKNAMES = new Set(['pate', 'polly', 'bela', 'bell', 'sion', 'drea', 'cissy', 'sis', 'jem', 'jos', 'jody', 'berney', 'berny', 'franniey']);

/** Russian diminutives used as names in their own right (Саша, Володя), written from Russian usage. */
const RUSSIAN_DIMINUTIVES: Record<string, string[]> = {
  Александр: ['Саша', 'Шура'], Алексей: ['Алёша', 'Лёша'], Анатолий: ['Толя'], Андрей: ['Андрюша'], Антон: ['Антоша'],
  Артём: ['Тёма'], Борис: ['Боря'], Вадим: ['Вадик'], Валентин: ['Валя'], Валерий: ['Валера'], Василий: ['Вася'],
  Виктор: ['Витя'], Виталий: ['Виталик'], Владимир: ['Володя', 'Вова'], Владислав: ['Влад', 'Слава'], Вячеслав: ['Слава'],
  Геннадий: ['Гена'], Георгий: ['Жора', 'Гоша'], Григорий: ['Гриша'], Дмитрий: ['Дима', 'Митя'], Евгений: ['Женя'],
  Иван: ['Ваня'], Константин: ['Костя'], Леонид: ['Лёня'], Максим: ['Макс'], Михаил: ['Миша'], Николай: ['Коля'],
  Павел: ['Паша'], Пётр: ['Петя'], Роман: ['Рома'], Сергей: ['Серёжа'], Станислав: ['Стас'], Степан: ['Стёпа'],
  Фёдор: ['Федя'], Юрий: ['Юра'], Яков: ['Яша'], Анна: ['Аня'], Екатерина: ['Катя'], Елена: ['Лена'], Ирина: ['Ира'],
  Мария: ['Маша'], Наталья: ['Наташа'], Ольга: ['Оля'], Светлана: ['Света'], Татьяна: ['Таня'], Людмила: ['Люда'],
  Галина: ['Галя'], Юлия: ['Юля'], Анастасия: ['Настя'], Дарья: ['Даша'], Ксения: ['Ксюша'], Надежда: ['Надя'],
  Любовь: ['Люба'],
};

export function nicknameCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  const russian = cyrillicPersons(ctx.entities);
  const russianIds = new Set(russian.map((p) => p.entity.id));
  for (const p of rng.shuffle(russian)) {
    const diminutives = RUSSIAN_DIMINUTIVES[p.given] ?? RUSSIAN_DIMINUTIVES[p.given.replace(/е/g, 'ё')] ?? [];
    for (const diminutive of rng.shuffle(diminutives).slice(0, 2)) {
      if (out.length >= target) return out;
      const cyrillic = `${diminutive} ${p.family}`;
      const latin = rng.chance(0.5) ? transliterate(cyrillic, 'bgn') : transliterate(cyrillic.replace(/ё/g, 'е'), 'bgn');
      const text = rng.chance(0.5) ? cyrillic : latin;
      if (!isFreshVariant(ctx, p.entity, text, out)) continue;
      out.push(positive(p.entity, 'nickname', text, `Russian diminutive ${diminutive} of ${p.given} ("${p.entity.primaryName}")`));
    }
  }
  const english = englishNicknames();
  for (const entity of rng.shuffle(ctx.entities)) {
    if (entity.type !== 'person' || isDprkPerson(entity) || russianIds.has(entity.id)) continue;
    const split = splitPrimary(entity);
    const first = split?.given[0];
    if (!split || !first) continue;
    const nicknames = (english.get(first.toLowerCase()) ?? []).filter((n) => n.length >= 3 && !UNUSED_NICKNAMES.has(n));
    for (const nickname of rng.shuffle(nicknames).slice(0, 2)) {
      if (out.length >= target) return out;
      const written = isUpper(split.name) && rng.chance(0.5) ? nickname.toUpperCase() : titleCase(nickname);
      const text = split.name.replace(first, written);
      const shown = isUpper(split.name) && written !== written.toUpperCase() ? titleCase(text) : text;
      if (!isFreshVariant(ctx, entity, shown, out)) continue;
      out.push(positive(entity, 'nickname', shown, `English nickname ${titleCase(nickname)} of ${titleCase(first)} ("${entity.primaryName}")`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// fuller-query.

/** Words that open a two-word given name (Abdul Rahman, Abu Bakr): an inserted name goes after both. */
const COMPOUND_OPENERS = new Set(['abd', 'abdul', 'abdel', 'abdu', 'abu', 'abou', 'umm', 'mohammad', 'muhammad', 'mohammed']);
/** Male middle names of the French-, English- and Portuguese-speaking countries the list's Western-named persons come from. */
const MIDDLE_NAMES = ['Jean', 'Pierre', 'Joseph', 'Paul', 'Emmanuel', 'Michel', 'François', 'André', 'Charles', 'Louis', 'Antoine', 'Patrick', 'John', 'James', 'Peter', 'Robert', 'David', 'Albert', 'Claude', 'Didier', 'José', 'Manuel'];

/** Women's given names of the name tables (EUROPEAN_GIVEN lists its English women's names from Mary to Heather). */
const WOMEN_GIVEN = new Set(
  [...parts.EUROPEAN_GIVEN.slice(parts.EUROPEAN_GIVEN.indexOf('Mary'), parts.EUROPEAN_GIVEN.indexOf('Heather') + 1), ...parts.ARABIC_FEMALE_GIVEN].map((n) => n.toLowerCase()),
);

/** Longer names already carry their father's and grandfather's names: one more would not be how anyone writes them. */
const MAX_TOKENS_FOR_INSERTION = 3;

/** How many leading words form the person's own given name: Saif al-Islam, Shams ur-Rahman, Abdul Rahman → 2. */
function givenWordCount(words: string[]): number {
  const [first, second] = words.map((w) => w.toLowerCase());
  if (second && (/^(al|el|ul|ur|ud)-/.test(second) || (first && COMPOUND_OPENERS.has(first) && words.length > 2))) return 2;
  return 1;
}

export function fullerQueryCases(ctx: PositiveContext, rng: Rng, target: number): Draft[] {
  const out: Draft[] = [];
  const russian = new Map(cyrillicPersons(ctx.entities).map((p) => [p.entity.id, p]));
  for (const entity of rng.shuffle(ctx.entities)) {
    if (out.length >= target) break;
    if (entity.type !== 'person' || isDprkPerson(entity)) continue;
    const p = russian.get(entity.id);
    if (p) {
      // A patronymic where the list has none (Сергей Ткачук → Сергей Иванович Ткачук).
      if (p.patronymic) continue;
      const female = /[ая]$/.test(p.given);
      const father = rng.pick(parts.RUSSIAN_MALE_GIVEN);
      const cyrillic = `${p.given} ${parts.patronymic(father, female)} ${p.family}`;
      const text = /\p{Script=Cyrillic}/u.test(p.source) && rng.chance(0.5) ? cyrillic : transliterate(cyrillic, 'bgn');
      if (!isFreshVariant(ctx, entity, text, out)) continue;
      out.push(positive(entity, 'fuller-query', text, `patronymic ${parts.patronymic(father, female)} added to "${p.entity.primaryName}"`));
      continue;
    }
    const split = splitPrimary(entity);
    if (!split) continue;
    const words = split.name.split(' ');
    if (words.length < 2 || words.length > MAX_TOKENS_FOR_INSERTION) continue;
    // An Arabic-origin name takes father's names; a European given name takes middle names. Others (Indonesian,
    // Filipino, Korean) are left alone: their customs differ.
    const arabic = entity.listings.some((l) => ARABIC_NAME_REGIMES.has(l.regime)) && arabicFromLexicon(words[0] ?? '') !== null;
    const western = !arabic && (entity.dataset !== 'un' || entity.listings.some((l) => WESTERN_NAME_REGIMES.has(l.regime)));
    if (!arabic && !western) continue;
    // Middle names are men's names: a person the list marks female, or with a woman's given name, gets none.
    const female = entity.raw?.['gender'] === 'Female' || WOMEN_GIVEN.has((words[0] ?? '').toLowerCase());
    if (western && female) continue;
    const pool = arabic ? parts.ARABIC_MALE_GIVEN : MIDDLE_NAMES;
    const count = rng.chance(arabic ? 0.4 : 0.2) ? 2 : 1;
    const present = new Set(nameTokens(split.name));
    const added = rng.shuffle(pool).filter((g) => !nameTokens(g).some((t) => present.has(t))).slice(0, count);
    const inserted = added.map((a) => (isUpper(split.name) ? a.toUpperCase() : a));
    // After the person's own given name: the father's name (Arabic nasab) or a middle name.
    const at = givenWordCount(words);
    if (at >= words.length) continue;
    const text = [...words.slice(0, at), ...inserted, ...words.slice(at)].join(' ');
    if (!isFreshVariant(ctx, entity, text, out)) continue;
    const what = arabic ? `father's name${count > 1 ? 's' : ''}` : `middle name${count > 1 ? 's' : ''}`;
    out.push(positive(entity, 'fuller-query', text, `${what} ${added.join(' ')} added to "${split.name}"`));
  }
  return out;
}
