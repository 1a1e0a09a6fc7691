import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/auth/accounts.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';
import { ManualClock } from '../helpers/manual-clock.ts';
import { TEST_PASSWORD } from '../helpers/principals.ts';

let database: ScratchDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createScratchDatabase();
  await createUser(database.pool, { username: 'amina', role: 'planner', password: TEST_PASSWORD });
  await createUser(database.pool, { username: 'root', role: 'admin', password: TEST_PASSWORD });
  await createUser(database.pool, { username: 'victim', role: 'inspector', password: TEST_PASSWORD });
  server = await startTestServer(database.pool, { LOGIN_ATTEMPTS_PER_USERNAME: '3', LOGIN_ATTEMPTS_PER_ADDRESS: '1000' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function login(username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await post('/api/auth/login', { username, password });
  expect(response.status).toBe(200);
  return (await response.json()).token;
}

async function eventCount(kind: string): Promise<number> {
  return Number((await database.pool.query('SELECT count(*) FROM security_events WHERE kind = $1', [kind])).rows[0].count);
}

describe('login, me, logout', () => {
  it('returns a bearer token and an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await post('/api/auth/login', { username: 'amina', password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ tokenType: 'Bearer', user: { username: 'amina', role: 'planner' } });
    expect(body.token).toMatch(/^cst_/);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^casa_sig_session=cst_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const stored = await database.pool.query('SELECT token_hash FROM sessions ORDER BY id DESC LIMIT 1');
    expect(stored.rows[0].token_hash.toString()).not.toContain(body.token);

    const me = await (await fetch(`${server.url}/api/auth/me`, { headers: { Authorization: `Bearer ${body.token}` } })).json();
    expect(me).toMatchObject({ kind: 'user', username: 'amina', role: 'planner' });
    expect(me.permissions.layers.road_segments).toEqual({ read: true, create: true, update: true, delete: true, personal: false });
    expect(me.permissions.layers.inspections).toBeUndefined();

    const byCookie = await (await fetch(`${server.url}/api/auth/me`, { headers: { Cookie: cookie.split(';')[0]! } })).json();
    expect(byCookie.username).toBe('amina');
  });

  it('revokes the session at logout', async () => {
    const token = await login('amina');
    const headers = { Authorization: `Bearer ${token}` };
    expect((await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers })).status).toBe(204);
    const after = await fetch(`${server.url}/api/auth/me`, { headers });
    expect(after.status).toBe(401);
    expect((await after.json()).type).toBe('invalid-credentials');
  });

  it('answers a wrong password and an unknown user alike, and audits both', async () => {
    const before = await eventCount('login_failed');
    const wrong = await post('/api/auth/login', { username: 'root', password: 'not the password' });
    const unknown = await post('/api/auth/login', { username: 'nobody', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [wrongBody, unknownBody] = [await wrong.json(), await unknown.json()];
    expect({ ...wrongBody, requestId: 0, instance: 0 }).toEqual({ ...unknownBody, requestId: 0, instance: 0 });
    expect(await eventCount('login_failed')).toBe(before + 2);
  });

  it('rejects a malformed body with 400 naming the field', async () => {
    const response = await post('/api/auth/login', { username: 'amina' });
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toContainEqual(expect.objectContaining({ pointer: '/password' }));
    const malformed = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).type).toBe('malformed-json');
  });

  it('rate-limits repeated failures for a username with 429 and Retry-After, even with the right password', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await post('/api/auth/login', { username: 'victim', password: 'guess-guess' })).status).toBe(401);
    }
    const limited = await post('/api/auth/login', { username: 'victim', password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect((await limited.json()).type).toBe('too-many-login-attempts');
    expect(await eventCount('login_rate_limited')).toBeGreaterThan(0);
  });

  it('rate-limits repeated failures from one address with 429, whatever the usernames, and only that address', async () => {
    const strict = await startTestServer(database.pool, { LOGIN_ATTEMPTS_PER_USERNAME: '100', LOGIN_ATTEMPTS_PER_ADDRESS: '3' });
    try {
      // The server trusts the loopback proxy, so X-Forwarded-For names the client's address.
      const from = (address: string, username: string, password: string) => fetch(`${strict.url}/api/auth/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address }, body: JSON.stringify({ username, password }),
      });
      for (const username of ['guess-1', 'guess-2', 'guess-3']) expect((await from('198.51.100.23', username, 'wrong password')).status).toBe(401);
      const limited = await from('198.51.100.23', 'amina', TEST_PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('900');
      expect((await limited.json()).type).toBe('too-many-login-attempts');
      expect((await from('198.51.100.24', 'amina', TEST_PASSWORD)).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('refuses cookie-authenticated writes from another origin', async () => {
    const response = await post('/api/auth/login', { username: 'amina', password: TEST_PASSWORD });
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const crossSite = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { Cookie: cookie, Origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const sameSite = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { Cookie: cookie, Origin: server.url } });
    expect(sameSite.status).toBe(204);
  });

  it('lets a dead cookie fall back to the public instead of breaking the public map', async () => {
    const response = await fetch(`${server.url}/api/layers`, { headers: { Cookie: `casa_sig_session=cst_${'B'.repeat(43)}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/casa_sig_session=;/);
  });
});

