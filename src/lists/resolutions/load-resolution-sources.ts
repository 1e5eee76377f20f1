import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Source, SourceSection } from '../../model/entity';
import { DESIGNATING_RESOLUTIONS, type DesignatingResolution } from './designating-resolutions';
import { readResolutionXml, type ResolutionDocument } from './read-resolution-xml';

const RESOLUTION_PUBLISHER = 'United Nations Security Council';

/** Where the resolutions' official text lives inside the data directory (see its SOURCE.md). */
export const RESOLUTION_XML_DIR = path.join('sources', 'resolutions');

/** Where the shipped copies were read from, for each resolution's notes. */
const PROVENANCE =
  'Official English text as the UN Secretariat (DGACM) publishes it in Akoma Ntoso XML: public repository ' +
  'UNxml/SCresolutions, file Pre-2020/2017/{file}, commit 6e64b76d31e2a0cecad93a4312a3db8056a56a79 (text unchanged ' +
  'since 558ba1de); an unofficial copy prepared from the official electronic file, whose authoritative version is ' +
  'the document at the URL. Text as published, typos included; only runs of whitespace collapsed.';

/** The UN's own address of a resolution, as the consolidated list cites resolutions. */
export function resolutionUrl(resolution: DesignatingResolution): string {
  return `https://undocs.org/S/RES/${resolution.number}(${resolution.resolution.replace(/^\d+ \((\d{4})\)$/, '$1')})`;
}

/** The sections of one resolution: preamble, operative paragraphs and annex entries, each verbatim and located. */
function sectionsOf(resolution: DesignatingResolution, doc: ResolutionDocument): SourceSection[] {
  const url = resolutionUrl(resolution);
  const section = (locator: string, paragraph: string, heading: string, text: string): SourceSection => ({
    locator: `${resolution.symbol}, ${locator}`,
    heading,
    paragraph,
    text,
    textKind: 'verbatim',
    language: 'en',
    url,
  });
  return [
    ...doc.preamble.map((p, index) => section(`preamble para. ${index + 1}`, p.key, 'Preamble', p.text)),
    ...doc.operative.map((p) => section(`para. ${p.key}`, p.key, 'Operative paragraph', p.text)),
    ...doc.annexEntries.map((entry) => section(`annex ${entry.annex}, ${entry.number}`, entry.key, entry.name, entry.text)),
  ];
}

/** Reads one shipped resolution and checks it is the one expected (symbol and adoption date). */
export async function readShippedResolution(dataDir: string, resolution: DesignatingResolution): Promise<{ doc: ResolutionDocument; sha256: string }> {
  const filePath = path.join(dataDir, RESOLUTION_XML_DIR, resolution.xmlFile);
  const bytes = await fs.readFile(filePath);
  const doc = readResolutionXml(bytes.toString('utf8'));
  if (doc.symbol !== resolution.symbol || doc.adoptedOn !== resolution.adoptedOn) {
    throw new Error(`"${filePath}" holds ${doc.symbol} of ${doc.adoptedOn}, not ${resolution.symbol} of ${resolution.adoptedOn}`);
  }
  return { doc, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Builds the `Source` records of the resolutions that the UN designations and the investigation cite
 * (`unsc-res-2375`, `unsc-res-2397`) from their official text shipped in `${dataDir}/sources/resolutions/`: every
 * preamble paragraph (`preamble-N`), operative paragraph (`N`) and annex entry (`annex-I-N`), verbatim, with the
 * undocs URL and the file's provenance. Throws, naming the file, when a copy is missing or is not the resolution
 * expected.
 */
export async function loadResolutionSources(dataDir: string): Promise<Source[]> {
  return Promise.all(
    DESIGNATING_RESOLUTIONS.map(async (resolution) => {
      const { doc, sha256 } = await readShippedResolution(dataDir, resolution);
      return {
        id: resolution.sourceId,
        kind: 'resolution' as const,
        title: resolution.symbol,
        publisher: RESOLUTION_PUBLISHER,
        url: resolutionUrl(resolution),
        date: resolution.adoptedOn,
        sha256,
        notes: `${resolution.meeting}. ${PROVENANCE.replace('{file}', resolution.xmlFile)}`,
        sections: sectionsOf(resolution, doc),
      };
    }),
  );
}
