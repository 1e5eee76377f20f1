import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema';
import { bundledDatasets, datasetVersion, type BundledDataOptions } from '../lists/load-bundled';
import { createMatcher } from '../matching/matcher';
import type { Matcher } from '../matching/types';
import type { CanonicalEntity } from '../model/entity';
import { findEntities } from '../reference/entity-repository';
import type { InboundEdge } from '../reference/present-entity';
import { combinedVersion, listCurrentDatasets, syncDataset, type DatasetInfo } from '../reference/dataset-repository';

/** Everything screening needs, for one dataset version, held in memory and never mutated. */
export interface DataSnapshot {
  datasetVersion: string;
  datasets: DatasetInfo[];
  entities: ReadonlyMap<string, CanonicalEntity>;
  /** Relationships other entities state about an entity, keyed by the entity they point at. */
  inbound: ReadonlyMap<string, InboundEdge[]>;
  matcher: Matcher;
}

/** Builds the in-memory snapshot from what the database holds now (the single source of truth for replicas). */
export async function snapshotFromDatabase(db: Kysely<Database>): Promise<DataSnapshot> {
  const datasets = await listCurrentDatasets(db);
  const all = await findEntities(db);
  const entities = new Map(all.map((e) => [e.id, e]));
  const inbound = new Map<string, InboundEdge[]>();
  for (const from of all) {
    for (const relationship of from.relationships) {
      const edges = inbound.get(relationship.targetId) ?? [];
      edges.push({ from, relationship });
      inbound.set(relationship.targetId, edges);
    }
  }
  return { datasetVersion: combinedVersion(datasets), datasets, entities, inbound, matcher: createMatcher(all) };
}

/**
 * Loads the bundled files into the database and returns the snapshot to screen against. Idempotent: a dataset
 * whose version (hash of its inputs) is already current is neither parsed nor rewritten.
 */
export async function loadData(
  db: Kysely<Database>,
  options: BundledDataOptions & { log: Logger },
): Promise<DataSnapshot> {
  const started = performance.now();
  const current = new Map((await listCurrentDatasets(db)).map((d) => [d.id, d.version]));
  for (const spec of bundledDatasets(options)) {
    const version = await datasetVersion(spec);
    if (current.get(spec.id) === version) {
      options.log.info({ dataset: spec.id, version, status: 'unchanged' }, 'dataset unchanged');
      continue;
    }
    // Another replica may load the same version meanwhile: syncDataset re-checks under the dataset's row lock.
    const result = await syncDataset(db, { ...(await spec.load()), contentHash: version });
    options.log.info(
      { dataset: result.dataset, version: result.version, status: result.status, entities: result.entities },
      `dataset ${result.status}`,
    );
  }
  const snapshot = await snapshotFromDatabase(db);
  options.log.info(
    { datasetVersion: snapshot.datasetVersion, entities: snapshot.entities.size, ms: Math.round(performance.now() - started) },
    'data ready',
  );
  return snapshot;
}
