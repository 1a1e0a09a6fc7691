import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClickablePoint, foreignRequests, jumpTo, openApp, type PageActivity, renderedFeatures, unexpectedConsoleErrors, waitForMapIdle } from '../helpers/browser.ts';
import { startBrowserSuite } from '../helpers/browser-suite.ts';
import { demoAccount } from './staff-pages.ts';
import { apiStop, chooseSuggestion, drawnOverlayFeatures, findTramStopWithBusway, publishSampleArchive } from './transit-pages.ts';

/**
 * The citizens' transit map at `/`, as a citizen uses it: with no account, the network drawn from the
 * public tile archive; a tram stop and where to change for the busway; a line's stops; a journey searched
 * and drawn; in Arabic, right to left. The server of this file serves the archive of the sample data, as
 * `npm start` publishes it.
 */

let archive = { directory: '', archive: '' };
// Built before the suite's server starts (hooks run in the order they are declared).
beforeAll(async () => {
  archive = await publishSampleArchive();
});
const suite = startBrowserSuite(() => ({ TILE_ARCHIVE_DIR: archive.directory }));
afterAll(() => rmSync(archive.directory, { recursive: true, force: true }));

/** A weekday morning of the sample feed's service (Tuesday 1 December 2026), so the journeys found do not depend on when the test runs. */
const WEEKDAY_MORNING = '2026-12-01T08:30';

function expectCleanPage(activity: PageActivity) {
  expect(foreignRequests(activity, suite.server.url), 'requests outside the app origin').toEqual([]);
  expect(activity.pageErrors, 'uncaught exceptions').toEqual([]);
  expect(unexpectedConsoleErrors(activity), 'console errors').toEqual([]);
}

const archiveRequests = (activity: PageActivity) => activity.requests.filter((url) => url.startsWith(`${suite.server.url}/archives/`));
const liveTileRequests = (activity: PageActivity) => activity.requests.filter((url) => url.startsWith(`${suite.server.url}/tiles/`));

