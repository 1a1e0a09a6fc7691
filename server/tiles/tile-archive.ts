import { gzipSync } from 'node:zlib';
import type pg from 'pg';
import { isAllowed, layerView } from '../auth/policy.ts';
import { PUBLIC_PRINCIPAL } from '../auth/principal.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { REGION_BOUNDS, REGION_CENTER, REGION_DEFAULT_ZOOM } from '../layers/region.ts';
import { buildTileQuery } from '../layers/tile-query.ts';
import { type ArchiveTile, writePmtiles } from './pmtiles-writer.ts';
import { type TileCoordinates, tileRangeForBbox } from './tile-coordinates.ts';
import { tileQueryConfig } from './tile-renderer.ts';

/*
 * The public map as one PMTiles archive: every tile of the region between two zooms, each holding every
 * layer the public may read at that zoom, drawn exactly as the public's live tiles are (the same SQL and
 * the same policy view, so no personal property and no staff-only layer). A static file for object storage,
 * a CDN and the open-data platform (DESIGN.md, Scale). It is a snapshot: edits reach it when it is rebuilt.
 */

export interface ArchiveBuildOptions {
  minZoom: number;
  maxZoom: number;
  /** Tiles drawn at once, each on a connection of its own (at most the pool's size minus one). */
  concurrency: number;
  /** Called after each zoom with the number of tiles that had features. */
  onZoom?: (z: number, tilesWithFeatures: number) => void;
}

export interface BuiltArchive {
  archive: Buffer;
  layers: string[];
  tiles: number;
}

/** Same session setting as the tile pool (tiles/tile-service.ts): no parallel workers, stable bytes. */
const SESSION_SETUP = 'SET max_parallel_workers_per_gather = 0';

/** Built once and served many times, so the smallest gzip is worth its time. */
const ARCHIVE_GZIP_LEVEL = 9;

export function publicLayers(registry: LayerRegistry): LayerDefinition[] {
  return registry.layers.filter((layer) => isAllowed(PUBLIC_PRINCIPAL, layer, 'read'));
}

/** The connections of the build, taken one by one; those taken are released if one cannot be had. */
async function connect(pool: pg.Pool, wanted: number): Promise<pg.PoolClient[]> {
  const clients: pg.PoolClient[] = [];
  try {
    // One connection is left to the pool's other users (and a pool of one still gets one).
    const count = Math.max(1, Math.min(wanted, (pool.options.max ?? 10) - 1));
    while (clients.length < count) {
      const client = await pool.connect();
      clients.push(client);
      await client.query(SESSION_SETUP);
    }
    return clients;
  } catch (error) {
    for (const client of clients) client.release(true);
    throw error;
  }
}

function regionTiles(z: number): TileCoordinates[] {
  const range = tileRangeForBbox(REGION_BOUNDS, z, 0);
  const tiles: TileCoordinates[] = [];
  for (let x = range.minX; x <= range.maxX; x += 1) for (let y = range.minY; y <= range.maxY; y += 1) tiles.push({ z, x, y });
  return tiles;
}

/**
 * One tile of every layer shown at its zoom. An MVT tile is a protobuf message whose only field is the
 * repeated `layers`, and concatenated protobuf messages merge their repeated fields: the layers' tiles put
 * end to end are one valid tile holding all of them.
 */
async function drawTile(client: pg.PoolClient, layers: readonly LayerDefinition[], tile: TileCoordinates): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const layer of layers) {
    if (tile.z < layer.tiles.minzoom || tile.z > layer.tiles.maxzoom) continue;
    const query = buildTileQuery(layer, layerView(PUBLIC_PRINCIPAL, layer), tile);
    const mvt = (await client.query<{ mvt: Buffer | null }>(tileQueryConfig(query, true))).rows[0]?.mvt;
    if (mvt && mvt.length > 0) parts.push(mvt);
  }
  return Buffer.concat(parts);
}

function metadata(layers: readonly LayerDefinition[], options: ArchiveBuildOptions): Record<string, unknown> {
  return {
    name: 'casa-sig – carte publique de Casablanca',
    description: 'Couches publiques de casa-sig (Ville de Casablanca), telles que le public les voit',
    attribution: 'Ville de Casablanca – casa-sig',
    format: 'pbf',
    vector_layers: layers.filter((layer) => layer.tiles.minzoom <= options.maxZoom && layer.tiles.maxzoom >= options.minZoom).map((layer) => ({
      id: layer.id,
      description: layer.title.fr,
      minzoom: Math.max(layer.tiles.minzoom, options.minZoom),
      maxzoom: Math.min(layer.tiles.maxzoom, options.maxZoom),
      fields: Object.fromEntries(
        layerView(PUBLIC_PRINCIPAL, layer).properties.filter(([, property]) => property.inTiles).map(([name, property]) => [name, property.label.fr]),
      ),
    })),
  };
}

/** Draws every tile of the region from minZoom to maxZoom and writes them into one PMTiles archive. */
export async function buildPublicArchive(pool: pg.Pool, registry: LayerRegistry, options: ArchiveBuildOptions): Promise<BuiltArchive> {
  const layers = publicLayers(registry);
  const clients = await connect(pool, options.concurrency);
  const tiles: ArchiveTile[] = [];
  try {
    for (let z = options.minZoom; z <= options.maxZoom; z += 1) {
      const pending = regionTiles(z);
      let drawn = 0;
      await Promise.all(clients.map(async (client) => {
        for (let tile = pending.pop(); tile; tile = pending.pop()) {
          const mvt = await drawTile(client, layers, tile);
          if (mvt.length === 0) continue;
          tiles.push({ ...tile, data: gzipSync(mvt, { level: ARCHIVE_GZIP_LEVEL }) });
          drawn += 1;
        }
      }));
      options.onZoom?.(z, drawn);
    }
  } finally {
    // Destroyed rather than returned: their session setting and prepared statements are this build's own.
    for (const client of clients) client.release(true);
  }
  const archive = writePmtiles(tiles, {
    metadata: metadata(layers, options),
    tileCompression: 'gzip',
    bounds: [...REGION_BOUNDS],
    center: [...REGION_CENTER, Math.min(Math.max(Math.round(REGION_DEFAULT_ZOOM), options.minZoom), options.maxZoom)],
  });
  return { archive, layers: layers.map((layer) => layer.id), tiles: tiles.length };
}
