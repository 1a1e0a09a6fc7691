import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it, vi } from 'vitest';
import { PUBLIC_PRINCIPAL } from '../../server/auth/principal.ts';
import { buildLayerCatalog } from '../../server/routes/layer-catalog.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { composeStyle, keepLiveLayers, type Overlay, OverlayRegistry } from './overlay-registry.ts';
import { defaultVisibleLayerIds } from '../state/reconcile-visible-layers.ts';
import { buildMapStyle } from './style/build-map-style.ts';

const catalog = buildLayerCatalog(new LayerRegistry(), PUBLIC_PRINCIPAL);

function catalogStyle(language: 'fr' | 'ar' | 'en', visibleLayerIds = defaultVisibleLayerIds(catalog)) {
  return buildMapStyle(catalog, { origin: 'http://127.0.0.1:1', language, visibleLayerIds, fontFaces: {}, landUrl: 'http://127.0.0.1:1/land.geojson' });
}

const journey: Overlay = {
  id: 'journey',
  sources: { 'journey:legs': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
  layers: [{ id: 'journey:line', type: 'line', source: 'journey:legs', paint: { 'line-color': '#0b7285', 'line-width': 5 } }],
};
const measurement: Overlay = {
  id: 'measure',
  placement: 'top',
  sources: { 'measure:path': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
  layers: [{ id: 'measure:label', type: 'symbol', source: 'measure:path', layout: { 'text-field': ['get', 'length'] } }],
};

describe('OverlayRegistry', () => {
  it('keeps overlays in the style through a language change and a layer switch', () => {
    const overlays = new OverlayRegistry();
    overlays.set(journey);
    overlays.set(measurement);
    const styles = [
      composeStyle(catalogStyle('fr'), overlays.list()),
      composeStyle(catalogStyle('ar'), overlays.list()),
      composeStyle(catalogStyle('en', new Set(['admin_areas'])), overlays.list()),
    ];
    for (const style of styles) {
      expect(validateStyleMin(style)).toEqual([]);
      expect(style.sources['journey:legs']).toEqual(journey.sources['journey:legs']);
      const ids = style.layers.map((layer) => layer.id);
      // Below the catalog's labels, above its geometry; the 'top' overlay last.
      const firstCatalogLabel = style.layers.findIndex((layer) => layer.type === 'symbol' && !layer.id.startsWith('measure:'));
      expect(ids.indexOf('journey:line')).toBe(firstCatalogLabel - 1);
      expect(ids.at(-1)).toBe('measure:label');
    }
  });

  it('keeps new data for the next restyle and tells the map which source changed', () => {
    const overlays = new OverlayRegistry();
    overlays.set(journey);
    const listener = vi.fn();
    overlays.subscribe(listener);
    const data = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: [[-7.62, 33.59], [-7.6, 33.6]] } }] };
    overlays.setData('journey', 'journey:legs', data);
    expect(listener).toHaveBeenCalledWith({ kind: 'data', sourceId: 'journey:legs', data });
    expect(composeStyle(catalogStyle('fr'), overlays.list()).sources['journey:legs']).toEqual({ type: 'geojson', data });
  });

  it('tells the map to rebuild the style when an overlay comes or goes', () => {
    const overlays = new OverlayRegistry();
    const listener = vi.fn();
    overlays.subscribe(listener);
    overlays.set(journey);
    overlays.remove('journey');
    overlays.remove('journey');
    expect(listener.mock.calls).toEqual([[{ kind: 'structure' }], [{ kind: 'structure' }]]);
    expect(composeStyle(catalogStyle('fr'), overlays.list())).toEqual(catalogStyle('fr'));
  });

  it('refuses an overlay whose ids could clash with the catalog style or another overlay', () => {
    const overlays = new OverlayRegistry();
    expect(() => overlays.set({ ...journey, layers: [{ id: 'road_segments:line', type: 'line', source: 'journey:legs' }] })).toThrow(/must start with "journey:"/);
    expect(() => overlays.set({ ...journey, sources: { admin_areas: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } } })).toThrow(/admin_areas/);
    expect(() => overlays.setData('journey', 'journey:legs', { type: 'FeatureCollection', features: [] })).toThrow(/no GeoJSON source/);
  });
});

describe('keepLiveLayers', () => {
  it('carries a library’s own sources and layers into the next style, on top, and nothing else', () => {
    const drawing = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
    const current = {
      ...catalogStyle('fr'),
      sources: { ...catalogStyle('fr').sources, 'line-editor-linestring': drawing, stray: drawing },
      layers: [...catalogStyle('fr').layers, { id: 'line-editor-linestring', type: 'line' as const, source: 'line-editor-linestring' }, { id: 'stray', type: 'line' as const, source: 'stray' }],
    };
    const next = keepLiveLayers(catalogStyle('ar'), current, 'line-editor');
    expect(next.layers.at(-1)?.id).toBe('line-editor-linestring');
    expect(next.sources['line-editor-linestring']).toBe(drawing);
    expect(next.sources.stray).toBeUndefined();
    expect(next.layers.some((layer) => layer.id === 'stray')).toBe(false);
    expect(validateStyleMin(next)).toEqual([]);
    expect(keepLiveLayers(catalogStyle('ar'), catalogStyle('fr'), 'line-editor')).toEqual(catalogStyle('ar'));
  });
});
