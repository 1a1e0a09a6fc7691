import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';
import { CITY_MAP_PATH, foreignRequests, jumpTo, openApp, waitForMapIdle } from '../helpers/browser.ts';
import { startBrowserSuite } from '../helpers/browser-suite.ts';
import { findFeatureNearCentre } from './sample-locations.ts';
import { demoAccount, submitCredentials } from './staff-pages.ts';

/**
 * The client shell, as people reach it: each app from its own URL (sign-in first for the staff apps),
 * links that bring back a view, overlays that survive a change of language, the public map's bundle free
 * of the staff apps' code, the map usable from the keyboard, each area named once, and a phone screen.
 */

const suite = startBrowserSuite();

/** Opens a URL of the app and waits until the shell shows an app (not the map: /admin has none). */
async function openRoute(path: string): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.server.url}${path}${path.includes('?') ? '&' : '?'}test=1`);
  await page.locator('.app[data-app]').waitFor();
  return page;
}

async function signOut(page: Page): Promise<void> {
  await page.evaluate(() => fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }));
}

describe('routes', () => {
  it('opens the transit map at / and the city map at /map, from their URLs, with no account', async () => {
    const { page, activity } = await openApp(suite.browser.context, suite.server.url, '', CITY_MAP_PATH);
    expect(await page.locator('.app').getAttribute('data-app')).toBe('explore');
    expect(await page.locator('.app-nav__link[aria-current="page"]').getAttribute('data-app')).toBe('explore');
    await page.close();

    const transit = await openApp(suite.browser.context, suite.server.url);
    expect(await transit.page.locator('.app').getAttribute('data-app')).toBe('transit');
    expect(await transit.page.locator('.app-nav__link').evaluateAll((links) => links.map((link) => link.getAttribute('href')?.split('?')[0]))).toEqual(['/', '/map']);
    // Only the mobility layers are drawn; each line is listed with its own swatch and name.
    expect(await transit.page.evaluate(() => window.__casaSig?.map?.getLayoutProperty('road_segments:line', 'visibility'))).toBe('none');
    expect(await transit.page.evaluate(() => window.__casaSig?.map?.getLayoutProperty('transit_routes:line', 'visibility'))).toBe('visible');
    const lines = transit.page.locator('.transit-card[data-card="network"] .legend--data .legend__row');
    await lines.first().waitFor();
    const count = Number((await suite.pool.query('SELECT count(*) FROM transit_routes')).rows[0].count);
    expect(await lines.count()).toBe(count);
    const colours = await lines.locator('.legend-swatch').evaluateAll((swatches) => swatches.map((swatch) => getComputedStyle(swatch).backgroundColor));
    expect(new Set(colours).size).toBeGreaterThan(count / 2);
    expect(foreignRequests(activity, suite.server.url)).toEqual([]);
    await transit.page.close();
  });

  it('sends the public to sign in before a staff app, then on to it', async () => {
    const page = await openRoute('/plan');
    await page.waitForURL(/\/staff\?.*next=%2Fplan/);
    await expect(page.locator('[data-notice="destination"]').textContent()).resolves.toContain('Voirie');
    const planner = demoAccount('planner');
    await submitCredentials(page, planner.username, planner.password);
    await page.waitForURL(/\/plan(\?|$)/);
    await page.locator('.app[data-app="plan"][data-principal="planner"]').waitFor();
    await waitForMapIdle(page);
    const listed = await page.locator('.layer-toggle').evaluateAll((items) => items.map((item) => item.getAttribute('data-layer-id')));
    expect(listed).toEqual(['admin_areas', 'road_segments']);

    // The same account may not open the inspectors' workspace: the shell says so, and offers the ways on.
    await page.goto(`${suite.server.url}/inspect?test=1`);
    await page.locator('[data-error-type="route-denied"][data-app="inspect"]').waitFor();
    await expect(page.locator('[data-error-type="route-denied"]').textContent()).resolves.toContain('Urbaniste');
    await signOut(page);
    await page.close();
  });

  it('opens the inspectors’ workspace on the inspector’s own districts, and the administration for an admin', async () => {
    const page = await openRoute('/inspect');
    const inspector = demoAccount('inspector');
    await submitCredentials(page, inspector.username, inspector.password);
    await page.locator('.app[data-app="inspect"][data-principal="inspector"]').waitFor();
    await waitForMapIdle(page);
    await expect(page.locator('.assigned-areas [data-area-code]').allTextContents()).resolves.toEqual(['Anfa']);
    await signOut(page);
    await page.close();

    const admin = await openRoute('/admin');
    const account = demoAccount('admin');
    await submitCredentials(admin, account.username, account.password);
    await admin.locator('.app[data-app="admin"] .admin-tabs').waitFor();
    await expect(admin.locator('.admin-tabs__tab[aria-selected="true"]').getAttribute('data-section')).resolves.toBe('accounts');
    await admin.locator('.admin-table tr[data-username="planner"]').waitFor();
    // The tab is in the URL: a reload opens it again.
    await admin.locator('.admin-tabs__tab[data-section="audit"]').click();
    await admin.waitForURL(/section=audit/);
    await admin.reload();
    await admin.locator('[data-section="audit"] .admin-table').waitFor();
    await signOut(admin);
    await admin.close();
  });
});

describe('links', () => {
  it('bring back the map position, the language and the open feature, and a reload keeps them', async () => {
    const road = await findFeatureNearCentre(suite.pool, 'road_segments', true);
    const { page } = await openApp(suite.browser.context, suite.server.url, `&lang=ar&feature=road_segments/${road.id}#map=16.5/${road.latitude.toFixed(5)}/${road.longitude.toFixed(5)}`, CITY_MAP_PATH);
    const details = page.locator(`.feature-details[data-layer-id="road_segments"][data-feature-id="${road.id}"]`);
    await details.waitFor();
    await expect(details.locator('h2').textContent()).resolves.toBe(road.nameAr);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const view = await page.evaluate(() => ({ zoom: window.__casaSig?.map?.getZoom(), center: window.__casaSig?.map?.getCenter() }));
    expect(view.zoom).toBeCloseTo(16.5, 1);
    expect(view.center?.lat).toBeCloseTo(road.latitude, 3);

    // Moving the map and closing the feature rewrite the URL; a reload brings back that view.
    await jumpTo(page, [road.longitude + 0.01, road.latitude], 15);
    await page.waitForFunction(() => window.location.hash.startsWith('#map=15/'));
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('feature=');
    await page.reload();
    await page.waitForFunction(() => window.__casaSig !== undefined);
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.__casaSig?.map?.getZoom())).toBeCloseTo(15, 1);
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.close();
  });
});

