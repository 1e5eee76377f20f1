import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Source, SourceSection } from '../../model/entity';
import { DESIGNATING_RESOLUTIONS, firstUrl } from './designating-resolutions';

/** Where the verified paragraph material lives inside the data directory. */
export const RESOLUTION_PARAGRAPHS_FILE = path.join('sources', 'resolution-paragraphs.json');

const RESOLUTION_PUBLISHER = 'United Nations Security Council';

const SummarySchema = z.object({
  text: z.string(),
  source: z.string(),
  caveat: z.string().optional(),
});

const SourceReferenceSchema = z.object({
  what: z.string().optional(),
  url: z.string(),
  corpus: z.string().optional(),
  reliability: z.string().optional(),
});

const ParagraphSchema = z.object({
  resolution: z.string(),
  /** As the gatherer wrote it: "8", "9-15 (maritime block)", or null when unknown. */
  paragraph: z.string().nullable(),
  /** Who confirms the number; starts with "NOT confirmed"/"not confirmed" when nobody does. */
  paragraph_number_confirmed_by: z.string(),
  short_title: z.string(),
  verbatim_status: z.string(),
  verbatim_text: z.string().nullable().optional(),
  verbatim_text_french: z.string().optional(),
  verbatim_text_english_partial: z.string().optional(),
  verbatim_text_para_14: z.string().optional(),
  verbatim_text_truncation_note: z.string().optional(),
  text_japanese_full: z.string().optional(),
  text_chinese_un_summary: z.string().optional(),
  summaries: z.array(SummarySchema).optional(),
  source: z.array(SourceReferenceSchema).optional(),
  designated: z.array(z.string()).optional(),
  note: z.string().optional(),
});

const ResolutionParagraphsSchema = z.object({
  caveat: z.string(),
  paragraphs: z.array(ParagraphSchema),
});

/** One entry of resolution-paragraphs.json: what could be verified about one operative paragraph. */
export type ResolutionParagraph = z.infer<typeof ParagraphSchema>;
export type ResolutionParagraphs = z.infer<typeof ResolutionParagraphsSchema>;

/**
 * Reads and validates resolution-paragraphs.json. Throws, quoting the path, when the file is missing or does not
 * have the expected shape.
 */
