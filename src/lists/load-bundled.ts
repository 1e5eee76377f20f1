import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LoadedDataset } from '../model/entity';
import { ARTICLE_FILE, INVESTIGATION_FILE, loadInvestigation } from './investigation/load-investigation';
import { DESIGNATING_RESOLUTIONS } from './resolutions/designating-resolutions';
import { loadResolutionSources, RESOLUTION_XML_DIR } from './resolutions/load-resolution-sources';

export interface BundledDataOptions {
  dataDir: string;
}

/**
 * A dataset that ships with the service and is never uploaded: its version is the sha256 of its files, and a
 * deploy that changes them (or its importer) records a new version at start-up.
 */
export interface BundledDataset {
  id: 'investigation' | 'resolutions';
  /** Bump whenever the mapping into the canonical model changes: start-up then re-maps the current version. */
  importerVersion: string;
  /** Its files, in a fixed order: the version is the sha256 of their bytes in this order. */
  files: string[];
  /** Parses and validates the files (skipped when version and importer are unchanged). */
  load(): Promise<LoadedDataset>;
}

/** The datasets that ship with the service besides the UN list: the resolutions' text and the investigation. */
export function bundledDatasets(options: BundledDataOptions): BundledDataset[] {
  const resolutionFiles = DESIGNATING_RESOLUTIONS.map((resolution) => path.join(options.dataDir, RESOLUTION_XML_DIR, resolution.xmlFile));
  // The investigation's resolution citations are checked against the resolutions' text at load: inputs too.
  const investigationFiles = [path.join(options.dataDir, INVESTIGATION_FILE), path.join(options.dataDir, ARTICLE_FILE), ...resolutionFiles];
  return [
    {
      id: 'resolutions',
      importerVersion: '3',
      files: resolutionFiles,
      load: async () => ({
        id: 'resolutions',
        name: 'UN Security Council resolutions 2375 (2017) and 2397 (2017)',
        contentHash: await filesVersion(resolutionFiles),
        sourceDate: null,
        entities: [],
        sources: await loadResolutionSources(options.dataDir),
      }),
    },
    {
      id: 'investigation',
      importerVersion: '3',
      files: investigationFiles,
      load: async () => ({ ...(await loadInvestigation(options.dataDir)), contentHash: await filesVersion(investigationFiles) }),
    },
  ];
}

/** sha256 (hex) of the files' bytes, concatenated in order. Reads but never parses them. */
export async function filesVersion(files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) hash.update(await fs.readFile(file));
  return hash.digest('hex');
}
