import { joinedParts } from '../normalize/joined-parts';
import type { NameForm } from '../normalize/name-forms';
import type { JoinedTokenAnalyzer, NameToken } from '../normalize/name-tokens';
import { BOUND_MARGIN, FULLER_QUERY_MIN_SIMILARITY, isInitialsQuery, mayBeFullerQuery, scoreUpperBound, unseenInitialListMass, unseenInitialMass, unseenPatronymicMass } from '../score/name-score-bound';
import type { NameIndex } from './build-name-index';
import { PartNeighbourFinder, type PartNeighbours } from './part-neighbours';
import { RetrievalScratch, TALLIED_POSITIONS } from './retrieval-scratch';

/**
 * Candidate retrieval (the recall stage), per query, over a `NameIndex`. Each query part is resolved to the
 * vocabulary parts it could be (`part-neighbours.ts`). List names come into play through the postings of a part
 * that can make a match alone, through the pair index (names holding two of the query's parts) when it takes two,
 * or through joined parts; the query parts then vote for the names in play, weighted by rarity, and an upper bound
 * of each name's score (`scoreUpperBound`) drops those that cannot reach the threshold. No query ever scans all
 * names, and the commonest parts (Kim, Mohammed) never walk their postings.
 */

/** Over-fetch so the precise scorer sees every plausible name: the best-voted list names kept per query. */
export const CANDIDATE_FORMS_PER_QUERY = 120;

/** At most this many distinct entities go to the scorer per query (bounds the scoring stage). */
export const CANDIDATE_ENTITIES_PER_QUERY = 60;

/** Of one entity's names, only its best-voted ones are scored (a UN entry may carry twenty aliases). */
export const CANDIDATE_FORMS_PER_ENTITY = 4;

/** Votes through joined query parts (two or three written as one) count half, since the single parts already voted. */
const JOINED_UNIT_VOTE = 0.5;

/** Slack on the weight a query part needs to open names alone, for float rounding. */
const COVERAGE_SLACK = 1e-9;

export interface Candidate {
  entityIndex: number;
  /** Ids (into `forms`) of the entity's names to score, best bound first, at most `CANDIDATE_FORMS_PER_ENTITY`. */
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
  /**
   * Only entities this admits are candidates (a screening against some datasets only): applied before the best-voted
   * names are kept, so the others never take their places. Default: every entity.
   */
  admits?: (entityIndex: number) => boolean;
}

/** One query part resolved against the vocabulary. */
interface Resolved extends PartNeighbours {
  unit: NameToken;
  /** The query parts it stands for: `length` parts from `start` (one, or the two or three of a joined part). */
  start: number;
  length: number;
}

/**
 * Retrieves candidates from one index, one query at a time. Holds its scratch state and a cache of query parts'
 * neighbours, so it is not for concurrent use (a matcher owns one; `match()` is synchronous).
 */
export class CandidateRetriever {
  private readonly scratch: RetrievalScratch;
  private readonly neighbours: PartNeighbourFinder;

  constructor(
    private readonly index: NameIndex,
    private readonly analyzeJoined: JoinedTokenAnalyzer,
  ) {
    this.scratch = new RetrievalScratch(index.forms.length, index.vocabulary.length, CANDIDATE_FORMS_PER_QUERY);
    this.neighbours = new PartNeighbourFinder(index);
  }

