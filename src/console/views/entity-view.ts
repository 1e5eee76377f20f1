import { segment, withQuery } from '../api/client';
import type { Entity, EntityName, EntitySummary, Page, Place } from '../api/types';
import type { ConsoleContext } from '../context';
import { field, h, replaceChildren, select, words, type Child } from '../dom';
import { riskBadge, tag } from './badges';
import { collectDatasetNetwork, collectNetwork, drawNetwork, NETWORK_HOPS, RISK_COLOURS, WHOLE_NETWORK_DATASETS, type Network } from './entity-graph';
import { citationList, flagList, listingTable, relationshipLine } from './evidence';
import { empty, errorBox, isAbort, loading } from './status';

const ORIGIN_LABELS: Record<string, string> = {
  source: 'printed by the source',
  'added-transliteration': 'added transliteration',
  'added-original-script': 'added original script',
  unverified: 'unverified',
};

/** Entities: a search over every list, and one entity's whole record. */
export function renderEntityView(root: HTMLElement, context: ConsoleContext, id: string | undefined, signal: AbortSignal): void {
  if (id) renderEntity(root, context, id, signal);
  else renderSearch(root, context, signal);
}

function renderSearch(root: HTMLElement, context: ConsoleContext, signal: AbortSignal): void {
  const q = h('input', { name: 'q', type: 'search', autocomplete: 'off', maxlength: 512 });
  const type = select('type', [['', 'Any type'], ['person', 'Person'], ['organization', 'Organization'], ['vessel', 'Vessel'], ['aircraft', 'Aircraft']]);
  const risk = select('riskLevel', [['', 'Any risk'], ['critical', 'Critical'], ['high', 'High'], ['medium', 'Medium'], ['low', 'Low'], ['none', 'None']]);
  const results = h('div', { class: 'entity-results', 'aria-live': 'polite' });
  const form = h('form', { class: 'card search-form', role: 'search' }, h('div', { class: 'form-grid' }, h('div', { class: 'span-2' }, field('Name contains', q)), field('Type', type), field('Risk level', risk)), h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, 'Search')));

  const list = h('ul', { class: 'entity-list' });
  let cursor: string | null = null;
  const more = h('button', { type: 'button', class: 'secondary' }, 'Show more');
  async function load(append: boolean): Promise<void> {
    if (!append) {
      cursor = null;
      replaceChildren(results, loading('Searching…'));
    }
    try {
      const page = await context.api.get<Page<EntitySummary>>(withQuery('/v1/entities', { q: q.value.trim(), type: type.value, riskLevel: risk.value, limit: 50, cursor }), signal);
      if (!append) list.replaceChildren();
      for (const e of page.items) {
        list.append(
          h(
            'li',
            {},
            h('a', { href: `#/entities/${segment(e.id)}` }, e.name),
            ' ',
            tag(e.type),
            ' ',
            riskBadge(e.riskLevel),
            e.listings.length > 0 ? h('span', { class: 'muted' }, ` ${e.listings.map((l) => `${l.list} ${l.referenceNumber}`).join(', ')}`) : null,
          ),
        );
      }
      cursor = page.nextCursor;
      replaceChildren(results, list.childElementCount === 0 ? empty('No entity has a name like that.') : [list, cursor ? more : null]);
    } catch (error) {
      if (!isAbort(error)) replaceChildren(results, errorBox(error, () => void load(append)));
    }
  }
  more.addEventListener('click', () => void load(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load(false);
  });
  replaceChildren(root, h('h1', { tabindex: -1 }, 'Entities'), h('p', { class: 'lede' }, 'Everyone and everything on the lists and in the investigation. Search by any name, in any script.'), form, results);
  void load(false);
}

function renderEntity(root: HTMLElement, context: ConsoleContext, id: string, signal: AbortSignal): void {
  const heading = h('h1', { tabindex: -1 }, 'Entity');
  const body = h('div', { class: 'entity-body' }, loading('Loading the entity…'));
  replaceChildren(root, h('p', { class: 'crumbs' }, h('a', { href: '#/entities' }, 'Entities'), ' / ', h('code', {}, id)), heading, body);
  const load = () => {
    replaceChildren(body, loading('Loading the entity…'));
    context.api.get<Entity>(`/v1/entities/${segment(id)}`, signal).then(
      (entity) => {
        heading.textContent = entity.name;
        document.title = `${entity.name} · Analyst console`;
        replaceChildren(body, entityRecord(context, entity, signal));
      },
      (error: unknown) => {
        if (!isAbort(error)) replaceChildren(body, errorBox(error, load));
      },
    );
  };
  load();
}

