import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/config';
import { computeChangeSet } from '../../../src/datasets/change-set';
import { readResolutionTexts, readUnConsolidatedList } from '../../../src/lists/un/load-un-list';
import { startTestApp, type TestApp } from '../../helpers/test-app';

const LIST_2024 = path.join(PROJECT_ROOT, 'data/un/consolidated-2024-09-26.xml');
const LIST_2026 = path.join(PROJECT_ROOT, 'data/un/consolidated-2026-02-27.xml');

export interface ConsoleService {
  /** http://127.0.0.1:<port>, the origin the browser may talk to. */
  baseUrl: string;
  /** An admin key, created through the real key service. */
  adminKey: string;
  app: TestApp;
  /** Calls the API as the admin (for setting up and for checking what the page shows). */
  call(pathname: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real service in this process, on the embedded database (a fresh in-memory PGlite), listening on a free
 * loopback port, starting from the 2024 UN list so that importing the 2026 list can raise alerts.
 */
export async function startConsoleService(): Promise<ConsoleService> {
  const app = await startTestApp({ UN_LIST_FILE: LIST_2024, DATASET_POLL_INTERVAL_MS: '0', JOB_POLL_INTERVAL_SECONDS: '0.5' });
  // The first key closes open mode; it is made before any request reaches the service.
  const { key: adminKey } = await app.context.keys.create({ name: 'console-e2e-admin', scopes: ['admin'] });
  const server = http.createServer(app.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = (pathname: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${adminKey}`);
    return fetch(`${baseUrl}${pathname}`, { ...init, headers });
  };
  return {
    baseUrl,
    adminKey,
    app,
    call,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    },
  };
}

/**
 * Monitors a few counterparties named like entries that the 2024 → 2026 update adds, amends and removes, then
 * imports the 2026 list through the API: the service raises one alert of each kind. Resolves when they are there.
 */
export async function raiseAlerts(service: ConsoleService): Promise<void> {
  const resolutions = await readResolutionTexts(path.join(PROJECT_ROOT, 'data'));
  const before = readUnConsolidatedList(readFileSync(LIST_2024), resolutions).entities;
  const after = readUnConsolidatedList(readFileSync(LIST_2026), resolutions).entities;
  const changes = computeChangeSet(before, after);
  const nameOf = new Map([...before, ...after].map((e) => [e.id, e.primaryName]));
  const added = changes.added.filter((e) => after.find((a) => a.id === e.entityId)?.type === 'person').slice(0, 2);
  const amended = changes.amended.filter((e) => e.changes.some((c) => c.field === 'names' || c.field === 'birthDates')).slice(0, 1);
  const removed = changes.removed.slice(0, 1);
  const items = [
    ...added.map((e, i) => ({ reference: `E2E-NEW-${i}`, name: nameOf.get(e.entityId) ?? '', type: 'person' })),
    ...amended.map((e, i) => ({ reference: `E2E-AMENDED-${i}`, name: nameOf.get(e.entityId) ?? '', type: 'any' })),
    ...removed.map((e, i) => ({ reference: `E2E-GONE-${i}`, name: nameOf.get(e.entityId) ?? '', type: 'any' })),
  ];
  const enrolled = await service.call('/v1/monitors', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ items }) });
  if (!enrolled.ok) throw new Error(`POST /v1/monitors answered ${enrolled.status}: ${await enrolled.text()}`);
  const imported = await service.call('/v1/datasets/un/versions', { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: readFileSync(LIST_2026) });
  if (imported.status !== 201) throw new Error(`importing the 2026 list answered ${imported.status}: ${await imported.text()}`);
  const deadline = Date.now() + 150_000;
  for (;;) {
    const page = (await (await service.call('/v1/alerts?limit=100&status=open')).json()) as { items: { kind: string }[] };
    const kinds = new Set(page.items.map((a) => a.kind));
    if (kinds.has('new-match') && kinds.has('match-amended') && kinds.has('match-removed')) return;
    if (Date.now() > deadline) throw new Error(`alerts raised so far: ${[...kinds].join(', ') || 'none'}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
