/**
 * Matcher throughput, in process: queries/s of `createMatcher` against a naive fuse.js scan (Fuse over every name,
 * default options, `search(query)`) on the same queries, on the bundled UN list and on generated corpora of
 * 20,000 → 200,000 names. Also reports index build time, heap after build and how per-query cost grows with the
 * corpus. Deterministic: every corpus and query set comes from a seeded PRNG.
 *
 *   npx tsx bench/perf.ts            (npm run bench:perf)
 */
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import Fuse from 'fuse.js';
import { readFile } from 'node:fs/promises';
import { loadUnConsolidatedList } from '../src/lists/un/load-un-list';
import { loadInvestigation } from '../src/lists/investigation/load-investigation';
import { readOfacSdnZip, zipOfacDirectory } from '../src/lists/ofac';
import { readUkConsolidatedList } from '../src/lists/uk';
import { createMatcher } from '../src/matching/matcher';
import type { MatchQuery } from '../src/matching/types';
import { entityOfNames, type CanonicalEntity, type EntityName, type EntityType } from '../src/model/entity';
import { createRng as createSeededRng } from './quality/prng';

const UN_FILE = path.join(__dirname, '../data/un/consolidated-2024-09-26.xml');
/** Rounds per measurement; the median is reported. */
const ROUNDS = 5;
/** Rounds of the naive scan (slow: a few queries a round at 200,000 names). */
const NAIVE_ROUNDS = 3;
/** Queries per round for the matcher. */
const MATCHER_QUERIES = 1000;
/**
 * Queries run before measuring the steady rate, drawn apart from the measured ones: a running service has answered
 * many queries, so its JIT is warm and its bounded caches of recurring name parts hold what traffic left in them
 * (measured: the rate climbs over the first ~4,000 queries after a build, then holds). The first 1,000 queries
 * after the build are measured on their own ("cold").
 */
const WARM_UP_QUERIES = 5000;
/** Queries per round for the naive scan on the UN list (a full scan per query is slow). */
const NAIVE_QUERIES_UN = 100;
/** Queries per round for the naive scan on generated corpora, by size: one scan of 200,000 names takes seconds. */
const naiveQueriesFor = (names: number): number => Math.max(3, Math.round(200_000 / names));
/** Corpus sizes for the growth table (kept to three so the whole run stays within a few minutes on two cores). */
const CORPUS_SIZES = [20_000, 100_000, 200_000];
const SEED = 20240926;

// ---------------------------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers.

