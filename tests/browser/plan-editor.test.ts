import type { Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { unexpectedConsoleErrors, waitForMapIdle } from '../helpers/browser.ts';
import { startBrowserSuite } from '../helpers/browser-suite.ts';
import { decodeTile } from '../helpers/decode-tile.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import {
  clickAt,
  createPlanner,
  createRoads,
  dragOnMap,
  EMPTY_CORNER,
  offset,
  openEditor,
  pagePoint,
  removeRoadsNear,
  roadsNear,
  signIn,
  storedLine,
  waitForOpenSegment,
} from './plan-pages.ts';

/**
 * The planners' editor, each story whole, against the real server and the sample database: drawing a road
 * snapped to another and finding it in the next tile; splitting with undo and redo; moving a shared junction;
 * an invalid geometry that cannot be saved; the Arabic interface; a segment's history, a past shape shown and
 * restored. Every story works on roads it makes itself,
 * in an empty corner of the city, and removes them afterwards.
 */

const suite = startBrowserSuite();
let planner: Record<string, string>;
/** One place per story, 400 m apart. */
const PLACES = [0, 1, 2, 3, 4].map((index) => offset(EMPTY_CORNER, index * 400 - 600, 0));

beforeAll(async () => {
  planner = await sessionHeaders(suite.pool, `planner-api-${Date.now()}`, 'planner');
  await signIn(suite.browser.context, suite.server.url, await createPlanner(suite.pool));
});
afterAll(async () => {
  for (const place of PLACES) await removeRoadsNear(suite.pool, place, 300);
});

const STREET = { road_class: 'residential', surface: 'asphalt', condition: 'fair', name_fr: 'Rue d’essai', name_ar: 'زنقة التجربة' };

function isAt(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && b !== undefined && Math.abs(a[0]! - b[0]!) < 1e-8 && Math.abs(a[1]! - b[1]!) < 1e-8;
}

async function unsavedCount(page: Page): Promise<number> {
  return Number(await page.locator('.unsaved-changes').getAttribute('data-count'));
}

async function saveFromToolbar(page: Page): Promise<void> {
  await page.locator('.editor-toolbar__button[data-tool="save"]').click();
  await page.locator('.editor-toolbar__status--saved').waitFor();
}

/** The features of road_segments MapLibre draws in the view (above the tiles' zoom, from overzoomed tiles). */
async function drawnRoadIds(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const map = window.__casaSig!.map!;
    const layers = map.getStyle().layers.filter((layer) => (layer.metadata as Record<string, unknown> | undefined)?.['casa-sig:layer'] === 'road_segments').map((layer) => layer.id);
    return map.queryRenderedFeatures(undefined, { layers }).map((feature) => Number(feature.id));
  });
}

/** Versions of a segment and when each was committed. */
async function history(id: number): Promise<{ version: number; operation: string; committedAt: string }[]> {
  const response = await fetch(`${suite.server.url}/ogc/collections/road_segments/items/${id}/history`, { headers: planner });
  return ((await response.json()) as { versions: { version: number; operation: string; committedAt: string }[] }).versions;
}

