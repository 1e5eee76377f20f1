import countries from 'i18n-iso-countries';
import { namePartRole } from './name-part-weights';
import { normalizeText } from './normalize-text';

/**
 * The words of an organization's name in one canonical spelling, once its legal forms are set aside: abbreviations
 * written out (Dept → department, Intl → international, JV → joint venture), numbers as digits (First, 1st, 1 → 1;
 * Forty-Four → 44; Pervyy → 1), and the qualifiers that say where or under whom the organization sits — "(Hong Kong)",
 * "of the KPA", "of the DPRK" — taken out of the name and returned apart, so a scorer can let a missing qualifier
 * cost little and a contradicting one (Hong Kong vs Singapore) count as a conflict.
 */

export type OrganizationQualifierKind = 'place' | 'organization';

export interface OrganizationQualifier {
  readonly kind: OrganizationQualifierKind;
  /**
   * Canonical keys: ISO 3166-1 alpha-2 codes for countries and territories ("HK"), `city:<name>` plus the city's
   * country code for cities (`city:vladivostok`, "RU"), the organization's short name otherwise ("kpa", "wpk").
   * "Korea" alone is both KP and KR.
   */
  readonly keys: readonly string[];
  /** The name's words that were taken out, canonical spelling. */
  readonly words: readonly string[];
}

export interface OrganizationWords {
  /** The name's words, canonical, qualifiers taken out. */
  tokens: string[];
  qualifiers: OrganizationQualifier[];
}

export interface OrganizationWordsOptions {
  /** How many of the last tokens were written in brackets: "Bank of China (Hong Kong)" → 2. */
  bracketedTail?: number;
  /**
   * Also take out a place written last without brackets ("Bank of China Hong Kong"), when not after "of" and at
   * least two name words remain. Off by default: such a place is more often a part of the name than in brackets.
   */
  unbracketedTrailingPlace?: boolean;
  /** Also take out a city that opens the name ("Shanghai Dongfeng Shipping"), when two name words remain. */
  leadingCity?: boolean;
  /**
   * Leave a place inside the name where it stands (a branch's place, a leading city): the reading a misspelt place
   * still meets ("Al-Haramain: Aghanistan Brnach"), beside the one that takes the place out.
   */
  placesInName?: boolean;
}

/** Abbreviations and spelling variants of organization words, each with its canonical full form. */
const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map(
  (
    [
      ['dept', 'department'],
      ['dpt', 'department'],
      ['depts', 'departments'],
      ['intl', 'international'],
      ['intnl', 'international'],
      ['int', 'international'],
      ['internat', 'international'],
      ['assn', 'association'],
      ['assoc', 'association'],
      ['assocn', 'association'],
      ['mfg', 'manufacturing'],
      ['mfrg', 'manufacturing'],
      ['mfr', 'manufacturer'],
      ['mfrs', 'manufacturers'],
      ['bros', 'brothers'],
      ['bde', 'brigade'],
      ['imp', 'import'],
      ['exp', 'export'],
      ['impex', 'import export'],
      ['bn', 'battalion'],
      ['regt', 'regiment'],
      ['natl', 'national'],
      ['jv', 'joint venture'],
      ['govt', 'government'],
      ['gov', 'government'],
      ['gvt', 'government'],
      ['univ', 'university'],
      ['inst', 'institute'],
      ['instt', 'institute'],
      ['corp', 'corporation'],
      ['corpn', 'corporation'],
      ['mgmt', 'management'],
      ['mgt', 'management'],
      ['svcs', 'services'],
      ['srvcs', 'services'],
      ['svc', 'service'],
      ['ind', 'industry'],
      ['inds', 'industry'],
      ['indus', 'industry'],
      // One canonical number for a word lists write both ways (Industry, Industries).
      ['industries', 'industry'],
      ['min', 'ministry'],
      ['inv', 'investment'],
      // Legal-form words inside a name, where they are name words ("Alfa Co., Ltd. for International Trading").
      ['co', 'company'],
      ['ltd', 'limited'],
      ['inc', 'incorporated'],
      ['tech', 'technology'],
      ['technol', 'technology'],
      ['trdg', 'trading'],
      ['shpg', 'shipping'],
      ['gen', 'general'],
      ['genl', 'general'],
      ['dev', 'development'],
      ['devt', 'development'],
      ['dvpt', 'development'],
      ['ctr', 'center'],
      ['cntr', 'center'],
      ['ctre', 'center'],
      ['cie', 'company'],
      ['acad', 'academy'],
      ['admin', 'administration'],
      ['agcy', 'agency'],
      ['auth', 'authority'],
      ['cttee', 'committee'],
      ['cmte', 'committee'],
      ['commn', 'commission'],
      ['coop', 'cooperative'],
      ['engg', 'engineering'],
      ['equip', 'equipment'],
      ['fdn', 'foundation'],
      ['fndn', 'foundation'],
      ['grp', 'group'],
      ['hldg', 'holding'],
      ['hldgs', 'holdings'],
      ['hosp', 'hospital'],
      ['invt', 'investment'],
      ['invst', 'investment'],
      ['lab', 'laboratory'],
      ['labs', 'laboratories'],
      ['mach', 'machinery'],
      ['med', 'medical'],
      ['org', 'organization'],
      ['orgn', 'organization'],
      ['soc', 'society'],
      ['sys', 'systems'],
      ['telecom', 'telecommunications'],
      ['telecoms', 'telecommunications'],
      ['transp', 'transport'],
      ['bldg', 'building'],
      ['constr', 'construction'],
      ['chem', 'chemical'],
      ['petrochem', 'petrochemical'],
      ['pharm', 'pharmaceutical'],
      ['entpr', 'enterprise'],
      ['exch', 'exchange'],
      ['insur', 'insurance'],
      ['bk', 'bank'],
      ['bnk', 'bank'],
      ['amer', 'american'],
      ['mktg', 'marketing'],
      // British and American spellings of one word.
      ['centre', 'center'],
      ['centres', 'centers'],
      ['organisation', 'organization'],
      ['organisations', 'organizations'],
      ['defence', 'defense'],
      ['programme', 'program'],
      ['labour', 'labor'],
      ['harbour', 'harbor'],
      ['theatre', 'theater'],
    ] as const
  ).map(([abbreviation, full]) => [abbreviation, full.split(' ')] as const),
);

