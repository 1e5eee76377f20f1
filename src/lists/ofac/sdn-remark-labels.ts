import type { IdentifierScheme } from '../../model/entity';

/**
 * The labels OFAC's legacy SDN remarks put before a value, read off the 2021-07-07, 2023-12-28 and 2024-05-03
 * files: identifiers ("Passport A1234567 (Iran) expires 01 Jan 2020") and statements the canonical model has no
 * field for ("Organization Established Date 2001", "Secondary sanctions risk: …").
 */

/**
 * How the text after an identifier label reads: `document` = number, then optional parenthesized qualifiers
 * (the last one the issuing country), then optional "issued <date>" and "expires <date>"; `verbatim` = the whole
 * rest is the value (phone numbers with parentheses, web sites, e-mail and digital currency addresses).
 */
export type IdentifierValueForm = 'document' | 'verbatim';

export interface IdentifierLabel {
  /** The label as OFAC prints it (matched case-insensitively, followed by a space or a colon). */
  label: string;
  /** The kind screening compares, where the label names one. */
  scheme?: IdentifierScheme;
  form: IdentifierValueForm;
}

const document = (label: string, scheme?: IdentifierScheme): IdentifierLabel =>
  scheme === undefined ? { label, form: 'document' } : { label, scheme, form: 'document' };
const verbatim = (label: string): IdentifierLabel => ({ label, form: 'verbatim' });

/**
 * Identifier labels. A scheme is given only where the label names that kind of number without doubt: a passport
 * decides a match, a national id conflicts when it differs, so "Identification Number" (any kind of number),
 * voter cards, driving licences and residence permits get none.
 */
export const IDENTIFIER_LABELS: readonly IdentifierLabel[] = [
  // Passports.
  document('Passport', 'passport'),
  document('Passport No.', 'passport'),
  document('Passport Booklet', 'passport'),
  document('Diplomatic Passport', 'passport'),
  document('British National Overseas Passport', 'passport'),
  document('Stateless Person Passport', 'passport'),
  // National identity numbers: one per person, issued by the state.
  document('National ID No.', 'national-id'),
  document('Cedula No.', 'national-id'),
  document('C.U.R.P.', 'national-id'),
  document('C.U.R.P. #', 'national-id'),
  document('D.N.I.', 'national-id'),
  document('Personal ID Card', 'national-id'),
  document('National Foreign ID Number', 'national-id'),
  document('Tazkira National ID Card', 'national-id'),
  document('Turkish Identification Number', 'national-id'),
  document('Kenyan ID No.', 'national-id'),
  document('Bosnian Personal ID No.', 'national-id'),
  document('Moroccan Personal ID No.', 'national-id'),
  document("Citizen's Card Number", 'national-id'),
  document('Numero de Identidad', 'national-id'),
  document('CNP (Personal Numerical Code)', 'national-id'),
  document('SSN', 'national-id'),
  // Tax numbers.
  document('Tax ID No.', 'tax-id'),
  document('R.F.C.', 'tax-id'),
  document('R.F.C. #', 'tax-id'),
  document('RFC', 'tax-id'),
  document('NIT #', 'tax-id'),
  document('RUC #', 'tax-id'),
  document('RIF #', 'tax-id'),
  document('V.A.T. Number', 'tax-id'),
  document('C.U.I.T.', 'tax-id'),
  document('US FEIN', 'tax-id'),
  document('Italian Fiscal Code', 'tax-id'),
  document('Fiscal Code', 'tax-id'),
  document('Romanian Tax Registration', 'tax-id'),
  document('Paraguayan tax identification number', 'tax-id'),
  document('Numero Unico de Identificacao Tributaria (NUIT)', 'tax-id'),
  document('C.I.F.', 'tax-id'),
  document('RTN', 'tax-id'),
  // Company and business registers.
  document('Registration ID', 'registration'),
  document('Registration Number', 'registration'),
  document('Company Number', 'registration'),
  document('UK Company Number', 'registration'),
  document('Company ID: No.', 'registration'),
  document('Business Registration Number', 'registration'),
  document('Business Registration Document #', 'registration'),
  document('Business Number', 'registration'),
  document('Commercial Registry Number', 'registration'),
  document('C.R. No.', 'registration'),
  document('Romanian C.R.', 'registration'),
  document('Folio Mercantil No.', 'registration'),
  document('Matricula Mercantil No', 'registration'),
  document('Trade License No.', 'registration'),
  document('Chamber of Commerce Number', 'registration'),
  document('Istanbul Chamber of Comm. No.', 'registration'),
  document('Dubai Chamber of Commerce Membership No.', 'registration'),
  document('Certificate of Incorporation Number', 'registration'),
  document('Unified Social Credit Code (USCC)', 'registration'),
  document('United Social Credit Code Certificate (USCCC)', 'registration'),
  document('Public Registration Number', 'registration'),
  document('Central Registration System Number', 'registration'),
  document('Enterprise Number', 'registration'),
  document('Legal Entity Number', 'registration'),
  document('LE Number', 'registration'),
  document('Registered Charity No.', 'registration'),
  document('Government Gazette Number', 'registration'),
  document('D-U-N-S Number', 'registration'),
  document('MSB Registration Number', 'registration'),
  // Other numbers: shown and compared as text only.
  document('Identification Number'),
  document('Economic Register Number (CBLS)'),
  document('Branch Unit Number'),
  document('Organization Code'),
  document('License'),
  document('Tourism License No.'),
  document('Afghan Money Service Provider License Number'),
  document("Driver's License No."),
  document('Birth Certificate Number'),
  document('Residency Number'),
  document('Permit Number'),
  document('SRE Permit No.'),
  document('Travel Document Number'),
  document('VisaNumberID'),
  document('Immigration No.'),
  document('Public Security and Immigration No.'),
  document('Refugee ID Card'),
  document('Stateless Person ID Card'),
  document('Romanian Permanent Resident CAN'),
  document('Temporary suspension of deportation No.'),
  document('N.I.E.'),
  document('UAE Identification'),
  document('Electoral Registry No.'),
  document('Credencial electoral'),
  document('I.F.E.'),
  document('C.U.I.'),
  document('C.U.I.P.'),
  document('Cartilla de Servicio Militar Nacional'),
  document('Military Registration Number'),
  document('Pilot License Number'),
  document('File Number'),
  document('Serial No.'),
  document('ISIN'),
  document('Chinese Commercial Code'),
  document('BIK (RU)'),
  verbatim('SWIFT/BIC'),
  document('MMSI'),
  verbatim('Other Vessel Call Sign'),
  document('Vessel Registration Identification'),
  document("Aircraft Manufacturer's Serial Number (MSN)"),
  document('Aircraft Construction Number (also called L/N or S/N or F/N)'),
  document('Aircraft Serial Identification'),
  document('Aircraft Mode S Transponder Code'),
  verbatim('Aircraft Tail Number'),
  verbatim('Previous Aircraft Tail Number'),
  verbatim('UN/LOCODE'),
  verbatim('MICEX Code'),
  // Contact details and addresses on the Internet: the whole rest is the value.
  verbatim('Phone Number'),
  verbatim('Phone No.'),
  verbatim('Telephone'),
  verbatim('Telephone No.'),
  verbatim('Telephone Number'),
  verbatim('Fax'),
  verbatim('Fax No.'),
  verbatim('TELEX'),
  verbatim('Email Address'),
  verbatim('Email'),
  verbatim('Website'),
];

