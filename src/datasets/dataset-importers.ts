import { HttpError, type FieldProblem } from '../shared/errors';
import type { LoadedDataset } from '../model/entity';
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
   * the structural check; never returns a partial dataset.
   */
  read(bytes: Uint8Array): LoadedDataset;
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

/** Every dataset whose versions arrive as files, by id, reading what they need from the data directory. */
export async function createImporters(dataDir: string): Promise<Map<string, DatasetImporter>> {
  const un = unListImporter(await readResolutionTexts(dataDir));
  return new Map([[un.datasetId, un]]);
}
