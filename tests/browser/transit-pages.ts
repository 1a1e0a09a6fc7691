import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../server/config.ts';
import { RegionService, regionSettingsOf } from '../../server/layers/region.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { publishArchive } from '../../server/tiles/archive-manifest.ts';
import { buildPublicArchive } from '../../server/tiles/tile-archive.ts';
import { createTestPool } from '../helpers/database.ts';

/**
 * What the transit map's browser tests share: the public archive built from the sample data as
 * `npm run tiles:archive` publishes it, and the stops and lines of the mobility API the tests look for.
 */

/** A folder holding the public archive of the sample data and its manifest, as `npm run tiles:archive` writes them. */
export async function publishSampleArchive(): Promise<{ directory: string; archive: string }> {
  const directory = mkdtempSync(join(tmpdir(), 'casa-sig-public-archive-'));
  const pool = createTestPool('sample');
  try {
    const registry = new LayerRegistry();
    const config = loadConfig({});
    const region = await new RegionService(pool, registry, regionSettingsOf(config)).current();
    const built = await buildPublicArchive(pool, registry, { minZoom: 0, maxZoom: 15, region, concurrency: 2, statementTimeoutMs: config.TILE_STATEMENT_TIMEOUT_MS });
    const manifest = publishArchive(directory, 'casa-sig-public', built.archive, { tiles: built.tiles, minZoom: 0, maxZoom: 15, layers: built.layers });
    return { directory, archive: manifest.archive };
  } finally {
    await pool.end();
  }
}

interface ApiStop {
  stop: { id: string; name: { fr: string; ar: string }; mode: string; position: [number, number] };
  lines: { id: string; shortName: string }[];
  connections: { stop: { id: string; name: { fr: string; ar: string }; mode: string } }[];
  departures: unknown[];
}

/** A stop feature: its id in the layer and in the feed, and where it is. */
export interface StopFeature {
  id: number;
  feedId: string;
  position: [number, number];
}

/** The tram stops of the layer (through the public features API), nearest the centre first. */
async function tramStops(baseUrl: string): Promise<StopFeature[]> {
  const response = await fetch(`${baseUrl}/ogc/collections/transit_stops/items?mode=tram&limit=500`);
  const body = (await response.json()) as { features: { id: number; properties: { gtfs_stop_id: string }; geometry: { coordinates: [number, number] } }[] };
  return body.features.map((feature) => ({ id: feature.id, feedId: feature.properties.gtfs_stop_id, position: feature.geometry.coordinates }));
}

/** GET /api/mobility/stops/{id}, as the page asks for it. */
export async function apiStop(baseUrl: string, feedId: string): Promise<ApiStop> {
  const response = await fetch(`${baseUrl}/api/mobility/stops/${encodeURIComponent(feedId)}?limit=8`);
  return (await response.json()) as ApiStop;
}

/** A tram stop from which one can walk to a busway (BRT) stop, with what the mobility API says of it. */
export async function findTramStopWithBusway(baseUrl: string): Promise<{ feature: StopFeature; details: ApiStop }> {
  for (const feature of await tramStops(baseUrl)) {
    const details = await apiStop(baseUrl, feature.feedId);
    if (details.connections.some((connection) => connection.stop.mode === 'brt')) return { feature, details };
  }
  throw new Error('the sample network has no tram stop within walking distance of a busway stop');
}

/** The map's overlays now, and how many of an overlay's style layers' features are drawn in the view. */
export async function drawnOverlayFeatures(page: Page, styleLayers: string[]): Promise<number> {
  return page.evaluate((layers) => window.__casaSig?.map?.queryRenderedFeatures(undefined, { layers }).length ?? 0, styleLayers);
}

/** Types into a place field of the transit map and chooses the suggestion whose text matches, with the keyboard. */
export async function chooseSuggestion(page: Page, field: string, text: string, suggestion: RegExp): Promise<void> {
  const input = page.locator(`.place-search[data-field="${field}"] input`);
  await input.fill(text);
  const options = page.locator(`.place-search[data-field="${field}"] [role="option"]`);
  await options.first().waitFor();
  const texts = await options.allTextContents();
  const index = texts.findIndex((candidate) => suggestion.test(candidate));
  if (index < 0) throw new Error(`no suggestion matches ${suggestion} among ${texts.join(' | ')}`);
  for (let step = 0; step < index; step += 1) await input.press('ArrowDown');
  await input.press('Enter');
}
