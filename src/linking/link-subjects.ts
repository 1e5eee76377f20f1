import type { CanonicalEntity } from '../model/entity';
import { compareDatasets, findLinkCandidates } from './find-link-candidates';
import { LINK_RULES, type RefusedLinks, type SubjectLink, type SubjectLinks } from './subject-links';

/** The UN dataset: two of its entries are never one subject, and a subject with a UN entry takes that entry's id. */
const UN_DATASET = 'un';

function byRuleThenIds(a: SubjectLink, b: SubjectLink): number {
  const rule = LINK_RULES.indexOf(a.rule) - LINK_RULES.indexOf(b.rule);
  if (rule !== 0) return rule;
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  return a.to < b.to ? -1 : a.to > b.to ? 1 : 0;
}

/**
 * Refuses the candidates of an entry that matches two or more entries of one other dataset: all of them, or, when
 * some are stated references, the others (a list's own reference outweighs a name). An entry may link to several
 * entries of one dataset only when each of them is a stated reference.
 */
function refuseAmbiguous(
  candidates: readonly SubjectLink[],
  datasetOf: ReadonlyMap<string, string>,
): { kept: SubjectLink[]; refused: RefusedLinks[] } {
  const byEnd = new Map<string, SubjectLink[]>();
  const add = (end: string, other: string, link: SubjectLink): void => {
    const key = `${end}\u0000${datasetOf.get(other) ?? ''}`;
    const links = byEnd.get(key);
    if (links === undefined) byEnd.set(key, [link]);
    else links.push(link);
  };
  for (const link of candidates) {
    add(link.from, link.to, link);
    add(link.to, link.from, link);
  }
  const dropped = new Set<SubjectLink>();
  const refused: RefusedLinks[] = [];
  for (const key of [...byEnd.keys()].sort()) {
    const links = byEnd.get(key) ?? [];
    if (links.length < 2) continue;
    const [end = '', dataset = ''] = key.split('\u0000');
    const stated = links.filter((link) => link.rule === 'stated-cross-reference');
    if (stated.length === links.length) continue;
    const refusedHere = (stated.length > 0 ? links.filter((link) => link.rule !== 'stated-cross-reference') : links).sort(byRuleThenIds);
    for (const link of refusedHere) dropped.add(link);
    const others = links.map((link) => (link.from === end ? link.to : link.from)).sort();
    const outcome =
      stated.length > 0
        ? `kept the stated reference${stated.length > 1 ? 's' : ''} to ${stated.map((link) => (link.from === end ? link.to : link.from)).join(', ')}, refused the rest`
        : 'none linked';
    refused.push({
      reason: 'ambiguous',
      links: refusedHere,
      detail: `${end} matches ${others.length} entries of ${dataset} (${others.join(', ')}); ${outcome}`,
    });
  }
  return { kept: candidates.filter((link) => !dropped.has(link)), refused };
}

/** Components of the links, strongest links first, never joining two entries of one dataset (see `linkSubjects`). */
class Components {
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, string[]>();

  constructor(private readonly datasetOf: ReadonlyMap<string, string>) {}

  find(id: string): string {
    let root = id;
    for (let next = this.parent.get(root); next !== undefined && next !== root; next = this.parent.get(root)) root = next;
    // Path compression: every entry on the way points at the root.
    for (let node = id; node !== root; ) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  membersOf(root: string): readonly string[] {
    return this.members.get(root) ?? [root];
  }

  /** Entries of one dataset that would be in one subject if `a` and `b` were joined. */
  clashes(a: string, b: string): Array<[string, string]> {
    const datasetsA = new Map<string, string>();
    for (const id of this.membersOf(this.find(a))) datasetsA.set(this.datasetOf.get(id) ?? '', id);
    const clashes: Array<[string, string]> = [];
    for (const id of this.membersOf(this.find(b))) {
      const other = datasetsA.get(this.datasetOf.get(id) ?? '');
      if (other !== undefined) clashes.push([other, id]);
    }
    return clashes;
  }

  join(a: string, b: string): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.membersOf(rootA).length < this.membersOf(rootB).length) [rootA, rootB] = [rootB, rootA];
    this.parent.set(rootB, rootA);
    this.members.set(rootA, [...this.membersOf(rootA), ...this.membersOf(rootB)]);
    this.members.delete(rootB);
  }

  roots(): string[] {
    return [...this.members.keys()];
  }
}

/** The earliest date any listing of the entry was listed on, or null when none says. */
function firstListedOn(entity: CanonicalEntity): string | null {
  let first: string | null = null;
  for (const listing of entity.listings) {
    if (listing.listedOn !== null && (first === null || listing.listedOn < first)) first = listing.listedOn;
  }
  return first;
}

