import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LoadedDataset } from '../model/entity';
import { loadInvestigation } from './investigation/load-investigation';
import { DESIGNATING_RESOLUTIONS } from './resolutions/designating-resolutions';
import { loadResolutionSources, RESOLUTION_XML_DIR } from './resolutions/load-resolution-sources';
import { loadUnConsolidatedList } from './un/load-un-list';

export interface BundledDataOptions {
  dataDir: string;
  /** UN list file, relative to dataDir or absolute. */
  unListFile: string;
}

export const INVESTIGATION_FILES = ['investigation/insider-dprk-students.yaml', 'sources/insider-article.yaml'];

/**
 * Bump a dataset's importer version whenever its mapping into the canonical model changes: the dataset version
 * covers the importer as well as the input bytes, so a database loaded by an older importer is reloaded.
 */
const IMPORTER_VERSIONS = { un: '2', resolutions: '2', investigation: '2' } as const;

/** One bundled dataset: the files it is read from, and how to read them. */
export interface DatasetSpec {
  id: keyof typeof IMPORTER_VERSIONS;
  /** Every input file, in a fixed order. */
  inputs: string[];
  /** Parses and validates the inputs (the expensive part; skipped when the version is unchanged). */
  load(): Promise<LoadedDataset>;
}

/** The bundled datasets: the UN list, the resolutions it and the investigation cite, the investigation. */
export function bundledDatasets(options: BundledDataOptions): DatasetSpec[] {
  const unFile = path.resolve(options.dataDir, options.unListFile);
  const resolutionFiles = DESIGNATING_RESOLUTIONS.map((resolution) => path.join(options.dataDir, RESOLUTION_XML_DIR, resolution.xmlFile));
  return [
    {
      id: 'un',
      // The designation citations quote the resolutions' text, so it is an input of the UN dataset too.
      inputs: [unFile, ...resolutionFiles],
      load: () => loadUnConsolidatedList(unFile, { dataDir: options.dataDir }),
    },
    {
      id: 'resolutions',
      inputs: resolutionFiles,
      load: async () => ({
        id: 'resolutions',
        name: 'UN Security Council resolutions 2375 (2017) and 2397 (2017)',
        contentHash: '',
        sourceDate: null,
        entities: [],
        sources: await loadResolutionSources(options.dataDir),
      }),
    },
    {
      id: 'investigation',
      // Its resolution citations are checked against the resolutions' text at load: an input too.
      inputs: [...INVESTIGATION_FILES.map((f) => path.join(options.dataDir, f)), ...resolutionFiles],
      load: () => loadInvestigation(options.dataDir),
    },
  ];
}

/**
 * The dataset version: sha256 over the importer version and each input file's sha256. Reads the files but
 * never parses them, so an unchanged dataset costs only the hashing.
 */
export async function datasetVersion(spec: DatasetSpec): Promise<string> {
  const hash = createHash('sha256').update(`importer:${spec.id}:${IMPORTER_VERSIONS[spec.id]}\n`);
  for (const input of spec.inputs) {
    const bytes = await fs.readFile(input);
    hash.update(`${path.basename(input)}:${createHash('sha256').update(bytes).digest('hex')}\n`);
  }
  return hash.digest('hex');
}

/** Parses every bundled dataset, stamped with its version. Pure file reading: never touches the database. */
export async function loadBundledDatasets(options: BundledDataOptions): Promise<LoadedDataset[]> {
  return Promise.all(
    bundledDatasets(options).map(async (spec) => ({ ...(await spec.load()), contentHash: await datasetVersion(spec) })),
  );
}
