import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/auth/authenticate.ts';
import { createTestPool } from '../helpers/database.ts';
import {
  type BrowserSession,
  CITY_MAP_PATH,
  type ExpectedFailure,
  foreignRequests,
  launchBrowser,
  openApp,
  type PageActivity,
  renderedFeatures,
  unexpectedConsoleErrors,
} from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';
import {
  closeStaffArea,
  demoAccount,
  layerPanelIds,
  openSignInForm,
  signInFromHeader,
  signOutFromHeader,
  submitCredentials,
  waitForPrincipal,
} from './staff-pages.ts';

/**
 * Staff sign-in in the browser: the public map needs no account, the staff area asks for one, a planner
 * signs in and out, and failed sign-ins are explained in the interface language.
 */

let pool: pg.Pool;
let server: TestServer;
let browser: BrowserSession;

function expectCleanPage(activity: PageActivity, origin: string, expectedFailures: ExpectedFailure[] = []) {
  expect(foreignRequests(activity, origin), 'requests outside the app origin').toEqual([]);
  expect(activity.pageErrors, 'uncaught exceptions').toEqual([]);
  expect(unexpectedConsoleErrors(activity, expectedFailures), 'console errors').toEqual([]);
}

async function sessionCookies() {
  return (await browser.context.cookies()).filter((cookie) => cookie.name === SESSION_COOKIE);
}

