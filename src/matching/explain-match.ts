import type { CanonicalEntity, EntityName } from '../model/entity';
import { guessRomanizationSystem, ROMANIZATION_SYSTEM_NAMES } from './normalize/korean-romanization-classes';
import { compareLegalForms, legalFormLabel } from './normalize/legal-forms';
import { normalizeHandle, type FormOrigin } from './normalize/name-forms';
import type { NameToken } from './normalize/name-tokens';
import { compareQualifiers } from './normalize/organization-words';
import type { PartComparison, PartRelation } from './score/compare-name-parts';
import type { Conflict } from './score/conflicts';
import type { ScoredEntity } from './score/decision-rule';
import {
  aliasQualityEffect,
  HANDLE_SCORE,
  LEGAL_FORM_AGAINST_ONE_WORD_CRAFT_PENALTY,
  nameConflictEffect,
  type BestNameMatch,
  type QualifierEffects,
} from './score/score-candidate';
import type { NameScore } from './score/score-name-pair';
import type { MatchQuery, MatchResult } from './types';

/**
 * How a match explains itself: each feature's signed contribution to the score, and a one-line human summary, e.g.
 * "family name exact, given name Revised→McCune–Reischauer equivalent, birth year agrees".
 */

/** Features and scores are reported to four decimals. */
function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** A candidate's features (signed contributions, keyed by feature name) and the phrases of its summary. */
export interface Explanation {
  features: Record<string, number>;
  phrases: string[];
}

/** A scored candidate with what it will say about itself. */
export interface ExplainedCandidate extends ScoredEntity, Explanation {
  conflicts: readonly Conflict[];
  /** The threshold this candidate is judged by (its dataset's, or the query's). */
  threshold: number;
  /** The list name that produced the score (the primary name when an identifier decided and no name compares). */
  name: EntityName;
  /** The name comparison behind the score; null for a handle match, or an identifier match no name compares in. */
  nameScore: NameScore | null;
  /** What was compared when no name was: the query's and the list's identifier, as labelled. */
  identifierForms?: { query: string; list: string };
}

/** How notable a relation is when several parts of one role are summarized by one phrase. */
const RELATION_RANK: Readonly<Record<PartRelation, number>> = {
  exact: 0,
  'korean-class': 1,
  transliteration: 2,
  'cross-script': 3,
  nickname: 4,
  initial: 5,
  typo: 6,
  different: 7,
};

const ORIGIN_PHRASES: Partial<Record<FormOrigin, string>> = {
  'cyrillic-ru': 'read from Cyrillic (Russian)',
  'cyrillic-uk': 'read from Cyrillic (Ukrainian)',
  'cyrillic-ko': 'read from Cyrillic as Korean (Kontsevich)',
  transliterated: 'read from its script in Latin letters',
  'hangul-mr': 'read from Hangul (McCune–Reischauer)',
  'hangul-rr': 'read from Hangul (Revised)',
};

function relationPhrase(comparison: PartComparison, query: NameToken, list: NameToken, origin: FormOrigin): string {
  switch (comparison.relation) {
    case 'exact':
      return 'exact';
    case 'korean-class': {
      const from =
        origin === 'hangul-rr' ? 'rr' : origin === 'hangul-mr' ? 'mr' : guessRomanizationSystem(query.text);
      const to = guessRomanizationSystem(list.text);
      if (from === to) return 'romanization variant';
      return `${ROMANIZATION_SYSTEM_NAMES[from]}→${ROMANIZATION_SYSTEM_NAMES[to]} equivalent`;
    }
    case 'transliteration':
      return 'transliteration variant';
    case 'cross-script':
      return 'same consonants across scripts';
    case 'nickname':
      return `short form (${query.text} ~ ${list.text})`;
    case 'initial':
      return `initial (${query.text.length === 1 ? query.text : list.text})`;
    case 'typo':
      return `${comparison.edits} edit${comparison.edits === 1 ? '' : 's'} apart`;
    case 'different':
      return 'different';
  }
}

interface RolePhrase {
  role: string;
  rank: number;
  phrase: string;
}

