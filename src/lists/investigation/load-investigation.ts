import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { loadResolutionSources } from '../resolutions/load-resolution-sources';
import type { Citation, CanonicalEntity, LoadedDataset, Place, Source, SourceSection } from '../../model/entity';
import {
  ARTICLE_SOURCE_ID,
  articleSourceSchema,
  formatArticleLocator,
  investigationFileSchema,
  type ArticleSourceFile,
  type InvestigationCitation,
  type InvestigationEntity,
  type InvestigationFile,
} from './dataset-schema';

/** Dataset id of the curated investigation subjects. */
export const INVESTIGATION_DATASET_ID = 'investigation';

/** The subjects file, relative to the data directory. */
export const INVESTIGATION_FILE = 'investigation/insider-dprk-students.yaml';
/** The article source file, relative to the data directory. */
export const ARTICLE_FILE = 'sources/insider-article.yaml';

/** The investigation files are malformed or contradict each other. `problems` lists every fault found, each with its path. */
export class InvestigationDataError extends Error {
  override readonly name = 'InvestigationDataError';

  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`}`);
  }
}

/**
 * Loads the curated investigation dataset from `${dataDir}/investigation/insider-dprk-students.yaml` and its article
 * from `${dataDir}/sources/insider-article.yaml`.
 *
 * Promises: every entity and the article source pass their zod schema; every relationship target exists; every citation
 * of the article quotes, character for character, the section and paragraph it names. Otherwise it rejects with an
 * `InvestigationDataError` naming the file and the path of each bad field. `contentHash` is the sha256 (hex) of the
 * subjects file's bytes followed by the article file's bytes, so it changes with any edit to either and with nothing else.
 * Never touches the network, never reads any other file.
 */
export async function loadInvestigation(dataDir: string): Promise<LoadedDataset> {
  const investigationPath = join(dataDir, INVESTIGATION_FILE);
  const articlePath = join(dataDir, ARTICLE_FILE);
  const [investigationBytes, articleBytes] = await Promise.all([readFile(investigationPath), readFile(articlePath)]);

  const investigation = parseYamlFile(investigationPath, investigationBytes, investigationFileSchema);
  const article = parseYamlFile(articlePath, articleBytes, articleSourceSchema);

  const source = toSource(article);
  const problems = findCrossReferenceProblems(investigation, source, await loadResolutionSources(dataDir));
  if (problems.length > 0) throw new InvestigationDataError(investigationPath, problems);

  return {
    id: INVESTIGATION_DATASET_ID,
    name: investigation.name,
    contentHash: createHash('sha256').update(investigationBytes).update(articleBytes).digest('hex'),
    sourceDate: null,
    entities: investigation.entities.map(toCanonicalEntity),
    sources: [source],
  };
}

/**
 * Parses YAML bytes and validates them with `schema`. Rejects YAML syntax errors and schema failures with an
 * `InvestigationDataError` whose problems read `entities[3](ins-mmc).flags[0].code: <message>`.
 */
export function parseYamlFile<S extends z.ZodType>(file: string, bytes: Buffer, schema: S): z.infer<S> {
  const document = parseDocument(bytes.toString('utf8'), { prettyErrors: true });
  if (document.errors.length > 0) {
    throw new InvestigationDataError(file, document.errors.map((e) => `YAML: ${e.message}`));
  }
  const input: unknown = document.toJS();
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InvestigationDataError(
      file,
      result.error.issues.map((issue) => `${describePath(issue.path, input)}: ${issue.message}`),
    );
  }
  return result.data;
}

/**
 * Everything in the subjects file that points elsewhere and does not land: relationship targets, article citations
 * whose section, paragraph or quote cannot be found, locators that disagree with section + paragraph, unknown
 * source ids. Returns one line per problem; empty when all is consistent.
 */
export function findCrossReferenceProblems(investigation: InvestigationFile, article: Source, resolutions: readonly Source[] = []): string[] {
  const problems: string[] = [];
  const ids = new Set(investigation.entities.map((e) => e.id));
  const paragraphs = new Map(article.sections.map((s) => [s.locator, s]));

  const checkCitation = (citation: InvestigationCitation, path: string): void => {
    const resolution = resolutions.find((candidate) => candidate.id === citation.sourceId);
    if (resolution) {
      // A resolution is cited by its locator; a quote must be its official text, verbatim but for whitespace,
      // quote marks and hyphen variants.
      const section = resolution.sections.find((candidate) => candidate.locator === citation.locator);
      if (section === undefined) problems.push(`${path}.locator: ${citation.sourceId} has no "${citation.locator}"${quoted(citation.quote)}`);
      else if (citation.quote !== undefined && !comparableText(section.text).includes(comparableText(citation.quote))) {
        problems.push(`${path}.quote: "${citation.quote}" does not occur verbatim in ${citation.locator}`);
      }
      return;
    }
    if (citation.sourceId !== ARTICLE_SOURCE_ID) return;
    const expectedLocator = formatArticleLocator(citation.section, citation.paragraph);
    if (citation.locator !== expectedLocator) {
      problems.push(`${path}.locator: "${citation.locator}" does not match section and paragraph; expected "${expectedLocator}"${quoted(citation.quote)}`);
    }
    const paragraph = paragraphs.get(expectedLocator);
    if (paragraph === undefined) {
      problems.push(`${path}: ${citation.sourceId} has no ${expectedLocator}${quoted(citation.quote)}`);
    } else if (!paragraph.text.includes(citation.quote)) {
      problems.push(`${path}.quote: "${citation.quote}" does not occur verbatim in ${expectedLocator}`);
    }
  };

  investigation.entities.forEach((entity, i) => {
    const at = `entities[${i}](${entity.id})`;
    entity.sourceIds.forEach((sourceId, j) => {
      if (sourceId !== article.id) problems.push(`${at}.sourceIds[${j}]: unknown source "${sourceId}"`);
    });
    entity.flags.forEach((flag, j) => {
      flag.citations.forEach((c, k) => checkCitation(c, `${at}.flags[${j}](${flag.code}).citations[${k}]`));
    });
    entity.relationships.forEach((relationship, j) => {
      const rel = `${at}.relationships[${j}]`;
      if (!ids.has(relationship.targetId)) problems.push(`${rel}.targetId: entity "${relationship.targetId}" does not exist`);
      if (relationship.targetId === entity.id) problems.push(`${rel}.targetId: an entity cannot be related to itself`);
      relationship.citations.forEach((c, k) => checkCitation(c, `${rel}.citations[${k}]`));
    });
  });
  return problems;
}

