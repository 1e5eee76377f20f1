import { nameReadingOf, type CanonicalEntity, type EntityName, type EntityType } from '../../model/entity';
import { compareLegalForms, legalFormLabel } from '../normalize/legal-forms';
import { compareQualifiers } from '../normalize/organization-words';
import type { NameForm } from '../normalize/name-forms';
import type { MatchQuery } from '../types';
import { isSupportingScheme, IDENTIFIER_SUPPORT_BONUS, NO_IDENTIFIER_EVIDENCE, type IdentifierComparison } from './compare-identifiers';
import { CONFLICT_PENALTY, patronymicConflict, qualifierConflict, type Conflict } from './conflicts';
import { NAME_PART_WEIGHT, scoreNamePair, type NameScore, type NameScoreContext } from './score-name-pair';
import {
  BIRTH_DATE_AGREEMENT_BONUS,
  birthDateAgreement,
  COUNTRY_AGREEMENT_BONUS,
  countryAgreement,
  CRAFT_TYPES,
  typeAgreement,
  TYPE_CONFLICT_PENALTY,
  type QualifierEffect,
} from './score-qualifiers';

/**
 * The score of one candidate entity: its best name against the query's forms (`scoreNamePair`), adjusted for the
 * legal forms and the alias's quality, plus what the qualifiers (type, country, date of birth, supporting
 * identifiers) add or take away, clamped to [0, 1]. An identifier (a handle) scores `HANDLE_SCORE` plus the
 * qualifiers; an IMO number or passport that agrees makes the score 1 whatever the name (`scoreIdentifierMatch`).
 */

/** A matching low-quality UN alias (a.k.a. of low quality) counts less than a good one. */
export const LOW_QUALITY_ALIAS_PENALTY = -0.05;

/**
 * A one-word low-quality alias (a nickname such as "Rusdjan", a bare word such as EKSPERT or CHEMA; legal forms not
 * counted, so SITI PAO is one word) counts less again: on a list of tens of thousands of names every such word is
 * someone else's name or company too. Alone it stays just below the default threshold, written exactly as listed;
 * something else that agrees (a country, a date of birth, the legal form) takes it over.
 */
export const LOW_QUALITY_SINGLE_WORD_ALIAS_PENALTY = -0.2;

/** Legal forms agree (ООО = LLC): a slight confirmation for an organization. */
export const LEGAL_FORM_AGREEMENT_BONUS = 0.02;

/** Legal forms of different families (AG vs GmbH, LLC vs JSC): another company, a conflict (see `conflicts.ts`). */
export const LEGAL_FORM_CONFLICT_PENALTY = CONFLICT_PENALTY;

/** A type only inferred from the query (a legal form in it) counts half as much as a stated one. */
const INFERRED_TYPE_FACTOR = 0.5;

/** A handle (an identifier name such as "@mmcpersonal") matches only itself, exactly. */
export const HANDLE_SCORE = 1;

/** Countries whose names the list romanizes from Korean. */
const KOREAN_COUNTRIES = new Set(['KP', 'KR']);

/** The qualifiers' effects, in the order they are added and explained: type, country, date of birth. */
export type QualifierEffects = Record<string, QualifierEffect>;

/** One list name of the candidate, in one of its forms. */
export interface ListNameForm {
  /** Index into the entity's `names`. */
  nameIndex: number;
  form: NameForm;
}

/** The best of a candidate's names against the query. */
export interface BestNameMatch {
  /** The name score with the legal-form, alias-quality and name-conflict effects, before qualifiers. */
  score: number;
  name: EntityName;
  nameScore: NameScore;
  /** What in the two names contradicts the match: another legal form, patronymic or place. */
  conflicts: Conflict[];
  /** What the legal forms added (`legalFormEffect`), with the listed entity's type. */
  legalForm: number;
}

