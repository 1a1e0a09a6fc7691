import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error.ts';
import { type FullFeature, fetchFeature } from '../api/fetch-feature.ts';
import type { FeatureReference } from '../state/url-state.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';

/** The full record of the open feature, beyond what its vector tile carries. */
export type FullFeatureState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; feature: FullFeature }
  | { status: 'failed'; error: ApiError };


/**
 * Fetches GET /ogc/collections/{layer}/items/{id} for the open feature, again after a change of session
 * (what the caller may see changes). Each new selection aborts the request of the previous one, so a slow
 * answer never fills the panel of another feature. A 401 ends the staff session the server no longer honours.
 */
export function useFullFeature(reference: FeatureReference | null): { state: FullFeatureState; retry: () => void } {
  const { session } = useServices();
  const generation = useStore(session, (snapshot) => snapshot.generation);
  const [state, setState] = useState<FullFeatureState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const layerId = reference?.layerId;
  const featureId = reference?.featureId;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new session (`generation`) and the retry button (`attempt`) fetch again.
  useEffect(() => {
    if (!layerId || !featureId) {
      setState({ status: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchFeature(layerId, featureId, controller.signal).then(
      (feature) => setState({ status: 'loaded', feature }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = toApiError(error);
        setState({ status: 'failed', error: apiError });
        if (apiError.status === 401) session.endSession();
      },
    );
    return () => controller.abort();
  }, [layerId, featureId, generation, attempt, session]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, retry };
}
