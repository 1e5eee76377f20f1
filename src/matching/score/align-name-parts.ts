import type { NameToken } from '../normalize/name-tokens';
import { compareParts, MIN_PART_SIMILARITY, type ComparePartsOptions, type PartComparison } from './compare-name-parts';

/**
 * Order-free alignment of a query's name parts with a list name's parts: the one-to-one assignment that maximizes
 * the weighted similarity of the pairs, whatever order either side wrote the parts in.
 */

export interface AlignedPair {
  queryIndex: number;
  listIndex: number;
  comparison: PartComparison;
}

export interface PartAlignment {
  pairs: AlignedPair[];
  unmatchedQuery: number[];
  unmatchedList: number[];
}

/** Exact assignment (bitmask dynamic programming) up to this many parts on the longer side; greedy beyond. */
export const EXACT_ALIGNMENT_MAX_PARTS = 6;

function pairValue(query: NameToken, list: NameToken, comparison: PartComparison): number {
  return comparison.similarity >= MIN_PART_SIMILARITY ? (query.weight + list.weight) * comparison.similarity : 0;
}

/** Aligns the parts of two names (see the module comment). Deterministic; never pairs parts below the similarity floor. */
export function alignParts(
  query: readonly NameToken[],
  list: readonly NameToken[],
  options: ComparePartsOptions = {},
): PartAlignment {
  const rows = query.length;
  const columns = list.length;
  const comparisons: PartComparison[] = new Array<PartComparison>(rows * columns);
  const values = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i += 1) {
    const queryToken = query[i] as NameToken;
    for (let j = 0; j < columns; j += 1) {
      const listToken = list[j] as NameToken;
      const comparison = compareParts(queryToken, listToken, options);
      comparisons[i * columns + j] = comparison;
      values[i * columns + j] = pairValue(queryToken, listToken, comparison);
    }
  }
  const assignment =
    Math.max(rows, columns) <= EXACT_ALIGNMENT_MAX_PARTS
      ? exactAssignment(values, rows, columns)
      : greedyAssignment(values, rows, columns);
  const pairs: AlignedPair[] = [];
  const usedList = new Uint8Array(columns);
  const unmatchedQuery: number[] = [];
  for (let i = 0; i < rows; i += 1) {
    const j = assignment[i] ?? -1;
    const comparison = j >= 0 ? comparisons[i * columns + j] : undefined;
    if (j >= 0 && comparison && (values[i * columns + j] ?? 0) > 0) {
      pairs.push({ queryIndex: i, listIndex: j, comparison });
      usedList[j] = 1;
    } else {
      unmatchedQuery.push(i);
    }
  }
  const unmatchedList: number[] = [];
  for (let j = 0; j < columns; j += 1) if (usedList[j] === 0) unmatchedList.push(j);
  return { pairs, unmatchedQuery, unmatchedList };
}

/** Scratch buffers of the exact assignment, grown on demand and reused (alignment is synchronous). */
let bestScratch = new Float64Array(0);
let choiceScratch = new Int8Array(0);

/** Optimal assignment row → column (or -1) by dynamic programming over subsets of columns. */
function exactAssignment(values: Float64Array, rows: number, columns: number): Int32Array {
  const states = 1 << columns;
  const size = (rows + 1) * states;
  if (bestScratch.length < size) {
    bestScratch = new Float64Array(size);
    choiceScratch = new Int8Array(size);
  }
  // best[r * states + mask]: best total using rows < r and exactly the columns in mask
  const best = bestScratch;
  const choice = choiceScratch;
  best.fill(-1, 0, size);
  best[0] = 0;
  for (let r = 0; r < rows; r += 1) {
    for (let mask = 0; mask < states; mask += 1) {
      const current = best[r * states + mask] ?? -1;
      if (current < 0) continue;
      const skipIndex = (r + 1) * states + mask;
      if (current > (best[skipIndex] ?? -1)) {
        best[skipIndex] = current;
        choice[skipIndex] = -1;
      }
      for (let c = 0; c < columns; c += 1) {
        if (mask & (1 << c)) continue;
        const value = values[r * columns + c] ?? 0;
        if (value <= 0) continue;
        const nextIndex = (r + 1) * states + (mask | (1 << c));
        if (current + value > (best[nextIndex] ?? -1)) {
          best[nextIndex] = current + value;
          choice[nextIndex] = c;
        }
      }
    }
  }
  let bestMask = 0;
  for (let mask = 0; mask < states; mask += 1) {
    if ((best[rows * states + mask] ?? -1) > (best[rows * states + bestMask] ?? -1)) bestMask = mask;
  }
  const assignment = new Int32Array(rows).fill(-1);
  let mask = bestMask;
  for (let r = rows; r > 0; r -= 1) {
    const c = choice[r * states + mask] ?? -1;
    if (c >= 0) {
      assignment[r - 1] = c;
      mask &= ~(1 << c);
    }
  }
  return assignment;
}

/** Greedy assignment: repeatedly takes the most valuable remaining pair. Used only for long names. */
function greedyAssignment(values: Float64Array, rows: number, columns: number): Int32Array {
  const assignment = new Int32Array(rows).fill(-1);
  const usedColumns = new Uint8Array(columns);
  for (let step = 0; step < Math.min(rows, columns); step += 1) {
    let bestValue = 0;
    let bestRow = -1;
    let bestColumn = -1;
    for (let r = 0; r < rows; r += 1) {
      if ((assignment[r] ?? -1) >= 0) continue;
      for (let c = 0; c < columns; c += 1) {
        const value = values[r * columns + c] ?? 0;
        if (usedColumns[c] === 0 && value > bestValue) {
          bestValue = value;
          bestRow = r;
          bestColumn = c;
        }
      }
    }
    if (bestRow < 0) break;
    assignment[bestRow] = bestColumn;
    usedColumns[bestColumn] = 1;
  }
  return assignment;
}
