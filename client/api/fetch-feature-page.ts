import type { Geometry } from 'geojson';
import { ApiError } from './api-error.ts';
import type { ListedFeature } from './fetch-features.ts';
import { requestJson } from './fetch-json.ts';

/** One page of GET /ogc/collections/{layer}/items. */
export interface FeaturePage {
  features: ListedFeature[];
  /** How many features match over all pages (the server says so on the first page). */
  numberMatched: number | undefined;
  /** The next page's URL (path and query, on our origin), or null on the last page. */
  next: string | null;
}

function toListedFeature(feature: { id?: unknown; properties?: unknown; geometry?: unknown }): ListedFeature[] {
  if ((typeof feature.id !== 'number' && typeof feature.id !== 'string') || typeof feature.properties !== 'object' || feature.properties === null) return [];
  return [{ id: feature.id, properties: feature.properties as Record<string, unknown>, geometry: (feature.geometry as Geometry | null) ?? null }];
}

/** The items URL of a layer with these query parameters (filters by API name, bbox, limit). */
export function itemsUrl(layerId: string, parameters: URLSearchParams): string {
  return `/ogc/collections/${encodeURIComponent(layerId)}/items?${parameters}`;
}

/**
 * One page of a layer's items, from `url` (an itemsUrl, or a previous page's `next`). The next link is
 * kept as a path on our own origin, whatever host the server wrote into it.
 */
export async function fetchFeaturePage(url: string, signal?: AbortSignal): Promise<FeaturePage> {
  const body = (await requestJson(url, { accept: 'application/geo+json, application/json', signal })) as {
    features?: unknown;
    numberMatched?: unknown;
    links?: { rel?: unknown; href?: unknown }[];
  };
  if (!Array.isArray(body?.features)) {
    throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: `${url} is not a feature collection` });
  }
  const nextHref = body.links?.find((link) => link.rel === 'next')?.href;
  const next = typeof nextHref === 'string' ? `${new URL(nextHref, window.location.origin).pathname}${new URL(nextHref, window.location.origin).search}` : null;
  return {
    features: body.features.flatMap(toListedFeature),
    numberMatched: typeof body.numberMatched === 'number' ? body.numberMatched : undefined,
    next,
  };
}
