/** Plain-text tables for the quality benchmark: one table per metric, matchers as columns, classes as rows. */
import type { CanonicalEntity } from '../../src/model/entity';
import { type DevCase, isNearMiss, isNegative, isPositive, isReview } from './dev-case';
import { type Rate, reviewAnswerRight, type ScreenerMetrics, OVERALL } from './evaluate';

function pct(r: Rate | undefined): string {
  if (!r || r.n === 0 || Number.isNaN(r.rate)) return '—';
  return `${(r.rate * 100).toFixed(1)}%`;
}

function table(title: string, rows: string[], columns: ScreenerMetrics[], cell: (m: ScreenerMetrics, row: string) => string, counts: Map<string, number>): string {
  const header = ['class', 'n', ...columns.map((c) => c.id)];
  const body = rows.map((row) => [row, String(counts.get(row) ?? ''), ...columns.map((c) => cell(c, row))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [`\n${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
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
function spread(cases: DevCase[], limit: number): DevCase[] {
  const byClass = new Map<string, DevCase[]>();
  for (const c of cases) byClass.set(c.variantClass, [...(byClass.get(c.variantClass) ?? []), c]);
  const out: DevCase[] = [];
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