/** Phrases describing the name parts' agreement, in reading order of the roles. */
export function describeNameScore(nameScore: NameScore): string[] {
  const { alignment, queryForm, listForm } = nameScore;
  const isPersonName = listForm.familyIndex >= 0;
  const byRole = new Map<string, RolePhrase>();
  for (const pair of alignment.pairs) {
    const query = queryForm.tokens[pair.queryIndex];
    const list = listForm.tokens[pair.listIndex];
    if (!query || !list) continue;
    let role = 'name';
    if (list.role === 'patronymic') role = 'patronymic';
    else if (isPersonName) role = pair.listIndex === listForm.familyIndex ? 'family name' : 'given name';
    const rank = RELATION_RANK[pair.comparison.relation];
    const existing = byRole.get(role);
    if (!existing || rank > existing.rank) {
      byRole.set(role, { role, rank, phrase: relationPhrase(pair.comparison, query, list, queryForm.origin) });
    }
  }
  const phrases: string[] = [];
  for (const role of ['family name', 'given name', 'patronymic', 'name']) {
    const entry = byRole.get(role);
    if (entry) phrases.push(`${role} ${entry.phrase}`);
  }
  const missing = alignment.unmatchedList.map((index) => listForm.tokens[index]).filter((token) => token !== undefined);
  const extra = alignment.unmatchedQuery.map((index) => queryForm.tokens[index]).filter((token) => token !== undefined);
  if (missing.length > 0 && extra.length > 0) {
    phrases.push(`${extra.map((token) => `"${token.text}"`).join(' ')} differs from ${missing.map((token) => `"${token.text}"`).join(' ')}`);
  } else {
    for (const token of missing) {
      phrases.push(token.role === 'patronymic' ? 'patronymic not in query' : `"${token.text}" not in query`);
    }
    for (const token of extra) phrases.push(`"${token.text}" not in list name`);
  }
  const legal = compareLegalForms(queryForm.legalForms, listForm.legalForms);
  const queryLegal = queryForm.legalForms.map(legalFormLabel).join(' ');
  const listLegal = listForm.legalForms.map(legalFormLabel).join(' ');
  if (legal === 'same') phrases.push(`legal form agrees (${listLegal})`);
  else if (legal === 'compatible') phrases.push(`legal form compatible (${queryLegal} ~ ${listLegal})`);
  else if (legal === 'conflict') phrases.push(`legal form differs (${queryLegal} vs ${listLegal})`);
  if (compareQualifiers(queryForm.qualifiers, listForm.qualifiers) === 'same') {
    phrases.push(`qualifier agrees (${listForm.qualifiers.map((qualifier) => qualifier.words.join(' ')).join(', ')})`);
  }
  const origin = ORIGIN_PHRASES[queryForm.origin];
  if (origin) phrases.push(origin);
  return phrases;
}

function addQualifiers(explanation: Explanation, effects: QualifierEffects): Explanation {
  for (const [feature, effect] of Object.entries(effects)) {
    explanation.features[feature] = round(effect.value);
    if (effect.phrase) explanation.phrases.push(effect.phrase);
  }
  return explanation;
}

/** The explanation of a name match: the name comparison's features, legal form, alias quality, then the qualifiers. */
export function explainNameMatch(best: BestNameMatch, effects: QualifierEffects): Explanation {
  const { nameScore, name } = best;
  const features: Record<string, number> = {
    nameSimilarity: round(nameScore.nameSimilarity),
    classEquivalence: round(nameScore.classEquivalence),
    partCoverage: round(nameScore.partCoverage),
    legalForm: round(best.legalForm),
    aliasQuality: round(aliasQualityEffect(name, nameScore.listForm)),
  };
  const conflictEffect = nameConflictEffect(best.conflicts);
  if (conflictEffect !== 0) features['nameConflict'] = round(conflictEffect);
  const phrases = describeNameScore(nameScore);
  if (best.legalForm === LEGAL_FORM_AGAINST_ONE_WORD_CRAFT_PENALTY) phrases.push('a company\'s legal form against a one-word craft name');
  if (name.origin === 'unverified') phrases.push('unverified name (counts as a low-quality alias)');
  else if (name.quality === 'low') phrases.push('low-quality alias');
  return addQualifiers({ features, phrases }, effects);
}

/**
 * The explanation of a match an identifier decides: the deciding identifier first, then the names' comparison when
 * one compares (else that the name does not agree, when the query gives one), the qualifiers and identifiers; the
 * `identifier` feature is what the identifier adds (`lift`), so the features sum to the score.
 */
export function explainIdentifierMatch(
  best: BestNameMatch | null,
  effects: QualifierEffects,
  deciding: { phrase: string; lift: number; queryHasName: boolean },
): Explanation {
  const base = best ? explainNameMatch(best, effects) : addQualifiers({ features: {}, phrases: deciding.queryHasName ? ['name does not agree'] : [] }, effects);
  return { features: { ...base.features, identifier: round(deciding.lift) }, phrases: [deciding.phrase, ...base.phrases] };
}

/** The explanation of an identifier (handle) match: the handle, then the qualifiers. */
export function explainHandleMatch(effects: QualifierEffects): Explanation {
  return addQualifiers({ features: { nameSimilarity: HANDLE_SCORE, identifier: HANDLE_SCORE }, phrases: ['handle exact'] }, effects);
}

/**
 * The result a caller sees for one candidate: score to four decimals, whether it is a match at its threshold, the
 * list name, the explanation.
 */
export function toMatchResult(candidate: ExplainedCandidate, entity: CanonicalEntity, query: MatchQuery, isMatch: boolean): MatchResult {
  const conflicts = candidate.conflicts.map((conflict) => conflict.phrase);
  const summary = conflicts.length > 0 ? [`conflict: ${conflicts.join('; ')}`, ...candidate.phrases.filter((phrase) => !conflicts.includes(phrase))] : candidate.phrases;
  return {
    entityId: entity.id,
    score: round(candidate.score),
    isMatch,
    threshold: candidate.threshold,
    matchedName: candidate.name.name,
    ...(conflicts.length > 0 ? { conflicts } : {}),
    explanation: {
      summary: summary.join(', '),
      features: candidate.features,
      queryForm: candidate.nameScore?.queryForm.text ?? candidate.identifierForms?.query ?? normalizeHandle(query.name) ?? query.name,
      listForm: candidate.nameScore?.listForm.text ?? candidate.identifierForms?.list ?? normalizeHandle(candidate.name.name) ?? candidate.name.name,
    },
  };
}