/** Connectives dropped from organization names: "Smith and Sons" = "Smith & Sons" = "Smith Sons". */
const DROPPED_CONNECTIVES = new Set(['and']);

type NumberKind = 'unit' | 'teen' | 'tens' | 'hundred';

interface NumberWord {
  value: number;
  kind: NumberKind;
  ordinal: boolean;
}

const ENGLISH_CARDINALS: ReadonlyArray<readonly [string, number]> = [
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fourty', 40],
  ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100],
];

const ENGLISH_ORDINALS: ReadonlyArray<readonly [string, number]> = [
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14],
  ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20],
  ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50], ['sixtieth', 60], ['seventieth', 70], ['eightieth', 80],
  ['ninetieth', 90], ['hundredth', 100],
];

/**
 * Russian ordinal stems with an unstressed ending (первый → pervy, pervyy, pervyi, pervyj; первая → pervaya;
 * первое → pervoye). Spellings are generated, so every customary transliteration is one map lookup.
 */
const RUSSIAN_UNSTRESSED_ORDINAL_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['perv', 1], ['chetvert', 4], ['chetvyort', 4], ['chetvjort', 4], ['pyat', 5], ['devyat', 9], ['desyat', 10],
  ['odinnadtsat', 11], ['dvenadtsat', 12], ['trinadtsat', 13], ['chetyrnadtsat', 14], ['pyatnadtsat', 15],
  ['shestnadtsat', 16], ['semnadtsat', 17], ['vosemnadtsat', 18], ['devyatnadtsat', 19], ['dvadtsat', 20],
  ['tridtsat', 30], ['pyatidesyat', 50], ['shestidesyat', 60], ['semidesyat', 70], ['vosmidesyat', 80],
  ['devyanost', 90],
];
const RUSSIAN_UNSTRESSED_ENDINGS = ['y', 'yy', 'yi', 'yj', 'iy', 'ii', 'ij', 'aya', 'aja', 'aia', 'oye', 'oe', 'oje'];

/** Russian ordinal stems with a stressed ending (второй → vtoroy, vtoroi, vtoroj; вторая → vtoraya). */
const RUSSIAN_STRESSED_ORDINAL_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['vtor', 2], ['shest', 6], ['sedm', 7], ['vosm', 8], ['sorokov', 40],
];
const RUSSIAN_STRESSED_ENDINGS = ['oy', 'oi', 'oj', 'aya', 'aja', 'aia', 'oye', 'oe', 'oje'];

/** Ukrainian ordinal stems (перший → pershyy, or pershiy in a Russian reading; другий → druhyy, drugiy). */
const UKRAINIAN_ORDINAL_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['persh', 1], ['druh', 2], ['drug', 2], ['chetvert', 4], ['pyat', 5], ['shost', 6], ['som', 7], ['vosm', 8],
  ['devyat', 9], ['desyat', 10],
];
const UKRAINIAN_MASCULINE_ENDINGS = ['yy', 'yi', 'iy', 'yj', 'ij'];

/** Other Russian and Ukrainian number words: третий (irregular), the feminine first and second, and the tens. */
const SLAVIC_NUMBER_WORDS: ReadonlyArray<readonly [string, number, boolean]> = [
  ['tretiy', 3, true], ['tretii', 3, true], ['tretij', 3, true], ['treti', 3, true], ['tretya', 3, true],
  ['tretia', 3, true], ['tretja', 3, true], ['tretye', 3, true], ['tretie', 3, true], ['tretje', 3, true],
  ['persha', 1, true], ['druha', 2, true],
  ['dvadtsat', 20, false], ['tridtsat', 30, false], ['sorok', 40, false], ['pyatdesyat', 50, false],
  ['shestdesyat', 60, false], ['semdesyat', 70, false], ['vosemdesyat', 80, false], ['devyanosto', 90, false],
  ['dvadtsyat', 20, false], ['trydtsyat', 30, false], ['shistdesyat', 60, false], ['simdesyat', 70, false],
  ['visimdesyat', 80, false],
];

