import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config';
import { normalizeText } from './normalize-text';
import { phoneticSkeleton } from './phonetic-skeleton';
import { hasCyrillic, transliterateCyrillic } from './transliterate-cyrillic';

/**
 * Given-name variants: a nickname or diminutive and the full name it stands for (Ted ~ Theodore, Bill ~ William,
 * Sasha ~ Aleksandr, Volodya ~ Vladimir), from the tables in `data/names` (see its README).
 *
 * Every full name of a table is one class; a variant belongs to the class of each full name it stands for. Two names
 * are variants when they belong to a common class, and classes are never merged through a shared nickname: al is a
 * variant of Albert and of Alfred, but Albert is not a variant of Alfred. Names are looked up by phonetic skeleton,
 * so the spellings the skeleton folds (Aleksandr/Alexandr, Dmitriy/Dmitry/Dmitri, Sascha/Sasha) need no rows, and
 * a name in no table is tried with the silent e of a final -re added or dropped (Theodor finds Theodore).
 */

/** Where the shipped tables live: `data/names` of the project, whether running from src/ or from dist/src. */
export const GIVEN_NAMES_DIR = path.join(PROJECT_ROOT, 'data', 'names');

/** carltonnorthern/nicknames (Apache-2.0): `name1,relationship,name2`, name1 the full name. */
const ENGLISH_FILE = 'english-nicknames.csv';
/** Ours, same format as the English file: well-known short forms it lacks (Bibi = Benjamin). */
const EXTRA_FILE = 'extra-nicknames.csv';
/** Ours: `name,variant,kind`, Cyrillic names with their diminutives and the Latin spellings the skeleton does not fold. */
const RUSSIAN_FILE = 'russian-diminutives.csv';

/** The relationship the English table uses for full name → nickname (its only one). */
const HAS_NICKNAME = 'has_nickname';

export type GivenNameSource = 'english' | 'extra' | 'russian';

/** One class: a full name as its table writes it (Cyrillic for Russian) and the table it comes from. */
export interface GivenNameClass {
  readonly id: number;
  readonly name: string;
  readonly source: GivenNameSource;
}

export interface GivenNameTable {
  /**
   * Ids of the classes a name's phonetic skeleton belongs to, ascending; empty when none. A skeleton in no table is
   * tried once more with the silent e of a final -re added or dropped (Theodor → Theodore).
   */
  classesOfSkeleton(skeleton: string): readonly number[];
  /** Ids of the classes a normalized given name (Latin, or Cyrillic read as Russian) belongs to; empty when none. */
  classesOf(token: string): readonly number[];
  /** True when the two names share a class (see the module comment for what equality means). */
  areVariants(a: string, b: string): boolean;
  /** The class with this id, or undefined. */
  classById(id: number): GivenNameClass | undefined;
  /** Number of classes and of distinct lookup keys, for logs. */
  readonly size: { readonly classes: number; readonly keys: number };
}

const NO_CLASSES: readonly number[] = Object.freeze([]);

/**
 * The lookup key of a name: its phonetic skeleton, after the text normalization and, for Cyrillic, the Russian
 * reading the service gives it (саша → sasha). Empty for a name with no letters.
 */
export function givenNameKey(name: string): string {
  if (/^[a-z]+$/.test(name)) return phoneticSkeleton(name);
  const text = normalizeText(name);
  const latin = hasCyrillic(text) ? transliterateCyrillic(text, 'ru') : text;
  return phoneticSkeleton(latin.replace(/ /g, ''));
}

/** Splits a small CSV without quoted fields (what these tables are): header dropped, blank lines skipped, CRLF or LF. */
function readRows(file: string, columns: number): string[][] {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const fields = line.split(',').map((field) => field.trim());
    if (fields.length !== columns) throw new Error(`${file}:${i + 1}: expected ${columns} fields, got "${line}"`);
    rows.push(fields);
  }
  return rows;
}

/**
 * Reads the three tables of `namesDir` (synchronously, once per call) into a lookup table. Throws when a file is
 * missing or malformed, quoting the file and line; never writes.
 */