describe('drawing a road snapped to another', () => {
  it('joins the other road (cut at the junction), saves, and the next tile and the map hold it', async () => {
    const centre = PLACES[0]!;
    const [boulevard] = await createRoads(suite.server.url, planner, [{ coordinates: [offset(centre, -80, 0), offset(centre, 80, 0)], properties: { road_class: 'primary', name_fr: 'Boulevard d’essai', condition: 'good' } }]);
    const { page, activity } = await openEditor(suite.browser.context, suite.server.url, centre, 18);

    await page.keyboard.press('d');
    await page.locator('.editor-toolbar[data-tool="draw"]').waitFor();
    await clickAt(page, offset(centre, 10, -50));
    // 1.5 m north of the boulevard: within the snapping tolerance, shown as a snap onto its edge.
    const near = await pagePoint(page, offset(centre, 20, 1.5));
    await page.mouse.move(near.x, near.y, { steps: 5 });
    await page.waitForFunction(() => {
      const source = window.__casaSig?.map?.getSource('snap-feedback:point') as { serialize(): { data: { features: { properties: { kind: string } }[] } } } | undefined;
      return source?.serialize().data.features[0]?.properties.kind === 'edge' && window.__casaSig?.map?.getLayer('snap-feedback:ring') !== undefined;
    });
    await page.mouse.click(near.x, near.y);
    await page.keyboard.press('Enter');
    await page.locator('.segment-card[data-key="new-1"]').waitFor();
    // The new road, the boulevard's first half and its second half: three unsaved changes, one step.
    expect(await unsavedCount(page)).toBe(3);
    expect(await page.locator('.issues-panel__issue[data-code="required-property"]').count()).toBeGreaterThan(0);
    await page.locator('.segment-card select[name="road_class"]').selectOption('residential');
    await page.locator('.segment-card input[name="name_fr"]').fill('Impasse des Tests');
    await page.locator('.segment-card input[name="name_fr"]').press('Enter');
    expect(await page.locator('.segment-card .issues-panel__issue[data-severity="error"]').count()).toBe(0);

    await saveFromToolbar(page);
    const roads = await roadsNear(suite.pool, centre, 150);
    expect(roads).toHaveLength(3);
    const created = roads.find((road) => road.properties.name_fr === 'Impasse des Tests')!;
    const halves = roads.filter((road) => road !== created);
    const junction = created.line.at(-1);
    expect(halves.map((road) => road.id)).toContain(boulevard);
    expect(halves.filter((road) => isAt(road.line[0], junction) || isAt(road.line.at(-1), junction))).toHaveLength(2);
    expect(Math.abs(junction![1]! - centre[1])).toBeLessThan(1e-7);

    // The next tile (z16, the deepest the server cuts) holds the new road.
    const tile = tileForLonLat(centre[0], centre[1], 16);
    const response = await fetch(`${suite.server.url}/tiles/road_segments/${tile.z}/${tile.x}/${tile.y}.mvt`);
    // fetch undoes the gzip Content-Encoding itself.
    const features = decodeTile(new Uint8Array(await response.arrayBuffer()), tile).road_segments ?? [];
    expect(features.map((feature) => feature.id)).toEqual(expect.arrayContaining(roads.map((road) => road.id)));
    // And the map, at zoom 18 (overzoomed tiles), draws it without a reload.
    await page.waitForFunction((ids) => {
      const map = window.__casaSig!.map!;
      const drawn = new Set(map.queryRenderedFeatures().map((feature) => Number(feature.id)));
      return ids.every((id) => drawn.has(id));
    }, roads.map((road) => road.id));
    expect(await drawnRoadIds(page)).toEqual(expect.arrayContaining(roads.map((road) => road.id)));
    // The boulevard is drawn as it is now, stopping at the junction, not from the tiles the map had before.
    await page.waitForFunction(
      ({ id, east }) => {
        const lines = window.__casaSig!.map!.queryRenderedFeatures().filter((feature) => feature.id === id).map((feature) => feature.geometry);
        const longitudes = lines.flatMap((geometry) => (geometry.type === 'LineString' ? geometry.coordinates.map((position) => position[0]!) : []));
        return longitudes.length > 0 && Math.max(...longitudes) < east;
      },
      { id: boulevard!, east: junction![0]! + 1e-5 },
    );
    expect((await history(boulevard!)).map((version) => version.operation)).toEqual(['create', 'replace']);
    expect(unexpectedConsoleErrors(activity)).toEqual([]);
    expect(activity.pageErrors).toEqual([]);
    await page.close();
  });
});

describe('splitting a segment', () => {
  it('splits, undoes, redoes and saves: two features, one change set, history on both', async () => {
    const centre = PLACES[1]!;
    const middle = offset(centre, 0, 10);
    const [street] = await createRoads(suite.server.url, planner, [{ coordinates: [offset(centre, -70, 0), middle, offset(centre, 70, 0)], properties: STREET }]);
    const { page, activity, changeSets } = await openEditor(suite.browser.context, suite.server.url, centre, 18);
    await clickAt(page, offset(centre, -35, 5));
    await waitForOpenSegment(page, `road_segments/${street}`);

    await page.keyboard.press('x');
    await page.locator('.editor-toolbar[data-tool="split"]').waitFor();
    await clickAt(page, middle);
    await page.locator('.editor-toolbar[data-tool="select"]').waitFor();
    expect(await unsavedCount(page)).toBe(2);
    await page.keyboard.press('Control+z');
    await page.locator('.unsaved-changes[data-count="0"]').waitFor();
    await page.keyboard.press('Control+Shift+z');
    await page.locator('.unsaved-changes[data-count="2"]').waitFor();

    await saveFromToolbar(page);
    const roads = await roadsNear(suite.pool, centre, 150);
    expect(roads.map((road) => road.line)).toEqual(
      expect.arrayContaining([
        [expect.any(Array), expect.any(Array)],
        [expect.any(Array), expect.any(Array)],
      ]),
    );
    const [first, second] = roads;
    expect(first!.id).toBe(street);
    expect(isAt(first!.line.at(-1), middle) && isAt(second!.line[0], middle)).toBe(true);
    expect(second!.properties).toMatchObject(STREET);
    const [firstHistory, secondHistory] = [await history(first!.id), await history(second!.id)];
    expect(firstHistory.map((version) => version.operation)).toEqual(['create', 'replace']);
    expect(secondHistory.map((version) => version.operation)).toEqual(['create']);
    // One change set: one request, the replacement and the creation together.
    expect(changeSets.map((changeSet) => changeSet.changes.map((change) => change.op))).toEqual([['replace', 'create']]);
    expect(activity.pageErrors).toEqual([]);
    await page.close();
  });
});

