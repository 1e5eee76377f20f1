import { z } from 'zod';
import 'zod-openapi';
import { ENTITY_TYPES, IDENTIFIER_SCHEMES, NAME_ORIGINS, NAME_QUALITIES, RISK_LEVELS, SCRIPTS, SEVERITIES, SOURCE_KINDS, TEXT_KINDS } from '../model/entity';

import { cursorPage, cursorParam, limitParam } from '../shared/api-schemas';

/**
 * Reference data's request and response shapes (entities, sources, datasets). These zod schemas validate requests
 * and are the single source of their OpenAPI operations.
 */

export const RiskLevelSchema = z.enum(RISK_LEVELS).meta({ id: 'RiskLevel' });
export const SeveritySchema = z.enum(SEVERITIES).meta({ id: 'Severity' });
export const EntityTypeSchema = z.enum(ENTITY_TYPES).meta({ id: 'EntityType' });

export const CitationSchema = z
  .object({
    sourceId: z.string().meta({ example: 'insider-dprk-students' }),
    locator: z.string().meta({ example: "section 'Demand for North Korean labor', para. 3" }),
    section: z.string().optional(),
    paragraph: z.string().optional(),
    paragraphId: z
      .string()
      .optional()
      .meta({ description: 'The cited paragraph\'s id: GET /v1/sources/{sourceId}/paragraphs/{paragraphId} returns it in full.', example: 'demand-for-north-korean-labor-3' }),
    quote: z.string().optional().meta({ description: 'Verbatim words of the source, never a paraphrase.' }),
    summary: z.string().optional().meta({ description: 'A paraphrase, where no verbatim text is available.' }),
    url: z.string().optional(),
  })
  .meta({ id: 'Citation' });

export const FlagSchema = z
  .object({
    code: z.string().meta({ example: 'dprk-labor-facilitation' }),
    severity: SeveritySchema,
    title: z.string(),
    description: z.string(),
    citations: z.array(CitationSchema),
  })
  .meta({ id: 'Flag' });

export const ListingSchema = z
  .object({
    list: z.string().meta({ description: '`UN`, `OFAC SDN` or `UK`.', example: 'UN' }),
    dataset: z.string().optional().meta({ description: 'The dataset the listing was read from: `un`, `ofac-sdn`, `uk-sanctions`.', example: 'un' }),
    referenceNumber: z.string().meta({ description: 'UN reference number, OFAC ent_num, or UK Group ID.', example: 'KPi.063' }),
    regime: z.string().meta({ description: 'UN regime, OFAC program codes (joined), or UK regime.', example: 'DPRK' }),
    programs: z.array(z.string()).optional().meta({ description: 'OFAC program codes.', example: ['DPRK3'] }),
    ukReference: z.string().optional().meta({ description: 'The UK Sanctions List reference.', example: 'DPR0254' }),
    updatedOn: z.string().optional().meta({ description: 'When the list last amended the entry (UK).' }),
    listedOn: z.string().nullable().meta({ description: 'Listing date; null where the list gives none (the OFAC legacy CSV).', example: '2017-09-11' }),
    resolution: z.string().optional().meta({ example: '2375 (2017)' }),
    resolutionBasis: z.enum(['stated', 'inferred-from-listing-date']).optional(),
    dataId: z.string().optional(),
  })
  .meta({ id: 'Listing' });

export const RelationshipSchema = z
  .object({
    type: z.string().meta({ example: 'heads' }),
    entityId: z.string().meta({ example: 'ins-mmc' }),
    name: z.string().meta({ example: 'Intergovernmental Migration Center' }),
    direction: z.enum(['outbound', 'inbound']).meta({
      description: 'outbound: this entity → entityId as the source states it; inbound: entityId → this entity.',
    }),
    description: z.string().optional(),
    period: z.string().optional().meta({ example: 'until 2020' }),
    citations: z.array(CitationSchema),
  })
  .meta({ id: 'Relationship' });