/** The shared seeded PRNG (mulberry32, bench/quality/prng.ts) as a plain float generator. */
function createRng(seed: number): () => number {
  return createSeededRng(seed).next;
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const chance = (rng: Rng, p: number): boolean => rng() < p;
const words = (text: string): string[] => text.trim().split(/\s+/);

// ---------------------------------------------------------------------------------------------------------------
// Name pools for the generated corpus (realistic, multi-origin; none of them is a list entry).

const KOREAN_FAMILY = words('Kim Ri Lee Pak Park Choe Choi Jong Jeong Kang Cho Jo Yun Jang Chang Im Rim Han O Oh So Seo Sin Shin Kwon Hwang An Ahn Song Ryu Yu Jon Jeon Hong Ko Mun Yang Son Pae Paek Ho Nam Sim No Ha Kwak Song Cha Ju Chu U Ku Min Jin Na Ji Om Chae Won Chon Pang Kong Hyon Ham Pyon Yom Yo Chu To Tong So Sok Son Sol Ma Kil Yon Wi Pyo Myong Ki Pan Wang Kum Ok Yuk In Maeng Je Mo Thak Kuk Ro Ra');
const KOREAN_GIVEN = words('yong chol song il nam su min jun ho hyok kwang myong chun sik jin hui ok sun hwa gyong kyong hyon jong dok man sam un ryong bong gil hak won gun tae kuk chang pil yun mi hye jae seung ji seo yeon hoon woo cheol young sung kyung hyun gwang');
const RUSSIAN_MALE = words('Aleksandr Alexander Sergei Sergey Dmitry Dmitriy Andrei Andrey Alexei Aleksey Ivan Mikhail Nikolai Vladimir Pavel Pyotr Petr Yuri Yury Viktor Oleg Igor Maksim Maxim Artem Artyom Roman Denis Evgeny Yevgeny Konstantin Boris Anatoly Vadim Gennady Vasily Stanislav Fyodor Fedor Grigory Leonid Ilya Kirill Timur Ruslan Anton');
const RUSSIAN_FEMALE = words('Natalia Natalya Elena Yelena Olga Irina Tatiana Tatyana Svetlana Anna Maria Ekaterina Yekaterina Anastasia Yulia Julia Lyudmila Galina Marina Oksana Larisa Vera Nadezhda Valentina Daria Darya Alina Ksenia Polina Sofia');
const RUSSIAN_FAMILY = words('Ivanov Smirnov Kuznetsov Popov Vasilyev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Nikitin Zakharov Zaitsev Solovyov Borisov Yakovlev Grigoryev Romanov Vorobyov Sergeev Kuzmin Frolov Alexandrov Dmitriev Korolev Gusev Kiselev Ilyin Maksimov Polyakov Sorokin Vinogradov Kovalev Belov Medvedev Antonov Tarasov Zhukov Baranov Filippov Komarov Davydov Belyaev Gerasimov Bogdanov Osipov Sidorov Matveev Titov Markov Mironov Krylov Kulikov Karpov Vlasov Melnikov Denisov Gavrilov Tikhonov Kazakov Afanasyev Danilov Savelyev Timofeev Fomin Chernov Abramov Martynov Efimov Fedotov Shcherbakov Nazarov Kalinin Isaev Chernyshev Bykov Maslov Rodionov Konovalov Lazarev Voronin Klimov Filatov Ponomarev Golubev Kudryavtsev Prokhorov Naumov Potapov Zhuravlev Ovchinnikov Trofimov Leonov Sobolev Ermakov Kolesnikov Goncharov Emelyanov Nikiforov Grachev Kotov Grishin Efremov Arkhipov Gromov Kirillov Malyshev Panov Moiseev Rumyantsev Akimov Kondratyev Biryukov Gorbunov Anisimov Eremin Tikhomirov Galkin Lukyanov Mikheev Skvortsov Yudin Belousov Nesterov Simonov Prokofiev Kharitonov Knyazev Tsvetkov Levin Mitrofanov Voronov Aksenov Sofronov Maltsev Loginov Gorshkov Savin Krasnov Mayorov Demidov Eliseev Rybakov Safonov Plotnikov Demin Khokhlov Fadeev Molchanov Ignatov Litvinov Ershov Ushakov Dementyev Ryabov Mukhin Kalashnikov Leontyev Lobanov Kuzin Korneev Evdokimov Borodin Platonov Nekrasov Balashov Bobrov Zhdanov Blinov Ignatyev Korotkov Muravyev Kryukov Belyakov Bogomolov Drozdov Lavrov Zuev Petukhov Larin Nikulin Serov Terentyev Zotov Ustinov Fokin Samoilov Konstantinov Sazonov Tkachuk Kovalenko Bondarenko Shevchenko Kravchenko Tkachenko Melnyk Boyko Koval Oliynyk');
const ARABIC_GIVEN = words('Mohammed Muhammad Mohamed Ahmed Ahmad Ali Omar Umar Hassan Hussein Ibrahim Ismail Yusuf Youssef Khalid Khaled Walid Saleh Salim Said Nasser Yasir Tariq Faisal Hamza Hamid Mahmoud Mustafa Murad Nabil Rashid Sami Samir Tawfiq Ziad Zaid Abbas Abdullah Abdallah Adnan Adel Akram Amin Amir Ammar Anas Anwar Ashraf Ayman Aziz Bakr Bashir Bilal Bassam Fadi Fares Ghassan Habib Hadi Haitham Hisham Imad Jamal Jamil Karim Kamal Majid Malik Mansour Marwan Mazen Munir Nader Osama Qasim Rami Riyad Sabri Sharif Sultan Taha Wael Yahya Zakaria Fatima Aisha Khadija Maryam Zainab Amina Layla Huda Nour Rania Salma Samira Sara Yasmin');
const ARABIC_FAMILY = words('Al-Masri Al-Sayed Haddad Khoury Nasser Hamdan Mansour Saleh Aziz Ibrahim Hussein Abbas Khalil Qasim Darwish Barakat Najjar Sabbagh Shami Tamimi Zoubi Jaber Rahman Karimi Hakimi Bakri Harbi Otaibi Qahtani Shammari Dosari Mutairi Ghamdi Zahrani Anazi Hashemi Jabouri Obeidi Dulaimi Tikriti Rawi Ani Jaziri Maliki Sadr Hakim Bazzi Fadlallah Jumblatt Hariri Salam Karami Mikati Hoss Sfeir Gemayel Chamoun Frangieh Aoun Berri');
const CHINESE_FAMILY = words('Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Du Ye Cheng Wei Su Lu Ding Ren Shen');
const CHINESE_GIVEN = words('Wei Fang Na Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Tao Ming Chao Xiu Xia Ping Gang Hui Hong Lin Bin Hao Yu Xin Bo Long Jian Hua Feng Kai Peng Qing Lan Ying Dan Rui Zhen Yi Chen Ning');
const WESTERN_GIVEN = words('James John Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Mark Paul Andrew George Peter Henry Frank Jan Hans Pierre Jean Luca Marco Carlos Juan Jose Luis Miguel Pedro Mary Patricia Jennifer Linda Elizabeth Susan Sarah Karen Laura Anna Sophie Marie Claire Julia Emma Olivia Lucia Carmen');
const WESTERN_FAMILY = words('Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Mitchell Roberts Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Dubois Durand Lefebvre Moreau Laurent Rossi Russo Ferrari Esposito Bianchi Romano Jansen Visser Nowak Kowalski Wisniewski');
const ORG_WORDS = words('Trading Shipping Energy Mining Steel Textile Fishery Marine Logistics Construction Engineering Electronics Chemical Machinery Agro Food Pharma Finance Capital Investment Development Technology Systems Industrial Import Export Holding Resources Metals Timber Cargo Transport Petroleum Gas Cement Glass Paper Auto Rail Aviation Ocean River Mountain Star Sun Pine Eagle Dragon Tiger Phoenix Unity Progress Harmony Victory Pioneer Golden Silver Northern Southern Eastern Western Central Pacific Baltic Arctic Siberian Ural Volga Amur Taedong Chollima Paektu Kumgang Ryugyong Songun Juche Moranbong Haeyang Kwangmyong Unha Samilpo');
const ORG_PLACES = words('Korea Pyongyang Moscow Vladivostok Novosibirsk Kazan Sochi Khabarovsk Dalian Shenyang Dandong Beijing Shanghai Hong-Kong Singapore Dubai Istanbul Minsk Tashkent Almaty Baku Tbilisi Yerevan Riga Warsaw Berlin London Zurich Cyprus Malta');
const LEGAL_FORMS = words('LLC Ltd Co. Corp. Corporation JSC PJSC OOO AO ZAO GmbH Limited Inc. PLC SA');

const KOREAN_SPELLING: Readonly<Record<string, string[]>> = {
  pak: ['park', 'bak'], ri: ['lee', 'rhee', 'yi'], choe: ['choi'], chol: ['cheol', 'chul'], kyong: ['gyeong', 'kyung'],
  song: ['seong', 'sung'], yong: ['young', 'yeong'], hyon: ['hyun', 'hyeon'], jong: ['jeong', 'chung'], kim: ['gim'],
  tong: ['dong'], kwang: ['gwang'], myong: ['myung', 'myeong'], hyok: ['hyuk', 'hyeok'], sik: ['shik'], su: ['soo'],
};

function koreanName(rng: Rng): string {
  const family = pick(rng, KOREAN_FAMILY);
  const given = [pick(rng, KOREAN_GIVEN), pick(rng, KOREAN_GIVEN)];
  const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  if (chance(rng, 0.5)) return `${family.toUpperCase()} ${given.join(' ').toUpperCase()}`;
  return `${family} ${capital(given[0] as string)}-${given[1]}`;
}

function russianName(rng: Rng): string {
  const female = chance(rng, 0.4);
  const given = pick(rng, female ? RUSSIAN_FEMALE : RUSSIAN_MALE);
  let family = pick(rng, RUSSIAN_FAMILY);
  if (female && /(ov|ev|in)$/.test(family)) family += 'a';
  if (!chance(rng, 0.35)) return chance(rng, 0.2) ? `${family.toUpperCase()}, ${given}` : `${given} ${family}`;
  const father = pick(rng, RUSSIAN_MALE).replace(/(ei|ey|ii|iy|y|i)$/, '');
  return `${given} ${father}${female ? 'ovna' : 'ovich'} ${family}`;
}

function arabicName(rng: Rng): string {
  const parts = [pick(rng, ARABIC_GIVEN), pick(rng, ARABIC_GIVEN)];
  if (chance(rng, 0.4)) parts.push(pick(rng, ARABIC_GIVEN));
  parts.push(pick(rng, ARABIC_FAMILY));
  return parts.join(' ');
}

function chineseName(rng: Rng): string {
  const given = chance(rng, 0.6) ? `${pick(rng, CHINESE_GIVEN)}${pick(rng, CHINESE_GIVEN).toLowerCase()}` : pick(rng, CHINESE_GIVEN);
  return `${pick(rng, CHINESE_FAMILY)} ${given}`;
}

function westernName(rng: Rng): string {
  const middle = chance(rng, 0.3) ? ` ${pick(rng, WESTERN_GIVEN)}` : '';
  return `${pick(rng, WESTERN_GIVEN)}${middle} ${pick(rng, WESTERN_FAMILY)}`;
}

function organizationName(rng: Rng): string {
  const core = [pick(rng, ORG_WORDS), pick(rng, ORG_WORDS)];
  if (chance(rng, 0.5)) core.unshift(pick(rng, ORG_PLACES));
  const form = pick(rng, LEGAL_FORMS);
  return chance(rng, 0.3) ? `${form} ${core.join(' ')}` : `${core.join(' ')} ${form}`;
}

function generatedEntity(rng: Rng, index: number): CanonicalEntity {
  const roll = rng();
  let type: EntityType = 'person';
  let primary: string;
  if (roll < 0.25) primary = koreanName(rng);
  else if (roll < 0.5) primary = russianName(rng);
  else if (roll < 0.68) primary = arabicName(rng);
  else if (roll < 0.78) primary = chineseName(rng);
  else if (roll < 0.88) primary = westernName(rng);
  else {
    primary = organizationName(rng);
    type = 'organization';
  }
  const names: EntityName[] = [{ name: primary, kind: 'primary', script: 'latin', origin: 'source' }];
  return entityOfNames({ id: `gen-${index}`, type, dataset: 'generated', primaryName: primary, names });
}

/** `count` names (one name per entity), multi-origin, deterministic for a seed. */
export function generateCorpus(count: number, seed = SEED): CanonicalEntity[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, index) => generatedEntity(rng, index));
}

