import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts.ts';
import { waitForMapIdle } from '../helpers/browser.ts';

/**
 * Steps of the staff scenarios, done as a person does them: through the header's "Espace agents" entry
 * and the sign-in form. The demo accounts exist in the sample database (server/auth/demo-accounts.ts).
 */

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

export function demoAccount(username: DemoAccount['username']): DemoAccount {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account;
}

/** Opens the staff area from the header and waits for the sign-in form. */
export async function openSignInForm(page: Page): Promise<void> {
  await page.locator('.app-header .staff-button').click();
  await page.locator('.staff-dialog .sign-in-form').waitFor();
}

/** Types the credentials into the open sign-in form and sends them. */
export async function submitCredentials(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: /Identifiant|اسم المستخدم|Username/ }).fill(username);
  await page.locator('.sign-in-form input[name="password"]').fill(password);
  await page.locator('.sign-in-form button[type="submit"]').click();
}

/**
 * Waits until the page shows `principal` ('public' or a role) with the catalog loaded for it, and the map
 * has drawn that catalog (its style is rebuilt in the same commit, so idle means the new tiles).
 */
export async function waitForPrincipal(page: Page, principal: string): Promise<void> {
  await page.locator(`.app[data-principal="${principal}"][data-catalog="ready"]`).waitFor({ state: 'attached' });
  await waitForMapIdle(page);
}

/** Signs in from the header with a username and password, and waits for the staff catalog on the map. */
export async function signInFromHeader(page: Page, username: string, password: string, role: string): Promise<void> {
  await openSignInForm(page);
  await submitCredentials(page, username, password);
  await page.locator('.staff-dialog .account-summary').waitFor();
  await waitForPrincipal(page, role);
}

/** Leaves the staff area with Escape and waits for the dialog to go. */
export async function closeStaffArea(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.staff-dialog').waitFor({ state: 'detached' });
}

/** Signs out from the account panel (opened from the header) and waits for the public map. */
export async function signOutFromHeader(page: Page): Promise<void> {
  await page.locator('.app-header .staff-button').click();
  await page.locator('.staff-dialog .account-summary').waitFor();
  await page.getByRole('button', { name: /Se déconnecter|تسجيل الخروج|Sign out/ }).click();
  await page.locator('.staff-dialog').waitFor({ state: 'detached' });
  await waitForPrincipal(page, 'public');
}

/** The layer ids of the layer panel, in order. */
export async function layerPanelIds(page: Page): Promise<string[]> {
  return page.locator('.layer-toggle').evaluateAll((items) => items.map((item) => item.getAttribute('data-layer-id') ?? ''));
}
