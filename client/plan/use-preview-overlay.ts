import type { Feature, LineString } from 'geojson';
import { useEffect } from 'react';
import { useMapController } from '../map/map-context.tsx';

const OVERLAY_ID = 'plan-preview';
const SOURCE_ID = 'plan-preview:lines';

/** A line shown for comparison: a past version, or the planner's and the server's versions in a conflict. */
export interface PreviewLine {
  role: 'previous' | 'mine' | 'theirs';
  geometry: LineString;
}

/**
 * Draws lines to compare over the map while a panel shows them (a version of the history, both sides of a
 * conflict), above everything, and takes them away when the panel closes.
 */
export function usePreviewOverlay(lines: readonly PreviewLine[] | null): void {
  const controller = useMapController();
  const key = lines ? JSON.stringify(lines) : null;
  useEffect(() => {
    if (!key) return undefined;
    const features: Feature<LineString>[] = (JSON.parse(key) as PreviewLine[]).map((line) => ({ type: 'Feature', properties: { role: line.role }, geometry: line.geometry }));
    controller.overlays.set({
      id: OVERLAY_ID,
      placement: 'top',
      sources: { [SOURCE_ID]: { type: 'geojson', data: { type: 'FeatureCollection', features } } },
      layers: [
        {
          id: `${OVERLAY_ID}:line`,
          type: 'line',
          source: SOURCE_ID,
          layout: { 'line-cap': 'round' },
          paint: {
            'line-color': ['match', ['get', 'role'], 'mine', '#0b57d0', 'theirs', '#c5221f', '#8e24aa'],
            'line-width': 4,
            'line-dasharray': ['match', ['get', 'role'], 'mine', ['literal', [1, 0]], ['literal', [2, 1.5]]],
          },
        },
      ],
    });
    return () => controller.overlays.remove(OVERLAY_ID);
  }, [controller, key]);
}
