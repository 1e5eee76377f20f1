/**
 * An OFAC-style baseline scorer, modelled on what OFAC documents for its Sanctions List Search: Jaro-Winkler string
 * similarity with a minimum score (0.85 here). Score of a list name = max(whole-name Jaro-Winkler, gated on equal first
 * letters; the mean over the query's words of each word's best Jaro-Winkler against the list name's words).
 * Latin-only by design: it does no transliteration, which is the point of comparing against it.
 */
import type { CanonicalEntity } from '../../src/model/entity';

/** OFAC's Sanctions List Search lets users set a minimum score; 85 is the customary floor for fuzzy screening. */
export const OFAC_STYLE_THRESHOLD = 0.85;
/** Winkler's prefix scale and maximum prefix length. */
const WINKLER_SCALE = 0.1;
const WINKLER_MAX_PREFIX = 4;

/** Jaro similarity in [0, 1]. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const aMatched = new Uint8Array(la);
  const bMatched = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] === 1 || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aMatched[i] = 1;
      bMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (aMatched[i] !== 1) continue;
    while (bMatched[k] !== 1) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/** Jaro-Winkler similarity in [0, 1]: Jaro boosted by the common prefix (up to 4 characters, scale 0.1). */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  let prefix = 0;
  const max = Math.min(WINKLER_MAX_PREFIX, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * WINKLER_SCALE * (1 - j);
}

/** Lower case, diacritics stripped, apostrophes dropped, other punctuation as spaces. */
export function ofacNormalize(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface IndexedName {
  entityId: string;
  name: string;
  normalized: string;
  tokenIds: number[];
}

export interface OfacStyleHit {
  entityId: string;
  score: number;
  matchedName: string;
}

/** The baseline bound to one entity list. Per-word similarities are computed once per query against the vocabulary. */
export class OfacStyleScorer {
  private readonly names: IndexedName[] = [];
  private readonly vocabulary: string[] = [];

  constructor(entities: CanonicalEntity[], private readonly threshold = OFAC_STYLE_THRESHOLD) {
    const ids = new Map<string, number>();
    for (const entity of entities) {
      for (const n of entity.names) {
        const normalized = ofacNormalize(n.name);
        if (normalized.length === 0) continue;
        const tokenIds = normalized.split(' ').map((t) => {
          let id = ids.get(t);
          if (id === undefined) {
            id = this.vocabulary.length;
            this.vocabulary.push(t);
            ids.set(t, id);
          }
          return id;
        });
        this.names.push({ entityId: entity.id, name: n.name, normalized, tokenIds });
      }
    }
  }

  /** Entities with a name scoring at or above the threshold, best first (one hit per entity). */
  screen(query: string): OfacStyleHit[] {
    const q = ofacNormalize(query);
    if (q.length === 0) return [];
    const qTokens = q.split(' ');
    // best[t][v]: Jaro-Winkler of query word t against vocabulary word v.
    const best = qTokens.map((t) => Float64Array.from(this.vocabulary, (v) => jaroWinkler(t, v)));
    const byEntity = new Map<string, OfacStyleHit>();
    for (const n of this.names) {
      const whole = n.normalized.charCodeAt(0) === q.charCodeAt(0) ? jaroWinkler(q, n.normalized) : 0;
      let sum = 0;
      for (const row of best) {
        let top = 0;
        for (const id of n.tokenIds) top = Math.max(top, row[id] ?? 0);
        sum += top;
      }
      const score = Math.max(whole, sum / qTokens.length);
      if (score < this.threshold) continue;
      const previous = byEntity.get(n.entityId);
      if (!previous || previous.score < score) byEntity.set(n.entityId, { entityId: n.entityId, score, matchedName: n.name });
    }
    return [...byEntity.values()].sort((a, b) => b.score - a.score);
  }
}