// ---------------------------------------------------------------------------------------------------------------
// Queries: listed names as a bank would write them (typos, reordering, other romanizations) and unlisted names.

function typo(rng: Rng, text: string): string {
  const i = 1 + Math.floor(rng() * Math.max(1, text.length - 2));
  const ops = [
    () => text.slice(0, i) + text.slice(i + 1),
    () => text.slice(0, i) + pick(rng, [...'aeioulnrst']) + text.slice(i + 1),
    () => text.slice(0, i) + (text[i + 1] ?? '') + (text[i] ?? '') + text.slice(i + 2),
  ];
  return pick(rng, ops)();
}

function respell(rng: Rng, text: string): string {
  return text
    .split(/([\s-]+)/)
    .map((part) => {
      const variants = KOREAN_SPELLING[part.toLowerCase()];
      return variants && chance(rng, 0.7) ? pick(rng, variants) : part;
    })
    .join('');
}

export function makeQueries(entities: readonly CanonicalEntity[], count: number, seed: number): MatchQuery[] {
  const rng = createRng(seed);
  const queries: MatchQuery[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = rng();
    if (roll < 0.3) {
      queries.push({ name: pick(rng, [koreanName, russianName, arabicName, chineseName, westernName, organizationName])(rng) });
      continue;
    }
    const listed = pick(rng, entities).primaryName;
    if (roll < 0.5) queries.push({ name: listed });
    else if (roll < 0.7) queries.push({ name: typo(rng, listed) });
    else if (roll < 0.85) queries.push({ name: listed.split(/\s+/).reverse().join(' ') });
    else queries.push({ name: respell(rng, listed) });
  }
  return queries;
}