export const EntitySummarySchema = z
  .object({
    id: z.string().meta({ example: 'un-KPi.063' }),
    type: EntityTypeSchema,
    name: z.string(),
    aliases: z.array(z.string()),
    riskLevel: RiskLevelSchema,
    flags: z.array(z.string()).meta({ description: 'Flag codes.' }),
    listings: z.array(ListingSchema),
    dataset: z.string().meta({ example: 'un' }),
  })
  .meta({ id: 'EntitySummary' });

const PlaceSchema = z
  .object({
    city: z.string().optional(),
    stateProvince: z.string().optional(),
    street: z.string().optional(),
    country: z.string().optional(),
    countryCode: z.string().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'Place' });

export const EntityNameSchema = z
  .object({
    name: z.string(),
    raw: z.string().optional().meta({ description: 'As published, where it differs from `name`.' }),
    kind: z.enum(['primary', 'alias', 'former', 'original-script', 'acronym', 'identifier']),
    quality: z.enum(NAME_QUALITIES).optional().meta({ description: 'Alias quality: the UN\'s a.k.a. grade; `low` also for an `unverified` name. A low-quality name counts less in matching.' }),
    script: z.enum(SCRIPTS),
    origin: z.enum(NAME_ORIGINS).meta({
      description:
        '`source`: printed by the list or article. `added-original-script`, `added-transliteration`: derived by us from a name the source prints, and marked so. `unverified`: read in a source the project does not hold; weighted like a low-quality alias.',
    }),
    note: z.string().optional(),
    language: z.string().optional().meta({ description: 'Language of a non-Latin name where the list states it.', example: 'Russian' }),
  })
  .meta({ id: 'EntityName' });

export const EntitySchema = z
  .object({
    id: z.string(),
    type: EntityTypeSchema,
    dataset: z.string(),
    version: z.string().optional().meta({ description: 'The version of its dataset this record is from.' }),
    name: z.string(),
    aliases: z.array(z.string()),
    names: z.array(EntityNameSchema),
    role: z.string().optional(),
    titles: z.array(z.string()),
    designations: z.array(z.string()),
    countries: z.array(z.string()),
    nationalities: z.array(z.string()),
    birthDates: z.array(
      z.object({
        kind: z.enum(['exact', 'year', 'between', 'approximately']),
        date: z.string().optional(),
        from: z.string().optional(),
        to: z.string().optional(),
        note: z.string().optional(),
      }),
    ),
    birthPlaces: z.array(PlaceSchema),
    addresses: z.array(PlaceSchema),
    identifiers: z.array(
      z.object({
        type: z.string().meta({ description: 'As the source names it.', example: 'Passport' }),
        scheme: z.enum(IDENTIFIER_SCHEMES).optional().meta({ description: 'The kind screening compares, where the type maps to one.' }),
        value: z.string(),
        country: z.string().optional(),
        issuedOn: z.string().optional(),
        note: z.string().optional(),
      }),
    ),
    riskLevel: RiskLevelSchema,
    flags: z.array(FlagSchema),
    listings: z.array(ListingSchema),
    relationships: z.array(RelationshipSchema),
    sources: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string() })),
    narrative: z.string().optional(),
    gender: z.string().optional(),
    crossReferences: z
      .array(z.object({ list: z.string(), referenceNumber: z.string(), text: z.string().optional() }))
      .optional()
      .meta({ description: 'The same subject on other lists, as this entry states it (UK "(UN Ref):KPi.063").' }),
    remarks: z.array(z.string()).optional().meta({ description: "Parts of the list's remarks that could not be read into fields, as published." }),
    subject: z
      .object({
        id: z.string(),
        members: z.array(z.object({ entityId: z.string(), dataset: z.string(), name: z.string() })),
        links: z.array(z.object({ from: z.string(), to: z.string(), rule: z.string(), evidence: z.string() })),
      })
      .optional()
      .meta({ description: 'When entries on several lists are one subject: its id (the UN entry, else the earliest listed), the entries, and the rule that linked each. Screening returns the subject as one match.' }),
  })
  .meta({ id: 'Entity' });

