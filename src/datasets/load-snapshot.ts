import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createMatcherInSteps } from '../matching/matcher';
import type { Matcher } from '../matching/types';
import { linkSubjects, type SubjectLinks } from '../linking';
import type { CanonicalEntity } from '../model/entity';
import type { InboundEdge } from '../reference/present-entity';
import { combinedVersion, listDatasetsAt, type DatasetInfo } from '../reference/dataset-repository';
import { findEntitiesOfVersion } from './version-repository';

/** Everything screening needs, for one set of dataset versions, held in memory and never mutated. */
export interface DataSnapshot {
  /** The combined id of the per-dataset versions, as stamped on every screening. */
  datasetVersion: string;
  /** The version of each dataset, by dataset id: what an examiner fetches the exact entries with. */
  versions: Readonly<Record<string, string>>;
  datasets: DatasetInfo[];
  entities: ReadonlyMap<string, CanonicalEntity>;
  /** Relationships other entities state about an entity, keyed by the entity they point at. */
  inbound: ReadonlyMap<string, InboundEdge[]>;
  matcher: Matcher;
  /** Entries on several lists that are one subject (see `linkSubjects`). */
  subjects: SubjectLinks;
  /** Per-list thresholds configured (LIST_THRESHOLDS), by dataset id. */
  listThresholds: Readonly<Record<string, number>>;
}

export interface SnapshotOptions {
  listThresholds?: Readonly<Record<string, number>>;
}

/**
 * Builds the snapshot of exactly these per-dataset versions from the stored versions (never from the current
 * tables, which may move meanwhile): the entities, the inbound relationships and the matcher, which is built here,
 * before anyone switches to the snapshot, in steps that let requests on the current snapshot through.
 */
export async function buildSnapshot(db: Kysely<Database>, versions: Readonly<Record<string, string>>, options: SnapshotOptions = {}): Promise<DataSnapshot> {
  const datasets = await listDatasetsAt(db, versions);
  const missing = Object.keys(versions).filter((id) => !datasets.some((d) => d.id === id));
  if (missing.length > 0) throw new Error(`no stored version ${missing.map((id) => `${id}@${versions[id]}`).join(', ')}`);
  const all = (await Promise.all(datasets.map((d) => findEntitiesOfVersion(db, d.id, d.version)))).flat();
  const entities = new Map(all.map((e) => [e.id, e]));
  const inbound = new Map<string, InboundEdge[]>();
  for (const from of all) {
    for (const relationship of from.relationships) {
      const edges = inbound.get(relationship.targetId) ?? [];
      edges.push({ from, relationship });
      inbound.set(relationship.targetId, edges);
    }
  }
  return {
    datasetVersion: combinedVersion(datasets),
    versions: Object.fromEntries(datasets.map((d) => [d.id, d.version])),
    datasets,
    entities,
    inbound,
    matcher: await createMatcherInSteps(all),
    subjects: linkSubjects(all),
    listThresholds: options.listThresholds ?? {},
  };
}
