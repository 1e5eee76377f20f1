/** Plain-text tables for the quality benchmark: one table per metric, matchers as columns, classes as rows. */
import type { CanonicalEntity } from '../../src/model/entity';
import type { CaseChange, FullCorpusHitCase, FullCorpusRates } from './corpus-comparison';
import { type DevCase, isNearMiss, isNegative, isPositive, isReview } from './dev-case';
import { type Rate, reviewAnswerRight, type ScreenerMetrics, OVERALL } from './evaluate';

function pct(r: Rate | undefined): string {
  if (!r || r.n === 0 || Number.isNaN(r.rate)) return '—';
  return `${(r.rate * 100).toFixed(1)}%`;
}

/** A titled table: the first column left-aligned, the others right-aligned. */
function plainTable(title: string, header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [`\n${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function table(title: string, rows: string[], columns: ScreenerMetrics[], cell: (m: ScreenerMetrics, row: string) => string, counts: Map<string, number>): string {
  const header = ['class', 'n', ...columns.map((c) => c.id)];
  return plainTable(title, header, rows.map((row) => [row, String(counts.get(row) ?? ''), ...columns.map((c) => cell(c, row))]));
}

export interface MetricTablesInput {
  metrics: ScreenerMetrics[];
  positiveClasses: readonly string[];
  reviewClasses: readonly string[];
  negativeClasses: readonly string[];
  nearMissSubclasses: string[];
  counts: Map<string, number>;
}

export function metricTables(input: MetricTablesInput): string {
  const { metrics, counts } = input;
  const withOverall = (rows: readonly string[]) => [...rows, OVERALL];
  return [
    table('Recall by positive class (expected entity among the screener\'s hits)', withOverall(input.positiveClasses), metrics, (m, r) => pct(m.recall[r]), counts),
    table('Top-1 accuracy by positive class (expected entity ranked first)', withOverall(input.positiveClasses), metrics, (m, r) => pct(m.top1[r]), counts),
    table(
      'Right answers by review class (ours: the entity back unconfirmed with conflicts, never as a hit; a baseline cannot say review and is right only by not flagging it)',
      withOverall(input.reviewClasses),
      metrics,
      (m, r) => pct(m.reviewRight[r]),
      counts,
    ),
    table('False-positive rate by negative class (any hit at all)', withOverall(input.negativeClasses), metrics, (m, r) => pct(m.falsePositiveRate[r]), counts),
    table('Near-miss hit rate by kind (any hit at all; negatives reported apart)', withOverall(input.nearMissSubclasses), metrics, (m, r) => pct(m.nearMissHitRate[r]), counts),
    table(
      'Throughput',
      ['cases run', 'seconds', 'queries/s'],
      metrics,
      (m, r) => (r === 'cases run' ? String(m.evaluated) : r === 'seconds' ? m.seconds.toFixed(1) : m.queriesPerSecond.toFixed(1)),
      new Map(),
    ),
  ].join('\n');
}

function describeHit(entities: Map<string, CanonicalEntity>, hit: { entityId: string; score: number; matchedName: string } | null): string {
  if (!hit) return 'nothing';
  const primary = entities.get(hit.entityId)?.primaryName ?? '?';
  return `${hit.entityId} "${primary}" via "${hit.matchedName}" (${hit.score.toFixed(3)})`;
}

/** Round-robin over classes so the list shows every kind of failure, not fifteen of one. */
function spread<T extends { variantClass: string }>(cases: T[], limit: number): T[] {
  const byClass = new Map<string, T[]>();
  for (const c of cases) byClass.set(c.variantClass, [...(byClass.get(c.variantClass) ?? []), c]);
  const out: T[] = [];
  while (out.length < limit && [...byClass.values()].some((l) => l.length > 0)) {
    for (const list of byClass.values()) {
      const next = list.shift();
      if (next && out.length < limit) out.push(next);
    }
  }
  return out;
}

export function failureLists(metrics: ScreenerMetrics, cases: DevCase[], entities: Map<string, CanonicalEntity>, limit: number): string {
  const missed = cases.filter((c) => isPositive(c) && metrics.results.get(c.id)?.found === false);
  const falsePositives = cases.filter((c) => isNegative(c) && (metrics.results.get(c.id)?.hits ?? 0) > 0);
  const wrongReviews = cases.filter((c) => {
    const r = metrics.results.get(c.id);
    return isReview(c) && r !== undefined && !reviewAnswerRight(r, metrics.canReview);
  });
  const nearHits = cases.filter((c) => isNearMiss(c) && (metrics.results.get(c.id)?.hits ?? 0) > 0);
  const q = (c: DevCase) =>
    JSON.stringify(c.query.name) +
    (c.query.country ? ` country=${c.query.country}` : '') +
    (c.query.birthDate ? ` born=${c.query.birthDate}` : '') +
    (c.query.type ? ` type=${c.query.type}` : '');
  const lines: string[] = [];
  lines.push(`\nMissed positives of ${metrics.id}: ${missed.length} (up to ${limit}, spread over classes)`);
  for (const c of spread(missed, limit)) {
    const expected = entities.get(c.expectedEntityId ?? '');
    const r = metrics.results.get(c.id);
    lines.push(`  [${c.variantClass}] ${q(c)} → expected ${c.expectedEntityId} "${expected?.primaryName ?? '?'}" / got ${describeHit(entities, r?.top ?? null)}   (${c.note})`);
  }
  lines.push(`\nWrong review answers of ${metrics.id}: ${wrongReviews.length} (up to ${limit}, spread over classes)`);
  for (const c of spread(wrongReviews, limit)) {
    const r = metrics.results.get(c.id);
    const got = r?.found ? `a hit: ${describeHit(entities, r.expectedHit)}` : `no review of it; top hit ${describeHit(entities, r?.top ?? null)}`;
    lines.push(`  [${c.variantClass}/${c.subclass ?? ''}] ${q(c)} → expected review of ${c.expectedEntityId} / got ${got}   (${c.note})`);
  }
  lines.push(`\nFalse positives of ${metrics.id}: ${falsePositives.length} (up to ${limit}, spread over classes)`);
  for (const c of spread(falsePositives, limit)) {
    const r = metrics.results.get(c.id);
    lines.push(`  [${c.variantClass}] ${q(c)} → expected nothing / got ${describeHit(entities, r?.top ?? null)}${(r?.hits ?? 0) > 1 ? ` (+${(r?.hits ?? 1) - 1} more)` : ''}`);
  }
  lines.push(`\nNear-miss hits of ${metrics.id}: ${nearHits.length} (up to ${Math.ceil(limit / 2)})`);
  for (const c of nearHits.slice(0, Math.ceil(limit / 2))) {
    const r = metrics.results.get(c.id);
    lines.push(`  [${c.subclass ?? ''}] ${q(c)} → got ${describeHit(entities, r?.top ?? null)}   (${c.note})`);
  }
  return lines.join('\n');
}

/** The change from `before` to `after` in percentage points, signed; blank when either is missing. */
function pointsChange(before: Rate | undefined, after: Rate | undefined): string {
  if (!before || !after || before.n === 0 || after.n === 0) return '—';
  const points = (after.rate - before.rate) * 100;
  if (Math.abs(points) < 0.05) return '0.0 pp';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pp`;
}

export interface CorpusTablesInput {
  base: ScreenerMetrics;
  full: ScreenerMetrics;
  falsePositives: FullCorpusRates;
  nearMisses: FullCorpusRates;
  positiveClasses: readonly string[];
  reviewClasses: readonly string[];
  negativeClasses: readonly string[];
  nearMissSubclasses: string[];
  counts: Map<string, number>;
}

/** Our matcher on the base and the full corpus, side by side: one row per class, the change in the last column. */
export function corpusComparisonTables(input: CorpusTablesInput): string {
  const { base, full, counts } = input;
  const withOverall = (rows: readonly string[]) => [...rows, OVERALL];
  const n = (row: string) => String(counts.get(row) ?? '');
  const sideBySide = (title: string, rows: readonly string[], of: (m: ScreenerMetrics) => Record<string, Rate>) =>
    plainTable(
      title,
      ['class', 'n', 'base', 'full', 'change'],
      withOverall(rows).map((row) => [row, n(row), pct(of(base)[row]), pct(of(full)[row]), pointsChange(of(base)[row], of(full)[row])]),
    );
  const setAside = (title: string, rows: readonly string[], before: Record<string, Rate>, after: FullCorpusRates) =>
    plainTable(
      title,
      ['class', 'n', 'base', 'full, any hit', 'true listings', 'full', 'change'],
      withOverall(rows).map((row) => [
        row,
        n(row),
        pct(before[row]),
        pct(after.anyHit[row]),
        String(after.trueListings[row] ?? 0),
        pct(after.trueListingsSetAside[row]),
        pointsChange(before[row], after.trueListingsSetAside[row]),
      ]),
    );
  return [
    sideBySide('Recall by positive class, ours, base vs full corpus (the expected entity among the hits, whatever else is)', input.positiveClasses, (m) => m.recall),
    sideBySide('Top-1 by positive class, ours, base vs full corpus (the same subject on OFAC/UK may rank first: informational)', input.positiveClasses, (m) => m.top1),
    sideBySide('Right answers by review class, ours, base vs full corpus', input.reviewClasses, (m) => m.reviewRight),
    setAside(
      'False-positive rate by negative class, ours, base vs full corpus ("full" and "change": true listings set aside)',
      input.negativeClasses,
      base.falsePositiveRate,
      input.falsePositives,
    ),
    setAside('Near-miss hit rate by kind, ours, base vs full corpus ("full" and "change": true listings set aside)', input.nearMissSubclasses, base.nearMissHitRate, input.nearMisses),
  ].join('\n');
}

function queryText(query: FullCorpusHitCase['query']): string {
  return JSON.stringify(query.name) + (query.country ? ` country=${query.country}` : '') + (query.birthDate ? ` born=${query.birthDate}` : '') + (query.type ? ` type=${query.type}` : '');
}

/**
 * The hits on the full corpus that the base corpus did not give, false positives first, then true listings (the
 * rest of `limit`), each with every hit it gave: the list a person checks the true-listing rule against.
 */
export function fullCorpusHitList(hitCases: FullCorpusHitCase[], limit: number): string {
  const isNew = (h: FullCorpusHitCase) => h.hits.some((hit) => hit.newOnFullCorpus);
  const falsePositives = hitCases.filter((h) => isNew(h) && h.falsePositive);
  const trueListings = hitCases.filter((h) => isNew(h) && !h.falsePositive);
  const fpShown = Math.min(falsePositives.length, Math.max(Math.ceil(limit / 2), limit - trueListings.length));
  const tlShown = Math.min(trueListings.length, limit - fpShown);
  const newHits = hitCases.flatMap((h) => h.hits.filter((hit) => hit.newOnFullCorpus));
  const lines = [
    `\nNew hits on the full corpus (negatives and near misses with a hit the base corpus did not give): ${falsePositives.length + trueListings.length} cases, ${newHits.length} hits ` +
      `(${newHits.filter((hit) => hit.trueListing).length} true listings, ${newHits.filter((hit) => !hit.trueListing).length} not), ` +
      `${newHits.filter((hit) => hit.onAddedList).length} of them on OFAC/UK entries`,
  ];
  const show = (title: string, list: FullCorpusHitCase[], shown: number) => {
    lines.push(`${title}: ${list.length} cases (${shown} shown; every one in bench/out/quality.json)`);
    for (const h of spread(list, shown)) {
      lines.push(`  [${h.variantClass}${h.subclass ? `/${h.subclass}` : ''}] ${queryText(h.query)}`);
      for (const hit of h.hits) {
        const verdict = hit.trueListing ? 'true listing' : 'FALSE POSITIVE';
        lines.push(`      ${verdict}: ${hit.entityId} "${hit.primaryName}" via "${hit.matchedName}" (${hit.score.toFixed(3)}): ${hit.why}${hit.newOnFullCorpus ? '' : ' [also a hit on the base corpus]'}`);
      }
    }
  };
  show('False positives (some hit is not a true listing)', falsePositives, fpShown);
  show('True listings set aside (every hit the same subject on OFAC/UK)', trueListings, tlShown);
  return lines.join('\n');
}

/** Positives and review cases answered differently on the two corpora. */
export function changedAnswerList(changes: CaseChange[], limit: number): string {
  const lines = [`\nPositives and review cases answered differently on the full corpus: ${changes.length} (up to ${limit})`];
  for (const c of changes.slice(0, limit)) {
    lines.push(`  [${c.variantClass}] ${queryText(c.query)} → expected ${c.expectedEntityId ?? 'nothing'}: base ${c.base} / full ${c.full}`);
  }
  return lines.join('\n');
}
