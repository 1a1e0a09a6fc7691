import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Overlay } from '../map/overlay-registry.ts';
import { LABEL_FONT_BOLD } from '../map/style/label-fonts.ts';
import type { Itinerary, LineDetails, Position, StopDetails } from './mobility-api.ts';

/**
 * What the transit map draws over the network (overlays, kept across language changes and restyles):
 * the walks from the open stop to its connections, the open line's course, the chosen journey with its
 * walks, and the places a journey starts and ends at. Pure: data in, overlay out (unit-tested against the
 * style specification).
 */

export const STOP_OVERLAY_ID = 'transit-stop';
export const LINE_OVERLAY_ID = 'transit-line';
export const JOURNEY_OVERLAY_ID = 'transit-journey';
export const POSITION_OVERLAY_ID = 'transit-position';
export const PLACE_OVERLAY_ID = 'transit-place';

const INK = '#1b1f3b';
const HALO = '#ffffff';
const WALK_COLOUR = '#3d4b63';
const START_COLOUR = '#1f8a4c';
const END_COLOUR = '#b3202a';
const POSITION_COLOUR = '#2f6fde';

type Properties = Record<string, string | number>;

function collection(features: Feature<Geometry, Properties>[]): FeatureCollection<Geometry, Properties> {
  return { type: 'FeatureCollection', features };
}

function feature(geometry: Geometry, properties: Properties = {}): Feature<Geometry, Properties> {
  return { type: 'Feature', properties, geometry };
}

const point = (position: Position, properties: Properties = {}) => feature({ type: 'Point', coordinates: [...position] }, properties);

/** A label drawn by the overlay, in the map's bundled fonts (Latin and Arabic alike). */
const labelLayout = (size: number) => ({ 'text-font': [LABEL_FONT_BOLD], 'text-size': size, 'text-allow-overlap': false, 'text-optional': true });

/**
 * The open stop and where one can change: a dotted walk to each stop of another mode within walking
 * distance (along the streets when it can), a ring on each, labelled with its lines and the walk's length.
 */
