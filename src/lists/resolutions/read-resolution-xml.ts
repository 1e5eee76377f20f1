import { XMLParser } from 'fast-xml-parser';

/**
 * Reads a Security Council resolution from the UN Secretariat's Akoma Ntoso XML (UNxml/SCresolutions, as shipped in
 * `data/sources/resolutions/`) into its paragraphs by number: the preamble (numbered from 1 after the opening line
 * "The Security Council,"), the operative paragraphs, and each annex's entries. The text is the source's own, typos
 * included; only runs of ASCII whitespace are collapsed (no-break spaces and non-breaking hyphens stay, as
 * `SOURCE.md` of the reference copy says). Markup (italics, links) is dropped, its text kept.
 */

export interface ResolutionParagraph {
  /** Locator key: "preamble-3", "8", "annex-I-1". */
  key: string;
  /** The paragraph's text as published, whitespace collapsed. */
  text: string;
}

export interface ResolutionAnnexEntry extends ResolutionParagraph {
  annex: string;
  number: number;
  /** The entry's first line: the designated name as the annex prints it. */
  name: string;
}

export interface ResolutionDocument {
  /** "S/RES/2375 (2017)". */
  symbol: string;
  /** ISO date of adoption. */
  adoptedOn: string;
  preamble: ResolutionParagraph[];
  operative: ResolutionParagraph[];
  annexEntries: ResolutionAnnexEntry[];
}

/** A node of fast-xml-parser's ordered output: one tag name (or `#text`) with its children, attributes under `:@`. */
type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false, parseTagValue: false, processEntities: true });

function tagOf(node: OrderedNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as OrderedNode[]) : [];
}

function attribute(node: OrderedNode, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, unknown> | undefined;
  const value = attributes?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The text of a node and everything under it, in document order. */
function textOf(node: OrderedNode): string {
  const tag = tagOf(node);
  if (tag === '#text') return String(node['#text'] ?? '');
  return childrenOf(node).map(textOf).join('');
}

/** Only runs of ASCII whitespace collapse; U+00A0 and U+2011 are the source's and stay. */
function collapse(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** Every descendant with `tag`, in document order. */
function descendants(node: OrderedNode, tag: string): OrderedNode[] {
  const found: OrderedNode[] = [];
  for (const child of childrenOf(node)) {
    if (tagOf(child) === tag) found.push(child);
    found.push(...descendants(child, tag));
  }
  return found;
}

function firstDescendant(node: OrderedNode, tag: string): OrderedNode | undefined {
  return descendants(node, tag)[0];
}

/** The text of a `<paragraph>`'s content (its `<p>`s), and its number as printed ("8.", "a.", "(b)"), if any. */
function paragraphParts(paragraph: OrderedNode): { num: string | null; text: string; heading: boolean } {
  const num = childrenOf(paragraph).find((child) => tagOf(child) === 'num');
  const heading = childrenOf(paragraph).some((child) => tagOf(child) === 'heading' || tagOf(child) === 'subheading');
  const text = descendants(paragraph, 'p').map(textOf).join(' ');
  return { num: num ? collapse(textOf(num)) : null, text: collapse(text), heading };
}

const OPERATIVE_NUMBER = /^(\d+)\.$/;
const ANNEX_HEADING = /^Annex\s+([IVX]+)$/;

/** Reads one resolution (throws, saying what is missing, when the XML is not the expected Akoma Ntoso shape). */
export function readResolutionXml(xml: string): ResolutionDocument {
  const root = parser.parse(xml) as OrderedNode[];
  const akoma = root.find((node) => tagOf(node) === 'akomaNtoso');
  if (!akoma) throw new Error('not an Akoma Ntoso document (no <akomaNtoso> element)');
  const resolution = childrenOf(akoma).find((child) => !tagOf(child).startsWith('#'));
  if (!resolution) throw new Error('empty <akomaNtoso> element');

  const docNumber = firstDescendant(resolution, 'docNumber');
  const symbol = docNumber ? collapse(textOf(docNumber)) : '';
  const adoption = descendants(resolution, 'FRBRdate').find((node) => attribute(node, 'name') === 'adoption');
  const adoptedOn = adoption ? (attribute(adoption, 'date') ?? '') : '';
  if (!symbol || !adoptedOn) throw new Error('the resolution has no <docNumber> or adoption <FRBRdate>');

  const preambleNode = firstDescendant(resolution, 'preamble');
  const preamble = (preambleNode ? descendants(preambleNode, 'container') : []).map((container, index) => ({
    key: `preamble-${index + 1}`,
    text: collapse(descendants(container, 'p').map(textOf).join(' ')),
  }));

  const operative: ResolutionParagraph[] = [];
  const mainBody = childrenOf(resolution).find((child) => tagOf(child) === 'mainBody');
  for (const paragraph of mainBody ? descendants(mainBody, 'paragraph') : []) {
    const { num, text, heading } = paragraphParts(paragraph);
    if (heading || text.length === 0) continue;
    const number = num ? OPERATIVE_NUMBER.exec(num) : null;
    const current = operative[operative.length - 1];
    if (number) operative.push({ key: number[1] as string, text });
    // A lettered subparagraph, or text without a number, continues the paragraph before it.
    else if (current) current.text = `${current.text} ${num ? `${num} ` : ''}${text}`;
  }

  const annexEntries: ResolutionAnnexEntry[] = [];
  for (const attachment of descendants(resolution, 'attachment')) {
    let annex: string | null = null;
    for (const paragraph of descendants(attachment, 'paragraph')) {
      const headingNode = firstDescendant(paragraph, 'heading');
      const annexHeading = headingNode ? ANNEX_HEADING.exec(collapse(textOf(headingNode))) : null;
      if (annexHeading) {
        annex = annexHeading[1] as string;
        continue;
      }
      const { num, text, heading } = paragraphParts(paragraph);
      if (heading || !annex || text.length === 0) continue;
      const number = num ? OPERATIVE_NUMBER.exec(num) : null;
      const current = annexEntries[annexEntries.length - 1];
      if (number) {
        const entryNumber = Number(number[1]);
        annexEntries.push({ key: `annex-${annex}-${entryNumber}`, annex, number: entryNumber, name: text, text });
      } else if (current && current.annex === annex) {
        current.text = `${current.text} ${num ? `${num} ` : ''}${text}`;
      }
    }
  }
  return { symbol, adoptedOn, preamble, operative, annexEntries };
}