describe('the transit map, for everyone', () => {
  it('opens at / with no sign-in, its lines in their colours and its stops read from the public archive, nothing from elsewhere', async () => {
    const { page, activity } = await openApp(suite.browser.context, suite.server.url);
    await page.locator('.app[data-app="transit"][data-principal="public"]').waitFor();
    expect(await page.locator('.staff-dialog, .sign-in-form').count()).toBe(0);
    expect(await page.locator('.app-nav__link[aria-current="page"]').getAttribute('data-app')).toBe('transit');
    // Every line of the network is listed under its mode, with its own colour.
    const lines = page.locator('.transit-card[data-card="network"] .legend--data .legend__row');
    await lines.first().waitFor();
    const routes = (await (await fetch(`${suite.server.url}/ogc/collections/transit_routes/items?limit=200`)).json()) as { features: unknown[] };
    expect(await lines.count()).toBe(routes.features.length);
    // The whole network is drawn, from the archive the manifest names, and no tile is asked of the database.
    const drawn = await renderedFeatures(page, 'transit_routes');
    expect(new Set(drawn.map((feature) => feature.properties.colour)).size).toBeGreaterThan(5);
    expect(archiveRequests(activity)).toContain(`${suite.server.url}/archives/casa-sig-public.json`);
    expect(archiveRequests(activity)).toContain(`${suite.server.url}/archives/${archive.archive}`);
    expect(liveTileRequests(activity)).toEqual([]);
    await jumpTo(page, [-7.6186, 33.5928], 15);
    expect((await renderedFeatures(page, 'transit_stops')).length).toBeGreaterThan(0);
    expect(liveTileRequests(activity)).toEqual([]);
    // /transit, its first address, is the same page.
    await page.goto(`${suite.server.url}/transit?test=1`);
    await page.locator('.app[data-app="transit"]').waitFor();
    expectCleanPage(activity);
    await page.close();
  });

  it('draws from live tiles when no archive is published, and for staff, whose tiles carry what their role sees', async () => {
    const manifest = join(archive.directory, 'casa-sig-public.json');
    renameSync(manifest, `${manifest}.away`);
    try {
      const { page, activity } = await openApp(suite.browser.context, suite.server.url);
      expect((await renderedFeatures(page, 'transit_routes')).length).toBeGreaterThan(0);
      expect(liveTileRequests(activity).some((url) => url.includes('/tiles/transit_routes/'))).toBe(true);
      expect(archiveRequests(activity).filter((url) => url.endsWith('.pmtiles'))).toEqual([]);
      expectCleanPage(activity);
      await page.close();
    } finally {
      renameSync(`${manifest}.away`, manifest);
    }
    const { page, activity } = await openApp(suite.browser.context, suite.server.url);
    const planner = demoAccount('planner');
    await page.evaluate(
      (credentials) => fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(credentials), credentials: 'same-origin' }),
      { username: planner.username, password: planner.password },
    );
    const before = liveTileRequests(activity).length;
    await page.reload();
    await page.locator('.app[data-principal="planner"][data-catalog="ready"]').waitFor();
    await waitForMapIdle(page);
    expect(liveTileRequests(activity).length).toBeGreaterThan(before);
    expect(await page.evaluate(() => Object.keys(window.__casaSig?.map?.getStyle().sources ?? {}))).not.toContain('archive:public');
    await page.evaluate(() => fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }));
    await page.close();
  });

  it('shows a tram stop’s lines, its busway connections drawn on the map, and its next departures, after a click', async () => {
    const { feature, details } = await findTramStopWithBusway(suite.server.url);
    const busway = details.connections.find((connection) => connection.stop.mode === 'brt')!;
    const { page, activity } = await openApp(suite.browser.context, suite.server.url);
    await jumpTo(page, feature.position, 16);
    const point = await findClickablePoint(page, 'transit_stops', feature.id);
    expect(point, `stop ${feature.feedId} is drawn somewhere clickable`).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);

    const card = page.locator(`.transit-card[data-card="stop"][data-stop-id="${feature.feedId}"]`);
    await card.waitFor();
    await expect(card.locator('h2').textContent()).resolves.toBe(details.stop.name.fr);
    await expect(card.locator('[data-section="lines"] [data-line-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-line-id')))).resolves.toEqual(
      details.lines.map((line) => line.id),
    );
    const connection = card.locator(`[data-section="connections"] [data-stop-id="${busway.stop.id}"]`);
    await expect(connection.getAttribute('data-mode')).resolves.toBe('brt');
    await expect(connection.textContent()).resolves.toContain(busway.stop.name.fr);
    await expect(connection.textContent()).resolves.toMatch(/\d+ min à pied/);
    // The walk to the busway is drawn over the map, and the stop is highlighted.
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.__casaSig?.overlayIds())).toContain('transit-stop');
    expect(await drawnOverlayFeatures(page, ['transit-stop:walk'])).toBeGreaterThan(0);
    expect(await drawnOverlayFeatures(page, ['transit-stop:rings'])).toBeGreaterThanOrEqual(2);
    expect(new URL(page.url()).searchParams.get('feature')).toBe(`transit_stops/${feature.id}`);
    // Departures as the API gives them now (none late at night).
    const now = await apiStop(suite.server.url, feature.feedId);
    expect((await card.locator('.departures__row').count()) > 0).toBe(now.departures.length > 0);

    await card.locator('.transit-card__back').click();
    await card.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.__casaSig?.overlayIds())).not.toContain('transit-stop');
    expectCleanPage(activity);
    await page.close();
  });

  it('lists a line’s stops in order in both directions, opened from the keyboard', async () => {
    const line = (await (await fetch(`${suite.server.url}/api/mobility/routes/T1`)).json()) as { directions: { stops: { name: { fr: string } }[] }[] };
    const { page, activity } = await openApp(suite.browser.context, suite.server.url);
    const entry = page.locator('.transit-card[data-card="network"] .legend__button').filter({ hasText: /^T1 / });
    await entry.focus();
    await page.keyboard.press('Enter');
    const card = page.locator('.transit-card[data-card="line"][data-line-id="T1"]');
    await card.waitFor();
    // The keyboard lands on the line's title.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('transit-line-title');
    const stops = () => card.locator('.line-stops__button').allTextContents();
    await expect(stops()).resolves.toEqual(line.directions[0]!.stops.map((stop) => stop.name.fr));
    await card.locator('.direction-switch__button[aria-pressed="false"]').click();
    await expect(stops()).resolves.toEqual(line.directions[1]!.stops.map((stop) => stop.name.fr));
    await waitForMapIdle(page);
    expect(await drawnOverlayFeatures(page, ['transit-line:course'])).toBeGreaterThan(0);
    expectCleanPage(activity);
    await page.close();
  });
});