beforeAll(async () => {
  pool = createTestPool('sample');
  server = await startTestServer(pool);
  browser = await launchBrowser();
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

describe('the public map', () => {
  it('works without an account: reaches idle, draws features, and never asks to sign in', async () => {
    const { page, activity } = await openApp(browser.context, server.url, '', CITY_MAP_PATH);
    await waitForPrincipal(page, 'public');
    expect((await renderedFeatures(page, 'admin_areas')).length).toBeGreaterThan(0);
    expect((await renderedFeatures(page, 'permits')).length).toBeGreaterThan(0);
    expect(await page.locator('.staff-dialog, .sign-in-form').count()).toBe(0);
    await expect(page.locator('.app-header .staff-button').textContent()).resolves.toBe('Espace agents');
    expect(await page.locator('.layer-toggle .badge').count(), 'nothing is editable for the public').toBe(0);
    expect(activity.requests.some((url) => url.includes('/api/auth/login'))).toBe(false);
    expectCleanPage(activity, server.url);
    await page.close();
  });
});

describe('the staff area', () => {
  it('asks for a sign-in at /staff, and Escape goes back to the public map with the focus on its entry', async () => {
    const { page, activity } = await openApp(browser.context, server.url, '&lang=ar', '/staff');
    const dialog = page.getByRole('dialog', { name: 'فضاء الموظفين' });
    await dialog.locator('.sign-in-form').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect(dialog.getByRole('heading', { name: 'تسجيل الدخول' }).count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'the username field has the focus').toBe('username');
    // The form mirrors: the label's text starts at the right edge of the dialog, next to its padding.
    const edges = await page.evaluate(() => {
      const dialogBox = document.querySelector('.staff-dialog')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('.sign-in-form label')!);
      const text = range.getBoundingClientRect();
      return { fromRight: dialogBox.right - text.right, fromLeft: text.left - dialogBox.left };
    });
    expect(edges.fromRight).toBeLessThan(30);
    expect(edges.fromLeft).toBeGreaterThan(200);

    await closeStaffArea(page);
    // Opened from its own address, the staff area closes onto the home page, the transit map.
    expect(new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('staff-button'))).toBe(true);
    expect((await renderedFeatures(page, 'transit_routes')).length).toBeGreaterThan(0);
    expectCleanPage(activity, server.url);
    await page.close();
  });

  it('signs a planner in and out: who is signed in, the planner’s catalog, then the public state again', async () => {
    const planner = demoAccount('planner');
    const { page, activity } = await openApp(browser.context, server.url, '', CITY_MAP_PATH);
    await waitForPrincipal(page, 'public');
    const publicLayers = await layerPanelIds(page);
    const roadToggle = page.locator('.layer-toggle[data-layer-id="road_segments"]');
    expect(await roadToggle.locator('[data-badge="editable"]').count()).toBe(0);

    await signInFromHeader(page, planner.username, planner.password, 'planner');
    expect(new URL(page.url()).pathname).toBe('/staff');
    const summary = page.locator('.staff-dialog .account-summary');
    await expect(summary.locator('h3').textContent()).resolves.toBe(planner.displayName);
    await expect(summary.locator('[data-role]').textContent()).resolves.toBe('Urbaniste');
    await expect(summary.locator('.account-summary__areas').textContent()).resolves.toBe('Toute la ville');
    const roadRights = await summary.locator('.permission-list__row[data-layer-id="road_segments"] .badge').allTextContents();
    expect(roadRights).toEqual(['Consulter', 'Créer', 'Modifier', 'Supprimer']);
    // The header says who is signed in; the catalog now marks what a planner may edit.
    await expect(page.locator('.app-header .staff-button .staff-button__name').textContent()).resolves.toBe(planner.displayName);
    await expect(page.locator('.app-header .staff-button .staff-button__role').textContent()).resolves.toBe('Urbaniste');
    await expect(roadToggle.locator('[data-badge="editable"]').textContent()).resolves.toBe('Modifiable');
    expect(await layerPanelIds(page)).toEqual(publicLayers);
    expect((await renderedFeatures(page, 'road_segments')).length).toBeGreaterThan(0);

    // The session lives only in the HttpOnly, SameSite=Strict cookie: script cannot read it, nothing is stored.
    const [cookie] = await sessionCookies();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('casa_sig_session');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(cookie!.value);
    expect(stored).not.toMatch(/cst_/);

    // The staff area closes onto the map it was opened over.
    await closeStaffArea(page);
    expect(new URL(page.url()).pathname).toBe(CITY_MAP_PATH);
    await signOutFromHeader(page);
    await expect(page.locator('.app-header .staff-button').textContent()).resolves.toBe('Espace agents');
    expect(await roadToggle.locator('[data-badge="editable"]').count()).toBe(0);
    expect(await sessionCookies()).toEqual([]);
    expect(await page.evaluate(() => fetch('/api/auth/me').then((response) => response.json()))).toMatchObject({ kind: 'public' });
    expect((await renderedFeatures(page, 'road_segments')).length).toBeGreaterThan(0);
    expect(activity.requests.filter((url) => url.endsWith('/api/layers'))).toHaveLength(3);
    expectCleanPage(activity, server.url);
    await page.close();
  });

  it('says when the password is wrong, clears it, and stays signed out', async () => {
    const planner = demoAccount('planner');
    const { page, activity } = await openApp(browser.context, server.url);
    await openSignInForm(page);
    await submitCredentials(page, planner.username, 'not-the-password');
    const error = page.locator('.sign-in-form [role="alert"]');
    await error.waitFor();
    expect(await error.getAttribute('data-error-type')).toBe('invalid-login');
    await expect(error.textContent()).resolves.toBe('Identifiant ou mot de passe incorrect.');
    const password = page.locator('.sign-in-form input[name="password"]');
    expect(await password.inputValue()).toBe('');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    expect(await page.locator('.app').getAttribute('data-principal')).toBe('public');
    expect(await sessionCookies()).toEqual([]);
    // The one 401 Chromium logs is the refused sign-in itself.
    expectCleanPage(activity, server.url, [{ status: 401, path: /^\/api\/auth\/login$/ }]);
    await page.close();
  });

  it('asks for both fields before sending anything', async () => {
    const { page, activity } = await openApp(browser.context, server.url, '&lang=en');
    await openSignInForm(page);
    await page.locator('.sign-in-form button[type="submit"]').click();
    await expect(page.locator('.sign-in-form [role="alert"]').textContent()).resolves.toBe('Enter your username and password.');
    expect(activity.requests.some((url) => url.includes('/api/auth/login'))).toBe(false);
    expectCleanPage(activity, server.url);
    await page.close();
  });
});

describe('too many failed sign-ins', () => {
  it('tells the user, in Arabic, how long the server asks them to wait', async () => {
    const strictServer = await startTestServer(pool, { LOGIN_ATTEMPTS_PER_USERNAME: '1', LOGIN_WINDOW_SECONDS: '900' });
    try {
      const { page, activity } = await openApp(browser.context, strictServer.url, '&lang=ar');
      await openSignInForm(page);
      const error = page.locator('.sign-in-form [role="alert"]');
      await submitCredentials(page, 'rate-limit-probe', 'wrong-password-1');
      await page.locator('.sign-in-form [data-error-type="invalid-login"]').waitFor();
      await submitCredentials(page, 'rate-limit-probe', 'wrong-password-2');
      await page.locator('.sign-in-form [data-error-type="too-many-login-attempts"]').waitFor();
      const text = await error.locator('p').first().textContent();
      expect(text).toMatch(/^محاولات دخول كثيرة\. أعد المحاولة .*15.*\.$/);
      expect(text).toMatch(/دقيقة|دقائق/);
      expectCleanPage(activity, strictServer.url, [
        { status: 401, path: /^\/api\/auth\/login$/ },
        { status: 429, path: /^\/api\/auth\/login$/ },
      ]);
      await page.close();
    } finally {
      await strictServer.close();
    }
  });
});
