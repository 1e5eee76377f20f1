import { z } from 'zod';
import 'zod-openapi';
import { QUERY_TYPES } from '../model/screening';
import { IDENTIFIER_SCHEMES } from '../model/entity';
import { LINK_RULES } from '../linking';
import { CitationSchema, EntityTypeSchema, ListingSchema, RiskLevelSchema, SeveritySchema } from '../reference/reference-schemas';
import { DecisionSchema } from '../shared/api-schemas';

// The contract: a name is 1–512 characters after trimming.
export const MAX_NAME_LENGTH = 512;
// The contract: a batch holds 1–1000 items; larger work goes to /v1/jobs.
export const MAX_BATCH_ITEMS = 1000;
export const MAX_MATCHES_PER_QUERY = 50;
export const DEFAULT_MATCHES_PER_QUERY = 5;

// C0/C1 control characters (tab, newline and the rest) and lone UTF-16 surrogates never belong in a name.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text the client sends and the audit trail keeps: no control characters, no unpaired surrogates (which PostgreSQL
 * cannot store: such a request could never be recorded, so it is refused as the client's error, not a 503).
 */
const plainText = (schema: z.ZodString, field: string) =>
  schema
    .refine((s) => !CONTROL_CHARACTERS.test(s), `${field} must not contain control characters`)
    .refine((s) => !LONE_SURROGATE.test(s), `${field} must not contain unpaired UTF-16 surrogates`);

const nameSchema = plainText(
  z
    .string()
    .trim()
    .min(1, 'name must not be empty')
    .max(MAX_NAME_LENGTH, `name must be at most ${MAX_NAME_LENGTH} characters`),
  'name',
).meta({ description: `The counterparty's name as held, any script, 1–${MAX_NAME_LENGTH} characters.`, example: 'TKACHUK, Sergei' });

const countrySchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code such as RU or KP')
  .transform((s) => s.toUpperCase())
  .meta({ description: 'ISO 3166-1 alpha-2.', example: 'RU' });

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y ?? 0, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const birthDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'birthDate must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'birthDate is not a calendar date')
  .meta({ example: '1960' });

const referenceSchema = plainText(z.string().max(256), 'reference').meta({ description: "The client's own id for this counterparty, kept in the audit record.", example: 'CUST-000123' });

const thresholdSchema = z.number().min(0).max(1).meta({ description: 'Minimum score of a returned match (default: the operating point).' });
const limitSchema = z.number().int().min(1).max(MAX_MATCHES_PER_QUERY).meta({ description: 'Maximum matches per query.' });

