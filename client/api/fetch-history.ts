import type { Geometry } from 'geojson';
import { ApiError } from './api-error.ts';
import { fetchJson } from './fetch-json.ts';
import { featureUrl } from './fetch-feature.ts';

/** One version of a feature, as GET .../items/{id}/history lists it. */
export interface FeatureVersion {
  version: number;
  operation: 'create' | 'replace' | 'update' | 'delete' | 'restore';
  committedAt: string;
  /** Who made the change; null for the public. */
  author: string | null;
  reason: string | null;
  /** The feature as this version left it, as the caller may see it (null after a delete). */
  feature?: { geometry: Geometry | null; properties: Record<string, unknown> } | null;
}

/** GET /ogc/collections/{layer}/items/{id}/history: every version of a feature, oldest first. */
export async function fetchHistory(layerId: string, featureId: string, signal?: AbortSignal): Promise<FeatureVersion[]> {
  const url = `${featureUrl(layerId, featureId)}/history`;
  const body = (await fetchJson(url, signal)) as { versions?: unknown };
  if (!Array.isArray(body.versions)) throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: `${url} has no versions` });
  return body.versions as FeatureVersion[];
}
