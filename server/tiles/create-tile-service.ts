import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { ReadRouting } from '../db/read-routing.ts';
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

/**
 * The server's tile service, configured from the settings, with the read routing that every read of the
 * server shares (tiles, items, queries, search: on `replicaPool` when it may answer); its connections close
 * with `pool`.
 */
export function createTileService(
  deps: { pool: pg.Pool; replicaPool?: pg.Pool | undefined; registry: LayerRegistry; logger: Logger },
  config: Pick<Config, TileConfigKey>,
): TileService {
  const { logger } = deps;
  const reads = new ReadRouting({
    primary: deps.pool,
    replica: deps.replicaPool,
    onEvent: (message, error) => logger.warn(error ? { err: error } : {}, message),
  });
  return new TileService(
    deps.pool,
    deps.registry,
    {
      cacheMaxBytes: config.TILE_CACHE_MAX_BYTES,
      poolSize: config.TILE_POOL_MAX,
      statementTimeoutMs: config.TILE_STATEMENT_TIMEOUT_MS,
      queueMax: config.TILE_QUEUE_MAX,
      retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
      isPrepared: config.TILE_PREPARED_STATEMENTS,
    },
    (error) => logger.warn({ err: error }, 'tile change listener: connection lost, reconnecting'),
    reads,
  );
}
