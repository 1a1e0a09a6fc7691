import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validFeature } from '../helpers/feature-factories.ts';
import { insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;
let seed = 0;

beforeAll(async () => {
  database = await createScratchDatabase();
  await insertFixtureRows(database.pool);
  admin = await sessionHeaders(database.pool, 'root', 'admin');
  server = await startTestServer(database.pool);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const itemsUrl = (layer: string) => `${server.url}/ogc/collections/${layer}/items`;
const send = (method: string, url: string, headers: Record<string, string>, body?: unknown, contentType = 'application/geo+json') =>
  fetch(url, { method, headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': contentType }) }, body: body === undefined ? undefined : JSON.stringify(body) });
const patch = (layer: string, id: number, ifMatch: string | undefined, body: unknown) =>
  send('PATCH', `${itemsUrl(layer)}/${id}`, { ...admin, ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }) }, body, 'application/merge-patch+json');

async function create(layer: string, establishmentId?: number): Promise<{ id: number; etag: string; body: unknown }> {
  const body = validFeature(layer, ++seed, establishmentId);
  const response = await send('POST', itemsUrl(layer), admin, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return { id: (await response.json()).id, etag: response.headers.get('etag')!, body };
}

async function historyCount(layer: string, id: number): Promise<number> {
  return Number((await database.pool.query('SELECT count(*) FROM feature_history WHERE layer = $1 AND feature_id = $2', [layer, id])).rows[0].count);
}

async function expectProblem(response: Response, status: number, type?: string): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = await response.json();
  expect(problem.requestId).toEqual(expect.any(String));
  if (type) expect(problem.type).toBe(type);
  return problem;
}

describe('If-Match (RFC 9110 §13.1.1, OGC API - Features Part 4)', () => {
  const body = { properties: { condition: 'poor' } };

  it('answers a well-formed stale tag with 412 and the current ETag', async () => {
    const road = await create('road_segments');
    const response = await patch('road_segments', road.id, '"stale"', body);
    const problem = await expectProblem(response, 412, 'precondition-failed');
    expect(response.headers.get('etag')).toBe(road.etag);
    expect(problem.currentEtag).toBe(road.etag);
  });

  it('never matches a weak tag, even of the current version', async () => {
    const road = await create('road_segments');
    await expectProblem(await patch('road_segments', road.id, `W/${road.etag}`, body), 412);
  });

  it('compares the whole tag: the right version with a made-up suffix is 412', async () => {
    const road = await create('road_segments');
    await expectProblem(await patch('road_segments', road.id, '"v1.AAAAAAAA"', body), 412);
    expect(road.etag).not.toBe('"v1.AAAAAAAA"');
  });

  it('lets * through on an existing feature, and any tag of a list', async () => {
    const road = await create('road_segments');
    const starred = await patch('road_segments', road.id, '*', body);
    expect(starred.status).toBe(200);
    const listed = await patch('road_segments', road.id, `"old", ${starred.headers.get('etag')}`, { properties: { condition: 'good' } });
    expect(listed.status).toBe(200);
  });

  it('is 428 only when the header is missing, 400 when malformed', async () => {
    const road = await create('road_segments');
    await expectProblem(await patch('road_segments', road.id, undefined, body), 428, 'precondition-required');
    await expectProblem(await patch('road_segments', road.id, 'v1', body), 400, 'invalid-if-match');
    await expectProblem(await send('DELETE', `${itemsUrl('road_segments')}/${road.id}`, { ...admin, 'If-Match': '"stale"' }), 412);
    expect(await historyCount('road_segments', road.id)).toBe(1);
  });

  it('applies to change sets and restores alike', async () => {
    const road = await create('road_segments');
    const changes = await send('POST', `${server.url}/api/changes`, admin, { changes: [{ op: 'update', layer: 'road_segments', id: road.id, ifMatch: 'W/"x"', patch: body }] }, 'application/json');
    expect((await expectProblem(changes, 412)).changeIndex).toBe(0);
    const restore = await send('POST', `${itemsUrl('road_segments')}/${road.id}/history/1/restore`, { ...admin, 'If-Match': '"v1.AAAAAAAA"' });
    await expectProblem(restore, 412);
  });
});

describe('a layer whose geometry is derived (inspections)', () => {
  it('refuses a geometry on create and changes nothing', async () => {
    const establishment = await create('establishments');
    const before = Number((await database.pool.query('SELECT count(*) FROM inspections')).rows[0].count);
    const body = { ...validFeature('inspections', ++seed, establishment.id), geometry: { type: 'Point', coordinates: '(-7.68 33.58)' } };
    const problem = await expectProblem(await send('POST', itemsUrl('inspections'), admin, body), 422, 'invalid-feature');
    expect(problem.issues).toContainEqual(expect.objectContaining({ pointer: '/geometry', code: 'derived-geometry' }));
    expect(Number((await database.pool.query('SELECT count(*) FROM inspections')).rows[0].count)).toBe(before);
  });

  it('refuses a PATCH of its geometry, writing no version', async () => {
    const establishment = await create('establishments');
    const inspection = await create('inspections', establishment.id);
    const response = await patch('inspections', inspection.id, inspection.etag, { geometry: { type: 'Point', coordinates: [200, 33.58] } });
    await expectProblem(response, 422, 'invalid-feature');
    expect(await historyCount('inspections', inspection.id)).toBe(1);
    expect((await send('GET', `${itemsUrl('inspections')}/${inspection.id}`, admin)).headers.get('etag')).toBe(inspection.etag);
  });

  it('accepts "geometry": null, which claims no place of its own', async () => {
    const establishment = await create('establishments');
    const inspection = await create('inspections', establishment.id);
    const response = await patch('inspections', inspection.id, inspection.etag, { geometry: null, properties: { score: 40, grade: 'C' } });
    expect(response.status, await response.clone().text()).toBe(200);
  });
});

describe('an edit that changes nothing', () => {
  it('writes no version and no history: PATCH with the current values, PUT of the same feature', async () => {
    const road = await create('road_segments');
    const same = await patch('road_segments', road.id, road.etag, { properties: { condition: 'good' } });
    expect(same.status).toBe(200);
    expect(same.headers.get('etag')).toBe(road.etag);
    const put = await send('PUT', `${itemsUrl('road_segments')}/${road.id}`, { ...admin, 'If-Match': road.etag }, road.body);
    expect(put.status, await put.clone().text()).toBe(200);
    expect(put.headers.get('etag')).toBe(road.etag);
    expect(await historyCount('road_segments', road.id)).toBe(1);
    const changed = await patch('road_segments', road.id, road.etag, { properties: { condition: 'poor' } });
    expect(changed.headers.get('etag')).toMatch(/^"v2\./);
    expect(await historyCount('road_segments', road.id)).toBe(2);
  });
});

describe('restore of a version past the integer range', () => {
  it.each(['2147483648', '99999999999', '2147483647'])('version %s is a 404 problem', async (version) => {
    const road = await create('road_segments');
    await expectProblem(await send('POST', `${itemsUrl('road_segments')}/${road.id}/history/${version}/restore`, { ...admin, 'If-Match': road.etag }), 404, 'version-not-found');
  });
});

describe('statistics dates', () => {
  it.each(['today', 'from', 'to'])('refuses year 0000 in %s with a 400', async (name) => {
    const response = await fetch(`${server.url}/api/query/stats?layer=permits&${name}=0000-01-01`, { headers: admin });
    await expectProblem(response, 400, 'invalid-query');
  });
});

describe('PATCH /api/admin/users/{name}', () => {
  it('refuses a body that names nothing to change, and leaves the account alone', async () => {
    const before = (await database.pool.query("SELECT updated_at FROM users WHERE username = 'root'")).rows[0].updated_at;
    const empty = new ReadableStream({ start: (controller) => controller.close() });
    for (const body of [empty, '{}']) {
      const response = await fetch(`${server.url}/api/admin/users/root`, { method: 'PATCH', headers: { ...admin, 'Content-Type': 'application/json' }, body, duplex: 'half' } as RequestInit);
      await expectProblem(response, 400, 'invalid-body');
    }
    expect((await database.pool.query("SELECT updated_at FROM users WHERE username = 'root'")).rows[0].updated_at).toEqual(before);
  });
});

describe('texts that look like code', () => {
  it('are stored and read back as the data they are, byte for byte', async () => {
    const texts = ["'; DROP TABLE road_segments; --", '<script>alert(1)</script>', '\u202Eevil\u202C e\u0301 🏗️', '$1::text %s {{7*7}}'];
    for (const text of texts) {
      const body = validFeature('road_segments', ++seed);
      body.properties.name_fr = text;
      body.properties.name_ar = text;
      const created = await send('POST', itemsUrl('road_segments'), admin, body);
      expect(created.status).toBe(201);
      const read = await (await send('GET', `${itemsUrl('road_segments')}/${(await created.json()).id}`, admin)).json();
      expect([read.properties.name_fr, read.properties.name_ar]).toEqual([text, text]);
    }
    expect(Number((await database.pool.query('SELECT count(*) FROM road_segments')).rows[0].count)).toBeGreaterThan(texts.length);
  });
});
