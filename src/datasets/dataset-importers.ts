import { HttpError, type FieldProblem } from '../shared/errors';
import type { LoadedDataset } from '../model/entity';
import { ListFileStructureError } from '../lists/list-file-error';
import { OFAC_DATASET_ID, readOfacSdnZip } from '../lists/ofac';
import { readUkConsolidatedList, UK_DATASET_ID } from '../lists/uk';
import { checkListStructure } from '../lists/un/check-list-structure';
import { readResolutionTexts, readUnConsolidatedList } from '../lists/un/load-un-list';
import { UN_DATASET_ID } from '../lists/un/map-un-entity';
import type { ResolutionTexts } from '../lists/un/resolution-designations';

/**
 * A dataset whose versions arrive as files (uploaded, fetched on a schedule, or bundled): how one file is checked
 * and mapped into the canonical model. Bump `importerVersion` whenever the mapping changes: start-up re-maps the
 * current version from its stored file under the new importer.
 */
export interface DatasetImporter {
  readonly datasetId: string;
  readonly importerVersion: string;
  /** Content types an upload may carry (the first is what the stored file is recorded as). */
  readonly contentTypes: readonly string[];
  /**
   * Checks one file in full and maps it. Throws `DatasetFileRefusedError` when the file cannot be parsed or fails
   * the structural check; never returns a partial dataset (rows it cannot read are reported in `skippedRows`).
   */
  read(bytes: Uint8Array, options?: ReadOptions): LoadedDataset | Promise<LoadedDataset>;
}

export interface ReadOptions {
  /** The publication date, for a format that does not carry one (the OFAC legacy CSV): YYYY-MM-DD. */
  sourceDate?: string;
}

/** A file refused before anything changed: it does not parse, fails the structural check, or a gate refused it. */
export class DatasetFileRefusedError extends HttpError {
  constructor(
    detail: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(422, 'dataset-version-refused', 'Dataset version refused', detail, problems.length > 0 ? { errors: problems } : {});
  }
}

// The first problems are enough to see what is wrong; a file that fails everywhere would otherwise fill the answer.
const MAX_PROBLEMS_REPORTED = 50;

/** The UN Security Council Consolidated List, official XML. */
export function unListImporter(resolutions: ResolutionTexts): DatasetImporter {
  return {
    datasetId: UN_DATASET_ID,
    importerVersion: '4',
    contentTypes: ['application/xml', 'text/xml'],
    read(bytes) {
      const problems = checkListStructure(bytes);
      if (problems.length > 0) {
        const shown = problems.slice(0, MAX_PROBLEMS_REPORTED).map((p) => ({ path: p.element, message: p.message }));
        throw new DatasetFileRefusedError(
          `the file is not a complete UN consolidated list: ${problems.length} structural problem${problems.length === 1 ? '' : 's'}, first: ${problems[0]?.message ?? ''}`,
          shown,
        );
      }
      return readUnConsolidatedList(bytes, resolutions);
    },
  };
}

/** A list reader's refusal of a file's structure, as the API's 422. */
async function refusingBadStructure(read: () => LoadedDataset | Promise<LoadedDataset>): Promise<LoadedDataset> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof ListFileStructureError)) throw error;
    throw new DatasetFileRefusedError(error.message, error.problems.slice(0, MAX_PROBLEMS_REPORTED));
  }
}

/** The US Treasury OFAC SDN list, legacy CSV: a zip of sdn.csv (alt.csv, add.csv, sdn_comments.csv, metadata.json). */
export const ofacSdnImporter: DatasetImporter = {
  datasetId: OFAC_DATASET_ID,
  importerVersion: '1',
  contentTypes: ['application/zip', 'application/x-zip-compressed'],
  read: (bytes, options = {}) => refusingBadStructure(() => readOfacSdnZip(bytes, options.sourceDate !== undefined ? { sourceDate: options.sourceDate } : {})),
};

/** The UK consolidated list of financial sanctions targets (OFSI): its XLSX export or its CSV. */
export const ukSanctionsImporter: DatasetImporter = {
  datasetId: UK_DATASET_ID,
  importerVersion: '1',
  contentTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
  read: (bytes) => refusingBadStructure(() => readUkConsolidatedList(bytes)),
};

/** Every dataset whose versions arrive as files, by id, reading what they need from the data directory. */
export async function createImporters(dataDir: string): Promise<Map<string, DatasetImporter>> {
  const un = unListImporter(await readResolutionTexts(dataDir));
  return new Map([un, ofacSdnImporter, ukSanctionsImporter].map((importer) => [importer.datasetId, importer]));
}
