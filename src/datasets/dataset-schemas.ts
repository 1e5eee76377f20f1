import { z } from 'zod';
import 'zod-openapi';
import { cursorPage, cursorParam, limitParam } from '../shared/api-schemas';

/** Dataset versions, imports and change feeds: request and response shapes, also the source of their OpenAPI. */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex (64 characters)');

export const DatasetIdParamsSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a dataset id such as "un"').meta({ example: 'un' }),
});

export const ImportQuerySchema = z.strictObject({
  force: z.enum(['true', 'false']).transform((value) => value === 'true').optional().meta({
    description: 'Accept a version the gates refuse: one dropping more than 20 % of the entries, one older than the version in force, or an old version again. Never passes a file that does not parse or fails the structural check.',
  }),
  sourceDate: z.iso.date().optional().meta({
    description: "The list's publication date (YYYY-MM-DD), for a format that carries none (the OFAC legacy CSV; a `metadata.json` in the zip may give it instead). Overrides the file's own.",
    example: '2023-12-28',
  }),
});

export const SkippedRowSchema = z
  .object({
    file: z.string().optional().meta({ description: 'The file within the upload, e.g. `alt.csv`.' }),
    line: z.number().int().meta({ description: '1-based line (CSV) or row (XLSX).' }),
    message: z.string(),
  })
  .meta({ id: 'SkippedRow', description: 'A row that could not be read: skipped, and the rest of the file imported.' });

export const PageQuerySchema = z.strictObject({ limit: limitParam, cursor: cursorParam });

export const ChangesQuerySchema = z.strictObject({
  from: sha256.optional().meta({ description: 'The older version; default: the version `to` replaced.' }),
  to: sha256.optional().meta({ description: 'The newer version; default: the current version.' }),
});

export const ChangeCountsSchema = z
  .object({
    added: z.number().int(),
    removed: z.number().int(),
    amended: z.number().int(),
    metadataOnly: z.number().int().meta({ description: 'Entries whose only change is list metadata (LAST_DAY_UPDATED, version numbers): not amendments.' }),
  })
  .meta({ id: 'ChangeCounts' });

export const ImportResultSchema = z
  .object({
    id: z.string().meta({ description: 'The dataset.', example: 'un' }),
    importId: z.string().meta({ description: 'This attempt in GET /v1/datasets/{id}/imports.' }),
    status: z.enum(['accepted', 'unchanged']),
    version: sha256.meta({ description: 'sha256 of the file: the version id.' }),
    previousVersion: sha256.nullable(),
    sourceDate: z.string().nullable().meta({ description: "The list's own generation date.", example: '2026-02-27' }),
    entityCount: z.number().int(),
    changes: ChangeCountsSchema.nullable().meta({ description: 'Against the version it replaced; null when unchanged.' }),
    switched: z.boolean().meta({ description: 'True once the replica that answered screens against the new version; the others follow within DATASET_POLL_INTERVAL_MS plus one build.' }),
    reason: z.string().nullable(),
    skippedRows: z.array(SkippedRowSchema).meta({ description: 'Rows that could not be read, each with its file and line: skipped, the rest imported. Also in the import log.' }),
  })
  .meta({ id: 'DatasetImportResult' });

export const DatasetVersionSchema = z
  .object({
    version: sha256,
    sha256,
    sourceDate: z.string().nullable(),
    entityCount: z.number().int(),
    importedAt: z.string(),
    replacedAt: z.string().nullable(),
    current: z.boolean(),
    trigger: z.enum(['bundled', 'upload', 'schedule', 'remap']).nullable().meta({ description: 'How it arrived: bundled at start-up, uploaded, fetched on schedule, or its stored file re-mapped by a new importer. Null for versions from before versions were kept.' }),
    importedBy: z.string().nullable().meta({ description: 'The API key id that uploaded it.' }),
    importerVersion: z.string().nullable(),
    previousVersion: z.string().nullable(),
    changes: ChangeCountsSchema.nullable(),
  })
  .meta({ id: 'DatasetVersion' });

export const DatasetVersionPageSchema = cursorPage(DatasetVersionSchema, 'DatasetVersionPage');

export const DatasetImportSchema = z
  .object({
    id: z.string(),
    status: z.enum(['accepted', 'unchanged', 'refused', 'failed']),
    reason: z.string().nullable(),
    problems: z.array(z.string()).meta({ description: 'What the structural check found, each naming the record and element; and the rows skipped ("skipped alt.csv line 12: …").' }),
    trigger: z.enum(['bundled', 'upload', 'schedule', 'remap']),
    importedBy: z.string().nullable(),
    forced: z.boolean(),
    startedAt: z.string(),
    finishedAt: z.string(),
    sha256: z.string().nullable(),
    bytes: z.number().int().nullable(),
    version: z.string().nullable(),
    sourceDate: z.string().nullable(),
    entityCount: z.number().int().nullable(),
    previousVersion: z.string().nullable(),
    changes: ChangeCountsSchema.nullable(),
  })
  .meta({ id: 'DatasetImport' });

export const DatasetImportPageSchema = cursorPage(DatasetImportSchema, 'DatasetImportPage');

const ChangeEntrySchema = z.object({
  entityId: z.string(),
  referenceNumber: z.string().optional(),
  primaryName: z.string(),
  type: z.string(),
});

const FieldChangeSchema = z
  .object({
    field: z.string().meta({ example: 'birthDates' }),
    kind: z.enum(['scalar', 'set']),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    added: z.array(z.unknown()).optional(),
    removed: z.array(z.unknown()).optional(),
  })
  .meta({ id: 'FieldChange', description: 'A scalar field: before and after. A set-like field (names, birth dates, documents …): the items added and removed.' });

export const ChangeFeedSchema = z
  .object({
    datasetId: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    summary: ChangeCountsSchema,
    added: z.array(ChangeEntrySchema),
    removed: z.array(ChangeEntrySchema),
    amended: z.array(ChangeEntrySchema.extend({ changes: z.array(FieldChangeSchema), metadataChanges: z.array(FieldChangeSchema) })),
    metadataOnly: z.array(ChangeEntrySchema.extend({ changes: z.array(FieldChangeSchema) })),
  })
  .meta({ id: 'ChangeFeed' });
