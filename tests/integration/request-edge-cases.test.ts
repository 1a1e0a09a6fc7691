import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { sendRawRequest } from '../helpers/raw-http.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;
let roadId: number;

beforeAll(async () => {
  database = await createScratchDatabase();
  roadId = (await insertFixtureRows(database.pool)).road_segments;
  admin = await sessionHeaders(database.pool, 'root', 'admin');
  server = await startTestServer(database.pool);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('a bbox crossing the antimeridian (OGC API - Features Part 1)', () => {
  it('is read as two boxes: none of the city east of 170°E, all of it in 170°E..5°W', async () => {
    const far = await fetch(`${server.url}/ogc/collections/road_segments/items?bbox=170,-10,-170,10`);
    expect(far.status).toBe(200);
    expect((await far.json()).features).toEqual([]);
    const wrapped = await fetch(`${server.url}/ogc/collections/road_segments/items?bbox=170,-90,-5,90`);
    expect(wrapped.status).toBe(200);
    expect((await wrapped.json()).features.map((feature: { id: number }) => feature.id)).toContain(roadId);
  });

  it('still refuses south above north', async () => {
    expect((await fetch(`${server.url}/ogc/collections/road_segments/items?bbox=170,10,-170,-10`)).status).toBe(400);
  });
});

describe('every 401 says how to authenticate', () => {
  it('a wrong password, a missing sign-in and a dead token all carry WWW-Authenticate', async () => {
    const wrong = await postJson('/api/auth/login', JSON.stringify({ username: 'root', password: 'not the password' }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer realm="casa-sig"/);
    const anonymous = await fetch(`${server.url}/api/admin/users`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const dead = await fetch(`${server.url}/api/layers`, { headers: { Authorization: `Bearer cst_${'A'.repeat(43)}` } });
    expect(dead.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });
});

describe('the size of a 400 does not grow with the input', () => {
  const manyKeys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, 1]));

  it('a body with 50,000 unknown keys gets a small answer', async () => {
    const response = await postJson('/api/auth/login', JSON.stringify({ username: 'a', password: 'b', ...manyKeys(50_000) }));
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(5_000);
  });

  it('a feature with 50,000 unknown properties lists 50 issues and counts the rest', async () => {
    const body = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[-7.63, 33.58], [-7.62, 33.59]] }, properties: manyKeys(50_000) };
    const response = await postJson('/ogc/collections/road_segments/items', JSON.stringify(body), admin);
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text.length).toBeLessThan(60_000);
    const problem = JSON.parse(text);
    expect(problem.issues).toHaveLength(50);
    expect(problem.issuesOmitted).toBeGreaterThan(49_900);
  });

  it('a 100,000-character key is cut short in the pointer and message', async () => {
    const body = { type: 'Feature', geometry: null, properties: { ['x'.repeat(100_000)]: 1 } };
    const response = await postJson('/ogc/collections/road_segments/items', JSON.stringify(body), admin);
    expect(response.status).toBe(422);
    expect((await response.text()).length).toBeLessThan(10_000);
  });
});

describe('anonymous writes where nothing is writable to the public', () => {
  /** Headers announcing a 10 MB body, then only its first kilobyte: an answer proves the body was not awaited. */
  const headThenStall = (method: string, path: string) =>
    `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{"a":"${'x'.repeat(1_000)}`;

  it.each([
    ['POST', '/api/admin/users'],
    ['POST', '/ogc/collections/road_segments/items'],
    ['PATCH', '/ogc/collections/road_segments/items/1'],
    ['POST', '/api/changes'],
    ['DELETE', '/api/admin/webhooks/1'],
  ])('%s %s is a 401 before the body arrives', async (method, path) => {
    const response = await sendRawRequest(server.url, headThenStall(method, path));
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('a malformed body to such a route is a 401 that describes no schema', async () => {
    for (const body of ['{"type":"Feature","geometry":{"coordinates":"(-7.68 33.58)"}}', '{"type": Feature']) {
      const response = await postJson('/ogc/collections/road_segments/items', body);
      expect(response.status).toBe(401);
      expect(JSON.stringify(await response.json())).not.toMatch(/geometry|JSON/);
    }
  });

  it('routes open to the public still read and judge the body', async () => {
    expect((await postJson('/api/auth/login', '{"username":1}')).status).toBe(400);
    expect((await postJson('/api/query/within', '{"layers":[]}')).status).toBe(400);
  });
});

describe('refused sign-ins in the audit', () => {
  it('are written once per source and window, like denials, with the username tried', async () => {
    const attempt = () => postJson('/api/auth/login', JSON.stringify({ username: 'target', password: 'wrong-wrong' }));
    for (let failure = 0; failure < 5; failure += 1) expect((await attempt()).status).toBe(401);
    for (let refusal = 0; refusal < 30; refusal += 1) expect((await attempt()).status).toBe(429);
    const rows = (await database.pool.query("SELECT detail FROM security_events WHERE kind = 'login_rate_limited'")).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0].detail).toMatchObject({ status: 429, username: 'target' });
  });
});
