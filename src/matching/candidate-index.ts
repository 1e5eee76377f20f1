import type { CanonicalEntity, EntityName } from '../model/entity';
import { compareParts, maxTypoEdits, MIN_PART_SIMILARITY, typoSimilarity } from './compare-name-parts';
import { joinedParts } from './align-name-parts';
import { EXTRA_PART_COST, MISSING_PART_COST } from './score-name-match';
import { nameForms, normalizeHandle, type JoinedTokenAnalyzer, type NameForm, type NameToken, type TokenAnalyzer } from './tokenize-name';

/**
 * Candidate retrieval (the recall stage): an inverted index built once per entity set over a vocabulary of
 * distinct name parts. A query part finds the vocabulary parts it could be — same text, same phonetic skeleton,
 * same Korean class, or one deletion away (a symmetric-deletion typo key) — each is compared precisely once.
 * List names come into play through the postings of a part that can make a match alone, through a pair index (names
 * holding two of the query's parts) when it takes two, or through joined parts; the query parts then vote for the
 * names in play, weighted by rarity, and an upper bound of each name's score drops those that cannot reach the
 * threshold. No query ever scans all names, and the commonest parts (Kim, Mohammed) never walk their postings.
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
 * the parts that found a similar part weigh `queryMass` (query side) and `listMass` (list side) times their best
 * similarity. The name score is a weighted Dice coefficient, matched mass over matched weight plus what the other
 * parts cost (see `score-name-match.ts`); it is highest when the matched parts' weight is no more than their mass
 * (the similarities are as found) and every other part costs the cheapest absent-part cost. Joined parts may count
 * a part twice, hence the caps at the names' weights.
 */
export function scoreUpperBound(queryWeight: number, listWeight: number, queryMass: number, listMass: number): number {
  const matched = Math.min(queryWeight, queryMass) + Math.min(listWeight, listMass);
  const absent = queryWeight + listWeight - matched;
  const cheapest = Math.min(MISSING_PART_COST, EXTRA_PART_COST);
  return matched / (matched + cheapest * absent + Number.EPSILON);
}

/** Slack on the weight a query part needs to open names alone, for float rounding. */
const COVERAGE_SLACK = 1e-9;

/**
 * Patronymics are romanized loosely, two letters apart at times (Razapovic = Rajapovich), further than the typo keys
 * reach; the scorer pairs them all the same. For the score bound, a long patronymic that found nothing counts as
 * paired, at the similarity of two edits, with a list part of its own weight.
 */
function unseenPatronymicMass(token: NameToken): number {
  const length = token.text.length;
  if (token.role !== 'patronymic' || maxTypoEdits(length, length) < 2) return 0;
  // Two edits, against a list part up to two letters longer (the most similar such a pair can be).
  return token.weight * typoSimilarity(2, length + 2);
}

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
   * (every found part paired at the best similarity found for it, every part not found at the cheapest absent-part
   * cost, see `scoreUpperBound`), so a scorer may skip a candidate whose bound cannot reach its threshold.
   */
  scoreBound: number;
}

export interface RetrieveOptions {
  /**
   * Share of the query's name weight (0–1) a list name must share to be worth scoring; the scorer derives it from
   * its threshold. A query part weighing less than that must meet a name together with another part to bring it
   * into play (see the module comment). Default 0 (no such limit: every part brings in every name it meets).
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
  /** The query parts it stands for: `length` parts from `start` (one, or the two or three of a joined part). */
  start: number;
  length: number;
}

/**
 * Query parts whose matched mass is tallied one by one for the score bound (a part and a joined part that contains
 * it count once, at the better similarity); parts beyond share the last tally, which adds up instead (looser, still
 * a bound).
 */
const TALLIED_POSITIONS = 8;

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

/** The words themselves and each one's one-letter deletions (symmetric deletion keys). */
function deletionsOf(words: readonly string[]): string[] {
  const keys = new Set<string>(words);
  for (const word of words) {
    if (word.length < MIN_TYPO_KEY_LENGTH) continue;
    for (let i = 0; i < word.length; i += 1) keys.add(word.slice(0, i) + word.slice(i + 1));
  }
  return [...keys];
}

/** Typo keys of a part: its text, its skeleton and their one-letter deletions. */
function deletionKeys(token: NameToken): string[] {
  return deletionsOf([token.skeleton, token.text]);
}

