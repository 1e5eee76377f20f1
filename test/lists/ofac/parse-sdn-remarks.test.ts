import { createOfacCountryResolver } from '../../../src/lists/ofac/ofac-country-names';
import {
  parseBirthDate,
  parseSdnRemarks,
  splitRemarkParts,
  type RemarkParseOptions,
} from '../../../src/lists/ofac/parse-sdn-remarks';
import type { BirthDate, Identifier, Place } from '../../../src/model/entity';

// Every remark string below is copied out of the OFAC legacy CSV files (2021-07-07, 2023-12-28, 2024-05-03).

const options: RemarkParseOptions = { resolveCountry: createOfacCountryResolver() };
const parse = (remarks: string, extra: Partial<RemarkParseOptions> = {}) => parseSdnRemarks(remarks, { ...options, ...extra });

describe('splitRemarkParts', () => {
  it('splits on semicolons and never on the commas of dates, places and names', () => {
    expect(
      splitRemarkParts(
        "DOB circa 1947; alt. DOB circa 1946; POB Pyongan-Pukto, North Korea; Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V.",
      ),
    ).toEqual(['DOB circa 1947', 'alt. DOB circa 1946', 'POB Pyongan-Pukto, North Korea', 'Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V.']);
  });

  it('keeps a parenthesized aside whole even when it holds semicolons', () => {
    const parts = splitRemarkParts(
      'Passport 1234 (Somalia); (Following data derived from an Eritrean passport issued under the alias name of Mukhtar Abdullahi Ali: Alt. DOB: 10 October 1969; Passport No.: 0310857, Eritrea, Issue Date 21 August 2006, Expire Date 20 August 2008).',
    );
    expect(parts).toHaveLength(2);
    expect(parts[1]).toMatch(/^\(Following data .* 20 August 2008\)\.$/);
  });

  it('splits where OFAC left out the space after the semicolon', () => {
    expect(splitRemarkParts("nationality possibly Palestinian;arrested 23 Apr 2002; a.k.a. 'ABU ALI'.")).toEqual([
      'nationality possibly Palestinian',
      'arrested 23 Apr 2002',
      "a.k.a. 'ABU ALI'.",
    ]);
  });
});

const birthDateCases: Array<[string, BirthDate]> = [
  ['DOB 18 Jun 1964', { kind: 'exact', date: '1964-06-18' }],
  ['DOB 1945', { kind: 'year', date: '1945' }],
  ['DOB circa 1947', { kind: 'approximately', date: '1947' }],
  ['alt. DOB circa 1946', { kind: 'approximately', date: '1946' }],
  ['DOB circa 01 Jan 1960', { kind: 'approximately', date: '1960-01-01' }],
  ['DOB 01 Jan 1953 to 31 Dec 1953', { kind: 'between', from: '1953-01-01', to: '1953-12-31' }],
  ['DOB 1958 to 1960', { kind: 'between', from: '1958', to: '1960' }],
  ['DOB circa 1979-1982', { kind: 'between', from: '1979', to: '1982', note: 'circa' }],
  ['DOB Mar 1960', { kind: 'exact', date: '1960-03' }],
  ['DOB Mar 1954 to Feb 1955', { kind: 'between', from: '1954-03', to: '1955-02' }],
  ['DOB 12 Apr 1970.', { kind: 'exact', date: '1970-04-12' }],
];

describe('dates of birth', () => {
  it.each(birthDateCases)('reads "%s"', (remarks, expected) => {
    const parsed = parse(remarks);
    expect(parsed.birthDates).toEqual([expected]);
    expect(parsed.kept).toEqual([]);
  });

  it('reads every DOB of "DOB circa 1947; alt. DOB circa 1946" (KIM, Yong Chol, ent_num 12211)', () => {
    expect(parse('DOB circa 1947; alt. DOB circa 1946').birthDates).toEqual([
      { kind: 'approximately', date: '1947' },
      { kind: 'approximately', date: '1946' },
    ]);
  });

  it('keeps a DOB it cannot read as published', () => {
    expect(parseBirthDate('1960s')).toBeUndefined();
    expect(parse('DOB 1960s').kept).toEqual([{ kind: 'unread', text: 'DOB 1960s' }]);
  });
});

