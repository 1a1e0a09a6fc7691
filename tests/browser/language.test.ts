import type pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { type FeatureLocation, findFeatureNearCentre } from './sample-locations.ts';

/**
 * French, Arabic and English: the page direction, the interface strings and the map labels follow the
 * language chosen in the URL or from the interface; Arabic labels are drawn from the bundled font.
 */

let pool: pg.Pool;
let server: TestServer;
let browser: BrowserSession;
let road: FeatureLocation;

const ARABIC_LETTERS = /[\u0600-\u06FF]/;

function expectCleanPage(activity: PageActivity) {
  expect(foreignRequests(activity, server.url), 'requests outside the app origin').toEqual([]);
  expect(activity.pageErrors, 'uncaught exceptions').toEqual([]);
  expect(unexpectedConsoleErrors(activity), 'console errors').toEqual([]);
  expect(activity.consoleWarnings.filter((warning) => /style diff|Rebuilding the style/i.test(warning))).toEqual([]);
}

function roadLabelTextField(page: Page): Promise<unknown> {
  return page.evaluate(() => window.__casaSig?.map?.getLayoutProperty('road_segments:label', 'text-field'));
}

async function documentDirection(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  return { lang: await page.locator('html').getAttribute('lang'), dir: await page.locator('html').getAttribute('dir') };
}

beforeAll(async () => {
  pool = createTestPool('sample');
  server = await startTestServer(pool);
  browser = await launchBrowser();
  road = await findFeatureNearCentre(pool, 'road_segments', true);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pool?.end();
});

describe('the Arabic interface', () => {
  it('honours ?lang=ar: right-to-left page, Arabic strings, mirrored panels', async () => {
    const { page, activity } = await openApp(browser.context, server.url, '&lang=ar', CITY_MAP_PATH);
    expect(await documentDirection(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expect(page.locator('#layer-panel-heading').textContent()).resolves.toBe('الطبقات');
    await expect(page.locator('.layer-group__heading').first().textContent()).resolves.toMatch(ARABIC_LETTERS);
    // The layer panel sits on the right of the map, the map's zoom buttons on its left.
    const panel = await page.locator('.layer-panel').boundingBox();
    const map = await page.locator('.map-area').boundingBox();
    const zoomIn = await page.locator('.maplibregl-ctrl-zoom-in').boundingBox();
    expect(panel && map && panel.x).toBeGreaterThanOrEqual((map?.x ?? 0) + (map?.width ?? 0) - 1);
    expect(zoomIn && map && zoomIn.x).toBeLessThan((map?.x ?? 0) + (map?.width ?? 0) / 2);
    await expect(page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).resolves.toBe('تكبير');
    expectCleanPage(activity);
    await page.close();
  });

  it('labels the map in Arabic with the bundled Arabic font, and shows Arabic details', async () => {
    const { page, activity } = await openApp(browser.context, server.url, '&lang=ar', CITY_MAP_PATH);
    expect(await roadLabelTextField(page)).toEqual(['coalesce', ['get', 'name_ar'], ['get', 'name_fr'], '']);
    await jumpTo(page, [road.longitude, road.latitude], 17);
    const labels = await page.evaluate(() => window.__casaSig?.map?.queryRenderedFeatures(undefined, { layers: ['road_segments:label'] }).length);
    expect(labels, 'road labels drawn').toBeGreaterThan(0);
    // Drawing Arabic text fetched the Arabic woff2 from the app itself (no glyph server, no CDN).
    expect(activity.requests.some((url) => url.startsWith(`${server.url}/assets/noto-sans-arabic-arabic-400-normal-`))).toBe(true);

    const point = await findClickablePoint(page, 'road_segments', road.id);
    expect(point, `road ${road.id} is drawn somewhere clickable`).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const details = page.locator('.feature-details[data-layer-id="road_segments"]');
    await details.waitFor();
    await expect(details.locator('h2').textContent()).resolves.toBe(road.nameAr);
    await expect(details.locator('[data-property="condition"] dt').textContent()).resolves.toBe('الحالة');
    expectCleanPage(activity);
    await page.close();
  });
});

describe('switching the language from the interface', () => {
  it('turns the page, the strings and the map labels to Arabic, then English, without reloading', async () => {
    const { page, activity } = await openApp(browser.context, server.url, '', CITY_MAP_PATH);
    expect(await roadLabelTextField(page)).toEqual(['coalesce', ['get', 'name_fr'], ['get', 'name_ar'], '']);
    // A reload would lose this mark and create a second map.
    const map = await page.evaluateHandle(() => window.__casaSig?.map);
    await page.evaluate(() => Object.assign(window, { languageSwitchMark: true }));

    await page.locator('.language-switcher').getByRole('button', { name: 'العربية', exact: true }).click();
    await page.locator('html[dir="rtl"]').waitFor({ state: 'attached' });
    await waitForMapIdle(page);
    expect(await documentDirection(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await roadLabelTextField(page)).toEqual(['coalesce', ['get', 'name_ar'], ['get', 'name_fr'], '']);
    await expect(page.locator('#layer-panel-heading').textContent()).resolves.toBe('الطبقات');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
    await expect(page.locator('.language-switcher').getByRole('button', { name: 'العربية', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    // Switching restyles the map in place: the same map, still showing its layers.
    expect((await renderedFeatures(page, 'admin_areas')).length).toBeGreaterThan(0);

    await page.locator('.language-switcher').getByRole('button', { name: 'English', exact: true }).click();
    await page.locator('html[dir="ltr"]').waitFor({ state: 'attached' });
    await waitForMapIdle(page);
    expect(await documentDirection(page)).toEqual({ lang: 'en', dir: 'ltr' });
    await expect(page.locator('#layer-panel-heading').textContent()).resolves.toBe('Layers');
    expect(await roadLabelTextField(page)).toEqual(['coalesce', ['get', 'name_fr'], ['get', 'name_ar'], '']);
    await expect(page.locator('.layer-toggle[data-layer-id="road_segments"] .layer-toggle__title').textContent()).resolves.toBe('Street heritage');

    expect(await page.evaluate(() => 'languageSwitchMark' in window), 'language changes never reload the page').toBe(true);
    expect(await page.evaluate((before) => before === window.__casaSig?.map, map), 'the map is never re-created').toBe(true);
    expectCleanPage(activity);
    await page.close();
  });
});
