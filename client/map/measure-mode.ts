import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import { pathLengthMetres } from './geodesy.ts';
import type { MapMode } from './mode-host.ts';
import type { OverlayRegistry } from './overlay-registry.ts';

export { pathLengthMetres };

const OVERLAY_ID = 'measure';
const SOURCE_ID = 'measure:path';

function pathFeatures(points: readonly Position[], pointer: Position | null): FeatureCollection<LineString | Point> {
  const line = pointer && points.length > 0 ? [...points, pointer] : points;
  const features: Feature<LineString | Point>[] = points.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [...coordinates] } }));
  if (line.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: line.map((position) => [...position]) } });
  return { type: 'FeatureCollection', features };
}

/**
 * Measuring a distance: each click adds a point of a path drawn on the map (an overlay, kept through
 * restyles), the pointer shows the next segment, Backspace removes the last point, Escape ends the mode.
 * `onChange` receives the measured length in metres (0 without a segment).
 */
export function createMeasureMode(overlays: OverlayRegistry, onChange: (metres: number) => void): MapMode {
  const points: Position[] = [];
  const redraw = (pointer: Position | null) => {
    overlays.setData(OVERLAY_ID, SOURCE_ID, pathFeatures(points, pointer));
    onChange(pathLengthMetres(points));
  };
  return {
    id: 'measure',
    enter(context) {
      points.length = 0;
      overlays.set({
        id: OVERLAY_ID,
        placement: 'top',
        sources: { [SOURCE_ID]: { type: 'geojson', data: pathFeatures([], null) } },
        layers: [
          { id: 'measure:line', type: 'line', source: SOURCE_ID, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#1b1f3b', 'line-width': 3, 'line-dasharray': [2, 1] } },
          { id: 'measure:points', type: 'circle', source: SOURCE_ID, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': '#1b1f3b', 'circle-stroke-width': 2 } },
        ],
      });
      onChange(0);
      context.setCursor('crosshair');
      context.on('click', (event) => {
        points.push([event.lngLat.lng, event.lngLat.lat]);
        redraw(null);
      });
      context.on('hover', (event) => {
        if (points.length > 0) redraw([event.lngLat.lng, event.lngLat.lat]);
      });
      context.on('keydown', (event) => {
        if (event.key === 'Escape') context.exit();
        if (event.key === 'Backspace' && points.length > 0) {
          points.pop();
          redraw(null);
        }
      });
    },
    exit() {
      overlays.remove(OVERLAY_ID);
      onChange(0);
    },
  };
}
