/**
 * The same matcher on two corpora: the base corpus the dev set was built and checked against (UN list +
 * investigation) and the full corpus the service screens by default (the base one + OFAC SDN + UK consolidated list).
 * Positives and review cases keep their meaning on both. A negative does not: it was checked against the base corpus
 * only, so it may name someone the added lists hold. Every hit of a negative or near miss on the full corpus is
 * judged: a hit on an added list's entry that is the same subject (`sameName`, and the same kind of subject) is a
 * true listing, set aside; any other hit is a false positive.
 */
import type { CanonicalEntity, EntityType } from '../../src/model/entity';
import type { MatchQuery } from '../../src/matching/types';
import { type DevCase, isNearMiss, isNegative, isPositive, isReview, type NegativeClass } from './dev-case';
import { OVERALL, type Rate, reviewAnswerRight, type Screener, type ScreenerMetrics, type TargetVerdict } from './evaluate';
import { sameName, SAME_NAME_RULE } from './same-name';

/** On the full corpus, recall may drop by this much on any positive class (0.5 percentage point). */
export const MAX_RECALL_DROP = 0.005;

/** Rates compare with this slack, so that equal counts never fail by rounding. */
const RATE_EPSILON = 1e-9;

/** What each negative class names; typed on the classes so that a new class must say. */
const NEGATIVE_CLASS_SUBJECTS: Readonly<Record<NegativeClass, EntityType>> = {
  'neg-russian-latin': 'person',
  'neg-russian-cyrillic': 'person',
  'neg-korean-mr': 'person',
  'neg-korean-rr': 'person',
  'neg-korean-popular': 'person',
  'neg-hangul': 'person',
  'neg-chinese': 'person',
  'neg-arabic': 'person',
  'neg-european': 'person',
  'neg-other': 'person',
  'neg-company-latin': 'organization',
  'neg-company-cyrillic': 'organization',
  'neg-koryo-saram': 'person',
  'neg-korean-institutions': 'organization',
  'neg-chinese-companies': 'organization',
};

/** What each near-miss kind names (NEAR_MISS_MAKERS in negative-names.ts); a kind not named here may be either. */
const NEAR_MISS_SUBJECTS: Readonly<Record<string, EntityType>> = {
  'one-token': 'person',
  'korean-relative': 'person',
  'korean-same-first-given-syllable': 'person',
  'korean-same-given-other-family': 'person',
  'russian-relative': 'person',
  'other-relative': 'person',
  'shared-first-name': 'person',
  'swapped-industry': 'organization',
  'swapped-stem': 'organization',
  'shared-word': 'organization',
};

/** The rule that sets a hit aside as a true listing, in one sentence for the report. */
export const TRUE_LISTING_RULE =
  'a hit on an OFAC/UK entry is a true listing when one of its names (not a weak alias) spells the query\'s name — ' +
  `${SAME_NAME_RULE} — and it is the kind of subject the query names (a person for a person\'s name, an organization ` +
  'for a company\'s); every other hit, and any hit on a base-corpus entry, is a false positive';

/** The kind of subject a case names: its query's type, else what its class names; null when it may be either. */
function subjectOf(c: DevCase): EntityType | null {
  if (c.query.type !== undefined && c.query.type !== 'any') return c.query.type;
  if (isNearMiss(c)) return NEAR_MISS_SUBJECTS[c.subclass ?? ''] ?? null;
  return NEGATIVE_CLASS_SUBJECTS[c.variantClass as NegativeClass] ?? null;
}

export interface JudgedHit {
  entityId: string;
  dataset: string;
  /** An entry of a list the full corpus adds (OFAC, UK). */
  onAddedList: boolean;
  primaryName: string;
  matchedName: string;
  score: number;
  /** Not a hit of the same case on the base corpus. */
  newOnFullCorpus: boolean;
  trueListing: boolean;
  /** Why, in a few words: "same name as listed "…"", "another name", "same name only as a weak alias "…"". */
  why: string;
}

