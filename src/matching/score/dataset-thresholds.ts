import type { CanonicalEntity } from '../../model/entity';

/**
 * Which datasets a query screens against and the threshold each is judged by (`MatchOptions.datasets` and
 * `thresholds`): the datasets are known once per entity set, so a query settles both per dataset, not per entity.
 */

/** The datasets of an entity set, built once: their names and each entity's. */
export interface DatasetTable {
  readonly names: readonly string[];
  /** Per entity: the position of its dataset in `names`. */
  readonly ofEntity: Int32Array;
}

export function buildDatasetTable(entities: readonly CanonicalEntity[]): DatasetTable {
  const positions = new Map<string, number>();
  const ofEntity = Int32Array.from(entities, (entity) => {
    let position = positions.get(entity.dataset);
    if (position === undefined) positions.set(entity.dataset, (position = positions.size));
    return position;
  });
  return { names: [...positions.keys()], ofEntity };
}

/** One query's view of the datasets. */
export interface DatasetPolicy {
  /** True when the entity's dataset may give candidates. */
  admits(entityIndex: number): boolean;
  /** The threshold the entity is judged by: its dataset's, else the query's. */
  thresholdOf(entityIndex: number): number;
  /** The lowest threshold of any admitted dataset (what retrieval must reach); null when none is admitted. */
  readonly lowest: number | null;
  /** True when every dataset is admitted (no filter to apply). */
  readonly admitsAll: boolean;
}

/**
 * The policy of one query: only `datasets` (all when absent) give candidates, each judged by `thresholds[dataset]`
 * when given, else by `threshold`. A dataset named in `datasets` or `thresholds` that the entity set lacks changes
 * nothing.
 */
export function datasetPolicy(
  table: DatasetTable,
  options: { threshold: number; datasets?: ReadonlySet<string> | undefined; thresholds?: Readonly<Record<string, number>> | undefined },
): DatasetPolicy {
  const { datasets, thresholds } = options;
  const admitted = table.names.map((name) => datasets === undefined || datasets.has(name));
  const byDataset = table.names.map((name) =>
    thresholds !== undefined && Object.hasOwn(thresholds, name) ? (thresholds[name] as number) : options.threshold,
  );
  let lowest: number | null = null;
  byDataset.forEach((threshold, position) => {
    if (admitted[position] && (lowest === null || threshold < lowest)) lowest = threshold;
  });
  const { ofEntity } = table;
  return {
    admits: (entityIndex) => admitted[ofEntity[entityIndex] ?? -1] === true,
    thresholdOf: (entityIndex) => byDataset[ofEntity[entityIndex] ?? -1] ?? options.threshold,
    lowest,
    admitsAll: admitted.every(Boolean),
  };
}
