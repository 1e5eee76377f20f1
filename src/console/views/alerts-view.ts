import { segment, withQuery } from '../api/client';
import type { Alert, AlertStatus, Match, Page } from '../api/types';
import type { ConsoleContext } from '../context';
import { field, h, replaceChildren, select, short, time, uniqueId, words, type Child } from '../dom';
import { riskBadge, severityBadge, tag } from './badges';
import { dispositionForm } from './disposition-form';
import { citationList } from './evidence';
import { featureTable } from './match-card';
import { empty, errorBox, isAbort, loading } from './status';

const KIND_LABELS: Record<string, string> = {
  'new-match': 'New match',
  'match-amended': 'Listing amended',
  'match-removed': 'Removed from the list',
};

/** A value of a field diff in words: text as is, a record as its values ("exact, 1962-04-05"), a list item by item. */
function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(valueText).join('; ');
  const parts = Object.values(value as Record<string, unknown>).filter((v) => v !== undefined && v !== null && v !== '');
  return parts.length === 0 ? '—' : parts.map(valueText).join(', ');
}

function versionsLine(before: Record<string, string> | undefined, after: Record<string, string> | undefined): Child {
  if (!before || !after) return null;
  const changed = Object.keys(after).filter((id) => before[id] !== after[id]);
  if (changed.length === 0) return null;
  return h('p', { class: 'muted small' }, 'List update: ', changed.map((id, i) => [i > 0 ? '; ' : '', `${id} `, short(before[id], 8), ' → ', short(after[id], 8)]));
}

/** What changed, in words and, for an amended listing, field by field. */
function changeView(alert: Alert): Child {
  if (alert.kind === 'match-removed') return h('p', {}, alert.match?.reason ?? 'The entry was removed from the list.');
  if (alert.kind === 'new-match') return h('p', {}, 'A new or changed list entry now matches this counterparty.');
  const changes = alert.changes ?? [];
  if (changes.length === 0) return h('p', {}, 'The listing changed.');
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'compact changes' },
      h('thead', {}, h('tr', {}, ['Field', 'Before (removed)', 'After (added)'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        changes.map((c) => {
          const [before, after] = c.kind === 'set' || c.added || c.removed ? [c.removed, c.added] : [c.before, c.after];
          return h('tr', {}, h('th', { scope: 'row' }, words(c.field)), h('td', {}, h('del', {}, valueText(before))), h('td', {}, h('ins', {}, valueText(after))));
        }),
      ),
    ),
  );
}

/** The match as the alert carries it: score, risk, explanation, flags' citations. */
function matchSummary(context: ConsoleContext, match: Partial<Match> | null | undefined): Child {
  if (!match || match.score === undefined) return null;
  return h(
    'div',
    { class: 'alert-match' },
    h('p', { class: 'match-facts' }, h('span', { class: 'score' }, 'Score ', h('strong', {}, match.score.toFixed(2))), match.riskLevel ? riskBadge(match.riskLevel) : null, match.matchedName ? h('span', {}, 'matched ', h('q', {}, match.matchedName)) : null),
    match.explanation
      ? h(
          'details',
          {},
          h('summary', {}, 'Why it matched: ', match.explanation.summary),
          h('dl', { class: 'forms' }, h('div', {}, h('dt', {}, 'Query form'), h('dd', {}, h('code', {}, match.explanation.queryForm ?? '—'))), h('div', {}, h('dt', {}, 'List form'), h('dd', {}, h('code', {}, match.explanation.listForm ?? '—')))),
          featureTable(match.explanation.features),
        )
      : null,
    (match.flags ?? []).map((flag) => h('div', { class: 'flag' }, h('p', { class: 'flag-title' }, severityBadge(flag.severity), ' ', flag.title), citationList(context, flag.citations))),
  );
}

/**
 * Alerts: the queue raised by new list versions for monitored counterparties. Each alert shows the match and what
 * changed; the analyst records a disposition (its audit record is shown) and acknowledges or closes the alert.
 */
