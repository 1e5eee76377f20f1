import { segment } from '../api/client';
import type { Citation, SourceParagraph } from '../api/types';
import type { ConsoleContext } from '../context';
import { h, replaceChildren } from '../dom';
import { tag } from './badges';
import { highlightQuote } from './highlight';
import { errorBox, loading } from './status';

/**
 * The dialog that shows a cited paragraph in full, with the quoted words marked, the entities that cite it and a
 * link to read it in its source. One dialog for the page; a native modal `<dialog>` (focus stays inside, Escape closes).
 */
export function createParagraphDialog(context: () => ConsoleContext): (citation: Citation, opener: HTMLElement) => void {
  const titleId = 'paragraph-dialog-title';
  const heading = h('h2', { id: titleId }, 'Cited paragraph');
  const body = h('div', { class: 'dialog-body' });
  const closeButton = h('button', { type: 'button', class: 'secondary', 'data-close': true }, 'Close');
  const dialog = h('dialog', { class: 'paragraph-dialog', 'aria-labelledby': titleId }, h('div', { class: 'dialog-head' }, heading, closeButton), body);
  let opener: HTMLElement | undefined;
  let controller: AbortController | undefined;
  closeButton.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    controller?.abort();
    if (opener?.isConnected) opener.focus();
  });
  // Links inside lead to another view: close first so the page underneath is usable.
  body.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a[href^="#/"]');
    if (link) dialog.close();
  });
  document.body.append(dialog);

  return (citation, from) => {
    opener = from;
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    heading.textContent = citation.locator;
    replaceChildren(body, loading('Loading the paragraph…'));
    if (!dialog.open) dialog.showModal();
    closeButton.focus();
    if (!citation.paragraphId) {
      replaceChildren(body, quoteOnly(citation));
      return;
    }
    const { api, sources } = context();
    const path = `/v1/sources/${segment(citation.sourceId)}/paragraphs/${segment(citation.paragraphId)}`;
    Promise.all([api.get<SourceParagraph>(path, signal), sources().catch(() => [])]).then(
      ([paragraph, all]) => {
        if (signal.aborted) return;
        const title = all.find((s) => s.id === citation.sourceId)?.title ?? citation.sourceId;
        replaceChildren(body, paragraphView(paragraph, citation, title));
      },
      (error: unknown) => {
        if (!signal.aborted) replaceChildren(body, errorBox(error), quoteOnly(citation));
      },
    );
  };
}

function quoteOnly(citation: Citation): HTMLElement {
  return h(
    'div',
    {},
    citation.quote ? h('blockquote', { class: 'quote' }, h('mark', {}, citation.quote)) : null,
    citation.summary ? h('p', {}, h('strong', {}, 'Summary: '), citation.summary) : null,
    citation.url ? h('p', {}, h('a', { href: citation.url, rel: 'noopener noreferrer', target: '_blank' }, 'Official text')) : null,
  );
}

function paragraphView(paragraph: SourceParagraph, citation: Citation, sourceTitle: string): HTMLElement {
  const { nodes, found } = highlightQuote(paragraph.text, citation.quote);
  const paragraphLink = `#/sources/${segment(paragraph.sourceId)}/${segment(paragraph.paragraphId ?? citation.paragraphId ?? '')}`;
  return h(
    'div',
    {},
    h('p', { class: 'source-line' }, h('span', { class: 'muted' }, 'Source: '), sourceTitle, paragraph.heading ? ` · ${paragraph.heading}` : ''),
    h('p', { class: 'paragraph-text', lang: paragraph.language ?? 'en' }, nodes),
    paragraph.textKind === 'summary' ? h('p', { class: 'muted' }, tag('summary'), ' The source text is summarised here, not quoted.') : null,
    citation.quote && !found ? h('div', {}, h('p', { class: 'muted' }, 'The quoted words, as cited:'), h('blockquote', { class: 'quote' }, h('mark', {}, citation.quote))) : null,
    paragraph.note ? h('p', { class: 'muted' }, h('strong', {}, 'Note: '), paragraph.note) : null,
    paragraph.citedBy.length > 0
      ? h('div', { class: 'cited-by' }, h('h3', {}, 'Cited by'), h('ul', { class: 'inline-list' }, paragraph.citedBy.map((e) => h('li', {}, h('a', { href: `#/entities/${segment(e.entityId)}` }, e.name)))))
      : null,
    h(
      'p',
      { class: 'dialog-links' },
      h('a', { href: paragraphLink }, 'Read it in the source'),
      paragraph.url ?? citation.url ? [' · ', h('a', { href: paragraph.url ?? citation.url ?? '', rel: 'noopener noreferrer', target: '_blank' }, 'Official text (external)')] : null,
    ),
  );
}
