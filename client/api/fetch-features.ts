import type { Geometry } from 'geojson';
import { ApiError } from './api-error.ts';
import { requestJson } from './fetch-json.ts';

/** One feature of a list, as GET /ogc/collections/{layer}/items returns it. */
export interface ListedFeature {
  id: string | number;
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

/**
 * GET /ogc/collections/{layer}/items: the first `limit` features of a layer as the caller may see them (a
 * small layer whole: the transit lines for their legend and list). Filters are the layer's filterable
 * properties, by their API names.
 */
export async function fetchFeatures(layerId: string, options: { limit: number; filters?: Record<string, string>; signal?: AbortSignal }): Promise<ListedFeature[]> {
  const parameters = new URLSearchParams({ limit: String(options.limit), ...options.filters });
  const url = `/ogc/collections/${encodeURIComponent(layerId)}/items?${parameters}`;
  const body = await requestJson(url, { accept: 'application/geo+json, application/json', signal: options.signal });
  const features = (body as { features?: unknown } | undefined)?.features;
  if (!Array.isArray(features)) {
    throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: `${url} is not a feature collection` });
  }
  return features.flatMap((feature: { id?: unknown; properties?: unknown; geometry?: unknown }) => {
    if ((typeof feature.id !== 'number' && typeof feature.id !== 'string') || typeof feature.properties !== 'object' || feature.properties === null) return [];
    return [{ id: feature.id, properties: feature.properties as Record<string, unknown>, geometry: (feature.geometry as Geometry | null) ?? null }];
  });
}