export const EntityPageSchema = cursorPage(EntitySummarySchema, 'EntityPage');

export const EntityListQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(512).optional().meta({ description: 'Case-insensitive substring of any name.', example: 'tkachuk' }),
  type: EntityTypeSchema.optional(),
  riskLevel: RiskLevelSchema.optional(),
  list: z.string().max(64).optional().meta({ example: 'UN' }),
  regime: z.string().max(128).optional().meta({ example: 'DPRK' }),
  dataset: z.string().max(64).optional().meta({ example: 'investigation' }),
  flag: z.string().max(64).optional().meta({ description: 'Flag code.', example: 'un-designated-by-resolution' }),
  limit: limitParam,
  cursor: cursorParam,
});

export const EntityIdParamsSchema = z.object({
  id: z.string().min(1).max(256).meta({ example: 'ins-sergei-tkachuk' }),
});

export const EntityQuerySchema = z.strictObject({
  version: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'a dataset version: the sha256 in hex (64 characters)')
    .optional()
    .meta({ description: "A version of the entity's dataset (as a screening's `datasetVersions` names it): the entity exactly as that version held it, even if since amended or removed." }),
});

export const SourceIdParamsSchema = z.object({
  id: z.string().min(1).max(256).meta({ example: 'unsc-res-2397' }),
});

export const SourceSectionSchema = z
  .object({
    locator: z.string(),
    heading: z.string().optional(),
    paragraph: z.string().optional(),
    paragraphId: z.string().optional().meta({ description: 'The `{n}` of GET /v1/sources/{id}/paragraphs/{n}.', example: 'annex-I-1' }),
    text: z.string(),
    textKind: z.enum(TEXT_KINDS),
    language: z.string().optional(),
    url: z.string().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'SourceSection' });

export const SourceSchema = z
  .object({
    id: z.string().meta({ example: 'unsc-res-2397' }),
    dataset: z.string(),
    kind: z.enum(SOURCE_KINDS),
    title: z.string(),
    publisher: z.string().optional(),
    credits: z.array(z.string()).optional(),
    url: z.string().optional(),
    date: z.string().optional(),
    sha256: z.string().optional(),
    notes: z.string().optional(),
    sections: z.array(SourceSectionSchema),
  })
  .meta({ id: 'Source' });

export const SourceParagraphParamsSchema = z.object({
  id: z.string().min(1).max(256).meta({ example: 'unsc-res-2397' }),
  n: z
    .string()
    .min(1)
    .max(64)
    .meta({ description: 'The paragraph id: "8" (operative), "preamble-3", "annex-I-1" in a resolution; section and number in the article, e.g. "lead-1", "demand-for-north-korean-labor-3" (each section\'s `paragraphId`).', example: '8' }),
});

export const SourceParagraphSchema = SourceSectionSchema.extend({
  sourceId: z.string(),
  citedBy: z
    .array(z.object({ entityId: z.string(), name: z.string() }))
    .meta({ description: 'The entities whose flag or relationship citations point at this paragraph.' }),
}).meta({ id: 'SourceParagraph' });

export const SourceListSchema = z.object({ items: z.array(SourceSchema) }).meta({ id: 'SourceList' });

export const DatasetSchema = z
  .object({
    id: z.string().meta({ example: 'un' }),
    name: z.string(),
    version: z.string().meta({ description: 'sha256 of the input files.' }),
    sourceDate: z.string().nullable().meta({ example: '2024-09-26' }),
    loadedAt: z.string().meta({ example: '2026-11-27T00:00:00.000Z' }),
    entityCount: z.number().int(),
  })
  .meta({ id: 'Dataset' });

export const DatasetListSchema = z
  .object({
    datasetVersion: z.string().meta({ description: 'Combined version stamped on every screening.' }),
    items: z.array(DatasetSchema),
  })
  .meta({ id: 'DatasetList' });
