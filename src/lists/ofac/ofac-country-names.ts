import { createCountryResolver, type CountryResolver } from '../un/map-un-entity';

/**
 * OFAC's own country spellings that neither the UN overrides nor i18n-iso-countries know, as the SDN legacy CSV
 * prints them in add.csv, Vess_flag and the remarks (nationality, citizen, POB, a document's issuing country).
 * Keys are compared case-insensitively. Only unambiguous names are here: "Serbia and Montenegro", "USSR",
 * "Netherlands Antilles", "undetermined", "Region: Kafia Kingi" (disputed) and "Region: Commonwealth of Independent
 * States" name no one current country and stay unmapped on purpose, their text kept.
 */
export const OFAC_COUNTRY_NAME_OVERRIDES: Readonly<Record<string, string>> = {
  // OFAC writes "Last, First"-style country names.
  'Korea, North': 'KP',
  'Korea, South': 'KR',
  'Congo, Democratic Republic of the': 'CD',
  'Congo, Republic of the': 'CG',
  'Bahamas, The': 'BS',
  'Man, Isle of': 'IM',
  'Micronesia, Federated States of': 'FM',
  'North Macedonia, The Republic of': 'MK',
  'Macedonia, The Former Yugoslav Republic of': 'MK',
  // Short forms the US government uses.
  Burma: 'MM',
  Syria: 'SY',
  Moldova: 'MD',
  Laos: 'LA',
  Brunei: 'BN',
  Macau: 'MO',
  Macedonia: 'MK',
  'Cabo Verde': 'CV',
  Curacao: 'CW',
  'Sint Maarten': 'SX',
  'Holy See': 'VA',
  Swaziland: 'SZ',
  'Cote d Ivoire': 'CI',
  'St. Vincent and the Grenadines': 'VC',
  'St. Kitts and Nevis': 'KN',
  'St. Kitts & Nevis': 'KN',
  'St Kitts and Nevis': 'KN',
  // Spellings seen in places of birth.
  'Bosnia-Herzegovina': 'BA',
  'Democratic Republic of the Congo': 'CD',
  DRC: 'CD',
  DPRK: 'KP',
  England: 'GB',
  'the Philippines': 'PH',
  Phillipines: 'PH',
  'the Russian Federation': 'RU',
  'Republic of Serbia': 'RS',
  // OFAC's regions: the territory a region belongs to.
  'West Bank': 'PS',
  Gaza: 'PS',
  'Gaza Strip': 'PS',
  'Region: Gaza': 'PS',
  'Region: West Bank': 'PS',
  'Region: Northern Mali': 'ML',
  // OFAC itself calls it "the Crimea region of Ukraine".
  'Region: Crimea': 'UA',
  Crimea: 'UA',
};

/**
 * A country resolver for OFAC's spellings: {@link OFAC_COUNTRY_NAME_OVERRIDES} first, then the UN resolver
 * (`createCountryResolver`: UN overrides, then i18n-iso-countries). Memoized; build one per load.
 */
export function createOfacCountryResolver(): CountryResolver {
  const overrides = new Map(Object.entries(OFAC_COUNTRY_NAME_OVERRIDES).map(([name, code]) => [name.toLowerCase(), code] as const));
  const resolveUnSpelling = createCountryResolver();
  const memo = new Map<string, string | undefined>();
  return (name) => {
    if (name === undefined) return undefined;
    if (memo.has(name)) return memo.get(name);
    const trimmed = name.replace(/\s+/g, ' ').trim();
    const code = trimmed === '' ? undefined : (overrides.get(trimmed.toLowerCase()) ?? resolveUnSpelling(trimmed));
    memo.set(name, code);
    return code;
  };
}