/** A negative or near miss with hits on the full corpus, every hit judged. */
export interface FullCorpusHitCase {
  caseId: string;
  variantClass: string;
  subclass: string | null;
  query: MatchQuery;
  /** Some hit is not a true listing. */
  falsePositive: boolean;
  hits: JudgedHit[];
}

function withArticle(type: EntityType): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function judgeHit(c: DevCase, entity: CanonicalEntity, addedDatasets: ReadonlySet<string>): { trueListing: boolean; why: string } {
  if (!addedDatasets.has(entity.dataset)) return { trueListing: false, why: `a ${entity.dataset} entry (the dev set was checked against it)` };
  const spelled = (quality: 'strong' | 'weak') =>
    entity.names.find((n) => (n.quality === 'low') === (quality === 'weak') && sameName(c.query.name, n.name));
  const strong = spelled('strong');
  if (strong === undefined) {
    const weak = spelled('weak');
    return { trueListing: false, why: weak ? `same name only as the weak alias "${weak.name}"` : 'another name' };
  }
  const subject = subjectOf(c);
  if (subject !== null && entity.type !== subject) return { trueListing: false, why: `same name as "${strong.name}", but the entry is ${withArticle(entity.type)}, not ${withArticle(subject)}` };
  return { trueListing: true, why: `same name as listed "${strong.name}"` };
}

export interface JudgeInput {
  cases: DevCase[];
  /** The full corpus's metrics: which cases have hits. */
  full: ScreenerMetrics;
  /** Screens again the few cases with hits, for every hit (the metrics keep only the top one). */
  screenBase: Screener;
  screenFull: Screener;
  fullEntities: ReadonlyMap<string, CanonicalEntity>;
  addedDatasets: ReadonlySet<string>;
}

/** Every negative and near miss with hits on the full corpus, each hit judged true listing or false positive. */
export function judgeFullCorpusHits(input: JudgeInput): FullCorpusHitCase[] {
  const out: FullCorpusHitCase[] = [];
  const hitsOf = (screener: Screener, query: MatchQuery) => screener.screen(query).filter((h) => h.conflicts === undefined);
  for (const c of input.cases) {
    if (!isNegative(c) && !isNearMiss(c)) continue;
    if ((input.full.results.get(c.id)?.hits ?? 0) === 0) continue;
    const onBase = new Set(hitsOf(input.screenBase, c.query).map((h) => h.entityId));
    const hits = hitsOf(input.screenFull, c.query).map((h): JudgedHit => {
      const entity = input.fullEntities.get(h.entityId);
      const judged = entity ? judgeHit(c, entity, input.addedDatasets) : { trueListing: false, why: 'not in the corpus' };
      return {
        entityId: h.entityId,
        dataset: entity?.dataset ?? '?',
        onAddedList: entity !== undefined && input.addedDatasets.has(entity.dataset),
        primaryName: entity?.primaryName ?? '?',
        matchedName: h.matchedName,
        score: h.score,
        newOnFullCorpus: !onBase.has(h.entityId),
        ...judged,
      };
    });
    out.push({ caseId: c.id, variantClass: c.variantClass, subclass: c.subclass ?? null, query: c.query, falsePositive: hits.some((h) => !h.trueListing), hits });
  }
  return out;
}

/** A false-positive rate on the full corpus both ways: any hit, and with true listings set aside. */
export interface FullCorpusRates {
  anyHit: Record<string, Rate>;
  trueListingsSetAside: Record<string, Rate>;
  /** Cases whose every hit is a true listing. */
  trueListings: Record<string, number>;
}

function rate(n: number, k: number): Rate {
  return { n, k, rate: n === 0 ? Number.NaN : k / n };
}

