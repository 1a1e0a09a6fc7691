import pg from 'pg';

export interface PoolSettings {
  connectionString: string;
  /** Connections kept at most. */
  max: number;
  /** Every statement is cancelled past this many milliseconds. */
  statementTimeoutMs: number;
  applicationName: string;
}

// Dates stay ISO strings (YYYY-MM-DD): a JavaScript Date would shift them across time zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint ids fit in a double for any table this city will have; callers get numbers, not strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export function createPool(settings: PoolSettings): pg.Pool {
  const pool = new pg.Pool({
    connectionString: settings.connectionString,
    max: settings.max,
    statement_timeout: settings.statementTimeoutMs,
    application_name: settings.applicationName,
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}
