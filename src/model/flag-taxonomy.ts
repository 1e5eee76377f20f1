import type { Severity } from './entity';

/**
 * The risk-flag taxonomy: a small closed set of codes. Each flag on an entity uses one of these codes;
 * the dataset schema rejects any other. `defaultSeverity` is a guide, a flag may state its own.
 */
export const FLAG_TAXONOMY = {
  'un-sanctioned': {
    title: 'Listed on the UN Security Council Consolidated List',
    defaultSeverity: 'critical',
    meaning: 'The entity is designated under a UN Security Council sanctions regime (asset freeze, travel ban, arms embargo).',
  },
  'un-designated-by-resolution': {
    title: 'Designated by a named Security Council resolution',
    defaultSeverity: 'critical',
    meaning: 'The designation was made by the resolution itself (its annexes), e.g. 2375 (2017) or 2397 (2017).',
  },
  'ofac-sdn': {
    title: "Listed on the US Treasury OFAC's Specially Designated Nationals (SDN) list",
    defaultSeverity: 'critical',
    meaning: 'OFAC designates the entity under one or more US sanctions programs: US persons must block its property and may not deal with it.',
  },
  'uk-sanctions': {
    title: 'Listed on the UK consolidated list of financial sanctions targets (OFSI)',
    defaultSeverity: 'critical',
    meaning: 'The UK designates the entity under a sanctions regime: its funds and economic resources are frozen in the UK.',
  },
  'sanctioned-by-other-state': {
    title: 'Sanctioned by another state',
    defaultSeverity: 'high',
    meaning: 'A source states that a national (non-UN) sanctions regime lists the entity; the list itself is not loaded here.',
  },
  'dprk-labor-facilitation': {
    title: 'Named in the investigation as facilitating DPRK labor',
    defaultSeverity: 'high',
    meaning: 'The investigation names the entity as arranging, brokering or profiting from the placement of DPRK workers.',
  },
  'dprk-labor-request': {
    title: 'Named in the investigation as requesting DPRK workers',
    defaultSeverity: 'medium',
    meaning: 'The investigation reports that the entity requested DPRK workers (from a named facilitator only where the article names one).',
  },
  'dprk-labor-enquiry': {
    title: 'Named in the investigation as enquiring about DPRK workers',
    defaultSeverity: 'low',
    meaning: 'The investigation reports that the entity enquired about obtaining DPRK workers, with no request and no recipient reported.',
  },
  'dprk-state-body': {
    title: 'DPRK state body',
    defaultSeverity: 'high',
    meaning: 'A body of the DPRK state (embassy, state carrier) that the investigation places in the labor scheme.',
  },
  'linked-to-facilitator': {
    title: 'Linked to a named facilitator',
    defaultSeverity: 'medium',
    meaning: 'Ownership, founding, leadership or parent/subsidiary tie to an entity flagged as a facilitator or requester.',
  },
  'politically-exposed': {
    title: 'Politically exposed person',
    defaultSeverity: 'low',
    meaning: 'The source states a public office, a past public office or a close family tie to an office-holder.',
  },
} as const satisfies Record<string, { title: string; defaultSeverity: Severity; meaning: string }>;

export type FlagCode = keyof typeof FLAG_TAXONOMY;
export const FLAG_CODES = Object.keys(FLAG_TAXONOMY) as FlagCode[];