export function renderAlertsView(root: HTMLElement, context: ConsoleContext, signal: AbortSignal): void {
  const status = select('status', [['open', 'Open'], ['acknowledged', 'Acknowledged'], ['closed', 'Closed'], ['', 'All']], 'open');
  const kind = select('kind', [['', 'Any kind'], ['new-match', 'New match'], ['match-amended', 'Listing amended'], ['match-removed', 'Removed from the list']]);
  const reference = h('input', { type: 'text', name: 'reference', autocomplete: 'off', maxlength: 256 });
  const list = h('div', { class: 'alert-list' });
  const footer = h('div', { class: 'list-footer' });
  const form = h(
    'form',
    { class: 'card filter-form', 'aria-label': 'Filter alerts' },
    h('div', { class: 'form-grid' }, field('Status', status), field('Kind', kind), field('Reference', reference), h('div', { class: 'grid-button' }, h('button', { type: 'submit' }, 'Show alerts'))),
  );
  let cursor: string | null = null;

  async function load(append: boolean): Promise<void> {
    if (!append) {
      cursor = null;
      replaceChildren(list, loading('Loading alerts…'));
    }
    replaceChildren(footer);
    try {
      const page = await context.api.get<Page<Alert>>(withQuery('/v1/alerts', { status: status.value, kind: kind.value, reference: reference.value.trim(), limit: 20, cursor }), signal);
      if (!append) list.replaceChildren();
      list.append(...page.items.map((alert) => alertCard(context, alert)));
      cursor = page.nextCursor;
      if (list.childElementCount === 0) replaceChildren(list, empty('No alerts match these filters.'));
      if (cursor) footer.append(h('button', { type: 'button', class: 'secondary', onclick: () => void load(true) }, 'Show more'));
    } catch (error) {
      if (!isAbort(error)) replaceChildren(list, errorBox(error, () => void load(append)));
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load(false);
  });
  replaceChildren(
    root,
    h('h1', { tabindex: -1 }, 'Alerts and dispositions'),
    h('p', { class: 'lede' }, 'Monitored counterparties that a new list version affects. Decide each match; the decision is appended to the audit trail.'),
    form,
    list,
    footer,
  );
  void load(false);
}

function alertCard(context: ConsoleContext, alert: Alert): HTMLElement {
  const headingId = uniqueId('alert');
  const statusTag = tag(alert.status, `status-${alert.status}`);
  const statusOutcome = h('div', { 'aria-live': 'polite' });
  const setStatus = (next: AlertStatus) => {
    replaceChildren(statusOutcome, loading('Saving…'));
    context.api.send<Alert>(`/v1/alerts/${segment(alert.id)}`, { status: next }, { method: 'PATCH' }).then(
      (updated) => {
        statusTag.textContent = updated.status;
        statusTag.className = `tag status-${updated.status}`;
        replaceChildren(statusOutcome, h('p', { class: 'success' }, `Alert ${updated.status}.`));
      },
      (error: unknown) => replaceChildren(statusOutcome, errorBox(error)),
    );
  };
  return h(
    'article',
    { class: 'card alert', 'aria-labelledby': headingId, 'data-alert-id': alert.id },
    h(
      'header',
      { class: 'match-head' },
      h('h2', { id: headingId, class: 'match-name' }, KIND_LABELS[alert.kind] ?? alert.kind, ': ', h('a', { href: `#/entities/${segment(alert.entityId)}` }, alert.entityName)),
      h('div', { class: 'match-facts' }, statusTag, h('span', {}, 'reference ', h('code', {}, alert.reference)), time(alert.createdAt)),
    ),
    versionsLine(alert.datasetVersionsBefore, alert.datasetVersionsAfter),
    h('section', {}, h('h3', {}, 'What changed'), changeView(alert)),
    h('section', {}, h('h3', {}, 'The match'), matchSummary(context, alert.match) ?? empty('No match details.')),
    alert.note ? h('p', { class: 'muted' }, 'Note: ', alert.note) : null,
    h(
      'p',
      { class: 'muted small' },
      'Screening ',
      context.allows('audit') ? h('a', { href: `#/audit/${segment(alert.screeningId)}` }, alert.screeningId) : h('code', {}, alert.screeningId),
    ),
    alert.kind === 'match-removed' ? null : dispositionForm(context, { screeningId: alert.screeningId, entityId: alert.entityId, entityName: alert.entityName }),
    h(
      'div',
      { class: 'alert-actions' },
      alert.status !== 'acknowledged' ? h('button', { type: 'button', class: 'secondary', onclick: () => setStatus('acknowledged') }, 'Acknowledge') : null,
      alert.status !== 'closed' ? h('button', { type: 'button', class: 'secondary', onclick: () => setStatus('closed') }, 'Close alert') : null,
      statusOutcome,
    ),
  );
}
