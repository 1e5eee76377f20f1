import type { CanonicalEntity, EntityName, EntityType } from '../model/entity';
import { joinedVariants } from './align-name-parts';
import { buildCandidateIndex, type CandidateIndex } from './candidate-index';
import { describeNameScore } from './explain-match';
import { compareLegalForms } from './legal-forms';
import { EXTRA_PART_COST, MISSING_PART_COST, scoreNamePair, type NameScore } from './score-name-match';
import {
  BIRTH_DATE_AGREEMENT_BONUS,
  birthDateAgreement,
  COUNTRY_AGREEMENT_BONUS,
  countryAgreement,
  typeAgreement,
  TYPE_CONFLICT_PENALTY,
  type QualifierEffect,
} from './score-qualifiers';
import { createTokenAnalyzer, nameForms, normalizeHandle, type NameForm, type TokenAnalyzer } from './tokenize-name';
import type { Matcher, MatchOptions, MatchOutcome, MatchQuery, MatchResult } from './types';

/**
 * The name-matching engine: candidate retrieval from an index built once per entity set, then precise scoring of
 * each candidate with an explanation. Pure and synchronous: no I/O, no environment, no clock in the scores.
 */

/** Algorithm name and version, recorded with every screening so a score can be traced to the code that made it. */
export const MATCHER_ALGORITHM = 'xscript-name-matcher@1.2.0';

/**
 * The documented operating point, chosen on a labelled development set built from the UN list (12 variant classes,
 * ~2,600 realistic non-listed names and near misses per seed, six seeds): every variant class keeps ≥ 98.6 %
 * recall and 0.04 % of the non-listed names score at or above it.
 *
 * Where the scores sit: another romanization or transliteration of every part ≈ 0.96, a dropped patronymic ≈ 0.94,
 * one typo in a three-part name ≈ 0.93, two typos in a two-part name ≈ 0.85, a dropped legal form 1. Below it:
 * a name four fifths right — two of three Korean syllables ("Kim Chol" for KIM CHOL NAM), one letter off in a
 * four-letter single word, a one-part query against "General Taganda" — lands exactly on 0.80, so the threshold
 * sits just above; a relative with the same family name and another given name scores 0.4–0.7, a person against an
 * organization of the same name 0.75.
 */
export const DEFAULT_THRESHOLD = 0.81;

/** Matches returned when the caller gives no limit. */
export const DEFAULT_LIMIT = 10;

/** A matching low-quality UN alias (a.k.a. of low quality) counts less than a good one. */
export const LOW_QUALITY_ALIAS_PENALTY = -0.05;

/** A one-word low-quality alias (a nickname such as "Rusdjan") counts less again. */
export const LOW_QUALITY_SINGLE_WORD_ALIAS_PENALTY = -0.1;

/** Legal forms agree (ООО = LLC): a slight confirmation for an organization. */
export const LEGAL_FORM_AGREEMENT_BONUS = 0.02;

/** Legal forms of different families (LLC vs JSC): a slight doubt, registries rewrite forms. */
export const LEGAL_FORM_CONFLICT_PENALTY = -0.03;

/** A type only inferred from the query (a legal form in it) counts half as much as a stated one. */
const INFERRED_TYPE_FACTOR = 0.5;

/** The most the qualifiers this query carries (country, date of birth, a legal form) can add to a name score. */
function possibleBonus(query: MatchQuery, queryForms: readonly NameForm[]): number {
  let bonus = 0;
  if (query.country) bonus += COUNTRY_AGREEMENT_BONUS;
  if (query.birthDate) bonus += BIRTH_DATE_AGREEMENT_BONUS;
  if (queryForms.some((form) => form.legalForms.length > 0)) bonus += LEGAL_FORM_AGREEMENT_BONUS;
  return bonus;
}

/**
 * The least share of the query's weight a list name must share for its score bound (`scoreUpperBound`, the list
 * side assumed as found) to reach `target`, with a small margin; 0 when any name could reach it.
 */
function coverageNeededFor(target: number): number {
  if (target <= 0) return 0;
  const absentCost = Math.min(MISSING_PART_COST, EXTRA_PART_COST);
  const coverage = (absentCost * target) / (2 - 2 * target + absentCost * target);
  return Math.max(0, Math.min(1, coverage - COVERAGE_MARGIN));
}

/** Slack on the coverage a candidate needs, for rounding in the retrieval tallies. */
const COVERAGE_MARGIN = 0.02;

/** Slack on a candidate's score bound, for float rounding in the retrieval tallies. */
const BOUND_MARGIN = 0.001;

/** Joined-part variants kept between queries (list names recur across queries; query names rarely do). */
const VARIANT_CACHE_SIZE = 20_000;

/** A handle (an identifier name such as "@mmcpersonal") matches only itself, exactly. */
const HANDLE_SCORE = 1;

