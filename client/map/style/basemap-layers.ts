import type { FilterSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';

/**
 * The base of every map: the sea as the background, the land drawn over it and the railways over the land,
 * from data/basemap/casablanca-land.geojson (OpenStreetMap-derived, built by `npm run basemap:build`), so
 * the coast reads as a coast. Shipped with the app: nothing is fetched from another origin.
 */

export const SEA_COLOR = '#c6dde9';
export const LAND_COLOR = '#f2efe6';
const COAST_COLOR = '#9fb9c7';
const RAIL_COLOR = '#8d8a84';
const IS_LAND: FilterSpecification = ['==', ['get', 'kind'], 'land'];
const IS_RAILWAY: FilterSpecification = ['==', ['get', 'kind'], 'railway'];
export const BASEMAP_SOURCE_ID = 'basemap:land';

export function buildBasemapSources(landUrl: string): Record<string, SourceSpecification> {
  return { [BASEMAP_SOURCE_ID]: { type: 'geojson', data: landUrl, attribution: '' } };
}

export function buildBasemapLayers(): LayerSpecification[] {
  return [
    { id: 'basemap:sea', type: 'background', paint: { 'background-color': SEA_COLOR } },
    { id: 'basemap:land', type: 'fill', source: BASEMAP_SOURCE_ID, filter: IS_LAND, paint: { 'fill-color': LAND_COLOR, 'fill-antialias': true } },
    {
      id: 'basemap:coast',
      type: 'line',
      source: BASEMAP_SOURCE_ID,
      filter: IS_LAND,
      paint: { 'line-color': COAST_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 15, 1.6] },
    },
    {
      id: 'basemap:railways',
      type: 'line',
      source: BASEMAP_SOURCE_ID,
      filter: IS_RAILWAY,
      paint: { 'line-color': RAIL_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.8, 16, 2.5], 'line-dasharray': [3, 2] },
    },
  ];
}
