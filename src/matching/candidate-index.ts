import type { CanonicalEntity } from '../model/entity';
import { compareParts, MIN_PART_SIMILARITY } from './compare-name-parts';
import { joinedParts } from './align-name-parts';
import { EXTRA_PART_COST, MISSING_PART_COST } from './score-name-match';
import { nameForms, normalizeHandle, type JoinedTokenAnalyzer, type NameForm, type NameToken, type TokenAnalyzer } from './tokenize-name';

/**
 * Candidate retrieval (the recall stage): an inverted index built once per entity set over a vocabulary of
 * distinct name parts. A query part finds the vocabulary parts it could be — same text, same phonetic skeleton,
 * same Korean class, or one deletion away (a symmetric-deletion typo key) — each is compared precisely once, and
 * the postings of the similar ones vote for list names weighted by rarity. No query ever scans all names.
 */

/** Over-fetch so the precise scorer sees every plausible name: the best-voted list names kept per query. */
export const CANDIDATE_FORMS_PER_QUERY = 120;

/** At most this many distinct entities go to the scorer per query (bounds the scoring stage). */
export const CANDIDATE_ENTITIES_PER_QUERY = 60;

/** Of one entity's names, only its best-voted ones are scored (a UN entry may carry twenty aliases). */
export const CANDIDATE_FORMS_PER_ENTITY = 4;

/** Typo keys (skeleton minus one letter) only for parts this long: shorter ones would match half the vocabulary. */
export const MIN_TYPO_KEY_LENGTH = 4;

/** A part on more postings than this share of all list names identifies nothing and casts no vote. */
export const MAX_POSTINGS_SHARE = 0.25;

/** Among equally voted names, shorter ones first: each extra part costs this share of the votes. */
const EXTRA_PART_VOTE_DISCOUNT = 0.03;

/**
 * The highest name score a list name of weight `listWeight` can reach against a query of weight `queryWeight` when
 * parts worth `queryFound` (query side) and `listFound` (list side) found a similar part: those counted as exact
 * matches, everything else as absent at the cheapest absent-part cost (see `score-name-match.ts`).
 */
export function scoreUpperBound(queryWeight: number, listWeight: number, queryFound: number, listFound: number): number {
  const matched = Math.min(queryWeight, queryFound) + Math.min(listWeight, listFound);
  const absent = Math.max(0, queryWeight - queryFound) + Math.max(0, listWeight - listFound);
  const cheapest = Math.min(MISSING_PART_COST, EXTRA_PART_COST);
  return matched / (matched + cheapest * absent + Number.EPSILON);
}

/** Layout of the per-form scratch: this many float slots per list name. */
const SLOT_STRIDE = 8;
const UNIT_VOTE = 0;
const UNIT_LIST_WEIGHT = 1;
const FORM_VOTES = 2;
const FORM_QUERY_WEIGHT = 3;
const FORM_LIST_WEIGHT = 4;
const BEST_VOTES = 5;
const BEST_BOUND = 6;

/** Votes through joined query parts (two or three written as one) count half, since the single parts already voted. */
const JOINED_UNIT_VOTE = 0.5;

export interface IndexedForm {
  entityIndex: number;
  /** Index into the entity's `names`. */
  nameIndex: number;
  form: NameForm;
}

export interface Candidate {
  entityIndex: number;
  /** Ids (into `forms`) of the entity's names to score, best-voted first. */
  formIds: number[];
  /**
   * The highest name score any of these names could reach given which parts found a similar part: an upper bound
   * (every found part counted as exact, every part not found at the cheapest absent-part cost), so a scorer may
   * skip a candidate whose bound cannot reach its threshold.
   */
  scoreBound: number;
}

export interface RetrieveOptions {
  /**
   * Share of the query's name weight (0–1) a list name must share to be worth scoring; the scorer derives it from
   * its threshold. Lets the commonest query parts skip names that share nothing rarer. Default 0 (no such limit).
   */
  minCoverage?: number;
  /** Names whose score bound (see `Candidate.scoreBound`) is below this are not candidates. Default 0. */
  minScoreBound?: number;
}

