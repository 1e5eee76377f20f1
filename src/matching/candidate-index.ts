import type { CanonicalEntity } from '../model/entity';
import { compareParts, MIN_PART_SIMILARITY } from './compare-name-parts';
import { joinedParts } from './align-name-parts';
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

/** Votes through a joined pair of query parts count half, since the single parts already voted. */
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
   * Share of the query's name weight that found a similar part in one of these names (0–1). An over-estimate of
   * what the scorer will find, so a scorer may skip candidates that cannot reach its threshold even so.
   */
  queryCoverage: number;
}

export interface CandidateIndex {
  readonly entities: readonly CanonicalEntity[];
  readonly forms: readonly IndexedForm[];
  /** Form ids of each entity. */
  readonly formsByEntity: readonly (readonly number[])[];
  /** Normalized handle (identifier names) → entity indices. */
  readonly handles: ReadonlyMap<string, readonly number[]>;
  readonly vocabularySize: number;
  /** The candidates worth scoring for these query forms, most promising entity first. */
  retrieve(queryForms: readonly NameForm[]): Candidate[];
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
  const addPosting = (token: NameToken, formId: number): void => {
    const key = vocabularyKey(token);
    let id = vocabularyIds.get(key);
    if (id === undefined) {
      id = vocabulary.length;
      vocabularyIds.set(key, id);
      vocabulary.push(token);
      postingLists.push([]);
    }
    const postings = postingLists[id] as number[];
    if (postings[postings.length - 1] !== formId) postings.push(formId);
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
    if (token.korean !== null) pushTo(byKorean, token.korean, id);
    if (token.role !== 'acronym') for (const key of deletionKeys(token)) pushTo(byDeletion, key, id);
  });
  const postings = postingLists.map((list) => Int32Array.from(list));
  const formCount = Math.max(1, forms.length);
  const rarity = Float64Array.from(postings, (list) => Math.log(1 + formCount / Math.max(1, list.length)));
  const maxPostings = Math.max(50, Math.floor(formCount * MAX_POSTINGS_SHARE));

  // Scratch space reused by every query (match() is synchronous, so one query runs at a time).
  const unitBest = new Float64Array(forms.length);
  const unitTouched = new Int32Array(forms.length);
  const formVotes = new Float64Array(forms.length);
  const formTouched = new Int32Array(forms.length);
  const bestVotes = new Float64Array(forms.length);
  const bestTouched = new Int32Array(forms.length);
  const unitCover = new Float64Array(forms.length);
  const formCover = new Float64Array(forms.length);
  const bestCover = new Float64Array(forms.length);
  const vocabularyStamp = new Int32Array(vocabulary.length);
  let stamp = 0;
  const topForms = new TopK(CANDIDATE_FORMS_PER_QUERY);

  const voteForUnit = (unit: NameToken, factor: number, state: { formTouchedCount: number }): void => {
    stamp += 1;
    let touched = 0;
    const consider = (id: number): void => {
      if (vocabularyStamp[id] === stamp) return;
      vocabularyStamp[id] = stamp;
      const list = postings[id];
      const candidate = vocabulary[id];
      if (!list || !candidate || list.length > maxPostings) return;
      (globalThis as any).__cmp = ((globalThis as any).__cmp ?? 0) + 1; (globalThis as any).__post = ((globalThis as any).__post ?? 0) + list.length;
      const similarity = compareParts(unit, candidate).similarity;
      if (similarity < MIN_PART_SIMILARITY) return;
      const vote = similarity * (rarity[id] ?? 0) * Math.min(1, unit.weight) * factor;
      const cover = similarity * unit.weight;
      for (let k = 0; k < list.length; k += 1) {
        const formId = list[k] as number;
        const current = unitBest[formId] ?? 0;
        if (current === 0) unitTouched[touched++] = formId;
        if (vote > current) unitBest[formId] = vote;
        if (cover > (unitCover[formId] ?? 0)) unitCover[formId] = cover;
      }
    };
    const exact = vocabularyIds.get(vocabularyKey(unit));
    if (exact !== undefined) consider(exact);
    for (const id of bySkeleton.get(unit.skeleton) ?? []) consider(id);
    if (unit.korean !== null) for (const id of byKorean.get(unit.korean) ?? []) consider(id);
    // Typo neighbours only for a part the vocabulary does not know under any spelling: a known part is most likely
    // spelt right, and its neighbours (Yong → Song, Kong, Yang) would flood the vote.
    if (touched === 0 && unit.role !== 'acronym' && unit.role !== 'joined') {
      for (const key of deletionKeys(unit)) for (const id of byDeletion.get(key) ?? []) consider(id);
    }
    for (let k = 0; k < touched; k += 1) {
      const formId = unitTouched[k] as number;
      if ((formVotes[formId] ?? 0) === 0) formTouched[state.formTouchedCount++] = formId;
      formVotes[formId] = (formVotes[formId] ?? 0) + (unitBest[formId] ?? 0);
      formCover[formId] = (formCover[formId] ?? 0) + (unitCover[formId] ?? 0);
      unitBest[formId] = 0;
      unitCover[formId] = 0;
    }
  };

  const retrieve = (queryForms: readonly NameForm[]): Candidate[] => {
    let bestCount = 0;
    for (const queryForm of queryForms) {
      const state = { formTouchedCount: 0 };
      let queryWeight = 0;
      for (const unit of queryForm.tokens) {
        queryWeight += unit.weight;
        voteForUnit(unit, 1, state);
      }
      for (const unit of joinedParts(queryForm, analyzeJoined)) voteForUnit(unit, JOINED_UNIT_VOTE, state);
      for (let k = 0; k < state.formTouchedCount; k += 1) {
        const formId = formTouched[k] as number;
        const votes = formVotes[formId] ?? 0;
        const cover = Math.min(1, (formCover[formId] ?? 0) / Math.max(queryWeight, Number.EPSILON));
        formVotes[formId] = 0;
        formCover[formId] = 0;
        const current = bestVotes[formId] ?? 0;
        if (current === 0) bestTouched[bestCount++] = formId;
        if (votes > current) bestVotes[formId] = votes;
        if (cover > (bestCover[formId] ?? 0)) bestCover[formId] = cover;
      }
    }
    for (let k = 0; k < bestCount; k += 1) {
      const formId = bestTouched[k] as number;
      const parts = forms[formId]?.form.tokens.length ?? 1;
      (globalThis as any).__offer = ((globalThis as any).__offer ?? 0) + 1;
      topForms.offer((bestVotes[formId] ?? 0) / (1 + EXTRA_PART_VOTE_DISCOUNT * (parts - 1)), formId);
      bestVotes[formId] = 0;
    }
    const candidates: Array<Candidate & { covers: number[] }> = [];
    const byEntity = new Map<number, Candidate & { covers: number[] }>();
    for (const formId of topForms.drain()) {
      const entityIndex = forms[formId]?.entityIndex;
      if (entityIndex === undefined) continue;
      const cover = bestCover[formId] ?? 0;
      const known = byEntity.get(entityIndex);
      if (known) {
        known.formIds.push(formId);
        known.covers.push(cover);
        if (cover > known.queryCoverage) known.queryCoverage = cover;
        continue;
      }
      if (candidates.length >= CANDIDATE_ENTITIES_PER_QUERY) continue;
      const candidate = { entityIndex, formIds: [formId], covers: [cover], queryCoverage: cover };
      byEntity.set(entityIndex, candidate);
      candidates.push(candidate);
    }
    // Within an entity, the names that cover most of the query first (an acronym beats a long name sharing a word).
    for (const candidate of candidates) {
      if (candidate.formIds.length <= 1) continue;
      const order = candidate.formIds.map((_, position) => position);
      order.sort((a, b) => (candidate.covers[b] ?? 0) - (candidate.covers[a] ?? 0) || a - b);
      candidate.formIds = order.slice(0, CANDIDATE_FORMS_PER_ENTITY).map((position) => candidate.formIds[position] as number);
    }
    for (let k = 0; k < bestCount; k += 1) bestCover[bestTouched[k] as number] = 0;
    return candidates.map(({ entityIndex, formIds, queryCoverage }) => ({ entityIndex, formIds, queryCoverage }));
  };

  return { entities, forms, formsByEntity, handles, vocabularySize: vocabulary.length, retrieve };
}
