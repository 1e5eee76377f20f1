import type { PartComparison, PartRelation } from './compare-name-parts';
import { guessRomanizationSystem, ROMANIZATION_SYSTEM_NAMES } from './korean-romanization-classes';
import { compareLegalForms, legalFormLabel } from './legal-forms';
import type { NameScore } from './score-name-match';
import type { FormOrigin, NameToken } from './tokenize-name';

/**
 * The one-line human summary of a match, e.g.
 * "family name exact, given name Revised→McCune–Reischauer equivalent, birth year agrees".
 */

/** How notable a relation is when several parts of one role are summarized by one phrase. */
const RELATION_RANK: Readonly<Record<PartRelation, number>> = {
  exact: 0,
  'korean-class': 1,
  transliteration: 2,
  typo: 3,
  different: 4,
};

const ORIGIN_PHRASES: Partial<Record<FormOrigin, string>> = {
  'cyrillic-ru': 'read from Cyrillic (Russian)',
  'cyrillic-uk': 'read from Cyrillic (Ukrainian)',
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
  const origin = ORIGIN_PHRASES[queryForm.origin];
  if (origin) phrases.push(origin);
  return phrases;
}
