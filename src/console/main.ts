import { ApiProblem, createApiClient } from './api/client';
import type { Source, WhoAmI } from './api/types';
import type { ConsoleContext } from './context';
import { field, h, replaceChildren } from './dom';
import { allows, forgetKey, parseRoute, storedKey, storeKey, VIEWS, type ViewId } from './session';
import { renderAlertsView } from './views/alerts-view';
import { renderAuditView } from './views/audit-view';
import { renderEntityView } from './views/entity-view';
import { renderJobsView } from './views/jobs-view';
import { createParagraphDialog } from './views/paragraph-dialog';
import { renderScreenView } from './views/screen-view';
import { renderSourcesView } from './views/sources-view';
import { errorBox, loading } from './views/status';

/**
 * The analyst console: finds out who is calling (GET /v1/whoami with the key held in sessionStorage), offers the
 * views that key's scopes allow, and renders the view the address's fragment names (#/screen, #/entities/{id}, …).
 */
function start(): void {
  const main = document.getElementById('main') as HTMLElement;
  const nav = document.getElementById('nav') as HTMLElement;
  const sessionBox = document.getElementById('session') as HTMLElement;
  const api = createApiClient(storedKey);
  let context: ConsoleContext | undefined;
  let viewController: AbortController | undefined;
  let sourcesPromise: Promise<Source[]> | undefined;

  const openParagraph = createParagraphDialog(() => {
    if (!context) throw new Error('the console is not signed in');
    return context;
  });

  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    main.querySelector<HTMLElement>('h1')?.focus();
  });

  function renderNav(caller: WhoAmI | undefined, current: string): void {
    const items = caller ? VIEWS.filter((v) => allows(caller, v.scope)) : [];
    replaceChildren(nav, h('ul', {}, items.map((v) => h('li', {}, h('a', { href: `#/${v.id}`, 'aria-current': v.id === current ? 'page' : null }, v.label)))));
  }

  function renderSession(caller: WhoAmI | undefined): void {
    if (!caller) {
      replaceChildren(sessionBox);
      return;
    }
    const scopes = caller.open ? 'open mode: no API keys exist' : `key ${caller.keyId ?? ''} · ${caller.scopes.join(', ')}`;
    replaceChildren(
      sessionBox,
      h('span', { class: `session-info${caller.open ? ' open-mode' : ''}` }, scopes),
      storedKey() ? h('button', { type: 'button', class: 'link-button', onclick: () => signOut() }, 'Forget key') : h('button', { type: 'button', class: 'link-button', onclick: () => showSignIn() }, 'Use a key'),
    );
  }

  function signOut(): void {
    forgetKey();
    sessionStorage.removeItem('sanctions-console.jobs');
    context = undefined;
    void boot();
  }

  function showSignIn(problem?: unknown): void {
    renderNav(undefined, '');
    renderSession(undefined);
    const key = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', required: true, spellcheck: 'false' });
    const form = h(
      'form',
      { class: 'card sign-in', 'aria-labelledby': 'sign-in-heading' },
      h('h1', { id: 'sign-in-heading', tabindex: -1 }, 'Sign in with an API key'),
      h('p', {}, 'The console calls this service’s API with your key. It is kept in this browser tab only (session storage) and forgotten when the tab closes.'),
      problem ? errorBox(problem) : null,
      field('API key', key, 'ssk_… from your administrator (npm run keys -- create)'),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, 'Sign in')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!key.value.trim()) return;
      storeKey(key.value.trim());
      void boot();
    });
    replaceChildren(main, form);
    key.focus();
  }

  function route(): void {
    if (!context) return;
    viewController?.abort();
    viewController = new AbortController();
    const { signal } = viewController;
    const { view, params } = parseRoute(location.hash);
    const allowed = VIEWS.filter((v) => allows(context!.caller, v.scope));
    const chosen = VIEWS.find((v) => v.id === view);
    if (!chosen) {
      const first = allowed[0];
      if (first) location.replace(`#/${first.id}`);
      else replaceChildren(main, h('h1', { tabindex: -1 }, 'Nothing to show'), h('p', {}, 'This key has none of the scopes the console’s views need (screen, read, review, audit).'));
      renderNav(context.caller, '');
      return;
    }
    renderNav(context.caller, chosen.id);
    document.title = `${chosen.label} · Analyst console`;
    if (!allows(context.caller, chosen.scope)) {
      replaceChildren(main, h('h1', { tabindex: -1 }, chosen.label), errorBox(new ApiProblem(403, { title: 'Forbidden', detail: `this key lacks the "${chosen.scope}" scope that the ${chosen.label} view needs` }, '')));
    } else {
      renderView(chosen.id, params, signal);
    }
    main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  function renderView(view: ViewId, params: string[], signal: AbortSignal): void {
    const ctx = context as ConsoleContext;
    switch (view) {
      case 'screen':
        return renderScreenView(main, ctx);
      case 'entities':
        return renderEntityView(main, ctx, params[0], signal);
      case 'sources':
        return renderSourcesView(main, ctx, params[0], params[1], signal);
      case 'alerts':
        return renderAlertsView(main, ctx, signal);
      case 'jobs':
        return renderJobsView(main, ctx, signal);
      case 'audit':
        return renderAuditView(main, ctx, params[0], signal);
    }
  }

  async function boot(): Promise<void> {
    replaceChildren(main, loading('Connecting to the service…'));
    try {
      const caller = await api.get<WhoAmI>('/v1/whoami');
      sourcesPromise = undefined;
      context = {
        api,
        caller,
        allows: (scope) => allows(caller, scope),
        openParagraph,
        sources: () => {
          sourcesPromise ??= api.get<{ items: Source[] }>('/v1/sources').then((page) => page.items);
          sourcesPromise.catch(() => {
            sourcesPromise = undefined; // ask again next time
          });
          return sourcesPromise;
        },
      };
      renderSession(caller);
      route();
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        const hadKey = storedKey() !== null;
        forgetKey();
        showSignIn(hadKey ? error : undefined);
      } else {
        replaceChildren(main, h('h1', { tabindex: -1 }, 'The service did not answer'), errorBox(error, () => void boot()));
      }
    }
  }

  window.addEventListener('hashchange', route);
  void boot();
}

start();
