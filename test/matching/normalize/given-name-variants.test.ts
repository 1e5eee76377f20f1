import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  areNameVariants,
  givenNameClasses,
  GIVEN_NAMES_DIR,
  readGivenNameTable,
  shippedGivenNameTable,
} from '../../../src/matching/normalize/given-name-variants';
import { transliterateCyrillic } from '../../../src/matching/normalize/transliterate-cyrillic';

describe('areNameVariants with the shipped tables', () => {
  const variants: Array<[string, string]> = [
    // English (carltonnorthern/nicknames)
    ['ted', 'theodore'],
    ['teddy', 'theodore'],
    // A name in no table is tried with the silent e of a final -re added or dropped.
    ['ted', 'theodor'],
    ['izzy', 'isidor'],
    ['bill', 'william'],
    ['bob', 'robert'],
    ['peggy', 'margaret'],
    ['al', 'albert'],
    ['al', 'alfred'],
    // Ours (extra-nicknames.csv)
    ['bibi', 'benjamin'],
    // Russian (russian-diminutives.csv), in the service's Russian reading and in customary Latin spellings
    ['sasha', 'aleksandr'],
    ['sasha', 'alexander'],
    ['sascha', 'alexandr'],
    ['shura', 'alexandre'],
    ['aleksandr', 'alexander'],
    ['sasha', 'aleksandra'],
    ['volodya', 'vladimir'],
    ['wolodja', 'wladimir'],
    ['vova', 'vladimir'],
    ['dima', 'dmitriy'],
    ['dima', 'dmitry'],
    ['dima', 'dmitri'],
    ['dima', 'dimitri'],
    ['misha', 'mikhail'],
    ['mischa', 'michail'],
    ['kolya', 'nikolay'],
    ['kolia', 'nikolai'],
    ['seryozha', 'sergey'],
    ['serezha', 'sergei'],
    ['vanya', 'ivan'],
    ['zhenya', 'yevgeniy'],
    ['zhenya', 'evgenia'],
    ['natasha', 'natalya'],
    ['katya', 'ekaterina'],
    ['petya', 'pyotr'],
    ['fedya', 'fedor'],
    // Cyrillic tokens are read as Russian.
    ['саша', 'alexander'],
    ['володя', 'владимир'],
  ];
  it.each(variants)('%s is a variant of %s', (a, b) => {
    expect(areNameVariants(a, b)).toBe(true);
    expect(areNameVariants(b, a)).toBe(true);
  });

  const notVariants: Array<[string, string]> = [
    // al abbreviates both, but the two full names are not merged through it.
    ['albert', 'alfred'],
    ['ted', 'william'],
    ['sasha', 'vladimir'],
    // Слава is a diminutive of Владислав and of Вячеслав; the two full names stay apart.
    ['vladislav', 'vyacheslav'],
    // Саша is Александр and Александра, which are not one name.
    ['aleksandr', 'aleksandra'],
    // The English and Russian classes of Alexander are not merged either.
    ['sasha', 'alex'],
    ['khalil', 'khalid'],
    ['', 'ted'],
    // Elsewhere a final e is not silent: it tells a woman's name from a man's (the English table does pair Louis with Louise).
    ['simon', 'simone'],
  ];
  it.each(notVariants)('%s is not a variant of %s', (a, b) => {
    expect(areNameVariants(a, b)).toBe(false);
    expect(areNameVariants(b, a)).toBe(false);
  });

  it('leaves equality to the caller: a tabulated name is its own variant, a name in no table is not', () => {
    expect(areNameVariants('theodore', 'theodore')).toBe(true);
    expect(areNameVariants('khalil', 'khalil')).toBe(false);
  });

  it('returns no classes for a name in no table, and ascending ids for one in several', () => {
    expect(givenNameClasses('khalil')).toEqual([]);
    const al = givenNameClasses('al');
    expect(al.length).toBeGreaterThan(2);
    expect([...al].sort((x, y) => x - y)).toEqual(al);
  });

  it('names the classes a name belongs to and the table they come from', () => {
    const table = shippedGivenNameTable();
    const names = table.classesOf('sasha').map((id) => table.classById(id));
    expect(names).toEqual([
      expect.objectContaining({ name: 'александр', source: 'russian' }),
      expect.objectContaining({ name: 'александра', source: 'russian' }),
    ]);
  });

  it('keys the Russian table by the service’s own reading of Cyrillic', () => {
    expect(transliterateCyrillic('александр', 'ru')).toBe('aleksandr');
    expect(transliterateCyrillic('владимир', 'ru')).toBe('vladimir');
    expect(transliterateCyrillic('саша', 'ru')).toBe('sasha');
    expect(transliterateCyrillic('володя', 'ru')).toBe('volodya');
    expect(transliterateCyrillic('дмитрий', 'ru')).toBe('dmitriy');
  });
});

