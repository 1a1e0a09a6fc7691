import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_REGION, SEGMENT_CHECK_CASES } from '../fixtures/road-segment-checks.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * The server's checks of a road segment against the cases the planners' editor is tested with
 * (tests/fixtures/road-segment-checks.ts): each case's errors refuse the change set with exactly those issue
 * codes and nothing is written; a case without errors is saved with exactly the listed warnings.
 */

let database: ScratchDatabase;
let server: TestServer;
let planner: Record<string, string>;

beforeAll(async () => {
  database = await createScratchDatabase();
  planner = await sessionHeaders(database.pool, 'nadia', 'planner');
  server = await startTestServer(database.pool, { REGION_BOUNDS: CHECK_REGION.bounds.join(','), HOME_BOUNDS: CHECK_REGION.home.join(',') });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const postChanges = (changes: unknown[]) =>
  fetch(`${server.url}/api/changes`, { method: 'POST', headers: { ...planner, 'Content-Type': 'application/json' }, body: JSON.stringify({ changes }) });

const codes = (issues: { code: string }[]) => issues.map((found) => found.code).sort();

async function segmentCount(): Promise<number> {
  return Number((await database.pool.query('SELECT count(*) FROM road_segments')).rows[0].count);
}

describe.each(SEGMENT_CHECK_CASES)('$name', (testCase) => {
  it(testCase.errors.length > 0 ? `is refused with ${testCase.errors.join(', ')}` : `is saved with ${testCase.warnings.join(', ') || 'no warning'}`, async () => {
    if (testCase.context.length > 0) {
      const context = await postChanges(testCase.context.map((feature) => ({ op: 'create', layer: 'road_segments', feature: { type: 'Feature', ...feature } })));
      expect(context.status, await context.clone().text()).toBe(200);
    }
    const before = await segmentCount();
    const response = await postChanges([{ op: 'create', layer: 'road_segments', feature: { type: 'Feature', ...testCase.feature } }]);
    const body = await response.json();
    if (testCase.errors.length > 0) {
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(codes(body.issues)).toEqual(testCase.errors);
      expect(await segmentCount()).toBe(before);
    } else {
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(codes(body.changes[0].warnings)).toEqual(testCase.warnings);
    }
  });
});

describe('a split in one change set', () => {
  it('does not report its two identical halves as touching twins', async () => {
    const street = { name_fr: 'Rue Partagée', name_ar: 'زنقة مقسومة', road_class: 'residential', condition: 'fair' };
    const created = await postChanges([{ op: 'create', layer: 'road_segments', feature: { type: 'Feature', geometry: { type: 'LineString', coordinates: [[-7.5, 33.52], [-7.498, 33.52]] }, properties: street } }]);
    const { changes } = await created.json();
    const split = await postChanges([
      { op: 'update', layer: 'road_segments', id: changes[0].id, ifMatch: changes[0].etag, patch: { geometry: { type: 'LineString', coordinates: [[-7.5, 33.52], [-7.499, 33.52]] } } },
      { op: 'create', layer: 'road_segments', feature: { type: 'Feature', geometry: { type: 'LineString', coordinates: [[-7.499, 33.52], [-7.498, 33.52]] }, properties: street } },
    ]);
    const body = await split.json();
    expect(split.status, JSON.stringify(body)).toBe(200);
    expect(body.changes.flatMap((change: { warnings: { code: string }[] }) => codes(change.warnings))).toEqual([]);

    // Later, on its own, an edit of one half (its free end moved; an edit that changes nothing writes nothing) is a twin of the other.
    const moved = { type: 'LineString', coordinates: [[-7.5001, 33.52], [-7.499, 33.52]] };
    const again = await postChanges([{ op: 'update', layer: 'road_segments', id: changes[0].id, ifMatch: body.changes[0].etag, patch: { geometry: moved } }]);
    const later = await again.json();
    expect(codes(later.changes[0].warnings)).toEqual(['duplicate-name-touching']);
  });
});

describe('GET /api/layers for a planner', () => {
  it('describes what the editor needs: required and read-only properties, bounds, and the line checks', async () => {
    const catalog = await (await fetch(`${server.url}/api/layers`, { headers: planner })).json();
    const roads = catalog.layers.find((layer: { id: string }) => layer.id === 'road_segments');
    const property = (name: string) => roads.properties.find((candidate: { name: string }) => candidate.name === name);
    expect(property('road_class')).toMatchObject({ isRequired: true, isEditable: true });
    expect(property('width_m')).toMatchObject({ isRequired: false, min: 0.5, max: 120 });
    expect(property('name_fr')).toMatchObject({ max: 200 });
    expect(property('updated_at')).toMatchObject({ isEditable: false });
    expect(roads.lineChecks).toEqual({ nearMissMetres: 5, shortSegmentMetres: 5 });
    expect(catalog.layers.find((layer: { id: string }) => layer.id === 'admin_areas').lineChecks).toBeNull();
  });
});
