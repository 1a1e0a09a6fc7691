import pg from 'pg';
import { PoolBusyError } from './database-errors.ts';

export interface PoolSettings {
  connectionString: string;
  /** Connections kept at most. */
  max: number;
  /** Every statement is cancelled past this many milliseconds. */
  statementTimeoutMs: number;
  applicationName: string;
  /** PostgreSQL settings of every connection, as `-c name=value` options. */
  sessionOptions?: string;
  /** Checkouts that may wait for a connection when all are busy; one more fails at once (PoolBusyError). Unbounded when absent. */
  maxWaiting?: number;
}

/**
 * Session settings of the server's own connections (edits, queries, search, item lists), measured on the
 * benchmark dataset: no parallel workers. PostGIS's high function costs make the planner start workers for
 * small index reads (a street's 981 segments for along, a nearby search); starting them costs about 10 ms,
 * and on a server answering several requests at once on a few cores they only take the cores of the other
 * requests. Along a street: 46 ms at the median with workers, 23 ms without; statistics of 100,000 permits
 * are the same either way (40 ms). Tiles have their own settings (tiles/tile-service.ts).
 */
export const SERVING_SESSION_OPTIONS = '-c max_parallel_workers_per_gather=0';

// Dates stay ISO strings (YYYY-MM-DD): a JavaScript Date would shift them across time zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint ids fit in a double for any table this city will have; callers get numbers, not strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** How much later than the server's statement timeout the client gives up on its own. */
const CLIENT_TIMEOUT_MARGIN_MS = 5_000;

/**
 * Timeouts of every connection. PostgreSQL cancels a statement past `statementTimeoutMs`; the client-side
 * `query_timeout` is the backstop for when no answer can come at all (a dead server or network path), so
 * that a query always settles and frees what it holds (a pool connection, a slot of an admission queue).
 * TCP keepalive lets the operating system notice a dead peer on idle connections too.
 */
export function connectionTimeouts(statementTimeoutMs: number): Pick<pg.PoolConfig, 'statement_timeout' | 'query_timeout' | 'keepAlive'> {
  return { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS, keepAlive: true };
}

/**
 * Keeps a lost connection from crashing the process. pg-pool listens for errors only on idle clients: a
 * client checked out (a transaction between two statements) whose backend is terminated or whose server
 * restarts emits 'error' with no one listening, which throws. Every client gets a listener for its whole
 * life; the error then shows in that client's next query (a 503), and the pool drops the broken client
 * when it is released.
 */
export function survivesLostConnections(pool: pg.Pool): pg.Pool {
  pool.on('connect', (client) => client.on('error', () => undefined));
  // An idle client that loses its server must not crash the process either; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

export function createPool(settings: PoolSettings): pg.Pool {
  const pool = new pg.Pool({
    connectionString: settings.connectionString,
    max: settings.max,
    ...connectionTimeouts(settings.statementTimeoutMs),
    application_name: settings.applicationName,
    ...(settings.sessionOptions ? { options: settings.sessionOptions } : {}),
  });
  if (settings.maxWaiting !== undefined) boundWaiting(pool, settings.maxWaiting);
  return survivesLostConnections(pool);
}

/**
 * pg-pool queues every checkout it cannot serve, without limit: under overload the requests that bypass the
 * admission queues (item reads, edits, sign-ins) would wait longer and longer, and hold their memory,
 * while admitted queries waited behind them. Past `maxWaiting` waiting, a checkout (pool.connect, and
 * pool.query, which goes through it) fails at once instead.
 */
function boundWaiting(pool: pg.Pool, maxWaiting: number): void {
  const connect = pool.connect.bind(pool) as (callback?: (error: Error | undefined, ...rest: unknown[]) => void) => Promise<pg.PoolClient> | undefined;
  const bounded = (callback?: (error: Error | undefined, ...rest: unknown[]) => void) => {
    if (pool.waitingCount < maxWaiting) return connect(callback);
    const error = new PoolBusyError(`${pool.waitingCount} requests are already waiting for a database connection`);
    if (!callback) return Promise.reject(error);
    process.nextTick(() => callback(error));
    return undefined;
  };
  pool.connect = bounded as typeof pool.connect;
}