function numberKind(value: number): NumberKind {
  if (value >= 100) return 'hundred';
  if (value >= 20) return 'tens';
  if (value >= 10) return 'teen';
  return 'unit';
}

const NUMBER_WORDS: ReadonlyMap<string, NumberWord> = (() => {
  const words = new Map<string, NumberWord>();
  const add = (word: string, value: number, ordinal: boolean): void => {
    if (!words.has(word)) words.set(word, { value, kind: numberKind(value), ordinal });
  };
  for (const [word, value] of ENGLISH_CARDINALS) add(word, value, false);
  for (const [word, value] of ENGLISH_ORDINALS) add(word, value, true);
  for (const [word, value, ordinal] of SLAVIC_NUMBER_WORDS) add(word, value, ordinal);
  for (const [stem, value] of RUSSIAN_UNSTRESSED_ORDINAL_STEMS) {
    for (const ending of RUSSIAN_UNSTRESSED_ENDINGS) add(`${stem}${ending}`, value, true);
  }
  for (const [stem, value] of RUSSIAN_STRESSED_ORDINAL_STEMS) {
    for (const ending of RUSSIAN_STRESSED_ENDINGS) add(`${stem}${ending}`, value, true);
  }
  for (const [stem, value] of UKRAINIAN_ORDINAL_STEMS) {
    for (const ending of UKRAINIAN_MASCULINE_ENDINGS) add(`${stem}${ending}`, value, true);
  }
  return words;
})();

/** English ordinal suffixes written after digits: 1st, 2nd, 3rd, 44th. */
const DIGIT_ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/** Russian/Ukrainian ordinal endings written after digits (1-й, 2-я, 3-е, 5-го) as transliterated, then split off. */
const SLAVIC_DIGIT_ENDINGS = new Set(['y', 'yy', 'iy', 'oy', 'ya', 'ye', 'e', 'go', 'ogo', 'j', 'ja', 'je']);

/** Words that only announce a number: "No. 5 Factory" = "Factory 5". */
const NUMBER_SIGNS = new Set(['no', 'nr', 'number', 'num']);

/** Longest run of digits read as a number (longer runs are codes, kept as written). */
const MAX_NUMBER_DIGITS = 9;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The digits of a token written as a number ("44", "0044", "1st", "21st"), without leading zeros, or null. */
function digitNumber(token: string): string | null {
  let end = 0;
  while (end < token.length && isDigit(token.charCodeAt(end))) end += 1;
  if (end === 0 || end > MAX_NUMBER_DIGITS) return null;
  if (end < token.length && !DIGIT_ORDINAL_SUFFIXES.has(token.slice(end))) return null;
  return String(Number(token.slice(0, end)));
}

/** The number that number words starting at `start` spell ("forty four", "twenty first", "one hundred and five"). */
function readNumberWords(tokens: readonly string[], start: number): { value: number; length: number } | null {
  let word = NUMBER_WORDS.get(tokens[start] ?? '');
  if (!word) return null;
  let index = start;
  let total = 0;
  const hundred = NUMBER_WORDS.get(tokens[index + 1] ?? '');
  if (word.kind === 'unit' && !word.ordinal && hundred?.kind === 'hundred') {
    total = word.value * 100;
    index += 2;
    if (hundred.ordinal) return { value: total, length: index - start };
    const afterAnd = tokens[index] === 'and' ? index + 1 : index;
    const next = NUMBER_WORDS.get(tokens[afterAnd] ?? '');
    if (!next || next.kind === 'hundred') return { value: total, length: index - start };
    index = afterAnd;
    word = next;
  }
  total += word.value;
  index += 1;
  if (word.kind === 'tens' && !word.ordinal) {
    const unit = NUMBER_WORDS.get(tokens[index] ?? '');
    if (unit?.kind === 'unit') {
      total += unit.value;
      index += 1;
    }
  }
  return { value: total, length: index - start };
}

/**
 * The words of a name in their canonical spelling: abbreviations written out, numbers (words, ordinals, digits)
 * as digits, "and" dropped. Never reorders words; a name that is a single connective keeps it.
 */
export function canonicalWords(tokens: readonly string[]): string[] {
  return canonicalize(tokens, true);
}

/**
 * Numbers alone made canonical (digits, English and Russian number words, "No." signs), for any name: a person's
 * nickname "Papa Six" is "Papa 6" too. Nothing else is touched; `tokens` itself is returned when nothing changes.
 */
export function canonicalNumbers(tokens: readonly string[]): readonly string[] {
  if (!tokens.some((token) => NUMBER_WORDS.has(token) || isDigit(token.charCodeAt(0)))) return tokens;
  return canonicalize(tokens, false);
}

