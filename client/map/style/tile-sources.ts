import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { PublicArchive } from '../../api/public-archive.ts';
import type { LayerCatalog, LayerCatalogEntry } from '../../api/layer-catalog.ts';
import { toAbsoluteUrl } from './absolute-url.ts';

/**
 * Where each catalog layer's tiles come from: the public archive (one PMTiles file holding every public
 * layer, read with HTTP Range requests through the `pmtiles://` protocol, no database involved) or the live
 * tile endpoint. A layer or a zoom the archive lacks is drawn from live tiles, so an archive built for fewer
 * layers or zooms never leaves a hole in the map.
 */

/** The one source every archived layer is drawn from (its MVT layers are named by layer id, as live tiles are). */
export const ARCHIVE_SOURCE_ID = 'archive:public';

/**
 * From this zoom on an archive's tiles hold every detail live tiles have (the archive script stops there by
 * default); deeper zooms overzoom them. An archive that stops earlier leaves the deeper zooms to live tiles.
 */
export const ARCHIVE_DETAIL_ZOOM = 15;

/** Beyond MapLibre's deepest zoom: a part without an upper bound. */
const NO_MAX_ZOOM = 24;

/** A zoom range of a layer and the source that draws it; `maxzoom` is exclusive, as a style layer's. */
export interface TilePart {
  source: 'archive' | 'live';
  minzoom: number;
  maxzoom: number;
  /** Added to the ids of the style layers of this part: empty for the layer's main part. */
  idSuffix: string;
}

/** The zoom ranges a catalog layer is drawn in, each from the archive or from live tiles. */
export function planLayerTiles(entry: Pick<LayerCatalogEntry, 'id' | 'minzoom' | 'maxzoom'>, archive: PublicArchive | null): TilePart[] {
  const start = entry.minzoom;
  const end = entry.maxzoom < 22 ? entry.maxzoom + 1 : NO_MAX_ZOOM;
  const live = (minzoom: number, maxzoom: number, idSuffix: string): TilePart => ({ source: 'live', minzoom, maxzoom, idSuffix });
  if (!archive?.layers.includes(entry.id)) return [live(start, end, '')];
  const isDetailed = archive.maxZoom >= Math.min(ARCHIVE_DETAIL_ZOOM, entry.maxzoom);
  const archiveStart = Math.max(start, archive.minZoom);
  const archiveEnd = isDetailed ? end : Math.min(end, archive.maxZoom + 1);
  if (archiveStart >= archiveEnd) return [live(start, end, '')];
  const parts: TilePart[] = [];
  if (archiveStart > start) parts.push(live(start, archiveStart, '@live-below'));
  parts.push({ source: 'archive', minzoom: archiveStart, maxzoom: archiveEnd, idSuffix: '' });
  if (archiveEnd < end) parts.push(live(archiveEnd, end, '@live-above'));
  return parts;
}

/**
 * A style layer of a catalog layer, drawn by one part: its id suffixed, its source the archive's for the
 * archived part, its zooms narrowed to the part's. Null when the layer draws nothing in the part's zooms
 * (a label layer that starts past the part's end).
 */
export function placeInPart(layer: LayerSpecification, part: TilePart): LayerSpecification | null {
  if (!('source' in layer)) return layer;
  const minzoom = Math.max(layer.minzoom ?? 0, part.minzoom);
  const maxzoom = Math.min(layer.maxzoom ?? NO_MAX_ZOOM, part.maxzoom);
  if (minzoom >= maxzoom) return null;
  const { maxzoom: _previous, ...rest } = layer;
  return {
    ...rest,
    id: `${layer.id}${part.idSuffix}`,
    ...(part.source === 'archive' ? { source: ARCHIVE_SOURCE_ID } : {}),
    minzoom,
    ...(maxzoom < NO_MAX_ZOOM ? { maxzoom } : {}),
  } as LayerSpecification;
}

/** The archive as a vector source read through the `pmtiles://` protocol (map/public-archive-protocol.ts). */
export function buildArchiveSource(archive: PublicArchive, catalog: LayerCatalog, origin: string): SourceSpecification {
  const [west = -180, south = -85, east = 180, north = 85] = catalog.bounds;
  return {
    type: 'vector',
    tiles: [`pmtiles://${toAbsoluteUrl(archive.url, origin)}/{z}/{x}/{y}`],
    minzoom: archive.minZoom,
    maxzoom: archive.maxZoom,
    bounds: [west, south, east, north],
  };
}
