/** The resolutions the UN list's DPRK designations came from, and how their sources are linked. */

/** A Security Council resolution whose annexes designated entries of one UN sanctions regime. */
export interface DesignatingResolution {
  /** As the model writes it in `Listing.resolution`, e.g. "2375 (2017)". */
  resolution: string;
  /** Resolution number, e.g. "2375". */
  number: string;
  /** Document symbol, e.g. "S/RES/2375 (2017)". */
  symbol: string;
  /** Id of the resolution's `Source`. */
  sourceId: string;
  /** Adoption date, YYYY-MM-DD. */
  adoptedOn: string;
  /** UN_LIST_TYPE of the entries its annexes designated. */
  regime: string;
  /** The shipped copy of its official text, in `data/sources/resolutions/`. */
  xmlFile: string;
  /** The meeting that adopted it, as the UN's metadata gives it. */
  meeting: string;
}

/**
 * Resolutions that designated DPRK entries in their own annexes, with their adoption dates.
 *
 * Why the adoption date identifies the designations: the XML has no field naming the designating resolution, but an
 * entry the Council designates in a resolution's annex enters the list on the day the resolution is adopted. On
 * each of these two dates the DPRK entries listed are exactly as many as the annexes designated (2375: 1 individual
 * and 3 entities; 2397: 16 individuals and 1 entity), and they are the entries the gathered sources name.
 */
export const DESIGNATING_RESOLUTIONS: readonly DesignatingResolution[] = [
  {
    resolution: '2375 (2017)',
    number: '2375',
    symbol: 'S/RES/2375 (2017)',
    sourceId: 'unsc-res-2375',
    adoptedOn: '2017-09-11',
    regime: 'DPRK',
    xmlFile: 'S_RES_2375_1715864E.xml',
    meeting: 'Adopted by the Security Council at its 8042nd meeting, on 11 September 2017 (draft S/2017/769)',
  },
  {
    resolution: '2397 (2017)',
    number: '2397',
    symbol: 'S/RES/2397 (2017)',
    sourceId: 'unsc-res-2397',
    adoptedOn: '2017-12-22',
    regime: 'DPRK',
    xmlFile: 'S_RES_2397_1723207E.xml',
    meeting: 'Adopted by the Security Council at its 8151st meeting, on 22 December 2017 (draft S/2017/1092)',
  },
];