function canonicalize(tokens: readonly string[], organizationWords: boolean): string[] {
  const words: string[] = [];
  let previousWasNumber = false;
  for (let index = 0; index < tokens.length; ) {
    const token = tokens[index] ?? '';
    const digits = digitNumber(token);
    if (digits !== null) {
      words.push(digits);
      previousWasNumber = true;
      index += 1;
      continue;
    }
    if (previousWasNumber && SLAVIC_DIGIT_ENDINGS.has(token)) {
      index += 1;
      continue;
    }
    previousWasNumber = false;
    const spelled = readNumberWords(tokens, index);
    if (spelled) {
      words.push(String(spelled.value));
      index += spelled.length;
      continue;
    }
    const next = tokens[index + 1] ?? '';
    if (NUMBER_SIGNS.has(token) && (digitNumber(next) !== null || NUMBER_WORDS.has(next))) {
      index += 1;
      continue;
    }
    if (organizationWords && DROPPED_CONNECTIVES.has(token) && tokens.length > 1) {
      index += 1;
      continue;
    }
    // J/V, written apart by normalization: a joint venture.
    if (organizationWords && token === 'j' && next === 'v') {
      words.push('joint', 'venture');
      index += 2;
      continue;
    }
    const full = organizationWords ? ABBREVIATIONS.get(token) : undefined;
    if (full) words.push(...full);
    else words.push(token);
    index += 1;
  }
  return words;
}

/** Countries and territories by the short names i18n-iso-countries does not list, or lists otherwise. */
const COUNTRY_ALIASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['dprk', ['KP']],
  ['d p r k', ['KP']],
  ['dpr korea', ['KP']],
  ['dpr of korea', ['KP']],
  ['democratic peoples republic of korea', ['KP']],
  ['n korea', ['KP']],
  ['kndr', ['KP']],
  ['朝鲜', ['KP']],
  ['朝鮮', ['KP']],
  ['rok', ['KR']],
  ['s korea', ['KR']],
  ['韩国', ['KR']],
  ['韓國', ['KR']],
  ['大韩民国', ['KR']],
  ['大韓民國', ['KR']],
  // Korea alone names either state.
  ['korea', ['KP', 'KR']],
  ['koreya', ['KP', 'KR']],
  ['prc', ['CN']],
  ['peoples republic of china', ['CN']],
  ['mainland china', ['CN']],
  ['kitay', ['CN']],
  ['中国', ['CN']],
  ['中國', ['CN']],
  ['中华人民共和国', ['CN']],
  ['中華人民共和國', ['CN']],
  ['hongkong', ['HK']],
  ['hong kong sar', ['HK']],
  ['hksar', ['HK']],
  ['hong kong special administrative region', ['HK']],
  ['hong kong china', ['HK']],
  ['gonkong', ['HK']],
  ['香港', ['HK']],
  ['香港特别行政区', ['HK']],
  ['香港特別行政區', ['HK']],
  ['macau', ['MO']],
  ['macau sar', ['MO']],
  ['makao', ['MO']],
  ['澳门', ['MO']],
  ['澳門', ['MO']],
  ['台湾', ['TW']],
  ['台灣', ['TW']],
  ['臺灣', ['TW']],
  ['singapur', ['SG']],
  ['新加坡', ['SG']],
  ['u a e', ['AE']],
  ['emirates', ['AE']],
  ['oae', ['AE']],
  ['阿联酋', ['AE']],
  ['u k', ['GB']],
  ['britain', ['GB']],
  ['england', ['GB']],
  ['u s', ['US']],
  ['u s a', ['US']],
  ['ssha', ['US']],
  ['rossiya', ['RU']],
  ['rossiyskaya federatsiya', ['RU']],
  ['rf', ['RU']],
  ['俄罗斯', ['RU']],
  ['俄羅斯', ['RU']],
  ['日本', ['JP']],
  ['syria', ['SY']],
  ['viet nam', ['VN']],
  ['laos', ['LA']],
  ['burma', ['MM']],
  ['macedonia', ['MK']],
  ['ukraina', ['UA']],
  ['byelorussia', ['BY']],
];

