import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerCatalog } from '../../client/api/layer-catalog.ts';
import { createTestPool } from '../helpers/database.ts';
import {
  type BrowserSession,
  CITY_MAP_PATH,
  findClickablePoint,
  foreignRequests,
  jumpTo,
  launchBrowser,
  openApp,
  type PageActivity,
  renderedFeatures,
  unexpectedConsoleErrors,
  waitForMapIdle,
} from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';
import { findFeatureNearCentre } from './sample-locations.ts';

/**
 * The city map (`/map`, every public layer), as a citizen opens it: the built client (run `vite build`
 * first) served by the real app over the Casablanca sample data, in headless Chromium, drawing live tiles
 * (no archive is published for this server).
 */

let pool: pg.Pool;
let server: TestServer;
let browser: BrowserSession;
let catalog: LayerCatalog;

/** Zoom at which every public layer has tiles and features are large enough to click. */
const DETAIL_ZOOM = 16;

function expectCleanPage(activity: PageActivity) {
  expect(foreignRequests(activity, server.url), 'requests outside the app origin').toEqual([]);
  expect(activity.pageErrors, 'uncaught exceptions').toEqual([]);
  expect(unexpectedConsoleErrors(activity), 'console errors').toEqual([]);
  expect(activity.consoleWarnings.filter((warning) => /style diff|Rebuilding the style/i.test(warning))).toEqual([]);
}

beforeAll(async () => {
  pool = createTestPool('sample');
  server = await startTestServer(pool);
  browser = await launchBrowser();
  const response = await fetch(`${server.url}/api/layers`);
  catalog = (await response.json()) as LayerCatalog;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pool?.end();
});

describe('the city map', () => {
  it('loads in French, reaches idle and draws the city, with nothing fetched from another origin', async () => {
    const { page, activity } = await openApp(browser.context, server.url, '', CITY_MAP_PATH);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.evaluate(() => window.__casaSig?.isIdle())).toBe(true);
    // The whole-city view shows the administrative areas and the transit network.
    expect((await renderedFeatures(page, 'admin_areas')).length).toBeGreaterThan(0);
    expect((await renderedFeatures(page, 'transit_routes')).length).toBeGreaterThan(0);
    // The layer panel lists every public layer under its family, with legends from the catalog.
    for (const layer of catalog.layers) {
      await expect(page.locator(`.layer-toggle[data-layer-id="${layer.id}"] .layer-toggle__title`).textContent()).resolves.toBe(layer.title.fr);
    }
    await expect(page.locator('.layer-group__heading').allTextContents()).resolves.toContain('Mobilité');
    const roadLegend = await page.locator('.layer-toggle[data-layer-id="road_segments"] .legend__row').allTextContents();
    expect(roadLegend).toEqual(catalog.layers.find((layer) => layer.id === 'road_segments')?.legend.map((row) => row.label.fr));
    // Tiles, fonts and the worker all came from the app itself.
    expect(activity.requests.some((url) => url.startsWith(`${server.url}/tiles/`))).toBe(true);
    expect(activity.requests.some((url) => /\/assets\/maplibre-gl-worker-.*\.mjs$/.test(url))).toBe(true);
    expectCleanPage(activity);
    await page.close();
  });

  it('draws features of every layer family where the sample data has them', async () => {
    const { page, activity } = await openApp(browser.context, server.url, '', CITY_MAP_PATH);
    const drawnFamilies = new Set<string>();
    for (const layer of catalog.layers) {
      const place = await findFeatureNearCentre(pool, layer.id);
      await jumpTo(page, [place.longitude, place.latitude], Math.max(DETAIL_ZOOM, layer.minzoom));
      const features = await renderedFeatures(page, layer.id);
      expect(features.length, `${layer.id} features drawn around feature ${place.id}`).toBeGreaterThan(0);
      expect(features.some((feature) => feature.id === place.id), `${layer.id} feature ${place.id} is drawn`).toBe(true);
      drawnFamilies.add(layer.family);
    }
    expect([...drawnFamilies].sort()).toEqual(['authorisations', 'hygiene', 'mobility', 'reference', 'street_heritage']);
    expectCleanPage(activity);
    await page.close();
  });

  it('shows a road’s name and attributes in the details panel when the road is clicked', async () => {
    const road = await findFeatureNearCentre(pool, 'road_segments', true);
    const { page, activity } = await openApp(browser.context, server.url, '', CITY_MAP_PATH);
    await jumpTo(page, [road.longitude, road.latitude], 17);
    const point = await findClickablePoint(page, 'road_segments', road.id);
    expect(point, `road ${road.id} is drawn somewhere clickable`).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);

    const details = page.locator('.feature-details[data-layer-id="road_segments"]');
    await details.waitFor();
    await expect(details.locator('h2').textContent()).resolves.toBe(road.nameFr);
    await expect(details.locator('.feature-details__layer').textContent()).resolves.toBe('Patrimoine voirie');
    await expect(details.locator('[data-property="name_ar"] dd').textContent()).resolves.toBe(road.nameAr);
    const condition = await details.locator('[data-property="condition"] dt').textContent();
    expect(condition).toBe('État');
    // The clicked road is highlighted on the map.
    const state = await page.evaluate((id) => window.__casaSig?.map?.getFeatureState({ source: 'road_segments', sourceLayer: 'road_segments', id }), road.id);
    expect(state).toMatchObject({ selected: true });

    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    expectCleanPage(activity);
    await page.close();
  });

  it('hides and shows a layer from its switch in the layer panel', async () => {
    const road = await findFeatureNearCentre(pool, 'road_segments');
    const { page, activity } = await openApp(browser.context, server.url, '', CITY_MAP_PATH);
    await jumpTo(page, [road.longitude, road.latitude], DETAIL_ZOOM);
    expect((await renderedFeatures(page, 'road_segments')).length).toBeGreaterThan(0);
    const toggle = page.locator('.layer-toggle[data-layer-id="road_segments"] input[type="checkbox"]');

    await toggle.uncheck();
    await waitForMapIdle(page);
    expect(await renderedFeatures(page, 'road_segments')).toEqual([]);
    expect((await renderedFeatures(page, 'admin_areas')).length).toBeGreaterThan(0);

    await toggle.check();
    await waitForMapIdle(page);
    expect((await renderedFeatures(page, 'road_segments')).length).toBeGreaterThan(0);
    expectCleanPage(activity);
    await page.close();
  });

  it('tells the user when the layer catalog cannot be loaded, and recovers on retry', async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route('**/api/layers', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'not-ready', title: 'Service unavailable', status: 503, detail: 'Database migrations are pending', requestId: 'req-browser-1' }),
      }),
    );
    await page.goto(`${server.url}${CITY_MAP_PATH}?test=1`);
    const notice = page.locator('.status-notice--error');
    await notice.waitFor();
    expect(await notice.getAttribute('data-error-type')).toBe('not-ready');
    await expect(notice.textContent()).resolves.toContain('req-browser-1');
    await expect(notice.locator('h2').textContent()).resolves.toBe('La carte n’a pas pu être chargée');

    await page.unroute('**/api/layers');
    await notice.getByRole('button', { name: 'Réessayer' }).click();
    await waitForMapIdle(page);
    expect(await page.locator('.status-notice--error').count()).toBe(0);
    expect((await renderedFeatures(page, 'admin_areas')).length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
