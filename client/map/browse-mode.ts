import type { FeatureHit } from './feature-hit.ts';
import type { MapMode } from './mode-host.ts';

/**
 * The default mode: the pointer shows what can be opened, a click opens the topmost feature under it (or
 * closes the open one on empty map), Escape closes it.
 */
export function createBrowseMode(open: (hit: FeatureHit | null) => void): MapMode {
  return {
    id: 'browse',
    enter(context) {
      context.on('hover', (event) => context.setCursor(event.featuresHere().length > 0 ? 'pointer' : ''));
      context.on('click', (event) => open(event.featuresHere()[0] ?? null));
      context.on('keydown', (event) => {
        if (event.key === 'Escape') open(null);
      });
    },
  };
}
