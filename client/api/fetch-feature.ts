import type { Geometry } from 'geojson';
import { ApiError } from './api-error.ts';
import { requestJson } from './fetch-json.ts';

/** A feature as GET /ogc/collections/{layer}/items/{id} returns it. */
export interface FullFeature {
  id: string | number | undefined;
  /** Every property the caller may see, personal ones included for the roles allowed them. */
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

export function featureUrl(layerId: string, featureId: string | number): string {
  return `/ogc/collections/${encodeURIComponent(layerId)}/items/${encodeURIComponent(String(featureId))}`;
}

/**
 * GET /ogc/collections/{layer}/items/{id}: the whole feature, with the properties vector tiles leave out.
 * The answer depends on the caller (session cookie); 401, 403 and 404 come back as ApiErrors for the
 * details panel to explain.
 */
export async function fetchFeature(layerId: string, featureId: string | number, signal?: AbortSignal): Promise<FullFeature> {
  const url = featureUrl(layerId, featureId);
  const body = await requestJson(url, { accept: 'application/geo+json, application/json', signal });
  const feature = typeof body === 'object' && body !== null ? (body as { type?: unknown; id?: unknown; properties?: unknown; geometry?: unknown }) : {};
  if (feature.type !== 'Feature' || typeof feature.properties !== 'object' || feature.properties === null) {
    throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: `${url} is not a GeoJSON feature` });
  }
  const id = typeof feature.id === 'string' || typeof feature.id === 'number' ? feature.id : undefined;
  const geometry = typeof feature.geometry === 'object' && feature.geometry !== null ? (feature.geometry as Geometry) : null;
  return { id, properties: feature.properties as Record<string, unknown>, geometry };
}
