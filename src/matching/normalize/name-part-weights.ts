import { phoneticSkeleton } from './phonetic-skeleton';

/**
 * How much a name part counts when two names are compared. Fixed linguistic knowledge, never derived from the
 * loaded list, so a score does not move when the list grows. Every weight is relative to an ordinary part (1).
 */

/** An ordinary given name, family name or organization word. */
export const ORDINARY_PART_WEIGHT = 1;

/** A patronymic is an optional part: banks often omit it (Sergei Tkachuk = Sergei Viktorovich Tkachuk). */
export const PATRONYMIC_WEIGHT = 0.35;

/** An initial (the V of "V. Putin") stands for a given name but says little about which. */
export const INITIAL_WEIGHT = 0.5;

/** Articles and connectives carry no identity. */
export const STOPWORD_WEIGHT = 0.1;

/** Name particles (al-, van, de …) are written, dropped and glued on at will. */
export const PARTICLE_WEIGHT = 0.3;

/** Kinship markers (Abu, Umm, bin, ibn) are part of the name: "Abu Rusdan" is not "Rusdan". */
export const KINSHIP_WEIGHT = 0.6;

/** Words that many organizations share (Korea, Trading, International …) identify little on their own. */
export const GENERIC_ORGANIZATION_WORD_WEIGHT = 0.5;

/** Very common given-name elements (Muhammad, Ahmad, Ali, Abdul …) identify less than a rare part. */
export const COMMON_GIVEN_NAME_WEIGHT = 0.6;

const STOPWORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'an', 'und', 'et']);

const PARTICLES = new Set([
  'al', 'el', 'ul', 'ur', 'ud', 'ad', 'as', 'ash', 'az', 'de', 'del', 'della', 'da', 'di', 'do', 'dos', 'das', 'du',
  'la', 'le', 'van', 'von', 'der', 'den', 'ter',
]);

/** Kinship markers by spelling, each with the one class its spellings share (Abou = Abu = Abo, Ibn = Bin). */
const KINSHIP_CLASSES: ReadonlyMap<string, string> = new Map([
  ['abu', 'abu'],
  ['abou', 'abu'],
  ['abo', 'abu'],
  ['aboo', 'abu'],
  ['abul', 'abu'],
  ['bou', 'abu'],
  ['bu', 'abu'],
  ['umm', 'umm'],
  ['um', 'umm'],
  ['oum', 'umm'],
  ['bin', 'bin'],
  ['ibn', 'bin'],
  ['ben', 'bin'],
  ['bn', 'bin'],
  ['bint', 'bint'],
  ['ould', 'ould'],
]);

/** The class a kinship marker's spellings share, or null when `text` is not one. */
export function kinshipClass(text: string): string | null {
  return KINSHIP_CLASSES.get(text) ?? null;
}

/** Places and scope words that organizations add or drop freely (Korea, International, General). */
const LOCATIVE_WORDS = new Set([
  'korea', 'korean', 'dprk', 'democratic', 'peoples', 'republic', 'general', 'international', 'national', 'global',
  'world', 'state', 'federal', 'russian', 'russia', 'moscow', 'hong', 'kong', 'china', 'chinese', 'central',
]);

/** Words naming a line of business: generic, but a different one makes a different company (Trading ≠ Mining). */
const GENERIC_ORGANIZATION_WORDS = new Set([
  'trading', 'trade',
  'group', 'bank', 'banking', 'association', 'committee', 'ministry', 'industrial', 'industry', 'industries',
  'development', 'foundation', 'organization', 'organisation', 'center', 'centre', 'department',
  'bureau', 'office', 'branch', 'trust', 'society', 'islamic', 'front', 'brigade', 'army', 'movement', 'party',
  'network', 'holding', 'holdings', 'enterprise', 'enterprises', 'import', 'export', 'shipping',
  'services', 'service', 'investment', 'investments', 'technology', 'technologies', 'college', 'institute',
  'university', 'council', 'fund', 'agency', 'union', 'charity', 'relief',
  'mining', 'energy', 'oil', 'gas', 'battalion', 'company', 'corporation', 'marine', 'insurance', 'machinery',
]);

/** Compared by phonetic skeleton (see `phonetic-skeleton.ts`), so every spelling of these hits. */
const COMMON_GIVEN_NAME_SKELETONS = new Set(
  [
    'mohammed', 'muhammad', 'mohammad', 'mohamed', 'muhammed', 'mohamad', 'mohd', 'ahmad', 'ahmed', 'ali', 'abdul',
    'abd', 'abdullah', 'abdallah', 'hassan', 'hasan', 'hussein', 'husain', 'hussain', 'husayn', 'omar', 'umar',
    'ibrahim', 'abdel', 'mustafa', 'yusuf', 'yousef',
  ].map(phoneticSkeleton),
);

/** Honorifics dropped from the start of a name. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam', 'mme', 'herr', 'frau']);

export type NamePartRole =
  | 'part'
  | 'patronymic'
  | 'particle'
  | 'kinship'
  | 'stopword'
  | 'generic'
  | 'locative'
  | 'common'
  | 'acronym'
  /** One Latin letter: a given name's initial. */
  | 'initial'
  /** Two or three adjacent parts written as one (Yongsik); its weight is the sum of theirs. */
  | 'joined';

/** The role of a name part from its text and phonetic skeleton (a patronymic is decided by the tokenizer). */
export function namePartRole(text: string, skeleton: string): NamePartRole {
  if (text.length === 1 && text >= 'a' && text <= 'z') return 'initial';
  if (STOPWORDS.has(text)) return 'stopword';
  if (PARTICLES.has(text)) return 'particle';
  if (KINSHIP_CLASSES.has(text)) return 'kinship';
  if (LOCATIVE_WORDS.has(text)) return 'locative';
  if (GENERIC_ORGANIZATION_WORDS.has(text)) return 'generic';
  if (COMMON_GIVEN_NAME_SKELETONS.has(skeleton)) return 'common';
  return 'part';
}

/** The weight of a name part of the given role. */
export function namePartWeight(role: NamePartRole): number {
  switch (role) {
    case 'patronymic':
      return PATRONYMIC_WEIGHT;
    case 'particle':
      return PARTICLE_WEIGHT;
    case 'kinship':
      return KINSHIP_WEIGHT;
    case 'stopword':
      return STOPWORD_WEIGHT;
    case 'generic':
    case 'locative':
      return GENERIC_ORGANIZATION_WORD_WEIGHT;
    case 'common':
      return COMMON_GIVEN_NAME_WEIGHT;
    case 'initial':
      return INITIAL_WEIGHT;
    case 'part':
    case 'acronym':
    case 'joined':
      return ORDINARY_PART_WEIGHT;
  }
}
