import { afterAll, describe, expect, it } from 'vitest';
import { unexpectedConsoleErrors } from '../helpers/browser.ts';
import { startBrowserSuite } from '../helpers/browser-suite.ts';
import { establishmentInAnfa, openWorkspace, recordInspection, restoreEstablishment, waitForList } from './inspect-pages.ts';

/**
 * The workspace in the field: an inspection recorded without a network is kept on the device and sent
 * when the network returns, exactly once, even when the answer to the first send is lost on the way; and
 * after a first visit the workspace opens again with no network at all.
 */

const suite = startBrowserSuite();
const started = new Date();
const restored: { id: string; grade: string | null }[] = [];
const NOTES = 'Relevé hors connexion du test de navigateur';

afterAll(async () => {
  for (const establishment of restored) await restoreEstablishment(suite.pool, establishment.id, establishment.grade, started);
});

async function countRecorded(establishmentId: string): Promise<number> {
  const result = await suite.pool.query('SELECT count(*)::integer AS n FROM inspections WHERE establishment_id = $1 AND notes = $2', [establishmentId, NOTES]);
  return result.rows[0].n;
}

describe('the workspace offline', () => {
  it('keeps an inspection recorded offline and sends it exactly once when the network returns', async () => {
    const establishment = await establishmentInAnfa(suite.pool, 'B', 1);
    restored.push({ id: establishment.id, grade: establishment.grade });
    await suite.browser.context.clearCookies();
    const { page, activity } = await openWorkspace(suite.browser.context, suite.server.url, 'inspector', `&tab=establishments&feature=establishments/${establishment.id}`);
    await page.locator('.establishment-history[data-state="loaded"]').waitFor();
    // The service worker takes the workspace under its control on the first visit.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await suite.browser.context.setOffline(true);
    await page.locator('.record-button').click();
    await recordInspection(page, { score: '68', grade: 'B', outcome: 'minor_violations', violationIndex: 1, notes: NOTES });
    await page.locator('.saved-notice[data-kind="queued"]').waitFor();
    await page.locator('.outbox-panel[data-count="1"][data-online="false"]').waitFor();
    await page.locator('.history-entry[data-pending="true"]').waitFor();
    expect(await countRecorded(establishment.id)).toBe(0);

    // Back online, the first send reaches the server but its answer is lost: the record stays queued.
    let sends = 0;
    await page.route('**/ogc/collections/inspections/items', async (route) => {
      sends += 1;
      const key = route.request().headers()['idempotency-key'];
      expect(key).toMatch(/^"[0-9a-f-]{36}"$/);
      if (sends === 1) {
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await suite.browser.context.setOffline(false);
    await expect.poll(() => sends, { timeout: 30_000 }).toBe(1);
    await page.locator('.outbox-panel[data-count="1"][data-online="true"]').waitFor();
    // The queue retries on its own every 20 s; its button sends at once.
    await page.locator('.outbox-panel__toggle').click();
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await page.locator('.outbox-panel').waitFor({ state: 'detached' });
    expect(sends).toBe(2);
    expect(await countRecorded(establishment.id)).toBe(1);
    const keys = await suite.pool.query("SELECT status FROM idempotency_keys WHERE principal = 'user:inspector' AND completed_at >= $1", [started]);
    expect(keys.rows.map((row: { status: number }) => row.status)).toContain(201);
    await page.locator('.history-entry[data-pending="true"]').waitFor({ state: 'detached' });
    await page.unroute('**/ogc/collections/inspections/items');
    // Offline, a request the service worker cannot answer from its cache (a card opened while it went
    // offline) fails as ERR_FAILED rather than ERR_INTERNET_DISCONNECTED: both are the network being away.
    expect(unexpectedConsoleErrors(activity, [{ status: 0, path: /./ }]).filter((error) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET|ERR_FAILED|Failed to fetch/.test(error))).toEqual([]);
    await page.close();
  });

  it('opens again with no network after a first visit: page, code, list and map of the last area', async () => {
    await suite.browser.context.clearCookies();
    const { page } = await openWorkspace(suite.browser.context, suite.server.url, 'inspector');
    const online = await waitForList(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // Everything this visit loaded is in the worker's caches once it has been handed the list.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      registration.active?.postMessage({ type: 'cache-urls', urls: performance.getEntriesByType('resource').map((entry) => entry.name) });
    });
    await page.waitForFunction(async () => (await (await caches.open('casa-sig-inspect-data-v1')).keys()).some((request) => request.url.includes('/ogc/collections/permits/items')));
    await suite.browser.context.setOffline(true);
    await page.reload();
    await page.locator('.app[data-app="inspect"] .inspect-tabs').waitFor();
    const offline = await waitForList(page);
    expect(offline.numberMatched).toBe(online.numberMatched);
    await suite.browser.context.setOffline(false);
    await page.close();
  });
});