function isKoreanEntity(entity: CanonicalEntity): boolean {
  return [...entity.countries, ...entity.nationalities].some((code) => KOREAN_COUNTRIES.has(code.toUpperCase()));
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * A query carrying a company's legal form (АО «Енисей», Yenisey LLC) against a vessel or an aircraft named by one
 * word: a ship called after a river, a town or a bird shares that word with every company called after it, and the
 * legal form says the query is one of those companies. Alone the name then stays below the default threshold; a
 * craft of two words or more (OCEAN STAR against Ocean Star Ltd) is left to the type qualifier
 * (`CRAFT_AS_ORGANIZATION_PENALTY`), since a single-ship company bears its ship's name.
 */
export const LEGAL_FORM_AGAINST_ONE_WORD_CRAFT_PENALTY = -0.2;

/**
 * What the two names' legal forms add: agreement, conflict, or nothing when either has none; a legal form against
 * a craft's one-word name costs `LEGAL_FORM_AGAINST_ONE_WORD_CRAFT_PENALTY` (`listType`, the listed entity's type).
 */
export function legalFormEffect(queryForm: NameForm, listForm: NameForm, listType?: EntityType): number {
  if (listType !== undefined && CRAFT_TYPES.has(listType) && queryForm.legalForms.length > 0 && listForm.legalForms.length === 0) {
    let parts = 0;
    for (const token of listForm.tokens) if (token.weight >= NAME_PART_WEIGHT) parts += 1;
    if (parts <= 1) return LEGAL_FORM_AGAINST_ONE_WORD_CRAFT_PENALTY;
  }
  switch (compareLegalForms(queryForm.legalForms, listForm.legalForms)) {
    case 'same':
      return LEGAL_FORM_AGREEMENT_BONUS;
    case 'conflict':
      return LEGAL_FORM_CONFLICT_PENALTY;
    default:
      return 0;
  }
}

/**
 * What in the two names contradicts a match: a legal form of another family, another patronymic, another place. Each costs
 * `CONFLICT_PENALTY` (the legal form's through `legalFormEffect`).
 */
export function nameConflicts(nameScore: NameScore, listIsOrganization = false): Conflict[] {
  const { queryForm, listForm, alignment } = nameScore;
  const conflicts: Conflict[] = [];
  if (compareLegalForms(queryForm.legalForms, listForm.legalForms) === 'conflict') {
    conflicts.push({ feature: 'legalForm', phrase: `legal form differs (${queryForm.legalForms.map(legalFormLabel).join(' ')} vs ${listForm.legalForms.map(legalFormLabel).join(' ')})` });
  }
  const patronymic = patronymicConflict(queryForm, listForm, alignment);
  if (patronymic) conflicts.push(patronymic);
  const place = qualifierConflict(queryForm, listForm, listIsOrganization ? alignment : undefined);
  if (place) conflicts.push(place);
  return conflicts;
}

/** What the name conflicts cost beyond the legal form's (counted in `legalFormEffect`): the `nameConflict` feature. */
export function nameConflictEffect(conflicts: readonly Conflict[]): number {
  return conflicts.filter((conflict) => conflict.feature !== 'legalForm').length * CONFLICT_PENALTY;
}

/**
 * What the list name's quality takes away: nothing for a good name, more for a low-quality alias of one name part
 * (`listForm`, the alias as compared: legal forms and particles do not count as parts).
 */
export function aliasQualityEffect(name: EntityName, listForm: NameForm): number {
  if (name.quality !== 'low') return 0;
  let parts = 0;
  for (const token of listForm.tokens) if (token.weight >= NAME_PART_WEIGHT) parts += 1;
  return parts <= 1 ? LOW_QUALITY_SINGLE_WORD_ALIAS_PENALTY : LOW_QUALITY_ALIAS_PENALTY;
}

/**
 * The most the qualifiers this query carries (country, date of birth, a legal form, a supporting identifier) can add
 * to a name score: a candidate needs a name score of the threshold less this to be a match (see
 * `retrievalLimitsFor`). An identifier that decides a match needs no name: it is looked up, not retrieved.
 */
export function possibleBonus(query: MatchQuery, queryForms: readonly NameForm[]): number {
  let bonus = 0;
  if (query.country) bonus += COUNTRY_AGREEMENT_BONUS;
  if (query.birthDate) bonus += BIRTH_DATE_AGREEMENT_BONUS;
  if (queryForms.some((form) => form.legalForms.length > 0)) bonus += LEGAL_FORM_AGREEMENT_BONUS;
  if (query.identifiers?.some((identifier) => isSupportingScheme(identifier.scheme))) bonus += IDENTIFIER_SUPPORT_BONUS;
  return bonus;
}

/** The query's type: as stated, else an organization when the query form that matched carries a legal form. */
function queryTypeFor(query: MatchQuery, matchedForm: NameForm | null): { type: EntityType | 'any'; inferred: boolean } {
  if (query.type && query.type !== 'any') return { type: query.type, inferred: false };
  if (matchedForm && matchedForm.legalForms.length > 0) return { type: 'organization', inferred: true };
  return { type: 'any', inferred: false };
}

function qualifierEffects(query: MatchQuery, entity: CanonicalEntity, matchedForm: NameForm | null): QualifierEffects {
  const queryType = queryTypeFor(query, matchedForm);
  const type = typeAgreement(queryType.type, entity.type);
  const typeEffect =
    queryType.inferred && type.value < 0
      ? { value: type.value * INFERRED_TYPE_FACTOR, phrase: `${type.phrase ?? ''} (inferred from legal form)` }
      : type;
  return {
    typeAgreement: typeEffect,
    countryAgreement: countryAgreement(query.country, entity),
    birthDateAgreement: birthDateAgreement(query.birthDate, entity.birthDates),
  };
}

/** What the name scorer looks up across the list: joined-part variants and common family names. */
export type ListLookups = Pick<NameScoreContext, 'variantsOf' | 'isCommonFamilyName'>;

/** What the name score needs to know of the list entity (see `NameScoreContext`). */
export function nameScoreContext(entity: CanonicalEntity, lookups: ListLookups): NameScoreContext {
  return {
    listIsPerson: nameReadingOf(entity.type) === 'person',
    listIsOrganization: nameReadingOf(entity.type) === 'organization',
    listIsKorean: isKoreanEntity(entity),
    variantsOf: lookups.variantsOf,
    isCommonFamilyName: lookups.isCommonFamilyName,
  };
}

/** The candidate's names to score: ids into `forms`, the forms of every list name. */
export interface CandidateNames {
  formIds: Iterable<number>;
  forms: readonly ListNameForm[];
}

/**
 * The entity's best name against the query's forms: the highest score the names alone give (name score, legal-form
 * agreement, alias quality), conflicts set aside, so that a conflicting reading is not traded for a weaker one that
 * dodges it (Deutsche Bank AG read as a person's "AG" against Deutsche Bank GmbH); on ties the one with fewer
 * conflicts, then the first (in the order of `formIds`, then of `queryForms`). Its `score` has the conflicts' costs.
 * Null when no name shares a part.
 */
export function bestNameMatch(
  entity: CanonicalEntity,
  { formIds, forms }: CandidateNames,
  queryForms: readonly NameForm[],
  lookups: ListLookups,
): BestNameMatch | null {
  let best: BestNameMatch | null = null;
  let bestUnconflicted = -Infinity;
  // Conflicts of every reading, to apply to the best one when it would dodge them (see below).
  const readings: Array<{ unconflicted: number; conflicts: Conflict[] }> = [];
  const context = nameScoreContext(entity, lookups);
  for (const formId of formIds) {
    const listForm = forms[formId];
    const name = listForm && entity.names[listForm.nameIndex];
    if (!listForm || !name) continue;
    const form = listForm.form;
    for (const queryForm of queryForms) {
      // A place taken out of the name is an organization's qualifier: that reading is not a person's name ("Do Dong
      // UK" is no British Dodong).
      if (queryForm.qualifiers.length > 0 && entity.type === 'person') continue;
      const nameScore = scoreNamePair(queryForm, form, context);
      if (nameScore.score === 0) continue;
      const conflicts = nameConflicts(nameScore, context.listIsOrganization);
      const legalForm = legalFormEffect(queryForm, form, entity.type);
      const total = nameScore.score + legalForm + aliasQualityEffect(name, form) + nameConflictEffect(conflicts);
      // A reading that makes the query an organization (a legal form) fits a person ill: the type effect applied later.
      const typeFit = form.legalForms.length === 0 && queryForm.legalForms.length > 0 && entity.type === 'person' ? TYPE_CONFLICT_PENALTY * INFERRED_TYPE_FACTOR : 0;
      const unconflicted = total - conflicts.length * CONFLICT_PENALTY + typeFit;
      if (conflicts.length > 0) readings.push({ unconflicted, conflicts });
      if (!best || unconflicted > bestUnconflicted || (unconflicted === bestUnconflicted && total > best.score)) {
        best = { score: total, nameScore, name, conflicts, legalForm };
        bestUnconflicted = unconflicted;
      }
    }
  }
  if (!best) return null;
  // What one full name of the entity contradicts holds against the entity: "Tarkhan Anatolyevich Batirashvili"
  // conflicts with TARKHAN TAYUMURAZOVICH BATIRASHVILI even though the alias "Tarkhan Batirashvili" has no patronymic
  // to contradict. Only readings about as good as the best count (the rest of the name must agree there too).
  // A feature the best reading agrees on is settled: the entity's own names disagree among themselves there
  // (TARKHAN ISMAILOVICH GAZIEV is also listed as Tarkhan Isaevich Gaziev).
  const floor = Math.max(ENTITY_CONFLICT_MIN_SCORE, bestUnconflicted - ENTITY_CONFLICT_MARGIN);
  const features = new Set([...best.conflicts.map((conflict) => conflict.feature), ...agreedFeatures(best.nameScore)]);
  const added: Conflict[] = [];
  for (const reading of readings) {
    if (reading.unconflicted < floor) continue;
    for (const conflict of reading.conflicts) {
      if (features.has(conflict.feature)) continue;
      features.add(conflict.feature);
      added.push(conflict);
    }
  }
  if (added.length === 0) return best;
  return { ...best, score: best.score + added.length * CONFLICT_PENALTY, conflicts: [...best.conflicts, ...added] };
}

/** The conflict features (see `nameConflicts`) on which a reading positively agrees. */
function agreedFeatures({ queryForm, listForm, alignment }: NameScore): string[] {
  const agreed: string[] = [];
  const legal = compareLegalForms(queryForm.legalForms, listForm.legalForms);
  if (legal === 'same' || legal === 'compatible') agreed.push('legalForm');
  if (compareQualifiers(queryForm.qualifiers, listForm.qualifiers) === 'same') agreed.push('qualifier');
  for (const pair of alignment.pairs) {
    if (queryForm.tokens[pair.queryIndex]?.role === 'patronymic' && listForm.tokens[pair.listIndex]?.role === 'patronymic') {
      agreed.push('patronymic');
      break;
    }
  }
  return agreed;
}

/** A conflict of another of the entity's names counts when that reading scores at least this, conflicts set aside. */
const ENTITY_CONFLICT_MIN_SCORE = 0.75;

/** … and at most this much below the best reading. */
const ENTITY_CONFLICT_MARGIN = 0.15;

/** A scored candidate: its score, what each qualifier did, and what contradicts it. */
export interface CandidateScore {
  /** In [0, 1]. */
  score: number;
  effects: QualifierEffects;
  /** Name and qualifier conflicts; a candidate with any is not a match, whatever its score. */
  conflicts: Conflict[];
  /** The score had nothing conflicted (each conflict's penalty given back), in [0, 1]: "would the name alone match". */
  scoreWithoutConflicts: number;
}

/**
 * The qualifiers' effects and, when the query gives identifiers, theirs: `identifierAgreement` (the supporting
 * bonus) and `identifierConflict` (`CONFLICT_PENALTY` per contradicting scheme, each conflict listed apart).
 */
function allEffects(query: MatchQuery, entity: CanonicalEntity, matchedForm: NameForm | null, identifiers: IdentifierComparison): QualifierEffects {
  const effects = qualifierEffects(query, entity, matchedForm);
  if (!identifiers.asked) return effects;
  return {
    ...effects,
    identifierAgreement: identifiers.support,
    // 0, not -0, when nothing contradicts.
    identifierConflict: { value: identifiers.conflicts.length > 0 ? identifiers.conflicts.length * CONFLICT_PENALTY : 0, phrase: null },
  };
}

/** The conflicts the effects mark (a birth year far off), after `conflicts` (each costs `CONFLICT_PENALTY`, already in its effect). */
function withMarkedConflicts(conflicts: readonly Conflict[], effects: QualifierEffects): Conflict[] {
  const all = [...conflicts];
  for (const [feature, effect] of Object.entries(effects)) {
    if (effect.conflict) all.push({ feature, phrase: effect.phrase ?? feature });
  }
  return all;
}

/** A name's (or handle's) score with the effects added and their conflicts joined to the name's and identifiers'. */
function withQualifiers(nameScore: number, conflicts: readonly Conflict[], effects: QualifierEffects): CandidateScore {
  let score = nameScore;
  for (const effect of Object.values(effects)) score += effect.value;
  const all = withMarkedConflicts(conflicts, effects);
  return { score: clamp01(score), effects, conflicts: all, scoreWithoutConflicts: clamp01(score - all.length * CONFLICT_PENALTY) };
}

/**
 * A candidate's score: its best name's, plus the qualifiers' and supporting identifiers' effects (returned for the
 * explanation), in [0, 1]; a contradicting identifier is a conflict.
 */
export function scoreNameMatch(
  query: MatchQuery,
  entity: CanonicalEntity,
  best: BestNameMatch,
  identifiers: IdentifierComparison = NO_IDENTIFIER_EVIDENCE,
): CandidateScore {
  const effects = allEffects(query, entity, best.nameScore.queryForm, identifiers);
  return withQualifiers(best.score, [...best.conflicts, ...identifiers.conflicts], effects);
}

/** The score of an entity whose identifier the query is: `HANDLE_SCORE` plus the qualifiers' effects, in [0, 1]. */
export function scoreHandleMatch(
  query: MatchQuery,
  entity: CanonicalEntity,
  identifiers: IdentifierComparison = NO_IDENTIFIER_EVIDENCE,
): CandidateScore {
  return withQualifiers(HANDLE_SCORE, identifiers.conflicts, allEffects(query, entity, null, identifiers));
}

/** The score of a candidate an identifier decides, with what the identifier adds (`lift`). */
export interface IdentifierDecidedScore extends CandidateScore {
  /** What the deciding identifier adds to the rest of the score to make it 1 (0 when the rest reaches 1 already). */
  lift: number;
}

/**
 * The score of a candidate whose IMO number or passport agrees (`identifiers.deciding` set): 1, whatever its best
 * name (`best`, null when no name compares) says, conflicts of the names included (a ship is renamed, a name
 * misspelt; the number stays); what contradicts the candidate other than its names (another identifier of a
 * conflicting scheme, a birth year far off) is still a conflict and takes its `CONFLICT_PENALTY` off the 1.
 */
export function scoreIdentifierMatch(
  query: MatchQuery,
  entity: CanonicalEntity,
  best: BestNameMatch | null,
  identifiers: IdentifierComparison,
): IdentifierDecidedScore {
  const effects = allEffects(query, entity, best?.nameScore.queryForm ?? null, identifiers);
  const conflicts = withMarkedConflicts(identifiers.conflicts, effects);
  const conflictCost = conflicts.length * CONFLICT_PENALTY;
  let rest = (best?.score ?? 0) - conflictCost;
  for (const effect of Object.values(effects)) rest += effect.value;
  const lift = Math.max(0, 1 - rest);
  return { score: clamp01(rest + lift + conflictCost), effects, conflicts, scoreWithoutConflicts: clamp01(rest + lift), lift };
}