// ---------------------------------------------------------------------------------------------------------------
// Measurement.

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

interface Rate {
  /** Median queries per wall-clock second. */
  wall: number;
  /** Median queries per CPU second of this process (less sensitive to other load on a shared machine). */
  cpu: number;
}

/**
 * Median queries/s over the rounds (one query set per round, each new to the matcher, so its caches of recurring
 * name parts help only as much as they would on fresh traffic), by wall clock and by this process's CPU time.
 */
function queriesPerSecond(rounds: readonly (readonly MatchQuery[])[], run: (query: MatchQuery) => unknown, warmUp: readonly MatchQuery[]): Rate {
  for (const query of warmUp) run(query);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const queries of rounds) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (const query of queries) run(query);
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpuStarted);
    wall.push((queries.length / elapsed) * 1000);
    cpu.push((queries.length / Math.max(1, used.user + used.system)) * 1e6);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** A full garbage collection, so heapUsed reflects live data (the flag is enabled at run time, no CLI flag needed). */
const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

function heapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

interface Row {
  corpus: string;
  names: number;
  buildMs: number;
  heapMb: number;
  /** Steady rate: after the warm-up, median of the rounds. */
  matcher: Rate;
  /** The first MATCHER_QUERIES queries right after the build. */
  cold: Rate;
  naive: Rate;
  naiveQueries: number;
}

