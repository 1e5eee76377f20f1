import type { CanonicalEntity, Citation, Listing, RiskFlag } from '../../model/entity';
import { FLAG_TAXONOMY } from '../../model/flag-taxonomy';
import { normalizeText } from '../../matching/normalize/normalize-text';
import { DESIGNATING_RESOLUTIONS, type DesignatingResolution } from '../resolutions/designating-resolutions';
import { resolutionUrl } from '../resolutions/load-resolution-sources';
import type { ResolutionAnnexEntry, ResolutionDocument } from '../resolutions/read-resolution-xml';

/** The designating resolution of a UN listing, when its regime and listing date match one of `resolutions`. */
export function findDesignatingResolution(
  listing: Pick<Listing, 'regime' | 'listedOn'>,
  resolutions: readonly DesignatingResolution[] = DESIGNATING_RESOLUTIONS,
): DesignatingResolution | undefined {
  return resolutions.find(
    (resolution) => resolution.regime === listing.regime && resolution.adoptedOn === listing.listedOn,
  );
}

/** What a designation cites: the resolution's official text, read from the shipped copy. */
export type ResolutionTexts = ReadonlyMap<string, ResolutionDocument>;

/** The operative paragraph that applies the measures to the annexes (2375 and 2397: para. 3). */
const MEASURES_PARAGRAPH = '3';

/** A name as the annex and the list can both write it: normalized, acronyms in parentheses set aside. */
function comparableName(name: string): string {
  return normalizeText(name.replace(/\([^)]*\)/g, ' '));
}

/** The annex entry naming `entity` (by any of its names), or undefined. */
function annexEntryOf(entity: CanonicalEntity, doc: ResolutionDocument): ResolutionAnnexEntry | undefined {
  const names = new Set(entity.names.map((name) => comparableName(name.name)));
  return doc.annexEntries.find((entry) => names.has(comparableName(entry.name)));
}

/** The entry's description as the annex prints it ("Description: … b. AKA …"), or the whole entry when it has none. */
function descriptionOf(entry: ResolutionAnnexEntry): string {
  const match = /Description: (.*?)(?: [b-z]\. [A-Z][A-Za-z ]*: |$)/.exec(entry.text);
  return match?.[1] ?? entry.text;
}

/** The opening clause of the measures paragraph ("… listed in Annex I and II of this resolution"). */
function openingClause(text: string): string {
  const end = text.indexOf(' and to any individuals');
  return end > 0 ? text.slice(0, end) : text;
}

function designationFlag(resolution: DesignatingResolution, doc: ResolutionDocument, entry: ResolutionAnnexEntry): RiskFlag {
  const url = resolutionUrl(resolution);
  const measures = doc.operative.find((paragraph) => paragraph.key === MEASURES_PARAGRAPH);
  const citations: Citation[] = [
    {
      sourceId: resolution.sourceId,
      locator: `${resolution.symbol}, annex ${entry.annex}, ${entry.number}`,
      paragraph: entry.key,
      quote: descriptionOf(entry),
      url,
    },
  ];
  if (measures) {
    citations.push({
      sourceId: resolution.sourceId,
      locator: `${resolution.symbol}, para. ${MEASURES_PARAGRAPH}`,
      paragraph: MEASURES_PARAGRAPH,
      quote: openingClause(measures.text),
      url,
    });
  }
  return {
    code: 'un-designated-by-resolution',
    severity: 'critical',
    title: FLAG_TAXONOMY['un-designated-by-resolution'].title,
    description:
      `Designated in annex ${entry.annex} of ${resolution.symbol} (entry ${entry.number}, ${entry.name}), adopted ` +
      `${resolution.adoptedOn}. The annex entry is matched by name; that this listing is that designation is ` +
      `inferred from the listing date (a ${resolution.regime} entry listed on the day the resolution was adopted), as ` +
      'the UN XML does not state the designating resolution.',
    citations,
  };
}

/**
 * Marks the UN entries designated by a resolution's own annex: their UN listing gets `resolution` and
 * `resolutionBasis: 'inferred-from-listing-date'`, and the entity gets an `un-designated-by-resolution` flag citing
 * the resolution. Entries matching no resolution are returned unchanged. Pure: returns new objects, never mutates.
 */
export function applyResolutionDesignations(
  entities: readonly CanonicalEntity[],
  texts: ResolutionTexts,
  resolutions: readonly DesignatingResolution[] = DESIGNATING_RESOLUTIONS,
): CanonicalEntity[] {
  return entities.map((entity) => {
    let designatedBy: DesignatingResolution | undefined;
    const listings = entity.listings.map((listing) => {
      const resolution = listing.list === 'UN' ? findDesignatingResolution(listing, resolutions) : undefined;
      if (resolution === undefined) return listing;
      designatedBy = resolution;
      return { ...listing, resolution: resolution.resolution, resolutionBasis: 'inferred-from-listing-date' as const };
    });
    if (designatedBy === undefined) return entity;
    const doc = texts.get(designatedBy.sourceId);
    const entry = doc && annexEntryOf(entity, doc);
    if (!doc || !entry) {
      throw new Error(`${entity.id} was listed on the day ${designatedBy.symbol} was adopted, but no entry of its annexes names it`);
    }
    return {
      ...entity,
      listings,
      flags: [...entity.flags, designationFlag(designatedBy, doc, entry)],
      sourceIds: [...new Set([...entity.sourceIds, designatedBy.sourceId])],
    };
  });
}
