import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { PUBLIC_PRINCIPAL } from '../../../server/auth/principal.ts';
import { buildLayerCatalog } from '../../../server/routes/layer-catalog.ts';
import { LayerRegistry } from '../../../server/layers/registry.ts';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerCatalog, LayerCatalogEntry } from '../../api/layer-catalog.ts';
import { defaultVisibleLayerIds } from '../../state/reconcile-visible-layers.ts';
import { BASEMAP_SOURCE_ID } from './basemap-layers.ts';
import { buildMapStyle, MAX_TILE_ZOOM, tileUrlForView } from './build-map-style.ts';
import { buildLabelFontFaces, LABEL_FONT } from './label-fonts.ts';
import { ARCHIVE_SOURCE_ID } from './tile-sources.ts';

// The real catalog the server gives the public, so the test follows the registry as it changes.
const catalog: LayerCatalog = buildLayerCatalog(new LayerRegistry(), PUBLIC_PRINCIPAL);
const ORIGIN = 'http://127.0.0.1:4321';
const LAND_URL = `${ORIGIN}/assets/casablanca-land.geojson`;
const fontFaces = buildLabelFontFaces(
  {
    regular: { latin: '/assets/latin-400.woff2', latinExtended: '/assets/latin-ext-400.woff2', arabic: '/assets/arabic-400.woff2' },
    semiBold: { latin: '/assets/latin-600.woff2', latinExtended: '/assets/latin-ext-600.woff2', arabic: '/assets/arabic-600.woff2' },
  },
  ORIGIN,
);

function styleFor(language: 'fr' | 'ar' | 'en', visibleLayerIds = defaultVisibleLayerIds(catalog)) {
  return buildMapStyle(catalog, { origin: ORIGIN, language, visibleLayerIds, fontFaces, landUrl: LAND_URL });
}

function layerById(layers: LayerSpecification[], id: string): LayerSpecification {
  const layer = layers.find((candidate) => candidate.id === id);
  if (!layer) throw new Error(`no style layer ${id}; have ${layers.map((candidate) => candidate.id).join(', ')}`);
  return layer;
}

function catalogLayer(id: string): LayerCatalogEntry {
  const layer = catalog.layers.find((candidate) => candidate.id === id);
  if (!layer) throw new Error(`the public catalog has no layer ${id}`);
  return layer;
}

