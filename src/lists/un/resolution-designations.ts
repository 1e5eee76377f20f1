import type { CanonicalEntity, Citation, Listing, RiskFlag } from '../../model/entity';
import { FLAG_TAXONOMY } from '../../model/flag-taxonomy';
import { DESIGNATING_RESOLUTIONS, firstUrl, type DesignatingResolution } from '../resolutions/designating-resolutions';
import type { ResolutionParagraph } from '../resolutions/load-resolution-sources';

/** How a resolution's designation paragraph is cited: a paraphrase with its source, never a quote. */
export interface DesignationSummary {
  summary: string;
  url?: string;
}

/** The designating resolution of a UN listing, when its regime and listing date match one of `resolutions`. */
export function findDesignatingResolution(
  listing: Pick<Listing, 'regime' | 'listedOn'>,
  resolutions: readonly DesignatingResolution[] = DESIGNATING_RESOLUTIONS,
): DesignatingResolution | undefined {
  return resolutions.find(
    (resolution) => resolution.regime === listing.regime && resolution.adoptedOn === listing.listedOn,
  );
}

/**
 * The citation text of each resolution's designation paragraph: the first summary of the resolution-paragraphs.json
 * entry that lists the designated entries (`designated`), keyed by the resolution's source id.
 * Throws when a resolution in `resolutions` has no such entry, so a flag is never issued without its citation.
 */
export function designationSummaries(
  paragraphs: readonly ResolutionParagraph[],
  resolutions: readonly DesignatingResolution[] = DESIGNATING_RESOLUTIONS,
): Map<string, DesignationSummary> {
  const summaries = new Map<string, DesignationSummary>();
  for (const resolution of resolutions) {
    const entry = paragraphs.find(
      (paragraph) => paragraph.resolution === resolution.number && paragraph.designated !== undefined,
    );
    const first = entry?.summaries?.[0];
    if (first === undefined) {
      throw new Error(`resolution-paragraphs.json has no summarized designation paragraph for ${resolution.symbol}`);
    }
    const url = firstUrl(first.source);
    summaries.set(resolution.sourceId, { summary: first.text, ...(url !== undefined ? { url } : {}) });
  }
  return summaries;
}

function designationFlag(resolution: DesignatingResolution, summary: DesignationSummary): RiskFlag {
  const citation: Citation = {
    sourceId: resolution.sourceId,
    locator: `${resolution.symbol}, annex (designation)`,
    summary: summary.summary,
    ...(summary.url !== undefined ? { url: summary.url } : {}),
  };
  return {
    code: 'un-designated-by-resolution',
    severity: 'critical',
    title: FLAG_TAXONOMY['un-designated-by-resolution'].title,
    description:
      `Designated in the annex of ${resolution.symbol}, adopted ${resolution.adoptedOn}. ` +
      `The annex assignment is inferred from the listing date (a ${resolution.regime} entry listed on the day the ` +
      'resolution was adopted); the UN XML does not state the designating resolution.',
    citations: [citation],
  };
}

/**
 * Marks the UN entries designated by a resolution's own annex: their UN listing gets `resolution` and
 * `resolutionBasis: 'inferred-from-listing-date'`, and the entity gets an `un-designated-by-resolution` flag citing
 * the resolution. Entries matching no resolution are returned unchanged. Pure: returns new objects, never mutates.
 */
export function applyResolutionDesignations(
  entities: readonly CanonicalEntity[],
  summaries: ReadonlyMap<string, DesignationSummary>,
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
    const summary = summaries.get(designatedBy.sourceId);
    if (summary === undefined) {
      throw new Error(`no designation summary for ${designatedBy.symbol} (source "${designatedBy.sourceId}")`);
    }
    return {
      ...entity,
      listings,
      flags: [...entity.flags, designationFlag(designatedBy, summary)],
      sourceIds: [...new Set([...entity.sourceIds, designatedBy.sourceId])],
    };
  });
}