export function readGivenNameTable(namesDir: string): GivenNameTable {
  const classes: GivenNameClass[] = [];
  const classIdByName = new Map<string, number>();
  const membersByKey = new Map<string, Set<number>>();

  const classFor = (source: GivenNameSource, name: string): number => {
    const qualified = `${source}:${name}`;
    let id = classIdByName.get(qualified);
    if (id === undefined) {
      id = classes.length;
      classes.push({ id, name, source });
      classIdByName.set(qualified, id);
    }
    return id;
  };
  // Full names repeat on every row of their nicknames: each distinct name is keyed once.
  const keyByName = new Map<string, string>();
  const addMember = (id: number, name: string): void => {
    let key = keyByName.get(name);
    if (key === undefined) keyByName.set(name, (key = givenNameKey(name)));
    if (key === '') return;
    let members = membersByKey.get(key);
    if (!members) membersByKey.set(key, (members = new Set()));
    members.add(id);
  };
  const addPair = (source: GivenNameSource, fullName: string, variant: string): void => {
    const id = classFor(source, fullName);
    addMember(id, fullName);
    addMember(id, variant);
  };

  for (const [source, file] of [
    ['english', ENGLISH_FILE],
    ['extra', EXTRA_FILE],
  ] as const) {
    const fullPath = path.join(namesDir, file);
    for (const [fullName, relationship, nickname] of readRows(fullPath, 3)) {
      if (relationship !== HAS_NICKNAME) throw new Error(`${fullPath}: unknown relationship "${relationship}"`);
      addPair(source, fullName ?? '', nickname ?? '');
    }
  }
  const russianPath = path.join(namesDir, RUSSIAN_FILE);
  for (const [name, variant, kind] of readRows(russianPath, 3)) {
    if (kind !== 'diminutive' && kind !== 'spelling') throw new Error(`${russianPath}: unknown kind "${kind}"`);
    addPair('russian', name ?? '', variant ?? '');
  }

  const classesByKey = new Map<string, readonly number[]>();
  for (const [key, members] of membersByKey) classesByKey.set(key, Object.freeze([...members].sort((x, y) => x - y)));

  const classesOfSkeleton = (skeleton: string): readonly number[] =>
    classesByKey.get(skeleton) ?? classesByKey.get(silentFinalEVariant(skeleton)) ?? NO_CLASSES;
  const classesOf = (token: string): readonly number[] => classesOfSkeleton(givenNameKey(token));
  return {
    classesOfSkeleton,
    classesOf,
    areVariants: (a, b) => intersects(classesOf(a), classesOf(b)),
    classById: (id) => classes[id],
    size: { classes: classes.length, keys: classesByKey.size },
  };
}

/**
 * The skeleton with the silent e of a final -re dropped, or added to a final -r (Theodor → Theodore, Isidor → Isidore,
 * Alexandre → Alexandr): German and Slavic spellings drop it, and the skeleton keeps it. Only after -r: elsewhere a
 * final e tells a woman's name from a man's (Simon/Simone, Denis/Denise, Yvon/Yvonne).
 */
function silentFinalEVariant(skeleton: string): string {
  if (skeleton.endsWith('re')) return skeleton.slice(0, -1);
  return skeleton.endsWith('r') ? `${skeleton}e` : skeleton;
}

/** True when two ascending id lists share an element. */
function intersects(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) return true;
    if (x < y) i += 1;
    else j += 1;
  }
  return false;
}

let shippedTable: GivenNameTable | undefined;

/** The table of the shipped `data/names`, read at first use (a few ms) and kept: the files never change at run time. */
export function shippedGivenNameTable(): GivenNameTable {
  shippedTable ??= readGivenNameTable(GIVEN_NAMES_DIR);
  return shippedTable;
}

/**
 * The nickname classes of a normalized given name ('theodore', 'ted', 'sasha', 'aleksandr', 'alexander'; Cyrillic is
 * read as Russian): ids of the classes it belongs to, ascending, empty when none. Ids are stable for one build of the
 * tables only; never store them.
 */
export function givenNameClasses(token: string): readonly number[] {
  return shippedGivenNameTable().classesOf(token);
}

/**
 * True when the two normalized given names share a nickname class (Ted ~ Theodore, Bill ~ William, Sasha ~
 * Aleksandr/Alexander, Volodya ~ Vladimir). Equality is the caller's to judge: a name in no table is a variant of
 * nothing, itself included, while a tabulated name is a variant of itself and of its folded spellings.
 */
export function areNameVariants(a: string, b: string): boolean {
  return shippedGivenNameTable().areVariants(a, b);
}
