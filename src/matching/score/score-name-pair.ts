import type { NameForm } from '../normalize/name-forms';
import type { NameToken } from '../normalize/name-tokens';
import { alignParts, type AlignedPair, type PartAlignment } from './align-name-parts';
import type { PartRelation } from './compare-name-parts';

/**
 * The name score of one query form against one list form: a weighted Dice coefficient over the aligned parts.
 * Matched parts add their weights times their similarity; a wrong part (a query part and a list part that pair
 * with nothing) costs both weights in full; a part only one side has costs less, because lists add and banks drop
 * middle names and patronymics. The result is split into additive contributions for the explanation.
 * Retrieval prunes by an upper bound of this score (`name-score-bound.ts`): change the two together.
 */

/** A part only the list name has (the query omitted it) costs three quarters of a wrong part. */
export const MISSING_PART_COST = 0.75;

/** A part only the query has (the list omits it) costs three quarters of a wrong part. */
export const EXTRA_PART_COST = 0.75;

/**
 * A part only the query has, when the query holds every part of a listed person's name of two or more parts and
 * more ("Abdulhai Abdul Ghafoor Salek" for ABDULHAI SALEK): lists give short forms, banks the full name. Cheap, so
 * such a query matches; a Korean name is excepted (a syllable more is another given name).
 */
export const FULLER_QUERY_EXTRA_COST = 0.3;

/**
 * A listed part the query leaves out when it gives its given names as initials only ("T. Al-Maaroufi" for TAREK BEN
 * HABIB BEN AL-TOUMI AL-MAAROUFI): who writes initials drops the middle names too. Cheap, once the initials agree
 * (and never beside a common family name, see `withoutLoneInitials`).
 */
export const INITIALS_QUERY_MISSING_COST = 0.1;

/** The query gives its given names as initials only: at most one other name part (the family name) besides them. */
export function isInitialsQuery(tokens: readonly NameToken[]): boolean {
  let initials = 0;
  let others = 0;
  for (const token of tokens) {
    if (token.role === 'initial') initials += 1;
    else if (token.weight >= NAME_PART_WEIGHT) others += 1;
  }
  return initials > 0 && others <= 1;
}

/** Parts a query form needs for a fuller query to be possible: the two or more listed parts, and one of its own. */
export const FULLER_QUERY_MIN_PARTS = 3;

/** A query form of this many parts may be a fuller query; retrieval's score bound lets only these pay the low cost. */
export function mayBeFullerQuery(partCount: number): boolean {
  return partCount >= FULLER_QUERY_MIN_PARTS;
}

/** A fuller query's parts paired with the listed name must each be at least this similar (a typo at most). */
export const FULLER_QUERY_MIN_SIMILARITY = 0.85;

/** The listed parts a fuller query holds must weigh this much together: two common given names are not enough. */
const FULLER_QUERY_MIN_LIST_WEIGHT = 1.6;

/**
 * For a Korean personal name every syllable is part of the name: "Kim Chol" is not "Kim Chol Nam".
 * Likewise when one side names a person by a single part ("Tkachuk" vs "Sergei Tkachuk", "Bilal Ibrahim" vs the
 * alias "Bilal"), and for organizations, whose every word names them.
 */
export const STRICT_ABSENT_PART_COST = 1;

/**
 * A wrong first given name costs more than another wrong part: relatives share family names, and in Arabic and
 * Russian names the father's name too (Usama Abdullah Saleh … ≠ Ahmed Abdullah Saleh …). Likewise one wrong word
 * in an organization's name makes another organization (Rahat Trading ≠ Rahat Mining).
 */
export const WRONG_GIVEN_NAME_COST = 2;

/** A wrong word in an organization's name weighs at least an ordinary part, however generic. */
const ORGANIZATION_WRONG_WORD_MIN_WEIGHT = 1;

/** Weight at or above which a part counts as a name part (not a particle or stopword). */
export const NAME_PART_WEIGHT = 0.5;

export interface NameScore {
  /** M / W in [0, 1]: the name score before qualifiers. */
  score: number;
  /** Similarity of the aligned parts, counting class-equivalent spellings as equal. */
  nameSimilarity: number;
  /** What spelling the parts the other way (another romanization/transliteration) costs; ≤ 0. */
  classEquivalence: number;
  /** What unmatched (wrong, missing or extra) parts cost; ≤ 0. */
  partCoverage: number;
  alignment: PartAlignment;
  queryForm: NameForm;
  listForm: NameForm;
}

