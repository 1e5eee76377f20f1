import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema';
import { loadBundledDatasets, type BundledDataOptions } from '../lists/load-bundled';
import { createMatcher } from '../matching/matcher';
import type { Matcher } from '../matching/types';
import type { CanonicalEntity } from '../model/entity';
import { findEntities } from '../reference/entity-repository';
import type { InboundEdge } from '../reference/present-entity';
import { combinedVersion, listCurrentDatasets, syncDataset, type DatasetInfo } from './sync-datasets';

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
 * Loads the bundled files into the database (idempotently: unchanged files are not rewritten) and returns the
 * snapshot to screen against.
 */
export async function loadData(
  db: Kysely<Database>,
  options: BundledDataOptions & { log: Logger },
): Promise<DataSnapshot> {
  const started = performance.now();
  const loaded = await loadBundledDatasets(options);
  for (const dataset of loaded) {
    const result = await syncDataset(db, dataset);
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
