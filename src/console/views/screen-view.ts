import { segment } from '../api/client';
import type { IdentifierType, ScreenRequest, ScreenResponse } from '../api/types';
import type { ConsoleContext } from '../context';
import { field, h, replaceChildren, select, short } from '../dom';
import { decisionText } from './badges';
import { matchCard } from './match-card';
import { empty, errorBox, loading } from './status';

// The lists a screening may be narrowed to (dataset ids, as GET /v1/datasets names them).
const SCREENED_LISTS: ReadonlyArray<readonly [string, string]> = [
  ['un', 'UN'],
  ['ofac-sdn', 'OFAC SDN'],
  ['uk-sanctions', 'UK'],
  ['investigation', 'Investigation'],
];

// The width at which the stylesheet switches to its one-column phone layout.
const PHONE_LAYOUT = '(max-width: 760px)';

/**
 * Screen: name, type, country, birth date (and the client's reference). The decision comes first, in a slot whose
 * height is reserved so nothing moves when the answer arrives; each match follows, explained.
 */
export function renderScreenView(root: HTMLElement, context: ConsoleContext): void {
  const name = h('input', { name: 'name', type: 'text', required: true, maxlength: 512, autocomplete: 'off', spellcheck: 'false' });
  const type = select('type', [['any', 'Any'], ['person', 'Person'], ['organization', 'Organization']], 'any');
  const country = h('input', { name: 'country', type: 'text', maxlength: 2, pattern: '[A-Za-z]{2}', autocomplete: 'off', class: 'short' });
  const birthDate = h('input', { name: 'birthDate', type: 'text', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', autocomplete: 'off', class: 'short' });
  const reference = h('input', { name: 'reference', type: 'text', maxlength: 256, autocomplete: 'off' });
  const identifierType = select('identifierType', [['', 'None'], ['imo', 'IMO number'], ['passport', 'Passport'], ['national-id', 'National id'], ['tax-id', 'Tax id'], ['registration', 'Registration no.']], '');
  const identifierValue = h('input', { name: 'identifierValue', type: 'text', maxlength: 64, autocomplete: 'off' });
  const listBoxes = SCREENED_LISTS.map(([id, label]) => ({ id, box: h('input', { type: 'checkbox', name: 'lists', value: id, checked: true }), label }));
  const submit = h('button', { type: 'submit' }, 'Screen');

  const decision = h('div', { class: 'decision decision-idle', id: 'decision', 'aria-live': 'polite' }, h('p', { class: 'decision-label' }, 'No screening yet'), h('p', { class: 'decision-meaning' }, 'Enter a name and press Screen.'));
  const meta = h('p', { class: 'screening-meta muted' });
  const matches = h('div', { class: 'matches', id: 'matches' });

  const form = h(
    'form',
    { class: 'screen-form card', 'aria-label': 'Screen a name' },
    h(
      'div',
      { class: 'form-grid screen-grid' },
      h('div', { class: 'span-2 name-field' }, field('Name', name, 'Any script: Latin, Cyrillic, Hangul…')),
      field('Type', type),
      field('Country', country, 'ISO code, e.g. RU'),
      field('Birth date', birthDate, 'YYYY, YYYY-MM or YYYY-MM-DD'),
      field('Reference (optional)', reference, 'Your id for this counterparty'),
      field('Identifier', identifierType, 'Decides on its own when exact'),
      field('Identifier value', identifierValue, 'e.g. IMO 9123456; issuing country = Country'),
      h(
        'fieldset',
        { class: 'span-2 lists-field' },
        h('legend', {}, 'Lists'),
        listBoxes.map(({ box, label }) => h('label', { class: 'checkbox' }, box, ` ${label}`)),
      ),
    ),
    h('div', { class: 'form-actions' }, submit),
  );

  let controller: AbortController | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request: ScreenRequest = { name: name.value.trim(), type: type.value as ScreenRequest['type'] };
    if (!request.name) return;
    if (country.value.trim()) request.country = country.value.trim().toUpperCase();
    if (birthDate.value.trim()) request.birthDate = birthDate.value.trim();
    if (reference.value.trim()) request.reference = reference.value.trim();
    if (identifierType.value && identifierValue.value.trim()) {
      request.identifiers = [{ type: identifierType.value as IdentifierType, value: identifierValue.value.trim(), ...(request.country ? { country: request.country } : {}) }];
    }
    const chosen = listBoxes.filter(({ box }) => box.checked).map(({ id }) => id);
    // All lists is the default: only a narrower choice is sent.
    if (chosen.length > 0 && chosen.length < listBoxes.length) request.lists = chosen;
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    submit.disabled = true;
    decision.className = 'decision decision-busy';
    replaceChildren(decision, h('p', { class: 'decision-label' }, 'Screening…'), h('p', { class: 'decision-meaning' }, request.name));
    replaceChildren(meta);
    replaceChildren(matches, loading('Comparing with every list…'));
    context.api
      .send<ScreenResponse>('/v1/screen', request, { signal })
      .then(
        (answer) => showAnswer(answer),
        (error: unknown) => {
          if (signal.aborted) return;
          decision.className = 'decision decision-failed';
          replaceChildren(decision, h('p', { class: 'decision-label' }, 'No answer'), h('p', { class: 'decision-meaning' }, 'The screening did not complete; see below.'));
          replaceChildren(matches, errorBox(error));
        },
      )
      .finally(() => {
        submit.disabled = false;
      });
  });

  function showAnswer(answer: ScreenResponse): void {
    const text = decisionText(answer.decision);
    decision.className = `decision decision-${answer.decision}`;
    replaceChildren(
      decision,
      h('p', { class: 'decision-label' }, h('span', { class: 'visually-hidden' }, 'Decision: '), text.label),
      h('p', { class: 'decision-meaning' }, `${text.meaning} · ${answer.matches.length} ${answer.matches.length === 1 ? 'match' : 'matches'} for “${answer.query.name}”`),
    );
    replaceChildren(
      meta,
      'Screening ',
      context.allows('audit') ? h('a', { href: `#/audit/${segment(answer.screeningId)}` }, answer.screeningId) : h('code', {}, answer.screeningId),
      ' · threshold ',
      String(answer.threshold),
      ' · ',
      answer.algorithm,
      ' · data ',
      short(answer.datasetVersion),
      answer.query.normalized.length > 0 ? [' · compared as ', answer.query.normalized.map((n, i) => [i > 0 ? ', ' : '', h('code', {}, n)])] : null,
      answer.matchedLists && answer.matchedLists.length > 0 ? [' · matched on ', answer.matchedLists.join(', ')] : null,
      answer.identifierProblems && answer.identifierProblems.length > 0 ? h('span', { class: 'identifier-problems' }, ' · ', answer.identifierProblems.join('; ')) : null,
    );
    replaceChildren(
      matches,
      answer.matches.length === 0
        ? empty('No list entry comes close to this name.')
        : answer.matches.map((match) => matchCard(context, match, { screeningId: answer.screeningId })),
    );
    // On a phone the form fills the view: bring the decision up (a scroll, not a shift of the layout).
    if (window.matchMedia(PHONE_LAYOUT).matches && decision.getBoundingClientRect().top > window.innerHeight * 0.4) {
      decision.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  }

  replaceChildren(
    root,
    h('h1', { tabindex: -1 }, 'Screen a name'),
    form,
    h('section', { class: 'results', 'aria-labelledby': 'results-heading' }, h('h2', { id: 'results-heading', class: 'visually-hidden' }, 'Result'), decision, meta, matches),
  );
}
