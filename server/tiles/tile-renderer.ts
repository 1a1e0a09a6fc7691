import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import type pg from 'pg';
import type { LayerView } from '../auth/policy.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { BuiltQuery } from '../db/sql.ts';
import { buildTileQuery, type TileQueryOptions } from './tile-sql.ts';
import type { TileCoordinates } from './tile-coordinates.ts';

const gzipAsync = promisify(gzip);

/**
 * Tiles up to this size (bytes, uncompressed) are compressed on the event loop; larger ones go to the thread
 * pool so that a big tile never stalls the other requests for long. At level 1 a 160 KB tile takes 1 to 2 ms
 * here, and handing work to a pool thread and back costs CPU of its own: with the limit at 32 KB, the pool's
 * threads used about 0.2 ms of CPU per tile of the benchmark list on top of the compression itself.
 */
const SYNC_GZIP_MAX_BYTES = 256 * 1024;

/**
 * zlib's fastest level, as nginx compresses by default. Measured on the benchmark's 278 road tiles (4.4 MB of
 * MVT): level 1 takes 210 µs per tile and keeps 40.1% of the bytes, level 6 takes 344 µs and keeps 38.2%.
 * A tile is compressed when rendered, on the request's critical path; 5% more bytes is the cheaper side.
 */
const GZIP_LEVEL = 1;

/** One rendered tile, ready to send. An empty tile has no bytes (served as 204). */
export interface RenderedTile {
  /** The gzip-compressed MVT; empty when the tile has no feature. */
  gzipped: Buffer;
  /** Uncompressed size in bytes. */
  size: number;
  /** Strong validator: a hash of the MVT bytes, so equal content always has the same ETag. */
  etag: string;
}

export interface RenderOptions extends TileQueryOptions {
  /**
   * Run the query as a named prepared statement (one per distinct query text and connection), so each
   * connection parses and plans each tile query shape once instead of once per tile.
   */
  isPrepared?: boolean;
}

/** Anything that runs a query: a pool or one client. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.ClientBase, 'query'>;

/** The statement name of a query text: stable across processes, so every connection reuses it. */
export function preparedStatementName(text: string): string {
  return `tile_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}

/**
 * The query config pg runs. (Results stay in text format: pg decodes every DataRow field as UTF-8 text, so
 * asking PostgreSQL for binary bytea would corrupt the tile.)
 */
export function tileQueryConfig(query: BuiltQuery, isPrepared: boolean): pg.QueryConfig {
  return { text: query.text, values: query.values, ...(isPrepared ? { name: preparedStatementName(query.text) } : {}) };
}

/**
 * gzip, into a buffer of its own of exactly the compressed size. zlib hands back a slice of its 16 KB output
 * chunk, and small buffers are slices of a shared 8 KB pool: kept in the cache, either would hold far more
 * memory than the tile (measured with a 64 MB budget after 28,000 tile requests: the cache added 232 MB to
 * the server's RSS, 115 MB once copied).
 */
async function compress(mvt: Buffer): Promise<Buffer> {
  if (mvt.length === 0) return mvt;
  const gzipped = mvt.length <= SYNC_GZIP_MAX_BYTES ? gzipSync(mvt, { level: GZIP_LEVEL }) : await gzipAsync(mvt, { level: GZIP_LEVEL });
  const exact = Buffer.allocUnsafeSlow(gzipped.length);
  gzipped.copy(exact);
  return exact;
}

/** Compresses MVT bytes and derives the ETag. */
export async function packTile(mvt: Buffer): Promise<RenderedTile> {
  const etag = `"${createHash('sha256').update(mvt).digest('base64url').slice(0, 27)}"`;
  return {
    gzipped: await compress(mvt),
    size: mvt.length,
    etag,
  };
}

/** Runs the layer's tile query as one principal sees it and compresses the result. */
export async function renderTile(
  db: Queryable,
  layer: LayerDefinition,
  view: LayerView,
  tile: TileCoordinates,
  options: RenderOptions = {},
): Promise<RenderedTile> {
  const query = buildTileQuery(layer, view, tile, options);
  const result = await db.query<{ mvt: Buffer | null }>(tileQueryConfig(query, options.isPrepared ?? false));
  return packTile(result.rows[0]?.mvt ?? Buffer.alloc(0));
}
