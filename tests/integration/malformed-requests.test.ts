import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPool } from '../helpers/database.ts';
import { sendRawRequest, type RawResponse } from '../helpers/raw-http.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

let pool: pg.Pool;
let server: TestServer;

beforeAll(async () => {
  pool = createTestPool();
  server = await startTestServer(pool);
});
afterAll(async () => {
  await server?.close();
  await pool?.end();
});

/** Every error keeps one shape: problem+json with a request id in the body and the header. */
function expectProblem(response: RawResponse, status: number): Record<string, unknown> {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.body) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, requestId: expect.any(String), type: expect.any(String), title: expect.any(String) });
  expect(response.headers['x-request-id']).toBe(problem.requestId);
  expect(response.headers['content-security-policy']).toBeDefined();
  return problem;
}

const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`;

describe("errors of Node's own HTTP parser", () => {
  it('answers an Expect other than 100-continue with a 417 problem', async () => {
    const problem = expectProblem(await sendRawRequest(server.url, get('/api/layers', 'Expect: fz-continue\r\n')), 417);
    expect(problem.type).toBe('expectation-failed');
  });

  it('answers raw non-ASCII bytes in the path with a 400 problem', async () => {
    const request = Buffer.concat([Buffer.from('GET /ogc/collections/'), Buffer.from([0xff, 0xfe]), Buffer.from(' HTTP/1.1\r\nHost: localhost\r\n\r\n')]);
    expectProblem(await sendRawRequest(server.url, request), 400);
  });

  it('answers a bad request line with a 400 problem', async () => {
    expectProblem(await sendRawRequest(server.url, 'NOT A REQUEST\r\n\r\n'), 400);
  });

  it('answers a 20,000-character query string with a 431 problem', async () => {
    const problem = expectProblem(await sendRawRequest(server.url, get(`/api/search?q=${'a'.repeat(20_000)}`)), 431);
    expect(problem.type).toBe('headers-too-large');
  });

  it('keeps serving afterwards', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('URLs that are not text', () => {
  const paths = [
    '/ogc/collections/road_segments/items/%FF%FE',
    '/ogc/collections/%/items',
    '/ogc/collections/road_segments/items/1/history/%C0%AF/restore',
    '/ogc/collections/road_segments/items/%E0%A4%A/history',
    '/tiles/%FF/1/0/0.mvt',
    '/tiles/road_segments/%/0/0.mvt',
    '/archives/%FF.pmtiles',
    '/api/webhooks/%FF',
    '/api/admin/api-keys/1%00',
    '/api/layers?x=%FF',
    '/api/search?q=a%00b',
    '/api/search?q=%',
  ];
  it.each(paths)('GET %s is a 400 problem', async (path) => {
    expectProblem(await sendRawRequest(server.url, get(path)), 400);
  });

  it.each(['DELETE', 'POST', 'PATCH'])('%s with a NUL in the path is a 400 problem, also for an administrator', async (method) => {
    const response = await sendRawRequest(server.url, `${method} /api/admin/api-keys/1%00 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    expectProblem(response, 400);
  });
});

describe('a session cookie that is not percent-encoded', () => {
  it('counts as no session: the public answer, and the cookie is cleared', async () => {
    for (const cookie of ['%', '%FF', '%E0%A4%A']) {
      const response = await fetch(`${server.url}/api/layers`, { headers: { Cookie: `casa_sig_session=${cookie}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toMatch(/^casa_sig_session=;/);
    }
  });
});

describe('JSON bodies no route can use', () => {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  it('refuses a NUL in a string or a key with a 400 naming where it is', async () => {
    const response = await post('/api/auth/login', JSON.stringify({ username: 'a\u0000b', password: 'x' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await response.json();
    expect(problem).toMatchObject({ type: 'invalid-character', issues: [{ pointer: '/username' }] });
    expect((await post('/api/auth/login', '{"user\\u0000name":"a","password":"b"}')).status).toBe(400);
  });

  it('refuses a body nested 10,000 deep with a 400, and keeps serving', async () => {
    const response = await post('/api/query/within', `{"layers":["road_segments"],"geometry":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expect(response.status).toBe(400);
    expect((await response.json()).type).toBe('json-too-deep');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
