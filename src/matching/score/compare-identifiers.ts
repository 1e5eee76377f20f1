import type { IdentifierScheme } from '../../model/entity';
import { SCHEME_LABELS, type NormalizedIdentifier } from '../normalize/normalize-identifier';
import type { Conflict } from './conflicts';
import type { QualifierEffect } from './score-qualifiers';

/**
 * What a query's identifiers say of a candidate, by scheme:
 * - an IMO number or a passport that agrees decides the match whatever the names say (a ship is renamed, a person
 *   is written another way; the number stays);
 * - an IMO number, a passport or a national id of the same scheme (and, for the last two, the same issuing country,
 *   stated on both sides) that differs, where the candidate holds none of that scheme that agrees, contradicts the
 *   match: a conflict, as another birth year is (see `conflicts.ts`);
 * - a national id, tax id or registration number that agrees only supports a name: `IDENTIFIER_SUPPORT_BONUS`, once;
 *   a tax id or registration number that differs says nothing (companies hold several).
 * Two values agree when they are equal once normalized and their issuing countries are equal or either is not given.
 */

/**
 * An agreeing national id, tax id or registration number: a slight confirmation of a name, as a birth year's is
 * (+0.03), given once however many agree, so a name must score within 0.03 of the threshold for it to count: an
 * identifier of these schemes alone never makes a match.
 */
export const IDENTIFIER_SUPPORT_BONUS = 0.03;

/** Schemes whose agreement decides the match on its own. */
const DECIDING_SCHEMES: ReadonlySet<IdentifierScheme> = new Set(['imo', 'passport']);

/** Schemes whose disagreement is a conflict (a person holds one passport per country; a ship has one IMO number). */
const CONFLICTING_SCHEMES: readonly IdentifierScheme[] = ['imo', 'passport', 'national-id'];

/** Schemes whose agreement only supports a name. */
const SUPPORTING_SCHEMES: ReadonlySet<IdentifierScheme> = new Set(['national-id', 'tax-id', 'registration']);

/** The schemes that may add `IDENTIFIER_SUPPORT_BONUS` (for the retrieval limits, see `possibleBonus`). */
export function isSupportingScheme(scheme: IdentifierScheme): boolean {
  return SUPPORTING_SCHEMES.has(scheme);
}

/** What the query's identifiers say of one candidate. */
export interface IdentifierComparison {
  /** The query gave identifiers to compare (the explanation then reports their features, even at 0). */
  asked: boolean;
  /** The agreeing IMO number or passport that decides the match, or null. */
  deciding: { query: NormalizedIdentifier; list: NormalizedIdentifier; phrase: string } | null;
  /** What the supporting agreements add (`IDENTIFIER_SUPPORT_BONUS` or nothing), with their phrase. */
  support: QualifierEffect;
  /** One per scheme whose identifiers contradict each other. */
  conflicts: Conflict[];
}

const NO_SUPPORT: QualifierEffect = { value: 0, phrase: null };

/** What a query without identifiers (or a candidate compared without them) gets. */
export const NO_IDENTIFIER_EVIDENCE: IdentifierComparison = { asked: false, deciding: null, support: NO_SUPPORT, conflicts: [] };

function agree(query: NormalizedIdentifier, list: NormalizedIdentifier): boolean {
  return (
    query.scheme === list.scheme &&
    query.value === list.value &&
    (query.country === null || list.country === null || query.country === list.country)
  );
}

/** "IMO 9176187", "passport KP 745120345": the one side's label that says the most (its country). */
function agreementLabel(query: NormalizedIdentifier, list: NormalizedIdentifier): string {
  const label = query.country === null && list.country !== null ? list.label : query.label;
  return query.scheme === 'imo' ? label : `${SCHEME_LABELS[query.scheme]} ${label}`;
}

/** The first pair of one scheme that contradicts: IMO numbers that differ, or documents of one stated country. */
function contradiction(scheme: IdentifierScheme, query: readonly NormalizedIdentifier[], listed: readonly NormalizedIdentifier[]): Conflict | null {
  for (const ours of query) {
    if (ours.scheme !== scheme) continue;
    for (const theirs of listed) {
      if (theirs.scheme !== scheme || theirs.value === ours.value) continue;
      if (scheme !== 'imo' && (ours.country === null || ours.country !== theirs.country)) continue;
      const typo = theirs.checks ? '' : ', which fails its check digit';
      return { feature: 'identifierConflict', phrase: `${SCHEME_LABELS[scheme]} differs (${ours.label} vs ${theirs.label}${typo})` };
    }
  }
  return null;
}

/**
 * Compares the query's identifiers (normalized, each one that checks) with a candidate's. Pure; order-stable: the
 * first deciding pair in the query's order, the conflicts in `CONFLICTING_SCHEMES` order.
 */
export function compareIdentifiers(query: readonly NormalizedIdentifier[], listed: readonly NormalizedIdentifier[]): IdentifierComparison {
  if (query.length === 0) return NO_IDENTIFIER_EVIDENCE;
  let deciding: IdentifierComparison['deciding'] = null;
  const supporting: string[] = [];
  const agreedSchemes = new Set<IdentifierScheme>();
  for (const ours of query) {
    const theirs = listed.find((candidate) => agree(ours, candidate));
    if (!theirs) continue;
    agreedSchemes.add(ours.scheme);
    if (DECIDING_SCHEMES.has(ours.scheme)) {
      deciding ??= { query: ours, list: theirs, phrase: `${agreementLabel(ours, theirs)} agrees (identifier decides the match)` };
    } else if (SUPPORTING_SCHEMES.has(ours.scheme)) {
      supporting.push(`${agreementLabel(ours, theirs)} agrees`);
    }
  }
  const conflicts: Conflict[] = [];
  for (const scheme of CONFLICTING_SCHEMES) {
    if (agreedSchemes.has(scheme)) continue;
    const conflict = contradiction(scheme, query, listed);
    if (conflict) conflicts.push(conflict);
  }
  const support = supporting.length > 0 ? { value: IDENTIFIER_SUPPORT_BONUS, phrase: supporting.join(', ') } : NO_SUPPORT;
  return { asked: true, deciding, support, conflicts };
}
