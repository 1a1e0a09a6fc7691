import type pg from 'pg';

/** BEGIN, the work, COMMIT; ROLLBACK on any error (rethrown). The client is always released (destroyed when broken). */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is broken (the database restarted): the pool drops it.
    broken = await client.query('ROLLBACK').then(() => undefined, (rollbackError: Error) => rollbackError);
    throw error;
  } finally {
    client.release(broken);
  }
}
