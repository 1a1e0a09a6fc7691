import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerDefinition, Role } from '../../server/layers/layer-definition.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { CENTRE, insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { createMatrixCallers, type MatrixCaller, type MatrixCallers } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * Every route x every caller -> the expected status. Expectations come from the registry's access lists
 * and the keys' scopes (not from the policy code under test), so a new layer is covered automatically.
 */
const registry = new LayerRegistry();
const CALLERS: MatrixCaller[] = ['public', 'planner', 'inspector', 'admin', 'read_key', 'write_key', 'expired_token', 'revoked_key', 'forged_token'];
const DEAD_CREDENTIALS = new Set<MatrixCaller>(['expired_token', 'revoked_key', 'forged_token']);
const tile = tileForLonLat(CENTRE[0], CENTRE[1], 14);

let database: ScratchDatabase;
let server: TestServer;
let callers: MatrixCallers;

beforeAll(async () => {
  database = await createScratchDatabase();
  await insertFixtureRows(database.pool);
  callers = await createMatrixCallers(database.pool, 'matrix', '06.141');
  server = await startTestServer(database.pool);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

type Outcome = 'ok' | 401 | 403;

function layerReadOutcome(layer: LayerDefinition, caller: MatrixCaller): Outcome {
  if (DEAD_CREDENTIALS.has(caller)) return 401;
  if (caller === 'public') return layer.access.read.includes('public') ? 'ok' : 401;
  if (caller === 'read_key' || caller === 'write_key') {
    const scopes = caller === 'read_key' ? callers.readKeyScopes : callers.writeKeyScopes;
    return scopes.includes(`${layer.id}:read`) || scopes.includes(`${layer.id}:write`) ? 'ok' : 403;
  }
  return layer.access.read.includes(caller as Role) ? 'ok' : 403;
}

function adminOutcome(caller: MatrixCaller): Outcome {
  if (DEAD_CREDENTIALS.has(caller) || caller === 'public') return 401;
  return caller === 'admin' ? 'ok' : 403;
}

function openOutcome(caller: MatrixCaller): Outcome {
  return DEAD_CREDENTIALS.has(caller) ? 401 : 'ok';
}

interface Route {
  method: 'GET' | 'POST';
  path: string;
  expected: (caller: MatrixCaller) => Outcome;
}

const routes: Route[] = [
  ...registry.layers.flatMap((layer): Route[] => [
    { method: 'GET', path: `/tiles/${layer.id}/${tile.z}/${tile.x}/${tile.y}.mvt`, expected: (caller) => layerReadOutcome(layer, caller) },
    { method: 'GET', path: `/tiles/${layer.id}.json`, expected: (caller) => layerReadOutcome(layer, caller) },
  ]),
  { method: 'GET', path: '/api/layers', expected: openOutcome },
  { method: 'GET', path: '/api/auth/me', expected: openOutcome },
  { method: 'GET', path: '/api/admin/users', expected: adminOutcome },
  { method: 'GET', path: '/api/admin/api-keys', expected: adminOutcome },
  { method: 'GET', path: '/api/admin/security-events', expected: adminOutcome },
];

describe.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_name, route) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const response = await fetch(`${server.url}${route.path}`, { method: route.method, headers: callers.headers[caller] });
    const expected = route.expected(caller);
    if (expected === 'ok') {
      expect([200, 204]).toContain(response.status);
      return;
    }
    expect(response.status).toBe(expected);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await response.text();
    // A denial says nothing about the data: no names, references or counts from the fixture rows.
    expect(body).not.toMatch(/Zerktouni|Bennani|PC-2026|Samira|feature_count|\d+ (rows|features)/);
  });
});

describe('logout', () => {
  it.each(CALLERS)('as %s', async (caller) => {
    const response = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: callers.headers[caller] });
    const isSession = caller === 'planner' || caller === 'inspector' || caller === 'admin';
    const expected = DEAD_CREDENTIALS.has(caller) || caller === 'public' ? 401 : isSession ? 204 : 403;
    expect(response.status).toBe(expected);
  });

  it('leaves the logged-out sessions dead', async () => {
    for (const caller of ['planner', 'inspector', 'admin'] as const) {
      const response = await fetch(`${server.url}/api/auth/me`, { headers: callers.headers[caller] });
      expect(response.status).toBe(401);
    }
  });
});
