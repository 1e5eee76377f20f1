import { ApiProblem } from '../api/client';
import { h } from '../dom';

/** A polite "working" line; the spinner is decoration. */
export function loading(text: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/** An error as the analyst should read it: the problem's detail first, then the title and request id. */
export function errorBox(error: unknown, retry?: () => void): HTMLElement {
  const problem = error instanceof ApiProblem ? error : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('p', { class: 'error-title' }, problem ? `${problem.title}${problem.status ? ` (${problem.status})` : ''}` : 'Something went wrong'),
    h('p', { class: 'error-detail' }, detail),
    problem && problem.fieldErrors.length > 0
      ? h('ul', {}, problem.fieldErrors.map((e) => h('li', {}, h('code', {}, e.path), ': ', e.message)))
      : null,
    problem?.requestId ? h('p', { class: 'error-request' }, 'Request id: ', h('code', {}, problem.requestId)) : null,
    retry ? h('button', { type: 'button', class: 'secondary', onclick: () => retry() }, 'Try again') : null,
  );
}

/** A quiet line saying there is nothing to show. */
export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

/** True when the error is the view being left (its requests aborted), which needs no message. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
