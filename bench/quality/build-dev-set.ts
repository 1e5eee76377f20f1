/**
 * Builds the labeled development set from the loaded list entities: generated positives per variant class, generated
 * negatives per origin, near misses, and the hand-written cases. Deterministic for a given seed and entity list.
 */
import type { CanonicalEntity } from '../../src/model/entity';
import { conflictCases, REVIEW_TARGETS } from './conflict-cases';
import {
  type DevCase,
  type DevSet,
  NEAR_MISS_CLASS,
  NEGATIVE_CLASSES,
  POSITIVE_CLASSES,
  type PositiveClass,
  REVIEW_CLASSES,
  type ReviewClass,
  type VariantClass,
} from './dev-case';
import { HAND_CASES } from './hand-cases';
import { ListedNameIndex, nameTokens } from './listed-name-index';
import { NEGATIVE_TARGETS, type NegativeStats, nearMissCases, negativeCases, REAL_INSTITUTION_CLASSES } from './negative-names';
import {
  acronymCases,
  casePunctuationCases,
  cyrillicCases,
  type Draft,
  exactCases,
  hangulCases,
  koreanPopularCases,
  koreanRrCases,
  legalFormCases,
  POSITIVE_TARGETS,
  type PositiveContext,
  reorderedCases,
  russianTranslitCases,
  typoCases,
  withQualifierCases,
} from './positive-variants';
import { fullerQueryCases, initialsCases, nicknameCases } from './person-variants';
import { createRng, type Rng } from './prng';
import { cyrillicKoreanCases, otherScriptCases, simplifiedChineseCases } from './script-variants';
import { abbreviationCases, longLegalFormCases, numeralCases } from './wording-variants';

/** Bump when a generator changes the set it makes. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 'dprk-screen-dev-set-v1';
/** Minimum cases per class the benchmark promises, unless the list cannot supply them (then `listLimited` says why). */
export const MIN_CASES_PER_CLASS = 30;
export const MIN_NEAR_MISSES = 200;

const POSITIVE_GENERATORS: Record<PositiveClass, (ctx: PositiveContext, rng: Rng, target: number) => Draft[]> = {
  exact: exactCases,
  'case-punctuation': casePunctuationCases,
  reordered: reorderedCases,
  typo: typoCases,
  'korean-rr': koreanRrCases,
  'korean-popular': koreanPopularCases,
  hangul: hangulCases,
  cyrillic: cyrillicCases,
  'russian-translit': russianTranslitCases,
  'legal-form': legalFormCases,
  acronym: acronymCases,
  'with-qualifiers': withQualifierCases,
  'cyrillic-korean': cyrillicKoreanCases,
  'simplified-chinese': simplifiedChineseCases,
  'other-script': otherScriptCases,
  abbreviation: abbreviationCases,
  'long-legal-form': longLegalFormCases,
  numerals: numeralCases,
  initials: initialsCases,
  nickname: nicknameCases,
  'fuller-query': fullerQueryCases,
};

const REVIEW_GENERATORS: Record<ReviewClass, (ctx: PositiveContext, rng: Rng, target: number) => Draft[]> = {
  conflicts: conflictCases,
};

const LIST_LIMIT_REASONS: Partial<Record<VariantClass, string>> = {
  hangul: 'only DPRK person names whose every syllable has one plausible Hangul reading are used',
  acronym: 'only acronyms the list prints (in parentheses or as an acronym name) for exactly one entity',
  cyrillic: 'only persons with Russian or post-Soviet names (a Cyrillic name on file or a post-Soviet nationality)',
  'russian-translit': 'only persons with Russian or post-Soviet names, and only spellings not already on file',
  'legal-form': 'only commercial organizations',
  'simplified-chinese': 'the list prints only five names in Han characters; only those whose simplified form differs from the listed text (also without 有限公司, and without the bracketed seat)',
  numerals: 'only names with a number (digits, number words, ordinals, Roman numerals below 1000); the list has no Cyrillic name with a numeral',
  nickname: 'only persons whose given name has an English nickname (carltonnorthern/nicknames) or a Russian diminutive; most listed given names are Arabic or Korean, which have none in either table',
  initials: 'only persons whose family name fewer than three listed persons share, and whose initials name no other listed person',
  'long-legal-form': 'only organizations whose names carry a legal form (LTD, CO LTD, LLC, S.A. …); the list has no GmbH/AG entity',
  abbreviation: 'only organization names with a word businesses abbreviate',
  'fuller-query': 'only non-Korean persons (Korean names take no middle names), names of two parts or more',
  conflicts: 'only persons with a listed birth date or patronymic, and organizations with a legal form or a place in the name',
};