/** What the graph's colours and shapes mean. */
function graphLegend(): HTMLElement {
  const swatch = (colour: string) => {
    const dot = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    dot.style.background = colour;
    return dot;
  };
  return h(
    'ul',
    { class: 'graph-legend', 'aria-label': 'Legend' },
    Object.entries(RISK_COLOURS).map(([level, colour]) => h('li', {}, swatch(colour), level === 'none' ? 'no risk' : `${level} risk`)),
    h('li', {}, h('span', { class: 'swatch round', 'aria-hidden': 'true' }), 'person'),
    h('li', {}, h('span', { class: 'swatch square', 'aria-hidden': 'true' }), 'organization'),
  );
}

function placeText(place: Place): string {
  return [place.street, place.city, place.stateProvince, place.country ?? place.countryCode].filter(Boolean).join(', ') + (place.note ? ` (${place.note})` : '');
}

function detailRows(entity: Entity): Child[] {
  const rows: Array<[string, Child]> = [];
  const add = (label: string, values: readonly string[]) => {
    if (values.length > 0) rows.push([label, values.join(' · ')]);
  };
  add('Titles', entity.titles);
  add('Designations', entity.designations);
  add('Countries', entity.countries);
  add('Nationalities', entity.nationalities);
  add(
    'Born',
    entity.birthDates.map((b) => (b.date ?? (b.from || b.to ? `${b.from ?? '?'} – ${b.to ?? '?'}` : '')) + (b.kind === 'approximately' ? ' (approx.)' : '') + (b.note ? ` (${b.note})` : '')),
  );
  add('Birthplace', entity.birthPlaces.map(placeText));
  add('Addresses', entity.addresses.map(placeText));
  return rows.map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', {}, value)));
}

function nameTable(names: readonly EntityName[]): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'compact names' },
      h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Script', 'Origin', 'Note'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        names.map((n) =>
          h(
            'tr',
            {},
            h('td', { class: 'name-cell' }, n.name, n.raw ? h('div', { class: 'muted' }, `as published: ${n.raw}`) : null),
            h('td', {}, words(n.kind), n.quality === 'low' ? h('div', { class: 'muted' }, 'low quality') : null),
            h('td', {}, n.script),
            h('td', {}, tag(ORIGIN_LABELS[n.origin] ?? n.origin, `origin-${n.origin}`)),
            h('td', { class: 'note-cell' }, n.note ?? ''),
          ),
        ),
      ),
    ),
  );
}