/**
 * Keys of a patronymic's loose reading and its one-letter deletions: two patronymics one sound apart there are one
 * father's name in two lossy romanizations (Razapovic = Rajapovich, see `compareParts`).
 */
function patronymicKeys(token: NameToken): string[] {
  return token.role === 'patronymic' && token.loose !== null ? deletionsOf([token.loose]) : [];
}

/**
 * An acronym name: one the list calls so, or an organization's one word of two to five capitals (the UN gives IMU,
 * AQIM, M23 as plain aliases). It only ever matches itself: "Lim Woo" is not IMU read as a Korean name.
 */
function isAcronymName(entity: CanonicalEntity, name: EntityName): boolean {
  return name.kind === 'acronym' || (entity.type === 'organization' && /^[A-Z][A-Z0-9]{1,4}$/.test(name.name.trim()));
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
  /** Ids by descending score; ties by ascending `tieKey[id]` (by id without one). */
  drain(tieKey?: Int32Array): number[] {
    const order = Array.from({ length: this.size }, (_, index) => index);
    const key = (position: number): number => {
      const id = this.ids[position] ?? 0;
      return tieKey ? (tieKey[id] ?? 0) : id;
    };
    order.sort((a, b) => (this.scores[b] ?? 0) - (this.scores[a] ?? 0) || key(a) - key(b));
    const result = order.map((index) => this.ids[index] ?? 0);
    this.size = 0;
    return result;
  }
}

/**
 * Dense slots (1, 2, ...) for the list names one query touches, found by form id through an open-addressing hash
 * table sized to the query (it doubles when half full), so it stays in cache however large the index.
 */
class FormSlots {
  /** Form id of each slot (slot 0 unused). */
  readonly slotForm: Int32Array;
  count = 0;
  private keys: Int32Array;
  private values: Int32Array;
  private shift: number;
  private mask: number;

