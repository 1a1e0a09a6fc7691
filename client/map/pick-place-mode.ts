import type { LngLat } from './feature-hit.ts';
import type { MapMode } from './mode-host.ts';

/** What picking a place asks of its caller. */
export interface PickPlaceOptions {
  /** The place chosen (a click, or Enter on the map's centre); the mode then ends. */
  onPick: (place: LngLat) => void;
  /** The mode ended without a place (Escape, or another mode entered). */
  onCancel?: () => void;
  /** The map's centre, which Enter picks: the keyboard moves the map with the arrows, then chooses. */
  center: () => LngLat | null;
}

/**
 * Picking a place on the map (a journey's start or end): a crosshair, and the next click chooses the point
 * under it; from the keyboard, the arrows move the map and Enter (or Space) chooses its centre. Escape gives
 * up. Clicks never open features meanwhile. Whatever ends the mode, exactly one of onPick and onCancel runs.
 */
export function createPickPlaceMode(options: PickPlaceOptions): MapMode {
  let hasPicked = false;
  return {
    id: 'pick-place',
    enter(context) {
      hasPicked = false;
      const pick = (place: LngLat) => {
        hasPicked = true;
        options.onPick({ lng: place.lng, lat: place.lat });
        context.exit();
      };
      context.setCursor('crosshair');
      context.on('click', (event) => pick(event.lngLat));
      context.on('keydown', (event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          context.exit();
          return;
        }
        if (event.key !== 'Enter' && event.key !== ' ') return;
        const center = options.center();
        if (!center) return;
        event.preventDefault();
        pick(center);
      });
    },
    exit() {
      if (!hasPicked) options.onCancel?.();
    },
  };
}