describe('the shipped data/names files', () => {
  const read = (file: string): string[] => fs.readFileSync(path.join(GIVEN_NAMES_DIR, file), 'utf8').split(/\r?\n/).filter(Boolean);

  it('ships the English nickname table whole, with its Apache-2.0 licence', () => {
    const rows = read('english-nicknames.csv');
    expect(rows[0]).toBe('name1,relationship,name2');
    expect(rows).toHaveLength(2692);
    expect(fs.readFileSync(path.join(GIVEN_NAMES_DIR, 'english-nicknames.LICENSE.txt'), 'utf8')).toContain('Apache License');
  });

  it('writes the Russian table in lower-case Cyrillic, with Latin only for spellings the skeleton does not fold', () => {
    const [header, ...rows] = read('russian-diminutives.csv');
    expect(header).toBe('name,variant,kind');
    for (const row of rows) {
      const [name, variant, kind] = row.split(',');
      expect(name).toMatch(/^[а-яё]+$/);
      expect(['diminutive', 'spelling']).toContain(kind);
      expect(variant).toMatch(kind === 'diminutive' ? /^[а-яё]+$/ : /^[a-z]+$/);
    }
    expect(new Set(rows.map((row) => row.split(',')[0])).size).toBeGreaterThanOrEqual(60);
  });
});

describe('readGivenNameTable', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'given-names-'));
    fs.writeFileSync(
      path.join(dir, 'english-nicknames.csv'),
      'name1,relationship,name2\r\nalbert,has_nickname,al\r\nalfred,has_nickname,al\r\nalfred,has_nickname,fred\r\n',
    );
    fs.writeFileSync(path.join(dir, 'extra-nicknames.csv'), 'name1,relationship,name2\n');
    fs.writeFileSync(path.join(dir, 'russian-diminutives.csv'), 'name,variant,kind\nфёдор,федя,diminutive\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('puts a nickname in the class of every full name it abbreviates, without merging those classes', () => {
    const table = readGivenNameTable(dir);
    expect(table.size.classes).toBe(3);
    expect(table.areVariants('al', 'albert')).toBe(true);
    expect(table.areVariants('al', 'alfred')).toBe(true);
    expect(table.areVariants('fred', 'alfred')).toBe(true);
    expect(table.areVariants('albert', 'alfred')).toBe(false);
    expect(table.areVariants('fred', 'al')).toBe(true);
    expect(table.areVariants('fred', 'albert')).toBe(false);
  });

  it('looks names up by phonetic skeleton, from Cyrillic and from any folded spelling', () => {
    const table = readGivenNameTable(dir);
    expect(table.areVariants('fedya', 'fyodor')).toBe(true);
    expect(table.areVariants('fedia', 'fedor')).toBe(true);
    expect(table.areVariants('федя', 'fiodor')).toBe(true);
  });

  it('refuses a malformed row, quoting the file and line', () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'given-names-bad-'));
    try {
      fs.writeFileSync(path.join(bad, 'english-nicknames.csv'), 'name1,relationship,name2\nalbert,al\n');
      expect(() => readGivenNameTable(bad)).toThrow(/english-nicknames\.csv:2: expected 3 fields, got "albert,al"/);
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });
});
