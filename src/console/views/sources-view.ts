import { segment } from '../api/client';
import type { Source, SourceParagraph, SourceSection } from '../api/types';
import type { ConsoleContext } from '../context';
import { h, replaceChildren, short, type Child } from '../dom';
import { tag } from './badges';
import { empty, errorBox, isAbort, loading } from './status';

// Paragraph look-ups (for `citedBy`) sent at once.
const PARAGRAPH_CONCURRENCY = 6;

const KIND_LABELS: Record<string, string> = { investigation: 'investigation', resolution: 'resolution', 'list-file': 'list file' };

/**
 * Sources: the investigation and the resolutions, readable paragraph by paragraph. Cited paragraphs are marked and
 * name the entities that cite them (each paragraph's `citedBy`), linked to those entities. The whole source is
 * shown at once, when every paragraph's citations are known, so nothing shifts while reading.
 */
export function renderSourcesView(root: HTMLElement, context: ConsoleContext, sourceId: string | undefined, paragraphId: string | undefined, signal: AbortSignal): void {
  const nav = h('nav', { class: 'source-list card', 'aria-label': 'Sources' }, loading('Loading sources…'));
  const reader = h('div', { class: 'source-reader' });
  replaceChildren(root, h('h1', { tabindex: -1 }, 'Sources'), h('div', { class: 'sources-layout' }, nav, reader));

  const load = () => {
    context.sources().then(
      (sources) => {
        if (signal.aborted) return;
        const current = sourceId ?? sources.find((s) => s.kind === 'investigation')?.id ?? sources[0]?.id;
        replaceChildren(
          nav,
          h('h2', { class: 'small-heading' }, 'Sources'),
          h(
            'ul',
            { class: 'plain' },
            sources.map((s) =>
              h(
                'li',
                {},
                h('a', { href: `#/sources/${segment(s.id)}`, 'aria-current': s.id === current ? 'page' : null }, s.title),
                h('div', { class: 'muted' }, KIND_LABELS[s.kind] ?? s.kind, s.date ? ` · ${s.date}` : '', ` · ${s.sections.length} paragraphs`),
              ),
            ),
          ),
        );
        const source = sources.find((s) => s.id === current);
        if (!source) {
          replaceChildren(reader, errorBox(new Error(sourceId ? `source "${sourceId}" does not exist` : 'no source is loaded')));
          return;
        }
        void showSource(reader, context, source, paragraphId, signal);
      },
      (error: unknown) => {
        if (!isAbort(error)) replaceChildren(nav, errorBox(error, load));
      },
    );
  };
  load();
}

async function showSource(reader: HTMLElement, context: ConsoleContext, source: Source, paragraphId: string | undefined, signal: AbortSignal): Promise<void> {
  replaceChildren(reader, h('div', { class: 'card' }, loading(`Reading ${source.title} and who cites it…`)));
  const withIds = source.sections.filter((s): s is SourceSection & { paragraphId: string } => s.paragraphId !== undefined);
  const citedBy = new Map<string, SourceParagraph['citedBy']>();
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(PARAGRAPH_CONCURRENCY, withIds.length) }, async () => {
        while (next < withIds.length) {
          const section = withIds[next++] as SourceSection & { paragraphId: string };
          const paragraph = await context.api.get<SourceParagraph>(`/v1/sources/${segment(source.id)}/paragraphs/${segment(section.paragraphId)}`, signal);
          citedBy.set(section.paragraphId, paragraph.citedBy);
        }
      }),
    );
  } catch (error) {
    if (isAbort(error)) return;
    replaceChildren(reader, errorBox(error, () => void showSource(reader, context, source, paragraphId, signal)));
    return;
  }
  if (signal.aborted) return;

  const cited = [...citedBy.values()].filter((c) => c.length > 0).length;
  const groups: { heading: string | undefined; sections: SourceSection[] }[] = [];
  for (const section of source.sections) {
    const last = groups[groups.length - 1];
    if (last && last.heading === section.heading) last.sections.push(section);
    else groups.push({ heading: section.heading, sections: [section] });
  }
  const paragraphs: Child[] = groups.map((group) =>
    h(
      'section',
      { class: 'source-section' },
      group.heading ? h('h3', {}, group.heading) : null,
      group.sections.map((section) => paragraphBlock(source, section, section.paragraphId ? citedBy.get(section.paragraphId) ?? [] : [], section.paragraphId === paragraphId)),
    ),
  );
  replaceChildren(
    reader,
    h(
      'article',
      { class: 'card source', 'aria-labelledby': 'source-title' },
      h('h2', { id: 'source-title' }, source.title),
      h(
        'p',
        { class: 'muted' },
        tag(KIND_LABELS[source.kind] ?? source.kind),
        source.publisher ? ` ${source.publisher}` : '',
        source.date ? ` · ${source.date}` : '',
        source.url ? [' · ', h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, 'official text (external)')] : null,
        source.sha256 ? [' · sha256 ', short(source.sha256)] : null,
      ),
      source.credits && source.credits.length > 0 ? h('p', { class: 'muted' }, source.credits.join(' · ')) : null,
      source.notes ? h('details', { class: 'notes' }, h('summary', {}, 'About this copy'), h('p', {}, source.notes)) : null,
      source.sections.length === 0
        ? empty('This source is a list file: its entries are the entities, screened directly.')
        : h('p', { class: 'legend' }, h('span', { class: 'cited-marker' }, 'Cited'), ` ${cited} of ${source.sections.length} paragraphs are cited as evidence; each names the entities that cite it.`),
      paragraphs,
    ),
  );
  if (paragraphId) {
    const target = document.getElementById(paragraphAnchor(source.id, paragraphId));
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    }
  }
}

const paragraphAnchor = (sourceId: string, paragraphId: string) => `p-${sourceId}-${paragraphId}`.replace(/[^A-Za-z0-9_-]/g, '_');

function paragraphBlock(source: Source, section: SourceSection, citedBy: SourceParagraph['citedBy'], selected: boolean): HTMLElement {
  const isCited = citedBy.length > 0;
  return h(
    'div',
    {
      class: `paragraph${isCited ? ' cited' : ''}${selected ? ' selected' : ''}`,
      id: section.paragraphId ? paragraphAnchor(source.id, section.paragraphId) : null,
      tabindex: selected ? -1 : null,
    },
    h('p', { class: 'locator' }, section.locator, isCited ? h('span', { class: 'cited-marker' }, 'Cited') : null, section.textKind === 'summary' ? [' ', tag('summary')] : null),
    h('p', { class: 'paragraph-text', lang: section.language ?? 'en' }, section.text),
    section.note ? h('p', { class: 'muted small' }, section.note) : null,
    isCited
      ? h(
          'p',
          { class: 'cited-by-line' },
          'Cited by ',
          citedBy.map((e, i) => [i > 0 ? ', ' : '', h('a', { href: `#/entities/${segment(e.entityId)}` }, e.name)]),
        )
      : null,
  );
}