const birthPlaceCases: Array<[string, Place]> = [
  ['POB Moscow, Russia', { city: 'Moscow', country: 'Russia', countryCode: 'RU' }],
  ['POB Culiacan, Sinaloa, Mexico', { city: 'Culiacan', stateProvince: 'Sinaloa', country: 'Mexico', countryCode: 'MX' }],
  [
    "POB Onso'ng County, North Hambuk Province, Democratic People's Republic of Korea",
    { city: "Onso'ng County", stateProvince: 'North Hambuk Province', country: "Democratic People's Republic of Korea", countryCode: 'KP' },
  ],
  ['POB Pyongan-Pukto, North Korea', { city: 'Pyongan-Pukto', country: 'North Korea', countryCode: 'KP' }],
  ['POB Damascus, Syria', { city: 'Damascus', country: 'Syria', countryCode: 'SY' }],
  ['POB Russia', { country: 'Russia', countryCode: 'RU' }],
  ["POB South Pyo'ngan Province, Pyo'ngso'ng", { city: "South Pyo'ngan Province", stateProvince: "Pyo'ngso'ng" }],
];

describe('places of birth', () => {
  it.each(birthPlaceCases)('reads "%s"', (remarks, expected) => {
    expect(parse(remarks).birthPlaces).toEqual([expected]);
  });
});

describe('nationality, citizenship and gender', () => {
  it.each([
    ['nationality Korea, North', ['KP']],
    ['citizen Korea, North', ['KP']],
    ['nationality Russia; citizen Russia', ['RU']],
    ['nationality Burma', ['MM']],
    ['nationality Iran; citizen Iraq', ['IR', 'IQ']],
  ])('reads "%s" as ISO alpha-2', (remarks, expected) => {
    expect(parse(remarks).nationalities).toEqual(expected);
  });

  it('keeps a nationality that names no country as published ("nationality possibly Palestinian")', () => {
    const parsed = parse('nationality possibly Palestinian');
    expect(parsed.nationalities).toEqual([]);
    expect(parsed.kept).toEqual([
      { kind: 'fact', text: 'nationality possibly Palestinian', label: 'nationality', value: 'possibly Palestinian' },
    ]);
  });

  it.each([
    ['Gender Male', 'Male'],
    ['Gender Female.', 'Female'],
  ])('reads "%s"', (remarks, expected) => {
    expect(parse(remarks).gender).toBe(expected);
  });
});

