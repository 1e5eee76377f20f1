import type { CanonicalEntity, EntityName } from '../../model/entity';
import { joinedParts } from '../normalize/joined-parts';
import { nameForms, normalizeHandle, type NameForm } from '../normalize/name-forms';
import type { JoinedTokenAnalyzer, NameToken, TokenAnalyzer } from '../normalize/name-tokens';
import { groupByKey, pushToGroup } from './collections';
import { NAME_PART_WEIGHT } from '../score/score-name-pair';
import { crossScriptFilingKeys, deletionKeys, patronymicKeys, vocabularyKey } from './index-keys';

/**
 * The index candidate retrieval runs on, built once per entity set and never changed: every comparable form of every
 * list name, a vocabulary of the distinct name parts with the keys a query part looks them up by (skeleton, Korean
 * class, one-deletion typo keys, patronymic keys), each part's postings (the forms holding it), a forward index
 * (each form's parts) and a pair index (the forms holding two given parts). Identifier names go to an exact handle
 * table instead. How a query walks it is `retrieve-candidates.ts`.
 */

/** A part on more postings than this share of all list names identifies nothing and casts no vote. */
export const MAX_POSTINGS_SHARE = 0.25;

/** Below this many list names, a part is never too common to vote (a tiny list has no common parts). */
const MIN_MAX_POSTINGS = 50;

/** Among equally voted names, shorter ones first: each extra part costs this share of the votes. */
const EXTRA_PART_VOTE_DISCOUNT = 0.03;

export interface IndexedForm {
  entityIndex: number;
  /** Index into the entity's `names`. */
  nameIndex: number;
  form: NameForm;
}

export interface NameIndex {
  readonly entities: readonly CanonicalEntity[];
  /** Every comparable form of every list name (a name can have several readings); a form's id is its position. */
  readonly forms: readonly IndexedForm[];
  /** Entity index of each form. */
  readonly formEntity: Int32Array;
  /** Summed part weight of each form. */
  readonly formWeight: Float32Array;
  /** Summed weight of each form's name parts (particles and stopwords left out): what a fuller query must hold. */
  readonly formNamedWeight: Float32Array;
  /** Vote factor of each form: 1 for one part, a little less for each part beyond (`EXTRA_PART_VOTE_DISCOUNT`). */
  readonly lengthDiscount: Float32Array;
  /** Normalized handle (identifier names) → entity indices. */
  readonly handles: ReadonlyMap<string, readonly number[]>;

  /** The distinct name parts, single and joined; a part's vocabulary id is its position. */
  readonly vocabulary: readonly NameToken[];
  /** `vocabularyKey` of a part → its vocabulary id. */
  readonly vocabularyIds: ReadonlyMap<string, number>;
  /** Phonetic skeleton (plain and French reading) → vocabulary ids. */
  readonly bySkeleton: ReadonlyMap<string, readonly number[]>;
  /** Korean class key → vocabulary ids. */
  readonly byKorean: ReadonlyMap<string, readonly number[]>;
  /** One-deletion typo key of a single part → vocabulary ids (see `deletionKeys`). */
  readonly byDeletion: ReadonlyMap<string, readonly number[]>;
  /** Patronymic loose key → vocabulary ids (see `patronymicKeys`). */
  readonly byPatronymic: ReadonlyMap<string, readonly number[]>;
  /** Given-name class (see `given-name-variants.ts`) → vocabulary ids: Ted finds Theodore. */
  readonly byNickname: ReadonlyMap<number, readonly number[]>;
  /** Cross-script filing key (see `crossScriptFilingKeys`) → vocabulary ids: محمد finds Mohammed, and back. */
  readonly byCrossScript: ReadonlyMap<string, readonly number[]>;