describe('overlays', () => {
  it('keep a measured path drawn when the language changes', async () => {
    const { page } = await openApp(suite.browser.context, suite.server.url, '', CITY_MAP_PATH);
    await page.locator('.measure-tool .map-button').click();
    const canvas = await page.locator('.maplibregl-canvas').boundingBox();
    if (!canvas) throw new Error('no map canvas');
    await page.mouse.click(canvas.x + canvas.width * 0.4, canvas.y + canvas.height * 0.5);
    await page.mouse.click(canvas.x + canvas.width * 0.6, canvas.y + canvas.height * 0.5);
    await waitForMapIdle(page);
    const measured = Number(await page.locator('.measure-tool__readout [data-metres]').getAttribute('data-metres'));
    expect(measured).toBeGreaterThan(500);
    const drawnPath = () => page.evaluate(() => window.__casaSig?.map?.queryRenderedFeatures(undefined, { layers: ['measure:line', 'measure:points'] }).length ?? 0);
    expect(await drawnPath()).toBeGreaterThanOrEqual(3);

    await page.locator('.language-switcher').getByRole('button', { name: 'العربية', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.__casaSig?.overlayIds())).toEqual(['measure']);
    expect(await drawnPath()).toBeGreaterThanOrEqual(3);
    await expect(page.locator('.measure-tool__readout strong').textContent()).resolves.toMatch(/كلم|م/);

    // Leaving the mode removes its overlay and gives clicks back to browsing.
    await page.locator('.measure-tool .map-button').click();
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.__casaSig?.overlayIds())).toEqual([]);
    await page.close();
  });
});

describe('the public map’s code', () => {
  it('does not hold the editor’s or the administration’s code, and does not download it', async () => {
    const dist = join(PROJECT_ROOT, 'dist', 'client');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry, 'the built index.html names its entry chunk').toBeDefined();
    const assets = readdirSync(join(dist, 'assets'));
    const adminChunk = assets.find((name) => /^admin-app-.*\.js$/.test(name));
    const planChunk = assets.find((name) => /^plan-app-.*\.js$/.test(name));
    expect(adminChunk && planChunk, 'the staff apps are chunks of their own').toBeTruthy();
    // Strings only the administration and the planners' history use.
    const entryCode = readFileSync(join(dist, 'assets', entry!), 'utf8');
    for (const marker of ['/api/admin/users', '/api/admin/api-keys', 'segment-history__list']) expect(entryCode).not.toContain(marker);

    const { page, activity } = await openApp(suite.browser.context, suite.server.url);
    expect(await page.locator('.app').getAttribute('data-app')).toBe('transit');
    const scripts = activity.requests.filter((url) => url.endsWith('.js')).map((url) => url.slice(url.lastIndexOf('/') + 1));
    expect(scripts).toContain(entry);
    expect(scripts.some((name) => /^(admin|plan|inspect|staff)-app-/.test(name))).toBe(false);
    await page.close();
  });
});

