import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type ConsoleMessage, type Page } from 'playwright-core';

/**
 * Headless Chromium for browser tests: the Debian build at /usr/bin/chromium (Playwright's own download
 * is unreachable here), WebGL through SwiftShader, and no background traffic to the closed network
 * (STACK.md, "Browser tests").
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export interface BrowserSession {
  context: BrowserContext;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/** Launches Chromium on a fresh, throwaway profile (nothing carries over between runs). */
export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'casa-sig-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    deviceScaleFactor: 1,
    locale: 'fr-MA',
    timezoneId: 'Africa/Casablanca',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What a page did while a test watched it. */
export interface PageActivity {
  /** Every URL the page requested (documents, scripts, workers, tiles, fonts...). */
  requests: string[];
  /** Console messages of type `error`, with their source location. */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Console warnings (MapLibre reports style problems this way). */
  consoleWarnings: string[];
}

/** Starts recording a page's requests, console errors and uncaught exceptions. */
export function watchPage(page: Page): PageActivity {
  const activity: PageActivity = { requests: [], consoleErrors: [], pageErrors: [], consoleWarnings: [] };
  const describe = (message: ConsoleMessage) => `${message.text()} (${message.location().url}:${message.location().lineNumber})`;
  page.on('request', (request) => activity.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') activity.consoleErrors.push(describe(message));
    if (message.type() === 'warning') activity.consoleWarnings.push(describe(message));
  });
  page.on('pageerror', (error) => activity.pageErrors.push(`${error.name}: ${error.message}`));
  return activity;
}

/** An app page opened in test mode, with what it did since it opened. */
export interface AppPage {
  page: Page;
  activity: PageActivity;
}

/** The city map (every layer the caller may read); the home page `/` is the transit map. */
export const CITY_MAP_PATH = '/map';

/**
 * Opens the built client in test mode (`?test=1` exposes `window.__casaSig`), at `path` (`/` the transit
 * map, CITY_MAP_PATH the city map, `/staff` the staff area), and waits for the map's `idle` event: the
 * catalog loaded, the style applied, every tile of the view loaded and drawn.
 */
export async function openApp(context: BrowserContext, baseUrl: string, query = '', path = '/'): Promise<AppPage> {
  const page = await context.newPage();
  const activity = watchPage(page);
  await page.goto(`${baseUrl}${path}?test=1${query}`);
  await page.waitForFunction(() => window.__casaSig !== undefined);
  await waitForMapIdle(page);
  return { page, activity };
}

/** Resolves at the map's next `idle` event (never a sleep). */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.evaluate(() => window.__casaSig?.whenIdle());
}

/** Moves the map without animation and waits until the new view is drawn. */
export async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ({ center, zoom }) => {
      const handle = window.__casaSig;
      if (!handle?.map) throw new Error('the map does not exist yet');
      handle.map.jumpTo({ center, zoom });
      return handle.whenIdle();
    },
    { center, zoom },
  );
}

/** Features of a catalog layer drawn in the current view, over all its style layers (fill, line, label...). */
export async function renderedFeatures(page: Page, layerId: string): Promise<{ id: unknown; properties: Record<string, unknown> }[]> {
  return page.evaluate((layerId) => {
    const map = window.__casaSig?.map;
    if (!map) throw new Error('the map does not exist yet');
    const styleLayers = map
      .getStyle()
      .layers.filter((layer) => (layer.metadata as Record<string, unknown> | undefined)?.['casa-sig:layer'] === layerId)
      .map((layer) => layer.id);
    return map.queryRenderedFeatures(undefined, { layers: styleLayers }).map((feature) => ({ id: feature.id, properties: feature.properties }));
  }, layerId);
}

/**
 * A point of the page (CSS pixels) where a click lands on the given feature: a point along its rendered
 * geometry, inside the map with a margin (away from the controls), where the feature is the topmost one
 * MapLibre reports within the 5-pixel box the app searches on a click. Null when the feature is not drawn anywhere clickable in the current view.
 */