export interface BuildReport {
  negativeStats: NegativeStats;
  handCasesRejected: string[];
}

function assignIds(drafts: Draft[]): DevCase[] {
  const counters = new Map<string, number>();
  return drafts.map((d) => {
    const n = (counters.get(d.variantClass) ?? 0) + 1;
    counters.set(d.variantClass, n);
    return { id: `${d.variantClass}-${String(n).padStart(4, '0')}`, ...d };
  });
}

/**
 * Builds the dev set. Pure apart from the seed: the same entities and seed give the same set, case for case.
 * Never reads the matcher (the variant rules are the benchmark's own).
 */
export function buildDevSet(entities: CanonicalEntity[], options: { seed?: string } = {}): { devSet: DevSet; report: BuildReport } {
  const seed = options.seed ?? DEFAULT_SEED;
  const root = createRng(seed);
  const index = new ListedNameIndex(entities);
  const ctx = { entities, index };
  const drafts: Draft[] = [];

  for (const cls of POSITIVE_CLASSES) {
    drafts.push(...POSITIVE_GENERATORS[cls](ctx, root.fork(cls), POSITIVE_TARGETS[cls]));
  }
  for (const cls of REVIEW_CLASSES) {
    drafts.push(...REVIEW_GENERATORS[cls](ctx, root.fork(cls), REVIEW_TARGETS[cls]));
  }

  const negativeStats: NegativeStats = { generated: 0, droppedAsListed: 0, droppedAsDuplicate: 0, examplesDropped: [] };
  for (const cls of NEGATIVE_CLASSES) {
    drafts.push(...negativeCases(ctx, root.fork(cls), cls, NEGATIVE_TARGETS[cls], negativeStats));
  }
  drafts.push(...nearMissCases(ctx, root.fork(NEAR_MISS_CLASS), negativeStats));

  // Hand-written cases: positives must name an entity that exists; negatives must pass the same list check.
  const ids = new Set(entities.map((e) => e.id));
  const handCasesRejected: string[] = [];
  for (const hand of HAND_CASES) {
    if (hand.expectedEntityId !== null && !ids.has(hand.expectedEntityId)) {
      handCasesRejected.push(`${hand.query.name}: entity "${hand.expectedEntityId}" is not in the loaded list`);
      continue;
    }
    if (hand.expectedEntityId === null) {
      const allowInside = hand.variantClass === NEAR_MISS_CLASS || REAL_INSTITUTION_CLASSES.has(hand.variantClass);
      const conflict = index.conflict([hand.query.name], { allowInside });
      if (conflict) {
        handCasesRejected.push(`${hand.query.name}: collides with listed "${conflict.listedName}" (${conflict.rule})`);
        continue;
      }
    }
    drafts.push({ ...hand, handWritten: true });
  }

  // One case per (class, expected entity, normalized query).
  const seen = new Set<string>();
  const unique = drafts.filter((d) => {
    const k = `${d.variantClass}|${d.expectedEntityId ?? ''}|${nameTokens(d.query.name).join(' ')}|${d.query.country ?? ''}|${d.query.birthDate ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });

  const cases = assignIds(unique);
  const listLimited: Record<string, string> = {};
  for (const cls of [...POSITIVE_CLASSES, ...REVIEW_CLASSES]) {
    const n = cases.filter((c) => c.variantClass === cls).length;
    if (n < MIN_CASES_PER_CLASS) listLimited[cls] = `${n} cases: ${LIST_LIMIT_REASONS[cls] ?? 'the list offers no more'}`;
  }
  const datasets = [...new Set(entities.map((e) => e.dataset))].sort();
  return {
    devSet: { generatorVersion: GENERATOR_VERSION, seed, builtFrom: { entities: entities.length, datasets }, listLimited, cases },
    report: { negativeStats, handCasesRejected },
  };
}

/** Counts per class, positives first, for reports and tests. */
export function classCounts(cases: DevCase[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cls of [...POSITIVE_CLASSES, ...REVIEW_CLASSES, ...NEGATIVE_CLASSES, NEAR_MISS_CLASS]) counts.set(cls, 0);
  for (const c of cases) counts.set(c.variantClass, (counts.get(c.variantClass) ?? 0) + 1);
  return counts;
}
