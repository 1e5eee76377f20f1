import type { NameToken } from '../normalize/name-tokens';
import { SlotTable, TopK } from './collections';

/**
 * The scratch state of candidate retrieval (`retrieve-candidates.ts`): typed arrays sized to the index once, reused
 * by every query and emptied (or stamped) after each, so a query allocates almost nothing.
 */

/**
 * Query parts whose matched mass is tallied one by one for the score bound (a part and a joined part that contains
 * it count once, at the better similarity); parts beyond share the last tally, which adds up instead (looser, still
 * a bound).
 */
export const TALLIED_POSITIONS = 8;

/** Query parts per vote in play the scratch holds before it grows (most names have fewer). */
const INITIAL_UNITS = 16;

/** (query part, neighbour) entries per vote in play the scratch holds before it grows. */
const INITIAL_ENTRIES = 256;

/**
 * The tallies of one retrieval. A list name gets a slot (1, 2, ...) when a query part first votes for it, found again
 * through a small open-addressing table: a query touches thousands of the 200,000 names at random, and any array
 * over all names read at random costs a cache miss per touch; the table and the dense slots stay in cache.
 * Owned by one retriever and reused by its every query (retrieval is synchronous, so one runs at a time); emptied
 * after each, and stamped where emptying would cost more than it saves.
 */
export class RetrievalScratch {
  readonly slots: SlotTable;
  readonly slotFormWeight: Float32Array;
  readonly slotDiscount: Float32Array;
  // Per slot, one query part's best vote, list part weight and similarity while that part votes (`voteAll`).
  readonly unitVote: Float32Array;
  readonly unitListWeight: Float32Array;
  readonly unitSimilarity: Float32Array;
  readonly unitTouched: Int32Array;
  // Per slot, the votes of the query form being tallied, and the best votes and bound over all query forms.
  readonly formVotes: Float32Array;
  readonly bestVotes: Float32Array;
  readonly bestBound: Float32Array;
  // Per slot and query part: the best matched mass found for that part, query side and list side.
  readonly partQueryMass: Float32Array;
  readonly partListMass: Float32Array;
  // The slots in play for the query form being tallied, in the order they came into play (stamped per form).
  readonly formTouched: Int32Array;
  readonly slotFormStamp: Int32Array;
  formStamp = 0;
  formTouchedCount = 0;
  // For the vote in play: which query parts each vocabulary part could be, a chain of (unit, neighbour) entries per
  // part through arrays over the vocabulary (stamped per vote, so nothing is cleared between uses).
  readonly vocabularyStamp: Int32Array;
  readonly firstEntry: Int32Array;
  stamp = 0;
  entryUnit = new Int32Array(INITIAL_ENTRIES);
  entryNeighbour = new Int32Array(INITIAL_ENTRIES);
  entryNext = new Int32Array(INITIAL_ENTRIES);
  // Per query part, its best vote for the name being looked at (`voteInPlay`); zero between names.
  bestVote = new Float64Array(INITIAL_UNITS);
  bestListWeight = new Float64Array(INITIAL_UNITS);
  bestSimilarity = new Float64Array(INITIAL_UNITS);
  /** The best-voted list names of the query. */
  readonly topForms: TopK;

  /** Scratch for an index of `formCount` list names and `vocabularySize` parts, keeping `topCount` best-voted names. */
  constructor(formCount: number, vocabularySize: number, topCount: number) {
    this.topForms = new TopK(topCount);
    const slotCount = formCount + 1;
    this.slots = new SlotTable(formCount);
    this.slotFormWeight = new Float32Array(slotCount);
    this.slotDiscount = new Float32Array(slotCount);
    this.unitVote = new Float32Array(slotCount);
    this.unitListWeight = new Float32Array(slotCount);
    this.unitSimilarity = new Float32Array(slotCount);
    this.unitTouched = new Int32Array(slotCount);
    this.formVotes = new Float32Array(slotCount);
    this.bestVotes = new Float32Array(slotCount);
    this.bestBound = new Float32Array(slotCount);
    this.partQueryMass = new Float32Array(slotCount * TALLIED_POSITIONS);
    this.partListMass = new Float32Array(slotCount * TALLIED_POSITIONS);
    this.formTouched = new Int32Array(slotCount);
    this.slotFormStamp = new Int32Array(slotCount);
    this.vocabularyStamp = new Int32Array(vocabularySize);
    this.firstEntry = new Int32Array(vocabularySize);
  }

  /** Starts tallying another query form: no slot is in play for it yet. */
  beginForm(): void {
    this.formStamp += 1;
    this.formTouchedCount = 0;
  }

  /** The slot of a list name, which comes into play for the query form being tallied. */
  open(formId: number, listFormWeight: number, discount: number): number {
    let slot = this.slots.find(formId);
    if (slot === 0) {
      slot = this.slots.add(formId);
      this.slotFormWeight[slot] = listFormWeight;
      this.slotDiscount[slot] = discount;
    }
    if (this.slotFormStamp[slot] !== this.formStamp) {
      this.slotFormStamp[slot] = this.formStamp;
      this.formTouched[this.formTouchedCount++] = slot;
    }
    return slot;
  }

  /**
   * Adds one query part's best vote for a list name in play to the query form's tallies: the vote, and the matched
   * mass it could bring, spread over the query parts it stands for (by weight).
   */
  tally(
    slot: number,
    resolved: { unit: NameToken; start: number; length: number },
    partWeights: readonly number[],
    vote: number,
    listWeight: number,
    similarity: number,
  ): void {
    const { formVotes, partQueryMass, partListMass } = this;
    const { unit, start, length } = resolved;
    formVotes[slot] = (formVotes[slot] as number) + vote;
    const listMass = listWeight * similarity;
    const base = slot * TALLIED_POSITIONS;
    for (let position = start; position < start + length; position += 1) {
      const weight = partWeights[position] ?? 0;
      const share = length === 1 ? 1 : unit.weight > 0 ? weight / unit.weight : 1 / length;
      const queryMass = weight * similarity;
      const index = base + Math.min(position, TALLIED_POSITIONS - 1);
      if (position < TALLIED_POSITIONS - 1) {
        if (queryMass > (partQueryMass[index] as number)) partQueryMass[index] = queryMass;
        if (listMass * share > (partListMass[index] as number)) partListMass[index] = listMass * share;
      } else {
        partQueryMass[index] = (partQueryMass[index] as number) + queryMass;
        partListMass[index] = (partListMass[index] as number) + listMass * share;
      }
    }
  }

  /** Room for `entries` (query part, neighbour) entries and `units` query parts in the vote in play. */
  reserve(entries: number, units: number): void {
    if (entries > this.entryUnit.length) {
      this.entryUnit = new Int32Array(entries * 2);
      this.entryNeighbour = new Int32Array(entries * 2);
      this.entryNext = new Int32Array(entries * 2);
    }
    if (units > this.bestVote.length) {
      this.bestVote = new Float64Array(units * 2);
      this.bestListWeight = new Float64Array(units * 2);
      this.bestSimilarity = new Float64Array(units * 2);
    }
  }

  /** Empties the per-query tallies, ready for the next query. */
  clear(): void {
    for (let slot = 1; slot <= this.slots.count; slot += 1) {
      this.bestVotes[slot] = 0;
      this.bestBound[slot] = 0;
    }
    this.slots.clear();
  }
}