describe('moving a shared junction', () => {
  it('moves the ends of every road there together, in one step and one change set', async () => {
    const centre = PLACES[2]!;
    const junction = offset(centre, 0, 0);
    const ids = await createRoads(suite.server.url, planner, [
      { coordinates: [junction, offset(centre, 0, 80)], properties: { ...STREET, name_fr: 'Rue Nord' } },
      { coordinates: [offset(centre, 80, 0), junction], properties: { ...STREET, name_fr: 'Rue Est' } },
      { coordinates: [junction, offset(centre, -60, -60)], properties: { ...STREET, name_fr: 'Rue Sud-Ouest' } },
    ]);
    const { page, activity, changeSets } = await openEditor(suite.browser.context, suite.server.url, offset(centre, 0, 20), 18);
    await clickAt(page, offset(centre, 0, 50));
    await waitForOpenSegment(page, `road_segments/${ids[0]}`);

    const moved = offset(centre, 12, 6);
    await dragOnMap(page, junction, moved);
    await page.locator('.unsaved-changes[data-count="3"]').waitFor();
    expect(await page.locator('.unsaved-changes__summary').textContent()).toContain('carrefour déplacé');

    await saveFromToolbar(page);
    const [north, east, southWest] = await Promise.all(ids.map((id) => storedLine(suite.pool, id)));
    expect(isAt(north![0], east!.at(-1))).toBe(true);
    expect(isAt(north![0], southWest![0])).toBe(true);
    expect(Math.abs(north![0]![0]! - moved[0])).toBeLessThan(2e-6);
    expect(isAt(north![0], junction)).toBe(false);
    expect(changeSets.map((changeSet) => changeSet.changes.map((change) => change.op))).toEqual([['replace', 'replace', 'replace']]);
    for (const id of ids) expect((await history(id)).map((version) => version.operation)).toEqual(['create', 'replace']);
    expect(activity.pageErrors).toEqual([]);
    await page.close();
  });
});

describe('an invalid geometry', () => {
  it('shows its issue and cannot be saved', async () => {
    // The region (the admin areas' extent and a margin, as GET /api/layers publishes it) ends in the west: a
    // road drawn across that edge is refused by the server, so the editor refuses it first.
    const west = ((await (await fetch(`${suite.server.url}/api/layers`)).json()) as { bounds: number[] }).bounds[0]!;
    const { page, activity } = await openEditor(suite.browser.context, suite.server.url, [west, 33.55], 14);
    await page.keyboard.press('d');
    await page.locator('.editor-toolbar[data-tool="draw"]').waitFor();
    await clickAt(page, [west + 0.002, 33.55]);
    await clickAt(page, [west - 0.002, 33.5505]);
    await page.keyboard.press('Enter');
    await page.locator('.segment-card[data-key="new-1"]').waitFor();
    await page.locator('.segment-card select[name="road_class"]').selectOption('service');

    const issue = page.locator('.segment-card .issues-panel__issue[data-code="outside-region"]');
    await issue.waitFor();
    expect(await issue.getAttribute('data-severity')).toBe('error');
    expect(await issue.textContent()).toContain('La géométrie sort de la région de Casablanca');
    expect(await page.locator('.editor-toolbar__button[data-tool="save"]').isDisabled()).toBe(true);
    expect(await page.locator('.unsaved-changes__save').isDisabled()).toBe(true);
    await page.keyboard.press('Control+s');
    await waitForMapIdle(page);
    expect(activity.requests.filter((url) => url.endsWith('/api/changes'))).toEqual([]);

    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.locator('.unsaved-changes[data-count="0"]').waitFor();
    expect(await page.locator('.segment-card').count()).toBe(0);
    await page.close();
  });
});

