import { ApiError } from './api-error.ts';
import { featureUrl, type FullFeature } from './fetch-feature.ts';
import { requestJsonResponse } from './fetch-json.ts';

/**
 * The editing API as an editor uses it: a feature with the ETag that locks it, an atomic change set
 * (POST /api/changes), and the restore of a past version. Failures are ApiErrors: 412 `precondition-failed`
 * (someone saved first; `changeIndex` says which change), 422 `invalid-feature` with issues under
 * /changes/<n>, 428 without If-Match.
 */

/** A feature and the strong ETag to send back in If-Match. */
export interface LockedFeature {
  feature: FullFeature;
  etag: string;
}

function toFeature(body: unknown, url: string): FullFeature {
  const feature = (body ?? {}) as { type?: unknown; id?: unknown; properties?: unknown; geometry?: unknown };
  if (feature.type !== 'Feature' || typeof feature.properties !== 'object' || feature.properties === null) {
    throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: `${url} is not a GeoJSON feature` });
  }
  const id = typeof feature.id === 'string' || typeof feature.id === 'number' ? feature.id : undefined;
  return { id, properties: feature.properties as Record<string, unknown>, geometry: (feature.geometry as FullFeature['geometry']) ?? null };
}

function etagOf(headers: Headers, url: string): string {
  const etag = headers.get('etag');
  if (!etag) throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: `${url} came without an ETag` });
  return etag;
}

/** GET /ogc/collections/{layer}/items/{id} with its ETag. */
export async function fetchLockedFeature(layerId: string, featureId: number, signal?: AbortSignal): Promise<LockedFeature> {
  const url = featureUrl(layerId, featureId);
  const { body, headers } = await requestJsonResponse(url, { accept: 'application/geo+json, application/json', signal });
  return { feature: toFeature(body, url), etag: etagOf(headers, url) };
}

/** What POST /api/changes says of each applied change, in the order sent. */
export interface AppliedChange {
  index: number;
  op: 'create' | 'replace' | 'update' | 'delete';
  layer: string;
  id: number;
  version: number;
  etag: string | null;
  warnings: { pointer: string; code: string; message: { fr: string; ar: string; en: string } }[];
}

/** POST /api/changes: every change or none. */
export async function postChangeSet(body: unknown): Promise<{ changes: AppliedChange[]; ids: Record<string, number> }> {
  const { body: answer } = await requestJsonResponse('/api/changes', { method: 'POST', body });
  const result = answer as { changes?: unknown; ids?: unknown };
  if (!Array.isArray(result.changes) || typeof result.ids !== 'object' || result.ids === null) {
    throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: 'POST /api/changes did not list the changes' });
  }
  return { changes: result.changes as AppliedChange[], ids: result.ids as Record<string, number> };
}

/** POST .../history/{version}/restore with If-Match: the version made current again, with its new ETag. */
export async function restoreFeatureVersion(layerId: string, featureId: number, version: number, etag: string): Promise<LockedFeature> {
  const url = `${featureUrl(layerId, featureId)}/history/${version}/restore`;
  const { body, headers } = await requestJsonResponse(url, { method: 'POST', headers: { 'If-Match': etag }, accept: 'application/geo+json, application/json' });
  return { feature: toFeature(body, url), etag: etagOf(headers, url) };
}
