import { useEffect, useState } from 'react';
import { fetchFeatures, type ListedFeature } from '../api/fetch-features.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';

export type LayerFeaturesState = { status: 'loading' } | { status: 'loaded'; features: ListedFeature[] } | { status: 'failed' };

/** The features of a small layer (up to `limit`), loaded again when the session changes; null: none asked. */
export function useLayerFeatures(layerId: string | null, limit: number): LayerFeaturesState {
  const { session } = useServices();
  const generation = useStore(session, (snapshot) => snapshot.generation);
  const [state, setState] = useState<LayerFeaturesState>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new session (`generation`) sees other features: load again.
  useEffect(() => {
    if (!layerId) return undefined;
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchFeatures(layerId, { limit, signal: controller.signal }).then(
      (features) => setState({ status: 'loaded', features }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [layerId, limit, generation]);
  return state;
}