  /**
   * The candidates worth scoring for these query forms, best-voted entity first, at most
   * `CANDIDATE_ENTITIES_PER_QUERY`. A list name whose name score against some query form can reach a target is
   * among them whenever `options` are `retrievalLimitsFor(target)` and it is among the best-voted names.
   * Deterministic; leaves no state behind that changes a later answer.
   */
  retrieve(queryForms: readonly NameForm[], options: RetrieveOptions = {}): Candidate[] {
    const minCoverage = options.minCoverage ?? 0;
    const minScoreBound = options.minScoreBound ?? 0;
    const admits = options.admits;
    const { vocabulary, formEntity } = this.index;
    const scratch = this.scratch;
    const { slots, bestVotes, bestBound, slotDiscount, topForms } = scratch;
    const slotForm = slots.keyOfSlot;
    for (const queryForm of queryForms) {
      scratch.beginForm();
      let queryWeight = 0;
      for (const unit of queryForm.tokens) queryWeight += unit.weight;
      const partWeights = queryForm.tokens.map((token) => token.weight);
      const singles = queryForm.tokens.map((token, position) => this.resolve(token, position, 1));
      // A list name must share parts worth `minCoverage` of the query's weight to be worth scoring. A part that
      // weighs that much alone walks its postings; the others bring into play only the names that share two of
      // them (through the pair index), or one of them written as a joined list part, and vote afterwards for
      // whatever is in play: the commonest parts (Kim, Mohammed, Trading) never walk their postings.
      // Initials find nothing (they pair with any name of their letter, see `unseenInitialMass`): the parts found
      // need only the coverage the initials do not already give.
      let initialWeight = 0;
      for (const unit of queryForm.tokens) if (unit.role === 'initial') initialWeight += unit.weight;
      const heavy = (resolved: Resolved): boolean => resolved.unit.weight >= minCoverage * queryWeight - initialWeight - COVERAGE_SLACK;
      const light = singles.filter((resolved) => !heavy(resolved));
      for (const resolved of singles) if (heavy(resolved)) this.voteAll(resolved, partWeights, 1);
      for (let i = 0; i < light.length; i += 1) {
        const first = light[i] as Resolved;
        for (const id of first.ids) if ((vocabulary[id] as NameToken).role === 'joined') this.openPostings(id);
        for (let j = i + 1; j < light.length; j += 1) this.openPairs(first, light[j] as Resolved);
      }
      for (const { token, start, length } of joinedParts(queryForm, this.analyzeJoined)) {
        this.voteAll(this.resolve(token, start, length), partWeights, JOINED_UNIT_VOTE);
      }
      this.voteInPlay(light, partWeights);
      this.boundFormsInPlay(queryForm, queryWeight, partWeights.length);
    }
    for (let slot = 1; slot <= slots.count; slot += 1) {
      if ((bestBound[slot] as number) < minScoreBound) continue;
      if (admits && !admits(formEntity[slotForm[slot] as number] as number)) continue;
      topForms.offer((bestVotes[slot] as number) * (slotDiscount[slot] as number), slot);
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
    scratch.clear();
    // Within an entity, the names that could score highest first (an acronym beats a long name sharing a word).
    for (const candidate of candidates) {
      if (candidate.formIds.length <= 1) continue;
      const order = candidate.formIds.map((_, position) => position);
      order.sort((a, b) => (candidate.bounds[b] ?? 0) - (candidate.bounds[a] ?? 0) || a - b);
      candidate.formIds = order.slice(0, CANDIDATE_FORMS_PER_ENTITY).map((position) => candidate.formIds[position] as number);
    }
    return candidates.map(({ entityIndex, formIds, scoreBound }) => ({ entityIndex, formIds, scoreBound }));
  }

  private resolve(unit: NameToken, start: number, length: number): Resolved {
    const { ids, similarities, postingCount } = this.neighbours.neighboursOf(unit);
    return { unit, start, length, ids, similarities, postingCount };
  }

  /** Brings every list name holding vocabulary part `id` into play. */
  private openPostings(id: number): void {
    const list = this.index.postings[id] as Int32Array;
    const listFormWeights = this.index.postingFormWeights[id] as Float32Array;
    const discounts = this.index.postingDiscounts[id] as Float32Array;
    const scratch = this.scratch;
    for (let k = 0; k < list.length; k += 1) scratch.open(list[k] as number, listFormWeights[k] as number, discounts[k] as number);
  }

  /**
   * Brings into play every list name holding a single part each of two query parts could be (the same part twice
   * if both could be it: Son ~ Sun, Yong Yong are the names that write it twice), through the pair index.
   */
  private openPairs(first: Resolved, second: Resolved): void {
    const { vocabulary, pairStart, pairOther, pairForm, formWeight, lengthDiscount } = this.index;
    const scratch = this.scratch;
    for (const a of first.ids) {
      if ((vocabulary[a] as NameToken).role === 'joined') continue;
      for (const b of second.ids) {
        if ((vocabulary[b] as NameToken).role === 'joined') continue;
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
          scratch.open(formId, formWeight[formId] as number, lengthDiscount[formId] as number);
        }
      }
    }
  }

