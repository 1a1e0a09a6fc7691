import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerDefinition, Role } from '../../server/layers/layer-definition.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { ALL_OPERATIONS } from '../../server/routes/operations.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { CENTRE, type FixtureIds, insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { createMatrixCallers, type MatrixCaller, type MatrixCallers } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * Every route x every caller -> the expected status. Expectations come from the registry's access lists
 * and the keys' scopes (not from the policy code under test), so a new layer is covered automatically,
 * and a final check fails when the app serves an operation this matrix does not exercise.
 */
const registry = new LayerRegistry();
const CALLERS: MatrixCaller[] = ['public', 'planner', 'inspector', 'admin', 'read_key', 'write_key', 'expired_token', 'revoked_key', 'forged_token'];
const DEAD = new Set<MatrixCaller>(['expired_token', 'revoked_key', 'forged_token']);
const STAFF = new Set<MatrixCaller>(['planner', 'inspector', 'admin']);
const tile = tileForLonLat(CENTRE[0], CENTRE[1], 14);

let database: ScratchDatabase;
let server: TestServer;
let callers: MatrixCallers;
let ids: FixtureIds;
let archiveDir: string;

beforeAll(async () => {
  database = await createScratchDatabase();
  ids = await insertFixtureRows(database.pool);
  callers = await createMatrixCallers(database.pool, 'matrix', '06.141');
  archiveDir = mkdtempSync(join(tmpdir(), 'casa-sig-matrix-archives-'));
  writeFileSync(join(archiveDir, 'city.pmtiles'), 'PMTiles');
  // Every caller tries a wrong password once; the rate limit has its own test (auth.test.ts).
  // Tile-change streams end after a second here, so that reading one whole (as every row does) ends too.
  server = await startTestServer(database.pool, { LOGIN_ATTEMPTS_PER_USERNAME: '100', TILE_ARCHIVE_DIR: archiveDir, TILE_CHANGES_MAX_AGE_SECONDS: '1' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  if (archiveDir) rmSync(archiveDir, { recursive: true, force: true });
});

const scopesOf = (caller: MatrixCaller) => (caller === 'read_key' ? callers.readKeyScopes : caller === 'write_key' ? callers.writeKeyScopes : []);
const isKey = (caller: MatrixCaller) => caller === 'read_key' || caller === 'write_key';

/** The status a caller gets for an operation on a layer, from the registry and the scopes alone. */
function layerStatus(layer: LayerDefinition, caller: MatrixCaller, operation: 'read' | 'create' | 'update' | 'delete', allowedStatus: number): number {
  if (DEAD.has(caller)) return 401;
  if (caller === 'public') return (layer.access[operation] as readonly string[]).includes('public') ? allowedStatus : 401;
  if (isKey(caller)) {
    const scopes = scopesOf(caller);
    const allowed = scopes.includes(`${layer.id}:write`) || (operation === 'read' && scopes.includes(`${layer.id}:read`));
    return allowed ? allowedStatus : 403;
  }
  // A write needs read access too: an inspector's 'read' is checked first.
  if (operation !== 'read' && !layer.access.read.includes(caller as Role)) return 403;
  return (layer.access[operation] as readonly string[]).includes(caller) ? allowedStatus : 403;
}

/** Query endpoints: the endpoint scope for keys, then the layer. */
function queryStatus(endpoint: string, layers: LayerDefinition[], caller: MatrixCaller, allowedStatus = 200): number {
  if (DEAD.has(caller)) return 401;
  if (isKey(caller) && !scopesOf(caller).includes(endpoint)) return 403;
  for (const layer of layers) {
    const status = layerStatus(layer, caller, 'read', allowedStatus);
    if (status !== allowedStatus) return status;
  }
  return allowedStatus;
}

const adminStatus = (caller: MatrixCaller, allowedStatus: number) => (DEAD.has(caller) || caller === 'public' ? 401 : caller === 'admin' ? allowedStatus : 403);
const openStatus = (caller: MatrixCaller) => (DEAD.has(caller) ? 401 : 200);

interface MatrixRow {
  operation: string;
  name: string;
  method: string;
  path: () => string;
  body?: unknown;
  expected: (caller: MatrixCaller) => number;
}

const square = { type: 'Polygon', coordinates: [[[-7.64, 33.58], [-7.62, 33.58], [-7.62, 33.6], [-7.64, 33.6], [-7.64, 33.58]]] };
const roads = registry.find('road_segments')!;

const rows: MatrixRow[] = [
  ...registry.layers.flatMap((layer): MatrixRow[] => {
    const item = () => `/ogc/collections/${layer.id}/items/${ids[layer.id as keyof FixtureIds]}`;
    return [
      { operation: 'GET /tiles/{layer}/{z}/{x}/{y}.mvt', name: `tile of ${layer.id}`, method: 'GET', path: () => `/tiles/${layer.id}/${tile.z}/${tile.x}/${tile.y}.mvt`, expected: (c) => layerStatus(layer, c, 'read', 200) },
      { operation: 'GET /tiles/{layer}.json', name: `TileJSON of ${layer.id}`, method: 'GET', path: () => `/tiles/${layer.id}.json`, expected: (c) => layerStatus(layer, c, 'read', 200) },
      { operation: 'GET /ogc/collections/{layer}', name: `collection ${layer.id}`, method: 'GET', path: () => `/ogc/collections/${layer.id}`, expected: (c) => layerStatus(layer, c, 'read', 200) },
      { operation: 'GET /ogc/collections/{layer}/items', name: `items of ${layer.id}`, method: 'GET', path: () => `/ogc/collections/${layer.id}/items`, expected: (c) => layerStatus(layer, c, 'read', 200) },
      { operation: 'GET /ogc/collections/{layer}/items/{id}', name: `item of ${layer.id}`, method: 'GET', path: item, expected: (c) => layerStatus(layer, c, 'read', 200) },
      { operation: 'GET /ogc/collections/{layer}/items/{id}/history', name: `history in ${layer.id}`, method: 'GET', path: () => `${item()}/history`, expected: (c) => layerStatus(layer, c, 'read', 200) },
      // Bodies are deliberately invalid or unlocked: an allowed caller gets 422/428/404, never a change.
      { operation: 'POST /ogc/collections/{layer}/items', name: `create in ${layer.id}`, method: 'POST', path: () => `/ogc/collections/${layer.id}/items`, body: {}, expected: (c) => layerStatus(layer, c, 'read', 0) || layerStatus(layer, c, 'create', 422) },
      { operation: 'PUT /ogc/collections/{layer}/items/{id}', name: `replace in ${layer.id}`, method: 'PUT', path: item, body: {}, expected: (c) => layerStatus(layer, c, 'update', 428) },
      { operation: 'PATCH /ogc/collections/{layer}/items/{id}', name: `update in ${layer.id}`, method: 'PATCH', path: item, body: {}, expected: (c) => layerStatus(layer, c, 'update', 428) },
      { operation: 'DELETE /ogc/collections/{layer}/items/{id}', name: `delete in ${layer.id}`, method: 'DELETE', path: item, expected: (c) => layerStatus(layer, c, 'delete', 428) },
      { operation: 'POST /ogc/collections/{layer}/items/{id}/history/{version}/restore', name: `restore in ${layer.id}`, method: 'POST', path: () => `${item()}/history/9/restore`, expected: (c) => layerStatus(layer, c, 'update', 404) },
      { operation: 'GET /api/query/nearby', name: `nearby ${layer.id}`, method: 'GET', path: () => `/api/query/nearby?layer=${layer.id}&lon=${CENTRE[0]}&lat=${CENTRE[1]}`, expected: (c) => queryStatus('query:nearby', [layer], c) },
      { operation: 'POST /api/query/within', name: `within ${layer.id}`, method: 'POST', path: () => '/api/query/within', body: { geometry: square, layers: [layer.id] }, expected: (c) => queryStatus('query:within', [layer], c) },
      { operation: 'GET /api/query/along', name: `along ${layer.id}`, method: 'GET', path: () => `/api/query/along?road=${ids.road_segments}&layer=${layer.id}`, expected: (c) => queryStatus('query:along', [layer, roads], c) },
      { operation: 'GET /api/query/stats', name: `stats ${layer.id}`, method: 'GET', path: () => `/api/query/stats?layer=${layer.id}`, expected: (c) => queryStatus('query:stats', [layer], c) },
    ];
  }),
  { operation: 'GET /api/query/locate', name: 'locate', method: 'GET', path: () => `/api/query/locate?lon=${CENTRE[0]}&lat=${CENTRE[1]}`, expected: (c) => queryStatus('query:locate', [], c) },
  { operation: 'GET /api/search', name: 'search', method: 'GET', path: () => '/api/search?q=zerktouni', expected: (c) => queryStatus('search', [], c) },
  { operation: 'GET /api/mobility/stops/{id}', name: 'transit stop (unknown)', method: 'GET', path: () => '/api/mobility/stops/NOPE', expected: (c) => (DEAD.has(c) ? 401 : 404) },
  { operation: 'GET /api/mobility/routes/{id}', name: 'transit line (unknown)', method: 'GET', path: () => '/api/mobility/routes/NOPE', expected: (c) => (DEAD.has(c) ? 401 : 404) },
  { operation: 'GET /api/mobility/journeys', name: 'journey', method: 'GET', path: () => `/api/mobility/journeys?from=${CENTRE.join(',')}&to=${CENTRE.join(',')}`, expected: openStatus },
  { operation: 'GET /healthz', name: 'healthz', method: 'GET', path: () => '/healthz', expected: () => 200 },
  { operation: 'GET /readyz', name: 'readyz', method: 'GET', path: () => '/readyz', expected: () => 200 },
  { operation: 'GET /api/openapi.json', name: 'openapi', method: 'GET', path: () => '/api/openapi.json', expected: () => 200 },
  { operation: 'GET /api/docs', name: 'docs', method: 'GET', path: () => '/api/docs', expected: () => 200 },
  { operation: 'GET /api/layers', name: 'layers', method: 'GET', path: () => '/api/layers', expected: openStatus },
  { operation: 'GET /api/tile-changes', name: 'tile changes', method: 'GET', path: () => '/api/tile-changes', expected: openStatus },
  { operation: 'GET /archives/{name}.pmtiles', name: 'tile archive', method: 'GET', path: () => '/archives/city.pmtiles', expected: openStatus },
  { operation: 'GET /archives/{name}.json', name: 'archive manifest (unknown)', method: 'GET', path: () => '/archives/nowhere.json', expected: (c) => (DEAD.has(c) ? 401 : 404) },
  { operation: 'GET /api/auth/me', name: 'me', method: 'GET', path: () => '/api/auth/me', expected: openStatus },
  { operation: 'POST /api/auth/login', name: 'login with a wrong password', method: 'POST', path: () => '/api/auth/login', body: { username: 'nobody', password: 'wrong password' }, expected: () => 401 },
  { operation: 'GET /ogc', name: 'landing', method: 'GET', path: () => '/ogc', expected: openStatus },
  { operation: 'GET /ogc/conformance', name: 'conformance', method: 'GET', path: () => '/ogc/conformance', expected: openStatus },
  { operation: 'GET /ogc/api', name: 'ogc api', method: 'GET', path: () => '/ogc/api', expected: openStatus },
  { operation: 'GET /ogc/collections', name: 'collections', method: 'GET', path: () => '/ogc/collections', expected: openStatus },
  { operation: 'GET /api/changes', name: 'change feed', method: 'GET', path: () => '/api/changes', expected: (c) => (DEAD.has(c) || c === 'public' ? 401 : STAFF.has(c) || scopesOf(c).includes('changes:read') ? 200 : 403) },
  {
    operation: 'POST /api/changes', name: 'change set with an invalid road', method: 'POST', path: () => '/api/changes',
    body: { changes: [{ op: 'create', layer: 'road_segments', feature: { type: 'Feature', geometry: null, properties: {} } }] },
    expected: (c) => layerStatus(roads, c, 'create', 422),
  },
  { operation: 'GET /api/admin/users', name: 'list users', method: 'GET', path: () => '/api/admin/users', expected: (c) => adminStatus(c, 200) },
  { operation: 'POST /api/admin/users', name: 'create user (bad body)', method: 'POST', path: () => '/api/admin/users', body: { username: 'x' }, expected: (c) => adminStatus(c, 400) },
  { operation: 'PATCH /api/admin/users/{username}', name: 'update user (unknown)', method: 'PATCH', path: () => '/api/admin/users/nobody-here', body: { isDisabled: true }, expected: (c) => adminStatus(c, 404) },
  { operation: 'GET /api/admin/areas', name: 'list assignable areas', method: 'GET', path: () => '/api/admin/areas', expected: (c) => adminStatus(c, 200) },
  { operation: 'GET /api/admin/api-keys/scopes', name: 'list key scopes', method: 'GET', path: () => '/api/admin/api-keys/scopes', expected: (c) => adminStatus(c, 200) },
  { operation: 'GET /api/admin/api-keys', name: 'list keys', method: 'GET', path: () => '/api/admin/api-keys', expected: (c) => adminStatus(c, 200) },
  { operation: 'POST /api/admin/api-keys', name: 'create key (bad scopes)', method: 'POST', path: () => '/api/admin/api-keys', body: { module: 'tax', scopes: ['nothing'] }, expected: (c) => adminStatus(c, 400) },
  { operation: 'DELETE /api/admin/api-keys/{prefix}', name: 'revoke key (unknown)', method: 'DELETE', path: () => '/api/admin/api-keys/zzzzzzzz', expected: (c) => adminStatus(c, 404) },
  { operation: 'GET /api/admin/security-events', name: 'security events', method: 'GET', path: () => '/api/admin/security-events', expected: (c) => adminStatus(c, 200) },
  { operation: 'GET /api/admin/webhooks', name: 'list webhooks', method: 'GET', path: () => '/api/admin/webhooks', expected: (c) => adminStatus(c, 200) },
  { operation: 'POST /api/admin/webhooks', name: 'register webhook (bad body)', method: 'POST', path: () => '/api/admin/webhooks', body: { url: 'not a url' }, expected: (c) => adminStatus(c, 400) },
  { operation: 'GET /api/admin/webhooks/{id}', name: 'read webhook (unknown)', method: 'GET', path: () => '/api/admin/webhooks/999999', expected: (c) => adminStatus(c, 404) },
  { operation: 'PATCH /api/admin/webhooks/{id}', name: 'change webhook (unknown)', method: 'PATCH', path: () => '/api/admin/webhooks/999999', body: { isEnabled: false }, expected: (c) => adminStatus(c, 404) },
  { operation: 'DELETE /api/admin/webhooks/{id}', name: 'delete webhook (unknown)', method: 'DELETE', path: () => '/api/admin/webhooks/999999', expected: (c) => adminStatus(c, 404) },
  { operation: 'POST /api/admin/webhooks/{id}/rotate-secret', name: 'rotate webhook secret (unknown)', method: 'POST', path: () => '/api/admin/webhooks/999999/rotate-secret', body: {}, expected: (c) => adminStatus(c, 404) },
  { operation: 'POST /api/admin/webhooks/{id}/retry', name: 'retry webhook (unknown)', method: 'POST', path: () => '/api/admin/webhooks/999999/retry', expected: (c) => adminStatus(c, 404) },
  { operation: 'GET /api/admin/webhooks/{id}/deliveries', name: 'webhook deliveries (unknown)', method: 'GET', path: () => '/api/admin/webhooks/999999/deliveries', expected: (c) => adminStatus(c, 404) },
];

describe.each(rows.map((row) => [`${row.method} ${row.name}`, row] as const))('%s', (_name, row) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const headers: Record<string, string> = { ...callers.headers[caller], ...(row.body === undefined ? {} : { 'Content-Type': 'application/json' }) };
    const response = await fetch(`${server.url}${row.path()}`, { method: row.method, headers, body: row.body === undefined ? undefined : JSON.stringify(row.body) });
    const expected = row.expected(caller);
    const body = await response.text();
    expect(response.status, body.slice(0, 300)).toBe(expected === 200 && row.operation.includes('.mvt') && response.status === 204 ? 204 : expected);
    if (expected === 401 || expected === 403) {
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // A denial says nothing about the data: no names, references or counts from the fixture rows.
      expect(body).not.toMatch(/Zerktouni|Bennani|PC-2026|Samira|Café des Arts|\d+ (rows|features)/);
    }
  });
});

describe('logout', () => {
  // Sessions of their own: logging the matrix's callers out would leave the other tests without them.
  let loggingOut: MatrixCallers;
  beforeAll(async () => {
    loggingOut = await createMatrixCallers(database.pool, 'logout', '06.141');
  });

  it.each(CALLERS)('as %s', async (caller) => {
    const response = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: loggingOut.headers[caller] });
    const expected = DEAD.has(caller) || caller === 'public' ? 401 : STAFF.has(caller) ? 204 : 403;
    expect(response.status).toBe(expected);
    if (STAFF.has(caller)) expect((await fetch(`${server.url}/api/auth/me`, { headers: loggingOut.headers[caller] })).status).toBe(401);
  });
});

it('exercises every operation the app serves', () => {
  const covered = new Set([...rows.map((row) => row.operation), 'POST /api/auth/logout']);
  const missing = ALL_OPERATIONS.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`).filter((name) => !covered.has(name));
  expect(missing).toEqual([]);
});
