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
    let statsRequests: Promise<Response>[] = [];
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE permits IN ACCESS EXCLUSIVE MODE');
      // Four at once: one running (its share of the two slots), two waiting (its share of the queue of eight),
      // and one refused at once, whichever arrives last; the others wait on the lock until it is released.
      statsRequests = Array.from({ length: 4 }, () => fetch(`${server.url}/api/query/stats?layer=permits`, { headers: harvester }));
      for (const request of statsRequests) request.catch(() => undefined);
      await untilStatementsWaitOnLock(database.pool, 1);
      // Bounded, so that a queue without shares fails here instead of hanging behind the lock.
      const refused = await Promise.race([
        ...statsRequests,
        new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('no query was refused while the lock was held')), 10_000).unref()),
      ]);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');

      // The public map's reads (the search index refers to permits, so a road list stands in for them).
      const read = await fetch(`${server.url}/ogc/collections/road_segments/items?limit=1`, { signal: AbortSignal.timeout(10_000) });
      expect(read.status).toBe(200);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    const statuses = (await Promise.all(statsRequests)).map((response) => response.status);
    expect(statuses.sort()).toEqual([200, 200, 200, 503]);
  });
});

describe('the rate budget of each source', () => {
  it('answers 429 with Retry-After once a key has spent it, expensive queries costing more, and spares the others', async () => {
    const limited = await startTestServer(database.pool, { QUERY_RATE_PER_MINUTE: '60', QUERY_RATE_BURST: '10' });
    try {
      const stats = () => fetch(`${limited.url}/api/query/stats?layer=permits`, { headers: harvester });
      expect((await stats()).status).toBe(200);
      expect((await stats()).status).toBe(200);
      const refused = await stats();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(await refused.json()).toMatchObject({ type: 'rate-limited', status: 429, requestId: refused.headers.get('x-request-id') });
      expect((await fetch(`${limited.url}/api/search?q=zerktouni`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
