import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, findUser, updateUser } from '../../server/auth/accounts.ts';
import { createTestPool } from '../helpers/database.ts';
import {
  type BrowserSession,
  CITY_MAP_PATH,
  type ExpectedFailure,
  findClickablePoint,
  foreignRequests,
  jumpTo,
  launchBrowser,
  openApp,
  type PageActivity,
  renderedFeatures,
  unexpectedConsoleErrors,
} from '../helpers/browser.ts';
import { TEST_PASSWORD } from '../helpers/principals.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';
import { type FeatureInArea, findFeatureInArea } from './sample-locations.ts';
import { closeStaffArea, demoAccount, layerPanelIds, signInFromHeader, signOutFromHeader, waitForPrincipal } from './staff-pages.ts';

/**
 * What a signed-in inspector sees that the public does not: an establishment's inspections (reached from
 * its card: they sit on the establishment and are not drawn as points of their own), and the personal
 * properties of permits (the applicant) in tiles and in the details panel; and what happens when the
 * server ends her session.
 */

let pool: pg.Pool;
let server: TestServer;
let browser: BrowserSession;
/** Official code of the arrondissement the demo inspector is assigned to. */
let areaCode: string;

/** Zoom at which permits and inspections are drawn and clickable. */
const DETAIL_ZOOM = 17;

function expectCleanPage(activity: PageActivity, expectedFailures: ExpectedFailure[] = []) {
  expect(foreignRequests(activity, server.url), 'requests outside the app origin').toEqual([]);
  expect(activity.pageErrors, 'uncaught exceptions').toEqual([]);
  expect(unexpectedConsoleErrors(activity, expectedFailures), 'console errors').toEqual([]);
}

/** Shows the feature at a detailed zoom and clicks it on the map. */
async function clickFeature(page: Page, layerId: string, feature: FeatureInArea): Promise<void> {
  await jumpTo(page, [feature.longitude, feature.latitude], DETAIL_ZOOM);
  const point = await findClickablePoint(page, layerId, feature.id);
  expect(point, `${layerId} ${feature.id} is drawn somewhere clickable`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

/** Signs a new inspector of the area in and shows `place` at a detailed zoom. */
async function signInNewInspector(page: Page, place: FeatureInArea): Promise<string> {
  const username = `inspector-browser-${randomBytes(3).toString('hex')}`;
  await createUser(pool, { username, role: 'inspector', password: TEST_PASSWORD, displayName: 'Inspectrice de test', areaCodes: [areaCode] });
  await signInFromHeader(page, username, TEST_PASSWORD, 'inspector');
  await closeStaffArea(page);
  await jumpTo(page, [place.longitude, place.latitude], DETAIL_ZOOM);
  return username;
}

/** The state after the server ended the session: the sign-in form says so, over the public map. */
async function expectSentBackToSignIn(page: Page): Promise<void> {
  const notice = page.locator('.staff-dialog .sign-in-form [data-notice="ended"]');
  await notice.waitFor();
  await expect(notice.textContent()).resolves.toBe('Votre session a pris fin. Connectez-vous à nouveau pour continuer.');
  expect(new URL(page.url()).pathname).toBe('/staff');
  await waitForPrincipal(page, 'public');
  expect(await layerPanelIds(page)).not.toContain('inspections');
  await expect(page.locator('.app-header .staff-button').getAttribute('data-principal')).resolves.toBe('public');
}

/** Clicks the feature and waits for the details panel to show its full record. */
async function openDetails(page: Page, layerId: string, feature: FeatureInArea) {
  await clickFeature(page, layerId, feature);
  const details = page.locator(`.feature-details[data-layer-id="${layerId}"][data-state="complete"]`);
  await details.waitFor();
  return details;
}

async function detailRows(page: Page): Promise<string[]> {
  return page.locator('.feature-details .feature-details__row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-property') ?? ''));
}

async function permitTileCarries(page: Page, property: string): Promise<boolean[]> {
  return (await renderedFeatures(page, 'permits')).map((feature) => property in feature.properties);
}

beforeAll(async () => {
  pool = createTestPool('sample');
  server = await startTestServer(pool);
  browser = await launchBrowser();
  const inspector = await findUser(pool, demoAccount('inspector').username);
  const code = inspector?.areas[0]?.code;
  if (!code) throw new Error('the demo inspector has no assigned area: load the sample data first');
  areaCode = code;
});

// Each scenario starts signed out, whatever the previous one left in the shared browser profile.
beforeEach(async () => {
  await browser.context.clearCookies();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pool?.end();
});

