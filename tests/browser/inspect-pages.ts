import type pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays, todayInCasablanca } from '../../client/inspect/permit-filters.ts';
import { watchPage, type PageActivity, waitForMapIdle } from '../helpers/browser.ts';
import { demoAccount } from './staff-pages.ts';

/**
 * Steps of the inspectors' workspace scenarios: the demo inspector (confined to Anfa) or the administrator
 * signed in, the workspace opened at /inspect, and rows of Anfa made and removed by each test.
 */

export const ANFA_CODE = '06.141.01.01';

/** Signs the demo account in (the session cookie lands in the context) and opens the workspace. */
export async function openWorkspace(
  context: BrowserContext,
  baseUrl: string,
  username: 'inspector' | 'admin',
  query = '',
  viewport?: { width: number; height: number },
): Promise<{ page: Page; activity: PageActivity }> {
  const account = demoAccount(username);
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const activity = watchPage(page);
  const login = await page.request.post(`${baseUrl}/api/auth/login`, { data: { username: account.username, password: account.password } });
  if (login.status() !== 200) throw new Error(`sign-in of ${username} failed: ${login.status()}`);
  await page.goto(`${baseUrl}/inspect?test=1${query}`);
  await page.waitForFunction(() => window.__casaSig !== undefined);
  await page.locator('.app[data-app="inspect"]').waitFor({ state: 'attached' });
  await waitForMapIdle(page);
  return { page, activity };
}

/** Waits until the list shows a fresh answer for filters containing `queryPart` (and the map is drawn). */
export async function waitForList(page: Page, queryPart = ''): Promise<{ numberMatched: number; rowCount: number; ids: string[] }> {
  // (An empty `*=""` attribute selector matches nothing, hence the two forms.)
  const status = page.locator(queryPart ? `.list-status[data-state="ready"][data-query*="${queryPart}"]` : '.list-status[data-state="ready"]');
  await status.waitFor();
  await waitForMapIdle(page);
  const numberMatched = Number(await status.getAttribute('data-number-matched'));
  // A virtual list draws only the rows in sight: `ids` are those, `rowCount` all the rows it holds.
  const rowCount = Number((await page.locator('.feature-list').getAttribute('data-row-count').catch(() => '0')) ?? 0);
  const ids = await page.locator('.feature-list__row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-feature-id') ?? ''));
  return { numberMatched, rowCount, ids };
}

/** Ids of the features of a layer lying in Anfa (as the server confines an inspector: intersecting it). */
export async function idsInAnfa(pool: pg.Pool, table: 'permits' | 'establishments'): Promise<Set<string>> {
  const result = await pool.query(`SELECT t.id::text AS id FROM ${table} t JOIN admin_areas a ON ST_Intersects(a.geom, t.geom) WHERE a.code = $1`, [ANFA_CODE]);
  return new Set(result.rows.map((row) => row.id as string));
}

/** Today in Casablanca, the day the workspace counts ages from. */
export function today(): string {
  return todayInCasablanca();
}

/**
 * Adds pending permits in Anfa submitted `ageDays` ago (kept apart by their references' prefix), returning
 * their ids; `removePermits` takes them away again.
 */
export async function addPendingPermitsInAnfa(pool: pg.Pool, prefix: string, count: number, ageDays: number): Promise<string[]> {
  const result = await pool.query(
    `INSERT INTO permits (reference, kind, status, submitted_on, applicant_name, geom)
     SELECT $2 || '-' || lpad(n::text, 4, '0'), 'renovation', 'under_review', $3::date, 'Demandeur de test',
            ST_SetSRID(ST_MakePoint(ST_X(c) + n * 0.0004, ST_Y(c)), 4326)
       FROM (SELECT ST_PointOnSurface(geom) AS c FROM admin_areas WHERE code = $1) AS area, generate_series(1, $4) AS n
     RETURNING id::text AS id`,
    [ANFA_CODE, prefix, addDays(today(), -ageDays), count],
  );
  return result.rows.map((row) => row.id as string);
}

export async function removePermits(pool: pg.Pool, prefix: string): Promise<void> {
  await pool.query("DELETE FROM permits WHERE reference LIKE $1 || '-%'", [prefix]);
}

/** An establishment of Anfa whose latest grade is not `notGrade`, with its place and grade. */
export async function establishmentInAnfa(pool: pg.Pool, notGrade: string, skip = 0): Promise<{ id: string; longitude: number; latitude: number; grade: string | null; name: string }> {
  const result = await pool.query(
    `SELECT e.id::text AS id, ST_X(e.geom) AS longitude, ST_Y(e.geom) AS latitude, e.latest_grade AS grade, e.name_fr AS name
       FROM establishments e JOIN admin_areas a ON ST_Within(e.geom, a.geom)
      WHERE a.code = $1 AND e.latest_grade IS DISTINCT FROM $2 ORDER BY e.id OFFSET $3 LIMIT 1`,
    [ANFA_CODE, notGrade, skip],
  );
  if (!result.rows[0]) throw new Error('the sample database holds no establishment in Anfa: load the sample data first');
  return result.rows[0];
}

/** Puts an establishment back as it was: its inspections recorded by a test removed, its grade restored. */
export async function restoreEstablishment(pool: pg.Pool, id: string, grade: string | null, since: Date): Promise<void> {
  await pool.query('DELETE FROM inspections WHERE establishment_id = $1 AND created_at >= $2', [id, since]);
  await pool.query('UPDATE establishments SET latest_grade = $2 WHERE id = $1', [id, grade]);
}

/** The establishment as the map draws it now (its tile's properties), or null when it is not drawn. */
export async function drawnEstablishment(page: Page, id: string): Promise<Record<string, unknown> | null> {
  return page.evaluate((featureId) => {
    const map = window.__casaSig?.map;
    if (!map) return null;
    const layers = map.getStyle().layers.filter((layer) => (layer.metadata as Record<string, unknown> | undefined)?.['casa-sig:layer'] === 'establishments').map((layer) => layer.id);
    const found = map.queryRenderedFeatures(undefined, { layers }).find((feature) => String(feature.id) === featureId);
    return found ? { ...found.properties } : null;
  }, id);
}

/** Fills the inspection form of the open dialog and saves it. */
export async function recordInspection(page: Page, values: { score: string; grade: string; outcome: string; violationIndex: number; notes: string }): Promise<void> {
  const form = page.locator('.record-dialog form');
  await form.locator('input[name="score"]').fill(values.score);
  await form.locator('select[name="grade"]').selectOption(values.grade);
  await form.locator('input[name="violations"]').nth(values.violationIndex).check();
  await form.locator('select[name="outcome"]').selectOption(values.outcome);
  await form.locator('textarea[name="notes"]').fill(values.notes);
  await form.locator('button[type="submit"]').click();
}
