import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { fetchFeature } from '../api/fetch-feature.ts';
import type { FeatureHit } from '../map/map-controller.ts';

/** The full record of the selected feature, beyond what its vector tile carries. */
export type FullFeatureState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; properties: Record<string, unknown> }
  | { status: 'failed'; error: ApiError };

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ status: 0, type: 'client-error', title: 'Client error', detail: (error as Error)?.message ?? String(error) });
}

/**
 * Fetches GET /ogc/collections/{layer}/items/{id} for the selected feature. Each new selection (the next
 * click) aborts the request of the previous one, so a slow answer never fills the panel of another
 * feature. A 401 is passed to `onUnauthorized` (a staff session the server no longer honours).
 */
export function useFullFeature(hit: FeatureHit | null, onUnauthorized: () => void): { state: FullFeatureState; retry: () => void } {
  const [state, setState] = useState<FullFeatureState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  // Read when an answer arrives: a new callback must not refetch the feature.
  const unauthorizedHandler = useRef(onUnauthorized);
  useEffect(() => {
    unauthorizedHandler.current = onUnauthorized;
  }, [onUnauthorized]);

  useEffect(() => {
    if (!hit || hit.featureId === undefined) {
      setState({ status: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchFeature(hit.layerId, hit.featureId, controller.signal).then(
      (feature) => setState({ status: 'loaded', properties: feature.properties }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = toApiError(error);
        setState({ status: 'failed', error: apiError });
        if (apiError.status === 401) unauthorizedHandler.current();
      },
    );
    return () => controller.abort();
  }, [hit, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, retry };
}
