import fs from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { ListFileStructureError, type ListFileProblem } from '../list-file-error';
import { METADATA_FILE } from './ofac-metadata';
import { ADD_FILE, ALT_FILE, COMMENTS_FILE, SDN_FILE } from './parse-sdn-files';

/**
 * An OFAC SDN upload is a zip of the legacy CSV files (`sdn.csv` required; `alt.csv`, `add.csv`,
 * `sdn_comments.csv` optional) and an optional `metadata.json`. The service stores each version as such a zip.
 */

/** The files of one publication, by role. */
export interface OfacSdnFiles {
  sdn: Uint8Array;
  alt?: Uint8Array;
  add?: Uint8Array;
  comments?: Uint8Array;
  metadata?: Uint8Array;
}

type FileRole = keyof OfacSdnFiles;

/** Every file of a set, in the fixed order a zip of them holds them. */
export const OFAC_ZIP_ENTRIES: ReadonlyArray<{ role: FileRole; name: string }> = [
  { role: 'sdn', name: SDN_FILE },
  { role: 'alt', name: ALT_FILE },
  { role: 'add', name: ADD_FILE },
  { role: 'comments', name: COMMENTS_FILE },
  { role: 'metadata', name: METADATA_FILE },
];

const ROLE_BY_NAME = new Map(OFAC_ZIP_ENTRIES.map(({ role, name }) => [name, role] as const));

/**
 * The one modification time of every entry of a zip the service writes, so the same files always give the same
 * bytes. Built from local date parts: a zip stores local date and time, and this reads 2000-01-01 00:00 everywhere.
 */
const FIXED_ENTRY_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** Deflate level of the zips the service writes (fflate's default; fixed so the bytes never change). */
const ZIP_LEVEL = 6;

/** Entries a zip tool adds that are no part of the upload: macOS resource forks. */
function isToolEntry(name: string): boolean {
  return name.startsWith('__MACOSX/') || path.posix.basename(name).startsWith('._');
}

/** The role of a zip entry or folder file: its base name, any case (`SDN.CSV`, `ofac/sdn.csv`). */
function roleOf(name: string): FileRole | undefined {
  if (name.endsWith('/') || isToolEntry(name)) return undefined;
  return ROLE_BY_NAME.get(path.posix.basename(name.replace(/\\/g, '/')).toLowerCase());
}

/**
 * Reads the OFAC files out of an uploaded zip, wherever they sit in it (top level or a folder) and in any case.
 * Other entries are ignored. Throws {@link ListFileStructureError} when the bytes are not a zip, when sdn.csv is
 * missing, or when one file is there twice (two folders of a zip, two publications).
 */
export function unzipOfacFiles(bytes: Uint8Array): OfacSdnFiles {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (file) => roleOf(file.name) !== undefined });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ListFileStructureError(`the upload is not a readable zip archive: ${reason}`, [{ path: 'zip', message: reason }]);
  }
  const found: Partial<Record<FileRole, { name: string; bytes: Uint8Array }>> = {};
  const problems: ListFileProblem[] = [];
  for (const [name, content] of Object.entries(entries)) {
    const role = roleOf(name);
    if (role === undefined) continue;
    const earlier = found[role];
    if (earlier !== undefined) {
      problems.push({ path: name, message: `the zip holds two ${path.posix.basename(name)} files: "${earlier.name}" and "${name}"` });
      continue;
    }
    found[role] = { name, bytes: content };
  }
  if (found.sdn === undefined) {
    problems.push({ path: SDN_FILE, message: `the zip holds no ${SDN_FILE} (found: ${Object.keys(entries).join(', ') || 'no OFAC file'})` });
  }
  if (problems.length > 0 || found.sdn === undefined) {
    throw new ListFileStructureError(`the zip is not an OFAC SDN legacy CSV set: ${problems.map((p) => p.message).join('; ')}`, problems);
  }
  const files: OfacSdnFiles = { sdn: found.sdn.bytes };
  for (const { role } of OFAC_ZIP_ENTRIES) {
    const file = found[role];
    if (role !== 'sdn' && file !== undefined) files[role] = file.bytes;
  }
  return files;
}

/**
 * Zips a set of files in the fixed entry order under their canonical lower-case names, with a fixed modification
 * time and deflate level: the same files always give byte-identical zips.
 */
export function zipOfacFiles(files: OfacSdnFiles): Uint8Array {
  const zippable: Zippable = {};
  for (const { role, name } of OFAC_ZIP_ENTRIES) {
    const content = files[role];
    if (content !== undefined) zippable[name] = [content, { mtime: FIXED_ENTRY_TIME, level: ZIP_LEVEL }];
  }
  return zipSync(zippable);
}

/**
 * Zips the OFAC files found in a folder (sdn.csv, alt.csv, add.csv, sdn_comments.csv, metadata.json, any case;
 * other files ignored) in a fixed order with fixed timestamps: the same folder always gives byte-identical zips.
 * Reads the folder, never writes. Throws {@link ListFileStructureError} when the folder holds no sdn.csv.
 */
export async function zipOfacDirectory(dir: string): Promise<Uint8Array> {
  const names = (await fs.readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  const found: Partial<OfacSdnFiles> = {};
  for (const name of names.sort()) {
    const role = roleOf(name);
    if (role === undefined) continue;
    if (found[role] !== undefined) {
      throw new ListFileStructureError(`the folder ${dir} holds two ${name.toLowerCase()} files (letter case aside)`, [
        { path: name, message: 'the same file twice in different letter case' },
      ]);
    }
    found[role] = await fs.readFile(path.join(dir, name));
  }
  if (found.sdn === undefined) {
    throw new ListFileStructureError(`the folder ${dir} holds no ${SDN_FILE}`, [{ path: SDN_FILE, message: `no ${SDN_FILE} in ${dir}` }]);
  }
  return zipOfacFiles({ ...found, sdn: found.sdn });
}
