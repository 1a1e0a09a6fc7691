import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/auth/accounts.ts';
import { validFeature } from '../helpers/feature-factories.ts';
import { sessionHeaders, TEST_PASSWORD } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * README: "Every error is application/problem+json with a request id" and says nothing internal. One
 * request per status the API documents beyond 400/401/403/404 (which tiles.test.ts and access-matrix cover).
 */
let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  database = await createScratchDatabase();
  admin = await sessionHeaders(database.pool, 'root', 'admin');
  await createUser(database.pool, { username: 'limited', role: 'planner', password: TEST_PASSWORD });
  server = await startTestServer(database.pool, { MAX_BODY_BYTES: '20000', LOGIN_ATTEMPTS_PER_USERNAME: '1' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const send = (method: string, path: string, body: string, contentType = 'application/json', headers: Record<string, string> = admin) =>
  fetch(`${server.url}${path}`, { method, headers: { ...headers, 'Content-Type': contentType }, body });

/** The response is a problem document for `status` with a request id, and names nothing internal. */
async function expectProblem(response: Response, status: number, type: string): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  const text = await response.text();
  expect(text).not.toMatch(/SELECT|INSERT|UPDATE |constraint|violates|stack|\.ts:\d/i);
  const problem = JSON.parse(text);
  expect(problem).toMatchObject({ type: expect.stringContaining(type), title: expect.any(String), status, requestId });
  return problem;
}

describe('problem+json', () => {
  it('409 for a duplicate (a permit reference already taken)', async () => {
    const body = JSON.stringify(validFeature('permits', 1));
    expect((await send('POST', '/ogc/collections/permits/items', body, 'application/geo+json')).status).toBe(201);
    await expectProblem(await send('POST', '/ogc/collections/permits/items', body, 'application/geo+json'), 409, 'conflict');
  });

  it('412 for a stale If-Match, with the current ETag', async () => {
    const created = await send('POST', '/ogc/collections/road_segments/items', JSON.stringify(validFeature('road_segments', 2)), 'application/geo+json');
    const { id } = await created.json();
    const stale = await fetch(`${server.url}/ogc/collections/road_segments/items/${id}`, {
      method: 'PATCH', headers: { ...admin, 'If-Match': '"v9.AAAAAAAA"', 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ properties: { condition: 'poor' } }),
    });
    await expectProblem(stale, 412, 'precondition-failed');
  });

  it('413 for a body over MAX_BODY_BYTES', async () => {
    const huge = JSON.stringify({ ...validFeature('road_segments', 3), padding: 'x'.repeat(30_000) });
    await expectProblem(await send('POST', '/ogc/collections/road_segments/items', huge, 'application/geo+json'), 413, 'too-large');
  });

  it('415 for a body that is not JSON', async () => {
    await expectProblem(await send('POST', '/ogc/collections/road_segments/items', 'name=x', 'text/plain'), 415, 'unsupported-media-type');
  });

  it('422 with issues for a feature that does not fit its layer', async () => {
    const wrong = JSON.stringify({ ...validFeature('road_segments', 4), properties: { road_class: 'runway' } });
    const problem = await expectProblem(await send('POST', '/ogc/collections/road_segments/items', wrong, 'application/geo+json'), 422, 'invalid');
    expect(problem.issues).toContainEqual(expect.objectContaining({ pointer: '/properties/road_class' }));
  });

  it('429 with Retry-After for too many failed sign-ins', async () => {
    const login = (password: string) => send('POST', '/api/auth/login', JSON.stringify({ username: 'limited', password }), 'application/json', {});
    expect((await login('wrong password')).status).toBe(401);
    const limited = await login(TEST_PASSWORD);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    await expectProblem(limited, 429, 'too-many-login-attempts');
  });
});
