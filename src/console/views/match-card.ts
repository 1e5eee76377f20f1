import { segment } from '../api/client';
import type { Match } from '../api/types';
import type { ConsoleContext } from '../context';
import { h, uniqueId, words } from '../dom';
import { riskBadge, tag } from './badges';
import { dispositionForm } from './disposition-form';
import { flagList, listingTable, relationshipLine } from './evidence';

// Feature contributions are signed; the bar's scale runs from -1 to +1 around its centre line.
const FEATURE_SCALE = 1;

/** Each feature's signed contribution as a bar around a centre line, with the number beside it. */
export function featureTable(features: Record<string, number>): HTMLElement {
  const rows = Object.entries(features);
  return h(
    'table',
    { class: 'features' },
    h('caption', { class: 'visually-hidden' }, 'Feature contributions to the score'),
    h('thead', { class: 'visually-hidden' }, h('tr', {}, h('th', { scope: 'col' }, 'Feature'), h('th', { scope: 'col' }, 'Bar'), h('th', { scope: 'col' }, 'Contribution'))),
    h(
      'tbody',
      {},
      rows.map(([name, value]) => {
        const fill = h('span', { class: `bar-fill ${value < 0 ? 'negative' : 'positive'}` });
        const width = Math.min(1, Math.abs(value) / FEATURE_SCALE) * 50;
        fill.style.width = `${width}%`;
        fill.style.left = value < 0 ? `${50 - width}%` : '50%';
        return h(
          'tr',
          { class: value === 0 ? 'zero' : '' },
          h('th', { scope: 'row' }, words(name)),
          h('td', { class: 'bar-cell' }, h('span', { class: 'bar', 'aria-hidden': 'true' }, fill)),
          h('td', { class: 'number' }, `${value > 0 ? '+' : ''}${value.toFixed(2)}`),
        );
      }),
    ),
  );
}

/** The score as a number and a small meter. */
function scoreView(score: number): HTMLElement {
  return h('span', { class: 'score' }, h('span', { class: 'score-label' }, 'Score '), h('strong', {}, score.toFixed(2)), h('meter', { min: 0, max: 1, value: score, 'aria-hidden': 'true' }));
}

/**
 * One match, explained: score, risk and flags; why the name matched (query form against list form, feature by
 * feature); listings and citations (each opens its paragraph); and, for a key with `review`, the disposition form.
 */
export function matchCard(context: ConsoleContext, match: Match, options: { screeningId?: string; headingLevel?: 'h3' | 'h4' } = {}): HTMLElement {
  const headingId = uniqueId('match');
  const level = options.headingLevel ?? 'h3';
  const sub = level === 'h3' ? 'h4' : 'h5';
  const { explanation } = match;
  return h(
    'article',
    { class: `match card${match.suppressedBy ? ' suppressed' : ''}`, 'aria-labelledby': headingId, 'data-entity-id': match.entityId },
    h(
      'header',
      { class: 'match-head' },
      h(level, { id: headingId, class: 'match-name' }, h('a', { href: `#/entities/${segment(match.entityId)}` }, match.name)),
      h(
        'div',
        { class: 'match-facts' },
        scoreView(match.score),
        riskBadge(match.riskLevel),
        tag(match.isMatch ? 'match' : 'not a match', match.isMatch ? 'is-match' : 'no-match'),
        tag(match.type),
      ),
    ),
    match.suppressedBy
      ? h('p', { class: 'notice' }, `Cleared as a false positive earlier (${match.suppressedBy.dispositionId}); not counted in the decision.`, match.suppressedBy.note ? ` Note: ${match.suppressedBy.note}` : '')
      : null,
    match.conflicts && match.conflicts.length > 0 ? h('div', { class: 'notice' }, h('strong', {}, 'Conflicts: '), match.conflicts.join('; ')) : null,
    h(
      'section',
      { class: 'explanation' },
      h(sub, {}, 'Why it matched'),
      h('p', { class: 'summary' }, explanation.summary),
      h(
        'dl',
        { class: 'forms' },
        h('div', {}, h('dt', {}, 'Query form'), h('dd', {}, h('code', {}, explanation.queryForm ?? '—'))),
        h('div', {}, h('dt', {}, 'List form'), h('dd', {}, h('code', {}, explanation.listForm ?? '—'))),
        h('div', {}, h('dt', {}, 'Matched list name'), h('dd', {}, match.matchedName)),
      ),
      featureTable(explanation.features),
    ),
    match.flags.length > 0 ? h('section', { class: 'evidence' }, h(sub, {}, 'Flags and evidence'), flagList(context, match.flags, level === 'h3' ? 'h5' : 'h6')) : null,
    match.listings.length > 0 ? h('section', {}, h(sub, {}, 'Listings'), listingTable(match.listings)) : null,
    match.subject && match.subject.members.length > 1
      ? h(
          'section',
          { class: 'subject' },
          h(sub, {}, 'One subject on several lists'),
          h(
            'ul',
            { class: 'plain' },
            match.subject.links.map((link) => h('li', {}, h('code', {}, link.from), ' ↔ ', h('code', {}, link.to), ` — ${link.rule.replace(/-/g, ' ')}: ${link.evidence}`)),
          ),
        )
      : null,
    match.relationships.length > 0
      ? h('section', {}, h(sub, {}, 'Relationships'), h('ul', { class: 'plain' }, match.relationships.map((r) => h('li', {}, relationshipLine(r)))))
      : null,
    match.aliases.length > 0 ? h('p', { class: 'aliases muted' }, 'Also known as: ', match.aliases.join(' · ')) : null,
    options.screeningId && context.allows('review') ? dispositionForm(context, { screeningId: options.screeningId, entityId: match.entityId, entityName: match.name }) : null,
  );
}