describe('a journey', () => {
  it('is searched between two places typed in, listed with its times, changes and walking, and drawn with its walks', async () => {
    const { page, activity } = await openApp(suite.browser.context, suite.server.url);
    await page.locator('[data-action="plan"]').click();
    await page.locator('.journey-form select').selectOption('depart');
    await page.locator('.journey-form input[type="datetime-local"]').fill(WEEKDAY_MORNING);
    await chooseSuggestion(page, 'from', 'casa port', /Casa Port.*Tramway/);
    await chooseSuggestion(page, 'to', 'zerktouni', /Boulevard Zerktouni/);
    const cards = page.locator('.journey-results .itinerary');
    await cards.first().waitFor();
    const journeys = activity.requests.filter((url) => url.includes('/api/mobility/journeys?'));
    expect(new URL(journeys.at(-1)!).searchParams.get('depart')).toBe(WEEKDAY_MORNING);
    // The same answer as the API's for the same request, earliest arrival first.
    const answer = (await (await fetch(journeys.at(-1)!)).json()) as { itineraries: { legs: unknown[] }[] };
    expect(await cards.count()).toBe(answer.itineraries.length);
    await expect(cards.first().locator('.itinerary__clock').textContent()).resolves.toMatch(/^0[89]:\d\d → \d\d:\d\d$/);
    await expect(cards.first().locator('[data-fact="walking"]').textContent()).resolves.toMatch(/min à pied$/);
    expect(await page.locator('.itinerary-steps__step').count()).toBe(answer.itineraries[0]!.legs.length);
    // Drawn: the ride in its line's colour, the walks dotted, the two places.
    await waitForMapIdle(page);
    expect(await drawnOverlayFeatures(page, ['transit-journey:ride'])).toBeGreaterThan(0);
    expect(await drawnOverlayFeatures(page, ['transit-journey:walk'])).toBeGreaterThan(0);
    expect(await drawnOverlayFeatures(page, ['transit-journey:ends'])).toBe(2);
    if (answer.itineraries.length > 1) {
      await cards.nth(1).click();
      await expect(cards.nth(1).getAttribute('aria-pressed')).resolves.toBe('true');
      expect(await page.locator('.itinerary-steps__step').count()).toBe(answer.itineraries[1]!.legs.length);
    }
    expectCleanPage(activity);
    await page.close();
  });

  it('starts at a place picked on the map with the keyboard, or at the device’s position, which goes nowhere else', async () => {
    await suite.browser.context.grantPermissions(['geolocation'], { origin: suite.server.url });
    await suite.browser.context.setGeolocation({ longitude: -7.61853, latitude: 33.59312 });
    try {
      const { page, activity } = await openApp(suite.browser.context, suite.server.url, '#map=15/33.5897/-7.6036');
      await page.locator('[data-action="plan"]').click();
      // Pick the start: the map takes the keyboard, Enter chooses its centre.
      await page.locator('.endpoint[data-role="from"] [data-action="pick"]').focus();
      await page.keyboard.press('Enter');
      await page.locator('.pick-hint[data-role="from"]').waitFor();
      expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
      await page.keyboard.press('Enter');
      await page.locator('.pick-hint').waitFor({ state: 'detached' });
      await expect(page.locator('.place-search[data-field="from"] input').inputValue()).resolves.toBe('Point choisi sur la carte');
      const fromPicked = page.waitForRequest((request) => request.url().includes('/api/mobility/journeys?'));
      await chooseSuggestion(page, 'to', 'moulay rachid', /Moulay Rachid/);
      expect(new URL((await fromPicked).url()).searchParams.get('from')).toBe('-7.60360,33.58970');

      // "My position": asked only now, used as the start, rounded to about ten metres.
      const fromDevice = page.waitForRequest((request) => request.url().includes('/api/mobility/journeys?') && request.url().includes('from=-7.61850%2C33.59310'));
      await page.locator('.endpoint[data-role="from"] [data-action="my-position"]').click();
      await fromDevice;
      await expect(page.locator('.place-search[data-field="from"] input').inputValue()).resolves.toBe('Ma position');
      // The position is in no address, storage or other request.
      expect(new URL(page.url()).search).not.toMatch(/7\.618|33\.593/);
      expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toMatch(/7\.618|33\.593/);
      expect(activity.requests.filter((url) => /7\.618|33\.593/.test(url)).every((url) => url.includes('/api/mobility/journeys?'))).toBe(true);
      expectCleanPage(activity);
      await page.close();
    } finally {
      await suite.browser.context.clearPermissions();
    }
  });
});