export interface NameScoreContext {
  /** The list entity is a person (a one-part query then pays the strict cost). */
  listIsPerson: boolean;
  /** The list entity is an organization (every wrong word costs `WRONG_GIVEN_NAME_COST`, every absent one in full). */
  listIsOrganization: boolean;
  /** The list ties the entity to Korea (KP/KR): romanized syllables are units of its names. */
  listIsKorean: boolean;
  /** The joined-part variants of a form (see `joinedVariants`); a matcher passes a cached one. */
  variantsOf: (form: NameForm) => readonly NameForm[];
  /** The family name is too common for initials to say whose it is (Kim, Khan, Ivanov), by the lists' own counts. */
  isCommonFamilyName: (token: NameToken) => boolean;
}

function namePartCount(tokens: readonly NameToken[]): number {
  let count = 0;
  for (const token of tokens) if (token.weight >= NAME_PART_WEIGHT) count += 1;
  return count;
}

/** The part beside initials must be written as listed, or in another romanization, transliteration or script. */
const INITIAL_ANCHOR_RELATIONS: ReadonlySet<PartRelation> = new Set(['exact', 'korean-class', 'transliteration', 'cross-script']);

/**
 * Initials count only beside a part that says whose they are: "V. Putin", not "A. Kim". When every name part but the
 * family name is met by an initial and that family name is common, the initials are taken back (left unpaired).
 */
function withoutLoneInitials(alignment: PartAlignment, list: readonly NameToken[], context: NameScoreContext): PartAlignment {
  let initials = 0;
  let anchor: NameToken | undefined;
  let anchorRelation: PartRelation = 'different';
  let anchors = 0;
  for (const pair of alignment.pairs) {
    if (pair.comparison.relation === 'initial') initials += 1;
    else if ((list[pair.listIndex]?.weight ?? 0) >= NAME_PART_WEIGHT) {
      anchors += 1;
      anchor = list[pair.listIndex];
      anchorRelation = pair.comparison.relation;
    }
  }
  if (initials === 0 || anchors > 1) return alignment;
  // … nor beside a misspelt one or a given name's short form ("M. G. Jon" is not GABRIEL JOK RIAK MAKOL).
  const weakAnchor = anchor === undefined || context.isCommonFamilyName(anchor) || !INITIAL_ANCHOR_RELATIONS.has(anchorRelation);
  if (!weakAnchor) return alignment;
  const dropped = alignment.pairs.filter((pair) => pair.comparison.relation === 'initial');
  const byIndex = (a: number, b: number): number => a - b;
  return {
    pairs: alignment.pairs.filter((pair) => pair.comparison.relation !== 'initial'),
    unmatchedQuery: [...alignment.unmatchedQuery, ...dropped.map((pair) => pair.queryIndex)].sort(byIndex),
    unmatchedList: [...alignment.unmatchedList, ...dropped.map((pair) => pair.listIndex)].sort(byIndex),
  };
}

/**
 * Paired parts whose list positions, read in the query's order, are not the listed order turned round (the family
 * name moved from the front to the back or back again): each place the order steps back, counted round the end.
 * In order, or turned round once, this is at most 1.
 */
function orderBreaks(pairs: readonly AlignedPair[]): number {
  if (pairs.length < 3) return 0;
  const listOrder = [...pairs].sort((a, b) => a.queryIndex - b.queryIndex).map((pair) => pair.listIndex);
  let breaks = 0;
  for (let i = 0; i < listOrder.length; i += 1) {
    if ((listOrder[i] as number) > (listOrder[(i + 1) % listOrder.length] as number)) breaks += 1;
  }
  return breaks;
}

/**
 * A Korean person's name is read in its syllables' order: Kwang-soo is not Su-kwang, though each syllable finds its
 * like. The family name may stand first or last, nothing else moves; while the pairs break that order, the least
 * valuable pair whose removal mends it most is taken back (left unpaired, so it costs as a wrong part).
 */