/** The order of a subject's members: the UN entry, then earliest listed (undated last), dataset order, id. */
function compareMembers(a: CanonicalEntity, b: CanonicalEntity): number {
  if ((a.dataset === UN_DATASET) !== (b.dataset === UN_DATASET)) return a.dataset === UN_DATASET ? -1 : 1;
  const dateA = firstListedOn(a);
  const dateB = firstListedOn(b);
  if (dateA !== dateB) {
    if (dateA === null) return 1;
    if (dateB === null) return -1;
    return dateA < dateB ? -1 : 1;
  }
  return compareDatasets(a.dataset, b.dataset) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Links the entries of several sanctions lists that are one real-world subject, by these rules in this order:
 * 1. `stated-cross-reference`: an entry names another list's reference (UK "(UN Ref):KPi.063" → `un-KPi.063`);
 * 2. `shared-identifier`: the same IMO number (vessels), passport or national id (persons with persons, others with
 *    others), issued by the same country where both say, and for persons no contradicting full dates of birth;
 * 3. `name-and-birth-date` (persons): a name equal after normalization, a date of birth that agrees, and no
 *    contradicting nationality or gender;
 * 4. `name-and-qualifiers` (organizations, vessels, aircraft): a name equal once legal forms are set aside, legal
 *    forms that do not contradict, a compatible type and a shared country (and so none contradicting).
 *
 * Promises: only entries of different datasets are linked, never on a name alone; an entry that matches two entries
 * of one other dataset is linked to neither (unless each is a stated reference) and reported in `refused`; a subject
 * never holds two UN entries, nor two entries of another dataset unless stated references put them there: the
 * weaker link that would join them is reported instead. The subject id is the UN member's id, otherwise the member
 * listed earliest (undated last; ties by dataset order un, uk-sanctions, ofac-sdn, investigation, then id).
 * Pure, deterministic, no I/O; candidates are found by blocking on keys, never by comparing all pairs.
 * Throws when two entries share an id.
 */
export function linkSubjects(entities: readonly CanonicalEntity[]): SubjectLinks {
  const byId = new Map<string, CanonicalEntity>();
  for (const entity of entities) {
    if (byId.has(entity.id)) throw new Error(`entity id "${entity.id}" is given twice`);
    byId.set(entity.id, entity);
  }
  const datasetOf = new Map(entities.map((entity) => [entity.id, entity.dataset] as const));

  const { candidates, unresolvedReferences } = findLinkCandidates(entities);
  const { kept, refused } = refuseAmbiguous(candidates, datasetOf);

  const components = new Components(datasetOf);
  const links: SubjectLink[] = [];
  for (const link of [...kept].sort(byRuleThenIds)) {
    const clashes = components.clashes(link.from, link.to).filter(
      ([a]) => datasetOf.get(a) === UN_DATASET || link.rule !== 'stated-cross-reference',
    );
    if (components.find(link.from) !== components.find(link.to) && clashes.length > 0) {
      const pairs = clashes.map((pair) => [...pair].sort().join(' and ')).join(', ');
      refused.push({ reason: 'joins-entries-of-one-dataset', links: [link], detail: `would put ${pairs} into one subject` });
      continue;
    }
    components.join(link.from, link.to);
    links.push(link);
  }

  const subjectOf = new Map<string, string>();
  const membersOf = new Map<string, readonly string[]>();
  for (const root of components.roots()) {
    const members = components
      .membersOf(root)
      .map((id) => byId.get(id))
      .filter((entity) => entity !== undefined)
      .sort(compareMembers)
      .map((entity) => entity.id);
    const subject = members[0] ?? root;
    membersOf.set(subject, members);
    for (const id of members) subjectOf.set(id, subject);
  }
  const linksOf = new Map<string, SubjectLink[]>();
  for (const link of links) {
    const subject = subjectOf.get(link.from) ?? link.from;
    const subjectLinks = linksOf.get(subject);
    if (subjectLinks === undefined) linksOf.set(subject, [link]);
    else subjectLinks.push(link);
  }
  const merged = [...membersOf.values()].reduce((sum, members) => sum + members.length - 1, 0);

  return {
    subjectOf: (entityId) => subjectOf.get(entityId) ?? entityId,
    membersOf: (subjectId) => membersOf.get(subjectId) ?? (byId.has(subjectId) && !subjectOf.has(subjectId) ? [subjectId] : []),
    linksOf: (subjectId) => linksOf.get(subjectId) ?? [],
    links,
    subjectCount: entities.length - merged,
    refused,
    unresolvedReferences,
  };
}
