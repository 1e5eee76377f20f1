import { z } from 'zod';
import { NAME_ORIGINS, RISK_LEVELS, SEVERITIES } from '../../model/entity';
import { FLAG_TAXONOMY, type FlagCode } from '../../model/flag-taxonomy';

/**
 * Zod schemas for the two hand-curated files of the investigation dataset:
 * `data/investigation/insider-dprk-students.yaml` (the subjects) and `data/sources/insider-article.yaml` (the article).
 * Every object is strict: a misspelt key is an error, never silently dropped.
 */

/** Id of the article source every investigation citation points into. */
export const ARTICLE_SOURCE_ID = 'insider-dprk-students';

/** The Security Council resolutions the dataset may cite (registered as sources elsewhere, not by this loader). */
export const RESOLUTION_SOURCE_IDS = ['unsc-res-2375', 'unsc-res-2397'] as const;

// A citation quote is a short excerpt that points an analyst at the passage, not a copy of the paragraph.
export const MAX_QUOTE_LENGTH = 200;

/** Investigation subject ids: `ins-` and a lowercase slug, stable across edits. */
export const ENTITY_ID_PATTERN = /^ins-[a-z0-9-]+$/;
/** ISO 3166-1 alpha-2, capitals only (`RU`, `KP`, `NL`). */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;

/** Relationship types the dataset uses; `X-of` / `X-by` pairs are each other's reverse. */
export const RELATIONSHIP_TYPES = [
  'heads',
  'headed-by',
  'co-founder-of',
  'co-founded-by',
  'works-with',
  'linked-to',
  'employed-by',
  'employs',
  'subsidiary-of',
  'parent-of',
  'receives-fees-from',
  'pays-fees-to',
  'requested-workers-from',
  'received-worker-requests-from',
] as const;

const FLAG_CODES = Object.keys(FLAG_TAXONOMY) as [FlagCode, ...FlagCode[]];

const CYRILLIC = /\p{Script=Cyrillic}/u;
const HANGUL = /\p{Script=Hangul}/u;
const LATIN = /\p{Script=Latin}/u;
/** Letters a name marked with this script must contain (scripts the dataset does not use are not checked). */
const SCRIPT_LETTERS: Partial<Record<string, RegExp>> = { cyrillic: CYRILLIC, hangul: HANGUL, latin: LATIN };

/** The one locator format for a paragraph of the article: `section 'Demand for North Korean labor', para. 3`. */
export function formatArticleLocator(section: string, paragraph: string | number): string {
  return `section '${section}', para. ${paragraph}`;
}

const text = z.string().trim().min(1);
const entityId = z.string().regex(ENTITY_ID_PATTERN, 'must look like ins-<lowercase-slug>');
const countryCode = z.string().regex(COUNTRY_CODE_PATTERN, 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. RU');
const paragraphNumber = z.string().regex(/^[1-9]\d*$/, 'must be a paragraph number written as a string, e.g. "3"');

/** One name of a subject; a name we added (origin other than `source`) must say why in `note`, and its letters must match `script`. */
export const nameSchema = z
  .strictObject({
    name: text,
    raw: text.optional(),
    kind: z.enum(['primary', 'alias', 'former', 'original-script', 'acronym', 'identifier']),
    script: z.enum(['latin', 'cyrillic', 'hangul', 'arabic', 'han', 'other']),
    origin: z.enum(NAME_ORIGINS),
    note: text.optional(),
  })
  .superRefine((name, ctx) => {
    if (name.origin !== 'source' && name.note === undefined) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: `name "${name.name}" was added by us and needs a note saying why` });
    }
    const scriptPattern = SCRIPT_LETTERS[name.script];
    if (scriptPattern !== undefined && !scriptPattern.test(name.name)) {
      ctx.addIssue({ code: 'custom', path: ['script'], message: `name "${name.name}" contains no ${name.script} letters` });
    }
    if (name.script === 'latin' && (CYRILLIC.test(name.name) || HANGUL.test(name.name))) {
      ctx.addIssue({ code: 'custom', path: ['script'], message: `name "${name.name}" is marked latin but is not` });
    }
  });

/** A citation into the article: always section + paragraph + a short verbatim quote. */
export const articleCitationSchema = z.strictObject({
  sourceId: z.literal(ARTICLE_SOURCE_ID),
  locator: text,
  section: text,
  paragraph: paragraphNumber,
  quote: text.max(MAX_QUOTE_LENGTH),
});

/** A citation of a resolution paragraph: a verbatim quote only where one is known, otherwise a summary; with its url. */
export const resolutionCitationSchema = z
  .strictObject({
    sourceId: z.enum(RESOLUTION_SOURCE_IDS),
    locator: z.string().regex(/^S\/RES\/\d{4} \(\d{4}\), para\. \d+$/, 'must read like "S/RES/2397 (2017), para. 8"'),
    paragraph: paragraphNumber,
    quote: text.max(MAX_QUOTE_LENGTH).optional(),
    summary: text.optional(),
    url: z.url(),
  })
  .refine((c) => c.quote !== undefined || c.summary !== undefined, {
    message: 'a resolution citation needs a verbatim quote or a summary',
  });

/** Any citation a flag or relationship may carry, told apart by `sourceId`. */
export const citationSchema = z.discriminatedUnion('sourceId', [articleCitationSchema, resolutionCitationSchema]);