describe('buildMapStyle', () => {
  it('is a valid MapLibre style in every language', () => {
    for (const language of ['fr', 'ar', 'en'] as const) {
      expect(validateStyleMin(styleFor(language))).toEqual([]);
    }
  });

  it('has the land of the basemap, and one vector source per catalog layer with absolute same-origin tile URLs', () => {
    const style = styleFor('fr');
    expect(Object.keys(style.sources).sort()).toEqual([BASEMAP_SOURCE_ID, ...catalog.layers.map((layer) => layer.id)].sort());
    expect(style.sources[BASEMAP_SOURCE_ID]).toMatchObject({ type: 'geojson', data: LAND_URL });
    for (const layer of catalog.layers) {
      const source = style.sources[layer.id];
      expect(source).toMatchObject({ type: 'vector', tiles: [`${ORIGIN}/tiles/${layer.id}/{z}/{x}/{y}.mvt`], minzoom: layer.minzoom });
      expect(source?.type === 'vector' && source.maxzoom).toBe(Math.max(layer.minzoom, Math.min(layer.maxzoom, MAX_TILE_ZOOM)));
    }
  });

  it('gives the tiles of each signed-in (or signed-out) period their own URLs, same layers otherwise', () => {
    const initial = styleFor('fr');
    const afterSignIn = buildMapStyle(catalog, { origin: ORIGIN, language: 'fr', visibleLayerIds: defaultVisibleLayerIds(catalog), fontFaces, landUrl: LAND_URL, viewKey: '3' });
    for (const layer of catalog.layers) {
      expect(afterSignIn.sources[layer.id]).toMatchObject({ tiles: [`${ORIGIN}/tiles/${layer.id}/{z}/{x}/{y}.mvt?view=3`] });
    }
    expect(afterSignIn.layers).toEqual(initial.layers);
    expect(tileUrlForView('/t/{z}/{x}/{y}.mvt?f=mvt', 'a b')).toBe('/t/{z}/{x}/{y}.mvt?f=mvt&view=a%20b');
    expect(tileUrlForView('/t/{z}/{x}/{y}.mvt', undefined)).toBe('/t/{z}/{x}/{y}.mvt');
  });

  it('loads nothing from another origin: no glyphs URL, no sprite, fonts on the app origin', () => {
    const style = styleFor('ar');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const urls = Object.values(style['font-faces'] ?? {}).flatMap((faces) =>
      typeof faces === 'string' ? [faces] : faces.map((face) => face.url),
    );
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`${ORIGIN}/assets/`)).toBe(true);
  });

  it('draws the sea, then the land and the railways, then every geometry layer, and the labels on top', () => {
    const layers = styleFor('fr').layers;
    expect(layers.slice(0, 4).map((layer) => [layer.id, layer.type])).toEqual([
      ['basemap:sea', 'background'],
      ['basemap:land', 'fill'],
      ['basemap:coast', 'line'],
      ['basemap:railways', 'line'],
    ]);
    const firstLabel = layers.findIndex((layer) => layer.type === 'symbol');
    expect(firstLabel).toBeGreaterThan(4);
    expect(layers.slice(firstLabel).every((layer) => layer.type === 'symbol')).toBe(true);
    for (const layer of layers.slice(4)) {
      expect(layer.metadata).toMatchObject({ 'casa-sig:layer': expect.any(String), 'casa-sig:part': expect.any(String) });
      const owner = catalogLayer((layer.metadata as Record<string, string>)['casa-sig:layer']!);
      const isAreaLabel = layer.type === 'symbol' && owner.labelPointsLayer !== null;
      expect('source-layer' in layer && layer['source-layer']).toBe(isAreaLabel ? owner.labelPointsLayer : owner.id);
    }
  });

  it('colours enum values with a match expression built from colorByValue', () => {
    const roads = catalogLayer('road_segments');
    const line = layerById(styleFor('fr').layers, 'road_segments:line');
    const expected = ['match', ['to-string', ['get', roads.style.colorProperty]]];
    for (const [value, color] of Object.entries(roads.style.colorByValue ?? {})) expected.push(value, color);
    expected.push(roads.style.color);
    expect(line.type === 'line' && line.paint?.['line-color']).toEqual(expected);
  });

  it('colours transit lines with the colour their feature carries', () => {
    const routes = catalogLayer('transit_routes');
    const line = layerById(styleFor('fr').layers, 'transit_routes:line');
    expect(line.type === 'line' && line.paint?.['line-color']).toEqual(['to-color', ['get', 'colour'], routes.style.color]);
  });

  it('labels follow the language: Arabic names first in Arabic, French names first otherwise', () => {
    const roads = catalogLayer('road_segments');
    const names = roads.nameProperties;
    if (!names) throw new Error('road_segments has no name properties');
    const textField = (language: 'fr' | 'ar' | 'en') => {
      const label = layerById(styleFor(language).layers, 'road_segments:label');
      return label.type === 'symbol' ? label.layout?.['text-field'] : undefined;
    };
    expect(textField('ar')).toEqual(['coalesce', ['get', names.ar], ['get', names.fr], '']);
    expect(textField('fr')).toEqual(['coalesce', ['get', names.fr], ['get', names.ar], '']);
    expect(textField('en')).toEqual(textField('fr'));
  });

  it('places road labels along the line, stop labels under the dot, area labels in bold', () => {
    const layers = styleFor('fr').layers;
    const roadLabel = layerById(layers, 'road_segments:label');
    const stopLabel = layerById(layers, 'transit_stops:label');
    const areaLabel = layerById(layers, 'admin_areas:label');
    expect(roadLabel.type === 'symbol' && roadLabel.layout?.['symbol-placement']).toBe('line');
    expect(stopLabel.type === 'symbol' && stopLabel.layout).toMatchObject({ 'text-anchor': 'top', 'text-font': [LABEL_FONT] });
    expect(areaLabel.type === 'symbol' && areaLabel.layout?.['text-font']).toEqual(['Noto Sans SemiBold']);
  });

  it('labels only the layers the registry marks as labelled', () => {
    const labelled = new Set(styleFor('fr').layers.filter((layer) => layer.type === 'symbol').map((layer) => (layer.metadata as Record<string, string>)['casa-sig:layer']));
    const expected = catalog.layers.filter((layer) => layer.style.isLabelled && layer.nameProperties).map((layer) => layer.id);
    expect([...labelled]).toEqual(expected);
  });

  it('labels each area once, from the label points of its tiles', () => {
    const areas = catalogLayer('admin_areas');
    expect(areas.labelPointsLayer).toBe('admin_areas:labels');
    const labels = styleFor('fr').layers.filter((layer) => layer.id.startsWith('admin_areas:label'));
    for (const label of labels) expect('source-layer' in label && label['source-layer']).toBe('admin_areas:labels');
  });

  it('names the préfectures zoomed out and their arrondissements zoomed in, never both at one zoom', () => {
    const labels = styleFor('fr').layers.filter((layer) => layer.id.startsWith('admin_areas:label'));
    const byLevel = (level: string) =>
      labels.filter((layer) => {
        const filter = 'filter' in layer ? JSON.stringify(layer.filter) : '';
        return filter.includes(`"${level}"`) && filter.includes('true,false');
      });
    const [prefectures] = byLevel('prefecture');
    const [arrondissements] = byLevel('arrondissement');
    expect(prefectures?.maxzoom).toBe(11);
    expect(arrondissements?.minzoom).toBe(11);
    expect(byLevel('commune')[0]?.minzoom).toBe(11);
  });

  it('draws no layer whose features sit on another layer’s (inspections on their establishment)', () => {
    const staff = buildLayerCatalog(new LayerRegistry(), { kind: 'user', role: 'inspector', userId: 1, username: 'i', sessionId: 1, areaIds: [] });
    expect(staff.layers.find((layer) => layer.id === 'inspections')?.derivedFrom).toBe('establishments');
    const style = buildMapStyle(staff, { origin: ORIGIN, language: 'fr', visibleLayerIds: new Set(staff.layers.map((layer) => layer.id)), fontFaces, landUrl: LAND_URL });
    expect(Object.keys(style.sources)).not.toContain('inspections');
    expect(style.layers.filter((layer) => (layer.metadata as Record<string, string> | undefined)?.['casa-sig:layer'] === 'inspections')).toEqual([]);
    expect(Object.keys(style.sources)).toContain('establishments');
  });

  it('draws permit footprints as areas and permit points as circles', () => {
    const permitLayers = styleFor('fr').layers.filter((layer) => layer.id.startsWith('permits:'));
    expect(permitLayers.map((layer) => layer.type)).toEqual(['fill', 'line', 'circle']);
    expect('filter' in permitLayers[2]! && permitLayers[2].filter).toEqual(['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false]);
  });

  it('hides every style layer of a layer the user switched off, and only those', () => {
    const visible = defaultVisibleLayerIds(catalog);
    visible.delete('road_segments');
    const layers = styleFor('fr', visible).layers.filter((layer) => !layer.id.startsWith('basemap:'));
    for (const layer of layers) {
      const owner = (layer.metadata as Record<string, string>)['casa-sig:layer'];
      expect(layer.layout?.visibility).toBe(owner === 'road_segments' ? 'none' : 'visible');
    }
  });

  it('draws the layers the public archive holds from it, through the pmtiles protocol on the app’s origin', () => {
    const archived = catalog.layers.filter((layer) => layer.id !== 'permits').map((layer) => layer.id);
    const archive = { url: '/archives/casa-sig-public-0123456789abcdef.pmtiles', minZoom: 0, maxZoom: 15, layers: archived };
    const style = buildMapStyle(catalog, { origin: ORIGIN, language: 'fr', visibleLayerIds: defaultVisibleLayerIds(catalog), fontFaces, landUrl: LAND_URL, archive });
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources[ARCHIVE_SOURCE_ID]).toMatchObject({
      type: 'vector',
      tiles: [`pmtiles://${ORIGIN}/archives/casa-sig-public-0123456789abcdef.pmtiles/{z}/{x}/{y}`],
      minzoom: 0,
      maxzoom: 15,
    });
    // Only the layer the archive lacks keeps a live source; every other style layer reads the archive.
    expect(Object.keys(style.sources).sort()).toEqual([ARCHIVE_SOURCE_ID, BASEMAP_SOURCE_ID, 'permits'].sort());
    for (const layer of style.layers.filter((candidate) => 'source' in candidate && candidate.source !== BASEMAP_SOURCE_ID)) {
      const owner = (layer.metadata as Record<string, string>)['casa-sig:layer'];
      expect('source' in layer && layer.source, layer.id).toBe(owner === 'permits' ? 'permits' : ARCHIVE_SOURCE_ID);
    }
    // The same style layers as with live tiles: ids, order, paint and labels.
    const live = styleFor('fr');
    expect(style.layers.map((layer) => layer.id)).toEqual(live.layers.map((layer) => layer.id));
  });
});