  /** One query part votes for every list name holding a part it could be, bringing each into play. */
  private voteAll(resolved: Resolved, partWeights: readonly number[], factor: number): void {
    const { postings, postingWeights, postingFormWeights, postingDiscounts, rarity } = this.index;
    const scratch = this.scratch;
    const { unitVote, unitListWeight, unitSimilarity, unitTouched } = scratch;
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
        const slot = scratch.open(list[k] as number, listFormWeights[k] as number, discounts[k] as number);
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
      scratch.tally(slot, resolved, partWeights, unitVote[slot] as number, unitListWeight[slot] as number, unitSimilarity[slot] as number);
      unitVote[slot] = 0;
      unitListWeight[slot] = 0;
      unitSimilarity[slot] = 0;
    }
  }

  /**
   * The votes of query parts that did not walk their postings, for the list names in play: each name's parts are
   * looked up among the parts those query parts could be.
   */
  private voteInPlay(units: readonly Resolved[], partWeights: readonly number[]): void {
    if (units.length === 0) return;
    const { forwardStart, forwardIds, forwardWeights, rarity } = this.index;
    const scratch = this.scratch;
    const stamp = (scratch.stamp += 1);
    scratch.reserve(
      units.reduce((sum, { ids }) => sum + ids.length, 0),
      units.length,
    );
    const { vocabularyStamp, firstEntry, entryUnit, entryNeighbour, entryNext, bestVote, bestListWeight, bestSimilarity } = scratch;
    const { formTouched, formTouchedCount } = scratch;
    const slotForm = scratch.slots.keyOfSlot;
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
        scratch.tally(slot, units[unitIndex] as Resolved, partWeights, bestVote[unitIndex] as number, bestListWeight[unitIndex] as number, bestSimilarity[unitIndex] as number);
        bestVote[unitIndex] = 0;
        bestListWeight[unitIndex] = 0;
        bestSimilarity[unitIndex] = 0;
      }
    }
  }

  /**
   * Closes the tallies of one query form: each name in play gets its score bound against this form, and keeps its
   * best votes and bound over the query's forms.
   */
  private boundFormsInPlay(queryForm: NameForm, queryWeight: number, partCount: number): void {
    const { formTouched, formTouchedCount, formVotes, partQueryMass, partListMass, slotFormWeight, bestVotes, bestBound } = this.scratch;
    const slotForm = this.scratch.slots.keyOfSlot;
    const { formNamedWeight } = this.index;
    const fullerMinSimilarity = FULLER_QUERY_MIN_SIMILARITY;
    const tallied = Math.min(partCount, TALLIED_POSITIONS);
    const fullerPossible = mayBeFullerQuery(partCount);
    const initialsQuery = isInitialsQuery(queryForm.tokens);
    const counted = queryForm.tokens.slice(0, tallied);
    const unseen = counted.map((token) => unseenPatronymicMass(token) + unseenInitialMass(token));
    const unseenList = counted.map((token) => unseenPatronymicMass(token) + unseenInitialListMass(token));
    for (let k = 0; k < formTouchedCount; k += 1) {
      const slot = formTouched[k] as number;
      const votes = formVotes[slot] as number;
      let queryMass = 0;
      let listMass = 0;
      for (let position = 0; position < tallied; position += 1) {
        const index = slot * TALLIED_POSITIONS + position;
        const found = partQueryMass[index] as number;
        // A patronymic or an initial retrieval did not find may still pair (see `unseenPatronymicMass`).
        queryMass += found > 0 ? found : (unseen[position] as number);
        listMass += found > 0 ? (partListMass[index] as number) : (unseenList[position] as number);
        partQueryMass[index] = 0;
        partListMass[index] = 0;
      }
      // A fuller query holds every name part of the list name at FULLER_QUERY_MIN_SIMILARITY or better: a name whose
      // found list mass falls short of that cannot be one, and its extra query parts cost the ordinary price.
      const fuller =
        fullerPossible && listMass >= fullerMinSimilarity * (formNamedWeight[slotForm[slot] as number] as number) - BOUND_MARGIN;
      const bound = scoreUpperBound(queryWeight, slotFormWeight[slot] as number, queryMass, listMass, fuller, initialsQuery);
      formVotes[slot] = 0;
      if (votes > (bestVotes[slot] as number)) bestVotes[slot] = votes;
      if (bound > (bestBound[slot] as number)) bestBound[slot] = bound;
    }
  }
}
