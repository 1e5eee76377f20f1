import fs from 'node:fs';
import path from 'node:path';
import type { OfacSdnFiles } from '../../../src/lists/ofac';

/** Where the OFAC test data lives: the shipped publication and the test fixtures. */
export const SHIPPED_2023 = path.join(__dirname, '../../../data/ofac/2023-12-28');
export const FIXTURE_2021 = path.join(__dirname, '../../fixtures/ofac/2021-07-07');
export const FIXTURE_2024 = path.join(__dirname, '../../fixtures/ofac/2024-05-03');
export const FIXTURE_SMALL = path.join(__dirname, '../../fixtures/ofac/small');

/** The OFAC files of a folder, by role (absent files left out). */
export function readOfacFolder(dir: string): OfacSdnFiles {
  const read = (name: string): Buffer | undefined => {
    const file = path.join(dir, name);
    return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
  };
  const sdn = read('sdn.csv');
  if (sdn === undefined) throw new Error(`no sdn.csv in ${dir}`);
  const files: OfacSdnFiles = { sdn };
  const optional = { alt: read('alt.csv'), add: read('add.csv'), comments: read('sdn_comments.csv'), metadata: read('metadata.json') };
  for (const [role, bytes] of Object.entries(optional)) if (bytes !== undefined) files[role as keyof typeof optional] = bytes;
  return files;
}

/** The rows of a legacy CSV file as Latin-1 lines (its 0x1A end byte and CRLF removed): counted apart from the importer. */
export function csvLines(file: string): string[] {
  const text = fs.readFileSync(file).toString('latin1').replace(/\x1a$/, '');
  return text.split('\r\n').filter((line) => line !== '');
}
