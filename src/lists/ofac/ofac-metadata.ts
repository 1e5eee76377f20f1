import { ListFileStructureError } from '../list-file-error';

/**
 * `metadata.json`, the small file beside OFAC's legacy CSV files saying what the files do not: when the list was
 * published and where this copy came from. For example:
 *
 *     { "publicationDate": "2023-12-28", "source": "sdn.csv from the public GitHub repository …" }
 *
 * Both fields are optional; other fields are ignored.
 */
export interface OfacMetadata {
  /** The publication the files are, YYYY-MM-DD. */
  publicationDate?: string;
  /** Provenance of this copy, in a sentence or two: cited in the list-file source's notes. */
  source?: string;
}

export const METADATA_FILE = 'metadata.json';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2023-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value);
}

/** Reads metadata.json (UTF-8). Throws {@link ListFileStructureError} when it is not JSON or a field is malformed. */
export function readOfacMetadata(bytes: Uint8Array): OfacMetadata {
  const problem = (message: string): ListFileStructureError =>
    new ListFileStructureError(`${METADATA_FILE}: ${message}`, [{ path: METADATA_FILE, message }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    throw problem(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw problem('expected an object such as { "publicationDate": "2023-12-28", "source": "…" }');
  }
  const { publicationDate, source } = parsed as Record<string, unknown>;
  if (publicationDate !== undefined && (typeof publicationDate !== 'string' || !isIsoDate(publicationDate))) {
    throw problem(`publicationDate ${JSON.stringify(publicationDate)} is not a date written YYYY-MM-DD`);
  }
  if (source !== undefined && typeof source !== 'string') {
    throw problem(`source ${JSON.stringify(source)} is not text`);
  }
  return {
    ...(publicationDate !== undefined ? { publicationDate } : {}),
    ...(source !== undefined && source.trim() !== '' ? { source: source.trim() } : {}),
  };
}
