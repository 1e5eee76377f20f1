#!/usr/bin/env node
/**
 * Cuts the small OFAC SDN fixture (test/fixtures/ofac/small/) out of the 2023-12-28 legacy CSV files: the rows of
 * the entries below, copied unchanged (whole lines, same bytes, Latin-1, CRLF) in file order, every alt.csv and
 * add.csv row of those entries, each file ending with the 0x1A byte like the original.
 *
 *   node scripts/cut-ofac-fixture.mjs [source-dir] [target-dir]
 *
 * Defaults: ../shared/reference/ofac/2023-12-28 and test/fixtures/ofac/small. Writes sdn.csv, alt.csv, add.csv and
 * metadata.json; reads nothing else. Fails when an entry is missing or a row is not one whole line.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The entries of the fixture, by ent_num, and why each is there. */
const ENTRIES = {
  // Organizations
  20520: 'AIR KORYO: DPRK3, ten addresses',
  45054: "TRANSMASHHOLDING JSC: RUSSIA-EO14024, weak a.k.a. 'TMH'",
  46020: 'RUSSIAN TITANIUM RESOURCES LIMITED: Linked To TKACHUK (resolves) and NOVIKOV (not in the fixture)',
  9345: 'KOREA MINING DEVELOPMENT TRADING CORPORATION: NPWMD and DPRK2, target of Linked To',
  15603: 'FOREIGN TRADE BANK OF THE DPRK: DPRK3, SWIFT/BIC',
  19508: 'ILSIM INTERNATIONAL BANK: DPRK3, target of Linked To',
  27307: 'LAZARUS GROUP: DPRK3, remarks cut at 1,000 characters, weak a.k.a.',
  9334: 'ISLAMIC JIHAD GROUP: n.k.a. aliases in alt.csv',
  8244: 'AERO CONTINENTE S.A: tax and registration numbers',
  4642: 'f.k.a. aliases in alt.csv',
  22985: 'CHEIL CREDIT BANK: DPRK4, SWIFT/BIC',
  23149: 'YUSONG SHIPPING CO: DPRK4, Nationality of Registration',
  // Persons
  45997: 'TKACHUK, Anatoliy Nikolaevich: RUSSIA-EO14024',
  12211: 'KIM, Yong Chol: DPRK, DOB circa; UN KPi.024; same primary name as 17614',
  17614: 'KIM, Yong Chol: DPRK2; UN KPi.024',
  17615: 'JANG, Yong Son: DPRK2; UN KPi.017',
  17616: 'RYU, Jin: DPRK2, passport; UN KPi.027',
  18668: 'RI, Chong Chol: DPRK2, three passports (Korea, North), Linked To',
  19533: 'PAK, Chun Il: DPRK2, passport; UN KPi.029',
  19609: 'RI, Won Ho: DPRK2, citizen, passport; UN KPi.033',
  19791: "CHO, Il-U: DPRK2, POB, passport; UN KPi.040",
  21306: 'CHOE, Hwi: DPRK2, DOB range; UN KPi.042',
  21747: 'CHOE, Chun Yong: DPRK3, passport, Linked To; UN KPi.054',
  21748: 'KIM, Tong-ho: DPRK3; UN KPi.046',
  23001: "CH'OE, So'k-min: DPRK2; UN KPi.064 (S/RES/2397)",
  23214: 'KIM, Jong Sik: DPRK2; UN KPi.066 (S/RES/2397)',
  28263: 'TIAN, Yinyin: DPRK3 and CYBER2, remarks cut at 1,000 characters',
  43377: 'KIM, Sang Man: DPRK4, POB, digital currency address',
  // Vessels
  17069: 'CHONG CHON GANG: DPRK vessel, IMO 7937317',
  17084: 'AM NOK GANG: DPRK vessel, IMO 8132835',
  4243: "EBANO: CUBA vessel, IMO 7406784, weak f.k.a.",
  4238: 'MAR AZUL: CUBA vessel, call sign, vessel owner',
  23150: 'WON SAN 2: DPRK4 vessel',
  // Aircraft
  20540: 'P-532: DPRK3 aircraft operated by Air Koryo',
};

const PUBLICATION_DATE = '2023-12-28';
const SOURCE =
  "Rows cut unchanged out of OFAC's SDN legacy CSV of 2023-12-28 (in force 2023-12-28 to 2024-01-10) by " +
  'scripts/cut-ofac-fixture.mjs: sdn.csv from the public GitHub repository jackdwyer/specially-designated-nationals-list ' +
  '(commit 62d97508); alt.csv and add.csv from the test data of the public GitHub repository moov-io/watchman (commit fa395409).';

const END_OF_FILE = Buffer.from([0x1a]);
const CRLF = Buffer.from('\r\n', 'latin1');

const [sourceDir = '../shared/reference/ofac/2023-12-28', targetDir = 'test/fixtures/ofac/small'] = process.argv.slice(2);
const wanted = new Set(Object.keys(ENTRIES));

/** The file's lines as byte slices (without CRLF), the trailing 0x1A removed. */
function lines(file) {
  let bytes = fs.readFileSync(path.join(sourceDir, file));
  if (bytes[bytes.length - 1] !== 0x1a) throw new Error(`${file} does not end with 0x1A`);
  bytes = bytes.subarray(0, bytes.length - 1);
  const out = [];
  let start = 0;
  for (let index = bytes.indexOf(CRLF, start); index !== -1; index = bytes.indexOf(CRLF, start)) {
    out.push(bytes.subarray(start, index));
    start = index + CRLF.length;
  }
  if (start !== bytes.length) throw new Error(`${file} does not end with CRLF before 0x1A`);
  return out;
}

/** The ent_num a line starts with. */
function entNum(line) {
  return line.toString('latin1').split(',', 1)[0];
}

/** A whole-line CSV row: an even number of double quotes (no quoted field runs over into the next line). */
function isWholeRow(line) {
  return (line.toString('latin1').match(/"/g)?.length ?? 0) % 2 === 0;
}

fs.mkdirSync(targetDir, { recursive: true });
for (const file of ['sdn.csv', 'alt.csv', 'add.csv']) {
  const kept = lines(file).filter((line) => wanted.has(entNum(line)));
  for (const line of kept) if (!isWholeRow(line)) throw new Error(`${file}: row of ${entNum(line)} is not one whole line`);
  if (file === 'sdn.csv') {
    const found = new Set(kept.map(entNum));
    const missing = [...wanted].filter((id) => !found.has(id));
    if (missing.length > 0) throw new Error(`not in sdn.csv: ${missing.join(', ')}`);
  }
  const out = Buffer.concat([...kept.flatMap((line) => [line, CRLF]), END_OF_FILE]);
  fs.writeFileSync(path.join(targetDir, file), out);
  console.log(`${file}: ${kept.length} rows`);
}
fs.writeFileSync(
  path.join(targetDir, 'metadata.json'),
  `${JSON.stringify({ publicationDate: PUBLICATION_DATE, source: SOURCE }, null, 2)}\n`,
);