  /** Per vocabulary id: the ids of the forms holding it, ascending. */
  readonly postings: readonly Int32Array[];
  /** Per posting: the weight of the list part behind it (a joined part weighs its parts). */
  readonly postingWeights: readonly Float32Array[];
  /** Per posting: its form's weight and vote factor, next to the posting so a vote reads them in sequence. */
  readonly postingFormWeights: readonly Float32Array[];
  readonly postingDiscounts: readonly Float32Array[];
  /** Per vocabulary id: how much finding it says, log(1 + forms / postings). */
  readonly rarity: Float64Array;
  /** Parts on more postings than this cast no vote. */
  readonly maxPostings: number;

  /** Forward index: the parts of form f are `forwardIds[forwardStart[f]]` … `[forwardStart[f + 1] - 1]`, with weights. */
  readonly forwardStart: Int32Array;
  readonly forwardIds: Int32Array;
  readonly forwardWeights: Float32Array;

  /**
   * Pair index: for every two voting single parts a ≤ b of a form, the form, kept under a sorted by b, then by form:
   * `pairOther[k]` (b) and `pairForm[k]` for k from `pairStart[a]` to `pairStart[a + 1] - 1`.
   */
  readonly pairStart: Int32Array;
  readonly pairOther: Int32Array;
  readonly pairForm: Int32Array;
}

/**
 * An acronym name: one the list calls so, or an organization's one word of two to five capitals (the UN gives IMU,
 * AQIM, M23 as plain aliases). It only ever matches itself: "Lim Woo" is not IMU read as a Korean name.
 */
function isAcronymName(entity: CanonicalEntity, name: EntityName): boolean {
  return name.kind === 'acronym' || (entity.type !== 'person' && /^[A-Z][A-Z0-9]{1,4}$/.test(name.name.trim()));
}

// A build in steps pauses after this many entities, list name forms or vocabulary parts (each step some tens of ms
// for the UN list on a slow core), so a caller can let requests through.
const ENTITIES_PER_STEP = 100;
const FORMS_PER_STEP = 400;
const TOKENS_PER_STEP = 2000;

/**
 * Builds the index over every name of every entity (identifier names go to the exact handle table). Pure: reads
 * only its arguments, never mutates the entities. Cost grows linearly with the number of names.
 */
export function buildNameIndex(
  entities: readonly CanonicalEntity[],
  analyzers: { analyze: TokenAnalyzer; analyzeJoined: JoinedTokenAnalyzer },
): NameIndex {
  return runToEnd(nameIndexSteps(entities, analyzers));
}

/** Runs a stepwise build to its end at once. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same build as `buildNameIndex`, in steps: it yields after every few entities and between phases, so that an
 * asynchronous caller can yield to the event loop between steps (see `createMatcherInSteps`).
 */