// More lists than exist is a client's mistake; the loaded ones are checked by the service (unknown id → 400).
const MAX_LISTS = 16;
export const listsSchema = z
  .array(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a dataset id such as "un" or "ofac-sdn"'))
  .min(1, 'lists must name at least one list (leave it out to screen against all)')
  .max(MAX_LISTS)
  .meta({
    description: 'The lists (dataset ids) to screen against: `un`, `ofac-sdn`, `uk-sanctions`, `investigation` (GET /v1/datasets lists those loaded). Default: all loaded.',
    example: ['un', 'ofac-sdn'],
  });

// A counterparty rarely holds more documents than this; more is a client's mistake.
const MAX_IDENTIFIERS = 20;
export const identifiersSchema = z
  .array(
    z.strictObject({
      type: z.enum(IDENTIFIER_SCHEMES).meta({ description: '`imo` and `passport` decide a match on their own; `national-id` conflicts when it differs; `tax-id` and `registration` only support a name match.' }),
      value: plainText(z.string().trim().min(1, 'value must not be empty').max(64), 'value').meta({ example: '9123456' }),
      country: countrySchema.optional().meta({ description: 'Issuing country, ISO 3166-1 alpha-2.' }),
    }),
  )
  .max(MAX_IDENTIFIERS)
  .meta({
    description:
      'Identifiers of the counterparty. An exact IMO number (check digit verified), or an exact passport number with the same issuing country where both give one, is a match at score 1 whatever the name says; a same-type, same-country identifier with another value is a conflict (the candidate makes `review` at most). Spaces and dashes do not count.',
    example: [{ type: 'imo', value: 'IMO 9123456' }],
  });

export const ScreenRequestSchema = z
  .strictObject({
    name: nameSchema,
    type: z.enum(QUERY_TYPES).default('any'),
    country: countrySchema.optional(),
    birthDate: birthDateSchema.optional(),
    threshold: thresholdSchema.optional(),
    limit: limitSchema.default(DEFAULT_MATCHES_PER_QUERY),
    reference: referenceSchema.optional(),
    lists: listsSchema.optional(),
    identifiers: identifiersSchema.optional(),
  })
  .meta({ id: 'ScreenRequest', example: { name: 'TKACHUK, Sergei', type: 'person', country: 'RU' } });
export type ScreenRequest = z.output<typeof ScreenRequestSchema>;

export const BatchItemSchema = z.strictObject({
  id: plainText(z.string().min(1).max(256), 'id').meta({ description: 'Unique within the batch.' }),
  name: nameSchema,
  type: z.enum(QUERY_TYPES).default('any'),
  country: countrySchema.optional(),
  birthDate: birthDateSchema.optional(),
  reference: referenceSchema.optional(),
  identifiers: identifiersSchema.optional(),
  lists: listsSchema.optional().meta({ description: "This item's lists; default: the batch's `lists`, else all loaded." }),
});

export const BatchRequestSchema = z
  .strictObject({
    items: z
      .array(BatchItemSchema)
      .min(1, 'items must hold at least 1 item')
      .max(MAX_BATCH_ITEMS, `items must hold at most ${MAX_BATCH_ITEMS} items; use POST /v1/jobs for more`),
    threshold: thresholdSchema.optional(),
    limit: limitSchema.default(DEFAULT_MATCHES_PER_QUERY),
    lists: listsSchema.optional(),
  })
  .superRefine((batch, ctx) => {
    const seen = new Set<string>();
    batch.items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
  })
  .meta({
    id: 'BatchScreenRequest',
    example: { items: [{ id: '1', name: 'Ткачук Сергей' }, { id: '2', name: 'Park Yong-sik', type: 'person' }] },
  });
export type BatchRequest = z.output<typeof BatchRequestSchema>;

/** Why a name matched: each feature's signed contribution, and the two forms that were compared. */
export const ExplanationSchema = z
  .object({
    summary: z.string().meta({ example: 'family name exact, given name Revised→McCune–Reischauer equivalent, birth year agrees' }),
    features: z.record(z.string(), z.number()),
    queryForm: z.string().meta({ description: 'The query as normalized (transliterated, romanized) for comparison.' }),
    listForm: z.string().meta({ description: 'The list name as normalized for comparison.' }),
  })
  .meta({ id: 'Explanation' });

/** What contradicts a name that otherwise matches. */
const ConflictsSchema = z.array(z.string()).meta({
  description:
    'What contradicts the match: a birth year more than 5 years off, another patronymic, a legal form of another family, another place. Present only when there is one; the pair is then no match (isMatch false).',
  example: ['birth year differs (1990 vs 1962): more than 5 years apart'],
});

/** Entries on several lists that are one subject: the members and the links between them. */
export const SubjectSchema = z
  .object({
    id: z.string().meta({ description: 'The subject id: its UN entry when it has one, otherwise its earliest-listed member. Stable across versions.' }),
    members: z.array(
      z.object({
        entityId: z.string(),
        dataset: z.string(),
        name: z.string(),
        listings: z.array(ListingSchema),
        flags: z.array(z.string()).meta({ description: "Codes of the member's flags (the full flags are in the match's `flags`)." }),
        matchedName: z.string().optional().meta({ description: 'The name of this member that matched, with its score, when the query met this member.' }),
        score: z.number().optional(),
      }),
    ),
    links: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        rule: z.enum(LINK_RULES).meta({ description: 'stated-cross-reference: one list names the other entry; shared-identifier: the same passport, national id or IMO; name-and-birth-date (persons) or name-and-qualifiers (organizations, vessels): the same name and agreeing qualifiers. Nothing is linked on a name alone.' }),
        evidence: z.string(),
      }),
    ),
  })
  .meta({ id: 'Subject' });