export function buildStopOverlay(details: StopDetails, walkLabel: (seconds: number) => string): Overlay {
  const walks = details.connections.map((connection) => feature(connection.geometry, {}));
  const points = [
    point(details.stop.position, { role: 'stop', label: '' }),
    ...details.connections.map((connection) => point(connection.stop.position, { role: 'connection', label: `${connection.lines.join(' · ')}\n${walkLabel(connection.walkSeconds)}` })),
  ];
  return {
    id: STOP_OVERLAY_ID,
    placement: 'top',
    sources: {
      [`${STOP_OVERLAY_ID}:walks`]: { type: 'geojson', data: collection(walks) },
      [`${STOP_OVERLAY_ID}:points`]: { type: 'geojson', data: collection(points) },
    },
    layers: [
      { id: `${STOP_OVERLAY_ID}:walk-casing`, type: 'line', source: `${STOP_OVERLAY_ID}:walks`, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': HALO, 'line-width': 7 } },
      {
        id: `${STOP_OVERLAY_ID}:walk`,
        type: 'line',
        source: `${STOP_OVERLAY_ID}:walks`,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': WALK_COLOUR, 'line-width': 3.5, 'line-dasharray': [0.1, 1.8] },
      },
      {
        id: `${STOP_OVERLAY_ID}:rings`,
        type: 'circle',
        source: `${STOP_OVERLAY_ID}:points`,
        paint: {
          'circle-radius': ['match', ['get', 'role'], 'stop', 13, 9],
          'circle-color': 'rgba(255,255,255,0)',
          'circle-stroke-color': ['match', ['get', 'role'], 'stop', INK, WALK_COLOUR],
          'circle-stroke-width': ['match', ['get', 'role'], 'stop', 4, 3],
        },
      },
      {
        id: `${STOP_OVERLAY_ID}:labels`,
        type: 'symbol',
        source: `${STOP_OVERLAY_ID}:points`,
        filter: ['==', ['get', 'role'], 'connection'],
        layout: { ...labelLayout(12), 'text-field': ['get', 'label'], 'text-anchor': 'bottom', 'text-offset': [0, -1.1] },
        paint: { 'text-color': INK, 'text-halo-color': HALO, 'text-halo-width': 2 },
      },
    ],
  };
}

/** The open line: its course in each direction, in its colour and wider, with its stops. */
export function buildLineOverlay(details: LineDetails): Overlay {
  const colour = details.line.colour;
  const courses = details.directions.map((direction) => feature(direction.geometry));
  const stops = details.directions.flatMap((direction) => direction.stops.map((stop) => point(stop.position)));
  return {
    id: LINE_OVERLAY_ID,
    sources: {
      [`${LINE_OVERLAY_ID}:course`]: { type: 'geojson', data: collection(courses) },
      [`${LINE_OVERLAY_ID}:stops`]: { type: 'geojson', data: collection(stops) },
    },
    layers: [
      { id: `${LINE_OVERLAY_ID}:glow`, type: 'line', source: `${LINE_OVERLAY_ID}:course`, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': colour, 'line-width': 16, 'line-opacity': 0.25 } },
      { id: `${LINE_OVERLAY_ID}:course`, type: 'line', source: `${LINE_OVERLAY_ID}:course`, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': colour, 'line-width': 6 } },
      {
        id: `${LINE_OVERLAY_ID}:stops`,
        type: 'circle',
        source: `${LINE_OVERLAY_ID}:stops`,
        paint: { 'circle-radius': 5, 'circle-color': HALO, 'circle-stroke-color': colour, 'circle-stroke-width': 3 },
      },
    ],
  };
}

/** Where a journey starts and ends, and the itinerary chosen among the answers (none yet: the places only). */
export interface JourneyDrawing {
  from: Position | null;
  to: Position | null;
  itinerary: Itinerary | null;
}

/**
 * The chosen journey: each ride in its line's colour (labelled with the line), each walk dotted, a dot where
 * one gets on or off, and the start (green) and end (red) places.
 */
export function buildJourneyOverlay({ from, to, itinerary }: JourneyDrawing): Overlay {
  const legs = (itinerary?.legs ?? []).map((leg) =>
    leg.mode === 'walk' ? feature(leg.geometry, { kind: 'walk' }) : feature(leg.geometry, { kind: 'ride', colour: leg.colour, textColour: leg.textColour, line: leg.routeShortName }),
  );
  const stops = (itinerary?.legs ?? []).flatMap((leg) => (leg.mode === 'walk' ? [] : [point(leg.from.position, { role: 'stop' }), point(leg.to.position, { role: 'stop' })]));
  const ends = [...(from ? [point(from, { role: 'from' })] : []), ...(to ? [point(to, { role: 'to' })] : [])];
  const legsSource = `${JOURNEY_OVERLAY_ID}:legs`;
  const pointsSource = `${JOURNEY_OVERLAY_ID}:points`;
  const isRide: ExpressionSpecification = ['==', ['get', 'kind'], 'ride'];
  return {
    id: JOURNEY_OVERLAY_ID,
    placement: 'top',
    sources: {
      [legsSource]: { type: 'geojson', data: collection(legs) },
      [pointsSource]: { type: 'geojson', data: collection([...stops, ...ends]) },
    },
    layers: [
      { id: `${JOURNEY_OVERLAY_ID}:casing`, type: 'line', source: legsSource, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': HALO, 'line-width': ['case', isRide, 11, 7] } },
      { id: `${JOURNEY_OVERLAY_ID}:ride`, type: 'line', source: legsSource, filter: isRide, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': ['to-color', ['get', 'colour'], INK], 'line-width': 7 } },
      {
        id: `${JOURNEY_OVERLAY_ID}:walk`,
        type: 'line',
        source: legsSource,
        filter: ['==', ['get', 'kind'], 'walk'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': WALK_COLOUR, 'line-width': 4, 'line-dasharray': [0.1, 1.8] },
      },
      {
        id: `${JOURNEY_OVERLAY_ID}:line-names`,
        type: 'symbol',
        source: legsSource,
        filter: isRide,
        layout: { ...labelLayout(12), 'symbol-placement': 'line-center', 'text-field': ['get', 'line'], 'text-font': [LABEL_FONT_BOLD] },
        paint: { 'text-color': ['to-color', ['get', 'textColour'], HALO], 'text-halo-color': ['to-color', ['get', 'colour'], INK], 'text-halo-width': 3 },
      },
      {
        id: `${JOURNEY_OVERLAY_ID}:stops`,
        type: 'circle',
        source: pointsSource,
        filter: ['==', ['get', 'role'], 'stop'],
        paint: { 'circle-radius': 5, 'circle-color': HALO, 'circle-stroke-color': INK, 'circle-stroke-width': 2.5 },
      },
      {
        id: `${JOURNEY_OVERLAY_ID}:ends`,
        type: 'circle',
        source: pointsSource,
        filter: ['match', ['get', 'role'], ['from', 'to'], true, false],
        paint: {
          'circle-radius': 9,
          'circle-color': ['match', ['get', 'role'], 'from', START_COLOUR, END_COLOUR],
          'circle-stroke-color': HALO,
          'circle-stroke-width': 3,
        },
      },
    ],
  };
}

/** The device's position, when the rider asked for it ("locate me"): never sent anywhere by this overlay. */
export function buildPositionOverlay(position: Position): Overlay {
  const source = `${POSITION_OVERLAY_ID}:here`;
  return {
    id: POSITION_OVERLAY_ID,
    placement: 'top',
    sources: { [source]: { type: 'geojson', data: collection([point(position)]) } },
    layers: [
      { id: `${POSITION_OVERLAY_ID}:halo`, type: 'circle', source, paint: { 'circle-radius': 18, 'circle-color': POSITION_COLOUR, 'circle-opacity': 0.18 } },
      { id: `${POSITION_OVERLAY_ID}:dot`, type: 'circle', source, paint: { 'circle-radius': 7, 'circle-color': POSITION_COLOUR, 'circle-stroke-color': HALO, 'circle-stroke-width': 3 } },
    ],
  };
}

/** A place found by the search (a street, an area, a named place): a mark where it is. */
export function buildPlaceOverlay(position: Position): Overlay {
  const source = `${PLACE_OVERLAY_ID}:mark`;
  return {
    id: PLACE_OVERLAY_ID,
    placement: 'top',
    sources: { [source]: { type: 'geojson', data: collection([point(position)]) } },
    layers: [{ id: `${PLACE_OVERLAY_ID}:mark`, type: 'circle', source, paint: { 'circle-radius': 9, 'circle-color': INK, 'circle-stroke-color': HALO, 'circle-stroke-width': 3 } }],
  };
}