/** ` (quote "…")`: what a locator problem adds so the citation can be found. */
function quoted(quote: string | undefined): string {
  return quote === undefined ? '' : ` (quote "${quote}")`;
}

/** Text as a quote may differ from its source and still be verbatim: whitespace, quote marks, hyphens. */
function comparableText(text: string): string {
  return text
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013]/g, '-')
    .trim();
}

/** Maps the validated article file into the canonical `Source`: one verbatim section entry per numbered body paragraph. */
export function toSource(article: ArticleSourceFile): Source {
  const sections: SourceSection[] = article.sections.flatMap((section) =>
    section.paragraphs.map((p) => ({
      locator: formatArticleLocator(section.heading, p.paragraph),
      heading: section.heading,
      paragraph: String(p.paragraph),
      text: p.text,
      textKind: 'verbatim' as const,
      language: article.language,
      ...(section.headingPrinted ? {} : { note: `"${section.heading}" is our label: the article prints no heading here.` }),
    })),
  );
  const omitted = article.sections.reduce((count, s) => count + (s.omitted?.length ?? 0), 0);
  const notes = [
    article.notes,
    article.titleIsOurs ? 'The title is descriptive and ours, not the publisher’s.' : undefined,
    `Transcribed from ${article.transcribedFrom.file} (sha256 ${article.transcribedFrom.sha256}).`,
    `${omitted} pull-quotes, photo captions and credit lines are not body paragraphs and are not listed as sections.`,
  ].filter((n): n is string => n !== undefined);
  return {
    id: article.id,
    kind: article.kind,
    title: article.title,
    publisher: article.publisher,
    credits: article.credits,
    notes: notes.join(' '),
    sections,
  };
}

/** Maps one validated subject into the canonical entity model (dataset `investigation`). */
export function toCanonicalEntity(entity: InvestigationEntity): CanonicalEntity {
  const addresses: Place[] = (entity.locations ?? []).map((l) => ({
    ...(l.city === undefined ? {} : { city: l.city }),
    countryCode: l.countryCode,
    note: l.note ?? 'as stated in the investigation',
  }));
  return {
    id: entity.id,
    type: entity.type,
    dataset: INVESTIGATION_DATASET_ID,
    primaryName: entity.primaryName,
    // A name read in a source the project does not hold counts like a low-quality alias.
    names: entity.names.map((n) => (n.origin === 'unverified' ? { ...n, quality: 'low' as const } : { ...n })),
    role: entity.role,
    countries: [...entity.countries],
    nationalities: [],
    birthDates: [],
    birthPlaces: [],
    addresses,
    identifiers: (entity.identifiers ?? []).map((id) => ({ ...id })),
    riskLevel: entity.riskLevel,
    flags: entity.flags.map((f) => ({ ...f, citations: f.citations.map(toCitation) })),
    listings: [],
    relationships: entity.relationships.map((r) => ({ ...r, citations: r.citations.map(toCitation) })),
    sourceIds: [...entity.sourceIds],
    narrative: [`Risk rationale: ${entity.riskRationale}`, entity.notes].filter((n) => n !== undefined).join(' '),
    raw: { riskRationale: entity.riskRationale },
  };
}

function toCitation(citation: InvestigationCitation): Citation {
  return { ...citation };
}

/**
 * Renders a zod issue path for a human: `entities[3](ins-mmc).flags[0](dprk-labor-facilitation).citations`. Array
 * elements that carry a string `id` (subjects) or `code` (flags) are labelled with it, so the bad entity and flag can
 * be found without counting.
 */
function describePath(path: readonly PropertyKey[], input: unknown): string {
  let rendered = '';
  let node: unknown = input;
  for (const key of path) {
    node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      rendered += `[${key}]`;
      const label = isRecord(node) ? (node['id'] ?? node['code']) : undefined;
      if (typeof label === 'string') rendered += `(${label})`;
    } else {
      rendered += `${rendered === '' ? '' : '.'}${String(key)}`;
    }
  }
  return rendered === '' ? '(root)' : rendered;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
