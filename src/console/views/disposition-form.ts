import { segment } from '../api/client';
import type { Disposition, DispositionDecision } from '../api/types';
import type { ConsoleContext } from '../context';
import { field, h, replaceChildren, select, short } from '../dom';
import { errorBox, loading } from './status';

const DECISIONS: ReadonlyArray<readonly [DispositionDecision, string]> = [
  ['false-positive', 'False positive: not this entity'],
  ['true-match', 'True match: this is the listed entity'],
  ['escalated', 'Escalate to a senior analyst'],
];

/**
 * The analyst's decision on one match of one screening, with a note: POST
 * /v1/screenings/{screeningId}/matches/{entityId}/disposition. Shows the audit record it was appended as.
 */
export function dispositionForm(context: ConsoleContext, target: { screeningId: string; entityId: string; entityName: string }): HTMLElement {
  const decision = select('decision', DECISIONS, 'false-positive');
  const note = h('textarea', { name: 'note', rows: 2, maxlength: 2000 });
  const submit = h('button', { type: 'submit' }, 'Record decision');
  const outcome = h('div', { class: 'disposition-outcome', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'disposition' },
    h(
      'fieldset',
      {},
      h('legend', {}, `Decision on ${target.entityName}`),
      h('div', { class: 'disposition-fields' }, field('Decision', decision), field('Note', note, 'Why: the customer file, the document checked.')),
      submit,
    ),
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    replaceChildren(outcome, loading('Recording…'));
    const body = { decision: decision.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) };
    context.api
      .send<Disposition>(`/v1/screenings/${segment(target.screeningId)}/matches/${segment(target.entityId)}/disposition`, body)
      .then(
        (recorded) => {
          replaceChildren(
            outcome,
            h(
              'p',
              { class: 'success' },
              `Recorded: ${recorded.decision.replace('-', ' ')}. Audit record `,
              h('a', { href: `#/audit/${segment(recorded.dispositionId)}`, class: 'audit-id' }, recorded.dispositionId),
              ` (seq ${recorded.audit.seq}, hash `,
              short(recorded.audit.hash),
              ').',
            ),
          );
        },
        (error: unknown) => replaceChildren(outcome, errorBox(error)),
      )
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}
