import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LoadedDataset, Source } from '../../model/entity';
import { DESIGNATING_RESOLUTIONS } from '../resolutions/designating-resolutions';
import { readShippedResolution } from '../resolutions/load-resolution-sources';
import { createCountryResolver, mapUnRecord, UN_CONSOLIDATED_LIST_URL, UN_DATASET_ID } from './map-un-entity';
import { toIsoDate } from './normalize-un-text';
import { parseConsolidatedXml } from './parse-consolidated-xml';
import { applyResolutionDesignations, type ResolutionTexts } from './resolution-designations';

export const UN_DATASET_NAME = 'UN Security Council Consolidated List';
const UN_PUBLISHER = 'United Nations Security Council';

/**
 * Where each known copy of the list came from, by sha256 of the file (the service never downloads the list; these
 * are copies found in public repositories, see the reference README).
 */
const KNOWN_COPIES: Readonly<Record<string, string>> = {
  c6ca69960536d56d714dee1981723cdbeb26b2e8da84537a46696269a3942eb1:
    'Copy of scsanctions.un.org/resources/xml/en/consolidated.xml (generated 2024-09-26) committed to the public ' +
    'GitHub repository xd-mau5/deploy-test (commit c0b77b3b).',
  '3a11ee1e784463f88946501c42f78f6c76f5eea526e55207a151c45079fd0514':
    'Copy of the consolidated list XML generated 2020-03-20, from the public GitHub repository ' +
    'Mendw/cmt-project-api (commit b96b3d1c).',
  '66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf':
    'Copy of the consolidated list XML generated 2026-02-27, from the public GitHub repository ' +
    'moov-io/watchman (commit 612b2174).',
};

const UNKNOWN_COPY_NOTE = 'Copy of the official consolidated list XML; where this copy came from is not recorded.';
const FORMAT_NOTE = 'Official XML format, schema sc-sanctions.xsd; loaded byte-for-byte as published.';

export interface LoadUnListOptions {
  /**
   * Data directory holding `sources/resolutions/` (the resolutions' text the designations cite).
   * Default: the parent of the list file's folder, i.e. `data` for `data/un/consolidated-….xml`.
   */
  dataDir?: string;
}

function listFileSource(input: { sourceDate: string | null; sha256: string; id: string }): Source {
  const { sourceDate, sha256, id } = input;
  return {
    id,
    kind: 'list-file',
    title: sourceDate === null ? UN_DATASET_NAME : `${UN_DATASET_NAME} (XML), generated ${sourceDate}`,
    publisher: UN_PUBLISHER,
    url: UN_CONSOLIDATED_LIST_URL,
    ...(sourceDate !== null ? { date: sourceDate } : {}),
    sha256,
    notes: `${KNOWN_COPIES[sha256] ?? UNKNOWN_COPY_NOTE} ${FORMAT_NOTE}`,
    sections: [],
  };
}

/** Length of the hash prefix that names a list file without a generation date. */
const UNDATED_ID_HASH_CHARS = 12;

/** Reads the shipped text of the designating resolutions from `<dataDir>/sources/resolutions/`. */
export async function readResolutionTexts(dataDir: string): Promise<ResolutionTexts> {
  const entries = await Promise.all(
    DESIGNATING_RESOLUTIONS.map(async (resolution) => [resolution.sourceId, (await readShippedResolution(dataDir, resolution)).doc] as const),
  );
  return new Map(entries);
}

/**
 * Maps the bytes of one UN Consolidated List XML file into the canonical model: every INDIVIDUAL and ENTITY as an
 * entity with an `un-sanctioned` flag, the DPRK entries designated by 2375 (2017) and 2397 (2017) marked as such
 * (by reference number, in any version that holds them), and the list-file source they cite
 * (`un-consolidated-<dateGenerated>`). The content hash is the sha256 of the bytes. Throws on XML it cannot parse;
 * the structural check (`checkListStructure`) is the caller's.
 */
export function readUnConsolidatedList(bytes: Uint8Array, resolutions: ResolutionTexts): LoadedDataset {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const list = parseConsolidatedXml(Buffer.from(bytes));
  const sourceDate = toIsoDate(list.dateGenerated) ?? null;
  const listSourceId = `un-consolidated-${sourceDate ?? `sha256-${sha256.slice(0, UNDATED_ID_HASH_CHARS)}`}`;

  const context = { listSourceId, resolveCountry: createCountryResolver() };
  const entities = applyResolutionDesignations(
    list.records.map((record) => mapUnRecord(record, context)),
    resolutions,
  );

  return {
    id: UN_DATASET_ID,
    name: UN_DATASET_NAME,
    contentHash: sha256,
    sourceDate,
    entities,
    sources: [listFileSource({ sourceDate, sha256, id: listSourceId })],
  };
}

/**
 * Loads one UN Consolidated List XML file (see `readUnConsolidatedList`). Reads only the list file and the
 * resolutions' text in `<dataDir>/sources/resolutions/`; never edits either.
 */
export async function loadUnConsolidatedList(filePath: string, options: LoadUnListOptions = {}): Promise<LoadedDataset> {
  const dataDir = options.dataDir ?? path.resolve(path.dirname(filePath), '..');
  const [bytes, resolutions] = await Promise.all([fs.readFile(filePath), readResolutionTexts(dataDir)]);
  return readUnConsolidatedList(bytes, resolutions);
}
