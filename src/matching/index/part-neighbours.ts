import type { NameToken } from '../normalize/name-tokens';
import { compareParts, MIN_PART_SIMILARITY } from '../score/compare-name-parts';
import type { NameIndex } from './build-name-index';
import { crossScriptLookupKeys, deletionKeys, koreanSyllableNeighbours, patronymicKeys, vocabularyKey } from './index-keys';

/**
 * The vocabulary parts a query part could be — same text, same phonetic skeleton (or French reading), same Korean
 * class, a given name of the same nickname class, the same consonant skeleton across scripts, a patronymic one sound away, or one deletion away on either side (a symmetric-deletion typo key) — each
 * compared precisely once with `compareParts` and kept when at least `MIN_PART_SIMILARITY`.
 */

/** Query parts whose vocabulary neighbours are remembered between queries. */
const NEIGHBOUR_CACHE_SIZE = 50_000;

/** The vocabulary parts a query part could be. */
export interface PartNeighbours {
  /** Vocabulary ids the part could be, in the order found, and how similar each is. */
  readonly ids: readonly number[];
  readonly similarities: readonly number[];
  /** Total postings of those ids: how common the part is. */
  readonly postingCount: number;
}

/** Finds the vocabulary neighbours of query parts in one index, remembering recurring parts (bounded). */
export class PartNeighbourFinder {
  // Query parts recur across queries (Kim, Mohammed, Sergei, Trading): their neighbours are looked up once. The
  // lookup depends only on the part's text, role, Korean syllables and Hangul origin (the rest derives from the text),
  // and the index never changes, so a cached answer is the answer. Bounded: cleared when full.
  private readonly cache = new Map<string, PartNeighbours>();
  // Stamped per lookup, so a part reached by two keys is compared once and nothing is cleared between lookups.
  private readonly seenStamp: Int32Array;
  private stamp = 0;

  constructor(private readonly index: NameIndex) {
    this.seenStamp = new Int32Array(index.vocabulary.length);
  }

  /** The vocabulary parts `unit` could be, with their similarity; never parts on more than `maxPostings` postings. */
  neighboursOf(unit: NameToken): PartNeighbours {
    const key = `${unit.role}\u0000${unit.hangul === true ? 'h' : ''}\u0000${unit.koreanSyllableKeys.join('.')}\u0000${unit.crossScript?.join('.') ?? ''}\u0000${unit.text}`;
    let neighbours = this.cache.get(key);
    if (!neighbours) {
      neighbours = this.lookUp(unit);
      if (this.cache.size >= NEIGHBOUR_CACHE_SIZE) this.cache.clear();
      this.cache.set(key, neighbours);
    }
    return neighbours;
  }

  private lookUp(unit: NameToken): PartNeighbours {
    const { vocabulary, vocabularyIds, postings, maxPostings, bySkeleton, byKorean, byPatronymic, byDeletion, byNickname, byCrossScript } = this.index;
    const seenStamp = this.seenStamp;
    const stamp = (this.stamp += 1);
    const ids: number[] = [];
    const similarities: number[] = [];
    let postingCount = 0;
    const consider = (id: number): void => {
      if (seenStamp[id] === stamp) return;
      seenStamp[id] = stamp;
      const list = postings[id];
      const candidate = vocabulary[id];
      if (!list || !candidate || list.length > maxPostings) return;
      const similarity = compareParts(unit, candidate).similarity;
      if (similarity < MIN_PART_SIMILARITY) return;
      ids.push(id);
      similarities.push(similarity);
      postingCount += list.length;
    };
    const exact = vocabularyIds.get(vocabularyKey(unit));
    if (exact !== undefined) consider(exact);
    for (const id of bySkeleton.get(unit.skeleton) ?? []) consider(id);
    if (unit.frenchSkeleton !== null) for (const id of bySkeleton.get(unit.frenchSkeleton) ?? []) consider(id);
    if (unit.korean !== null) for (const id of byKorean.get(unit.korean) ?? []) consider(id);
    for (const key of patronymicKeys(unit)) for (const id of byPatronymic.get(key) ?? []) consider(id);
    for (const nickname of unit.nicknames) for (const id of byNickname.get(nickname) ?? []) consider(id);
    for (const key of crossScriptLookupKeys(unit)) for (const id of byCrossScript.get(key) ?? []) consider(id);
    // Typo neighbours (one deletion apart on either side). Two one-syllable Korean name syllables are never typo
    // neighbours (Yong is not a misspelt Song): left in, they would flood the vote with every Korean name.
    if (unit.role !== 'acronym' && unit.role !== 'joined') {
      for (const key of deletionKeys(unit)) {
        for (const id of byDeletion.get(key) ?? []) {
          if (!koreanSyllableNeighbours(unit, vocabulary[id] as NameToken)) consider(id);
        }
      }
    }
    return { ids, similarities, postingCount };
  }
}