/** Major cities met in organization names on sanctions lists, with their country: [city, country, spellings]. */
const CITIES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['pyongyang', 'KP', ['pyongyang', 'pyong yang', 'pyeong yang', 'pkhenyan', '平壤']],
  ['nampo', 'KP', ['nampo', 'nampho', 'nam po', '南浦']],
  ['rason', 'KP', ['rason', 'rajin', 'rajin sonbong', '罗先', '羅先']],
  ['chongjin', 'KP', ['chongjin', '清津']],
  ['sinuiju', 'KP', ['sinuiju', '新义州', '新義州']],
  ['hamhung', 'KP', ['hamhung']],
  ['wonsan', 'KP', ['wonsan']],
  ['kaesong', 'KP', ['kaesong']],
  ['seoul', 'KR', ['seoul', 'so ul', 'seo ul', '首尔', '首爾']],
  ['busan', 'KR', ['busan', 'pusan']],
  ['beijing', 'CN', ['beijing', 'peking', 'pekin', '北京']],
  ['shanghai', 'CN', ['shanghai', 'shankhay', '上海']],
  ['shenzhen', 'CN', ['shenzhen', '深圳']],
  ['guangzhou', 'CN', ['guangzhou', 'canton', '广州', '廣州']],
  ['dalian', 'CN', ['dalian', '大连', '大連']],
  ['dandong', 'CN', ['dandong', '丹东', '丹東']],
  ['tianjin', 'CN', ['tianjin', '天津']],
  ['shenyang', 'CN', ['shenyang', '沈阳', '瀋陽']],
  ['qingdao', 'CN', ['qingdao', '青岛', '青島']],
  ['tokyo', 'JP', ['tokyo', '东京', '東京']],
  ['osaka', 'JP', ['osaka', '大阪']],
  ['taipei', 'TW', ['taipei', '台北', '臺北']],
  ['dubai', 'AE', ['dubai', 'dubay', '迪拜']],
  ['abu dhabi', 'AE', ['abu dhabi']],
  ['sharjah', 'AE', ['sharjah']],
  ['moscow', 'RU', ['moscow', 'moskva', '莫斯科']],
  ['saint petersburg', 'RU', ['saint petersburg', 'st petersburg', 'sankt peterburg']],
  ['vladivostok', 'RU', ['vladivostok', '符拉迪沃斯托克', '海参崴']],
  ['nakhodka', 'RU', ['nakhodka']],
  ['khabarovsk', 'RU', ['khabarovsk']],
  ['london', 'GB', ['london']],
  ['geneva', 'CH', ['geneva', 'geneve', 'genf']],
  ['zurich', 'CH', ['zurich']],
  ['paris', 'FR', ['paris']],
  ['berlin', 'DE', ['berlin']],
  ['frankfurt', 'DE', ['frankfurt']],
  ['vienna', 'AT', ['vienna', 'wien']],
  ['istanbul', 'TR', ['istanbul']],
  ['ankara', 'TR', ['ankara']],
  ['tehran', 'IR', ['tehran', 'teheran']],
  ['damascus', 'SY', ['damascus']],
  ['beirut', 'LB', ['beirut']],
  ['baghdad', 'IQ', ['baghdad']],
  ['kabul', 'AF', ['kabul']],
  ['karachi', 'PK', ['karachi']],
  ['lahore', 'PK', ['lahore']],
  ['islamabad', 'PK', ['islamabad']],
  ['doha', 'QA', ['doha']],
  ['riyadh', 'SA', ['riyadh']],
  ['jeddah', 'SA', ['jeddah', 'jiddah']],
  ['kuala lumpur', 'MY', ['kuala lumpur']],
  ['bangkok', 'TH', ['bangkok']],
  ['jakarta', 'ID', ['jakarta']],
  ['manila', 'PH', ['manila']],
  ['hanoi', 'VN', ['hanoi']],
  ['ho chi minh city', 'VN', ['ho chi minh city', 'saigon']],
  ['phnom penh', 'KH', ['phnom penh']],
  ['vientiane', 'LA', ['vientiane']],
  ['yangon', 'MM', ['yangon', 'rangoon']],
  ['ulaanbaatar', 'MN', ['ulaanbaatar', 'ulan bator']],
  ['minsk', 'BY', ['minsk']],
  ['kyiv', 'UA', ['kyiv', 'kiev', 'kiyev', 'kyyiv']],
  ['almaty', 'KZ', ['almaty']],
  ['tashkent', 'UZ', ['tashkent']],
  ['baku', 'AZ', ['baku']],
  ['tbilisi', 'GE', ['tbilisi']],
  ['yerevan', 'AM', ['yerevan']],
  ['cairo', 'EG', ['cairo']],
  ['khartoum', 'SD', ['khartoum']],
  ['sanaa', 'YE', ['sanaa']],
  ['aden', 'YE', ['aden']],
  ['mogadishu', 'SO', ['mogadishu']],
  ['nairobi', 'KE', ['nairobi']],
  ['new york', 'US', ['new york']],
  ['weihai', 'CN', ['weihai', '威海']],
  ['yantai', 'CN', ['yantai', '烟台', '煙台']],
  ['ningbo', 'CN', ['ningbo', '宁波', '寧波']],
  ['xiamen', 'CN', ['xiamen', 'amoy', '厦门', '廈門']],
  ['hangzhou', 'CN', ['hangzhou', '杭州']],
  ['harbin', 'CN', ['harbin', '哈尔滨', '哈爾濱']],
  ['hunchun', 'CN', ['hunchun', '珲春', '琿春']],
  ['yanji', 'CN', ['yanji', '延吉']],
  ['zhuhai', 'CN', ['zhuhai', '珠海']],
  ['blagoveshchensk', 'RU', ['blagoveshchensk']],
  ['novosibirsk', 'RU', ['novosibirsk']],
  ['yekaterinburg', 'RU', ['yekaterinburg', 'ekaterinburg']],
  ['kazan', 'RU', ['kazan']],
  ['novorossiysk', 'RU', ['novorossiysk']],
  ['limassol', 'CY', ['limassol']],
  ['nicosia', 'CY', ['nicosia']],
  ['rotterdam', 'NL', ['rotterdam']],
  ['hamburg', 'DE', ['hamburg']],
  ['antwerp', 'BE', ['antwerp', 'antwerpen']],
  ['piraeus', 'GR', ['piraeus']],
  ['muscat', 'OM', ['muscat']],
  ['kuwait city', 'KW', ['kuwait city']],
  ['manama', 'BH', ['manama']],
  ['tripoli', 'LY', ['tripoli']],
  ['benghazi', 'LY', ['benghazi']],
  ['tunis', 'TN', ['tunis']],
  ['algiers', 'DZ', ['algiers']],
  ['casablanca', 'MA', ['casablanca']],
  ['lagos', 'NG', ['lagos']],
  ['kampala', 'UG', ['kampala']],
  ['kinshasa', 'CD', ['kinshasa']],
  ['delhi', 'IN', ['delhi', 'new delhi']],
  ['mumbai', 'IN', ['mumbai', 'bombay']],
  ['colombo', 'LK', ['colombo']],
  ['dhaka', 'BD', ['dhaka']],
  ['bishkek', 'KG', ['bishkek']],
  ['astana', 'KZ', ['astana']],
  ['odesa', 'UA', ['odesa', 'odessa']],
  ['havana', 'CU', ['havana']],
  ['caracas', 'VE', ['caracas']],
  ['panama city', 'PA', ['panama city']],
];

