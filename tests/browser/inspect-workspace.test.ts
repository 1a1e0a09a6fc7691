import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../client/inspect/permit-filters.ts';
import { foreignRequests, jumpTo, renderedFeatures, unexpectedConsoleErrors } from '../helpers/browser.ts';
import { startBrowserSuite } from '../helpers/browser-suite.ts';
import {
  addPendingPermitsInAnfa,
  drawnEstablishment,
  establishmentInAnfa,
  idsInAnfa,
  openWorkspace,
  recordInspection,
  removePermits,
  restoreEstablishment,
  today,
  waitForList,
} from './inspect-pages.ts';

/**
 * The inspectors' workspace as the demo inspector of Anfa uses it: what she sees is confined to her
 * arrondissement on the map and in the list; an age bucket filters list and map, and its count is the
 * server's statistics; an inspection she records shows at once in the card and in the map's grade colour.
 */

const suite = startBrowserSuite();
const PREFIX = `BT-${Date.now().toString(36).toUpperCase()}`;
const started = new Date();
const restored: { id: string; grade: string | null }[] = [];

afterAll(async () => {
  await removePermits(suite.pool, PREFIX);
  for (const establishment of restored) await restoreEstablishment(suite.pool, establishment.id, establishment.grade, started);
});

describe('the inspectors’ workspace', () => {
  it('shows the inspector only her arrondissement’s permits, on the map and in the list', async () => {
    await suite.browser.context.clearCookies();
    const { page, activity } = await openWorkspace(suite.browser.context, suite.server.url, 'inspector');
    const { numberMatched, rowCount, ids } = await waitForList(page);
    const anfa = await idsInAnfa(suite.pool, 'permits');
    expect(anfa.size).toBeGreaterThan(5);
    expect(numberMatched).toBe(anfa.size);
    expect(rowCount).toBe(anfa.size);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !anfa.has(id))).toEqual([]);

    const drawn = (await renderedFeatures(page, 'permits')).map((feature) => String(feature.id));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.filter((id) => !anfa.has(id))).toEqual([]);
    // The view reaches past Anfa, where other permits lie: the server, not the view, kept them out.
    const bounds = await page.evaluate(() => window.__casaSig!.map!.getBounds().toArray().flat());
    const outside = await suite.pool.query(
      `SELECT count(*)::integer AS n FROM permits p WHERE p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
          AND NOT EXISTS (SELECT 1 FROM admin_areas a WHERE a.code = '06.141.01.01' AND ST_Intersects(a.geom, p.geom))`,
      bounds,
    );
    expect(outside.rows[0].n).toBeGreaterThan(0);
    expect(foreignRequests(activity, suite.server.url)).toEqual([]);
    expect(unexpectedConsoleErrors(activity)).toEqual([]);
    await page.close();
  });

  it('filters list and map by an age bucket, with the count of the server’s statistics', async () => {
    const added = await addPendingPermitsInAnfa(suite.pool, PREFIX, 3, 45);
    await suite.browser.context.clearCookies();
    const { page, activity } = await openWorkspace(suite.browser.context, suite.server.url, 'inspector');
    await waitForList(page);
    const chip = page.locator('.bucket-chip[data-bucket="pending-31-60"]');
    await page.waitForFunction(() => document.querySelector('.bucket-chip[data-bucket="pending-31-60"]')?.getAttribute('data-count') !== '');
    const shownCount = Number(await chip.getAttribute('data-count'));
    await chip.click();
    const { numberMatched, ids } = await waitForList(page, 'submitted_on=');
    expect(new URL(page.url()).searchParams.get('age')).toBe('pending-31-60');
    await expect(chip.getAttribute('aria-pressed')).resolves.toBe('true');

    const stats = await page.request.get(`${suite.server.url}/api/query/stats?layer=permits&today=${today()}`);
    const areas = (await stats.json()).areas as { pending: { days31to60: number } }[];
    const serverCount = areas.reduce((sum, area) => sum + area.pending.days31to60, 0);
    expect(serverCount).toBeGreaterThanOrEqual(added.length);
    expect(shownCount).toBe(serverCount);
    expect(numberMatched).toBe(serverCount);
    expect(ids).toEqual(expect.arrayContaining(added));

    // Zoomed in where the tiles carry every permit (zoomed out, each few pixels show one representative).
    const place = (await suite.pool.query('SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM permits WHERE id = $1', [added[1]])).rows[0];
    await jumpTo(page, [place.x, place.y], 17);
    const [oldest, youngest] = [addDays(today(), -60), addDays(today(), -31)];
    const drawn = await renderedFeatures(page, 'permits');
    expect(drawn.map((feature) => String(feature.id))).toEqual(expect.arrayContaining(added));
    for (const feature of drawn) {
      expect(['submitted', 'under_review']).toContain(feature.properties.status);
      expect(String(feature.properties.submitted_on) >= oldest && String(feature.properties.submitted_on) <= youngest).toBe(true);
    }

    // Shared as a link, the view opens filtered the same way.
    const shared = await page.context().newPage();
    await shared.goto(page.url());
    await shared.locator('.bucket-chip[data-bucket="pending-31-60"][aria-pressed="true"]').waitFor();
    expect((await waitForList(shared, 'submitted_on=')).numberMatched).toBe(serverCount);
    await shared.close();
    expect(unexpectedConsoleErrors(activity)).toEqual([]);
    await page.close();
  });

  it('records an inspection that shows at once in the establishment’s card and on the map', async () => {
    const establishment = await establishmentInAnfa(suite.pool, 'C');
    restored.push({ id: establishment.id, grade: establishment.grade });
    await suite.browser.context.clearCookies();
    await suite.browser.context.grantPermissions(['geolocation']);
    await suite.browser.context.setGeolocation({ longitude: establishment.longitude, latitude: establishment.latitude });
    const { page, activity } = await openWorkspace(suite.browser.context, suite.server.url, 'inspector', `&tab=establishments&feature=establishments/${establishment.id}`);
    const card = page.locator(`.feature-details[data-layer-id="establishments"][data-feature-id="${establishment.id}"][data-state="complete"]`);
    await card.waitFor();
    await expect(card.locator('.feature-details__title').textContent()).resolves.toBe(establishment.name);
    await page.locator('.establishment-history[data-state="loaded"]').waitFor();
    await page.locator('.record-button').click();
    await page.locator('.record-dialog [data-position="measured"][data-far="false"]').waitFor();

    await recordInspection(page, { score: '41', grade: 'C', outcome: 'major_violations', violationIndex: 0, notes: 'Contrôle du test de navigateur' });
    await page.locator('.saved-notice[data-kind="saved"]').waitFor();
    const stored = await suite.pool.query(
      "SELECT id::text AS id, inspector_name, score, grade FROM inspections WHERE establishment_id = $1 AND notes = 'Contrôle du test de navigateur'",
      [establishment.id],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]).toMatchObject({ inspector_name: 'Inspectrice Anfa (démo)', score: 41, grade: 'C' });

    const newest = page.locator('.history-entry').first();
    await page.locator(`.history-entry[data-inspection-id="${stored.rows[0].id}"]`).waitFor();
    await expect(newest.getAttribute('data-inspection-id')).resolves.toBe(stored.rows[0].id);
    await expect(newest.locator('.history-entry__score').textContent()).resolves.toBe('41/100');
    await expect(newest.locator('.grade-badge').getAttribute('data-grade')).resolves.toBe('C');

    await page.waitForFunction(
      (id) => {
        const map = window.__casaSig?.map;
        const layers = map?.getStyle().layers.filter((layer) => (layer.metadata as Record<string, unknown> | undefined)?.['casa-sig:layer'] === 'establishments').map((layer) => layer.id) ?? [];
        return map?.queryRenderedFeatures(undefined, { layers }).some((feature) => String(feature.id) === id && feature.properties.latest_grade === 'C') === true;
      },
      establishment.id,
    );
    expect((await drawnEstablishment(page, establishment.id))?.latest_grade).toBe('C');
    expect(unexpectedConsoleErrors(activity)).toEqual([]);
    await page.close();
  });
});
