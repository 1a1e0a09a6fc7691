import { randomBytes } from 'node:crypto';
import type { Position } from 'geojson';
import type pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { createUser } from '../../server/auth/accounts.ts';
import { type AppPage, openApp, waitForMapIdle } from '../helpers/browser.ts';
import { TEST_PASSWORD } from '../helpers/principals.ts';

/**
 * Steps of the planners' editor stories, done as a planner does them: on the map with the mouse and the
 * keyboard, in the panels with their labels. Roads are made by each story in a corner of the city the sample
 * data leaves empty (around EMPTY_CORNER), and removed with their history afterwards, so the sample database
 * other files read is left as it was.
 */

/**
 * In the south-east of the city's box, past the sample's streets (OpenStreetMap's): no sample road, permit
 * or stop within four kilometres.
 */
export const EMPTY_CORNER: readonly [number, number] = [-7.475, 33.51];

/** Metres to degrees here (33.5°N), close enough for placing test roads. */
export const DEGREES_PER_METRE = { lon: 1 / 92_700, lat: 1 / 111_000 };

/** A place `east` and `north` metres from `origin`. */
export function offset(origin: readonly [number, number], east: number, north: number): [number, number] {
  return [origin[0] + east * DEGREES_PER_METRE.lon, origin[1] + north * DEGREES_PER_METRE.lat];
}

/** A new planner account (the demo planner's logins are rate-limited like anyone's). */
export async function createPlanner(pool: pg.Pool): Promise<string> {
  const username = `planner-browser-${randomBytes(3).toString('hex')}`;
  await createUser(pool, { username, role: 'planner', password: TEST_PASSWORD, displayName: 'Urbaniste de test' });
  return username;
}

/** Signs a context in (the session cookie is the context's from then on). */
export async function signIn(context: BrowserContext, baseUrl: string, username: string): Promise<void> {
  const response = await context.request.post(`${baseUrl}/api/auth/login`, { data: { username, password: TEST_PASSWORD } });
  if (!response.ok()) throw new Error(`sign-in of ${username} failed: ${response.status()}`);
}

/** An editor page, with the change sets it sent (POST /api/changes bodies) as they go. */
export interface EditorPage extends AppPage {
  changeSets: { changes: { op: string }[] }[];
}

/**
 * Opens the editor at a place and zoom, and waits for the map to be drawn and, when zoomed in enough to
 * snap, for the roads around to be read.
 */
export async function openEditor(context: BrowserContext, baseUrl: string, center: readonly [number, number], zoom: number, language = 'fr'): Promise<EditorPage> {
  const opened = await openApp(context, baseUrl, `&lang=${language}#map=${zoom}/${center[1]}/${center[0]}`, '/plan');
  const changeSets: EditorPage['changeSets'] = [];
  opened.page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/changes')) changeSets.push(request.postDataJSON());
  });
  await opened.page.locator('.editor-toolbar[data-map-ready="true"]').waitFor();
  await waitForMapIdle(opened.page);
  if (zoom >= 15) await opened.page.locator('.editor-toolbar:not([data-around="0"])').waitFor();
  return { ...opened, changeSets };
}

/** Where a place of the map is on the page (CSS pixels). */
export async function pagePoint(page: Page, place: Position): Promise<{ x: number; y: number }> {
  return page.evaluate(([lng, lat]) => {
    const map = window.__casaSig?.map;
    if (!map) throw new Error('the map does not exist yet');
    const point = map.project([lng!, lat!]);
    const canvas = map.getCanvas().getBoundingClientRect();
    return { x: canvas.left + point.x, y: canvas.top + point.y };
  }, place as number[]);
}

/** Creates road segments through the editing API, as a planner; their ids in order. */
export async function createRoads(baseUrl: string, headers: Record<string, string>, roads: { coordinates: Position[]; properties: Record<string, unknown> }[]): Promise<number[]> {
  const response = await fetch(`${baseUrl}/api/changes`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ changes: roads.map((road) => ({ op: 'create', layer: 'road_segments', feature: { type: 'Feature', geometry: { type: 'LineString', coordinates: road.coordinates }, properties: road.properties } })) }),
  });
  if (!response.ok) throw new Error(`creating test roads failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { changes: { id: number }[] };
  return body.changes.map((change) => change.id);
}

/** The stored line of a road segment. */
export async function storedLine(pool: pg.Pool, id: number): Promise<Position[]> {
  const result = await pool.query<{ line: { coordinates: Position[] } }>('SELECT ST_AsGeoJSON(geom)::json AS line FROM road_segments WHERE id = $1', [id]);
  if (!result.rows[0]) throw new Error(`road ${id} does not exist`);
  return result.rows[0].line.coordinates;
}

/** Road segments whose line lies within `metres` of `place` (the ones a story made or split there). */
export async function roadsNear(pool: pg.Pool, place: readonly [number, number], metres: number): Promise<{ id: number; line: Position[]; properties: Record<string, unknown> }[]> {
  const result = await pool.query<{ id: string; line: { coordinates: Position[] }; properties: Record<string, unknown> }>(
    `SELECT id, ST_AsGeoJSON(geom)::json AS line, to_jsonb(r) - 'geom' - 'geom_3857' AS properties FROM road_segments r
      WHERE ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3) ORDER BY id`,
    [place[0], place[1], metres],
  );
  return result.rows.map((row) => ({ id: Number(row.id), line: row.line.coordinates, properties: row.properties }));
}

/** Removes the roads a story made, and their history, so the sample database is as it was. */
export async function removeRoadsNear(pool: pg.Pool, place: readonly [number, number], metres: number): Promise<void> {
  const ids = (await roadsNear(pool, place, metres)).map((road) => road.id);
  await pool.query('DELETE FROM road_segments WHERE id = ANY($1)', [ids]);
  await pool.query("DELETE FROM feature_history WHERE layer = 'road_segments' AND feature_id = ANY($1)", [ids]);
}

/** Waits until the editor has opened the segment and shows its handles on the map. */
export async function waitForOpenSegment(page: Page, key: string): Promise<void> {
  await page.locator(`.segment-card[data-key="${key}"] .attribute-form`).waitFor();
  await page.waitForFunction(() => {
    const source = window.__casaSig?.map?.getSource('line-editor-linestring') as { serialize(): { data: { features: unknown[] } } } | undefined;
    return (source?.serialize().data.features.length ?? 0) > 0;
  });
}

/** Clicks the map at a place. */
export async function clickAt(page: Page, place: Position): Promise<void> {
  const point = await pagePoint(page, place);
  await page.mouse.click(point.x, point.y);
}

/** Drags with the mouse from one place of the map to another, in small steps as a hand does. */
export async function dragOnMap(page: Page, from: Position, to: Position): Promise<void> {
  const start = await pagePoint(page, from);
  const end = await pagePoint(page, to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + (end.x - start.x) / 3, start.y + (end.y - start.y) / 3, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 6 });
  await page.mouse.up();
}