export async function readResolutionParagraphs(filePath: string): Promise<ResolutionParagraphs> {
  const text = await fs.readFile(filePath, 'utf8');
  const parsed = ResolutionParagraphsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`"${filePath}" is not a valid resolution paragraphs file: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

const UNCONFIRMED_NUMBER = /^not confirmed/i;

/** The paragraph number (or range, "9-15") when a source confirms it; `undefined` otherwise. */
export function confirmedParagraph(entry: ResolutionParagraph): string | undefined {
  if (entry.paragraph === null || UNCONFIRMED_NUMBER.test(entry.paragraph_number_confirmed_by.trim())) {
    return undefined;
  }
  // "9-15 (maritime block)" → "9-15": the parenthesis is the gatherer's label, not part of the number.
  return entry.paragraph.replace(/\s*\(.*\)\s*$/, '').trim();
}

function locatorOf(symbol: string, entry: ResolutionParagraph): string {
  const paragraph = confirmedParagraph(entry);
  if (paragraph === undefined) return `${symbol}, ${entry.short_title}`;
  return /^\d+$/.test(paragraph) ? `${symbol}, para. ${paragraph}` : `${symbol}, paras. ${paragraph}`;
}

/** A text the entry marks as the resolution's own words, with its language. */
interface VerbatimText {
  text: string;
  language: string;
  label: string;
}

/**
 * The entry's verbatim texts, best first: the plain `verbatim_text` (English), the full French text, then an English
 * partial quotation. `verbatim_text_para_14` is not here: it quotes paragraph 14, not the entry's block of paragraphs.
 */
function verbatimTexts(entry: ResolutionParagraph): VerbatimText[] {
  const texts: VerbatimText[] = [];
  if (entry.verbatim_text) texts.push({ text: entry.verbatim_text, language: 'en', label: 'English' });
  if (entry.verbatim_text_french) texts.push({ text: entry.verbatim_text_french, language: 'fr', label: 'French' });
  if (entry.verbatim_text_english_partial) {
    texts.push({ text: entry.verbatim_text_english_partial, language: 'en', label: 'English partial quotation' });
  }
  return texts;
}

function joinNotes(parts: ReadonlyArray<string | undefined>): string | undefined {
  const present = parts.filter((part): part is string => part !== undefined && part.trim() !== '');
  return present.length === 0 ? undefined : present.join(' ');
}

function sentence(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Pointers to material the entry holds besides the section's own text, so the note says it exists. */
function otherMaterial(entry: ResolutionParagraph, used: VerbatimText | undefined, summariesUsed: number): string[] {
  const notes: string[] = [];
  for (const verbatim of verbatimTexts(entry)) {
    if (verbatim.text !== used?.text) notes.push(`Also verbatim (${verbatim.label}): "${verbatim.text}"`);
  }
  if (entry.verbatim_text_para_14) {
    notes.push(`A verbatim fragment of para. 14 is in resolution-paragraphs.json: "${entry.verbatim_text_para_14}"`);
  }
  if (entry.text_japanese_full) {
    notes.push('A Japanese translation (MOFA Japan, provisional) is in resolution-paragraphs.json; not UN wording.');
  }
  if (entry.text_chinese_un_summary) {
    notes.push('A Chinese summary from the UN website is in resolution-paragraphs.json.');
  }
  const moreSummaries = (entry.summaries?.length ?? 0) - summariesUsed;
  if (moreSummaries > 0) {
    notes.push(`${moreSummaries} further summar${moreSummaries === 1 ? 'y' : 'ies'} in resolution-paragraphs.json.`);
  }
  return notes;
}

/**
 * One section per paragraph entry. Verbatim (with its language) only where the entry marks text verbatim;
 * otherwise the first summary, as `summary` with its source URL. `paragraph` only when a source confirms the number.
 */
function sectionOf(symbol: string, entry: ResolutionParagraph): SourceSection {
  const paragraph = confirmedParagraph(entry);
  const base = {
    locator: locatorOf(symbol, entry),
    heading: entry.short_title,
    ...(paragraph !== undefined ? { paragraph } : {}),
  };
  const verbatim = verbatimTexts(entry)[0];
  if (verbatim !== undefined) {
    const reference = entry.source?.[0];
    const url = firstUrl(reference?.url);
    const note = joinNotes([
      sentence(`Verbatim status: ${entry.verbatim_status}`),
      sentence(entry.verbatim_text_truncation_note),
      sentence(reference?.reliability && `Source reliability: ${reference.reliability}`),
      ...otherMaterial(entry, verbatim, 0),
    ]);
    return {
      ...base,
      text: verbatim.text,
      textKind: 'verbatim',
      language: verbatim.language,
      ...(url !== undefined ? { url } : {}),
      ...(note !== undefined ? { note } : {}),
    };
  }
  const summary = entry.summaries?.[0];
  const url = firstUrl(summary?.source);
  const note = joinNotes([
    sentence(`Verbatim status: ${entry.verbatim_status}`),
    sentence(summary?.caveat && `Caveat: ${summary.caveat}`),
    sentence(entry.note),
    ...otherMaterial(entry, undefined, summary === undefined ? 0 : 1),
  ]);
  return {
    ...base,
    text: summary?.text ?? entry.short_title,
    textKind: 'summary',
    ...(url !== undefined ? { url } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

/**
 * Builds the `Source` records of the resolutions that the UN designations and the investigation cite
 * (`unsc-res-2375`, `unsc-res-2397`) from `${dataDir}/sources/resolution-paragraphs.json`: one section per
 * paragraph entry, verbatim only where the file marks text verbatim, summaries otherwise. Never presents a summary
 * as resolution text and never states a paragraph number no source confirms. Throws when the file is missing or
 * invalid, or mentions a resolution without a known adoption date.
 */
export async function loadResolutionSources(dataDir: string): Promise<Source[]> {
  const file = await readResolutionParagraphs(path.join(dataDir, RESOLUTION_PARAGRAPHS_FILE));
  const known = new Set(DESIGNATING_RESOLUTIONS.map((resolution) => resolution.number));
  const unknown = file.paragraphs.find((entry) => !known.has(entry.resolution));
  if (unknown !== undefined) {
    throw new Error(`resolution-paragraphs.json mentions resolution "${unknown.resolution}", which has no adoption date`);
  }
  return DESIGNATING_RESOLUTIONS.map((resolution) => ({
    id: resolution.sourceId,
    kind: 'resolution',
    title: resolution.symbol,
    publisher: RESOLUTION_PUBLISHER,
    date: resolution.adoptedOn,
    notes: file.caveat,
    sections: file.paragraphs
      .filter((entry) => entry.resolution === resolution.number)
      .map((entry) => sectionOf(resolution.symbol, entry)),
  }));
}
