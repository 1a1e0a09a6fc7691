import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { TileService } from './tile-service.ts';

/** The settings the tile service reads. */
export type TileConfigKey =
  | 'TILE_CACHE_MAX_BYTES'
  | 'TILE_POOL_MAX'
  | 'TILE_STATEMENT_TIMEOUT_MS'
  | 'TILE_QUEUE_MAX'
  | 'TILE_PREPARED_STATEMENTS'
  | 'TILE_PUBLIC_MAX_AGE_SECONDS'
  | 'TILE_PUBLIC_STALE_SECONDS';

/** Retry-After of a tile refused because the render queue is full: tiles are fast, come back soon. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/** The server's tile service, configured from the settings; its connections close with `pool`. */
export function createTileService(pool: pg.Pool, registry: LayerRegistry, config: Pick<Config, TileConfigKey>, logger: Logger): TileService {
  return new TileService(
    pool,
    registry,
    {
      cacheMaxBytes: config.TILE_CACHE_MAX_BYTES,
      poolSize: config.TILE_POOL_MAX,
      statementTimeoutMs: config.TILE_STATEMENT_TIMEOUT_MS,
      queueMax: config.TILE_QUEUE_MAX,
      retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
      isPrepared: config.TILE_PREPARED_STATEMENTS,
    },
    (error) => logger.warn({ err: error }, 'tile change listener: connection lost, reconnecting'),
  );
}
