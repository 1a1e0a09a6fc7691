import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/auth/accounts.ts';
import { createSession } from '../../server/auth/sessions.ts';
import { insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { TEST_PASSWORD } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

let database: ScratchDatabase;
let first: TestServer;
let second: TestServer;
let uncached: TestServer;
let sessionReads = 0;
let userCount = 0;

/** The pool the servers use, with its session lookups counted (the queries still go to PostgreSQL). */
function countSessionReads(pool: pg.Pool): pg.Pool {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { query: unknown }).query = (...args: unknown[]) => {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text ?? '';
    if (text.includes('FROM sessions s JOIN users u')) sessionReads += 1;
    return query(...args);
  };
  return pool;
}

beforeAll(async () => {
  database = await createScratchDatabase();
  await insertFixtureRows(database.pool);
  const pool = countSessionReads(database.pool);
  first = await startTestServer(pool);
  second = await startTestServer(pool);
  uncached = await startTestServer(pool, { SESSION_CACHE_SECONDS: '0' });
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close(), uncached?.close()]);
  await database?.drop();
});

async function newSession(role: 'planner' | 'admin' = 'planner'): Promise<{ userId: number; headers: Record<string, string> }> {
  userCount += 1;
  const user = await createUser(database.pool, { username: `cached-${userCount}`, role, password: TEST_PASSWORD });
  const { token } = await createSession(database.pool, user.id, 3600, '127.0.0.1');
  return { userId: user.id, headers: { Authorization: `Bearer ${token}` } };
}

const me = (server: TestServer, headers: Record<string, string>) => fetch(`${server.url}/api/auth/me`, { headers });
const tile = (server: TestServer, headers: Record<string, string>) => fetch(`${server.url}/tiles/road_segments/14/7844/6567.mvt`, { headers });

/** Asks until `isDone` holds (an announcement travels through PostgreSQL to the other process), at most two seconds. */
async function eventually(ask: () => Promise<boolean>): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await ask()) return true;
    await sleep(10);
  }
  return false;
}

describe('the session cache', () => {
  it('reads a session from PostgreSQL once for many staff tiles', async () => {
    const { headers } = await newSession();
    // Until the process listens for announcements, which the cache waits for (the first lookup starts it).
    expect(await eventually(async () => {
      const reads = sessionReads;
      expect((await tile(first, headers)).status).toBeLessThan(300);
      return sessionReads === reads;
    })).toBe(true);
    const before = sessionReads;
    for (let request = 0; request < 20; request += 1) expect((await tile(first, headers)).status).toBeLessThan(300);
    expect(sessionReads - before).toBe(0);
  });

  it('reads it every time when turned off', async () => {
    const { headers } = await newSession();
    const before = sessionReads;
    for (let request = 0; request < 5; request += 1) expect((await tile(uncached, headers)).status).toBeLessThan(300);
    expect(sessionReads - before).toBe(5);
  });

  it('forgets a session at logout: at once on the same process, through NOTIFY on another', async () => {
    const { headers } = await newSession();
    expect((await me(first, headers)).status).toBe(200);
    expect((await me(second, headers)).status).toBe(200);
    const logout = await fetch(`${first.url}/api/auth/logout`, { method: 'POST', headers });
    expect(logout.status).toBe(204);
    expect((await me(first, headers)).status).toBe(401);
    expect(await eventually(async () => (await me(second, headers)).status === 401)).toBe(true);
  });

  it('forgets every session of an account disabled with plain SQL, on every process', async () => {
    const { userId, headers } = await newSession();
    expect((await me(first, headers)).status).toBe(200);
    expect((await me(second, headers)).status).toBe(200);
    await database.pool.query('UPDATE users SET is_disabled = true WHERE id = $1', [userId]);
    expect(await eventually(async () => (await me(first, headers)).status === 401)).toBe(true);
    expect(await eventually(async () => (await me(second, headers)).status === 401)).toBe(true);
  });

  it('sees a new role and new areas, whichever door changed them', async () => {
    const { userId, headers } = await newSession('planner');
    expect((await (await me(second, headers)).json()).role).toBe('planner');
    await database.pool.query("UPDATE users SET role = 'admin' WHERE id = $1", [userId]);
    expect(await eventually(async () => (await (await me(second, headers)).json()).role === 'admin')).toBe(true);
    const reads = sessionReads;
    await database.pool.query('INSERT INTO user_areas (user_id, admin_area_id) SELECT $1, id FROM admin_areas LIMIT 1', [userId]);
    expect(await eventually(async () => {
      await me(second, headers);
      return sessionReads > reads;
    })).toBe(true);
  });

  it('forgets an account changed through the administration API at once on that process', async () => {
    const admin = await newSession('admin');
    const { headers } = await newSession('planner');
    expect((await me(first, headers)).status).toBe(200);
    const disabled = await fetch(`${first.url}/api/admin/users/cached-${userCount}`, {
      method: 'PATCH', headers: { ...admin.headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ isDisabled: true }),
    });
    expect(disabled.status).toBe(200);
    expect((await me(first, headers)).status).toBe(401);
  });
});
