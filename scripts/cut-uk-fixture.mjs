#!/usr/bin/env node
/**
 * Cuts the small UK test fixture test/fixtures/uk/small/ConList.csv out of the shipped OFSI export
 * data/uk/2025-04-14/ConList.xlsx: every name row of the designations in GROUP_IDS, in file order, cell values
 * copied unchanged; only the container changes (XLSX → CSV in OFSI's CSV layout: a "Last Updated,<date>" line, the
 * header row, then the rows). Run from the repository root: `node scripts/cut-uk-fixture.mjs`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'data/uk/2025-04-14/ConList.xlsx');
const TARGET = path.join(ROOT, 'test/fixtures/uk/small/ConList.csv');

/** The designations kept, by OFSI Group ID, each with why it is in the fixture. */
const GROUP_IDS = {
  // DPRK individuals with a UN reference: KPi.063 (designated by S/RES/2375), and others of 2375/2397.
  13540: 'PAK YONG SIK, (UN Ref):KPi.063',
  13559: "CH'OE SO'K MIN, KPi.064, curly and straight apostrophes",
  13568: 'PAK BONG NAM, KPi.073',
  13481: 'RI JAE IL, KPi.051',
  13561: 'KIM JONG SIK, KPi.066, six name rows',
  // DPRK entities with a UN reference.
  13575: 'MINISTRY OF NATIONAL DEFENCE, KPe.054',
  13541: "CENTRAL MILITARY COMMISSION OF THE WORKERS' PARTY OF KOREA, KPe.051",
  13538: 'MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES, KPe.050',
  13634: 'KOREA MYONGDOK SHIPPING CO, KPe.063',
  // DPRK ships with IMO numbers, flags and aliases.
  13651: 'SAM JONG 2, IMO 7408873, nine name rows',
  13649: 'YU PHYONG 5, IMO 8605026',
  13655: 'JI SONG 6, IMO 8898740, one row',
  13661: 'HAP JANG GANG 6, IMO 9066540',
  // Russia regime persons with Cyrillic names.
  15273: 'Andrey Removich BOKAREV, President of Transmashholding',
  15890: 'Andrei Andreevich ZADACHIN',
  15176: 'Sergei Navilievich ABUKOV',
  15124: 'Yuri Nikolaevich AFANASEVSKY',
  16096: 'Andrei Anatolievich ALEKSEENKO',
  16773: 'VASILY VITALYEVICH ABRAMOV, national identification number',
  14212: 'Roman ABRAMOVICH, several passports',
  15611: 'Alexander Vladimirovich FROLOV, date of birth with an unknown day',
  // Entities with business registration numbers, parents and subsidiaries.
  16767: 'JOINT-STOCK COMPANY SCIENTIFIC AND PRODUCTION ENTERPRISE SALYUT: OGRN, INN, KPP; Cyrillic and Ukrainian names',
  15395: 'PJSC AEROFLOT: subsidiaries',
  14177: 'BANK OF RUSSIA',
  16754: 'AKTSIONERNOE OBSHCHESTVO ZAVOD KIROV-ENERGOMASH',
  14039: 'LLC SYNESIS (Belarus): "(УНН/ИНН)" registration numbers',
  // Other scripts.
  16818: 'NO KWANG CHOL: Hangul',
  16349: 'Muhammad Fadl ABDULNABI: Arabic',
  15703: 'MADO COMPANY: Persian',
  16852: 'Shalva BEDOIDZE: Georgian',
  16643: 'AUTEL ROBOTICS CO., LTD.: Chinese',
  // Designations under several regimes (one listing naming them all).
  11241: 'IRGC QODS FORCE: Iran (Nuclear) and Syria, a different "Primary name" per regime',
  13918: 'Alexander LUKASHENKO: Belarus and Global Human Rights',
  13897: 'Global Human Rights and Myanmar',
  // Quirks of the data, kept as published.
  16601: 'no "Primary name" row',
  16789: 'no "Primary name" row, Chinese name',
  16180: 'UN reference printed "CDi. 038" with a space',
  16036: 'UK reference followed by a no-break space',
  15878: 'no UK Sanctions List reference',
  13189: 'ADF: FKA names',
  7059: 'Mohamed ABBATTAY: passports and national id, numbered "(1) … (2) …"',
  13754: 'Mazen AL-TARAZI: date of birth "mm/yyyy"',
  16164: 'AZIM AGHAJANI: Iran (Nuclear), several passports',
};

/** A cell as the text OFSI's CSV holds: strings as they are (this export holds only strings and empty cells). */
function cellText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  throw new Error(`unexpected non-text cell value ${JSON.stringify(value)}: extend cut-uk-fixture.mjs`);
}

/** RFC 4180 quoting: a value with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(fs.readFileSync(SOURCE));
const sheet = workbook.worksheets[0];
const rows = [];
sheet.eachRow({ includeEmpty: false }, (row) => {
  rows.push(Array.isArray(row.values) ? row.values.slice(1).map(cellText) : []);
});

const [dateLine, header, ...dataRows] = rows;
if (dateLine?.[0] !== 'Last Updated') throw new Error(`expected the "Last Updated" line first, got ${JSON.stringify(dateLine)}`);
const groupIdColumn = header.indexOf('Group ID');
if (groupIdColumn === -1) throw new Error('no "Group ID" column in the header');

const wanted = new Set(Object.keys(GROUP_IDS));
const kept = dataRows.filter((cells) => wanted.has(cells[groupIdColumn]));
const found = new Set(kept.map((cells) => cells[groupIdColumn]));
const missing = [...wanted].filter((id) => !found.has(id));
if (missing.length > 0) throw new Error(`Group IDs not in the list: ${missing.join(', ')}`);

const width = header.length;
const line = (cells) => Array.from({ length: width }, (_, i) => csvField(cells[i] ?? '')).join(',');
const csv = [dateLine.filter((cell) => cell !== '').map(csvField).join(','), line(header), ...kept.map(line)].join('\r\n') + '\r\n';

fs.mkdirSync(path.dirname(TARGET), { recursive: true });
fs.writeFileSync(TARGET, csv, 'utf8');
console.log(`${path.relative(ROOT, TARGET)}: ${kept.length} name rows of ${found.size} designations`);