export async function findClickablePoint(page: Page, layerId: string, featureId: number): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ layerId, featureId }) => {
      const map = window.__casaSig?.map;
      if (!map) throw new Error('the map does not exist yet');
      // No named helper functions in here: some TypeScript loaders wrap them in a __name() the page lacks.
      const owners = new Map(
        map.getStyle().layers.map((layer) => [layer.id, (layer.metadata as Record<string, unknown> | undefined)?.['casa-sig:layer']]),
      );
      const styleLayers = [...owners.keys()].filter((id) => owners.get(id) !== undefined);
      const ownLayers = styleLayers.filter((id) => owners.get(id) === layerId);
      const canvas = map.getCanvas().getBoundingClientRect();
      const margin = 60;
      const features = map.queryRenderedFeatures(undefined, { layers: ownLayers }).filter((feature) => feature.id === featureId);
      const lines = features.flatMap((feature) => {
        const geometry = feature.geometry;
        if (geometry.type === 'LineString') return [geometry.coordinates];
        if (geometry.type === 'MultiLineString' || geometry.type === 'Polygon') return geometry.coordinates;
        if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
        if (geometry.type === 'Point') return [[geometry.coordinates]];
        return [];
      });
      for (const line of lines) {
        for (let index = 0; index < line.length; index += 1) {
          const from = line[index] as [number, number];
          const to = (line[index + 1] ?? from) as [number, number];
          for (const share of [0.5, 0.25, 0.75, 0]) {
            const point = map.project([from[0] + (to[0] - from[0]) * share, from[1] + (to[1] - from[1]) * share]);
            if (point.x < margin || point.y < margin || point.x > canvas.width - margin || point.y > canvas.height - margin) continue;
            const [top] = map.queryRenderedFeatures(
              [
                [point.x - 5, point.y - 5],
                [point.x + 5, point.y + 5],
              ],
              { layers: styleLayers },
            );
            if (top && top.id === featureId && owners.get(top.layer.id) === layerId) return { x: canvas.left + point.x, y: canvas.top + point.y };
          }
        }
      }
      return null;
    },
    { layerId, featureId },
  );
}

/** Requests that went anywhere but the app's own origin (data: and blob: URLs stay in the page). */
export function foreignRequests(activity: PageActivity, origin: string): string[] {
  return activity.requests.filter(
    (url) => !(url === origin || url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')),
  );
}

/** A request the test expects to fail with this HTTP status (a wrong password, a revoked session). */
export interface ExpectedFailure {
  status: number;
  /** Matched against the URL's path and query. */
  path: RegExp;
}

const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3}) .*\((.+):\d+\)$/;

/**
 * The public map asks for the manifest of the public tile archive at every load; a server where none is
 * published (a test's, unless it builds one) answers 404 and the page draws live tiles instead.
 */
export const NO_PUBLIC_ARCHIVE: ExpectedFailure = { status: 404, path: /^\/archives\/casa-sig-public\.json$/ };

/**
 * Console errors other than the expected failed requests. Chromium logs every 4xx answer to fetch() as a
 * console error ("Failed to load resource: ... 401"), whatever the page does with it; a test that provokes
 * one lists it here, and any other error still fails the test. The missing archive manifest
 * (NO_PUBLIC_ARCHIVE) is always expected.
 */
export function unexpectedConsoleErrors(activity: PageActivity, expected: readonly ExpectedFailure[] = []): string[] {
  const failures = [NO_PUBLIC_ARCHIVE, ...expected];
  return activity.consoleErrors.filter((error) => {
    const match = FAILED_RESOURCE.exec(error);
    if (!match) return true;
    const url = new URL(match[2]!);
    return !failures.some((failure) => failure.status === Number(match[1]) && failure.path.test(`${url.pathname}${url.search}`));
  });
}