function inKoreanSyllableOrder(alignment: PartAlignment, query: readonly NameToken[], list: readonly NameToken[]): PartAlignment {
  let pairs = alignment.pairs;
  if (orderBreaks(pairs) <= 1) return alignment;
  const value = (pair: AlignedPair): number =>
    ((query[pair.queryIndex]?.weight ?? 0) + (list[pair.listIndex]?.weight ?? 0)) * pair.comparison.similarity;
  const dropped: AlignedPair[] = [];
  while (orderBreaks(pairs) > 1) {
    let best: { pair: AlignedPair; breaks: number; value: number } | null = null;
    for (const pair of pairs) {
      const breaks = orderBreaks(pairs.filter((other) => other !== pair));
      const pairValue = value(pair);
      if (!best || breaks < best.breaks || (breaks === best.breaks && pairValue < best.value)) best = { pair, breaks, value: pairValue };
    }
    if (!best) break;
    const taken = best.pair;
    dropped.push(taken);
    pairs = pairs.filter((pair) => pair !== taken);
  }
  const byIndex = (a: number, b: number): number => a - b;
  return {
    pairs,
    unmatchedQuery: [...alignment.unmatchedQuery, ...dropped.map((pair) => pair.queryIndex)].sort(byIndex),
    unmatchedList: [...alignment.unmatchedList, ...dropped.map((pair) => pair.listIndex)].sort(byIndex),
  };
}

/** A generation suffix a list may write among the names (Hilarion Santos, III; 3rd; Jr): no given name. */
const GENERATION_SUFFIX = /^(?:\d+|ii|iii|iv|jr|sr)$/;

/** Which end of a listed name a query left out while keeping its middle (see `leftOutEnd`). */
type LeftOutEnd = 'first-given' | 'family' | null;

/**
 * A query whose every part pairs with the listed person's name, a middle part of it among them, but which leaves out
 * one end of it: the first given name ("Reza Moradi" for ALI REZA MORADI, "Luis Ramirez" for JOISE LUIS RAMIREZ) or
 * the family name ("Reza Mohammadi" for REZA MOHAMMADI AZIZABADI, "Fernando Torres" for TORRES GONZALEZ, Fernando).
 * Who shortens a name drops a middle one; without an end the query may as well name another person whose name is
 * the listed one's middle (Reza, not Alireza), so that end costs as a wrong part (`wrongCost`), not as a dropped
 * middle name, and the name alone lands below the threshold (a country or a date of birth that agrees takes it
 * over). Decided by the list's positions and the pairs only: the query's order never matters.
 */
function leftOutEnd(alignment: PartAlignment, listForm: NameForm): LeftOutEnd {
  if (alignment.unmatchedQuery.length > 0) return null;
  const { givenIndex, familyIndex, tokens } = listForm;
  if (givenIndex < 0 || familyIndex < 0) return null;
  const middleKept = alignment.pairs.some((pair) => {
    const token = tokens[pair.listIndex];
    return pair.listIndex !== givenIndex && pair.listIndex !== familyIndex && token !== undefined && token.weight >= NAME_PART_WEIGHT && token.role !== 'patronymic';
  });
  if (!middleKept) return null;
  const givenLeft = alignment.unmatchedList.includes(givenIndex);
  const familyLeft = alignment.unmatchedList.includes(familyIndex);
  if (givenLeft && !familyLeft && !GENERATION_SUFFIX.test(tokens[givenIndex]?.text ?? '')) return 'first-given';
  if (familyLeft && !givenLeft) return 'family';
  return null;
}

/**
 * The query holds every name part of the listed person's name (two or more parts), each at least nearly as written,
 * plus parts of its own: see `FULLER_QUERY_EXTRA_COST`.
 */
function isFullerQuery(alignment: PartAlignment, queryForm: NameForm, listForm: NameForm, context: NameScoreContext): boolean {
  if (!context.listIsPerson || queryForm.koreanShaped || listForm.koreanShaped || alignment.unmatchedQuery.length === 0) return false;
  // Retrieval's bound lets extra parts cost this little only for forms of this many parts: keep the two in step.
  if (!mayBeFullerQuery(queryForm.tokens.length)) return false;
  const list = listForm.tokens;
  if (namePartCount(list) < 2) return false;
  if (alignment.unmatchedList.some((index) => (list[index]?.weight ?? 0) >= NAME_PART_WEIGHT)) return false;
  let pairedWeight = 0;
  for (const pair of alignment.pairs) {
    // A consonant skeleton across scripts is too coarse to carry extra parts (Qasim Mostafa Saleh ≠ صالح قاسمي).
    if (pair.comparison.similarity < FULLER_QUERY_MIN_SIMILARITY || pair.comparison.relation === 'cross-script') return false;
    pairedWeight += list[pair.listIndex]?.weight ?? 0;
  }
  return pairedWeight >= FULLER_QUERY_MIN_LIST_WEIGHT;
}