  constructor(capacity: number) {
    this.slotForm = new Int32Array(capacity + 1);
    const bits = 12;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.values = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  /** The slot of `formId`, or 0 when it has none. */
  find(formId: number): number {
    let position = Math.imul(formId, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const key = this.keys[position] as number;
      if (key === formId) return this.values[position] as number;
      if (key === -1) return 0;
      position = (position + 1) & this.mask;
    }
  }

  /** Gives `formId` (which has no slot) the next slot. */
  add(formId: number): number {
    this.count += 1;
    this.slotForm[this.count] = formId;
    if (this.count * 2 > this.keys.length) this.resize(this.keys.length * 2);
    else this.place(formId, this.count);
    return this.count;
  }

  clear(): void {
    for (let slot = 1; slot <= this.count; slot += 1) {
      let position = Math.imul(this.slotForm[slot] as number, 0x9e3779b1) >>> this.shift;
      while (this.keys[position] !== -1) {
        this.keys[position] = -1;
        position = (position + 1) & this.mask;
      }
    }
    this.count = 0;
  }

  private place(formId: number, slot: number): void {
    let position = Math.imul(formId, 0x9e3779b1) >>> this.shift;
    while (this.keys[position] !== -1) position = (position + 1) & this.mask;
    this.keys[position] = formId;
    this.values[position] = slot;
  }

  private resize(size: number): void {
    this.keys = new Int32Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
    for (let slot = 1; slot <= this.count; slot += 1) this.place(this.slotForm[slot] as number, slot);
  }
}

/**
 * Groups entries by key (0 ≤ key < keyCount) in compressed rows (a counting sort): the entries of key k are
 * `order[start[k]]` … `order[start[k + 1] - 1]`, in the order given.
 */
function groupByKey(keyCount: number, keys: readonly number[]): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(keyCount + 1);
  for (const key of keys) start[key + 1] = (start[key + 1] as number) + 1;
  for (let key = 0; key < keyCount; key += 1) start[key + 1] = (start[key + 1] as number) + (start[key] as number);
  const fill = start.slice(0, keyCount);
  const order = new Int32Array(keys.length);
  keys.forEach((key, entry) => {
    order[fill[key] as number] = entry;
    fill[key] = (fill[key] as number) + 1;
  });
  return { start, order };
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
      for (const form of nameForms(name.name, { entityType: entity.type, acronym: isAcronymName(entity, name), analyze })) {
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
    for (const { token } of joinedParts(form, analyzeJoined)) addPosting(token, formId);
  });

  const bySkeleton = new Map<string, number[]>();
  const byKorean = new Map<string, number[]>();
  const byDeletion = new Map<string, number[]>();
  const byPatronymic = new Map<string, number[]>();
  vocabulary.forEach((token, id) => {
    for (const key of patronymicKeys(token)) pushTo(byPatronymic, key, id);
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

  // Forward index: each list name's vocabulary parts (single and joined) and their weights, to tell which query
  // parts a name in play contains without walking those parts' postings.
  const postingForm: number[] = [];
  const postingId: number[] = [];
  const postingWeight: number[] = [];
  postings.forEach((list, id) => {
    const weights = postingWeights[id] as Float32Array;
    list.forEach((formId, k) => {
      postingForm.push(formId);
      postingId.push(id);
      postingWeight.push(weights[k] as number);
    });
  });
  const forward = groupByKey(forms.length, postingForm);
  const forwardStart = forward.start;
  const forwardIds = Int32Array.from(forward.order, (entry) => postingId[entry] as number);
  const forwardWeights = Float32Array.from(forward.order, (entry) => postingWeight[entry] as number);

  // Pair index: for every two single parts a ≤ b of a list name (parts too common to vote left out; a part written
  // twice, Food Food, pairs with itself), the name, kept under a sorted by b, then by name. A query of several parts
  // needs a name to share two of them (unless one part alone weighs enough), so it opens names through these pairs
  // instead of walking the postings of its common parts.
  const voting = (id: number): boolean =>
    (postings[id]?.length ?? 0) <= maxPostings && (vocabulary[id] as NameToken).role !== 'joined';
  const pairLow: number[] = [];
  const pairHigh: number[] = [];
  const pairName: number[] = [];
  forms.forEach(({ form }, formId) => {
    const ids: number[] = [];
    for (const token of form.tokens) {
      const id = vocabularyIds.get(vocabularyKey(token));
      if (id !== undefined && voting(id)) ids.push(id);
    }
    ids.sort((x, y) => x - y);
    const seen = new Set<number>();
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const [low, high] = [ids[i] as number, ids[j] as number];
        if (seen.has(low * vocabulary.length + high)) continue;
        seen.add(low * vocabulary.length + high);
        pairLow.push(low);
        pairHigh.push(high);
        pairName.push(formId);
      }
    }
  });
  const pairs = groupByKey(vocabulary.length, pairLow);
  const pairStart = pairs.start;
  for (let id = 0; id < vocabulary.length; id += 1) {
    const segment = pairs.order.subarray(pairStart[id] as number, pairStart[id + 1] as number);
    segment.sort((x, y) => (pairHigh[x] as number) - (pairHigh[y] as number) || (pairName[x] as number) - (pairName[y] as number));
  }
  const pairOther = Int32Array.from(pairs.order, (entry) => pairHigh[entry] as number);
  const pairForm = Int32Array.from(pairs.order, (entry) => pairName[entry] as number);

  const formEntity = Int32Array.from(forms, ({ entityIndex }) => entityIndex);
  const lengthDiscount = Float32Array.from(forms, ({ form }) => 1 / (1 + EXTRA_PART_VOTE_DISCOUNT * (form.tokens.length - 1)));
  const formWeight = Float32Array.from(forms, ({ form }) => form.tokens.reduce((sum, token) => sum + token.weight, 0));
  // What the vote needs of each posting's list name, next to the posting: read in sequence with it, not looked up.
  const postingFormWeights = postings.map((list) => Float32Array.from(list, (formId) => formWeight[formId] ?? 0));
  const postingDiscounts = postings.map((list) => Float32Array.from(list, (formId) => lengthDiscount[formId] ?? 0));
  // Stamped per lookup and per vote in play (see `lookUp`, `voteInPlay`): nothing to clear between uses.
  const vocabularyStamp = new Int32Array(vocabulary.length);
  let stamp = 0;
  const firstEntry = new Int32Array(vocabulary.length);
  let entryUnit = new Int32Array(256);
  let entryNeighbour = new Int32Array(256);
  let entryNext = new Int32Array(256);
  // Per query part, its best vote for the name being looked at (`voteInPlay`); zero between names.
  let bestVote = new Float64Array(16);
  let bestListWeight = new Float64Array(16);
  let bestSimilarity = new Float64Array(16);
  // Tallies of one retrieval. A list name gets a slot (1, 2, ...) when a query part first votes for it, found again
  // through a small open-addressing table: a query touches thousands of the 200,000 names at random, and any array
  // over all names read at random costs a cache miss per touch; the table and the dense slots stay in cache.
  // Reused by every query (match() is synchronous, so one query runs at a time); emptied after each.
  const slots = new FormSlots(forms.length);
  const { slotForm } = slots;
  const slotFormWeight = new Float32Array(forms.length + 1);
  const slotDiscount = new Float32Array(forms.length + 1);
  const unitVote = new Float32Array(forms.length + 1);
  const unitListWeight = new Float32Array(forms.length + 1);
  const unitSimilarity = new Float32Array(forms.length + 1);
  const formVotes = new Float32Array(forms.length + 1);
  // Per slot and query part: the best matched mass found for that part, query side and list side.
  const partQueryMass = new Float32Array((forms.length + 1) * TALLIED_POSITIONS);
  const partListMass = new Float32Array((forms.length + 1) * TALLIED_POSITIONS);
  const bestVotes = new Float32Array(forms.length + 1);
  const bestBound = new Float32Array(forms.length + 1);
  const unitTouched = new Int32Array(forms.length + 1);
  // The slots in play for the query form being tallied, in the order they came into play.
  const formTouched = new Int32Array(forms.length + 1);
  const slotFormStamp = new Int32Array(forms.length + 1);
  let formStamp = 0;
  let formTouchedCount = 0;
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
    for (const key of patronymicKeys(unit)) for (const id of byPatronymic.get(key) ?? []) consider(id);
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
  const resolve = (unit: NameToken, start: number, length: number): Resolved => {
    const key = `${unit.role}\u0000${unit.hangul === true ? 'h' : ''}\u0000${unit.koreanSyllableKeys.join('.')}\u0000${unit.text}`;
    let neighbours = neighbourCache.get(key);
    if (!neighbours) {
      neighbours = lookUp(unit);
      if (neighbourCache.size >= NEIGHBOUR_CACHE_SIZE) neighbourCache.clear();
      neighbourCache.set(key, neighbours);
    }
    return { unit, start, length, ids: neighbours.ids, similarities: neighbours.similarities, postingCount: neighbours.postingCount };
  };

  /** The slot of a list name, which comes into play for the query form being tallied. */
  const open = (formId: number, listFormWeight: number, discount: number): number => {
    let slot = slots.find(formId);
    if (slot === 0) {
      slot = slots.add(formId);
      slotFormWeight[slot] = listFormWeight;
      slotDiscount[slot] = discount;
    }
    if (slotFormStamp[slot] !== formStamp) {
      slotFormStamp[slot] = formStamp;
      formTouched[formTouchedCount++] = slot;
    }
    return slot;
  };

  /** Brings every list name holding vocabulary part `id` into play. */
  const openPostings = (id: number): void => {
    const list = postings[id] as Int32Array;
    const listFormWeights = postingFormWeights[id] as Float32Array;
    const discounts = postingDiscounts[id] as Float32Array;
    for (let k = 0; k < list.length; k += 1) open(list[k] as number, listFormWeights[k] as number, discounts[k] as number);
  };

  /** Brings every list name holding both single vocabulary parts `a` and `b` (the same part twice if equal) into play. */
  const openPair = (a: number, b: number): void => {
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    let from = pairStart[low] as number;
    let to = pairStart[low + 1] as number;
    while (from < to) {
      const middle = (from + to) >>> 1;
      if ((pairOther[middle] as number) < high) from = middle + 1;
      else to = middle;
    }
    const end = pairStart[low + 1] as number;
    for (let at = from; at < end && pairOther[at] === high; at += 1) {
      const formId = pairForm[at] as number;
      open(formId, formWeight[formId] as number, lengthDiscount[formId] as number);
    }
  };

  /**
   * Adds one query part's best vote for a list name in play to the query form's tallies: the vote, and the matched
   * mass it could bring, spread over the query parts it stands for (by weight).
   */
  const tally = (slot: number, resolved: Resolved, partWeights: readonly number[], vote: number, listWeight: number, similarity: number): void => {
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
  };

  /** One query part votes for every list name holding a part it could be, bringing each into play. */
  const voteAll = (resolved: Resolved, partWeights: readonly number[], factor: number): void => {
    const { unit, ids, similarities } = resolved;
    let touched = 0;
    for (let v = 0; v < ids.length; v += 1) {
      const id = ids[v] as number;
      const list = postings[id] as Int32Array;
      const weights = postingWeights[id] as Float32Array;
      const listFormWeights = postingFormWeights[id] as Float32Array;
      const discounts = postingDiscounts[id] as Float32Array;
      const similarity = similarities[v] as number;
      const weightedVote = similarity * (rarity[id] ?? 0) * Math.min(1, unit.weight) * factor;
      for (let k = 0; k < list.length; k += 1) {
        const slot = open(list[k] as number, listFormWeights[k] as number, discounts[k] as number);
        const current = unitVote[slot] as number;
        if (current === 0) unitTouched[touched++] = slot;
        if (weightedVote > current) unitVote[slot] = weightedVote;
        const listWeight = weights[k] as number;
        if (listWeight > (unitListWeight[slot] as number)) unitListWeight[slot] = listWeight;
        if (similarity > (unitSimilarity[slot] as number)) unitSimilarity[slot] = similarity;
      }
    }
    for (let k = 0; k < touched; k += 1) {
      const slot = unitTouched[k] as number;
      tally(slot, resolved, partWeights, unitVote[slot] as number, unitListWeight[slot] as number, unitSimilarity[slot] as number);
      unitVote[slot] = 0;
      unitListWeight[slot] = 0;
      unitSimilarity[slot] = 0;
    }
  };

  /**
   * The votes of query parts that did not walk their postings, for the list names in play: each name's parts are
   * looked up among the parts those query parts could be.
   */
  const voteInPlay = (units: readonly Resolved[], partWeights: readonly number[]): void => {
    if (units.length === 0) return;
    // Which of these query parts each vocabulary part could be: a chain of (unit, neighbour) entries per part,
    // found through arrays over the vocabulary (stamped, so nothing is cleared between queries).
    stamp += 1;
    const total = units.reduce((sum, { ids }) => sum + ids.length, 0);
    if (total > entryUnit.length) {
      entryUnit = new Int32Array(total * 2);
      entryNeighbour = new Int32Array(total * 2);
      entryNext = new Int32Array(total * 2);
    }
    let entries = 0;
    units.forEach(({ ids }, unitIndex) => {
      ids.forEach((id, v) => {
        entryUnit[entries] = unitIndex;
        entryNeighbour[entries] = v;
        entryNext[entries] = vocabularyStamp[id] === stamp ? (firstEntry[id] as number) : -1;
        vocabularyStamp[id] = stamp;
        firstEntry[id] = entries;
        entries += 1;
      });
    });
    if (units.length > bestVote.length) {
      bestVote = new Float64Array(units.length * 2);
      bestListWeight = new Float64Array(units.length * 2);
      bestSimilarity = new Float64Array(units.length * 2);
    }
    for (let k = 0; k < formTouchedCount; k += 1) {
      const slot = formTouched[k] as number;
      const formId = slotForm[slot] as number;
      let any = false;
      for (let at = forwardStart[formId] as number, end = forwardStart[formId + 1] as number; at < end; at += 1) {
        const id = forwardIds[at] as number;
        if (vocabularyStamp[id] !== stamp) continue;
        any = true;
        for (let entry = firstEntry[id] as number; entry >= 0; entry = entryNext[entry] as number) {
          const unitIndex = entryUnit[entry] as number;
          const resolved = units[unitIndex] as Resolved;
          const similarity = resolved.similarities[entryNeighbour[entry] as number] as number;
          const vote = similarity * (rarity[id] ?? 0) * Math.min(1, resolved.unit.weight);
          if (vote > (bestVote[unitIndex] as number)) bestVote[unitIndex] = vote;
          if ((forwardWeights[at] as number) > (bestListWeight[unitIndex] as number)) bestListWeight[unitIndex] = forwardWeights[at] as number;
          if (similarity > (bestSimilarity[unitIndex] as number)) bestSimilarity[unitIndex] = similarity;
        }
      }
      if (!any) continue;
      for (let unitIndex = 0; unitIndex < units.length; unitIndex += 1) {
        if (bestSimilarity[unitIndex] === 0) continue;
        tally(slot, units[unitIndex] as Resolved, partWeights, bestVote[unitIndex] as number, bestListWeight[unitIndex] as number, bestSimilarity[unitIndex] as number);
        bestVote[unitIndex] = 0;
        bestListWeight[unitIndex] = 0;
        bestSimilarity[unitIndex] = 0;
      }
    }
  };

  const retrieve = (queryForms: readonly NameForm[], options: RetrieveOptions = {}): Candidate[] => {
    const minCoverage = options.minCoverage ?? 0;
    const minScoreBound = options.minScoreBound ?? 0;
    for (const queryForm of queryForms) {
      formStamp += 1;
      formTouchedCount = 0;
      let queryWeight = 0;
      for (const unit of queryForm.tokens) queryWeight += unit.weight;
      const partWeights = queryForm.tokens.map((token) => token.weight);
      const singles = queryForm.tokens.map((token, position) => resolve(token, position, 1));
      // A list name must share parts worth `minCoverage` of the query's weight to be worth scoring. A part that
      // weighs that much alone walks its postings; the others bring into play only the names that share two of
      // them (through the pair index), or one of them written as a joined list part, and vote afterwards for
      // whatever is in play: the commonest parts (Kim, Mohammed, Trading) never walk their postings.
      const heavy = (resolved: Resolved): boolean => resolved.unit.weight >= minCoverage * queryWeight - COVERAGE_SLACK;
      const light = singles.filter((resolved) => !heavy(resolved));
      for (const resolved of singles) if (heavy(resolved)) voteAll(resolved, partWeights, 1);
      for (let i = 0; i < light.length; i += 1) {
        const first = light[i] as Resolved;
        for (const id of first.ids) if ((vocabulary[id] as NameToken).role === 'joined') openPostings(id);
        for (let j = i + 1; j < light.length; j += 1) {
          const second = light[j] as Resolved;
          for (const a of first.ids) {
            if ((vocabulary[a] as NameToken).role === 'joined') continue;
            for (const b of second.ids) {
              if ((vocabulary[b] as NameToken).role === 'joined') continue;
              // Both query parts could be the same list part (Son ~ Sun, Yong Yong): the names that write it twice.
              openPair(a, b);
            }
          }
        }
      }
      for (const { token, start, length } of joinedParts(queryForm, analyzeJoined)) {
        voteAll(resolve(token, start, length), partWeights, JOINED_UNIT_VOTE);
      }
      voteInPlay(light, partWeights);
      const tallied = Math.min(partWeights.length, TALLIED_POSITIONS);
      const unseen = queryForm.tokens.slice(0, tallied).map(unseenPatronymicMass);
      for (let k = 0; k < formTouchedCount; k += 1) {
        const slot = formTouched[k] as number;
        const votes = formVotes[slot] as number;
        let queryMass = 0;
        let listMass = 0;
        for (let position = 0; position < tallied; position += 1) {
          const index = slot * TALLIED_POSITIONS + position;
          const found = partQueryMass[index] as number;
          // A patronymic retrieval did not find may still pair (see `unseenPatronymicMass`).
          queryMass += found > 0 ? found : (unseen[position] as number);
          listMass += found > 0 ? (partListMass[index] as number) : (unseen[position] as number);
          partQueryMass[index] = 0;
          partListMass[index] = 0;
        }
        const bound = scoreUpperBound(queryWeight, slotFormWeight[slot] as number, queryMass, listMass);
        formVotes[slot] = 0;
        if (votes > (bestVotes[slot] as number)) bestVotes[slot] = votes;
        if (bound > (bestBound[slot] as number)) bestBound[slot] = bound;
      }
    }
    for (let slot = 1; slot <= slots.count; slot += 1) {
      if ((bestBound[slot] as number) >= minScoreBound) topForms.offer((bestVotes[slot] as number) * (slotDiscount[slot] as number), slot);
    }
    const candidates: Array<Candidate & { bounds: number[] }> = [];
    const byEntity = new Map<number, Candidate & { bounds: number[] }>();
    for (const slot of topForms.drain(slotForm)) {
      const formId = slotForm[slot] as number;
      const entityIndex = formEntity[formId];
      if (entityIndex === undefined) continue;
      const bound = bestBound[slot] as number;
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
    for (let slot = 1; slot <= slots.count; slot += 1) {
      bestVotes[slot] = 0;
      bestBound[slot] = 0;
    }
    slots.clear();
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
