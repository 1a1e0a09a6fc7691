import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { validFeature, validPatch } from '../helpers/feature-factories.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

const registry = new LayerRegistry();
let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;
let planner: Record<string, string>;
let seed = 0;

beforeAll(async () => {
  database = await createScratchDatabase();
  admin = await sessionHeaders(database.pool, 'root', 'admin');
  planner = await sessionHeaders(database.pool, 'amina', 'planner');
  // No admin area yet: the region comes from the setting (REGION_BOUNDS), as a city may fix it.
  server = await startTestServer(database.pool, { MAX_BODY_BYTES: '20000', MAX_GEOMETRY_VERTICES: '50', REGION_BOUNDS: '-7.85,33.42,-7.35,33.72' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const itemsUrl = (layer: string) => `${server.url}/ogc/collections/${layer}/items`;
const send = (method: string, url: string, headers: Record<string, string>, body?: unknown, contentType = 'application/geo+json') =>
  fetch(url, { method, headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': contentType }) }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });

async function counts(layer: string): Promise<{ rows: number; history: number }> {
  const table = registry.find(layer)!.table.name;
  const rows = Number((await database.pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
  const history = Number((await database.pool.query('SELECT count(*) FROM feature_history WHERE layer = $1', [layer])).rows[0].count);
  return { rows, history };
}

async function establishmentId(): Promise<number> {
  const response = await send('POST', itemsUrl('establishments'), admin, validFeature('establishments', ++seed));
  return (await response.json()).id;
}

async function create(layer: string, headers = admin) {
  const body = validFeature(layer, ++seed, layer === 'inspections' ? await establishmentId() : undefined);
  const response = await send('POST', itemsUrl(layer), headers, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return { response, feature: await response.json(), body };
}

describe.each(registry.layers.map((layer) => layer.id))('%s: create, read, replace, patch, delete, restore', (layer) => {
  it('goes through the whole life of a feature, with history', async () => {
    const { response, feature, body } = await create(layer);
    expect(response.headers.get('location')).toBe(`${itemsUrl(layer)}/${feature.id}`);
    const etag1 = response.headers.get('etag')!;
    expect(etag1).toMatch(/^"v1\./);
    expect(feature.properties).toMatchObject(body.properties);

    const read = await send('GET', `${itemsUrl(layer)}/${feature.id}`, admin);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe(etag1);

    const replacement = { ...body, properties: { ...body.properties, ...validPatch(layer) } };
    const replaced = await send('PUT', `${itemsUrl(layer)}/${feature.id}`, { ...admin, 'If-Match': etag1 }, replacement);
    expect(replaced.status, await replaced.clone().text()).toBe(200);
    const etag2 = replaced.headers.get('etag')!;
    expect(etag2).toMatch(/^"v2\./);

    // Back to the created values (an edit that changed nothing would write no version).
    const original = Object.fromEntries(Object.keys(validPatch(layer)).map((name) => [name, body.properties[name] ?? null]));
    const patched = await send('PATCH', `${itemsUrl(layer)}/${feature.id}`, { ...admin, 'If-Match': etag2 }, { properties: original }, 'application/merge-patch+json');
    expect(patched.status, await patched.clone().text()).toBe(200);
    const etag3 = patched.headers.get('etag')!;
    expect(etag3).toMatch(/^"v3\./);

    const deleted = await send('DELETE', `${itemsUrl(layer)}/${feature.id}`, { ...admin, 'If-Match': etag3 });
    expect(deleted.status).toBe(204);
    expect((await send('GET', `${itemsUrl(layer)}/${feature.id}`, admin)).status).toBe(404);

    const history = await (await send('GET', `${itemsUrl(layer)}/${feature.id}/history`, admin)).json();
    expect(history.versions.map((entry: { version: number; operation: string }) => [entry.version, entry.operation])).toEqual([
      [1, 'create'], [2, 'replace'], [3, 'update'], [4, 'delete'],
    ]);
    expect(history.versions[0].author).toBe('user:root');

    const restored = await send('POST', `${itemsUrl(layer)}/${feature.id}/history/1/restore`, admin);
    expect(restored.status, await restored.clone().text()).toBe(200);
    expect(restored.headers.get('etag')).toMatch(/^"v5\./);
    const back = await (await send('GET', `${itemsUrl(layer)}/${feature.id}`, admin)).json();
    expect(back.properties).toMatchObject(body.properties);
  });
});

describe('optimistic locking and bad input change nothing', () => {
  it('428 without If-Match, 412 with a stale one (and the current ETag), 404 for an unknown id', async () => {
    const { feature, response } = await create('road_segments');
    const url = `${itemsUrl('road_segments')}/${feature.id}`;
    const before = await counts('road_segments');
    const update = { type: 'Feature', geometry: feature.geometry, properties: { ...feature.properties, condition: 'critical', created_at: undefined, updated_at: undefined } };
    delete update.properties.created_at;
    delete update.properties.updated_at;

    const missing = await send('PUT', url, admin, update);
    expect(missing.status).toBe(428);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);

    const stale = await send('PUT', url, { ...admin, 'If-Match': '"v9.AAAAAAAA"' }, update);
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe(response.headers.get('etag'));
    expect((await stale.json()).currentEtag).toBe(response.headers.get('etag'));

    expect((await send('DELETE', url, admin)).status).toBe(428);
    expect((await send('PUT', `${itemsUrl('road_segments')}/999999`, { ...admin, 'If-Match': '"v1.AAAAAAAA"' }, update)).status).toBe(404);
    expect(await counts('road_segments')).toEqual(before);
    const row = (await database.pool.query('SELECT condition, version FROM road_segments WHERE id = $1', [feature.id])).rows[0];
    expect(row).toEqual({ condition: 'good', version: 1 });
  });

  type InvalidCase = [string, { geometry?: unknown; properties?: Record<string, unknown> }, string, string];
  it.each<InvalidCase>([
    ['wrong geometry type', { geometry: { type: 'Point', coordinates: [-7.62, 33.59] } }, '/geometry/type', 'wrong-geometry-type'],
    ['outside the region', { geometry: { type: 'LineString', coordinates: [[-6.8, 34.0], [-6.81, 34.01]] } }, '/geometry/coordinates', 'outside-region'],
    ['non-finite coordinates', { geometry: { type: 'LineString', coordinates: [[-7.62, 33.59], [-7.62, 'x']] } }, '/geometry/coordinates', 'malformed-coordinates'],
    ['too many vertices', { geometry: { type: 'LineString', coordinates: Array.from({ length: 51 }, (_, i) => [-7.62 + i * 1e-5, 33.59]) } }, '/geometry/coordinates', 'too-many-vertices'],
    ['unknown enum value', { properties: { road_class: 'highway' } }, '/properties/road_class', 'invalid-enum-value'],
    ['unknown property', { properties: { colour: 'red' } }, '/properties/colour', 'unknown-property'],
    ['read-only property', { properties: { updated_at: '2026-01-01T00:00:00Z' } }, '/properties/updated_at', 'read-only-property'],
    ['width out of range', { properties: { width_m: 500 } }, '/properties/width_m', 'above-maximum'],
  ])('422 for %s, with a pointer, a code and three languages', async (_name, change, pointer, code) => {
    const before = await counts('road_segments');
    const body = validFeature('road_segments', ++seed);
    const invalid = { ...body, ...(change.geometry ? { geometry: change.geometry } : {}), properties: { ...body.properties, ...(change.properties ?? {}) } };
    const response = await send('POST', itemsUrl('road_segments'), admin, invalid);
    const problem = await response.json();
    expect(response.status, JSON.stringify(problem)).toBe(422);
    expect(problem.issues).toContainEqual(expect.objectContaining({ pointer, code, message: expect.objectContaining({ fr: expect.any(String), ar: expect.stringMatching(/[\u0600-\u06FF]/), en: expect.any(String) }) }));
    expect(await counts('road_segments')).toEqual(before);
  });

  it('422 for a self-intersecting polygon, with PostGIS’s reason', async () => {
    const before = await counts('permits');
    const body = validFeature('permits', 2 * ++seed);
    const bowtie = { type: 'Polygon', coordinates: [[[-7.62, 33.59], [-7.619, 33.591], [-7.619, 33.59], [-7.62, 33.591], [-7.62, 33.59]]] };
    const response = await send('POST', itemsUrl('permits'), admin, { ...body, geometry: bowtie });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.issues[0]).toMatchObject({ pointer: '/geometry', code: 'invalid-geometry' });
    expect(problem.issues[0].message.en).toMatch(/Self-intersection/);
    const open = await send('POST', itemsUrl('permits'), admin, { ...body, geometry: { type: 'Polygon', coordinates: [[[-7.62, 33.59], [-7.619, 33.591], [-7.619, 33.59], [-7.6195, 33.5905]]] } });
    expect((await open.json()).issues[0].code).toBe('ring-not-closed');
    expect(await counts('permits')).toEqual(before);
  });

  it('400 for malformed JSON, 413 for a body too large, 415 for a non-JSON body', async () => {
    const before = await counts('road_segments');
    const malformed = await send('POST', itemsUrl('road_segments'), admin, '{"type": "Feature", ');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).type).toBe('malformed-json');
    const huge = await send('POST', itemsUrl('road_segments'), admin, { ...validFeature('road_segments', ++seed), padding: 'x'.repeat(30_000) });
    expect(huge.status).toBe(413);
    const text = await send('POST', itemsUrl('road_segments'), admin, 'name=x', 'text/plain');
    expect(text.status).toBe(415);
    expect(await counts('road_segments')).toEqual(before);
  });

  it('lets exactly one of two concurrent PUTs with the same If-Match win', async () => {
    const { feature, response } = await create('road_segments');
    const etag = response.headers.get('etag')!;
    const url = `${itemsUrl('road_segments')}/${feature.id}`;
    const body = (condition: string) => ({ type: 'Feature', geometry: feature.geometry, properties: { road_class: 'residential', condition } });
    const results = await Promise.all([
      send('PUT', url, { ...admin, 'If-Match': etag }, body('poor')),
      send('PUT', url, { ...admin, 'If-Match': etag }, body('critical')),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 412]);
    const history = await database.pool.query('SELECT count(*) FROM feature_history WHERE layer = $1 AND feature_id = $2', ['road_segments', feature.id]);
    expect(Number(history.rows[0].count)).toBe(2);
  });

  it('keeps planners to road segments', async () => {
    await create('road_segments', planner);
    const response = await send('POST', itemsUrl('permits'), planner, validFeature('permits', ++seed));
    expect(response.status).toBe(403);
  });
});

describe('warnings', () => {
  it('saves a road whose end stops a few metres from another, and returns a warning', async () => {
    const [lon, lat] = [-7.6, 33.57];
    const first = await send('POST', itemsUrl('road_segments'), admin, { type: 'Feature', geometry: { type: 'LineString', coordinates: [[lon, lat], [lon + 0.002, lat]] }, properties: { road_class: 'residential' } });
    expect(first.status).toBe(201);
    // Ends 0.00003° (about 3.3 m) south of the first road.
    const second = await send('POST', itemsUrl('road_segments'), admin, { type: 'Feature', geometry: { type: 'LineString', coordinates: [[lon + 0.001, lat - 0.002], [lon + 0.001, lat - 0.00003]] }, properties: { road_class: 'residential' } });
    expect(second.status).toBe(201);
    const body = await second.json();
    expect(body.warnings).toEqual([expect.objectContaining({ code: 'near-miss-end', pointer: '/geometry' })]);
    expect(body.warnings[0].message.en).toMatch(/The end of the line stops 3\.\d m/);
    const touching = await send('POST', itemsUrl('road_segments'), admin, { type: 'Feature', geometry: { type: 'LineString', coordinates: [[lon + 0.0015, lat - 0.002], [lon + 0.0015, lat]] }, properties: { road_class: 'residential' } });
    expect((await touching.json()).warnings).toEqual([]);
  });
});