/** The vocabulary parts a query part could be. */
interface PartNeighbours {
  /** Vocabulary ids the part could be, and how similar each is. */
  readonly ids: readonly number[];
  readonly similarities: readonly number[];
  /** Total postings of those ids: how common the part is. */
  readonly postingCount: number;
}

/** One query part resolved against the vocabulary. */
interface Resolved extends PartNeighbours {
  unit: NameToken;
}

/** Query parts whose vocabulary neighbours are remembered between queries. */
const NEIGHBOUR_CACHE_SIZE = 50_000;

export interface CandidateIndex {
  readonly entities: readonly CanonicalEntity[];
  readonly forms: readonly IndexedForm[];
  /** Form ids of each entity. */
  readonly formsByEntity: readonly (readonly number[])[];
  /** Normalized handle (identifier names) → entity indices. */
  readonly handles: ReadonlyMap<string, readonly number[]>;
  readonly vocabularySize: number;
  /** The candidates worth scoring for these query forms, most promising entity first. */
  retrieve(queryForms: readonly NameForm[], options?: RetrieveOptions): Candidate[];
}

/** Two parts that are each one common Korean name syllable, of different classes (see `compare-name-parts.ts`). */
function koreanSyllableNeighbours(a: NameToken, b: NameToken): boolean {
  return compareParts(a, b, { korean: true }).relation === 'different' && a.koreanSyllables === 1 && b.koreanSyllables === 1;
}

/** The part itself and each of its one-letter deletions, for its text and its skeleton (symmetric deletion keys). */
function deletionKeys(token: NameToken): string[] {
  const keys = new Set<string>([token.skeleton, token.text]);
  for (const word of [token.text, token.skeleton]) {
    if (word.length < MIN_TYPO_KEY_LENGTH) continue;
    for (let i = 0; i < word.length; i += 1) keys.add(word.slice(0, i) + word.slice(i + 1));
  }
  return [...keys];
}

/** Acronyms and joined parts compare differently from plain parts of the same letters, so they are kept apart. */
function vocabularyKey(token: NameToken): string {
  if (token.role === 'acronym') return `\u0001${token.text}`;
  if (token.role === 'joined') return `\u0002${token.text}`;
  return token.text;
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/** Min-heap of (score, id) of fixed capacity: keeps the `capacity` highest scores seen. */
class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  size = 0;
  constructor(private readonly capacity: number) {
    this.scores = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
  }
  offer(score: number, id: number): void {
    if (this.size < this.capacity) {
      let i = this.size;
      this.size += 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((this.scores[parent] ?? 0) <= score) break;
        this.scores[i] = this.scores[parent] ?? 0;
        this.ids[i] = this.ids[parent] ?? 0;
        i = parent;
      }
      this.scores[i] = score;
      this.ids[i] = id;
      return;
    }
    if (score <= (this.scores[0] ?? 0)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      let smallestScore = score;
      if (left < this.size && (this.scores[left] ?? 0) < smallestScore) {
        smallest = left;
        smallestScore = this.scores[left] ?? 0;
      }
      if (right < this.size && (this.scores[right] ?? 0) < smallestScore) {
        smallest = right;
      }
      if (smallest === i) break;
      this.scores[i] = this.scores[smallest] ?? 0;
      this.ids[i] = this.ids[smallest] ?? 0;
      i = smallest;
    }
    this.scores[i] = score;
    this.ids[i] = id;
  }
  /** Ids by descending score. */
  drain(): number[] {
    const order = Array.from({ length: this.size }, (_, index) => index);
    order.sort((a, b) => (this.scores[b] ?? 0) - (this.scores[a] ?? 0) || (this.ids[a] ?? 0) - (this.ids[b] ?? 0));
    const result = order.map((index) => this.ids[index] ?? 0);
    this.size = 0;
    return result;
  }
}

/**
 * Builds the candidate index over every name of every entity (identifier names go to an exact handle table).
 * Pure: reads only its arguments. Cost grows linearly with the number of names.
 */
