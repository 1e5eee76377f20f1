import { segment } from '../api/client';
import type { Citation, Flag, Listing, RelationshipRef } from '../api/types';
import type { ConsoleContext } from '../context';
import { h, words } from '../dom';
import { severityBadge } from './badges';

/** One citation: its locator as a button that opens the paragraph, and the quoted words under it. */
export function citationItem(context: ConsoleContext, citation: Citation): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'citation-link', 'aria-haspopup': 'dialog', title: 'Open the cited paragraph' },
    citation.locator,
  );
  button.addEventListener('click', () => context.openParagraph(citation, button));
  return h(
    'li',
    { class: 'citation' },
    button,
    citation.quote ? h('q', { class: 'quote-preview' }, citation.quote) : null,
    citation.summary ? h('span', { class: 'summary-preview' }, citation.summary) : null,
  );
}

export function citationList(context: ConsoleContext, citations: readonly Citation[]): HTMLElement | null {
  if (citations.length === 0) return null;
  return h('ul', { class: 'citations' }, citations.map((c) => citationItem(context, c)));
}

/** Flags with their description and citations. */
export function flagList(context: ConsoleContext, flags: readonly Flag[], headingLevel: 'h3' | 'h4' | 'h5' | 'h6' = 'h4'): HTMLElement {
  return h(
    'ul',
    { class: 'flags' },
    flags.map((flag) =>
      h(
        'li',
        { class: 'flag' },
        h(headingLevel, { class: 'flag-title' }, severityBadge(flag.severity), ' ', flag.title),
        h('p', { class: 'flag-description' }, flag.description),
        citationList(context, flag.citations),
      ),
    ),
  );
}

/** Listings as a small table (list, reference, regime, date, resolution). */
export function listingTable(listings: readonly Listing[]): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'compact' },
      h('thead', {}, h('tr', {}, ['List', 'Reference', 'Regime', 'Listed on', 'Resolution'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        listings.map((l) => h('tr', {}, h('td', {}, l.list), h('td', {}, h('code', {}, l.referenceNumber)), h('td', {}, l.regime), h('td', {}, l.listedOn ?? '—'), h('td', {}, l.resolution ?? '—'))),
      ),
    ),
  );
}

/** A relationship in words: "headed by → Sergei Tkachuk", the other entity a link. */
export function relationshipLine(relationship: RelationshipRef): HTMLElement {
  const inbound = relationship.direction === 'inbound';
  return h(
    'span',
    { class: 'relationship' },
    inbound ? [h('a', { href: `#/entities/${segment(relationship.entityId)}` }, relationship.name), ` ${words(relationship.type)} this entity`] : [`${words(relationship.type)} `, h('a', { href: `#/entities/${segment(relationship.entityId)}` }, relationship.name)],
    relationship.period ? h('span', { class: 'muted' }, ` (${relationship.period})`) : null,
  );
}
