import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { sessionHeaders, TEST_PASSWORD } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

let database: ScratchDatabase;
let server: TestServer;
let untrusting: TestServer;
let planner: Record<string, string>;
const tile = '/tiles/road_segments/14/7844/6567.mvt';

beforeAll(async () => {
  database = await createScratchDatabase();
  await insertFixtureRows(database.pool);
  planner = await sessionHeaders(database.pool, 'policy-planner', 'planner');
  server = await startTestServer(database.pool);
  untrusting = await startTestServer(database.pool, { TRUST_PROXY: 'false' });
});
afterAll(async () => {
  await Promise.all([server?.close(), untrusting?.close()]);
  await database?.drop();
});

const login = (base: string, headers: Record<string, string> = {}) => fetch(`${base}/api/auth/login`, {
  method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ username: 'policy-planner', password: TEST_PASSWORD }),
});

describe('Content-Security-Policy', () => {
  it('allows no inline script or style and nothing from another origin, but the API reference page’s own style by its hash', async () => {
    const response = await fetch(`${server.url}/api/docs`);
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/https?:/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(await response.text())![1]!;
    expect(policy).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });
});

describe('CORS, only where the answer is public', () => {
  it('lets any origin read public tiles, items and search, asked without credentials', async () => {
    for (const path of [tile, '/ogc/collections/road_segments/items?limit=1', '/api/layers', '/api/search?q=zerktouni', '/tiles/road_segments.json']) {
      const response = await fetch(`${server.url}${path}`, { headers: { Origin: 'https://open-data.example', 'Accept-Encoding': 'gzip' } });
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('gives no CORS header to an answer for a signed-in caller, nor to staff routes', async () => {
    expect((await fetch(`${server.url}${tile}`, { headers: { ...planner, Origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${server.url}/api/admin/users`, { headers: { Origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${server.url}/api/changes`, { headers: { Origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight for a public read, never one asking to send credentials or to write', async () => {
    const preflight = (path: string, method: string, headers = '') => fetch(`${server.url}${path}`, {
      method: 'OPTIONS', headers: { Origin: 'https://open-data.example', 'Access-Control-Request-Method': method, ...(headers ? { 'Access-Control-Request-Headers': headers } : {}) },
    });
    const allowed = await preflight(tile, 'GET', 'if-none-match');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('*');
    expect(allowed.headers.get('access-control-allow-headers')!.toLowerCase()).toContain('if-none-match');
    expect(allowed.headers.get('access-control-allow-headers')!.toLowerCase()).not.toContain('authorization');
    expect((await preflight('/ogc/collections/road_segments/items', 'POST')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('/api/admin/users', 'GET')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the session cookie behind a TLS-terminating proxy (TRUST_PROXY)', () => {
  it('is Secure when a trusted proxy says the client spoke https, and only then', async () => {
    const direct = (await login(server.url)).headers.get('set-cookie')!;
    expect(direct).toMatch(/HttpOnly/i);
    expect(direct).toMatch(/SameSite=Strict/i);
    expect(direct).not.toMatch(/;\s*Secure/i);
    expect((await login(server.url, { 'X-Forwarded-Proto': 'https' })).headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    expect((await login(untrusting.url, { 'X-Forwarded-Proto': 'https' })).headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });
});

describe('CSRF: writes authenticated by the session cookie', () => {
  async function cookie(): Promise<string> {
    return (await login(server.url)).headers.get('set-cookie')!.split(';')[0]!;
  }
  const logout = (headers: Record<string, string>) => fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers });

  it('must come from this site: by Origin, or else by Referer; a cross-site fetch is refused', async () => {
    expect((await logout({ Cookie: await cookie() })).status).toBe(403);
    expect((await logout({ Cookie: await cookie(), Referer: 'https://evil.example/page' })).status).toBe(403);
    expect((await logout({ Cookie: await cookie(), Origin: server.url, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await logout({ Cookie: await cookie(), Referer: `${server.url}/staff` })).status).toBe(204);
    expect((await logout({ Cookie: await cookie(), Origin: server.url, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(204);
  });

  it('do not concern bearer tokens, which a browser never sends by itself', async () => {
    expect((await logout({ ...planner, Origin: 'https://elsewhere.example' })).status).toBe(204);
  });
});
