import { ApiError } from './api-error.ts';
import type { FullFeature } from './fetch-feature.ts';
import { requestJson } from './fetch-json.ts';

/** What a create answered: the stored feature, and whether it was the first answer replayed. */
export interface CreatedFeature {
  feature: FullFeature;
  /** True when the server had already written this request (same Idempotency-Key) and answered it again. */
  wasReplayed: boolean;
}

/**
 * POST /ogc/collections/{layer}/items with an `Idempotency-Key`: sent twice (a lost answer, a queue sent
 * again), the server writes once and answers the second time with the first answer.
 */
export async function createFeature(
  layerId: string,
  feature: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> },
  options: { idempotencyKey: string; signal?: AbortSignal },
): Promise<CreatedFeature> {
  let wasReplayed = false;
  const url = `/ogc/collections/${encodeURIComponent(layerId)}/items`;
  const body = (await requestJson(url, {
    method: 'POST',
    body: feature,
    accept: 'application/geo+json, application/json',
    headers: { 'Idempotency-Key': `"${options.idempotencyKey}"` },
    signal: options.signal,
    onHeaders: (headers) => {
      wasReplayed = headers.get('idempotent-replayed') === 'true';
    },
  })) as { id?: unknown; properties?: unknown; geometry?: unknown } | undefined;
  if (!body || (typeof body.id !== 'number' && typeof body.id !== 'string') || typeof body.properties !== 'object' || body.properties === null) {
    throw new ApiError({ status: 201, type: 'invalid-response', title: 'Invalid response', detail: `${url} did not answer with the created feature` });
  }
  return { feature: { id: body.id, properties: body.properties as Record<string, unknown>, geometry: null }, wasReplayed };
}