/** Query forms written in Latin or Cyrillic letters (ММЦ): the only ones an acronym can be. */
const LATIN_ORIGINS = new Set(['latin', 'acronym', 'cyrillic-ru', 'cyrillic-uk']);

/** Scores one fixed pair of forms (no joining). */
function scoreAligned(queryForm: NameForm, listForm: NameForm, context: NameScoreContext): NameScore {
  const query = queryForm.tokens;
  const list = listForm.tokens;
  // Korean rules (syllables are units, no Russian skeletons between Korean readings) when either name is Korean:
  // a Korean name joined ("Joo Je" → "jooje") is not a Russian transliteration of the nickname "Joe".
  // An organization is read by Korean rules only when the list ties it to Korea: "Pi U" written as one word is
  // not BIO CORPORATION.
  const korean = context.listIsKorean || (!context.listIsOrganization && (queryForm.koreanShaped || listForm.koreanShaped));
  const aligned = withoutLoneInitials(alignParts(query, list, { korean, organization: context.listIsOrganization }), list, context);
  // Syllable order is read only where the list says the person is Korean: a name merely shaped like one (Ahmed Kwang
  // Kyong) keeps the free order of every other name.
  const alignment = context.listIsKorean && context.listIsPerson ? inKoreanSyllableOrder(aligned, query, list) : aligned;
  let matchedMass = 0;
  let matchedMassAsEqual = 0;
  let matchedWeight = 0;
  for (const pair of alignment.pairs) {
    const weight = (query[pair.queryIndex]?.weight ?? 0) + (list[pair.listIndex]?.weight ?? 0);
    const { similarity, relation } = pair.comparison;
    matchedWeight += weight;
    matchedMass += weight * similarity;
    matchedMassAsEqual += weight * (relation === 'korean-class' || relation === 'transliteration' || relation === 'cross-script' ? 1 : similarity);
  }
  // An acronym is a name only alone ("ISI" is not in "I Si U", 이시우), and only in Latin letters (기아 Kia, read
  // "gia", is not the GIA).
  const acronymMisread = listForm.origin === 'acronym' && (alignment.unmatchedQuery.length > 0 || !LATIN_ORIGINS.has(queryForm.origin));
  if (matchedWeight === 0 || acronymMisread) {
    return { score: 0, nameSimilarity: 0, classEquivalence: 0, partCoverage: 0, alignment, queryForm, listForm };
  }
  const strict =
    queryForm.koreanShaped ||
    listForm.koreanShaped ||
    context.listIsOrganization ||
    (context.listIsPerson && Math.min(namePartCount(query), namePartCount(list)) <= 1);
  const initialsAgree = alignment.pairs.some((pair) => pair.comparison.relation === 'initial') && isInitialsQuery(query);
  const missingCost = initialsAgree ? INITIALS_QUERY_MISSING_COST : strict ? STRICT_ABSENT_PART_COST : MISSING_PART_COST;
  const leftOut = context.listIsPerson && !initialsAgree ? leftOutEnd(alignment, listForm) : null;
  const fuller = isFullerQuery(alignment, queryForm, listForm, context);
  const extraCost = fuller ? FULLER_QUERY_EXTRA_COST : strict ? STRICT_ABSENT_PART_COST : EXTRA_PART_COST;
  // An organization's line of business (Trading, Shipping) counts in full when one side lacks it.
  const absentWeight = (token: NameToken | undefined): number =>
    context.listIsOrganization && token?.role === 'generic'
      ? Math.max(token.weight, ORGANIZATION_WRONG_WORD_MIN_WEIGHT)
      : (token?.weight ?? 0);
  // A name written in Hangul begins with its family name: a first syllable that meets nothing names another family
  // (삼성전자 "sam song jon ja" is not CHA SUNG JUN), and costs as a wrong part, not as a syllable more.
  const hangulFamilyLeft =
    context.listIsPerson && (queryForm.origin === 'hangul-mr' || queryForm.origin === 'hangul-rr') && query.length > 1 && alignment.unmatchedQuery.includes(0);
  const queryLeft = alignment.unmatchedQuery.map((index) => absentWeight(query[index])).sort((a, b) => b - a);
  const listLeft = alignment.unmatchedList
    .map((index) => ({ weight: absentWeight(list[index]), given: index === listForm.givenIndex, family: index === listForm.familyIndex }))
    .sort((a, b) => Number(b.given) - Number(a.given) || b.weight - a.weight);
  const substitutions = Math.min(queryLeft.length, listLeft.length);
  const wrongGivenName = substitutions > 0 && listLeft[0]?.given === true;
  // A wrong part: a wrong given name, or any wrong word of an organization (Trading ↔ Mining, however generic).
  const wrongCost = (weight: number, isGiven: boolean): number => {
    if (context.listIsOrganization) return Math.max(weight, ORGANIZATION_WRONG_WORD_MIN_WEIGHT) * WRONG_GIVEN_NAME_COST;
    return weight * (isGiven ? WRONG_GIVEN_NAME_COST : 1);
  };
  let unmatchedCost = 0;
  queryLeft.forEach((weight, index) => {
    unmatchedCost += index < substitutions ? wrongCost(weight, index === 0 && wrongGivenName) : weight * extraCost;
  });
  // That first syllable was counted as a part more above: the rest of a wrong part's cost.
  if (hangulFamilyLeft && substitutions === 0) unmatchedCost += absentWeight(query[0]) * (WRONG_GIVEN_NAME_COST - extraCost);
  listLeft.forEach(({ weight, given, family }, index) => {
    const outOfPlace = (given && leftOut === 'first-given') || (family && leftOut === 'family');
    unmatchedCost += index < substitutions || outOfPlace ? wrongCost(weight, given) : weight * missingCost;
  });
  const score = matchedMass / (matchedWeight + unmatchedCost);
  const nameSimilarity = matchedMassAsEqual / matchedWeight;
  const classEquivalence = (matchedMass - matchedMassAsEqual) / matchedWeight;
  return {
    score,
    nameSimilarity,
    classEquivalence,
    partCoverage: score - matchedMass / matchedWeight,
    alignment,
    queryForm,
    listForm,
  };
}