/** Organizations a body is named as part of: "… of the KPA", "… of the Workers' Party of Korea". */
const ORGANIZATIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['kpa', ['kpa', 'korean peoples army', 'peoples army']],
  ['wpk', ['wpk', 'workers party of korea', 'korean workers party', 'kwp']],
];

interface QualifierEntry {
  kind: OrganizationQualifierKind;
  keys: string[];
  /** May follow a bare "of" (Bureau of KPA, Bank of Korea) and not only "of the". */
  bareOf: boolean;
}

/** Countries (not their cities) whose name may follow a bare "of": the DPRK's own designations (… of Korea). */
const BARE_OF_COUNTRY_KEYS = new Set(['KP']);

function phraseKey(text: string): string {
  return canonicalWords(normalizeText(text).split(' ')).join(' ');
}

/** Every qualifier phrase (canonical words joined by a space) with what it names. */
/** Words before a country's name in its official form ("Union of the Comoros"). */
const OFFICIAL_NAME_PREFIXES = [
  'republic of',
  'republic of the',
  'union of the',
  'kingdom of',
  'kingdom of the',
  'state of',
  'federal republic of',
  'islamic republic of',
  'democratic republic of',
  'democratic republic of the',
  'peoples republic of',
  'united republic of',
  'commonwealth of',
  'federation of',
  'sultanate of',
  'emirate of',
];

const QUALIFIERS: ReadonlyMap<string, QualifierEntry> = (() => {
  const entries = new Map<string, QualifierEntry>();
  const add = (text: string, kind: OrganizationQualifierKind, keys: readonly string[]): void => {
    const key = phraseKey(text);
    if (key.length === 0) return;
    const bareOf = kind === 'organization' || (keys.some((code) => BARE_OF_COUNTRY_KEYS.has(code)) && !keys.some(isCityKey));
    const existing = entries.get(key);
    if (existing) {
      for (const code of keys) if (!existing.keys.includes(code)) existing.keys.push(code);
      existing.bareOf ||= bareOf;
      return;
    }
    entries.set(key, { kind, keys: [...keys], bareOf });
  };
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of names) {
      // "Holy See (Vatican City State)" → "Holy See"; "Korea, Republic of" → also "Republic of Korea".
      const plain = name.replace(/\(.*\)/g, ' ');
      add(plain, 'place', [code]);
      const [before, after] = plain.split(',');
      if (before !== undefined && after !== undefined) add(`${after} ${before}`, 'place', [code]);
    }
  }
  for (const [text, codes] of COUNTRY_ALIASES) add(text, 'place', codes);
  // Official forms of a country's name: "Union of the Comoros", "Republic of Kenya", "Kingdom of Morocco".
  for (const [key, entry] of [...entries]) {
    if (entry.kind !== 'place' || entry.keys.some(isCityKey)) continue;
    for (const prefix of OFFICIAL_NAME_PREFIXES) {
      // A name of its own already listed keeps its own keys ("Republic of Korea" is KR, not both Koreas).
      if (!entries.has(phraseKey(`${prefix} ${key}`))) add(`${prefix} ${key}`, 'place', entry.keys);
    }
  }
  for (const [city, country, spellings] of CITIES) {
    for (const spelling of spellings) add(spelling, 'place', [`city:${city}`, country]);
  }
  for (const [key, spellings] of ORGANIZATIONS) {
    for (const spelling of spellings) add(spelling, 'organization', [key]);
  }
  return entries;
})();

/** Words in the longest qualifier phrase: no longer tail is looked up. */
const MAX_QUALIFIER_WORDS = Math.max(...[...QUALIFIERS.keys()].map((key) => key.split(' ').length));

/** A qualifier is taken out only when at least this many name words remain ("Bank of Korea" keeps "Korea"). */
const MIN_NAME_WORDS_LEFT = 2;

/** Words that do not count as name words when deciding what remains. */
const CONNECTIVES = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'an', 'a']);

/** Characters a Han word usually has: a Han token counts as one name word per two characters. */
const HAN_CHARACTERS_PER_WORD = 2;
const CJK_START = 0x2e80;

function nameWordCount(tokens: readonly string[], end: number): number {
  let count = 0;
  for (let index = 0; index < end; index += 1) {
    const token = tokens[index] ?? '';
    if (CONNECTIVES.has(token)) continue;
    const han = token.length > 0 && token.charCodeAt(0) >= CJK_START;
    count += han ? Math.max(1, Math.floor(token.length / HAN_CHARACTERS_PER_WORD)) : 1;
  }
  return count;
}

function qualifierOf(entry: QualifierEntry, words: readonly string[]): OrganizationQualifier {
  return { kind: entry.kind, keys: [...entry.keys], words: [...words] };
}