export function* nameIndexSteps(
  entities: readonly CanonicalEntity[],
  analyzers: { analyze: TokenAnalyzer; analyzeJoined: JoinedTokenAnalyzer },
  options: { allPartsVote?: boolean } = {},
): Generator<void, NameIndex> {
  const { analyze, analyzeJoined } = analyzers;
  const forms: IndexedForm[] = [];
  const handles = new Map<string, number[]>();
  for (let entityIndex = 0; entityIndex < entities.length; entityIndex += 1) {
    if (entityIndex % ENTITIES_PER_STEP === ENTITIES_PER_STEP - 1) yield;
    const entity = entities[entityIndex] as CanonicalEntity;
    entity.names.forEach((name, nameIndex) => {
      if (name.kind === 'identifier') {
        const handle = normalizeHandle(name.name);
        if (handle) pushToGroup(handles, handle, entityIndex);
        return;
      }
      for (const form of nameForms(name.name, { entityType: entity.type, acronym: isAcronymName(entity, name), analyze, crossScript: false })) {
        forms.push({ entityIndex, nameIndex, form });
      }
    });
  }
  yield;

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
  for (let formId = 0; formId < forms.length; formId += 1) {
    if (formId % FORMS_PER_STEP === FORMS_PER_STEP - 1) yield;
    const { form } = forms[formId] as IndexedForm;
    for (const token of form.tokens) addPosting(token, formId);
    for (const { token } of joinedParts(form, analyzeJoined)) addPosting(token, formId);
  }
  yield;

  const bySkeleton = new Map<string, number[]>();
  const byKorean = new Map<string, number[]>();
  const byDeletion = new Map<string, number[]>();
  const byPatronymic = new Map<string, number[]>();
  const byNickname = new Map<number, number[]>();
  const byCrossScript = new Map<string, number[]>();
  for (let id = 0; id < vocabulary.length; id += 1) {
    if (id % TOKENS_PER_STEP === TOKENS_PER_STEP - 1) yield;
    const token = vocabulary[id] as NameToken;
    for (const key of crossScriptFilingKeys(token)) pushToGroup(byCrossScript, key, id);
    for (const nickname of token.nicknames) pushToGroup(byNickname, nickname, id);
    for (const key of patronymicKeys(token)) pushToGroup(byPatronymic, key, id);
    pushToGroup(bySkeleton, token.skeleton, id);
    if (token.frenchSkeleton !== null) pushToGroup(bySkeleton, token.frenchSkeleton, id);
    if (token.korean !== null) pushToGroup(byKorean, token.korean, id);
    // Typo keys for single parts only: a joined part never pairs as a typo (see `compareParts`), and its long text
    // would add a key per letter for nothing.
    if (token.role !== 'acronym' && token.role !== 'joined') for (const key of deletionKeys(token)) pushToGroup(byDeletion, key, id);
  }
  yield;
  const postings = postingLists.map((list) => Int32Array.from(list));
  const postingWeights = postingWeightLists.map((list) => Float32Array.from(list));
  const formCount = Math.max(1, forms.length);
  const rarity = Float64Array.from(postings, (list) => Math.log(1 + formCount / Math.max(1, list.length)));
  const maxPostings = options.allPartsVote ? formCount : Math.max(MIN_MAX_POSTINGS, Math.floor(formCount * MAX_POSTINGS_SHARE));

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
  yield;
  const pairs = groupByKey(vocabulary.length, pairLow);
  const pairStart = pairs.start;
  for (let id = 0; id < vocabulary.length; id += 1) {
    const segment = pairs.order.subarray(pairStart[id] as number, pairStart[id + 1] as number);
    segment.sort((x, y) => (pairHigh[x] as number) - (pairHigh[y] as number) || (pairName[x] as number) - (pairName[y] as number));
  }

  const formWeight = Float32Array.from(forms, ({ form }) => form.tokens.reduce((sum, token) => sum + token.weight, 0));
  const formNamedWeight = Float32Array.from(forms, ({ form }) =>
    form.tokens.reduce((sum, token) => sum + (token.weight >= NAME_PART_WEIGHT ? token.weight : 0), 0),
  );
  const lengthDiscount = Float32Array.from(forms, ({ form }) => 1 / (1 + EXTRA_PART_VOTE_DISCOUNT * (form.tokens.length - 1)));
  return {
    entities,
    forms,
    formEntity: Int32Array.from(forms, ({ entityIndex }) => entityIndex),
    formWeight,
    formNamedWeight,
    lengthDiscount,
    handles,
    vocabulary,
    vocabularyIds,
    bySkeleton,
    byKorean,
    byDeletion,
    byPatronymic,
    byNickname,
    byCrossScript,
    postings,
    postingWeights,
    postingFormWeights: postings.map((list) => Float32Array.from(list, (formId) => formWeight[formId] ?? 0)),
    postingDiscounts: postings.map((list) => Float32Array.from(list, (formId) => lengthDiscount[formId] ?? 0)),
    rarity,
    maxPostings,
    forwardStart: forward.start,
    forwardIds,
    forwardWeights,
    pairStart,
    pairOther: Int32Array.from(pairs.order, (entry) => pairHigh[entry] as number),
    pairForm: Int32Array.from(pairs.order, (entry) => pairName[entry] as number),
  };
}
