import { Validator } from '@seriousme/openapi-schema-validator';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { createTestPool } from '../helpers/database.ts';
import { listExpressRoutes } from '../helpers/express-routes.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';
import type pg from 'pg';

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

describe('/api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists exactly the routes the app serves', async () => {
    const app = createApp({ pool, registry: new LayerRegistry(), logger: pino({ level: 'silent' }), config: loadConfig({}) });
    const served = listExpressRoutes(app).filter((route) => !route.endsWith(' /ogc/')); // /ogc/ is an alias of /ogc
    const document = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(served);
    expect(served.length).toBeGreaterThan(30);
  });

  it('documents parameters from the same zod schemas the routes validate with', async () => {
    const document = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const nearby = document.paths['/api/query/nearby'].get.parameters;
    expect(nearby).toContainEqual(expect.objectContaining({ name: 'radius', in: 'query', required: false, schema: expect.objectContaining({ maximum: 5000 }) }));
    expect(nearby).toContainEqual(expect.objectContaining({ name: 'lon', required: true }));
    expect(document.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
  });
});

describe('/api/docs', () => {
  it('is a self-contained HTML reference listing every operation', async () => {
    const response = await fetch(`${server.url}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('/api/query/locate');
    expect(html).toContain('/ogc/collections/{layer}/items/{id}');
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)[a-z]/i);
  });
});