/**
 * The place that `tokens` name in full ("hong kong", "香港", "vladivostok", "dprk"), or null. For a bracketed text
 * read apart from its name.
 */
export function placeQualifier(tokens: readonly string[]): OrganizationQualifier | null {
  const words = canonicalWords(tokens);
  const entry = QUALIFIERS.get(words.join(' '));
  return entry?.kind === 'place' ? qualifierOf(entry, words) : null;
}

/** The qualifier that ends `tokens` after "of" or "of the" ("… of the KPA"), with where its phrase starts. */
function trailingDesignation(tokens: readonly string[]): { start: number; qualifier: OrganizationQualifier } | null {
  const count = tokens.length;
  // The name as a whole may be a qualifier's own name (Workers' Party of Korea): nothing to take out.
  if (QUALIFIERS.has(tokens.join(' '))) return null;
  for (let length = Math.min(MAX_QUALIFIER_WORDS, count - 2); length >= 1; length -= 1) {
    const phraseStart = count - length;
    const entry = QUALIFIERS.get(tokens.slice(phraseStart).join(' '));
    if (!entry) continue;
    const withThe = tokens[phraseStart - 1] === 'the';
    const ofIndex = withThe ? phraseStart - 2 : phraseStart - 1;
    if (tokens[ofIndex] !== 'of' || (!withThe && !entry.bareOf)) continue;
    if (nameWordCount(tokens, ofIndex) < MIN_NAME_WORDS_LEFT) return null;
    return { start: ofIndex, qualifier: qualifierOf(entry, tokens.slice(phraseStart)) };
  }
  return null;
}

/** A place written last without brackets ("… Hong Kong"), not after a connective, with where it starts. */
function trailingPlace(tokens: readonly string[]): { start: number; qualifier: OrganizationQualifier } | null {
  const count = tokens.length;
  for (let length = Math.min(MAX_QUALIFIER_WORDS, count - 1); length >= 1; length -= 1) {
    const start = count - length;
    const entry = QUALIFIERS.get(tokens.slice(start).join(' '));
    if (entry?.kind !== 'place') continue;
    if (CONNECTIVES.has(tokens[start - 1] ?? '') || nameWordCount(tokens, start) < MIN_NAME_WORDS_LEFT) return null;
    return { start, qualifier: qualifierOf(entry, tokens.slice(start)) };
  }
  return null;
}

/**
 * The canonical words of an organization's name (its legal forms already set aside) and the qualifiers taken out
 * of it: a bracketed place at the end ("Bank of China (Hong Kong)"), a place or organization after "of the" at the
 * end ("Reconnaissance General Bureau of the KPA"), and after a bare "of" only the DPRK's own designations and
 * organizations ("… of Korea", "… of KPA"). A qualifier is taken out only when at least two name words remain, so
 * "Bank of Korea" keeps "Korea"; a place at the head of the name ("Korea Kwangson Banking") is never taken out.
 * Pure; never returns fewer than one token for a non-empty name.
 */
export function canonicalOrganizationWords(
  tokens: readonly string[],
  options: OrganizationWordsOptions = {},
): OrganizationWords {
  const tailLength = Math.min(Math.max(options.bracketedTail ?? 0, 0), tokens.length);
  let words = canonicalWords(tokens.slice(0, tokens.length - tailLength));
  const qualifiers: OrganizationQualifier[] = [];
  if (tailLength > 0) {
    const tail = canonicalWords(tokens.slice(tokens.length - tailLength));
    const place = QUALIFIERS.get(tail.join(' '));
    if (place?.kind === 'place' && nameWordCount(words, words.length) >= MIN_NAME_WORDS_LEFT) {
      qualifiers.push(qualifierOf(place, tail));
    } else {
      words = [...words, ...tail];
    }
  }
  for (;;) {
    const found = trailingDesignation(words) ?? (options.unbracketedTrailingPlace ? trailingPlace(words) : null);
    if (!found) break;
    qualifiers.unshift(found.qualifier);
    words = words.slice(0, found.start);
  }
  const branch = options.placesInName ? null : branchPlace(words);
  if (branch) {
    qualifiers.push(branch.qualifier);
    words = [...words.slice(0, branch.start), ...words.slice(branch.end)];
  }
  if (options.leadingCity && !options.placesInName) {
    const city = leadingCity(words);
    if (city) {
      qualifiers.push(city.qualifier);
      words = words.slice(city.end);
    }
  }
  return { tokens: words, qualifiers };
}

/** Territories that are cities: one opening a name is where the company sits (Hong Kong Electronics Kish). */
const CITY_STATES = new Set(['HK', 'MO', 'SG']);

/** Words naming a branch or office after its place: "Al-Haramain: Turkey Branch", "… Moscow Representative Office". */
const BRANCH_WORDS = new Set(['branch', 'office', 'representation', 'representative', 'subsidiary', 'division']);

