import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type pg from 'pg';
import type { LayerView } from '../auth/policy.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { buildTileQuery } from '../layers/tile-query.ts';
import type { TileCoordinates } from './tile-coordinates.ts';

/** One rendered tile, ready to send. An empty tile has no bytes (served as 204). */
export interface RenderedTile {
  /** The gzip-compressed MVT; empty when the tile has no feature. */
  gzipped: Buffer;
  /** Uncompressed size in bytes. */
  size: number;
  featureCount: number;
  /** Strong validator: a hash of the MVT bytes, so equal content always has the same ETag. */
  etag: string;
}

/** Runs the layer's tile query as one principal sees it and compresses the result. */
export async function renderTile(
  pool: pg.Pool,
  layer: LayerDefinition,
  view: LayerView,
  tile: TileCoordinates,
): Promise<RenderedTile> {
  const query = buildTileQuery(layer, view, tile);
  const result = await pool.query<{ mvt: Buffer; feature_count: number }>({ text: query.text, values: query.values });
  const row = result.rows[0];
  const mvt = row?.mvt ?? Buffer.alloc(0);
  const etag = `"${createHash('sha256').update(mvt).digest('base64url').slice(0, 27)}"`;
  return {
    gzipped: mvt.length === 0 ? mvt : gzipSync(mvt, { level: 6 }),
    size: mvt.length,
    featureCount: row?.feature_count ?? 0,
    etag,
  };
}
