import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validFeature } from '../helpers/feature-factories.ts';
import { CENTRE } from '../helpers/layer-fixtures.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * Geometry validation end to end, as a property: arbitrary polygons (most of them self-intersecting, some
 * with holes anywhere) sent to the API are stored only when PostGIS finds them valid, refused with a 422
 * otherwise, and never make the server fail.
 */
let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;
let seed = 0;

beforeAll(async () => {
  database = await createScratchDatabase();
  admin = await sessionHeaders(database.pool, 'geometry-admin', 'admin');
  server = await startTestServer(database.pool);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const [LON, LAT] = CENTRE;
const position = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })).map(([dx, dy]) => [LON + dx * 1e-4, LAT + dy * 1e-4]);
const ring = fc.array(position, { minLength: 3, maxLength: 8 }).map((positions) => [...positions, positions[0]!]);
const polygon = fc.array(ring, { minLength: 1, maxLength: 3 });

describe('geometry validity (property, through PostGIS)', () => {
  it('stores a polygon only when PostGIS finds it valid, and refuses the others with a 422', async () => {
    let stored = 0;
    await fc.assert(fc.asyncProperty(polygon, async (coordinates) => {
      const body = { ...validFeature('permits', ++seed), geometry: { type: 'Polygon', coordinates } };
      const response = await fetch(`${server.url}/ogc/collections/permits/items`, {
        method: 'POST', headers: { ...admin, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(body),
      });
      expect([201, 422]).toContain(response.status);
      const answer = await response.json();
      const isValid = (await database.pool.query("SELECT ST_IsValid(ST_GeomFromGeoJSON($1)) AS valid", [JSON.stringify(body.geometry)])).rows[0].valid;
      expect(response.status === 201).toBe(isValid);
      if (response.status === 201) {
        stored += 1;
        expect((await database.pool.query('SELECT ST_IsValid(geom) AS valid FROM permits WHERE id = $1', [answer.id])).rows[0].valid).toBe(true);
      } else {
        expect(answer.issues.length).toBeGreaterThan(0);
      }
    }), { numRuns: 80 });
    expect(Number((await database.pool.query('SELECT count(*) FROM permits')).rows[0].count)).toBe(stored);
  });
});
