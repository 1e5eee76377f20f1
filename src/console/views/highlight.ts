import { h, type Child } from '../dom';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Quotes and dashes that a verbatim quote may carry in another typographic form than the source text.
const EQUIVALENT: Record<string, string> = {
  "'": "['‘’`]",
  '‘': "['‘’`]",
  '’': "['‘’`]",
  '"': '["“”«»]',
  '“': '["“”«»]',
  '”': '["“”«»]',
  '-': '[-‐–—]',
  '–': '[-‐–—]',
  '—': '[-‐–—]',
};

function quotePattern(quote: string): RegExp | undefined {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const body = words.map((word) => [...word].map((ch) => EQUIVALENT[ch] ?? escape(ch)).join('')).join('\\s+');
  return new RegExp(body, 'iu');
}

/**
 * The paragraph's text with the quote marked (`<mark>`). The quote is verbatim, so it is found as printed; runs of
 * whitespace, letter case and the typographic form of quotes and dashes may differ. `found` is false when it is not there.
 */
export function highlightQuote(text: string, quote: string | undefined): { nodes: Child[]; found: boolean } {
  if (!quote) return { nodes: [text], found: false };
  const match = quotePattern(quote)?.exec(text);
  if (!match) return { nodes: [text], found: false };
  const start = match.index;
  const end = start + match[0].length;
  return { nodes: [text.slice(0, start), h('mark', {}, text.slice(start, end)), text.slice(end)], found: true };
}
