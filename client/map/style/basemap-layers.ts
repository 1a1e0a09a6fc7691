import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';

/**
 * The base of every map: the sea as the background and the land drawn over it, from
 * data/basemap/casablanca-land.geojson (OpenStreetMap-derived, built by `npm run basemap:build`), so the
 * coast reads as a coast. Shipped with the app: nothing is fetched from another origin.
 */

export const SEA_COLOR = '#c6dde9';
export const LAND_COLOR = '#f2efe6';
const COAST_COLOR = '#9fb9c7';
export const BASEMAP_SOURCE_ID = 'basemap:land';

export function buildBasemapSources(landUrl: string): Record<string, SourceSpecification> {
  return { [BASEMAP_SOURCE_ID]: { type: 'geojson', data: landUrl, attribution: '' } };
}

export function buildBasemapLayers(): LayerSpecification[] {
  return [
    { id: 'basemap:sea', type: 'background', paint: { 'background-color': SEA_COLOR } },
    { id: 'basemap:land', type: 'fill', source: BASEMAP_SOURCE_ID, paint: { 'fill-color': LAND_COLOR, 'fill-antialias': true } },
    {
      id: 'basemap:coast',
      type: 'line',
      source: BASEMAP_SOURCE_ID,
      paint: { 'line-color': COAST_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 15, 1.6] },
    },
  ];
}
