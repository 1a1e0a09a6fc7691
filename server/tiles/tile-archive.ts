import { gzipSync } from 'node:zlib';
import type pg from 'pg';
import { layerView, readableLayers } from '../auth/policy.ts';
import { PUBLIC_PRINCIPAL } from '../auth/principal.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import type { Region } from '../layers/region.ts';
import { hasLabelPoints, labelPointsLayerName } from '../layers/label-points.ts';
import { buildTileQuery } from './tile-sql.ts';
import { type ArchiveTile, writePmtiles } from './pmtiles-writer.ts';
import { type TileCoordinates, tileRangeForBbox, tilesInRange } from './tile-coordinates.ts';
import { type Queryable, tileQueryConfig } from './tile-renderer.ts';
import { createTilePool } from './tile-service.ts';

/*
 * The public map as one PMTiles archive: every tile of the region between two zooms, each holding every
 * layer the public may read at that zoom, drawn exactly as the public's live tiles are (the same SQL and
 * the same policy view, so no personal property and no staff-only layer). A static file for object storage,
 * a CDN and the open-data platform (DESIGN.md, Scale). It is a snapshot: edits reach it when it is rebuilt.
 */

export interface ArchiveBuildOptions {
  minZoom: number;
  maxZoom: number;
  /** Tiles drawn at once, on a tile pool of this many connections of the build's own. */
  concurrency: number;
  /** Statement timeout of each tile query, as for the server's tiles. */
  statementTimeoutMs: number;
  /** The region whose tiles are drawn (layers/region.ts). */
  region: Region;
  /** Called after each zoom with the number of tiles that had features. */
  onZoom?: (z: number, tilesWithFeatures: number) => void;
}

export interface BuiltArchive {
  archive: Buffer;
  layers: string[];
  tiles: number;
}

/** Built once and served many times, so the smallest gzip is worth its time. */
const ARCHIVE_GZIP_LEVEL = 9;

/**
 * One tile of every layer shown at its zoom. An MVT tile is a protobuf message whose only field is the
 * repeated `layers`, and concatenated protobuf messages merge their repeated fields: the layers' tiles put
 * end to end are one valid tile holding all of them.
 */
async function drawTile(db: Queryable, registry: LayerRegistry, layers: readonly LayerDefinition[], tile: TileCoordinates): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const layer of layers) {
    if (tile.z < layer.tiles.minzoom || tile.z > layer.tiles.maxzoom) continue;
    const query = buildTileQuery(layer, layerView(PUBLIC_PRINCIPAL, layer, registry), tile);
    const mvt = (await db.query<{ mvt: Buffer | null }>(tileQueryConfig(query, true))).rows[0]?.mvt;
    if (mvt && mvt.length > 0) parts.push(mvt);
  }
  return Buffer.concat(parts);
}

function metadata(registry: LayerRegistry, layers: readonly LayerDefinition[], options: ArchiveBuildOptions): Record<string, unknown> {
  return {
    name: 'casa-sig – carte publique de Casablanca',
    description: 'Couches publiques de casa-sig (Ville de Casablanca), telles que le public les voit',
    attribution: 'Ville de Casablanca – casa-sig',
    format: 'pbf',
    // Each layer, then its label points when it has some (tile-sql.ts): both are MVT layers of the tiles.
    vector_layers: layers
      .filter((layer) => layer.tiles.minzoom <= options.maxZoom && layer.tiles.maxzoom >= options.minZoom)
      .flatMap((layer) => {
        const described = {
          description: layer.title.fr,
          minzoom: Math.max(layer.tiles.minzoom, options.minZoom),
          maxzoom: Math.min(layer.tiles.maxzoom, options.maxZoom),
          fields: Object.fromEntries(
            layerView(PUBLIC_PRINCIPAL, layer, registry).properties.filter(([, property]) => property.inTiles).map(([name, property]) => [name, property.label.fr]),
          ),
        };
        const labels = hasLabelPoints(layer) ? [{ ...described, id: labelPointsLayerName(layer), description: `${layer.title.fr} (points d’étiquette)` }] : [];
        return [{ ...described, id: layer.id }, ...labels];
      }),
  };
}

/** Draws every tile of the region from minZoom to maxZoom and writes them into one PMTiles archive. */
export async function buildPublicArchive(pool: pg.Pool, registry: LayerRegistry, options: ArchiveBuildOptions): Promise<BuiltArchive> {
  const layers = readableLayers(registry, PUBLIC_PRINCIPAL);
  const tilePool = createTilePool(pool, { poolSize: options.concurrency, statementTimeoutMs: options.statementTimeoutMs });
  const tiles: ArchiveTile[] = [];
  try {
    for (let z = options.minZoom; z <= options.maxZoom; z += 1) {
      const pending = tilesInRange(tileRangeForBbox(options.region.bounds, z, 0));
      let drawn = 0;
      await Promise.all(Array.from({ length: options.concurrency }, async () => {
        for (let tile = pending.pop(); tile; tile = pending.pop()) {
          const mvt = await drawTile(tilePool, registry, layers, tile);
          if (mvt.length === 0) continue;
          tiles.push({ ...tile, data: gzipSync(mvt, { level: ARCHIVE_GZIP_LEVEL }) });
          drawn += 1;
        }
      }));
      options.onZoom?.(z, drawn);
    }
  } finally {
    await tilePool.end();
  }
  const archive = writePmtiles(tiles, {
    metadata: metadata(registry, layers, options),
    tileCompression: 'gzip',
    bounds: options.region.bounds,
    center: [...options.region.center, Math.min(Math.max(Math.round(options.region.zoom), options.minZoom), options.maxZoom)],
  });
  return { archive, layers: layers.map((layer) => layer.id), tiles: tiles.length };
}