/** Per class (or near-miss kind) and overall, over every case of `cases` (all of them are run on the full corpus). */
export function fullCorpusRates(input: {
  cases: DevCase[];
  classOf: (c: DevCase) => string;
  classes: readonly string[];
  full: ScreenerMetrics;
  hitCases: FullCorpusHitCase[];
}): FullCorpusRates {
  const judged = new Map(input.hitCases.map((h) => [h.caseId, h]));
  const out: FullCorpusRates = { anyHit: {}, trueListingsSetAside: {}, trueListings: {} };
  const tally = (row: string, inRow: DevCase[]) => {
    const hit = inRow.filter((c) => (input.full.results.get(c.id)?.hits ?? 0) > 0);
    const falsePositives = hit.filter((c) => judged.get(c.id)?.falsePositive !== false);
    out.anyHit[row] = rate(inRow.length, hit.length);
    out.trueListingsSetAside[row] = rate(inRow.length, falsePositives.length);
    out.trueListings[row] = hit.length - falsePositives.length;
  };
  for (const cls of input.classes) tally(cls, input.cases.filter((c) => input.classOf(c) === cls));
  tally(OVERALL, input.cases);
  return out;
}

/**
 * The full corpus's verdict against the base corpus's: recall drops by at most `MAX_RECALL_DROP` on every positive
 * class, and the false-positive rate (true listings set aside) rises on no negative class and no near-miss kind.
 */
export function checkFullCorpus(input: {
  base: ScreenerMetrics;
  full: ScreenerMetrics;
  falsePositives: FullCorpusRates;
  nearMisses: FullCorpusRates;
}): TargetVerdict {
  const failures: string[] = [];
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  for (const [cls, base] of Object.entries(input.base.recall)) {
    const full = input.full.recall[cls];
    if (base.n === 0 || !full) continue;
    if (full.rate < base.rate - MAX_RECALL_DROP - RATE_EPSILON) failures.push(`recall ${cls} ${pct(base.rate)} → ${pct(full.rate)}`);
  }
  const rises = (label: string, base: Record<string, Rate>, full: FullCorpusRates) => {
    for (const [cls, before] of Object.entries(base)) {
      const after = full.trueListingsSetAside[cls];
      if (before.n === 0 || !after) continue;
      if (after.rate > before.rate + RATE_EPSILON) failures.push(`${label} ${cls} ${pct(before.rate)} → ${pct(after.rate)}`);
    }
  };
  rises('FP', input.base.falsePositiveRate, input.falsePositives);
  rises('near-miss', input.base.nearMissHitRate, input.nearMisses);
  return { pass: failures.length === 0, failures };
}

/** A positive found on the base corpus and not on the full one, or a review case answered right on one only. */
export interface CaseChange {
  caseId: string;
  variantClass: string;
  query: MatchQuery;
  expectedEntityId: string | null;
  base: string;
  full: string;
}

/** Positives and review cases whose answer differs between the corpora (either way). */
export function changedAnswers(cases: DevCase[], base: ScreenerMetrics, full: ScreenerMetrics): CaseChange[] {
  const out: CaseChange[] = [];
  for (const c of cases) {
    const before = base.results.get(c.id);
    const after = full.results.get(c.id);
    if (!before || !after) continue;
    const describe = (m: ScreenerMetrics): string => {
      const r = m.results.get(c.id);
      if (!r) return 'not run';
      if (isReview(c)) return r.found ? 'a hit' : r.reviewed ? 'review' : 'nothing';
      return r.found ? 'found' : r.top ? `missed; top hit ${r.top.entityId} "${r.top.matchedName}" (${r.top.score.toFixed(3)})` : 'missed; no hit';
    };
    const changed = isPositive(c)
      ? before.found !== after.found
      : isReview(c) && reviewAnswerRight(before, base.canReview) !== reviewAnswerRight(after, full.canReview);
    if (changed) out.push({ caseId: c.id, variantClass: c.variantClass, query: c.query, expectedEntityId: c.expectedEntityId, base: describe(base), full: describe(full) });
  }
  return out;
}