export interface MatcherOptions {
  /** Threshold when a query gives none; default `DEFAULT_THRESHOLD`. */
  threshold?: number;
  /** Matches returned when a query gives no limit; default `DEFAULT_LIMIT`. */
  limit?: number;
}

export interface MatcherStats {
  entities: number;
  /** Comparable name forms indexed (a name can have several readings). */
  forms: number;
  /** Distinct name parts in the index. */
  vocabulary: number;
  /** Wall-clock time spent building the index, in milliseconds (informational, not part of any score). */
  buildMs: number;
}

/** A `Matcher` that also reports how its index was built. */
export interface NameMatcher extends Matcher {
  readonly stats: MatcherStats;
}

interface ScoredCandidate {
  entityIndex: number;
  score: number;
  name: EntityName;
  nameScore: NameScore | null;
  features: Record<string, number>;
  phrases: string[];
}

/** Countries whose names the list romanizes from Korean. */
const KOREAN_COUNTRIES = new Set(['KP', 'KR']);

function isKoreanEntity(entity: CanonicalEntity): boolean {
  return [...entity.countries, ...entity.nationalities].some((code) => KOREAN_COUNTRIES.has(code.toUpperCase()));
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

function legalFormEffect(queryForm: NameForm, listForm: NameForm): number {
  switch (compareLegalForms(queryForm.legalForms, listForm.legalForms)) {
    case 'same':
      return LEGAL_FORM_AGREEMENT_BONUS;
    case 'conflict':
      return LEGAL_FORM_CONFLICT_PENALTY;
    default:
      return 0;
  }
}

function aliasQualityEffect(name: EntityName): number {
  if (name.quality !== 'low') return 0;
  const words = name.name.trim().split(/\s+/).length;
  return words === 1 ? LOW_QUALITY_SINGLE_WORD_ALIAS_PENALTY : LOW_QUALITY_ALIAS_PENALTY;
}

/** The query's type: as stated, else an organization when the query form that matched carries a legal form. */
function queryTypeFor(query: MatchQuery, matchedForm: NameForm | null): { type: EntityType | 'any'; inferred: boolean } {
  if (query.type && query.type !== 'any') return { type: query.type, inferred: false };
  if (matchedForm && matchedForm.legalForms.length > 0) return { type: 'organization', inferred: true };
  return { type: 'any', inferred: false };
}

function scoreQualifiers(
  query: MatchQuery,
  entity: CanonicalEntity,
  queryType: { type: EntityType | 'any'; inferred: boolean },
): { effects: Record<string, QualifierEffect> } {
  const type = typeAgreement(queryType.type, entity.type);
  const typeEffect =
    queryType.inferred && type.value === TYPE_CONFLICT_PENALTY
      ? { value: type.value * INFERRED_TYPE_FACTOR, phrase: `${type.phrase ?? ''} (inferred from legal form)` }
      : type;
  return {
    effects: {
      typeAgreement: typeEffect,
      countryAgreement: countryAgreement(query.country, entity),
      birthDateAgreement: birthDateAgreement(query.birthDate, entity.birthDates),
    },
  };
}

/**
 * Builds a matcher over `entities` (the index is built once, here). The matcher never mutates the entities, never
 * performs I/O and answers `match()` synchronously; equal inputs always give equal outputs.
 */
export function createMatcher(entities: CanonicalEntity[], options: MatcherOptions = {}): NameMatcher {
  const started = performance.now();
  const analyzer = createTokenAnalyzer();
  const analyze: TokenAnalyzer = analyzer.analyze;
  const index: CandidateIndex = buildCandidateIndex(entities, analyzer);
  analyzer.freeze();
  const stats: MatcherStats = {
    entities: entities.length,
    forms: index.forms.length,
    vocabulary: index.vocabularySize,
    buildMs: Math.round(performance.now() - started),
  };
  // Joined-part variants of list names, computed on first use; bounded so memory does not grow with traffic.
  const variantCache = new Map<NameForm, readonly NameForm[]>();
  const variantsOf = (form: NameForm): readonly NameForm[] => {
    let variants = variantCache.get(form);
    if (!variants) {
      variants = joinedVariants(form, analyzer.analyzeJoined);
      if (variantCache.size >= VARIANT_CACHE_SIZE) variantCache.clear();
      variantCache.set(form, variants);
    }
    return variants;
  };
  const defaultThreshold = options.threshold ?? DEFAULT_THRESHOLD;
  const defaultLimit = options.limit ?? DEFAULT_LIMIT;

  const scoreEntity = (
    entityIndex: number,
    formIds: readonly number[],
    queryForms: readonly NameForm[],
  ): { score: number; name: EntityName; nameScore: NameScore } | null => {
    const entity = entities[entityIndex];
    if (!entity) return null;
    let best: { total: number; nameScore: NameScore; name: EntityName } | null = null;
    const context = {
      listIsPerson: entity.type === 'person',
      listIsOrganization: entity.type === 'organization',
      listIsKorean: isKoreanEntity(entity),
      variantsOf,
    };
    for (const formId of formIds) {
      const indexed = index.forms[formId];
      if (!indexed) continue;
      const name = entity.names[indexed.nameIndex];
      if (!name) continue;
      for (const queryForm of queryForms) {
        const nameScore = scoreNamePair(queryForm, indexed.form, context);
        if (nameScore.score === 0) continue;
        const total = nameScore.score + legalFormEffect(queryForm, indexed.form) + aliasQualityEffect(name);
        if (!best || total > best.total) best = { total, nameScore, name };
      }
    }
    if (!best) return null;
    return { score: best.total, name: best.name, nameScore: best.nameScore };
  };

  const match = (query: MatchQuery, matchOptions: MatchOptions = {}): MatchOutcome => {
    const threshold = matchOptions.threshold ?? defaultThreshold;
    const limit = matchOptions.limit ?? defaultLimit;
    const queryForms = nameForms(query.name ?? '', {
      entityType: query.type === 'person' || query.type === 'organization' ? query.type : 'any',
      analyze,
    });
    const normalized = [...new Set(queryForms.map((form) => form.text))];
    const scored: ScoredCandidate[] = [];

    const handle = /\s/.test(query.name.trim()) ? null : normalizeHandle(query.name);
    const handleEntities = new Set(handle ? (index.handles.get(handle) ?? []) : []);
    for (const entityIndex of handleEntities) {
      const entity = entities[entityIndex];
      const name = entity?.names.find((candidate) => candidate.kind === 'identifier' && normalizeHandle(candidate.name) === handle);
      if (!entity || !name) continue;
      const { effects } = scoreQualifiers(query, entity, queryTypeFor(query, null));
      const features: Record<string, number> = { nameSimilarity: HANDLE_SCORE, identifier: HANDLE_SCORE };
      let score = HANDLE_SCORE;
      const phrases = ['handle exact'];
      for (const [feature, effect] of Object.entries(effects)) {
        features[feature] = round(effect.value);
        score += effect.value;
        if (effect.phrase) phrases.push(effect.phrase);
      }
      scored.push({ entityIndex, score: clamp01(score), name, nameScore: null, features, phrases });
    }

    if (queryForms.length > 0) {
      const bonus = possibleBonus(query, queryForms);
      const minCoverage = coverageNeededFor(threshold - bonus);
      const minScoreBound = threshold - bonus - BOUND_MARGIN;
      for (const { entityIndex, formIds, scoreBound } of index.retrieve(queryForms, { minCoverage, minScoreBound })) {
        if (handleEntities.has(entityIndex)) continue;
        if (scoreBound < minScoreBound) continue;
        const entity = entities[entityIndex];
        const best = scoreEntity(entityIndex, formIds, queryForms);
        if (!entity || !best) continue;
        const { effects } = scoreQualifiers(query, entity, queryTypeFor(query, best.nameScore.queryForm));
        let score = best.score;
        for (const effect of Object.values(effects)) score += effect.value;
        score = clamp01(score);
        if (score < threshold) continue;
        const nameScore = best.nameScore;
        const features: Record<string, number> = {
          nameSimilarity: round(nameScore.nameSimilarity),
          classEquivalence: round(nameScore.classEquivalence),
          partCoverage: round(nameScore.partCoverage),
          legalForm: round(legalFormEffect(nameScore.queryForm, nameScore.listForm)),
          aliasQuality: round(aliasQualityEffect(best.name)),
        };
        const phrases = describeNameScore(nameScore);
        if (best.name.quality === 'low') phrases.push('low-quality alias');
        for (const [feature, effect] of Object.entries(effects)) {
          features[feature] = round(effect.value);
          if (effect.phrase) phrases.push(effect.phrase);
        }
        scored.push({ entityIndex, score, name: best.name, nameScore, features, phrases });
      }
    }

    const matches: MatchResult[] = scored
      .filter((candidate) => candidate.score >= threshold)
      .sort((a, b) => b.score - a.score || a.entityIndex - b.entityIndex)
      .slice(0, limit)
      .map((candidate) => {
        const entity = entities[candidate.entityIndex] as CanonicalEntity;
        return {
          entityId: entity.id,
          score: round(candidate.score),
          isMatch: candidate.score >= threshold,
          matchedName: candidate.name.name,
          explanation: {
            summary: candidate.phrases.join(', '),
            features: candidate.features,
            queryForm: candidate.nameScore?.queryForm.text ?? normalizeHandle(query.name) ?? query.name,
            listForm: candidate.nameScore?.listForm.text ?? normalizeHandle(candidate.name.name) ?? candidate.name.name,
          },
        };
      });
    return { normalized, matches };
  };

  return { algorithm: MATCHER_ALGORITHM, stats, match };
}