export const MatchSchema = z
  .object({
    entityId: z.string(),
    name: z.string().meta({ description: 'Primary name of the matched entity.' }),
    aliases: z.array(z.string()),
    type: EntityTypeSchema,
    score: z.number().min(0).max(1),
    isMatch: z.boolean().meta({
      description: 'score ≥ threshold and no conflicts. A candidate with conflicts is returned with isMatch false when its name alone would match; it makes the decision `review` at most.',
    }),
    matchedName: z.string().meta({ description: 'The list name that matched.' }),
    conflicts: ConflictsSchema.optional(),
    explanation: ExplanationSchema,
    riskLevel: RiskLevelSchema,
    flags: z.array(
      z.object({ code: z.string(), severity: SeveritySchema, title: z.string(), description: z.string(), citations: z.array(CitationSchema) }),
    ),
    listings: z.array(ListingSchema).meta({ description: "Every listing of the subject, on every list (each names its `dataset`)." }),
    threshold: z.number().meta({ description: 'The threshold that applied to this match: the request\'s, or its list\'s (LIST_THRESHOLDS), or the default.' }),
    lists: z.array(z.string()).meta({ description: 'The lists (dataset ids) that hold this subject.', example: ['un', 'uk-sanctions'] }),
    subject: SubjectSchema.optional().meta({ description: 'Present when entries on several lists are one subject: which list says what, and the rule that linked each entry. `entityId` is then the subject id.' }),
    suppressedBy: z
      .object({
        disposition: z.literal('false-positive'),
        dispositionId: z.string(),
        recordedAt: z.string(),
        note: z.string().nullable(),
      })
      .optional()
      .meta({ description: "An analyst's false-positive decision on this counterparty (`reference`) and entity, in force because the entity's listing has not changed since: the match is shown, and does not count toward the decision." }),
    relationships: z.array(
      z.object({
        type: z.string(),
        entityId: z.string(),
        name: z.string(),
        direction: z.enum(['outbound', 'inbound']),
        period: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'Match' });

export const ScreenResponseSchema = z
  .object({
    screeningId: z.string(),
    screenedAt: z.string(),
    datasetVersion: z.string().meta({ description: 'The combined id of the dataset versions in force.' }),
    datasetVersions: z.record(z.string(), z.string()).meta({ description: 'The version (sha256) of each dataset the answer came from, by dataset id: GET /v1/entities/{id}?version= returns an entry exactly as that version held it.', example: { un: '66b392a4…', investigation: '…', resolutions: '…' } }),
    algorithm: z.string().meta({ example: 'dprk-screen@1.0.0' }),
    threshold: z.number(),
    decision: DecisionSchema,
    query: z.object({
      name: z.string(),
      type: z.enum(QUERY_TYPES),
      country: z.string().optional(),
      birthDate: z.string().optional(),
      normalized: z.array(z.string()),
    }),
    matches: z.array(MatchSchema),
    matchedLists: z.array(z.string()).meta({ description: 'The lists (dataset ids) behind the matches returned.', example: ['un', 'ofac-sdn'] }),
    lists: z.array(z.string()).meta({ description: 'The lists screened against: those the request named, or all loaded.' }),
    identifierProblems: z.array(z.string()).optional().meta({ description: 'Identifiers given that could not be compared (an IMO number whose check digit does not agree).' }),
    suppressed: z.number().int().meta({ description: 'Matches kept out of the decision by a false-positive disposition (each marked `suppressedBy`).' }),
  })
  .meta({ id: 'ScreenResponse' });

export const BatchResponseSchema = z
  .object({
    batchId: z.string(),
    datasetVersion: z.string(),
    datasetVersions: z.record(z.string(), z.string()).meta({ description: 'The version (sha256) of each dataset the answer came from, by dataset id: GET /v1/entities/{id}?version= returns an entry exactly as that version held it.' }),
    algorithm: z.string(),
    threshold: z.number(),
    summary: z.object({ items: z.number().int(), hits: z.number().int(), reviews: z.number().int(), clears: z.number().int() }),
    results: z.array(
      z.object({ id: z.string(), screeningId: z.string(), decision: DecisionSchema, matches: z.array(MatchSchema), matchedLists: z.array(z.string()), suppressed: z.number().int() }),
    ),
    lists: z.array(z.string()).meta({ description: 'The lists screened against.' }),
  })
  .meta({ id: 'BatchScreenResponse' });

/** One side of POST /v1/compare: a name with the qualifiers a screening takes. */
const ComparedNameSchema = z.strictObject({
  name: nameSchema,
  type: z.enum(QUERY_TYPES).optional(),
  country: countrySchema.optional(),
  birthDate: birthDateSchema.optional(),
});

export const CompareRequestSchema = z
  .strictObject({ query: ComparedNameSchema, candidate: ComparedNameSchema })
  .meta({
    id: 'CompareRequest',
    example: { query: { name: 'Park Yong-sik', type: 'person' }, candidate: { name: 'PAK YONG SIK' } },
  });
export type CompareRequest = z.output<typeof CompareRequestSchema>;

export const CompareResponseSchema = z
  .object({
    score: z.number().min(0).max(1),
    isMatch: z.boolean().meta({ description: 'score ≥ threshold (the default operating point) and no conflicts.' }),
    conflicts: ConflictsSchema,
    threshold: z.number(),
    algorithm: z.string().meta({ example: 'dprk-screen@1.0.0' }),
    explanation: ExplanationSchema,
  })
  .meta({ id: 'CompareResponse' });
