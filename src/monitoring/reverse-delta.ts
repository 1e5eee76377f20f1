import type { QueryType } from '../model/screening';
import { createMatcherInSteps } from '../matching/matcher';
import { runInThread } from '../shared/run-in-thread';
import { detectScript } from '../lists/un/map-un-entity';
import type { CanonicalEntity } from '../model/entity';
import type { MonitorRow } from './monitor-repository';

/**
 * How far below the operating threshold a changed entry's name may score against a counterparty and still send it
 * to be re-screened. The reverse direction (the list's name as the query, the client's as the list name) is not
 * scored exactly like the forward one, so the delta path casts wider and the forward re-screen decides.
 */
export const REVERSE_CANDIDATE_THRESHOLD = 0.6;
// Counterparties one changed name may bring in (a common name in a large book).
const CANDIDATES_PER_NAME = 5000;

/**
 * Reverse delta screening: the monitored counterparties a changed list entry may match. The counterparties are
 * indexed by the matcher as if they were a list (an `any` counterparty as both a person and an organization), and
 * each name of each added or amended entry is looked up in that index. Returns their references.
 */
export async function referencesToRescreen(monitors: readonly MonitorRow[], changed: readonly CanonicalEntity[]): Promise<Set<string>> {
  const references = new Set<string>();
  if (monitors.length === 0 || changed.length === 0) return references;
  const pseudo: CanonicalEntity[] = monitors.flatMap((monitor) =>
    (monitor.type === 'any' ? (['person', 'organization'] as const) : [monitor.type as Exclude<QueryType, 'any'>]).map((type) => ({
      id: `${type}:${monitor.reference}`,
      type,
      dataset: 'monitors',
      primaryName: monitor.name,
      names: [{ name: monitor.name, kind: 'primary' as const, script: detectScript(monitor.name), origin: 'source' as const }],
      countries: monitor.country === null ? [] : [monitor.country],
      nationalities: [],
      birthDates: [],
      birthPlaces: [],
      addresses: [],
      identifiers: [],
      riskLevel: 'none' as const,
      flags: [],
      listings: [],
      relationships: [],
      sourceIds: [],
    })),
  );
  const matcher = await createMatcherInSteps(pseudo, { allPartsVote: true });
  for (const entity of changed) {
    for (const name of entity.names) {
      if (name.kind === 'identifier') continue;
      const outcome = matcher.match({ name: name.name, type: entity.type }, { threshold: REVERSE_CANDIDATE_THRESHOLD, limit: CANDIDATES_PER_NAME });
      for (const match of outcome.matches) references.add(match.entityId.slice(match.entityId.indexOf(':') + 1));
    }
  }
  return references;
}

/** `referencesToRescreen` in a thread of its own (the index over a large book takes seconds to build). */
export async function referencesToRescreenInThread(monitors: readonly MonitorRow[], changed: readonly CanonicalEntity[]): Promise<Set<string>> {
  const reply = await runInThread<string[]>(__dirname, 'reverse-delta-thread', { monitors, changed });
  if (!reply.ok) throw new Error(`reverse delta screening failed: ${reply.message}`);
  return new Set(reply.value);
}
