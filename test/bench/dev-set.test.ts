import { readFileSync } from 'node:fs';
import path from 'node:path';
import { jaroWinkler, OfacStyleScorer } from '../../bench/baselines/ofac-style';
import { buildDevSet, classCounts, MIN_CASES_PER_CLASS, MIN_NEAR_MISSES } from '../../bench/quality/build-dev-set';
import { type DevSet, isNearMiss, isNegative, isPositive, isReview, NEGATIVE_CLASSES, POSITIVE_CLASSES, REVIEW_CLASSES } from '../../bench/quality/dev-case';
import { koreanNameToCyrillic } from '../../bench/quality/kontsevich-cyrillic';
import { readKoreanName, romanizeRr } from '../../bench/quality/korean-romanization';
import { arabicFromLexicon, greekBySound, katakanaBySound } from '../../bench/quality/other-script-transliteration';
import { nameTokens } from '../../bench/quality/listed-name-index';
import { loadBenchEntities } from '../../bench/quality/load-bench-entities';
import { createRng } from '../../bench/quality/prng';
import { transliterate } from '../../bench/quality/russian-transliteration';
import type { CanonicalEntity } from '../../src/model/entity';

const REPO_ROOT = path.resolve(__dirname, '../..');
const devSet = JSON.parse(readFileSync(path.join(REPO_ROOT, 'bench/quality/dev-set.json'), 'utf8')) as DevSet;

let entities: CanonicalEntity[] = [];
beforeAll(async () => {
  entities = (await loadBenchEntities(REPO_ROOT)).entities;
});

describe('the committed dev set', () => {
  const positives = devSet.cases.filter(isPositive);
  const nearMisses = devSet.cases.filter(isNearMiss);
  const negatives = devSet.cases.filter(isNegative);
  const reviews = devSet.cases.filter(isReview);
  const counts = classCounts(devSet.cases);

  it('has at least 400 positives, 2,000 negatives and 200 near misses', () => {
    expect(positives.length).toBeGreaterThanOrEqual(400);
    expect(negatives.length).toBeGreaterThanOrEqual(2000);
    expect(nearMisses.length).toBeGreaterThanOrEqual(MIN_NEAR_MISSES);
  });

  it.each([...POSITIVE_CLASSES, ...REVIEW_CLASSES].map((c) => [c]))('positive or review class %s has at least 30 cases or says why the list limits it', (cls) => {
    if ((counts.get(cls) ?? 0) < MIN_CASES_PER_CLASS) expect(devSet.listLimited[cls]).toBeDefined();
    else expect(counts.get(cls)).toBeGreaterThanOrEqual(MIN_CASES_PER_CLASS);
  });

  it.each(NEGATIVE_CLASSES.map((c) => [c]))('negative class %s has at least 30 cases', (cls) => {
    expect(counts.get(cls)).toBeGreaterThanOrEqual(MIN_CASES_PER_CLASS);
  });

  it('names only entities that exist in the loaded list', () => {
    const ids = new Set(entities.map((e) => e.id));
    expect([...positives, ...reviews].filter((c) => !ids.has(c.expectedEntityId ?? ''))).toEqual([]);
  });

  it('expects "review" exactly on the review classes', () => {
    expect(reviews.every((c) => (REVIEW_CLASSES as readonly string[]).includes(c.variantClass))).toBe(true);
    expect(devSet.cases.filter((c) => (REVIEW_CLASSES as readonly string[]).includes(c.variantClass)).every(isReview)).toBe(true);
  });

  it('has no negative or near miss whose tokens, in any order, equal a listed name', () => {
    const listed = new Set(entities.flatMap((e) => e.names.map((n) => nameTokens(n.name).sort().join(' '))));
    const equal = [...negatives, ...nearMisses].filter((c) => listed.has(nameTokens(c.query.name).sort().join(' ')));
    expect(equal.map((c) => c.query.name)).toEqual([]);
  });

  it('has unique case ids', () => {
    expect(new Set(devSet.cases.map((c) => c.id)).size).toBe(devSet.cases.length);
  });
});

