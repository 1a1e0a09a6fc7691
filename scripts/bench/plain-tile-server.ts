import pg from 'pg';
import { layerView } from '../../server/auth/policy.ts';
import { loadConfig } from '../../server/config.ts';
import { PUBLIC_PRINCIPAL } from '../../server/auth/principal.ts';
import { ident } from '../../server/db/sql.ts';
import type { LayerDefinition } from '../../server/layers/layer-definition.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { serveBareTiles } from './bare-tile-server.ts';

/**
 * The plain approach the benchmark compares casa-sig with: what pg_tileserv and dirt-simple-postgis-http-api
 * do, rebuilt as a minimal Node server. One un-generalised ST_AsMVT per request, geometry transformed per
 * row, an exact ST_Intersects filter against the tile (pg_tileserv's template: bounds CTE, ST_AsMVTGeom
 * with the layer's buffer, no simplification), the same public properties as casa-sig, served by the bare
 * HTTP server of bare-tile-server.ts (no cache, no gzip).
 * Runs as its own process: `node --import tsx scripts/bench/plain-tile-server.ts`, DATABASE_URL in the
 * environment; prints "listening on http://127.0.0.1:<port>".
 */
const registry = new LayerRegistry();

/** pg_tileserv's pool default is 4 per core at most; dirt-simple uses node-postgres' default of 10. */
const POOL_SIZE = 10;

function plainTileSql(layer: LayerDefinition): string {
  const properties = layerView(PUBLIC_PRINCIPAL, layer, registry).properties.filter(([, property]) => property.inTiles);
  const geometry = `t.${ident(layer.geometry.column)}`;
  const columns = properties.map(([name, property]) => `t.${ident(property.column)} AS ${ident(name)}`);
  return [
    'WITH bounds AS (',
    '  SELECT ST_TileEnvelope($1, $2, $3) AS geom_clip,',
    `         ST_TileEnvelope($1, $2, $3, margin => ${layer.tiles.buffer / layer.tiles.extent}) AS geom_query`,
    '), mvtgeom AS (',
    `  SELECT ST_AsMVTGeom(ST_Transform(${geometry}, 3857), bounds.geom_clip, ${layer.tiles.extent}, ${layer.tiles.buffer}) AS geom,`,
    `         ${[`t.${ident(layer.idColumn)} AS mvt_id`, ...columns].join(', ')}`,
    `  FROM ${ident(layer.table.schema, layer.table.name)} t, bounds`,
    `  WHERE ST_Intersects(${geometry}, ST_Transform(bounds.geom_query, ${layer.geometry.srid}))`,
    ')',
    `SELECT ST_AsMVT(mvtgeom.*, '${layer.id}', ${layer.tiles.extent}, 'geom', 'mvt_id') AS mvt FROM mvtgeom`,
  ].join('\n');
}

const pool = new pg.Pool({ connectionString: loadConfig().DATABASE_URL, max: POOL_SIZE, application_name: 'bench-plain' });
pool.on('error', () => undefined);
const sqlByLayer = new Map(registry.layers.map((layer) => [layer.id, plainTileSql(layer)]));

serveBareTiles(async (layerId, tile) => {
  const sql = sqlByLayer.get(layerId);
  if (!sql) return undefined;
  const result = await pool.query<{ mvt: Buffer | null }>(sql, [tile.z, tile.x, tile.y]);
  return result.rows[0]?.mvt ?? Buffer.alloc(0);
}, () => pool.end());
