import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { paragraphIdOf, type Source, type SourceSection } from '../model/entity';
import { insertInChunks } from '../db/insert-in-chunks';

type Db = Kysely<Database> | Transaction<Database>;

/** Inserts sources and their sections; the caller deletes the dataset's old sources in the same transaction. */
export async function insertSources(db: Db, datasetId: string, sources: Source[]): Promise<void> {
  await insertInChunks(
    db,
    'sources',
    sources.map((s) => ({
      id: s.id,
      dataset_id: datasetId,
      kind: s.kind,
      title: s.title,
      publisher: s.publisher ?? null,
      credits: JSON.stringify(s.credits ?? []),
      url: s.url ?? null,
      date: s.date ?? null,
      sha256: s.sha256 ?? null,
      notes: s.notes ?? null,
    })),
  );
  await insertInChunks(
    db,
    'source_sections',
    sources.flatMap((s) =>
      s.sections.map((section, ordinal) => ({
        source_id: s.id,
        ordinal,
        locator: section.locator,
        heading: section.heading ?? null,
        paragraph: section.paragraph ?? null,
        text: section.text,
        text_kind: section.textKind,
        language: section.language ?? null,
        url: section.url ?? null,
        note: section.note ?? null,
      })),
    ),
  );
}

export interface SourceRecord extends Source {
  dataset: string;
}

/** Every source, or the one with `id`, with its sections in order. */
export async function findSources(db: Db, id?: string): Promise<SourceRecord[]> {
  const base = db.selectFrom('sources').selectAll().orderBy('id');
  const rows = await (id === undefined ? base : base.where('id', '=', id)).execute();
  if (rows.length === 0) return [];
  const sectionsBase = db.selectFrom('source_sections').selectAll().orderBy('source_id').orderBy('ordinal');
  const sections = await (id === undefined ? sectionsBase : sectionsBase.where('source_id', '=', id)).execute();
  return rows.map((row) => {
    const source: SourceRecord = {
      id: row.id,
      dataset: row.dataset_id,
      kind: row.kind,
      title: row.title,
      sections: sections
        .filter((s) => s.source_id === row.id)
        .map((s) => {
          const section: SourceSection = {
            locator: s.locator,
            text: s.text,
            textKind: s.text_kind,
          };
          if (s.heading !== null) section.heading = s.heading;
          if (s.paragraph !== null) {
            section.paragraph = s.paragraph;
            // The article numbers its paragraphs within sections; a resolution's keys are unique on their own.
            section.paragraphId = paragraphIdOf(s.paragraph, row.kind === 'investigation' ? (s.heading ?? undefined) : undefined);
          }
          if (s.language !== null) section.language = s.language;
          if (s.url !== null) section.url = s.url;
          if (s.note !== null) section.note = s.note;
          return section;
        }),
    };
    if (row.publisher !== null) source.publisher = row.publisher;
    if (row.credits.length > 0) source.credits = row.credits;
    if (row.url !== null) source.url = row.url;
    if (row.date !== null) source.date = row.date;
    if (row.sha256 !== null) source.sha256 = row.sha256;
    if (row.notes !== null) source.notes = row.notes;
    return source;
  });
}

/** Id, kind and title of the given sources (no sections): what an entity record lists as its sources. */
export async function findSourceHeaders(db: Db, ids: readonly string[]): Promise<{ id: string; kind: string; title: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('sources').select(['id', 'kind', 'title']).where('id', 'in', ids).orderBy('id').execute();
}

/**
 * The entities whose flag or relationship citations point at one paragraph of a source, by id; `section` for a
 * source numbered within sections (the article).
 */
export async function findCitingEntities(db: Kysely<Database>, sourceId: string, paragraph: string, section?: string) {
  return db
    .selectFrom('citations')
    .innerJoin('entities', 'entities.id', 'citations.entity_id')
    .select(['entities.id as entityId', 'entities.primary_name as name'])
    .where('citations.source_id', '=', sourceId)
    .where('citations.paragraph', '=', paragraph)
    .$if(section !== undefined, (q) => q.where('citations.section', '=', section ?? null))
    .distinct()
    .orderBy('entities.id')
    .execute();
}
