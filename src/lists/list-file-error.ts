/** One thing wrong with a list file's structure: where (a file, a column, a sheet) and what. */
export interface ListFileProblem {
  path: string;
  message: string;
}

/**
 * A list file whose structure is wrong as a whole (not a list of this kind, missing columns, no rows): refused
 * before anything is imported. A single unreadable row is not this: it is reported in `skippedRows` and skipped.
 */
export class ListFileStructureError extends Error {
  constructor(
    message: string,
    readonly problems: ListFileProblem[] = [],
  ) {
    super(message);
    this.name = 'ListFileStructureError';
  }
}
