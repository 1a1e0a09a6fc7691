import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validFeature } from '../helpers/feature-factories.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * An establishment's latest grade follows its newest inspection (registry `latestOf`): recorded, changed
 * or deleted, each inspection write updates the establishment in the same transaction, with a version and
 * a history entry, whoever wrote it.
 */

let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;
let seed = 0;

beforeAll(async () => {
  database = await createScratchDatabase();
  admin = await sessionHeaders(database.pool, 'root', 'admin');
  server = await startTestServer(database.pool);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const itemsUrl = (layer: string) => `${server.url}/ogc/collections/${layer}/items`;
const json = { 'Content-Type': 'application/json' };

async function create(layer: string, properties: Record<string, unknown>, establishmentId?: number) {
  const base = validFeature(layer, ++seed, establishmentId);
  const response = await fetch(itemsUrl(layer), { method: 'POST', headers: { ...admin, ...json }, body: JSON.stringify({ ...base, properties: { ...base.properties, ...properties } }) });
  expect(response.status, await response.clone().text()).toBe(201);
  return { id: (await response.json()).id as number, etag: response.headers.get('etag')! };
}

async function establishment(id: number): Promise<{ grade: string | null; version: number }> {
  const row = (await database.pool.query('SELECT latest_grade, version FROM establishments WHERE id = $1', [id])).rows[0];
  return { grade: row.latest_grade, version: row.version };
}

const inspection = (on: string, grade: string, score: number) => ({ inspected_on: on, grade, score, outcome: grade === 'A' ? 'compliant' : 'major_violations' });

describe('an establishment’s latest grade', () => {
  it('follows the newest inspection through creates, changes and deletes, as versions with history', async () => {
    const place = await create('establishments', { latest_grade: null });
    expect(await establishment(place.id)).toEqual({ grade: null, version: 1 });

    const failing = await create('inspections', inspection('2026-10-01', 'C', 40), place.id);
    expect(await establishment(place.id)).toEqual({ grade: 'C', version: 2 });
    const history = await database.pool.query("SELECT operation, author, after->'properties'->>'latest_grade' AS grade FROM feature_history WHERE layer = 'establishments' AND feature_id = $1 ORDER BY seq", [place.id]);
    expect(history.rows).toEqual([
      { operation: 'create', author: 'user:root', grade: null },
      { operation: 'update', author: 'user:root', grade: 'C' },
    ]);

    // An older visit recorded late changes nothing.
    await create('inspections', inspection('2026-06-01', 'B', 70), place.id);
    expect(await establishment(place.id)).toEqual({ grade: 'C', version: 2 });

    // The newest visit moved back before the older one: the older one is now the latest.
    const moved = await fetch(`${itemsUrl('inspections')}/${failing.id}`, {
      method: 'PATCH', headers: { ...admin, 'Content-Type': 'application/merge-patch+json', 'If-Match': failing.etag },
      body: JSON.stringify({ properties: { inspected_on: '2026-01-15' } }),
    });
    expect(moved.status).toBe(200);
    expect(await establishment(place.id)).toEqual({ grade: 'B', version: 3 });

    const deleted = await fetch(`${itemsUrl('inspections')}/${failing.id}`, { method: 'DELETE', headers: { ...admin, 'If-Match': moved.headers.get('etag')! } });
    expect(deleted.status).toBe(204);
    expect(await establishment(place.id)).toEqual({ grade: 'B', version: 3 });
  });

  it('ends on the newest grade when inspections of one establishment are recorded at once', async () => {
    const place = await create('establishments', { latest_grade: 'A' });
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
    const grades = ['A', 'B', 'C', 'A', 'B', 'C'];
    await Promise.all(days.map((day, index) => create('inspections', inspection(day, grades[index]!, 50), place.id)));
    expect((await establishment(place.id)).grade).toBe('C');
    const versions = await database.pool.query("SELECT count(*)::integer AS n FROM feature_history WHERE layer = 'establishments' AND feature_id = $1", [place.id]);
    expect(versions.rows[0].n).toBe(1 + (await establishment(place.id)).version - 1);
  });
});
