import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_CHANGE_LOCK } from '../../server/features/history.ts';
import { validFeature } from '../helpers/feature-factories.ts';
import { type FixtureIds, insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { untilStatementsWaitOnLock } from '../helpers/lock-waits.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * Edits wait in a bounded queue of their own (server/app.ts): a burst of them never holds the connections
 * that reads need, and past the queue an edit is refused at once with a 503 and Retry-After. With a pool of
 * 3 connections one edit runs at a time; the test holds the history lock every edit ends with, so the one
 * running waits there and the others stay in the queue (64 places).
 */
const QUEUE_PLACES = 64;
let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;
let ids: FixtureIds;

beforeAll(async () => {
  database = await createScratchDatabase();
  ids = await insertFixtureRows(database.pool);
  admin = await sessionHeaders(database.pool, 'write-queue-admin', 'admin');
  server = await startTestServer(database.pool, { DB_POOL_MAX: '3', QUERY_RATE_PER_MINUTE: '0' });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function createRoad(seed: number): Promise<{ status: number; retryAfter: string | null; type?: string }> {
  const response = await fetch(`${server.url}/ogc/collections/road_segments/items`, {
    method: 'POST', headers: { ...admin, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(validFeature('road_segments', seed)),
  });
  const body = await response.json();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), type: body.type };
}

describe('a burst of edits', () => {
  it('runs one at a time here, queues 64, refuses the rest at once, keeps reads served, and saves every edit it accepted', async () => {
    const before = (await database.pool.query('SELECT count(*)::int AS n FROM road_segments')).rows[0].n;
    const locker = await database.pool.connect();
    let answers: Awaited<ReturnType<typeof createRoad>>[];
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT pg_advisory_xact_lock($1)', [FEATURE_CHANGE_LOCK]);
      const running = createRoad(0);
      await untilStatementsWaitOnLock(database.pool);
      // Which ones are refused depends on the order they arrive in: those answered while the lock is held.
      const settled: Awaited<ReturnType<typeof createRoad>>[] = [];
      const burst = Array.from({ length: QUEUE_PLACES + 6 }, (_, index) => createRoad(index + 1).then((answer) => {
        settled.push(answer);
        return answer;
      }));
      await expect.poll(() => settled.length, { timeout: 10_000 }).toBe(6);
      expect(settled.map((answer) => [answer.status, answer.type, answer.retryAfter])).toEqual(settled.map(() => [503, 'unavailable', '2']));
      // Reads do not wait behind the edits.
      const read = await fetch(`${server.url}/ogc/collections/road_segments/items/${ids.road_segments}`);
      expect(read.status).toBe(200);
      expect(settled.length).toBe(6);
      await locker.query('COMMIT');
      answers = [await running, ...(await Promise.all(burst))].filter((answer) => answer.status !== 503);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      locker.release();
    }
    expect(answers.filter((answer) => answer.status !== 201)).toEqual([]);
    const after = (await database.pool.query('SELECT count(*)::int AS n FROM road_segments')).rows[0].n;
    expect(after - before).toBe(QUEUE_PLACES + 1);
  });
});