function measure(corpus: string, entities: CanonicalEntity[], naiveQueries: number, seed: number): Row {
  const names = entities.reduce((sum, entity) => sum + entity.names.length, 0);
  const heapBefore = heapMb();
  const matcher = createMatcher(entities);
  const heapAfter = heapMb();
  // The cold round, the warm-up and every round draw their own queries (seeds seed, seed+1, ...): none repeats another's.
  const cold = makeQueries(entities, MATCHER_QUERIES, seed);
  const warmUp = makeQueries(entities, WARM_UP_QUERIES, seed + 1);
  const rounds = Array.from({ length: ROUNDS }, (_, round) => makeQueries(entities, MATCHER_QUERIES, seed + 2 + round));
  const coldRate = queriesPerSecond([cold], (query) => matcher.match(query), []);
  const matcherRate = queriesPerSecond(rounds, (query) => matcher.match(query), warmUp);
  const fuse = new Fuse(entities.flatMap((entity) => entity.names.map((entry) => entry.name)));
  const naiveRounds = rounds.slice(0, NAIVE_ROUNDS).map((queries) => queries.slice(0, naiveQueries));
  const naiveRate = queriesPerSecond(naiveRounds, (query) => fuse.search(query.name), warmUp.slice(0, 3));
  return {
    corpus,
    names,
    buildMs: matcher.stats.buildMs,
    heapMb: heapAfter - heapBefore,
    matcher: matcherRate,
    cold: coldRate,
    naive: naiveRate,
    naiveQueries: naiveQueries,
  };
}

