import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LoadedDataset } from '../model/entity';
import { loadInvestigation } from './investigation/load-investigation';
import { loadResolutionSources } from './resolutions/load-resolution-sources';
import { loadUnConsolidatedList } from './un/load-un-list';

export interface BundledDataOptions {
  dataDir: string;
  /** UN list file, relative to dataDir or absolute. */
  unListFile: string;
}

export const RESOLUTIONS_FILE = 'sources/resolution-paragraphs.json';

/** The resolutions that the UN designations and the investigation's flags cite, as a dataset of sources only. */
async function loadResolutionDataset(dataDir: string): Promise<LoadedDataset> {
  const bytes = await fs.readFile(path.join(dataDir, RESOLUTIONS_FILE));
  return {
    id: 'resolutions',
    name: 'UN Security Council resolutions 2375 (2017) and 2397 (2017)',
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    sourceDate: null,
    entities: [],
    sources: await loadResolutionSources(dataDir),
  };
}

/**
 * Reads and validates every bundled source (UN list, the resolutions it cites, the curated investigation).
 * Pure file reading: never touches the database.
 */
export async function loadBundledDatasets(options: BundledDataOptions): Promise<LoadedDataset[]> {
  const unFile = path.resolve(options.dataDir, options.unListFile);
  return Promise.all([
    loadUnConsolidatedList(unFile),
    loadResolutionDataset(options.dataDir),
    loadInvestigation(options.dataDir),
  ]);
}