describe('the map from the keyboard', () => {
  it('opens a feature from the list of what the map shows, with Tab and Enter only', async () => {
    const stop = await findFeatureNearCentre(suite.pool, 'transit_stops', true);
    const { page } = await openApp(suite.browser.context, suite.server.url, `#map=17/${stop.latitude}/${stop.longitude}`, CITY_MAP_PATH);
    const item = page.locator(`.features-in-view__item[data-layer-id="transit_stops"][data-feature-id="${stop.id}"]`);
    await item.waitFor();
    await page.locator('body').focus();
    let isFocused = false;
    for (let presses = 0; presses < 120 && !isFocused; presses += 1) {
      await page.keyboard.press('Tab');
      isFocused = await item.evaluate((element) => element === document.activeElement);
    }
    expect(isFocused, 'the stop is reachable with Tab').toBe(true);
    await page.keyboard.press('Enter');
    const details = page.locator(`.feature-details[data-layer-id="transit_stops"][data-feature-id="${stop.id}"]`);
    await details.waitFor();
    await expect(details.locator('h2').textContent()).resolves.toBe(stop.nameFr);
    const state = await page.evaluate((id) => window.__casaSig?.map?.getFeatureState({ source: 'transit_stops', sourceLayer: 'transit_stops', id }), stop.id);
    expect(state).toMatchObject({ selected: true });
    await page.close();
  });
});

describe('area names', () => {
  it('appear once on screen, from the whole city down to a street', async () => {
    const { page } = await openApp(suite.browser.context, suite.server.url, '', CITY_MAP_PATH);
    const shownNames = () =>
      page.evaluate(() => {
        const map = window.__casaSig?.map;
        if (!map) throw new Error('no map');
        const labels = map.getStyle().layers.filter((layer) => layer.id.startsWith('admin_areas:label')).map((layer) => layer.id);
        return map.queryRenderedFeatures(undefined, { layers: labels }).map((feature) => String(feature.properties.name_fr));
      });
    for (const zoom of [11.3, 13, 15, 17]) {
      await jumpTo(page, [-7.62, 33.58], zoom);
      const names = await shownNames();
      // Zoomed in far, the screen may hold no area's label point: the area is then not named at all.
      if (zoom <= 13) expect(names.length, `area names at zoom ${zoom}`).toBeGreaterThan(0);
      expect(names.filter((name, index) => names.indexOf(name) !== index), `names shown twice at zoom ${zoom}`).toEqual([]);
    }
    await page.close();
  });
});

describe('a phone screen (360 × 740)', () => {
  it('fits the header, the map and the panels without sideways scrolling, in French and in Arabic', async () => {
    for (const language of ['fr', 'ar']) {
      const page = await suite.browser.context.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${suite.server.url}${CITY_MAP_PATH}?test=1&lang=${language}`);
      await page.waitForFunction(() => window.__casaSig !== undefined);
      await waitForMapIdle(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), language).toBeLessThanOrEqual(360);
      // The side panel starts closed and opens over the map from its button.
      expect(await page.locator('.side-panel').getAttribute('data-open')).toBe('false');
      await page.locator('.panel-toggle').click();
      expect(await page.locator('.side-panel').isVisible()).toBe(true);
      const panel = await page.locator('.side-panel').boundingBox();
      expect(panel!.x).toBeGreaterThanOrEqual(0);
      expect(panel!.x + panel!.width).toBeLessThanOrEqual(360);
      await page.close();
    }
  });

  it('opens the staff area with its title in view', async () => {
    const page = await suite.browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${suite.server.url}/staff?test=1`);
    await page.locator('.staff-dialog .sign-in-form').waitFor();
    const title = await page.locator('#staff-dialog-title').boundingBox();
    expect(title!.y).toBeGreaterThanOrEqual(0);
    expect(title!.y).toBeLessThan(740);
    expect(await page.locator('.staff-dialog').evaluate((dialog) => dialog.scrollTop)).toBe(0);
    await page.close();
  });

  it('shows a feature’s details over the lower map without an empty block', async () => {
    const road = await findFeatureNearCentre(suite.pool, 'road_segments', true);
    const page = await suite.browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${suite.server.url}${CITY_MAP_PATH}?test=1&feature=road_segments/${road.id}#map=16/${road.latitude}/${road.longitude}`);
    const details = page.locator('.feature-details[data-state="complete"]');
    await details.waitFor();
    const box = await details.boundingBox();
    const content = await details.evaluate((element) => element.scrollHeight);
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    // The panel is as tall as what it shows (up to its maximum), never a blank rectangle below it.
    expect(box!.height).toBeLessThanOrEqual(content + 2);
    await page.close();
  });
});
