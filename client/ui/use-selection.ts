import { useCallback } from 'react';
import type { Selection } from '../state/app-state.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import type { FeatureReference } from '../state/url-state.ts';

/** The open feature (shared by the map, the details panel and the URL), and the ways to change it. */
export function useSelection(): { selection: Selection | null; open: (reference: FeatureReference | Selection) => void; close: () => void } {
  const { state } = useServices();
  const selection = useStore(state, (snapshot) => snapshot.selection);
  const open = useCallback(
    // A reference from a list that drew the feature keeps what its tile carried: the card is titled at once.
    (reference: FeatureReference | Selection) =>
      state.update((current) => {
        const tileProperties = 'tileProperties' in reference ? reference.tileProperties : undefined;
        return { ...current, selection: { layerId: reference.layerId, featureId: reference.featureId, ...(tileProperties ? { tileProperties } : {}) } };
      }),
    [state],
  );
  const close = useCallback(() => state.update((current) => (current.selection ? { ...current, selection: null } : current)), [state]);
  return { selection, open, close };
}
