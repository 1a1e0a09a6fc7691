import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('keeps the query queue below the connection pool, so that edits and sign-ins always find a connection', () => {
    expect(loadConfig({})).toMatchObject({ DB_POOL_MAX: 10, QUERY_CONCURRENCY_MAX: 6 });
    expect(loadConfig({ DB_POOL_MAX: '4' })).toMatchObject({ DB_POOL_MAX: 4, QUERY_CONCURRENCY_MAX: 3 });
    expect(loadConfig({ DB_POOL_MAX: '2' })).toMatchObject({ DB_POOL_MAX: 2, QUERY_CONCURRENCY_MAX: 1 });
    expect(() => loadConfig({ DB_POOL_MAX: '4', QUERY_CONCURRENCY_MAX: '4' })).toThrow(ConfigError);
    expect(() => loadConfig({ DB_POOL_MAX: '4', QUERY_CONCURRENCY_MAX: '4' })).toThrow(/QUERY_CONCURRENCY_MAX: must be below DB_POOL_MAX/);
    expect(() => loadConfig({ DB_POOL_MAX: '1' })).toThrow(/DB_POOL_MAX/);
  });
});