describe('administration', () => {
  it('creates, lists, disables users and revokes their sessions', async () => {
    const admin = { Authorization: `Bearer ${await login('root')}` };
    const created = await post('/api/admin/users', { username: 'karim', role: 'inspector' }, admin);
    expect(created.status).toBe(201);
    const { password, user } = await created.json();
    expect(user).toMatchObject({ username: 'karim', role: 'inspector', isDisabled: false });
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const karim = { Authorization: `Bearer ${await login('karim', password)}` };

    const list = await (await fetch(`${server.url}/api/admin/users`, { headers: admin })).json();
    expect(list.users.map((entry: { username: string }) => entry.username)).toContain('karim');
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password/);

    const disabled = await fetch(`${server.url}/api/admin/users/karim`, { method: 'PATCH', headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ isDisabled: true }) });
    expect(disabled.status).toBe(200);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: karim })).status).toBe(401);
    expect((await post('/api/auth/login', { username: 'karim', password })).status).toBe(401);

    const duplicate = await post('/api/admin/users', { username: 'karim', role: 'planner', password: 'long enough password' }, admin);
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).not.toMatch(/users_username_key|duplicate key/);
  });

  it('revokes a user\'s sessions when an administrator changes the role or the assigned areas', async () => {
    await database.pool.query(`INSERT INTO admin_areas (level, code, name_fr, name_ar, geom)
      VALUES ('prefecture', 'T-REVOKE', 'Zone de test', 'منطقة اختبار', ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(-7.6, 33.58), 4326), 0.01)))
      ON CONFLICT (code) DO NOTHING`);
    const admin = { Authorization: `Bearer ${await login('root')}` };
    const { password } = await (await post('/api/admin/users', { username: 'nadia', role: 'inspector' }, admin)).json();
    const patchNadia = (body: unknown) => fetch(`${server.url}/api/admin/users/nadia`, {
      method: 'PATCH', headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const me = (token: string) => fetch(`${server.url}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } });

    const beforeRoleChange = await login('nadia', password);
    expect((await me(beforeRoleChange)).status).toBe(200);
    expect((await patchNadia({ role: 'planner' })).status).toBe(200);
    expect((await me(beforeRoleChange)).status).toBe(401);
    const asPlanner = await login('nadia', password);
    expect(await (await me(asPlanner)).json()).toMatchObject({ role: 'planner' });

    expect((await patchNadia({ areas: ['T-REVOKE'] })).status).toBe(200);
    expect((await me(asPlanner)).status).toBe(401);
    expect((await me(await login('nadia', password))).status).toBe(200);
  });

  it('issues API keys once, records their use, and revokes them', async () => {
    const admin = { Authorization: `Bearer ${await login('root')}` };
    const created = await post('/api/admin/api-keys', { module: 'open-data', scopes: ['transit_stops:read', 'search'] }, admin);
    expect(created.status).toBe(201);
    const { key, apiKey } = await created.json();
    expect(key).toMatch(/^csk_/);
    const keyHeaders = { Authorization: `Bearer ${key}` };
    const me = await (await fetch(`${server.url}/api/auth/me`, { headers: keyHeaders })).json();
    expect(me).toMatchObject({ kind: 'api_key', module: 'open-data', scopes: ['search', 'transit_stops:read'] });
    const listed = await (await fetch(`${server.url}/api/admin/api-keys`, { headers: admin })).json();
    const entry = listed.apiKeys.find((candidate: { prefix: string }) => candidate.prefix === apiKey.prefix);
    expect(entry.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(key.split('_').slice(2).join('_'));

    const badScope = await post('/api/admin/api-keys', { module: 'tax', scopes: ['everything'] }, admin);
    expect(badScope.status).toBe(400);

    expect((await fetch(`${server.url}/api/admin/api-keys/${apiKey.prefix}`, { method: 'DELETE', headers: admin })).status).toBe(204);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: keyHeaders })).status).toBe(401);
  });

  it('shows administrators the audit of logins, failures, key use and denials, newest first and paged', async () => {
    // Every kind of event, made here so that the test does not depend on the others.
    const admin = { Authorization: `Bearer ${await login('root')}` };
    expect((await post('/api/auth/login', { username: 'nobody-audited', password: 'not the password' })).status).toBe(401);
    expect((await post('/api/admin/users', { username: 'audited', role: 'planner' }, admin)).status).toBe(201);
    const { key, apiKey } = await (await post('/api/admin/api-keys', { module: 'audit-test', scopes: ['search'] }, admin)).json();
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
    expect((await fetch(`${server.url}/api/admin/api-keys/${apiKey.prefix}`, { method: 'DELETE', headers: admin })).status).toBe(204);
    expect((await fetch(`${server.url}/tiles/inspections/14/0/0.mvt`)).status).toBe(401);
    const page = await (await fetch(`${server.url}/api/admin/security-events?limit=5`, { headers: admin })).json();
    expect(page.events).toHaveLength(5);
    expect(page.events[0].id).toBeGreaterThan(page.events[4].id);
    expect(page.next).toMatch(/before=/);
    const kinds = new Set<string>();
    for (const kind of ['login', 'login_failed', 'key_used', 'access_denied', 'user_created', 'key_created', 'key_revoked']) {
      const filtered = await (await fetch(`${server.url}/api/admin/security-events?kind=${kind}`, { headers: admin })).json();
      if (filtered.events.length > 0) kinds.add(kind);
      for (const event of filtered.events) expect(event).toMatchObject({ kind, occurredAt: expect.any(String), principal: expect.any(String) });
    }
    expect([...kinds].sort()).toEqual(['access_denied', 'key_created', 'key_revoked', 'key_used', 'login', 'login_failed', 'user_created']);
    const denied = await (await fetch(`${server.url}/api/admin/security-events?kind=access_denied&limit=1`, { headers: admin })).json();
    expect(denied.events[0]).toMatchObject({ principal: 'public', address: expect.any(String), detail: { status: 401 } });
  });

  it('filters the audit by principal and by time, and keeps the filters in the next page', async () => {
    const admin = { Authorization: `Bearer ${await login('root')}` };
    const events = async (query: string) => {
      const response = await fetch(`${server.url}/api/admin/security-events?${query}`, { headers: admin });
      expect(response.status, query).toBe(200);
      return (await response.json()) as { events: { id: number; principal: string; occurredAt: string; kind: string }[]; next: string | null };
    };
    const rootLogins = await events('principal=user%3Aroot&kind=login');
    expect(rootLogins.events.length).toBeGreaterThan(0);
    for (const event of rootLogins.events) expect(event).toMatchObject({ principal: 'user:root', kind: 'login' });
    expect((await events('principal=user%3Anobody-here')).events).toEqual([]);

    const all = await events('limit=500');
    const middle = all.events[Math.floor(all.events.length / 2)]!;
    const since = await events(`since=${encodeURIComponent(middle.occurredAt)}&limit=500`);
    const until = await events(`until=${encodeURIComponent(middle.occurredAt)}&limit=500`);
    for (const event of since.events) expect(Date.parse(event.occurredAt)).toBeGreaterThanOrEqual(Date.parse(middle.occurredAt));
    for (const event of until.events) expect(Date.parse(event.occurredAt)).toBeLessThan(Date.parse(middle.occurredAt));
    expect(since.events.length + until.events.length).toBe(all.events.length);

    const firstPage = await events('principal=user%3Aroot&limit=1');
    expect(firstPage.next).toContain('principal=user%3Aroot');
    const secondPage = (await (await fetch(`${server.url}${firstPage.next}`, { headers: admin })).json()) as typeof firstPage;
    for (const event of secondPage.events) expect(event.principal).toBe('user:root');
    expect((await fetch(`${server.url}/api/admin/security-events?since=yesterday`, { headers: admin })).status).toBe(400);
  });

  it('lists the admin areas accounts can be confined to, to administrators only', async () => {
    await database.pool.query(
      `INSERT INTO admin_areas (level, code, name_fr, name_ar, population, geom)
       SELECT 'prefecture', 'TEST-AREA-LIST', 'Zone de liste', 'منطقة القائمة', 1000, ST_Multi(ST_MakeEnvelope(-7.62, 33.58, -7.61, 33.59, 4326))
       WHERE NOT EXISTS (SELECT 1 FROM admin_areas WHERE code = 'TEST-AREA-LIST')`,
    );
    const admin = { Authorization: `Bearer ${await login('root')}` };
    const body = (await (await fetch(`${server.url}/api/admin/areas`, { headers: admin })).json()) as { areas: { id: number; code: string; level: string }[] };
    expect(body.areas).toContainEqual({ id: expect.any(Number), code: 'TEST-AREA-LIST', name_fr: 'Zone de liste', name_ar: 'منطقة القائمة', level: 'prefecture' });
    expect((await fetch(`${server.url}/api/admin/areas`)).status).toBe(401);
  });

  it('lists the scopes an API key may be given, to administrators only', async () => {
    const admin = { Authorization: `Bearer ${await login('root')}` };
    const body = (await (await fetch(`${server.url}/api/admin/api-keys/scopes`, { headers: admin })).json()) as { scopes: string[] };
    expect(body.scopes).toEqual(expect.arrayContaining(['road_segments:read', 'permits:personal', 'query:stats', 'search', 'changes:read']));
    expect((await fetch(`${server.url}/api/admin/api-keys/scopes`)).status).toBe(401);
  });

  it('audits a burst of denials from one source once, then sums the rest of its window in one row', async () => {
    const clock = new ManualClock();
    const windowed = await startTestServer(database.pool, { DENIAL_AUDIT_WINDOW_SECONDS: '60' }, { clock });
    try {
      const deadKey = { Authorization: 'Bearer csk_deadbeef_0000000000000000000000000000000000000000000' };
      const deniedRows = async (after: number) => (await database.pool.query(
        "SELECT detail FROM security_events WHERE kind = 'access_denied' AND id > $1 ORDER BY id", [after])).rows.map((row) => row.detail);
      const before = Number((await database.pool.query('SELECT coalesce(max(id), 0) AS id FROM security_events')).rows[0].id);
      for (const path of ['/api/query/stats?layer=permits', '/api/auth/me', '/api/admin/users', '/api/auth/me', '/api/admin/users']) {
        expect((await fetch(`${windowed.url}${path}`, { headers: deadKey })).status).toBe(401);
        clock.advance(1_000);
      }
      expect(await deniedRows(before)).toEqual([{ status: 401, type: 'invalid-credentials', method: 'GET', path: '/api/query/stats' }]);
      // The summary is written when the window ends, without another request.
      clock.advance(60_000);
      for (let attempt = 0; attempt < 100 && (await deniedRows(before)).length < 2; attempt += 1) await new Promise((resolve) => setImmediate(resolve));
      expect(await deniedRows(before)).toEqual([
        { status: 401, type: 'invalid-credentials', method: 'GET', path: '/api/query/stats' },
        { status: 401, type: 'invalid-credentials', repeated: 4, windowSeconds: 60, paths: ['GET /api/auth/me', 'GET /api/admin/users'] },
      ]);
    } finally {
      await windowed.close();
    }
  });
});