/** The place a branch word follows ("turkey branch"), with where it starts and ends, when two name words remain. */
function branchPlace(tokens: readonly string[]): { start: number; end: number; qualifier: OrganizationQualifier } | null {
  const branchAt = tokens.findIndex((token, index) => index > 0 && BRANCH_WORDS.has(token));
  if (branchAt < 0) return null;
  for (let length = Math.min(MAX_QUALIFIER_WORDS, branchAt); length >= 1; length -= 1) {
    const start = branchAt - length;
    const entry = QUALIFIERS.get(tokens.slice(start, branchAt).join(' '));
    if (entry?.kind !== 'place') continue;
    const rest = [...tokens.slice(0, start), ...tokens.slice(branchAt)];
    if (nameWordCount(rest, rest.length) < MIN_NAME_WORDS_LEFT) return null;
    return { start, end: branchAt, qualifier: qualifierOf(entry, tokens.slice(start, branchAt)) };
  }
  return null;
}

/**
 * A city that opens the name ("Shanghai Dongfeng Shipping", "Weihai World-Shipping Freight"), with where the name
 * goes on, when two name words remain. Only a city: a country at the head is the name's own ("Korea Kwangson").
 */
/** A word that names this organization rather than its kind or place (Hongyuan, not Marine, National or Korea). */
function isDistinctiveWord(token: string): boolean {
  const role = namePartRole(token, token);
  return role === 'part' || role === 'common';
}

function leadingCity(tokens: readonly string[]): { end: number; qualifier: OrganizationQualifier } | null {
  for (let length = Math.min(MAX_QUALIFIER_WORDS, tokens.length - 1); length >= 1; length -= 1) {
    const entry = QUALIFIERS.get(tokens.slice(0, length).join(' '));
    if (entry?.kind !== 'place' || !entry.keys.some((key) => isCityKey(key) || CITY_STATES.has(key))) continue;
    if (nameWordCount(tokens.slice(length), tokens.length - length) < MIN_NAME_WORDS_LEFT) return null;
    // … and only before a word of the name's own: "Seoul National University" is not the National University of Iran.
    if (!tokens.slice(length).some(isDistinctiveWord)) return null;
    return { end: length, qualifier: qualifierOf(entry, tokens.slice(0, length)) };
  }
  return null;
}

/**
 * True when `canonicalOrganizationWords` may change `tokens` (an abbreviation, a number, a connective it drops, an
 * "of" a qualifier may follow, a Russian number ending): a cheap test, so a name of unknown type is read as an
 * organization's only when that reading differs.
 */
export function organizationWordsMayChange(tokens: readonly string[], options: OrganizationWordsOptions = {}): boolean {
  const mayChange = tokens.some(
    (token) =>
      ABBREVIATIONS.has(token) ||
      NUMBER_WORDS.has(token) ||
      NUMBER_SIGNS.has(token) ||
      DROPPED_CONNECTIVES.has(token) ||
      token === 'of' ||
      BRANCH_WORDS.has(token) ||
      QUALIFIER_FIRST_WORDS.has(token) ||
      isDigit(token.charCodeAt(0)),
  );
  if (!mayChange) return false;
  // A word that could begin a place (Nam, Abu, San) is common in names: look closer.
  const { tokens: words, qualifiers } = canonicalOrganizationWords(tokens, options);
  return qualifiers.length > 0 || words.length !== tokens.length || words.some((word, index) => word !== tokens[index]);
}

/** The first word of every place and organization qualifier ("hong" of "hong kong"): a name holding one may have one. */
const QUALIFIER_FIRST_WORDS: ReadonlySet<string> = new Set([...QUALIFIERS.keys()].map((key) => key.split(' ')[0] ?? ''));

export type QualifierAgreement = 'same' | 'absent' | 'conflict';

function isCityKey(key: string): boolean {
  return key.startsWith('city:');
}

function placeKeys(qualifiers: readonly OrganizationQualifier[]): { countries: Set<string>; cities: Set<string> } {
  const countries = new Set<string>();
  const cities = new Set<string>();
  for (const qualifier of qualifiers) {
    if (qualifier.kind !== 'place') continue;
    for (const key of qualifier.keys) (isCityKey(key) ? cities : countries).add(key);
  }
  return { countries, cities };
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const key of a) if (b.has(key)) return true;
  return false;
}

/**
 * Compares the qualifiers of two organization names: `conflict` only when both name a place and the places
 * contradict — no country in common (Hong Kong vs Singapore), or two different cities (Moscow vs Vladivostok
 * branches); `same` when they share a key (HK and HK, Korea and DPRK, Moscow and Russia); `absent` otherwise,
 * including a qualifier on one side only ("of the KPA" vs nothing). Organization qualifiers never conflict.
 */
export function compareQualifiers(
  a: readonly OrganizationQualifier[],
  b: readonly OrganizationQualifier[],
): QualifierAgreement {
  if (a.length === 0 || b.length === 0) return 'absent';
  const placesA = placeKeys(a);
  const placesB = placeKeys(b);
  if (placesA.countries.size > 0 && placesB.countries.size > 0) {
    if (!intersects(placesA.countries, placesB.countries)) return 'conflict';
    if (placesA.cities.size > 0 && placesB.cities.size > 0 && !intersects(placesA.cities, placesB.cities)) return 'conflict';
  }
  const keysB = new Set(b.flatMap((qualifier) => qualifier.keys));
  return a.some((qualifier) => qualifier.keys.some((key) => keysB.has(key))) ? 'same' : 'absent';
}
