import { inject, describe, expect, it } from 'vitest';
import { PoolBusyError } from '../../server/db/database-errors.ts';
import { createPool } from '../../server/db/pool.ts';

/** The primary pool's bounded wait (DB_POOL_QUEUE_MAX): what the load test showed growing without it. */
describe('a pool with a bounded queue', () => {
  it('lets up to maxWaiting checkouts wait, refuses the next at once, and serves the waiting ones once a connection is free', async () => {
    const pool = createPool({ connectionString: inject('databaseUrl'), max: 1, statementTimeoutMs: 30_000, applicationName: 'pool-queue-test', maxWaiting: 2 });
    try {
      const held = await pool.connect();
      const waiting = [pool.query('SELECT 1 AS n'), pool.connect()];
      expect(pool.waitingCount).toBe(2);
      await expect(pool.query('SELECT 2 AS n')).rejects.toBeInstanceOf(PoolBusyError);
      await expect(pool.connect()).rejects.toBeInstanceOf(PoolBusyError);
      expect(pool.waitingCount).toBe(2);
      held.release();
      const [query, client] = await Promise.all(waiting);
      expect((query as { rows: { n: number }[] }).rows).toEqual([{ n: 1 }]);
      (client as { release(): void }).release();
      expect((await pool.query('SELECT 3 AS n')).rows).toEqual([{ n: 3 }]);
    } finally {
      await pool.end();
    }
  });
});
