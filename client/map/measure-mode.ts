import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import type { MapMode } from './mode-host.ts';
import type { OverlayRegistry } from './overlay-registry.ts';

/** The mean Earth radius (metres) of the haversine distance: within 0.3% of the ellipsoid at Casablanca. */
const EARTH_RADIUS_METRES = 6_371_008.8;
const OVERLAY_ID = 'measure';
const SOURCE_ID = 'measure:path';

/** The length of a path of [longitude, latitude] positions along the Earth's surface, in metres. */
export function pathLengthMetres(path: readonly Position[]): number {
  let total = 0;
  for (let index = 1; index < path.length; index += 1) {
    const [lon1 = 0, lat1 = 0] = path[index - 1]!;
    const [lon2 = 0, lat2 = 0] = path[index]!;
    const φ1 = (lat1 * Math.PI) / 180;
    const φ2 = (lat2 * Math.PI) / 180;
    const Δφ = φ2 - φ1;
    const Δλ = ((lon2 - lon1) * Math.PI) / 180;
    const a = Math.sin(Δφ / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin(Δλ / 2) ** 2;
    total += 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
  }
  return total;
}

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