const identifierCases: Array<[string, Identifier]> = [
  ['Passport 563410081', { type: 'Passport', scheme: 'passport', value: '563410081' }],
  ['Passport 472220033 (Korea, North)', { type: 'Passport', scheme: 'passport', value: '472220033', country: 'KP' }],
  [
    'alt. Passport 472220503 (Korea, North) expires 06 Jun 2018',
    { type: 'Passport', scheme: 'passport', value: '472220503', country: 'KP', note: 'expires 06 Jun 2018' },
  ],
  [
    'Passport 381420754 issued 07 Dec 2011 expires 07 Dec 2016.',
    { type: 'Passport', scheme: 'passport', value: '381420754', issuedOn: '2011-12-07', note: 'expires 07 Dec 2016' },
  ],
  ['Passport RL 522139 (Lebanon)', { type: 'Passport', scheme: 'passport', value: 'RL 522139', country: 'LB' }],
  ['alt. Passport Booklet: A8235074 (Pakistan)', { type: 'Passport Booklet', scheme: 'passport', value: 'A8235074', country: 'PK' }],
  ['alt. Diplomatic Passport A011892 (Yemen)', { type: 'Diplomatic Passport', scheme: 'passport', value: 'A011892', country: 'YE' }],
  ['National ID No. 1234567890 (Russia)', { type: 'National ID No.', scheme: 'national-id', value: '1234567890', country: 'RU' }],
  ['Cedula No. 71579377 (Colombia)', { type: 'Cedula No.', scheme: 'national-id', value: '71579377', country: 'CO' }],
  ['C.U.R.P. ZAGD780911HSRMNN09 (Mexico)', { type: 'C.U.R.P.', scheme: 'national-id', value: 'ZAGD780911HSRMNN09', country: 'MX' }],
  ['Tax ID No. 7723199790 (Russia)', { type: 'Tax ID No.', scheme: 'tax-id', value: '7723199790', country: 'RU' }],
  ['R.F.C. ZAGD780911 (Mexico)', { type: 'R.F.C.', scheme: 'tax-id', value: 'ZAGD780911', country: 'MX' }],
  ['NIT # 8300720300 (Colombia)', { type: 'NIT #', scheme: 'tax-id', value: '8300720300', country: 'CO' }],
  ['Registration Number 1027739893246 (Russia)', { type: 'Registration Number', scheme: 'registration', value: '1027739893246', country: 'RU' }],
  [
    'Registration Number HRA 86913 (Darmstadt) (Germany)',
    { type: 'Registration Number', scheme: 'registration', value: 'HRA 86913', country: 'DE', note: 'Darmstadt' },
  ],
  ['Company Number 5146578.', { type: 'Company Number', scheme: 'registration', value: '5146578' }],
  ['Registration ID HE 290894.', { type: 'Registration ID', scheme: 'registration', value: 'HE 290894' }],
  [
    'alt. Business Registration Number 7686966-0143 (Utah) (United States)',
    { type: 'Business Registration Number', scheme: 'registration', value: '7686966-0143', country: 'US', note: 'Utah' },
  ],
  ['Vessel Registration Identification IMO 7937317.', { type: 'IMO', scheme: 'imo', value: '7937317' }],
  ['Vessel Registration Identification IMO  8904408', { type: 'IMO', scheme: 'imo', value: '8904408' }],
  [
    'Identification Number IMO 5320015',
    { type: 'IMO', scheme: 'imo', value: '5320015', note: 'published as "Identification Number IMO"' },
  ],
  ['SWIFT/BIC FTBDKPPY', { type: 'SWIFT/BIC', value: 'FTBDKPPY' }],
  ['Website http://nitcshipping.com', { type: 'Website', value: 'http://nitcshipping.com' }],
  ['Email Address general@sovfracht.ru', { type: 'Email Address', value: 'general@sovfracht.ru' }],
  ['Telephone (98)(2188934562)', { type: 'Telephone', value: '(98)(2188934562)' }],
  [
    'Digital Currency Address - XBT 3N6WeZ6i34taX8Ditser6LKWBcXmt2XXL4',
    { type: 'Digital Currency Address - XBT', value: '3N6WeZ6i34taX8Ditser6LKWBcXmt2XXL4' },
  ],
  ["Aircraft Manufacturer's Serial Number (MSN) 1023409321", { type: "Aircraft Manufacturer's Serial Number (MSN)", value: '1023409321' }],
  ['MMSI 445114000', { type: 'MMSI', value: '445114000' }],
];

describe('identifiers', () => {
  it.each(identifierCases)('reads "%s"', (remarks, expected) => {
    const parsed = parse(remarks);
    expect(parsed.identifiers).toEqual([expected]);
    expect(parsed.kept).toEqual([]);
  });

  it('reads all three passports of RI, Chong Chol (ent_num 18668)', () => {
    const parsed = parse(
      'Passport 199110092 (Korea, North) expires 17 Mar 2014; alt. Passport 472220503 (Korea, North) expires 06 Jun 2018; alt. Passport 654220197 (Korea, North) expires 07 May 2019',
    );
    expect(parsed.identifiers.map((identifier) => identifier.value)).toEqual(['199110092', '472220503', '654220197']);
  });
});

describe("OFAC's weak a.k.a.", () => {
  it.each([
    ["a.k.a. 'TMH'.", 'TMH', 'alias'],
    ["a.k.a. 'BNC'.", 'BNC', 'alias'],
    ["f.k.a. 'SAND SWAN'.", 'SAND SWAN', 'former'],
    ["a.k.a. 'ABU-'UMAR'.", "ABU-'UMAR", 'alias'],
    ["a.k.a. 'AL SUDANI, Abu Seif'.", 'AL SUDANI, Abu Seif', 'alias'],
    ["a.k.a. ''FOOPIE''", 'FOOPIE', 'alias'],
    ["d.b.a. 'ANARQUIA PAINTBALL'.", 'ANARQUIA PAINTBALL', 'alias'],
  ])('reads "%s" as a low-quality name %s (%s)', (remarks, name, kind) => {
    const parsed = parse(remarks);
    expect(parsed.aliases).toEqual([expect.objectContaining({ name, kind, quality: 'low', script: 'latin', origin: 'source' })]);
    expect(parsed.kept).toEqual([]);
  });
});

