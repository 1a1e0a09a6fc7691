import { useCallback } from 'react';
import type { Selection } from '../state/app-state.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';

/** The open feature (shared by the map, the details panel and the URL), and the ways to change it. */
export function useSelection(): { selection: Selection | null; open: (selection: Selection) => void; close: () => void } {
  const { state } = useServices();
  const selection = useStore(state, (snapshot) => snapshot.selection);
  const open = useCallback(
    // Only the selection's own fields are kept (callers pass references with more); what a tile carried
    // comes along, so that a feature opened from a list that drew it is titled at once.
    ({ layerId, featureId, tileProperties }: Selection) =>
      state.update((current) => ({ ...current, selection: { layerId, featureId, ...(tileProperties ? { tileProperties } : {}) } })),
    [state],
  );
  const close = useCallback(() => state.update((current) => (current.selection ? { ...current, selection: null } : current)), [state]);
  return { selection, open, close };
}
