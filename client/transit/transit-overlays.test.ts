import { type StyleSpecification, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { composeStyle, type Overlay, OverlayRegistry } from '../map/overlay-registry.ts';
import { LABEL_FONT_BOLD } from '../map/style/label-fonts.ts';
import type { Itinerary, LineDetails, StopDetails, TransitStop } from './mobility-api.ts';
import { buildJourneyOverlay, buildLineOverlay, buildPlaceOverlay, buildPositionOverlay, buildStopOverlay, JOURNEY_OVERLAY_ID } from './transit-overlays.ts';

/** A map style with the bundled label font, as the map's own (map/style/build-map-style.ts). */
const BASE: StyleSpecification = {
  version: 8,
  'font-faces': { [LABEL_FONT_BOLD]: [{ url: 'http://127.0.0.1/assets/font.woff2', 'unicode-range': ['U+0000-00FF'] }] },
  sources: {},
  layers: [{ id: 'basemap:sea', type: 'background' }],
};

function expectDrawable(overlay: Overlay) {
  new OverlayRegistry().set(overlay); // ids prefixed by the overlay's own
  expect(validateStyleMin(composeStyle(BASE, [overlay]))).toEqual([]);
}

const stopOf = (id: string, mode: TransitStop['mode'], position: [number, number]): TransitStop => ({ id, code: id, name: { fr: id, ar: id }, mode, position, wheelchairBoarding: 1 });
const path = (from: [number, number], to: [number, number]) => ({ type: 'LineString' as const, coordinates: [from, to] });

const moulayRachid = stopOf('T4-16', 'tram', [-7.549, 33.5462]);
const alJoulane = stopOf('BW1-03', 'brt', [-7.5468, 33.5449]);
const stop: StopDetails = {
  stop: moulayRachid,
  lines: [],
  connections: [{ stop: alJoulane, lines: ['BW1'], distanceMetres: 278, walkSeconds: 222, transferSeconds: 222, path: 'street', geometry: path(moulayRachid.position, alJoulane.position) }],
  departures: [],
  at: '2026-12-08T08:30:00+01:00',
};

describe('the transit overlays', () => {
  it('draw the open stop’s walks to its connections, each labelled with its lines and walk', () => {
    const overlay = buildStopOverlay(stop, (seconds) => `${Math.round(seconds / 60)} min`);
    expectDrawable(overlay);
    const points = overlay.sources['transit-stop:points'];
    const features = points?.type === 'geojson' && typeof points.data === 'object' && 'features' in points.data ? points.data.features : [];
    expect(features.map((feature) => feature.properties)).toEqual([{ role: 'stop', label: '' }, { role: 'connection', label: 'BW1\n4 min' }]);
  });

  it('draw an open line’s course and stops in its colour', () => {
    const line: LineDetails = {
      line: { id: 'T4', shortName: 'T4', name: { fr: 'T4', ar: 'T4' }, mode: 'tram', colour: '#6ab023', textColour: '#ffffff', agency: 'Casa Tram' },
      directions: [{ directionId: 0, headsign: null, stops: [{ ...moulayRachid, sequence: 1 }], geometry: path(moulayRachid.position, alJoulane.position) }],
    };
    const overlay = buildLineOverlay(line);
    expectDrawable(overlay);
    expect(overlay.layers.find((layer) => layer.id === 'transit-line:course')).toMatchObject({ paint: { 'line-color': '#6ab023' } });
  });

  it('draw the places of a journey before any itinerary, then its rides and walks', () => {
    expectDrawable(buildJourneyOverlay({ from: [-7.61, 33.6], to: null, itinerary: null }));
    const itinerary: Itinerary = {
      departure: '2026-12-08T08:32:00+01:00', arrival: '2026-12-08T08:53:00+01:00', durationSeconds: 1260, changes: 0, walkSeconds: 222, walkMetres: 278,
      legs: [
        { mode: 'tram', routeId: 'T4', routeShortName: 'T4', routeName: { fr: 'T4', ar: 'T4' }, colour: '#6ab023', textColour: '#ffffff', from: { position: [-7.6, 33.59] }, to: { position: moulayRachid.position }, departure: '2026-12-08T08:32:00+01:00', arrival: '2026-12-08T08:49:00+01:00', intermediateStops: [], geometry: path([-7.6, 33.59], moulayRachid.position) },
        { mode: 'walk', from: { position: moulayRachid.position }, to: { position: alJoulane.position }, departure: '2026-12-08T08:49:00+01:00', arrival: '2026-12-08T08:53:00+01:00', distanceMetres: 278, path: 'street', geometry: path(moulayRachid.position, alJoulane.position) },
      ],
    };
    const overlay = buildJourneyOverlay({ from: [-7.6, 33.59], to: alJoulane.position, itinerary });
    expectDrawable(overlay);
    const legs = overlay.sources[`${JOURNEY_OVERLAY_ID}:legs`];
    const kinds = legs?.type === 'geojson' && typeof legs.data === 'object' && 'features' in legs.data ? legs.data.features.map((feature) => feature.properties?.kind) : [];
    expect(kinds).toEqual(['ride', 'walk']);
  });

  it('draw the device’s position and a place found by the search', () => {
    expectDrawable(buildPositionOverlay([-7.62, 33.59]));
    expectDrawable(buildPlaceOverlay([-7.63, 33.59]));
  });
});