describe('Linked To, statements and unread parts', () => {
  it('returns "Linked To:" names for the mapper to resolve, text kept as published', () => {
    expect(parse('Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION.').kept).toEqual([
      { kind: 'linked-to', text: 'Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION.', name: 'KOREA MINING DEVELOPMENT TRADING CORPORATION.' },
    ]);
  });

  it.each([
    ['Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210', 'Secondary sanctions risk'],
    ['Additional Sanctions Information - Subject to Secondary Sanctions', 'Additional Sanctions Information'],
    ['Organization Established Date 07 Apr 2010', 'Organization Established Date'],
    ['Aircraft Operator Air Koryo', 'Aircraft Operator'],
    ['Target Type Financial Institution', 'Target Type'],
    ['Listing Date (EO 14024 Directive 2): 24 Feb 2022', 'Listing Date (EO 14024 Directive 2)'],
    ['Executive Order 13846 information: BLOCKING PROPERTY AND INTERESTS IN PROPERTY.  Sec. 5(a)(iv)', 'Executive Order 13846 information'],
    ['all offices worldwide.', 'Scope'],
  ])('keeps the statement "%s" as published, labelled %s', (remarks, label) => {
    const parsed = parse(remarks);
    expect(parsed.kept).toEqual([expect.objectContaining({ kind: 'fact', text: remarks, label })]);
  });

  it('ties a vessel operator to the country of "Nationality of Registration Korea, North" and keeps the text', () => {
    const parsed = parse('Nationality of Registration Korea, North');
    expect(parsed.countries).toEqual(['KP']);
    expect(parsed.nationalities).toEqual([]);
    expect(parsed.kept).toHaveLength(1);
  });

  it.each([['ICTY indictee.'], ['wife of Izzat Ibrahim Al-Duri.'], ['U.S.A. Passport issued 21 Jun 1992 in Amman, Jordan.']])(
    'keeps "%s" as published, never dropped',
    (remarks) => {
      expect(parse(remarks).kept).toEqual([{ kind: 'unread', text: remarks }]);
    },
  );

  it("reads a part repeating the entry's Title as the title, not a remark", () => {
    const parsed = parse('DOB 07 Aug 1965; KOMID official in Syria.', { title: 'KOMID official in Syria' });
    expect(parsed.kept).toEqual([]);
    expect(parsed.partCount).toBe(2);
  });

  it('keeps the last part as text when the remarks were cut at 1,000 characters', () => {
    const parsed = parse("DOB 12 Apr 1970; a.k.a. 'snowsjo", { lastPartMayBeCut: true });
    expect(parsed.birthDates).toHaveLength(1);
    expect(parsed.aliases).toEqual([]);
    expect(parsed.kept).toEqual([{ kind: 'unread', text: "a.k.a. 'snowsjo" }]);
  });

  it('reads a whole entry: CHO, Il-U (ent_num 19791)', () => {
    const parsed = parse(
      "DOB 10 May 1945; POB Musan, North Hamgyo'ng Province, North Korea; nationality Korea, North; Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214; Passport 736410010 (Korea, North); Director of the Fifth Bureau of the Reconnaissance General Bureau.",
      { title: 'Director of the Fifth Bureau of the Reconnaissance General Bureau' },
    );
    expect(parsed.partCount).toBe(7);
    expect(parsed.birthDates).toEqual([{ kind: 'exact', date: '1945-05-10' }]);
    expect(parsed.birthPlaces).toEqual([
      { city: 'Musan', stateProvince: "North Hamgyo'ng Province", country: 'North Korea', countryCode: 'KP' },
    ]);
    expect(parsed.nationalities).toEqual(['KP']);
    expect(parsed.identifiers).toEqual([{ type: 'Passport', scheme: 'passport', value: '736410010', country: 'KP' }]);
    expect(parsed.kept.map((part) => part.kind)).toEqual(['fact', 'fact']);
  });
});
