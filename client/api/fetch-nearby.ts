import { ApiError } from './api-error.ts';
import type { ListedFeature } from './fetch-features.ts';
import { fetchJson } from './fetch-json.ts';

/** A feature near a point, with its true distance in metres. */
export interface NearbyFeature extends ListedFeature {
  distanceM: number;
}

/** GET /api/query/nearby: a layer's features within `radiusM` metres of a point, nearest first. */
export async function fetchNearby(
  layerId: string,
  point: { longitude: number; latitude: number },
  options: { radiusM: number; limit: number; signal?: AbortSignal },
): Promise<NearbyFeature[]> {
  const parameters = new URLSearchParams({ layer: layerId, lon: String(point.longitude), lat: String(point.latitude), radius: String(options.radiusM), limit: String(options.limit) });
  const url = `/api/query/nearby?${parameters}`;
  const body = (await fetchJson(url, options.signal)) as { features?: unknown };
  if (!Array.isArray(body.features)) throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: `${url} is not a feature collection` });
  return body.features.flatMap((feature: { id?: unknown; properties?: Record<string, unknown>; geometry?: unknown }) => {
    if (typeof feature.id !== 'number' && typeof feature.id !== 'string') return [];
    const properties = feature.properties ?? {};
    const distance = Number(properties.distanceM ?? (feature as { distanceM?: unknown }).distanceM);
    return [{ id: feature.id, properties, geometry: (feature.geometry as ListedFeature['geometry']) ?? null, distanceM: distance }];
  });
}