function printTable(rows: Row[]): void {
  const header = [
    'corpus',
    'names',
    'build ms',
    'heap MB',
    'matcher q/s',
    'q/CPU-s',
    'µs/query',
    'cold q/CPU-s',
    'naive q/s',
    'naive q/CPU-s',
    'speed-up',
    'naive queries',
  ];
  const lines = rows.map((row) => [
    row.corpus,
    row.names.toLocaleString('en-US'),
    row.buildMs.toLocaleString('en-US'),
    row.heapMb.toFixed(0),
    row.matcher.wall.toFixed(0),
    row.matcher.cpu.toFixed(0),
    (1e6 / row.matcher.wall).toFixed(0),
    row.cold.cpu.toFixed(0),
    row.naive.wall.toFixed(2),
    row.naive.cpu.toFixed(2),
    `${(row.matcher.cpu / row.naive.cpu).toFixed(0)}×`,
    String(row.naiveQueries),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

/** Every list the service loads by default (UN 2026-02-27, OFAC SDN 2023-12-28, UK 2025-04-14) and the investigation. */
async function loadBundledCorpus(): Promise<CanonicalEntity[]> {
  const data = path.join(__dirname, '../data');
  const [un, ofac, uk, investigation] = await Promise.all([
    loadUnConsolidatedList(path.join(data, 'un/consolidated-2026-02-27.xml')),
    zipOfacDirectory(path.join(data, 'ofac/2023-12-28')).then((zip) => readOfacSdnZip(zip)),
    readFile(path.join(data, 'uk/2025-04-14/ConList.xlsx')).then((bytes) => readUkConsolidatedList(bytes)),
    loadInvestigation(data),
  ]);
  return [...un.entities, ...ofac.entities, ...uk.entities, ...investigation.entities];
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `Matcher throughput, one core, in process. Steady rate: after ${WARM_UP_QUERIES} warm-up queries, median of ${ROUNDS} rounds, each its own ${MATCHER_QUERIES} queries;`,
  );
  console.log(`cold = the first ${MATCHER_QUERIES} queries right after the index is built (JIT and caches of recurring name parts empty).`);
  console.log(`naive = fuse.js over every name with default options, search(query), on the first queries of the first ${NAIVE_ROUNDS} rounds.`);
  console.log('q/s is by wall clock; q/CPU-s by this process\'s CPU time (steadier when the machine is shared). Speed-up uses CPU time.');
  console.log('Queries: 70 % listed names (exact, one typo, reordered, another Korean romanization), 30 % unlisted names.\n');
  const rows: Row[] = [];
  try {
    const un = await loadUnConsolidatedList(UN_FILE);
    rows.push(measure('UN list 2024-09-26', un.entities, NAIVE_QUERIES_UN, 1));
  } catch (error) {
    console.log(`UN list not measured: could not load ${UN_FILE} (${error instanceof Error ? error.message : String(error)}).\n`);
  }
  try {
    rows.push(measure('UN + OFAC SDN + UK + investigation', await loadBundledCorpus(), NAIVE_QUERIES_UN / 5, 2));
  } catch (error) {
    console.log(`Bundled lists not measured: ${error instanceof Error ? error.message : String(error)}.\n`);
  }
  for (const size of CORPUS_SIZES) {
    rows.push(measure(`generated ${size / 1000}k`, generateCorpus(size), naiveQueriesFor(size), size));
  }
  printTable(rows);
  const generated = rows.filter((row) => row.corpus.startsWith('generated'));
  const smallest = generated[0];
  const largest = generated[generated.length - 1];
  if (smallest && largest) {
    const corpusGrowth = largest.names / smallest.names;
    const costGrowth = smallest.matcher.cpu / largest.matcher.cpu;
    console.log(
      `\nPer-query cost ${smallest.names.toLocaleString('en-US')} → ${largest.names.toLocaleString('en-US')} names: ` +
        `×${costGrowth.toFixed(2)} for a ×${corpusGrowth.toFixed(0)} larger corpus (a full scan grows ×${corpusGrowth.toFixed(0)}).`,
    );
    console.log(
      `At ${largest.names.toLocaleString('en-US')} names: ${largest.matcher.wall.toFixed(0)} queries/s wall, ` +
        `${largest.matcher.cpu.toFixed(0)} per CPU-second (target ≥ 2,000); cold ${largest.cold.cpu.toFixed(0)} per CPU-second; ` +
        `${(largest.matcher.cpu / largest.naive.cpu).toFixed(0)}× the naive scan (target ≥ 100×).`,
    );
    console.log(`The naive scan ran only ${largest.naiveQueries} queries per round at ${largest.names.toLocaleString('en-US')} names: it is that slow.`);
  }
  console.log('Heap: heapUsed after the build minus before, each after a full garbage collection: the index alone.');
  console.log(`Total time ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

if (require.main === module) {
  void main();
}
