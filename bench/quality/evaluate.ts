/**
 * Runs screeners over the dev set and computes the quality metrics. A screener returns the entities it flags for a
 * query, best first; what counts as "flagged" is each screener's own rule (stated in `rule`). A screener that can say
 * "review" also returns the entities it would put before an analyst unconfirmed, marked with what contradicts them.
 */
import type { MatchQuery } from '../../src/matching/types';
import {
  type DevCase,
  isNearMiss,
  isNegative,
  isPositive,
  isReview,
  NEAR_MISS_CLASS,
  NEGATIVE_CLASSES,
  POSITIVE_CLASSES,
  REVIEW_CLASSES,
} from './dev-case';
import { createRng } from './prng';

export interface ScreenHit {
  entityId: string;
  score: number;
  matchedName: string;
  /** Set (non-empty) when the entity comes back for review, not as a hit: what contradicts it. */
  conflicts?: string[];
}

export interface Screener {
  id: string;
  label: string;
  /** What makes a hit and when a positive counts as found, in one sentence for the report. */
  rule: string;
  /** True when the screener can answer "review" (returns entities with `conflicts`); the baselines cannot. */
  canReview?: boolean;
  screen(query: MatchQuery): ScreenHit[];
}

export interface CaseResult {
  caseId: string;
  /** Entities flagged as hits (review answers not counted). */
  hits: number;
  /** The expected entity is among the hits. */
  found: boolean;
  top1: boolean;
  top: ScreenHit | null;
  expectedHit: ScreenHit | null;
  /** The expected entity came back for review: unconfirmed, with a non-empty list of conflicts. */
  reviewed: boolean;
  expectedReview: ScreenHit | null;
}

export interface Rate {
  n: number;
  k: number;
  rate: number;
}

export interface ScreenerMetrics {
  id: string;
  label: string;
  rule: string;
  /** Whether the screener can answer "review" (see Screener.canReview). */
  canReview: boolean;
  evaluated: number;
  /** Null when every case was run; otherwise how the sample was drawn. */
  sample: string | null;
  seconds: number;
  queriesPerSecond: number;
  recall: Record<string, Rate>;
  top1: Record<string, Rate>;
  falsePositiveRate: Record<string, Rate>;
  nearMissHitRate: Record<string, Rate>;
  /** Review classes: cases answered right (see `reviewAnswerRight`). */
  reviewRight: Record<string, Rate>;
  results: Map<string, CaseResult>;
}

/**
 * A review case is answered right when the expected entity is not a hit and, for a screener that can say "review",
 * comes back for review with its conflicts. A screener that cannot say review is right only by not flagging it.
 */
export function reviewAnswerRight(result: CaseResult, canReview: boolean): boolean {
  return !result.found && (!canReview || result.reviewed);
}

export const OVERALL = 'overall';

function rate(n: number, k: number): Rate {
  return { n, k, rate: n === 0 ? Number.NaN : k / n };
}

/**
 * A stratified sample: at most `perClass` cases of every class (near misses: twice that), drawn with a fixed seed so
 * that every run and every machine evaluates the same cases.
 */
export function stratifiedSample(cases: DevCase[], perClass: number, seed: string): DevCase[] {
  const rng = createRng(seed);
  const byClass = new Map<string, DevCase[]>();
  for (const c of cases) byClass.set(c.variantClass, [...(byClass.get(c.variantClass) ?? []), c]);
  const picked = new Set<string>();
  for (const [cls, list] of byClass) {
    const limit = cls === NEAR_MISS_CLASS ? perClass * 2 : perClass;
    for (const c of rng.shuffle(list).slice(0, limit)) picked.add(c.id);
  }
  return cases.filter((c) => picked.has(c.id));
}

/** Per-class rate, and "overall" as the class rates weighted by the FULL dev set's class sizes (so samples compare). */
function ratesByClass(
  cases: DevCase[],
  results: Map<string, CaseResult>,
  classOf: (c: DevCase) => string,
  counted: (r: CaseResult) => boolean,
  classes: readonly string[],
  fullSizes: Map<string, number>,
): Record<string, Rate> {
  const out: Record<string, Rate> = {};
  let weightedK = 0;
  let totalN = 0;
  let evaluated = 0;
  for (const cls of classes) {
    const inClass = cases.filter((c) => classOf(c) === cls && results.has(c.id));
    const k = inClass.filter((c) => counted(results.get(c.id) as CaseResult)).length;
    out[cls] = rate(inClass.length, k);
    const full = fullSizes.get(cls) ?? inClass.length;
    if (inClass.length > 0) {
      weightedK += (k / inClass.length) * full;
      totalN += full;
      evaluated += inClass.length;
    }
  }
  out[OVERALL] = { n: evaluated, k: Math.round(weightedK), rate: totalN === 0 ? Number.NaN : weightedK / totalN };
  return out;
}

