import type { FontFacesSpecification, SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Language } from '../../i18n/language.ts';
import { toAbsoluteUrl } from './absolute-url.ts';
import type { LayerCatalog, LayerCatalogEntry } from '../../api/layer-catalog.ts';
import type { PublicArchive } from '../../api/public-archive.ts';
import { buildBasemapLayers, buildBasemapSources } from './basemap-layers.ts';
import { buildGeometryLayers, buildLabelLayers } from './layer-style-layers.ts';
import { ARCHIVE_SOURCE_ID, buildArchiveSource, placeInPart, planLayerTiles } from './tile-sources.ts';

/**
 * The whole MapLibre style, as a pure function of the catalog and the view options. The controller
 * rebuilds it when the language or the visible layers change and lets MapLibre diff it, so the style is
 * never patched by hand in two places.
 */

/**
 * Tiles are fetched up to this zoom and overzoomed beyond: at zoom 16 a tile is about 510 m wide at
 * Casablanca's latitude, so one MVT unit (extent 4096) is about 12 cm, finer than anything the map draws.
 */
export const MAX_TILE_ZOOM = 16;

export interface MapStyleOptions {
  /** Origin the relative tile URLs of the catalog are resolved against (MapLibre's workers need absolute URLs). */
  origin: string;
  language: Language;
  /** Catalog layers drawn; the style layers of the others get `visibility: none`. */
  visibleLayerIds: ReadonlySet<string>;
  fontFaces: FontFacesSpecification;
  /** Absolute URL of the land GeoJSON (data/basemap), drawn over the sea-coloured background. */
  landUrl: string;
  /**
   * Set after someone signs in or out: written as `?view=<key>` on every tile URL, so the tiles of the new
   * caller never share a URL with the previous caller's. MapLibre's worker keeps the overzoomed slices of
   * a tile (beyond the source's maxzoom) by URL for the life of the map, whatever the answer's content.
   */
  viewKey?: string | undefined;
  /**
   * The public tile archive to draw the layers it holds from (map/style/tile-sources.ts); null or absent:
   * every layer from live tiles (staff, or no archive published).
   */
  archive?: PublicArchive | null | undefined;
}

/** The tile URL template for a view (see MapStyleOptions.viewKey); the server ignores the parameter. */
export function tileUrlForView(template: string, viewKey: string | undefined): string {
  if (viewKey === undefined) return template;
  return `${template}${template.includes('?') ? '&' : '?'}view=${encodeURIComponent(viewKey)}`;
}

function buildSource(entry: LayerCatalogEntry, catalog: LayerCatalog, options: MapStyleOptions): SourceSpecification {
  const [west = -180, south = -85, east = 180, north = 85] = catalog.bounds;
  return {
    type: 'vector',
    tiles: [tileUrlForView(toAbsoluteUrl(entry.tiles, options.origin), options.viewKey)],
    minzoom: entry.minzoom,
    maxzoom: Math.max(entry.minzoom, Math.min(entry.maxzoom, MAX_TILE_ZOOM)),
    bounds: [west, south, east, north],
  };
}

/**
 * The basemap (sea and land), one vector source per drawn catalog layer drawn from live tiles (named by its
 * id as the MVT layer is) and one for the public archive when it holds layers, geometry layers in catalog
 * drawing order, then every label layer above all geometry in the same order (so MapLibre places the labels
 * of the upper layers first when labels collide).
 */
export function buildMapStyle(catalog: LayerCatalog, options: MapStyleOptions): StyleSpecification {
  const archive = options.archive ?? null;
  // A layer whose features sit exactly on another's (inspections on their establishment) would stack its
  // points where only the topmost can be clicked: it is not drawn, its features are reached from the other's.
  const plans = catalog.layers.filter((entry) => entry.derivedFrom === null).map((entry) => ({ entry, parts: planLayerTiles(entry, archive) }));
  const liveSources = plans.filter(({ parts }) => parts.some((part) => part.source === 'live')).map(({ entry }) => [entry.id, buildSource(entry, catalog, options)]);
  const isArchiveUsed = plans.some(({ parts }) => parts.some((part) => part.source === 'archive'));
  const sources = {
    ...buildBasemapSources(options.landUrl),
    ...(archive && isArchiveUsed ? { [ARCHIVE_SOURCE_ID]: buildArchiveSource(archive, catalog, options.origin) } : {}),
    ...Object.fromEntries(liveSources),
  };
  const layerOptions = (entry: LayerCatalogEntry) => ({ language: options.language, isVisible: options.visibleLayerIds.has(entry.id) });
  // Each layer's style layers once per part (archive or live zooms), in catalog order.
  const drawn = (build: typeof buildGeometryLayers) =>
    plans.flatMap(({ entry, parts }) => parts.flatMap((part) => build(entry, layerOptions(entry)).flatMap((layer) => placeInPart(layer, part) ?? [])));
  // No center/zoom here: the view belongs to the map, and a restyle must never move it.
  return {
    version: 8,
    name: 'casa-sig',
    'font-faces': options.fontFaces,
    sources,
    layers: [...buildBasemapLayers(), ...drawn(buildGeometryLayers), ...drawn(buildLabelLayers)],
  };
}
