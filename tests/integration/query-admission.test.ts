import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validFeature } from '../helpers/feature-factories.ts';
import { untilStatementsWaitOnLock } from '../helpers/lock-waits.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * The query queue on a real database: one spatial query is kept waiting on a table lock, so it holds the only
 * query slot; the next query, search or item list is refused with a 503, while an edit still goes through.
 */
let database: ScratchDatabase;
let server: TestServer;
let planner: Record<string, string>;

beforeAll(async () => {
  database = await createScratchDatabase();
  planner = await sessionHeaders(database.pool, 'amina', 'planner');
  server = await startTestServer(database.pool, { QUERY_CONCURRENCY_MAX: '1', QUERY_QUEUE_MAX: '0' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('query queue', () => {
  it('refuses queries, searches and item lists past its bounds with a 503 problem, and leaves connections for edits', async () => {
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE permits IN ACCESS EXCLUSIVE MODE');
      const held = fetch(`${server.url}/api/query/stats?layer=permits&by=arrondissement`);
      // Settled however the test ends: the finally below releases the lock it waits on.
      held.catch(() => undefined);
      await untilStatementsWaitOnLock(database.pool);

      const refused = await fetch(`${server.url}/api/search?q=zerktouni`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.headers.get('retry-after')).toBe('2');
      const problem = await refused.json();
      expect(problem).toMatchObject({
        status: 503, type: expect.stringContaining('unavailable'), detail: 'Too many queries are running right now; retry shortly',
        requestId: refused.headers.get('x-request-id'),
      });

      expect((await fetch(`${server.url}/ogc/collections/road_segments/items?limit=10`)).status).toBe(503);
      expect((await fetch(`${server.url}/api/query/nearby?layer=transit_stops&lon=-7.62&lat=33.59`)).status).toBe(503);

      const edit = await fetch(`${server.url}/ogc/collections/road_segments/items`, {
        method: 'POST',
        headers: { ...planner, 'Content-Type': 'application/geo+json', Origin: server.url },
        body: JSON.stringify(validFeature('road_segments', 1)),
      });
      expect(edit.status, await edit.clone().text()).toBe(201);

      await locker.query('ROLLBACK');
      const answered = await held;
      expect(answered.status).toBe(200);
      expect((await answered.json()).layer).toBe('permits');
      expect((await fetch(`${server.url}/api/search?q=zerktouni`)).status).toBe(200);
      expect((await fetch(`${server.url}/ogc/collections/road_segments/items?limit=10`)).status).toBe(200);
    } finally {
      await locker.end();
    }
  });
});