describe('an inspector', () => {
  it('sees a permit’s applicant and an establishment’s inspections, which the public does not', async () => {
    const permit = await findFeatureInArea(pool, 'permits', areaCode, ['reference', 'applicant_name', 'applicant_phone']);
    const inspection = await findFeatureInArea(pool, 'inspections', areaCode, ['establishment_id', 'inspector_name']);
    const establishment = { ...inspection, id: Number(inspection.values.establishment_id) };
    const { page, activity } = await openApp(browser.context, server.url, '', CITY_MAP_PATH);
    await waitForPrincipal(page, 'public');
    expect(await layerPanelIds(page)).not.toContain('inspections');

    // The public: the full record arrives (its update time is not in the tile) but no applicant.
    const publicDetails = await openDetails(page, 'permits', permit);
    await expect(publicDetails.locator('[data-property="reference"] dd').textContent()).resolves.toBe(permit.values.reference);
    expect(await detailRows(page)).toContain('updated_at');
    expect((await detailRows(page)).filter((name) => name.startsWith('applicant'))).toEqual([]);
    await expect(publicDetails.textContent()).resolves.not.toContain(String(permit.values.applicant_name));
    expect(await permitTileCarries(page, 'applicant_name')).not.toContain(true);
    await page.keyboard.press('Escape');
    await publicDetails.waitFor({ state: 'detached' });

    const inspector = demoAccount('inspector');
    await signInFromHeader(page, inspector.username, inspector.password, 'inspector');
    const areas = await page.locator('.account-summary .account-summary__areas .badge').evaluateAll((items) => items.map((item) => item.getAttribute('data-area-code')));
    expect(areas).toEqual([areaCode]);
    await closeStaffArea(page);
    // Inspections sit exactly on their establishment: no switch, no points of their own.
    expect(await layerPanelIds(page)).not.toContain('inspections');

    // Staff tiles: the permits drawn now carry the applicant.
    const staffDetails = await openDetails(page, 'permits', permit);
    await expect(staffDetails.locator('[data-property="applicant_name"] dt').textContent()).resolves.toBe('Demandeur');
    await expect(staffDetails.locator('[data-property="applicant_name"] dd').textContent()).resolves.toBe(permit.values.applicant_name);
    if (permit.values.applicant_phone) {
      await expect(staffDetails.locator('[data-property="applicant_phone"] dd').textContent()).resolves.toBe(permit.values.applicant_phone);
    }
    const carries = await permitTileCarries(page, 'applicant_name');
    expect(carries.length).toBeGreaterThan(0);
    expect(carries).not.toContain(false);
    await page.keyboard.press('Escape');
    expect((await renderedFeatures(page, 'inspections')).length).toBe(0);

    // The establishment's card lists its inspections; one opens titled by its date, never by its inspector.
    await openDetails(page, 'establishments', establishment);
    await page.locator(`.related-features[data-related-layer="inspections"] [data-related-id="${inspection.id}"]`).click();
    const inspectionCard = page.locator(`.feature-details[data-layer-id="inspections"][data-feature-id="${inspection.id}"][data-state="complete"]`);
    await inspectionCard.waitFor();
    const title = (await inspectionCard.locator('.feature-details__title').textContent()) ?? '';
    expect(title).toMatch(/^Inspections d’hygiène · \d{1,2} \S+ \d{4}$/);
    expect(title).not.toContain(String(inspection.values.inspector_name));
    await expect(inspectionCard.locator('[data-property="inspector_name"] dd').textContent()).resolves.toBe(inspection.values.inspector_name);
    await page.keyboard.press('Escape');

    // Signed out, the map is the public one again: no inspections, no applicant in the permit tiles.
    await signOutFromHeader(page);
    expect(await layerPanelIds(page)).not.toContain('inspections');
    await jumpTo(page, [permit.longitude, permit.latitude], DETAIL_ZOOM);
    expect((await permitTileCarries(page, 'applicant_name')).length).toBeGreaterThan(0);
    expect(await permitTileCarries(page, 'applicant_name')).not.toContain(true);
    expectCleanPage(activity);
    await page.close();
  });

  it('is sent back to the sign-in form when a feature request finds her session ended', async () => {
    const inspection = await findFeatureInArea(pool, 'inspections', areaCode, ['establishment_id']);
    const establishment = { ...inspection, id: Number(inspection.values.establishment_id) };
    const { page, activity } = await openApp(browser.context, server.url, '', CITY_MAP_PATH);
    await signInNewInspector(page, establishment).then(async (username) => {
      await openDetails(page, 'establishments', establishment);
      const link = page.locator(`.related-features[data-related-layer="inspections"] [data-related-id="${inspection.id}"]`);
      await link.waitFor();
      // An administrator disables the account: its sessions are revoked at once.
      await updateUser(pool, username, { isDisabled: true });
      await link.click();
    });
    await expectSentBackToSignIn(page);
    expectCleanPage(activity, [{ status: 401, path: /^\/ogc\/collections\/inspections\/items\/\d+$/ }]);
    await page.close();
  });
});