/** Letters a joined part may differ in length from the part it meets (Yongsik ~ Yeong Sik, Alqaida ~ Al Qaida). */
const JOIN_LENGTH_SLACK = 3;

/**
 * True when joining two or three adjacent unmatched parts of `joining` could meet an unmatched part of `other`:
 * the runs' total length is within `JOIN_LENGTH_SLACK` letters of that part. A cheap test that spares the variants.
 */
function joinCouldHelp(
  joining: NameForm,
  joiningUnmatched: readonly number[],
  other: NameForm,
  otherUnmatched: readonly number[],
): boolean {
  if (joiningUnmatched.length < 2) return false;
  const unmatched = new Set(joiningUnmatched);
  const targets = otherUnmatched.map((index) => other.tokens[index]?.text.length ?? 0);
  for (const start of joiningUnmatched) {
    let length = joining.tokens[start]?.text.length ?? 0;
    for (let next = start + 1; next < start + 3 && unmatched.has(next); next += 1) {
      length += joining.tokens[next]?.text.length ?? 0;
      if (targets.some((target) => Math.abs(target - length) <= JOIN_LENGTH_SLACK)) return true;
    }
  }
  return false;
}

/**
 * Scores a query form against a list form, also trying each side with two adjacent parts joined when parts were
 * left unmatched ("Park Yongsik" vs "PAK YONG SIK"). Returns the best; `score` is in [0, 1].
 */
export function scoreNamePair(queryForm: NameForm, listForm: NameForm, context: NameScoreContext): NameScore {
  let best = scoreAligned(queryForm, listForm, context);
  const { unmatchedQuery, unmatchedList } = best.alignment;
  // Joining parts can only help where parts are left over on both sides, and only if two adjacent leftovers on one
  // side are about as long together as a leftover on the other.
  if (unmatchedList.length === 0 || (unmatchedQuery.length === 0 && queryForm.origin !== 'transliterated')) return best;
  if (joinCouldHelp(queryForm, unmatchedQuery, listForm, unmatchedList)) {
    for (const variant of context.variantsOf(queryForm)) {
      const candidate = scoreAligned(variant, listForm, context);
      if (candidate.score > best.score) best = candidate;
    }
  }
  // A reading from another script writes a Korean given name as one word (ユ・チョルウ "yu choru" for YU CHOL U)
  // and may have met one listed syllable by its consonants, leaving the other over: try the listed parts joined.
  const readJoined = queryForm.origin === 'transliterated' && unmatchedList.length > 0;
  if (readJoined || joinCouldHelp(listForm, unmatchedList, queryForm, unmatchedQuery)) {
    for (const variant of context.variantsOf(listForm)) {
      const candidate = scoreAligned(queryForm, variant, context);
      if (candidate.score > best.score) best = candidate;
    }
  }
  return best;
}
