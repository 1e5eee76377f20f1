import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { linkSubjects, LINK_RULES, type SubjectLink, type SubjectLinks } from '../src/linking';
import type { CanonicalEntity, LoadedDataset } from '../src/model/entity';
import { loadInvestigation } from '../src/lists/investigation/load-investigation';
import { readOfacSdnZip, zipOfacDirectory } from '../src/lists/ofac/index';
import { readUkConsolidatedList } from '../src/lists/uk/index';
import { loadUnConsolidatedList } from '../src/lists/un/load-un-list';

/**
 * npx tsx bench/links.ts: links the real bundled lists (UN 2026-02-27, OFAC SDN 2023-12-28, UK 2025-04-14, the
 * investigation) into subjects and prints what it found, how long it took (median of RUNS), what it refused, and a
 * seeded random sample of links with their evidence for a person to check by hand.
 */
const ROOT = path.resolve(__dirname, '..');
const DATA_DIR = path.join(ROOT, 'data');
const RUNS = 5;
const SAMPLE_SIZE = Number(process.env.SAMPLE_SIZE ?? 20);
const SAMPLE_SEED = Number(process.env.SAMPLE_SEED ?? 20260227);
/** Refused cases printed in full; the rest are counted. */
const REFUSALS_SHOWN = Number(process.env.REFUSALS_SHOWN ?? 15);

async function loadAll(): Promise<LoadedDataset[]> {
  const [un, ofac, uk, investigation] = await Promise.all([
    loadUnConsolidatedList(path.join(DATA_DIR, 'un', 'consolidated-2026-02-27.xml')),
    (async () => readOfacSdnZip(await zipOfacDirectory(path.join(DATA_DIR, 'ofac', '2023-12-28'))))(),
    (async () => readUkConsolidatedList(await fs.readFile(path.join(DATA_DIR, 'uk', '2025-04-14', 'ConList.xlsx'))))(),
    loadInvestigation(DATA_DIR),
  ]);
  return [un, uk, ofac, investigation];
}

/** mulberry32: a small seeded generator, so the sample is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(items: readonly T[], size: number, random: () => number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, size);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function count<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function describe(entity: CanonicalEntity | undefined): string {
  if (entity === undefined) return '?';
  const born = entity.birthDates.map((date) => date.date ?? `${date.from}-${date.to}`).join('/');
  const countries = [...new Set([...entity.nationalities, ...entity.countries])].join(',');
  return `${entity.id} [${entity.type}] ${entity.primaryName}${born ? ` b.${born}` : ''}${countries ? ` (${countries})` : ''}`;
}

function printSection(title: string): void {
  process.stdout.write(`\n## ${title}\n`);
}

async function main(): Promise<void> {
  const datasets = await loadAll();
  const entities = datasets.flatMap((dataset) => dataset.entities);
  const byId = new Map(entities.map((entity) => [entity.id, entity] as const));

  const times: number[] = [];
  let result: SubjectLinks | undefined;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    result = linkSubjects(entities);
    times.push(performance.now() - started);
  }
  if (result === undefined) throw new Error('no run');

  process.stdout.write(`# linkSubjects over the bundled lists (${os.cpus().length} cores, Node ${process.version})\n`);
  printSection('entities per dataset');
  for (const dataset of datasets) process.stdout.write(`${dataset.id.padEnd(14)} ${String(dataset.entities.length).padStart(6)}  (${dataset.sourceDate ?? 'undated'})\n`);
  process.stdout.write(`${'total'.padEnd(14)} ${String(entities.length).padStart(6)}\n`);

  printSection(
    `time: median ${median(times).toFixed(0)} ms of ${RUNS} runs (${times.map((t) => t.toFixed(0)).join(', ')} ms; the first in a cold process)`,
  );

  printSection(`links: ${result.links.length}`);
  const perRule = new Map<string, number>();
  const perPair = new Map<string, number>();
  for (const link of result.links) {
    count(perRule, link.rule);
    const pair = [byId.get(link.from)?.dataset ?? '?', byId.get(link.to)?.dataset ?? '?'].sort().join(' ↔ ');
    count(perPair, `${pair}  ${link.rule}`);
  }
  for (const rule of LINK_RULES) process.stdout.write(`${rule.padEnd(24)} ${String(perRule.get(rule) ?? 0).padStart(6)}\n`);
  process.stdout.write('\nper dataset pair and rule:\n');
  for (const [key, n] of [...perPair].sort()) process.stdout.write(`  ${key.padEnd(62)} ${String(n).padStart(6)}\n`);

  printSection(`subjects: ${result.subjectCount} (of ${entities.length} entries)`);
  const listsPerSubject = new Map<number, number>();
  const combinations = new Map<string, number>();
  const seen = new Set<string>();
  for (const entity of entities) {
    const subject = result.subjectOf(entity.id);
    if (seen.has(subject)) continue;
    seen.add(subject);
    const members = result.membersOf(subject);
    const lists = [...new Set(members.map((id) => byId.get(id)?.dataset ?? '?'))].sort();
    count(listsPerSubject, lists.length);
    if (lists.length >= 2) count(combinations, lists.join(' + '));
  }
  for (const [lists, n] of [...listsPerSubject].sort((a, b) => a[0] - b[0])) {
    process.stdout.write(`on ${lists} list${lists === 1 ? '' : 's'}${lists >= 3 ? ' (3+)' : ''}: ${n}\n`);
  }
  process.stdout.write('\nby combination of lists:\n');
  for (const [lists, n] of [...combinations].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${lists.padEnd(50)} ${String(n).padStart(6)}\n`);

  printSection(`refused: ${result.refused.length}`);
  const perReason = new Map<string, number>();
  for (const refusal of result.refused) count(perReason, `${refusal.reason} (${[...new Set(refusal.links.map((link) => link.rule))].join(', ')})`);
  for (const [reason, n] of [...perReason].sort()) process.stdout.write(`${reason.padEnd(60)} ${String(n).padStart(6)}\n`);
  process.stdout.write('\n');
  for (const refusal of result.refused.slice(0, REFUSALS_SHOWN)) {
    process.stdout.write(`- ${refusal.reason}: ${refusal.detail}\n`);
    for (const link of refusal.links) process.stdout.write(`    ${link.from} → ${link.to} ${link.rule}: ${link.evidence}\n`);
  }
  if (result.refused.length > REFUSALS_SHOWN) process.stdout.write(`(${result.refused.length - REFUSALS_SHOWN} more; REFUSALS_SHOWN=n to see them)\n`);

  printSection(`stated references that name no entry: ${result.unresolvedReferences.length}`);
  const unresolvedPerList = new Map<string, number>();
  for (const reference of result.unresolvedReferences) count(unresolvedPerList, reference.list);
  for (const [list, n] of unresolvedPerList) process.stdout.write(`${list.padEnd(14)} ${n}  e.g. ${result.unresolvedReferences.filter((r) => r.list === list).slice(0, 5).map((r) => `${r.from}→${r.referenceNumber}`).join(', ')}\n`);

  printSection(`sample of ${SAMPLE_SIZE} links (seed ${SAMPLE_SEED}) to check by hand`);
  const picked: SubjectLink[] = sample(result.links, SAMPLE_SIZE, seededRandom(SAMPLE_SEED));
  picked.forEach((link, index) => {
    process.stdout.write(`${String(index + 1).padStart(2)}. ${link.rule}: ${link.evidence}\n`);
    process.stdout.write(`    ${describe(byId.get(link.from))}\n    ${describe(byId.get(link.to))}\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
