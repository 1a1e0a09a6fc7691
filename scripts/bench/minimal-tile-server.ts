import pg from 'pg';
import { isAllowed, layerView } from '../../server/auth/policy.ts';
import { PUBLIC_PRINCIPAL } from '../../server/auth/principal.ts';
import { loadConfig } from '../../server/config.ts';
import { buildTileQuery } from '../../server/tiles/tile-sql.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { tileQueryConfig } from '../../server/tiles/tile-renderer.ts';
import { TILE_SESSION_OPTIONS } from '../../server/tiles/tile-service.ts';
import { serveBareTiles } from './bare-tile-server.ts';

/**
 * The "minimal Node server running the same SQL": casa-sig's public tile SQL (same text, values,
 * prepared statements, session settings and pool size as casa-sig's tile pool) behind the bare HTTP server of
 * bare-tile-server.ts, with nothing else: no cache, no gzip, no policy, no headers. It is what any Node tile
 * server pays for one HTTP exchange on top of the reference's SQL, so its ratio to the reference is the
 * ceiling of that ratio for a Node server on the machine measured.
 * Runs as its own process: `node --import tsx scripts/bench/minimal-tile-server.ts`, DATABASE_URL in the
 * environment; prints "listening on http://127.0.0.1:<port>".
 */
const registry = new LayerRegistry();
const config = loadConfig();
const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: config.TILE_POOL_MAX, options: TILE_SESSION_OPTIONS, application_name: 'bench-minimal' });
pool.on('error', () => undefined);

serveBareTiles(async (layerId, tile) => {
  const layer = registry.find(layerId);
  if (!layer || !isAllowed(PUBLIC_PRINCIPAL, layer, 'read')) return undefined;
  const query = buildTileQuery(layer, layerView(PUBLIC_PRINCIPAL, layer, registry), tile);
  const result = await pool.query<{ mvt: Buffer | null }>(tileQueryConfig(query, true));
  return result.rows[0]?.mvt ?? Buffer.alloc(0);
}, () => pool.end());
