import { openTileChangeStream } from '../api/tile-change-stream.ts';
import type { SessionStore } from '../state/session-store.ts';
import type { MapEdits } from './map-edits.ts';

/**
 * Keeps an open map up to date with everyone's edits: listens to the tile-changes stream and asks for the
 * tiles of each changed place again. The stream is reopened at each change of session (a planner hears what
 * the public does not), so what it tells always matches the tiles the map may ask for.
 */
export function bindLiveTiles(session: SessionStore, edits: MapEdits): { isOpen(): boolean } {
  let isOpen = false;
  let close: (() => void) | undefined;
  let generation = -1;
  const open = () => {
    const snapshot = session.get();
    if (snapshot.state.status === 'checking' || snapshot.generation === generation) return;
    generation = snapshot.generation;
    close?.();
    close = openTileChangeStream({
      onChange: (change) => edits.refreshPlaces(change.layer, change.bboxes),
      onReset: () => edits.refreshAllTiles(),
      onOpenChange: (value) => {
        isOpen = value;
      },
    });
  };
  session.subscribe(open);
  open();
  return { isOpen: () => isOpen };
}