/**
 * Statements the remarks make that no canonical field holds (kept as text in `remarks` and, as label and value,
 * in `raw.remarkFacts`). Each pattern reads the whole part (its final period already removed): the named group
 * `value` is the value, `label` names the statement (from the groups where the label carries a number).
 */
export interface FactPattern {
  label: string | ((groups: Readonly<Record<string, string | undefined>>) => string);
  pattern: RegExp;
  /** The value names a country the entry is tied to (a company's or a vessel's country of registration). */
  country?: boolean;
}

export const FACT_PATTERNS: readonly FactPattern[] = [
  { label: 'Additional Sanctions Information', pattern: /^Additional Sanctions Information\s*-\s*(?<value>.+)$/i },
  { label: 'Secondary sanctions risk', pattern: /^Secondary sanctions risk:\s*(?<value>.+)$/i },
  {
    label: 'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions',
    pattern: /^Transactions Prohibited For Persons Owned or Controlled By U\.S\. Financial Institutions:\s*(?<value>.+)$/i,
  },
  {
    label: (groups) => `Executive Order ${groups.order ?? ''} information`,
    pattern: /^Executive Order (?<order>\d+) information:\s*(?<value>.+)$/i,
  },
  {
    label: (groups) => `Executive Order ${groups.order ?? ''} Directive ${groups.kind ?? ''}`,
    pattern: /^Executive Order (?<order>\d+) Directive (?<kind>Determination|Information)\s*-?\s*(?<value>.+)$/i,
  },
  {
    label: (groups) => `CAATSA Section ${groups.section ?? ''} Information`,
    pattern: /^CAATSA Section (?<section>\d+) Information:\s*(?<value>.+)$/i,
  },
  { label: 'IFCA Determination', pattern: /^IFCA Determination\s*-\s*(?<value>.+)$/i },
  {
    label: (groups) => `${groups.date ?? ''} (${groups.order ?? ''})`,
    pattern: /^(?<date>Listing Date|Effective Date) \((?<order>[^)]+)\):\s*(?<value>.+)$/i,
  },
  { label: 'Directives', pattern: /^(?<value>For more information on directives.+)$/i },
  { label: 'Organization Established Date', pattern: /^Organization Established Date\s+(?<value>.+)$/i },
  { label: 'Organization Type', pattern: /^Organization Type:\s*(?<value>.+)$/i },
  { label: 'Target Type', pattern: /^Target Type\s+(?<value>.+)$/i },
  { label: 'Aircraft Model', pattern: /^Aircraft Model\s+(?<value>.+)$/i },
  { label: 'Aircraft Operator', pattern: /^Aircraft Operator\s+(?<value>.+)$/i },
  { label: 'Aircraft Manufacture Date', pattern: /^Aircraft Manufacture Date\s+(?<value>.+)$/i },
  { label: 'Former Vessel Flag', pattern: /^Former Vessel Flag\s+(?<value>.+)$/i },
  { label: 'Other Vessel Flag', pattern: /^Other Vessel Flag\s+(?<value>.+)$/i },
  { label: 'Other Vessel Type', pattern: /^Other Vessel Type\s+(?<value>.+)$/i },
  { label: 'Vessel Year of Build', pattern: /^Vessel Year of Build\s+(?<value>.+)$/i },
  { label: 'Nationality of Registration', pattern: /^Nationality of Registration\s+(?<value>.+)$/i, country: true },
  { label: 'Registration Country', pattern: /^Registration Country\s+(?<value>.+)$/i, country: true },
  { label: 'Scope', pattern: /^(?<value>(?:and )?all (?:other )?(?:offices|branches|locations) worldwide)$/i },
];
