import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, seriousAccessibilityViolations } from './helpers/browser';
import { raiseAlerts, startConsoleService, type ConsoleService } from './helpers/console-service';

/**
 * The analyst console in a real browser (Debian's chromium through playwright-core) against the real service on the
 * embedded database: every view clicked through with an admin key, the screen view by keyboard alone, axe-core on
 * every view, and screenshots of each view into .ci/screenshots/.
 */

const KEY_STORAGE = 'sanctions-console.apiKey';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let service: ConsoleService;
let browser: Browser;
// Every URL any page asked for, every answer that was not a success, and every error a page reported: checked at the end.
const requested: string[] = [];
const refused: string[] = [];
const pageErrors: string[] = [];
// The screening made in the screen view, looked up again in the audit view.
let screeningId = '';

beforeAll(async () => {
  browser = await launchChromium();
  service = await startConsoleService();
  await raiseAlerts(service);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

/** A new tab at 1280×800 (or `viewport`), signed in with `key` (the admin key unless null), at `#/<route>`. */
async function openConsole(route: string, options: { key?: string | null; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  // A context of its own per tab (axe-core/playwright needs one): its own session storage, like a new browser tab.
  const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, acceptDownloads: true });
  const page = await context.newPage();
  page.on('request', (request) => requested.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A refused request is also logged as "Failed to load resource"; those are checked through `refused`.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(`console error: ${message.text()}`);
  });
  const key = options.key === undefined ? service.adminKey : options.key;
  if (key !== null) await page.addInitScript(([name, value]) => sessionStorage.setItem(name, value), [KEY_STORAGE, key] as const);
  await page.goto(`${service.baseUrl}/console/#/${route}`);
  await page.locator('main h1').first().waitFor();
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** Presses Tab until the focused element matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${limit} presses of Tab never reached ${selector}`);
}

/** The focused element draws a visible focus indicator (an outline of some width). */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return false;
    const style = getComputedStyle(element);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  });
}

const navLabels = (page: Page) => page.locator('#nav a').allTextContents();

describe('analyst console', () => {
  it('asks for an API key, then shows an admin every view and a narrower key only what its scopes allow', async () => {
    const page = await openConsole('screen', { key: null });
    await expect(page.locator('main h1').textContent()).resolves.toBe('Sign in with an API key');
    expect(await navLabels(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await expectAccessible(page);

    await page.getByLabel('API key', { exact: true }).fill('ssk_notakey0000_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.error-detail').textContent()).resolves.toBe('the API key is unknown or revoked');

    await page.getByLabel('API key', { exact: true }).fill(service.adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#nav a').first().waitFor();
    expect(await navLabels(page)).toEqual(['Screen', 'Entities', 'Sources', 'Alerts', 'Jobs', 'Audit']);
    await page.context().close();

    const created = await service.call('/v1/keys', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'console-e2e-reader', scopes: ['read'] }) });
    const reader = ((await created.json()) as { key: string }).key;
    const narrow = await openConsole('sources', { key: reader });
    await narrow.locator('#nav a').first().waitFor();
    expect(await navLabels(narrow)).toEqual(['Entities', 'Sources']);
    await narrow.goto(`${service.baseUrl}/console/#/audit`);
    await expect(narrow.locator('.error-detail').textContent()).resolves.toBe('this key lacks the "audit" scope that the Audit view needs');
    await narrow.context().close();
  });

  it('screens Ткачук Сергей: the decision first, the hit explained, its cited paragraph one click away, nothing shifting', async () => {
    const page = await openConsole('screen');
    await page.evaluate(() => {
      const w = window as unknown as { layoutShift: number };
      w.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.layoutShift += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift' });
    });
    await page.getByLabel('Name', { exact: true }).fill('Ткачук Сергей');
    await page.getByLabel('Reference (optional)', { exact: true }).fill('E2E-TKACHUK');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();

    const first = page.locator('.matches > .match').first();
    await first.waitFor();
    await expect(page.locator('.decision-label').textContent()).resolves.toBe('Decision: Hit');
    await expect(first.locator('.match-name').textContent()).resolves.toBe('Sergei Tkachuk');
    await expect(first.locator('.badge').first().textContent()).resolves.toBe('High risk');
    const forms = await first.locator('dl.forms dd code').allTextContents();
    expect(forms[0]).toMatch(/tkachuk/);
    expect(forms[1]).toMatch(/tkachuk/);
    expect(await first.locator('table.features tbody tr').count()).toBeGreaterThan(3);
    expect(await first.locator('.citation-link').count()).toBeGreaterThan(0);
    screeningId = (await page.locator('.screening-meta a').first().textContent()) ?? '';
    expect(screeningId).toMatch(/^[0-9a-f-]{36}$/);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBeLessThan(0.01);
    await screenshot(page, 'screen');
    await expectAccessible(page);

    const citation = first.getByRole('button', { name: "section 'Demand for North Korean labor', para. 3" });
    await citation.click();
    const dialog = page.locator('dialog.paragraph-dialog[open]');
    await dialog.locator('.paragraph-text mark').waitFor();
    await expect(dialog.locator('.paragraph-text mark').textContent()).resolves.toBe('The MMC is headed by Sergei Tkachuk');
    expect(await dialog.locator('.cited-by a').allTextContents()).toContain('Intergovernmental Migration Center');
    await screenshot(page, 'screen-citation');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog.paragraph-dialog[open]').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('works by keyboard alone: Tab to the name, type, Enter, Tab to the first match, open a citation with Enter', async () => {
    const page = await openConsole('screen');
    await tabTo(page, 'input[name="name"]');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.type('Ткачук Сергей');
    await page.keyboard.press('Enter');
    await page.locator('.matches > .match').first().waitFor();

    await tabTo(page, '.matches > .match:first-child a');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sergei Tkachuk');
    expect(await focusIsVisible(page)).toBe(true);
    await tabTo(page, '.matches > .match:first-child .citation-link');
    expect(await focusIsVisible(page)).toBe(true);
    const opener = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.paragraph-dialog[open]');
    await dialog.locator('.paragraph-text mark').waitFor();
    await expect(dialog.locator('h2').textContent()).resolves.toBe(opener);
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog.paragraph-dialog[open]').count()).resolves.toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(opener);
    await page.context().close();
  });

  it('reads on a 390-px-wide phone without sideways scrolling', async () => {
    const page = await openConsole('screen', { viewport: PHONE });
    await page.getByLabel('Name', { exact: true }).fill('Ткачук Сергей');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    await page.locator('.matches > .match').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The form fills a phone's screen: the console scrolls the decision into view when it arrives.
    await page.waitForFunction(() => Math.abs(document.querySelector('.decision')?.getBoundingClientRect().top ?? Infinity) < 2);
    await page.waitForTimeout(200); // the smooth scroll's last frame
    await screenshot(page, 'screen-phone');
    await expectAccessible(page);
    await page.context().close();
  });

  it('opens the migration center with its names, evidence and network; selecting a node opens that entity', async () => {
    const page = await openConsole('entities/ins-mmc');
    await page.locator('main h1', { hasText: 'Intergovernmental Migration Center' }).waitFor();
    const origins = await page.locator('table.names .tag').allTextContents();
    expect(origins).toEqual(expect.arrayContaining(['printed by the source', 'added transliteration', 'unverified']));
    expect(await page.locator('.flags .citation-link').count()).toBeGreaterThan(0);

    await page.waitForFunction(() => Number(document.querySelector('#entity-graph')?.getAttribute('data-nodes')) > 0);
    const nodes = Number(await page.locator('#entity-graph').getAttribute('data-nodes'));
    expect(nodes).toBeGreaterThanOrEqual(5); // the MMC, its head, the congress, its head, a requester and his fund
    await page.evaluate(() => document.querySelector('.network')?.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'entity');
    await expectAccessible(page);

    // The whole investigation: the embassy and the college, which no relationship links to the MMC, are drawn too.
    await page.getByRole('button', { name: 'Whole investigation' }).click();
    await page.locator('#entity-graph[data-mode="whole"]').waitFor();
    expect(Number(await page.locator('#entity-graph').getAttribute('data-nodes'))).toBeGreaterThan(nodes);
    const drawn = await page.evaluate(() => {
      const cy = (window as unknown as { __consoleGraph: { getElementById(id: string): { length: number } } }).__consoleGraph;
      return ['ins-dprk-embassy', 'ins-sodeystvie-college', 'ins-zavolzhsky-meat-plant'].filter((id) => cy.getElementById(id).length === 1);
    });
    expect(drawn).toEqual(['ins-dprk-embassy', 'ins-sodeystvie-college', 'ins-zavolzhsky-meat-plant']);
    await page.evaluate(() => document.querySelector('.network')?.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'entity-investigation');

    const graph = page.locator('#entity-graph');
    const box = await graph.boundingBox();
    const at = await page.evaluate(() => {
      const cy = (window as unknown as { __consoleGraph: { getElementById(id: string): { renderedPosition(): { x: number; y: number } } } }).__consoleGraph;
      return cy.getElementById('ins-sergei-tkachuk').renderedPosition();
    });
    if (!box) throw new Error('the graph has no box');
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForFunction(() => location.hash === '#/entities/ins-sergei-tkachuk');
    await page.locator('main h1', { hasText: 'Sergei Tkachuk' }).waitFor();
    await page.context().close();
  });

  it('reads the sources by paragraph, the cited ones marked and linked to the entities that cite them', async () => {
    const page = await openConsole('sources/insider-dprk-students/demand-for-north-korean-labor-3');
    const selected = page.locator('.paragraph.selected');
    await selected.waitFor();
    expect(await selected.locator('.cited-marker').count()).toBe(1);
    expect(await selected.locator('.cited-by-line a').allTextContents()).toEqual(expect.arrayContaining(['Intergovernmental Migration Center', 'Sergei Tkachuk']));
    expect(await page.locator('.paragraph.cited').count()).toBeGreaterThan(5);
    expect(await page.locator('.paragraph:not(.cited)').count()).toBeGreaterThan(0);
    await screenshot(page, 'sources');
    await expectAccessible(page);

    await page.locator('.source-list a', { hasText: 'S/RES/2397 (2017)' }).click();
    await page.locator('#source-title', { hasText: 'S/RES/2397 (2017)' }).waitFor();
    expect(await page.locator('.paragraph.cited').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('uploads a CSV job, shows its progress to the end and downloads only the hits', async () => {
    const page = await openConsole('jobs');
    const csv = ['id,name,type,country,birthDate,reference', '1,Ткачук Сергей,person,,,JOB-1', '2,Pak Yong Sik,person,,,JOB-2', '3,Hans Mueller,person,,,JOB-3', '4,Acme Trading LLC,organization,,,JOB-4', ''].join('\n');
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'counterparties.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Upload and screen' }).click();
    const job = page.locator('article.job').first();
    await job.locator('.job-status.status-succeeded').waitFor({ timeout: 120_000 });
    await expect(job.locator('progress').getAttribute('value')).resolves.toBe('4');
    const counts = (await job.locator('.job-counts').textContent()) ?? '';
    expect(counts).toMatch(/^4 of 4 rows/);
    expect(counts).not.toMatch(/ 0 hits/);
    await screenshot(page, 'jobs');
    await expectAccessible(page);

    for (const decision of ['review', 'invalid']) await job.getByLabel(decision).uncheck();
    await job.getByLabel('hit', { exact: true }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), job.getByRole('button', { name: 'Download CSV' }).click()]);
    const file = await download.path();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    const header = (lines[0] ?? '').split(',');
    const decisionColumn = header.indexOf('decision');
    expect(decisionColumn).toBeGreaterThanOrEqual(0);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line.split(',')[decisionColumn]).toBe('hit');
    expect(download.suggestedFilename()).toMatch(/^job-.+-hit\.csv$/);
    await page.context().close();
  });

  it('lists the alerts a new list version raised, shows what changed, and records a disposition with its audit record', async () => {
    const page = await openConsole('alerts');
    await page.locator('article.alert').first().waitFor();
    await screenshot(page, 'alerts');
    await expectAccessible(page);

    await page.getByLabel('Kind', { exact: true }).selectOption('match-amended');
    await page.getByRole('button', { name: 'Show alerts' }).click();
    const amended = page.locator('article.alert').first();
    await amended.locator('table.changes').waitFor();
    expect(await amended.locator('table.changes tbody tr').count()).toBeGreaterThan(0);

    await page.getByLabel('Kind', { exact: true }).selectOption('new-match');
    await page.getByRole('button', { name: 'Show alerts' }).click();
    const alert = page.locator('article.alert').first();
    await alert.locator('form.disposition').waitFor();
    await alert.getByLabel('Decision', { exact: true }).selectOption('escalated');
    await alert.getByLabel('Note', { exact: true }).fill('Same name and birth year as the new listing; passport check requested.');
    await alert.getByRole('button', { name: 'Record decision' }).click();
    const recorded = alert.locator('.disposition-outcome .success');
    await recorded.waitFor();
    expect(await recorded.textContent()).toMatch(/^Recorded: escalated\. Audit record /);
    const auditId = (await recorded.locator('a.audit-id').textContent()) ?? '';
    expect(auditId.length).toBeGreaterThan(0);
    await recorded.locator('a.audit-id').click();
    await page.locator('article.record h2', { hasText: auditId }).waitFor();
    await expect(page.locator('article.record').textContent()).resolves.toContain('Same name and birth year as the new listing');
    await page.context().close();
  });

  it('looks a screening up by id and by reference with its hashes, verifies the chain, and shows problem details', async () => {
    const page = await openConsole(`audit/${screeningId}`);
    const record = page.locator('article.record');
    await record.waitFor();
    const stored = (await (await service.call(`/v1/screenings/${screeningId}`)).json()) as { hash: string; previousHash: string };
    await expect(record.locator('[data-field="hash"]').textContent()).resolves.toBe(stored.hash);
    await expect(record.locator('[data-field="previousHash"]').textContent()).resolves.toBe(stored.previousHash);
    expect(await record.locator('pre.json').nth(1).textContent()).toContain('"entityId": "ins-sergei-tkachuk"');

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.locator('.verdict').waitFor();
    expect(await page.locator('.verdict').textContent()).toMatch(/^Chain intact: [\d,]+ records verified\.$/);
    await screenshot(page, 'audit');
    await expectAccessible(page);

    await page.getByLabel('Look up by', { exact: true }).selectOption('reference');
    await page.getByLabel('Screening id or reference', { exact: true }).fill('E2E-TKACHUK');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.locator('.record-list a', { hasText: screeningId }).waitFor();

    await page.getByLabel('Look up by', { exact: true }).selectOption('id');
    await page.getByLabel('Screening id or reference', { exact: true }).fill('no-such-screening');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.locator('.audit-result .error-detail').textContent()).resolves.toBe('screening "no-such-screening" does not exist');
    await page.context().close();
  });

  it('fetched nothing but the service itself, and no page reported an error', () => {
    const elsewhere = requested.filter((url) => !url.startsWith(`${service.baseUrl}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(requested.length).toBeGreaterThan(20);
    expect(pageErrors).toEqual([]);
    // Only what the tests provoked: no key and a wrong key, and the look-up of a screening that does not exist.
    expect([...new Set(refused)].sort()).toEqual(['401 /v1/whoami', '404 /v1/screenings/no-such-screening']);
  });
});
