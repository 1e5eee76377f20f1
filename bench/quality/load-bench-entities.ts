import path from 'node:path';
import type { CanonicalEntity } from '../../src/model/entity';
import { loadInvestigation } from '../../src/lists/investigation/load-investigation';
import { loadUnConsolidatedList } from '../../src/lists/un/load-un-list';

/** The list file the service loads by default, and the data folder of the curated investigation. */
export const UN_LIST_FILE = 'data/un/consolidated-2024-09-26.xml';
export const DATA_DIR = 'data';

export interface BenchEntities {
  entities: CanonicalEntity[];
  datasets: { id: string; contentHash: string; entities: number }[];
}

/** Loads the UN list and the investigation through the service's own loaders (the corpus every matcher is run on). */
export async function loadBenchEntities(repoRoot: string): Promise<BenchEntities> {
  const [un, investigation] = await Promise.all([
    loadUnConsolidatedList(path.join(repoRoot, UN_LIST_FILE)),
    loadInvestigation(path.join(repoRoot, DATA_DIR)),
  ]);
  return {
    entities: [...un.entities, ...investigation.entities],
    datasets: [un, investigation].map((d) => ({ id: d.id, contentHash: d.contentHash, entities: d.entities.length })),
  };
}