describe('the Arabic interface', () => {
  it('is laid out right to left, with Arabic labels, and the Arabic name written right to left', async () => {
    const centre = PLACES[3]!;
    const [street] = await createRoads(suite.server.url, planner, [{ coordinates: [offset(centre, -60, 0), offset(centre, 60, 0)], properties: STREET }]);
    const { page, activity } = await openEditor(suite.browser.context, suite.server.url, centre, 18, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('toolbar', { name: 'أدوات التحرير' }).count()).toBe(1);
    await clickAt(page, offset(centre, 20, 0));
    await waitForOpenSegment(page, `road_segments/${street}`);

    const card = page.locator('.segment-card');
    expect(await card.locator('.feature-details__title').textContent()).toContain(`المقطع رقم ${street}`);
    expect(await card.getByRole('form', { name: 'الخصائص' }).count()).toBe(1);
    expect(await card.locator('input[name="name_ar"]').getAttribute('dir')).toBe('rtl');
    expect(await card.locator('select[name="road_class"] option:checked').textContent()).toBe('زنقة سكنية');
    // The card sits at the end of the line, which is the left in Arabic; the toolbar starts from the right.
    const boxes = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return { card: box('.segment-card'), map: box('.map-area'), toolbar: box('.editor-toolbar__row') };
    });
    expect(boxes.card.left - boxes.map.left).toBeLessThan(20);
    expect(boxes.map.right - boxes.toolbar.right).toBeLessThan(boxes.toolbar.left - boxes.map.left);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' });
    await help.waitFor();
    expect(await help.locator('[data-shortcut="undo"] dd').textContent()).toBe('تراجع');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    // Escape closed the help, and only the help: the segment stays open.
    expect(await page.locator(`.segment-card[data-key="road_segments/${street}"]`).count()).toBe(1);
    expect(activity.pageErrors).toEqual([]);
    await page.close();
  });
});

describe('a segment’s history', () => {
  it('lists who changed what, draws a past shape on the map, and restores it', async () => {
    const centre = PLACES[4]!;
    const first = [offset(centre, -60, 0), offset(centre, 60, 0)];
    const [street] = await createRoads(suite.server.url, planner, [{ coordinates: first, properties: STREET }]);
    // Someone reshapes it and marks it poor, through the API.
    const url = `${suite.server.url}/ogc/collections/road_segments/items/${street}`;
    const etag = (await fetch(url, { headers: planner })).headers.get('etag')!;
    const reshaped = await fetch(url, {
      method: 'PUT',
      headers: { ...planner, 'Content-Type': 'application/geo+json', 'If-Match': etag },
      body: JSON.stringify({ type: 'Feature', geometry: { type: 'LineString', coordinates: [first[0], offset(centre, 60, 30)] }, properties: { ...STREET, condition: 'poor' } }),
    });
    expect(reshaped.status).toBe(200);

    const { page, activity } = await openEditor(suite.browser.context, suite.server.url, centre, 18);
    await clickAt(page, offset(centre, -40, 5));
    await waitForOpenSegment(page, `road_segments/${street}`);
    const history = page.locator('.segment-card .segment-history');
    await history.locator('.segment-history__entry[data-version="2"]').waitFor();
    expect(await history.locator('.segment-history__entry[data-version="2"] .segment-history__changed').textContent()).toBe('Modifié : Tracé, État');
    expect(await history.locator('.segment-history__entry[data-version="2"] .segment-history__when').textContent()).toMatch(/par planner-api-/);

    // The first shape, drawn over the map beside the current one.
    await history.locator('.segment-history__entry[data-version="1"]').getByRole('button', { name: 'Voir sur la carte' }).click();
    await page.waitForFunction(() => {
      const source = window.__casaSig?.map?.getSource('plan-preview:lines') as { serialize(): { data: { features: { properties: { role: string } }[] } } } | undefined;
      return source?.serialize().data.features.some((feature) => feature.properties.role === 'previous') === true;
    });

    await history.locator('.segment-history__entry[data-version="1"]').getByRole('button', { name: 'Restaurer cette version' }).click();
    await history.getByRole('status').filter({ hasText: 'Version 1 restaurée.' }).waitFor();
    await history.locator('.segment-history__entry[data-version="3"]').waitFor();
    const stored = await storedLine(suite.pool, street!);
    expect(stored.map((position, index) => isAt(position, first[index]))).toEqual([true, true]);
    expect((await roadsNear(suite.pool, centre, 150))[0]!.properties.condition).toBe('fair');
    // The editor now works from the restored version: the form shows it, and nothing is left to save.
    expect(await page.locator('.segment-card select[name="condition"]').inputValue()).toBe('fair');
    expect(await unsavedCount(page)).toBe(0);
    expect(activity.pageErrors).toEqual([]);
    await page.close();
  });
});
