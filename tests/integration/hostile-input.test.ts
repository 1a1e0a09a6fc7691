import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/auth/api-keys.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { readOperations, type ApiOperation } from '../helpers/hostile/api-operations.ts';
import { judgeAnswer } from '../helpers/hostile/hostile-checks.ts';
import { buildHostileRequests, type HostileContext, type HostileRequest, type Role } from '../helpers/hostile/hostile-requests.ts';
import { insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

/**
 * The hostile-input suite: every operation of /api/openapi.json and /ogc/api (so a new route is attacked
 * without a test of its own), every parameter and body member, as every kind of caller, against the real
 * server in its own process on a real database. Every answer must be below 500, every refusal a problem
 * document with the request id and no internal text, every invalid write refused; the process must stay up
 * and no stored row may change.
 */
const CONCURRENCY = 8;
const registry = new LayerRegistry();
let database: ScratchDatabase;
let server: ServerProcess;
let roleHeaders: Record<Role, Record<string, string>>;

beforeAll(async () => {
  database = await createScratchDatabase();
  await insertFixtureRows(database.pool);
  const key = await createApiKey(database.pool, registry, {
    module: 'harvester',
    scopes: ['road_segments:read', 'road_segments:write', 'permits:read', 'permits:personal', 'inspections:write', 'query:locate', 'query:nearby', 'query:within', 'query:along', 'query:stats', 'search', 'changes:read'],
  });
  roleHeaders = {
    public: {},
    planner: await sessionHeaders(database.pool, 'hostile-planner', 'planner'),
    inspector: await sessionHeaders(database.pool, 'hostile-inspector', 'inspector', ['06.141']),
    admin: await sessionHeaders(database.pool, 'hostile-admin', 'admin'),
    api_key: { Authorization: `Bearer ${key.key}` },
  };
  server = await startServerProcess(database.url, { LOG_LEVEL: 'info' });
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

/** Every table a hostile request could alter, with a digest of its rows (an API key's last use aside). */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = [...registry.layers.map((layer) => layer.table.name), 'feature_history', 'users', 'user_areas', 'sessions', 'api_keys', 'webhooks'];
  const entries = await Promise.all(tables.map(async (table) => {
    const row = `(to_jsonb(t) - 'last_used_at')::text`;
    const result = await database.pool.query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest FROM ${table} t`);
    return [table, `${result.rows[0].rows} rows, ${result.rows[0].digest}`] as const;
  }));
  return Object.fromEntries(entries);
}

async function loadContext(operations: readonly ApiOperation[]): Promise<HostileContext> {
  const ids = (await database.pool.query<{ layer: string; id: number }>(
    registry.layers.map((layer) => `SELECT '${layer.id}' AS layer, min(${layer.idColumn})::int AS id FROM ${layer.table.name}`).join(' UNION ALL '),
  )).rows;
  const featureIds = Object.fromEntries(ids.map((row) => [row.layer, row.id]));
  const features: HostileContext['features'] = {};
  for (const layer of registry.layers) {
    const response = await fetch(`${server.url}/ogc/collections/${layer.id}/items/${featureIds[layer.id]}`, { headers: roleHeaders.admin });
    const feature = await response.json();
    const post = operations.find((operation) => operation.method === 'POST' && operation.path === `/ogc/collections/${layer.id}/items`);
    const writable = Object.keys(((post?.body?.schema.properties as Record<string, { properties?: object }>)?.properties?.properties ?? {}));
    const properties = Object.fromEntries(Object.entries(feature.properties).filter(([name, value]) => writable.includes(name) && value !== null));
    (features as Record<string, unknown>)[layer.id] = { type: 'Feature', geometry: layer.geometry.isDerived ? null : feature.geometry, properties };
  }
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>();
  const isValid = (schema: Record<string, unknown>, value: unknown) => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(schema, validate);
    }
    return validate(structuredClone(value)) === true;
  };
  return { featureIds, features, isValid };
}

interface Outcome {
  request: HostileRequest;
  problem?: string;
}

/** An event stream (GET /api/tile-changes) never ends: such an answer is judged by its status, headers and first event. */
function isEventStream(response: Response): boolean {
  return response.ok && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
}

async function firstChunk(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(value);
}

async function send(request: HostileRequest): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`${server.url}${request.target}`, {
      method: request.method, headers: request.headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    // fetch itself refuses some inputs (a header it will not send): not a request the server saw.
    if (error instanceof TypeError && !cause) return { request, problem: 'unsendable' };
    return { request, problem: `no answer (${cause?.code ?? cause?.message ?? String(error)})` };
  }
  const body = isEventStream(response) ? await firstChunk(response) : await response.text();
  const problem = judgeAnswer(request, { status: response.status, headers: response.headers, body });
  return { request, ...(problem ? { problem } : {}) };
}

async function sendAll(requests: readonly HostileRequest[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < requests.length) outcomes.push(await send(requests[next++]!));
  }));
  return outcomes;
}

describe('hostile input, generated from the OpenAPI documents', () => {
  it('never answers 5xx or leaks, refuses every invalid write, stays up and changes no row', async () => {
    const apiDocument = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const ogcDocument = await (await fetch(`${server.url}/ogc/api`, { headers: roleHeaders.admin })).json();
    const operations = [...readOperations(apiDocument, 'api'), ...readOperations(ogcDocument, 'ogc', '/ogc')];
    expect(operations.length).toBeGreaterThan(90);
    const context = await loadContext(operations);
    const requests = buildHostileRequests(operations, context, roleHeaders, { seed: 17, maxPerOperation: 400, extraShare: 0.15 });
    const before = await fingerprint();

    const outcomes = await sendAll(requests);

    const health = await fetch(`${server.url}/healthz`);
    const after = await fingerprint();
    const perRoute = new Map<string, number>();
    for (const { request } of outcomes) {
      const route = `${request.method} ${request.operation.path}`;
      perRoute.set(route, (perRoute.get(route) ?? 0) + 1);
    }
    const unsendable = outcomes.filter((outcome) => outcome.problem === 'unsendable').length;
    const failures = outcomes.filter((outcome) => outcome.problem && outcome.problem !== 'unsendable');
    const serverErrors = failures.filter((outcome) => /^5\d\d$/.test(outcome.problem!)).length;
    console.log([
      `hostile input: ${outcomes.length - unsendable} requests over ${perRoute.size} routes (${operations.length} operations), ${serverErrors} answered 5xx, ${failures.length} failures, ${unsendable} refused by the client library`,
      ...[...perRoute].sort(([a], [b]) => a.localeCompare(b)).map(([route, count]) => `  ${String(count).padStart(5)}  ${route}`),
    ].join('\n'));
    const described = failures.slice(0, 30).map(({ request, problem }) => `${problem}: ${request.role} ${request.method} ${request.target.slice(0, 160)} [${request.label}]`);
    expect(described).toEqual([]);
    expect(server.exitCode()).toBeNull();
    expect(health.status).toBe(200);
    expect(after).toEqual(before);
  }, 600_000);
});