function entityRecord(context: ConsoleContext, entity: Entity, signal: AbortSignal): HTMLElement {
  const details = detailRows(entity);
  const graphBox = h('div', { class: 'graph', id: 'entity-graph', role: 'img', 'aria-label': `Relationship graph around ${entity.name}; the list below names the same links.` });
  const graphStatus = h('div', { class: 'graph-status' });
  const canDrawWhole = WHOLE_NETWORK_DATASETS.includes(entity.dataset);
  const aroundButton = h('button', { type: 'button', class: 'secondary small', 'aria-pressed': 'true' }, `${NETWORK_HOPS} hops around`);
  const wholeButton = h('button', { type: 'button', class: 'secondary small', 'aria-pressed': 'false' }, `Whole ${entity.dataset}`);
  const graphNote = h('p', { class: 'muted' });
  const networkHeading = h('h2', { id: 'network-heading' }, `Network around ${entity.name}`);
  const graphSection =
    entity.relationships.length > 0 || canDrawWhole
      ? h(
          'section',
          { class: 'card network', 'aria-labelledby': 'network-heading' },
          networkHeading,
          graphNote,
          h('div', { class: 'graph-frame' }, graphBox, graphStatus),
          h(
            'div',
            { class: 'graph-tools' },
            canDrawWhole ? h('div', { class: 'segmented', role: 'group', 'aria-label': 'Which network' }, aroundButton, wholeButton) : null,
            h('button', { type: 'button', class: 'secondary small', onclick: () => zoom(1.25) }, 'Zoom in'),
            h('button', { type: 'button', class: 'secondary small', onclick: () => zoom(0.8) }, 'Zoom out'),
            h('button', { type: 'button', class: 'secondary small', onclick: () => graph?.fit(undefined, 24) }, 'Fit'),
            graphLegend(),
          ),
          h('h3', {}, 'Relationships'),
          entity.relationships.length === 0
            ? empty('The sources state no relationship of this entity.')
            : h(
                'ul',
                { class: 'relationships' },
                entity.relationships.map((r) => h('li', {}, relationshipLine(r), r.description ? h('div', { class: 'muted' }, r.description) : null, citationList(context, r.citations ?? []))),
              ),
        )
      : null;
  let graph: ReturnType<typeof drawNetwork> | undefined;
  let drawing: AbortController | undefined;
  const zoom = (factor: number) => {
    if (!graph) return;
    graph.zoom({ level: graph.zoom() * factor, renderedPosition: { x: graphBox.clientWidth / 2, y: graphBox.clientHeight / 2 } });
  };
  signal.addEventListener('abort', () => {
    drawing?.abort();
    graph?.destroy();
  });
  /** Draws the network around the entity, or the whole dataset's; the previous drawing is dropped. */
  const draw = (whole: boolean) => {
    drawing?.abort();
    drawing = new AbortController();
    const local = drawing.signal; // also aborted when the view is left (above)
    aroundButton.setAttribute('aria-pressed', String(!whole));
    wholeButton.setAttribute('aria-pressed', String(whole));
    networkHeading.textContent = whole ? `Network of the ${entity.dataset}` : `Network around ${entity.name}`;
    graphNote.textContent = whole
      ? `Every entity of the ${entity.dataset} dataset and the relationships the sources state among them, including those linked to nothing. Select an entity to open it; drag to move the picture.`
      : `Relationships up to ${NETWORK_HOPS} hops away, as the sources state them. Select an entity to open it; drag to move the picture.`;
    graphStatus.hidden = false;
    replaceChildren(graphStatus, loading(whole ? `Reading every entity of ${entity.dataset}…` : `Following relationships up to ${NETWORK_HOPS} hops…`));
    const collect: Promise<Network> = whole ? collectDatasetNetwork(context.api, entity, local) : collectNetwork(context.api, entity, local);
    collect.then(
      (network) => {
        if (local.aborted) return;
        graphStatus.hidden = true;
        graph?.destroy();
        graph = drawNetwork(graphBox, network, { centerId: entity.id, onOpen: (id) => (location.hash = `#/entities/${segment(id)}`) });
        graphBox.setAttribute('aria-label', `Relationship graph ${whole ? `of the ${entity.dataset} dataset` : `around ${entity.name}`}: ${network.nodes.length} entities, ${network.edges.length} links. The list below names this entity's links.`);
        graphBox.dataset.nodes = String(network.nodes.length);
        graphBox.dataset.mode = whole ? 'whole' : 'around';
      },
      (error: unknown) => {
        if (!isAbort(error)) replaceChildren(graphStatus, errorBox(error, () => draw(whole)));
      },
    );
  };
  aroundButton.addEventListener('click', () => draw(false));
  wholeButton.addEventListener('click', () => draw(true));

  const record = h(
    'div',
    { class: 'entity-record' },
    h(
      'div',
      { class: 'entity-summary card' },
      h('div', { class: 'match-facts' }, riskBadge(entity.riskLevel), tag(entity.type), tag(`dataset: ${entity.dataset}`)),
      entity.role ? h('p', {}, entity.role) : null,
      entity.narrative ? h('p', { class: 'muted' }, entity.narrative) : null,
      details.length > 0 ? h('dl', { class: 'details' }, details) : null,
    ),
    graphSection,
    entity.flags.length > 0 ? h('section', { class: 'card', 'aria-labelledby': 'flags-heading' }, h('h2', { id: 'flags-heading' }, 'Flags and evidence'), flagList(context, entity.flags, 'h3')) : null,
    h('section', { class: 'card', 'aria-labelledby': 'names-heading' }, h('h2', { id: 'names-heading' }, 'Names'), nameTable(entity.names)),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'identifiers-heading' },
      h('h2', { id: 'identifiers-heading' }, 'Identifiers'),
      entity.identifiers.length === 0
        ? empty('No identifiers recorded.')
        : h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'compact' },
              h('thead', {}, h('tr', {}, ['Type', 'Value', 'Country', 'Issued', 'Note'].map((t) => h('th', { scope: 'col' }, t)))),
              h('tbody', {}, entity.identifiers.map((i) => h('tr', {}, h('td', {}, words(i.type)), h('td', {}, h('code', {}, i.value)), h('td', {}, i.country ?? '—'), h('td', {}, i.issuedOn ?? '—'), h('td', {}, i.note ?? '')))),
            ),
          ),
    ),
    h('section', { class: 'card', 'aria-labelledby': 'listings-heading' }, h('h2', { id: 'listings-heading' }, 'Listings'), entity.listings.length === 0 ? empty('Not on a sanctions list.') : listingTable(entity.listings)),
    entity.sources.length > 0
      ? h(
          'section',
          { class: 'card', 'aria-labelledby': 'sources-heading' },
          h('h2', { id: 'sources-heading' }, 'Sources'),
          h('ul', { class: 'plain' }, entity.sources.map((s) => h('li', {}, h('a', { href: `#/sources/${segment(s.id)}` }, s.title), ' ', tag(s.kind)))),
        )
      : null,
  );

  if (graphSection) draw(entity.relationships.length === 0);
  return record;
}
