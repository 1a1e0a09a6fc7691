import { ApiError } from './api-error.ts';
import { requestJson } from './fetch-json.ts';

/** A feature as GET /ogc/collections/{layer}/items/{id} returns it, geometry aside. */
export interface FullFeature {
  id: string | number | undefined;
  /** Every property the caller may see, personal ones included for the roles allowed them. */
  properties: Record<string, unknown>;
}

/**
 * GET /ogc/collections/{layer}/items/{id}: the whole feature, with the properties vector tiles leave out.
 * The answer depends on the caller (session cookie); 401, 403 and 404 come back as ApiErrors for the
 * details panel to explain.
 */
export async function fetchFeature(layerId: string, featureId: string | number, signal?: AbortSignal): Promise<FullFeature> {
  const url = `/ogc/collections/${encodeURIComponent(layerId)}/items/${encodeURIComponent(String(featureId))}`;
  const body = await requestJson(url, { accept: 'application/geo+json, application/json', signal });
  const feature = typeof body === 'object' && body !== null ? (body as { type?: unknown; id?: unknown; properties?: unknown }) : {};
  if (feature.type !== 'Feature' || typeof feature.properties !== 'object' || feature.properties === null) {
    throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: `${url} is not a GeoJSON feature` });
  }
  const id = typeof feature.id === 'string' || typeof feature.id === 'number' ? feature.id : undefined;
  return { id, properties: feature.properties as Record<string, unknown> };
}