export function buildCandidateIndex(
  entities: readonly CanonicalEntity[],
  analyzers: { analyze: TokenAnalyzer; analyzeJoined: JoinedTokenAnalyzer },
): CandidateIndex {
  const { analyze, analyzeJoined } = analyzers;
  const forms: IndexedForm[] = [];
  const formsByEntity: number[][] = [];
  const handles = new Map<string, number[]>();
  entities.forEach((entity, entityIndex) => {
    const ids: number[] = [];
    entity.names.forEach((name, nameIndex) => {
      if (name.kind === 'identifier') {
        const handle = normalizeHandle(name.name);
        if (handle) pushTo(handles, handle, entityIndex);
        return;
      }
      for (const form of nameForms(name.name, { entityType: entity.type, acronym: name.kind === 'acronym', analyze })) {
        ids.push(forms.length);
        forms.push({ entityIndex, nameIndex, form });
      }
    });
    formsByEntity.push(ids);
  });

  const vocabularyIds = new Map<string, number>();
  const vocabulary: NameToken[] = [];
  const postingLists: number[][] = [];
  const postingWeightLists: number[][] = [];
  const addPosting = (token: NameToken, formId: number): void => {
    const key = vocabularyKey(token);
    let id = vocabularyIds.get(key);
    if (id === undefined) {
      id = vocabulary.length;
      vocabularyIds.set(key, id);
      vocabulary.push(token);
      postingLists.push([]);
      postingWeightLists.push([]);
    }
    const postings = postingLists[id] as number[];
    const weights = postingWeightLists[id] as number[];
    if (postings[postings.length - 1] === formId) {
      weights[weights.length - 1] = Math.max(weights[weights.length - 1] ?? 0, token.weight);
      return;
    }
    postings.push(formId);
    weights.push(token.weight);
  };
  forms.forEach(({ form }, formId) => {
    for (const token of form.tokens) addPosting(token, formId);
    for (const token of joinedParts(form, analyzeJoined)) addPosting(token, formId);
  });

  const bySkeleton = new Map<string, number[]>();
  const byKorean = new Map<string, number[]>();
  const byDeletion = new Map<string, number[]>();
  vocabulary.forEach((token, id) => {
    pushTo(bySkeleton, token.skeleton, id);
    if (token.frenchSkeleton !== null) pushTo(bySkeleton, token.frenchSkeleton, id);
    if (token.korean !== null) pushTo(byKorean, token.korean, id);
    // Typo keys for single parts only: a joined part never pairs as a typo (see `compareParts`), and its long text
    // would add a key per letter for nothing.
    if (token.role !== 'acronym' && token.role !== 'joined') for (const key of deletionKeys(token)) pushTo(byDeletion, key, id);
  });
  const postings = postingLists.map((list) => Int32Array.from(list));
  // The weight of the list part behind each posting (a joined pair weighs its two parts).
  const postingWeights = postingWeightLists.map((list) => Float32Array.from(list));
  const formCount = Math.max(1, forms.length);
  const rarity = Float64Array.from(postings, (list) => Math.log(1 + formCount / Math.max(1, list.length)));
  const maxPostings = Math.max(50, Math.floor(formCount * MAX_POSTINGS_SHARE));

  // Per-form scratch, interleaved so that one form's fields share a cache line: a query touches thousands of forms
  // at random, and separate arrays would cost a cache miss per field. Reused by every query (match() is
  // synchronous, so one query runs at a time); every field is zero between queries.
  const scratch = new Float32Array(forms.length * SLOT_STRIDE);
  const formEntity = Int32Array.from(forms, ({ entityIndex }) => entityIndex);
  const lengthDiscount = Float32Array.from(forms, ({ form }) => 1 / (1 + EXTRA_PART_VOTE_DISCOUNT * (form.tokens.length - 1)));
  const formWeight = Float32Array.from(forms, ({ form }) => form.tokens.reduce((sum, token) => sum + token.weight, 0));
  const unitTouched = new Int32Array(forms.length);
  const formTouched = new Int32Array(forms.length);
  const bestTouched = new Int32Array(forms.length);
  const vocabularyStamp = new Int32Array(vocabulary.length);
  let stamp = 0;
  const topForms = new TopK(CANDIDATE_FORMS_PER_QUERY);

  /** The vocabulary parts one query part could be, with their similarity. */
  const lookUp = (unit: NameToken): PartNeighbours => {
    stamp += 1;
    const ids: number[] = [];
    const similarities: number[] = [];
    let postingCount = 0;
    const consider = (id: number): void => {
      if (vocabularyStamp[id] === stamp) return;
      vocabularyStamp[id] = stamp;
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
  };

  // Query parts recur across queries (Kim, Mohammed, Sergei, Trading): their neighbours are looked up once. The
  // lookup depends only on the part's text, role, Korean syllables and Hangul origin (the rest derives from the text), and
  // the index never changes, so a cached answer is the answer. Bounded: cleared when full.
  const neighbourCache = new Map<string, PartNeighbours>();
  const resolve = (unit: NameToken): Resolved => {
    const key = `${unit.role}\u0000${unit.hangul === true ? 'h' : ''}\u0000${unit.koreanSyllableKeys.join('.')}\u0000${unit.text}`;
    let neighbours = neighbourCache.get(key);
    if (!neighbours) {
      neighbours = lookUp(unit);
      if (neighbourCache.size >= NEIGHBOUR_CACHE_SIZE) neighbourCache.clear();
      neighbourCache.set(key, neighbours);
    }
    return { unit, ...neighbours };
  };

  /**
   * Adds one query part's votes (best per list name) to the query form's tallies. An `opening` part may bring new
   * list names into play; any other part only adds to names already in play. Returns the new touched count.
   */
  const vote = (resolved: Resolved, factor: number, opening: boolean, formTouchedCount: number): number => {
    const { unit, ids, similarities } = resolved;
    let touched = 0;
    for (let v = 0; v < ids.length; v += 1) {
      const id = ids[v] as number;
      const list = postings[id] as Int32Array;
      const weights = postingWeights[id] as Float32Array;
      const similarity = similarities[v] as number;
      const weightedVote = similarity * (rarity[id] ?? 0) * Math.min(1, unit.weight) * factor;
      for (let k = 0; k < list.length; k += 1) {
        const formId = list[k] as number;
        const base = formId * SLOT_STRIDE;
        if (!opening && scratch[base + FORM_VOTES] === 0) continue;
        const current = scratch[base + UNIT_VOTE] as number;
        if (current === 0) unitTouched[touched++] = formId;
        if (weightedVote > current) scratch[base + UNIT_VOTE] = weightedVote;
        const listWeight = weights[k] as number;
        if (listWeight > (scratch[base + UNIT_LIST_WEIGHT] as number)) scratch[base + UNIT_LIST_WEIGHT] = listWeight;
      }
    }
    let count = formTouchedCount;
    for (let k = 0; k < touched; k += 1) {
      const formId = unitTouched[k] as number;
      const base = formId * SLOT_STRIDE;
      if (scratch[base + FORM_VOTES] === 0) formTouched[count++] = formId;
      scratch[base + FORM_VOTES] = (scratch[base + FORM_VOTES] as number) + (scratch[base + UNIT_VOTE] as number);
      scratch[base + FORM_QUERY_WEIGHT] = (scratch[base + FORM_QUERY_WEIGHT] as number) + unit.weight;
      scratch[base + FORM_LIST_WEIGHT] =
        (scratch[base + FORM_LIST_WEIGHT] as number) + (scratch[base + UNIT_LIST_WEIGHT] as number);
      scratch[base + UNIT_VOTE] = 0;
      scratch[base + UNIT_LIST_WEIGHT] = 0;
    }
    return count;
  };

  const retrieve = (queryForms: readonly NameForm[], options: RetrieveOptions = {}): Candidate[] => {
    const minCoverage = options.minCoverage ?? 0;
    const minScoreBound = options.minScoreBound ?? 0;
    let bestCount = 0;
    for (const queryForm of queryForms) {
      let formTouchedCount = 0;
      let queryWeight = 0;
      for (const unit of queryForm.tokens) queryWeight += unit.weight;
      // Rarest parts first. A list name must share parts worth `minCoverage` of the query's weight to be worth
      // scoring, so it must share one of the rarest parts whose weight exceeds the rest's allowance: only those
      // open new names; the commoner parts (Kim, Mohammed) only add to names already in play.
      const singles = queryForm.tokens.map(resolve).sort((a, b) => a.postingCount - b.postingCount);
      let processed = 0;
      for (const resolved of singles) {
        // A name lacking every part processed so far shares at most the rest; once that is too little, stop opening.
        const opening = processed <= (1 - minCoverage) * queryWeight + Number.EPSILON;
        formTouchedCount = vote(resolved, 1, opening, formTouchedCount);
        processed += resolved.unit.weight;
      }
      for (const unit of joinedParts(queryForm, analyzeJoined)) {
        formTouchedCount = vote(resolve(unit), JOINED_UNIT_VOTE, true, formTouchedCount);
      }
      for (let k = 0; k < formTouchedCount; k += 1) {
        const formId = formTouched[k] as number;
        const base = formId * SLOT_STRIDE;
        const votes = scratch[base + FORM_VOTES] as number;
        const bound = scoreUpperBound(
          queryWeight,
          formWeight[formId] as number,
          scratch[base + FORM_QUERY_WEIGHT] as number,
          scratch[base + FORM_LIST_WEIGHT] as number,
        );
        scratch[base + FORM_VOTES] = 0;
        scratch[base + FORM_QUERY_WEIGHT] = 0;
        scratch[base + FORM_LIST_WEIGHT] = 0;
        const current = scratch[base + BEST_VOTES] as number;
        if (current === 0) bestTouched[bestCount++] = formId;
        if (votes > current) scratch[base + BEST_VOTES] = votes;
        if (bound > (scratch[base + BEST_BOUND] as number)) scratch[base + BEST_BOUND] = bound;
      }
    }
    for (let k = 0; k < bestCount; k += 1) {
      const formId = bestTouched[k] as number;
      const base = formId * SLOT_STRIDE;
      if ((scratch[base + BEST_BOUND] as number) < minScoreBound) continue;
      topForms.offer((scratch[base + BEST_VOTES] as number) * (lengthDiscount[formId] as number), formId);
    }
    const candidates: Array<Candidate & { bounds: number[] }> = [];
    const byEntity = new Map<number, Candidate & { bounds: number[] }>();
    for (const formId of topForms.drain()) {
      const entityIndex = formEntity[formId];
      if (entityIndex === undefined) continue;
      const bound = scratch[formId * SLOT_STRIDE + BEST_BOUND] as number;
      const known = byEntity.get(entityIndex);
      if (known) {
        known.formIds.push(formId);
        known.bounds.push(bound);
        if (bound > known.scoreBound) known.scoreBound = bound;
        continue;
      }
      if (candidates.length >= CANDIDATE_ENTITIES_PER_QUERY) continue;
      const candidate = { entityIndex, formIds: [formId], bounds: [bound], scoreBound: bound };
      byEntity.set(entityIndex, candidate);
      candidates.push(candidate);
    }
    for (let k = 0; k < bestCount; k += 1) {
      const base = (bestTouched[k] as number) * SLOT_STRIDE;
      scratch[base + BEST_VOTES] = 0;
      scratch[base + BEST_BOUND] = 0;
    }
    // Within an entity, the names that could score highest first (an acronym beats a long name sharing a word).
    for (const candidate of candidates) {
      if (candidate.formIds.length <= 1) continue;
      const order = candidate.formIds.map((_, position) => position);
      order.sort((a, b) => (candidate.bounds[b] ?? 0) - (candidate.bounds[a] ?? 0) || a - b);
      candidate.formIds = order.slice(0, CANDIDATE_FORMS_PER_ENTITY).map((position) => candidate.formIds[position] as number);
    }
    return candidates.map(({ entityIndex, formIds, scoreBound }) => ({ entityIndex, formIds, scoreBound }));
  };

  return { entities, forms, formsByEntity, handles, vocabularySize: vocabulary.length, retrieve };
}
