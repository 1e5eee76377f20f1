/**
 * Off-the-shelf fuzzy matchers as baselines, each a full scan over every name of every entity:
 * fuse.js with its default options, and fuzzball's token_set_ratio with a cutoff of 85.
 */
import Fuse from 'fuse.js';
import * as fuzz from 'fuzzball';
import type { CanonicalEntity } from '../../src/model/entity';

export interface BaselineHit {
  entityId: string;
  score: number;
  matchedName: string;
}

interface ListName {
  entityId: string;
  name: string;
}

function allNames(entities: CanonicalEntity[]): ListName[] {
  return entities.flatMap((e) => e.names.map((n) => ({ entityId: e.id, name: n.name })));
}

function firstPerEntity(hits: BaselineHit[]): BaselineHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => (seen.has(h.entityId) ? false : (seen.add(h.entityId), true)));
}

/**
 * fuse.js 7 over a plain array of name strings with default options (threshold 0.6, location 0, distance 100).
 * Every result is a hit; results keep fuse's order. The score reported is 1 - fuse score (fuse's is a distance),
 * computed with includeScore, which changes nothing else.
 */
export class FuseBaseline {
  private readonly names: ListName[];
  private readonly fuse: Fuse<string>;

  constructor(entities: CanonicalEntity[]) {
    this.names = allNames(entities);
    this.fuse = new Fuse(
      this.names.map((n) => n.name),
      { includeScore: true },
    );
  }

  screen(query: string): BaselineHit[] {
    const hits = this.fuse.search(query).map((r) => {
      const listed = this.names[r.refIndex];
      return { entityId: listed?.entityId ?? '', score: 1 - (r.score ?? 0), matchedName: listed?.name ?? '' };
    });
    return firstPerEntity(hits);
  }
}

/** fuzzball token_set_ratio (0–100) ≥ cutoff against every name; list names are pre-processed once. */
export const FUZZBALL_CUTOFF = 85;
/** fuzzball's full_process strips non-ASCII by default, which would blank every Cyrillic and Hangul name: keep it. */
const PROCESS_OPTIONS = { force_ascii: false };

export class FuzzballBaseline {
  private readonly names: (ListName & { processed: string })[];

  constructor(entities: CanonicalEntity[], private readonly cutoff = FUZZBALL_CUTOFF) {
    this.names = allNames(entities).map((n) => ({ ...n, processed: fuzz.full_process(n.name, PROCESS_OPTIONS) }));
  }

  screen(query: string): BaselineHit[] {
    const q = fuzz.full_process(query, PROCESS_OPTIONS);
    if (q.length === 0) return [];
    const hits: BaselineHit[] = [];
    for (const n of this.names) {
      const score = fuzz.token_set_ratio(q, n.processed, { full_process: false });
      if (score >= this.cutoff) hits.push({ entityId: n.entityId, score: score / 100, matchedName: n.name });
    }
    return firstPerEntity(hits.sort((a, b) => b.score - a.score));
  }
}