/** A risk flag: a taxonomy code only, and at least one citation. */
export const flagSchema = z.strictObject({
  code: z.enum(FLAG_CODES),
  severity: z.enum(SEVERITIES),
  title: text,
  description: text,
  citations: z.array(citationSchema).min(1, 'a flag needs at least one citation: the passage that supports it'),
});

/** A tie the article states between two subjects; `targetId` must name a subject in the same file (checked at load). */
export const relationshipSchema = z.strictObject({
  type: z.enum(RELATIONSHIP_TYPES),
  targetId: entityId,
  description: text.optional(),
  period: text.optional(),
  citations: z.array(citationSchema).min(1),
});

/** A place the article ties the subject to ("Moscow-based", "in Tver"). */
export const locationSchema = z.strictObject({
  city: text.optional(),
  countryCode,
  note: text.optional(),
});

/** A handle or number that identifies the subject, e.g. a Telegram channel. */
export const identifierSchema = z.strictObject({
  type: text,
  value: text,
  note: text.optional(),
});

/**
 * One subject. Guarantees exactly one primary name equal to `primaryName`, no duplicate names, no flags on a subject of
 * risk `none` and at least one flag on any other.
 */
export const investigationEntitySchema = z
  .strictObject({
    id: entityId,
    type: z.enum(['person', 'organization']),
    primaryName: text,
    names: z.array(nameSchema).min(1),
    /** The role the article gives the subject, in a sentence or two. */
    role: text,
    countries: z.array(countryCode),
    locations: z.array(locationSchema).optional(),
    identifiers: z.array(identifierSchema).optional(),
    riskLevel: z.enum(RISK_LEVELS),
    /** One line: why this risk level. */
    riskRationale: text,
    /** Analyst remarks (name ambiguity, what was not verified). */
    notes: text.optional(),
    flags: z.array(flagSchema),
    relationships: z.array(relationshipSchema),
    sourceIds: z.array(text).min(1),
  })
  .superRefine((entity, ctx) => {
    const primaries = entity.names.filter((n) => n.kind === 'primary');
    if (primaries.length !== 1 || primaries[0]?.name !== entity.primaryName) {
      ctx.addIssue({
        code: 'custom',
        path: ['names'],
        message: `names must hold exactly one name of kind primary, equal to primaryName "${entity.primaryName}"`,
      });
    }
    const seen = new Set<string>();
    entity.names.forEach((n, i) => {
      if (seen.has(n.name)) ctx.addIssue({ code: 'custom', path: ['names', i, 'name'], message: `duplicate name "${n.name}"` });
      seen.add(n.name);
    });
    if (entity.riskLevel === 'none' && entity.flags.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['flags'], message: 'an entity with riskLevel none carries no flags' });
    }
    if (entity.riskLevel !== 'none' && entity.flags.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['riskLevel'], message: `riskLevel ${entity.riskLevel} needs at least one flag to justify it` });
    }
  });

/** The whole subjects file; entity ids are unique. */
export const investigationFileSchema = z
  .strictObject({
    dataset: z.literal('investigation'),
    name: text,
    entities: z.array(investigationEntitySchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.entities.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entities', i, 'id'], message: `duplicate entity id "${e.id}"` });
      seen.add(e.id);
    });
  });

/** One numbered body paragraph, verbatim. */
export const articleParagraphSchema = z.strictObject({
  paragraph: z.int().positive(),
  text,
});

/** Text printed in the copy held that is not a body paragraph: kept for checking, never numbered or cited. */
export const omittedTextSchema = z.strictObject({
  after: z.int().nonnegative(),
  kind: z.enum(['pull-quote', 'photo-caption', 'credit-line']),
  text,
  note: text,
});

/** One section of the article; its paragraphs are numbered 1.. in order with no gap. */
export const articleSectionSchema = z
  .strictObject({
    heading: text,
    /** false for "Lead", our label for the text before the first printed heading. */
    headingPrinted: z.boolean(),
    paragraphs: z.array(articleParagraphSchema).min(1),
    omitted: z.array(omittedTextSchema).optional(),
  })
  .superRefine((section, ctx) => {
    section.paragraphs.forEach((p, i) => {
      if (p.paragraph !== i + 1) {
        ctx.addIssue({ code: 'custom', path: ['paragraphs', i, 'paragraph'], message: `paragraphs are numbered 1.. in order; expected ${i + 1}, found ${p.paragraph}` });
      }
    });
  });

/** The article file; section headings are unique. */
export const articleSourceSchema = z
  .strictObject({
    id: z.literal(ARTICLE_SOURCE_ID),
    kind: z.literal('investigation'),
    /** Descriptive title; the copy held prints none, so `titleIsOurs` must say so. There is deliberately no date or url key. */
    title: text,
    titleIsOurs: z.boolean(),
    publisher: text,
    credits: z.array(text),
    language: z.string().regex(/^[a-z]{2}$/),
    transcribedFrom: z.strictObject({ file: text, sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    notes: text,
    sections: z.array(articleSectionSchema).min(1),
  })
  .superRefine((article, ctx) => {
    const seen = new Set<string>();
    article.sections.forEach((s, i) => {
      if (seen.has(s.heading)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'heading'], message: `duplicate section heading "${s.heading}"` });
      seen.add(s.heading);
    });
  });

export type InvestigationFile = z.infer<typeof investigationFileSchema>;
export type InvestigationEntity = z.infer<typeof investigationEntitySchema>;
export type InvestigationCitation = z.infer<typeof citationSchema>;
export type ArticleSourceFile = z.infer<typeof articleSourceSchema>;