function sizes(cases: DevCase[], classOf: (c: DevCase) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of cases) m.set(classOf(c), (m.get(classOf(c)) ?? 0) + 1);
  return m;
}

export function nearMissSubclasses(cases: DevCase[]): string[] {
  return [...new Set(cases.filter(isNearMiss).map((c) => c.subclass ?? 'other'))].sort();
}

/** Runs one screener over `evaluated` (a subset of `all`, or all of it) and computes its metrics. */
export function evaluateScreener(screener: Screener, all: DevCase[], evaluated: DevCase[], sample: string | null): ScreenerMetrics {
  const results = new Map<string, CaseResult>();
  const started = process.hrtime.bigint();
  for (const c of evaluated) {
    const screened = screener.screen(c.query);
    const hits = screened.filter((h) => h.conflicts === undefined);
    const reviews = screened.filter((h) => h.conflicts !== undefined && h.conflicts.length > 0);
    const expectedHit = c.expectedEntityId === null ? null : (hits.find((h) => h.entityId === c.expectedEntityId) ?? null);
    const expectedReview = c.expectedEntityId === null ? null : (reviews.find((h) => h.entityId === c.expectedEntityId) ?? null);
    const top = hits[0] ?? null;
    results.set(c.id, {
      caseId: c.id,
      hits: hits.length,
      found: expectedHit !== null,
      top1: top !== null && top.entityId === c.expectedEntityId,
      top,
      expectedHit,
      reviewed: expectedReview !== null,
      expectedReview,
    });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const positives = all.filter(isPositive);
  const negatives = all.filter(isNegative);
  const nearMisses = all.filter(isNearMiss);
  const reviewCases = all.filter(isReview);
  const canReview = screener.canReview === true;
  const byClass = (c: DevCase): string => c.variantClass;
  const bySubclass = (c: DevCase): string => c.subclass ?? 'other';
  return {
    id: screener.id,
    label: screener.label,
    rule: screener.rule,
    canReview,
    evaluated: evaluated.length,
    sample,
    seconds,
    queriesPerSecond: evaluated.length / Math.max(seconds, 1e-9),
    recall: ratesByClass(positives, results, byClass, (r) => r.found, POSITIVE_CLASSES, sizes(positives, byClass)),
    top1: ratesByClass(positives, results, byClass, (r) => r.top1, POSITIVE_CLASSES, sizes(positives, byClass)),
    falsePositiveRate: ratesByClass(negatives, results, byClass, (r) => r.hits > 0, NEGATIVE_CLASSES, sizes(negatives, byClass)),
    nearMissHitRate: ratesByClass(nearMisses, results, bySubclass, (r) => r.hits > 0, nearMissSubclasses(all), sizes(nearMisses, bySubclass)),
    reviewRight: ratesByClass(reviewCases, results, byClass, (r) => reviewAnswerRight(r, canReview), REVIEW_CLASSES, sizes(reviewCases, byClass)),
    results,
  };
}

/**
 * Targets for the service's matcher: recall ≥ 98% and false-positive rate ≤ 0.5% on every class, and ≥ 98% of the
 * review cases answered right.
 */
export const TARGET_RECALL = 0.98;
export const TARGET_FALSE_POSITIVE_RATE = 0.005;
export const TARGET_REVIEW_RIGHT = 0.98;

export interface TargetVerdict {
  pass: boolean;
  failures: string[];
}

export function checkTargets(metrics: ScreenerMetrics): TargetVerdict {
  const failures: string[] = [];
  for (const [cls, r] of Object.entries(metrics.recall)) {
    if (r.n > 0 && r.rate < TARGET_RECALL) failures.push(`recall ${cls} ${(r.rate * 100).toFixed(1)}%`);
  }
  for (const [cls, r] of Object.entries(metrics.falsePositiveRate)) {
    if (r.n > 0 && r.rate > TARGET_FALSE_POSITIVE_RATE) failures.push(`FP ${cls} ${(r.rate * 100).toFixed(1)}%`);
  }
  for (const [cls, r] of Object.entries(metrics.reviewRight)) {
    if (r.n > 0 && r.rate < TARGET_REVIEW_RIGHT) failures.push(`review ${cls} ${(r.rate * 100).toFixed(1)}%`);
  }
  return { pass: failures.length === 0, failures };
}
