import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CanonicalEntity } from '../../src/model/entity';
import { loadInvestigation } from '../../src/lists/investigation/load-investigation';
import { OFAC_DATASET_ID, readOfacSdnZip, zipOfacDirectory } from '../../src/lists/ofac';
import { readUkConsolidatedList, UK_DATASET_ID } from '../../src/lists/uk';
import { loadUnConsolidatedList } from '../../src/lists/un/load-un-list';

/** The list file the service loads by default, and the data folder of the curated investigation. */
export const UN_LIST_FILE = 'data/un/consolidated-2024-09-26.xml';
export const DATA_DIR = 'data';
/** The other lists the service loads by default (config.ts OFAC_SDN_DIR and UK_LIST_FILE), for the full corpus. */
export const OFAC_SDN_DIR = 'data/ofac/2023-12-28';
export const UK_LIST_FILE = 'data/uk/2025-04-14/ConList.xlsx';
/** The datasets the full corpus adds to the base corpus: the dev set was never checked against them. */
export const ADDED_DATASETS: ReadonlySet<string> = new Set([OFAC_DATASET_ID, UK_DATASET_ID]);

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

/**
 * The full corpus: `base` (from `loadBenchEntities`) plus the OFAC SDN and UK consolidated lists, read by the
 * service's own importers. The UN list stays the one the dev set was built from, so the two corpora differ by the
 * added lists alone. Never changes `base`.
 */
export async function loadFullCorpusEntities(repoRoot: string, base: BenchEntities): Promise<BenchEntities> {
  const [ofac, uk] = await Promise.all([
    zipOfacDirectory(path.join(repoRoot, OFAC_SDN_DIR)).then((zip) => readOfacSdnZip(zip)),
    readFile(path.join(repoRoot, UK_LIST_FILE)).then((bytes) => readUkConsolidatedList(bytes)),
  ]);
  return {
    entities: [...base.entities, ...ofac.entities, ...uk.entities],
    datasets: [...base.datasets, ...[ofac, uk].map((d) => ({ id: d.id, contentHash: d.contentHash, entities: d.entities.length }))],
  };
}