describe('in Arabic', () => {
  it('reads right to left, with Arabic names on the map and in the panel', async () => {
    const { page, activity } = await openApp(suite.browser.context, suite.server.url, '&lang=ar#map=15/33.5928/-7.6186');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The panel is on the right of the map.
    const panel = await page.locator('.transit__body').boundingBox();
    const map = await page.locator('.transit__map').boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(map!.x + map!.width - 1);
    await expect(page.locator('#transit-network-title').textContent()).resolves.toBe('الخطوط');
    await expect(page.locator('[data-action="plan"]').textContent()).resolves.toBe('المسار');
    // Stops are labelled with their Arabic names, drawn from the bundled Arabic font.
    expect(await page.evaluate(() => window.__casaSig?.map?.getLayoutProperty('transit_stops:label', 'text-field'))).toEqual(['coalesce', ['get', 'name_ar'], ['get', 'name_fr'], '']);
    const labels = await page.evaluate(() => window.__casaSig?.map?.queryRenderedFeatures(undefined, { layers: ['transit_stops:label'] }).map((feature) => String(feature.properties.name_ar)) ?? []);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((label) => /[\u0600-\u06FF]/.test(label))).toBe(true);
    expect(activity.requests.some((url) => url.startsWith(`${suite.server.url}/assets/noto-sans-arabic-arabic-400-normal-`))).toBe(true);
    // A journey in Arabic: the stop found by its Arabic name, the answers in Arabic.
    await page.locator('[data-action="plan"]').click();
    await page.locator('.journey-form select').selectOption('depart');
    await page.locator('.journey-form input[type="datetime-local"]').fill(WEEKDAY_MORNING);
    await chooseSuggestion(page, 'from', 'الميناء', /الدار البيضاء الميناء/);
    await chooseSuggestion(page, 'to', 'السكتاني', /شارع حسن السكتاني/);
    await page.locator('.journey-results .itinerary, .transit__body [data-error-type]').first().waitFor();
    const asked = activity.requests.filter((url) => url.includes('/api/mobility/journeys?')).map((url) => decodeURIComponent(new URL(url).search));
    expect(await page.locator('.transit__body [data-error-type]').count(), `journeys asked: ${asked.join(' | ')}`).toBe(0);
    await expect(page.locator('.itinerary [data-fact="walking"]').first().textContent()).resolves.toMatch(/مشيا$/);
    expectCleanPage(activity);
    await page.close();
  });
});

describe('a phone (360 × 740)', () => {
  it('shows the search, the map and the lines without sideways scrolling, in French and in Arabic', async () => {
    for (const language of ['fr', 'ar']) {
      const page = await suite.browser.context.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${suite.server.url}/?test=1&lang=${language}`);
      await page.waitForFunction(() => window.__casaSig !== undefined);
      await waitForMapIdle(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), language).toBeLessThanOrEqual(360);
      for (const part of ['.transit__top', '.transit__map', '.transit__body']) {
        const box = await page.locator(part).boundingBox();
        expect(box, `${part} in ${language}`).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(360);
        expect(box!.height, `${part} in ${language}`).toBeGreaterThan(40);
      }
      await page.close();
    }
  });
});
