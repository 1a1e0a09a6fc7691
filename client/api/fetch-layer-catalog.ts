import type { LayerCatalog } from './layer-catalog.ts';
import { ApiError } from './api-error.ts';
import { fetchJson } from './fetch-json.ts';

function isNumberArray(value: unknown, length: number): boolean {
  return Array.isArray(value) && value.length === length && value.every((item) => typeof item === 'number');
}

/**
 * Checks the parts of the catalog the map cannot start without (view and layer list). The rest is typed
 * by the server's own types; a wrong shape there shows up as a missing label, not as a blank page.
 */
export function assertLayerCatalog(body: unknown): asserts body is LayerCatalog {
  const catalog = body as Partial<LayerCatalog> | null;
  const isValid =
    typeof catalog === 'object' &&
    catalog !== null &&
    isNumberArray(catalog.bounds, 4) &&
    isNumberArray(catalog.home, 4) &&
    isNumberArray(catalog.center, 2) &&
    typeof catalog.zoom === 'number' &&
    Array.isArray(catalog.layers) &&
    catalog.layers.every((layer) => typeof layer?.id === 'string' && typeof layer.tiles === 'string' && typeof layer.style === 'object');
  if (!isValid) {
    throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: 'GET /api/layers is not a layer catalog' });
  }
}

/** GET /api/layers: the layers the caller may read, with styles, legends and property labels. */
export async function fetchLayerCatalog(signal?: AbortSignal): Promise<LayerCatalog> {
  const body = await fetchJson('/api/layers', signal);
  assertLayerCatalog(body);
  return body;
}
