import type { Scope, WhoAmI } from './api/types';

// The analyst's key lives for this browser tab only (sessionStorage), never in localStorage or a cookie.
const KEY_STORAGE = 'sanctions-console.apiKey';

export const storedKey = (): string | null => sessionStorage.getItem(KEY_STORAGE);
export const storeKey = (key: string): void => sessionStorage.setItem(KEY_STORAGE, key);
export const forgetKey = (): void => sessionStorage.removeItem(KEY_STORAGE);

export type ViewId = 'screen' | 'entities' | 'sources' | 'alerts' | 'jobs' | 'audit';

/** The console's views in menu order, each with the scope its API calls need. */
export const VIEWS: ReadonlyArray<{ id: ViewId; label: string; scope: Scope }> = [
  { id: 'screen', label: 'Screen', scope: 'screen' },
  { id: 'entities', label: 'Entities', scope: 'read' },
  { id: 'sources', label: 'Sources', scope: 'read' },
  { id: 'alerts', label: 'Alerts', scope: 'review' },
  { id: 'jobs', label: 'Jobs', scope: 'screen' },
  { id: 'audit', label: 'Audit', scope: 'audit' },
];

/** True when the caller may use `scope`: it holds it or `admin` (open mode reports every scope). */
export function allows(caller: WhoAmI, scope: Scope): boolean {
  return caller.scopes.includes(scope) || caller.scopes.includes('admin');
}

/** The route in the address's fragment: `#/entities/ins-mmc` → { view: 'entities', params: ['ins-mmc'] }. */
export function parseRoute(hash: string): { view: string; params: string[] } {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { view: parts[0] ?? '', params: parts.slice(1) };
}