describe('the dev-set generator', () => {
  it('builds the same set twice from the same entities and seed', () => {
    const a = buildDevSet(entities).devSet;
    const b = buildDevSet(entities).devSet;
    expect(b.cases).toEqual(a.cases);
  });

  it('reads PAK YONG SIK as 박영식 only with its alias Pak Yo’ng-sik (YONG alone is 영 or 용)', () => {
    const primary = readKoreanName('PAK YONG SIK');
    expect(primary && [...(primary.given[0] ?? [])].sort()).toEqual(['영', '용']);
    const alias = readKoreanName('Pak Yo’ng-sik');
    expect(alias && [...alias.family, ...alias.given.flatMap((s) => [...s])].join('')).toBe('박영식');
  });

  it('writes Revised Romanization and Russian transliteration systems by their tables', () => {
    expect(romanizeRr({ family: '박', given: ['영', '식'] }, createRng(1), { style: 'hyphen' })).toBe('Bak Yeong-sik');
    expect(transliterate('Сергей Ткачук', 'icao')).toBe('Sergei Tkachuk');
    expect(transliterate('Сергей Ткачук', 'german')).toBe('Sergej Tkatschuk');
    expect(transliterate('Наталья Титова', 'bgn')).toBe('Natalya Titova');
    expect(transliterate('Пётр Попов', 'french')).toBe('Piotr Popov');
  });

  it('writes Korean names in Cyrillic by the Kontsevich tables and Russian practice', () => {
    expect(koreanNameToCyrillic({ family: '박', given: ['영', '식'] }, { style: 'apart' })).toBe('Пак Ён Сик');
    expect(koreanNameToCyrillic({ family: '박', given: ['영', '식'] }, { style: 'joined' })).toBe('Пак Ёнсик');
    expect(koreanNameToCyrillic({ family: '리', given: ['병', '철'] }, { style: 'apart', practice: { family: 'Ли' } })).toBe('Ли Пён Чхоль');
    expect(koreanNameToCyrillic({ family: '김', given: ['철', '남'] }, { style: 'joined' })).toBe('Ким Чхоллам');
    // ㅈ as чж, ㅊ as ч: the ч left by ㅊ never becomes чж.
    expect(koreanNameToCyrillic({ family: '조', given: ['철', '준'] }, { style: 'apart', practice: { initialJ: 'чж', unaspiratedCh: true } })).toBe('Чжо Чоль Чжун');
  });

  it('writes other scripts the way their writers spell foreign names', () => {
    expect(arabicFromLexicon('MUAMMAR MOHAMMED ABU MINYAR QADHAFI')).toBe('معمر محمد أبو منيار القذافي');
    expect(arabicFromLexicon("'ABD AL-RAHMAN MUHAMMAD")).toBe('عبد الرحمن محمد');
    expect(greekBySound('Fernando Pérez', { upper: false })).toBe('Φερνάντο Πέρεζ');
    expect(katakanaBySound('PAK YONG SIK', { joinFrom: 1 })).toBe('パク・ヨンシク');
  });
});

describe('Jaro-Winkler of the OFAC-style baseline', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DIXON', 'DICKSONX', 0.813],
    ['JELLYFISH', 'SMELLYFISH', 0.896],
  ])('%s / %s is %s', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('is 1 for equal strings and 0 for strings with nothing in common', () => {
    expect(jaroWinkler('PAK', 'PAK')).toBe(1);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
  });

  it('flags a listed name and ignores an unrelated one', () => {
    const scorer = new OfacStyleScorer(entities);
    expect(scorer.screen('PAK YONG SIK').map((h) => h.entityId)).toContain('un-KPi.063');
    expect(scorer.screen('Wolfgang Zimmermann')).toEqual([]);
  });
});
