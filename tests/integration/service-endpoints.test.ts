import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

let database: ScratchDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createScratchDatabase();
  server = await startTestServer(database.pool);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('health', () => {
  it('/healthz and /readyz answer when the database is migrated', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', replica: { state: 'none' } });
  });

  it('/readyz is 503 problem+json while a migration is pending', async () => {
    await database.pool.query("DELETE FROM schema_migrations WHERE name = '0002_layers.sql'");
    try {
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ type: 'not-ready', pendingMigrations: ['0002_layers.sql'] });
    } finally {
      await database.pool.query("INSERT INTO schema_migrations (name, checksum) VALUES ('0002_layers.sql', 'restored-by-test')");
    }
  });
});

describe('GET /api/layers', () => {
  it('describes every layer the public may read, with trilingual labels, legends and no personal property', async () => {
    const response = await fetch(`${server.url}/api/layers`);
    expect(response.status).toBe(200);
    const catalog = await response.json();
    const registry = new LayerRegistry();
    expect(catalog.layers.map((layer: { id: string }) => layer.id)).toEqual(
      registry.layers.filter((layer) => layer.access.read.includes('public')).map((layer) => layer.id),
    );
    expect(catalog.bounds).toHaveLength(4);
    const permits = catalog.layers.find((layer: { id: string }) => layer.id === 'permits');
    expect(permits).toMatchObject({
      title: { fr: 'Autorisations', ar: 'الرخص', en: 'Permits' },
      family: 'authorisations',
      geometryTypes: ['Point', 'Polygon'],
      tiles: '/tiles/permits/{z}/{x}/{y}.mvt',
      minzoom: 11,
    });
    const names = permits.properties.map((property: { name: string }) => property.name);
    expect(names).toContain('reference');
    expect(names).not.toContain('applicant_name');
    const approvedColour = registry.find('permits')?.style.colorByValue?.approved;
    expect(permits.legend).toContainEqual({ label: { fr: 'Accordée', ar: 'مقبولة', en: 'Approved' }, color: approvedColour });
    expect(catalog.home).toHaveLength(4);
    expect(catalog.layers.find((layer: { id: string }) => layer.id === 'admin_areas').labelPointsLayer).toBe('admin_areas:labels');
    const status = permits.properties.find((property: { name: string }) => property.name === 'status');
    expect(status.values).toContainEqual({ value: 'rejected', label: { fr: 'Refusée', ar: 'مرفوضة', en: 'Rejected' } });
    expect(JSON.stringify(catalog)).not.toMatch(/"column"|"table"/);
  });
});

describe('every response', () => {
  it('carries a request id and security headers; unknown API paths are problem+json 404', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps a well-formed incoming X-Request-Id and replaces a malformed one', async () => {
    const kept = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'abc12345-trace' } });
    expect(kept.headers.get('x-request-id')).toBe('abc12345-trace');
    const replaced = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': '<script>' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('<script>');
  });
});
