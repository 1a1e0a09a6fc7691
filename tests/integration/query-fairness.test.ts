import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/auth/api-keys.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { untilStatementsWaitOnLock } from '../helpers/lock-waits.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * The query queue between sources, on a real database: a harvester's statistics are kept waiting on a table
 * lock; it may hold only its share of the slots and of the queue, and the public's reads still run.
 */
let database: ScratchDatabase;
let server: TestServer;
let harvester: Record<string, string>;

beforeAll(async () => {
  database = await createScratchDatabase();
  const key = await createApiKey(database.pool, new LayerRegistry(), { module: 'harvester', scopes: ['query:stats', 'permits:read', 'search'] });
  harvester = { Authorization: `Bearer ${key.key}` };
  server = await startTestServer(database.pool, { QUERY_CONCURRENCY_MAX: '2', QUERY_QUEUE_MAX: '8' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('the query queue between sources', () => {
  it('gives one API key at most its share, and keeps a slot for the public map', async () => {
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    const held: Promise<Response>[] = [];
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE permits IN ACCESS EXCLUSIVE MODE');
      const stats = () => {
        const response = fetch(`${server.url}/api/query/stats?layer=permits`, { headers: harvester });
        response.catch(() => undefined);
        held.push(response);
        return response;
      };
      // One running (its share of the two slots), two waiting (its share of the queue of eight).
      for (let request = 0; request < 3; request += 1) stats();
      await untilStatementsWaitOnLock(database.pool, 1);
      // Bounded waits, so that a queue without shares fails here instead of hanging behind the lock.
      const refused = await fetch(`${server.url}/api/query/stats?layer=permits`, { headers: harvester, signal: AbortSignal.timeout(10_000) });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');

      // The public map's reads (the search index refers to permits, so a road list stands in for them).
      const read = await fetch(`${server.url}/ogc/collections/road_segments/items?limit=1`, { signal: AbortSignal.timeout(10_000) });
      expect(read.status).toBe(200);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    for (const response of await Promise.all(held)) expect(response.status).toBe(200);
  });
});
