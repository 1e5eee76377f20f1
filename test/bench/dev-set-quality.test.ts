import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type DevCase, type DevSet, NEGATIVE_CLASSES, POSITIVE_CLASSES, REVIEW_CLASSES } from '../../bench/quality/dev-case';
import {
  checkTargets,
  evaluateScreener,
  reviewAnswerRight,
  type ScreenerMetrics,
  TARGET_FALSE_POSITIVE_RATE,
  TARGET_RECALL,
  TARGET_REVIEW_RIGHT,
} from '../../bench/quality/evaluate';
import { loadBenchEntities } from '../../bench/quality/load-bench-entities';
import { matcherScreener } from '../../bench/quality/matcher-screener';
import { createMatcher } from '../../src/matching/matcher';

/**
 * The quality gate: the matcher, at its default threshold, over the committed dev set, by the rule and the targets
 * `npm run bench:quality` reports (recall ≥ TARGET_RECALL on every positive class, right answers ≥
 * TARGET_REVIEW_RIGHT on every review class, false positives ≤ TARGET_FALSE_POSITIVE_RATE on every negative class). Quality on fixed data is a correctness property: a matcher
 * change that misses a target fails `npm test`. Timings stay in the benchmarks.
 */

const REPO_ROOT = path.resolve(__dirname, '../..');
const devSet = JSON.parse(readFileSync(path.join(REPO_ROOT, 'bench/quality/dev-set.json'), 'utf8')) as DevSet;
/** Cases named in a failure message, so a miss can be looked at without rerunning the benchmark. */
const CASES_SHOWN = 10;

let metrics: ScreenerMetrics;
beforeAll(async () => {
  const { entities } = await loadBenchEntities(REPO_ROOT);
  metrics = evaluateScreener(matcherScreener(createMatcher(entities)), devSet.cases, devSet.cases, null);
});

/** "met", or what missed: the rate and the first failing cases (query and what came back). */
function verdict(cls: string, rate: number, ok: boolean, failed: (c: DevCase) => boolean): string {
  if (ok) return 'met';
  const cases = devSet.cases.filter((c) => c.variantClass === cls && failed(c)).slice(0, CASES_SHOWN);
  const shown = cases.map((c) => {
    const r = metrics.results.get(c.id);
    const qualifier = c.query.birthDate ? ` born ${c.query.birthDate}` : '';
    const got = c.expectedDecision === 'review' ? (r?.found ? 'a hit' : 'no review') : (r?.top?.entityId ?? 'nothing');
    return `${c.id} "${c.query.name}"${qualifier} → ${got}`;
  });
  return `${cls} at ${(rate * 100).toFixed(1)} %: ${shown.join('; ')}`;
}

describe('dev-set quality targets (bench/quality/dev-set.json)', () => {
  it.each(POSITIVE_CLASSES.map((cls) => [cls]))(`positive class %s keeps recall ≥ ${TARGET_RECALL * 100} %`, (cls) => {
    const recall = metrics.recall[cls];
    expect(recall?.n).toBeGreaterThan(0);
    const rate = recall?.rate ?? 0;
    const missed = (c: DevCase): boolean => metrics.results.get(c.id)?.found === false;
    expect(verdict(cls, rate, rate >= TARGET_RECALL, missed)).toBe('met');
  });

  it.each(REVIEW_CLASSES.map((cls) => [cls]))(`review class %s keeps right answers ≥ ${TARGET_REVIEW_RIGHT * 100} % (entity back with conflicts, never a hit)`, (cls) => {
    const right = metrics.reviewRight[cls];
    expect(right?.n).toBeGreaterThan(0);
    const rate = right?.rate ?? 0;
    const wrong = (c: DevCase): boolean => {
      const r = metrics.results.get(c.id);
      return r !== undefined && !reviewAnswerRight(r, metrics.canReview);
    };
    expect(verdict(cls, rate, rate >= TARGET_REVIEW_RIGHT, wrong)).toBe('met');
  });

  it.each(NEGATIVE_CLASSES.map((cls) => [cls]))(`negative class %s keeps false positives ≤ ${TARGET_FALSE_POSITIVE_RATE * 100} %`, (cls) => {
    const falsePositives = metrics.falsePositiveRate[cls];
    expect(falsePositives?.n).toBeGreaterThan(0);
    const rate = falsePositives?.rate ?? 1;
    const hit = (c: DevCase): boolean => (metrics.results.get(c.id)?.hits ?? 0) > 0;
    expect(verdict(cls, rate, rate <= TARGET_FALSE_POSITIVE_RATE, hit)).toBe('met');
  });

  it('passes the benchmark\'s own verdict (checkTargets), which `npm run bench:quality` prints', () => {
    expect(checkTargets(metrics)).toEqual({ pass: true, failures: [] });
  });

  it('ran every case of the committed set', () => {
    expect(metrics.evaluated).toBe(devSet.cases.length);
    expect(metrics.results.size).toBe(devSet.cases.length);
  });
});
