import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { unexpectedConsoleErrors, watchPage } from '../helpers/browser.ts';
import { startBrowserSuite } from '../helpers/browser-suite.ts';
import { demoAccount, submitCredentials } from './staff-pages.ts';

/**
 * The administration at /admin, as the city's administrator uses it: an account created for a new
 * inspector (its password shown once) and disabled; an API key created for another module with its scopes
 * (shown once) and revoked; the audit showing what was done. Checked in the database, not only on screen.
 */

const suite = startBrowserSuite();

async function openAdministration(language = 'fr'): Promise<Page> {
  await suite.browser.context.clearCookies();
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.server.url}/admin?test=1&lang=${language}`);
  await page.locator('.sign-in-form').waitFor();
  const admin = demoAccount('admin');
  await submitCredentials(page, admin.username, admin.password);
  await page.locator('.app[data-app="admin"] .admin-tabs').waitFor();
  return page;
}

describe('the administration', () => {
  it('creates an account for an inspector of one district, shows its password once, then disables it', async () => {
    const page = await openAdministration();
    const activity = watchPage(page);
    const form = page.locator('form[aria-labelledby="new-account-heading"]');
    await form.getByLabel('Identifiant').fill('nadia.inspectrice');
    await form.getByLabel('Nom affiché').fill('Nadia Alaoui');
    await form.getByLabel('Rôle').selectOption('inspector');
    await form.locator('.area-picker__option', { hasText: 'Anfa' }).first().locator('input').check();
    await form.getByRole('button', { name: 'Créer' }).click();

    const secret = page.locator('.secret-once [data-secret]');
    await secret.waitFor();
    const password = (await secret.textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    const row = page.locator('.admin-table tr[data-username="nadia.inspectrice"]');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Anfa');

    // The password works, once: the new inspector signs in with it.
    const login = await fetch(`${suite.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'nadia.inspectrice', password }),
    });
    expect(login.status).toBe(200);
    await page.getByRole('button', { name: 'J’ai noté' }).click();
    await secret.waitFor({ state: 'detached' });

    await row.getByRole('button', { name: 'Désactiver' }).click();
    await page.locator('.admin-table tr[data-username="nadia.inspectrice"][data-disabled="true"]').waitFor();
    const stored = await suite.pool.query('SELECT role, is_disabled FROM users WHERE username = $1', ['nadia.inspectrice']);
    expect(stored.rows[0]).toEqual({ role: 'inspector', is_disabled: true });
    expect(unexpectedConsoleErrors(activity)).toEqual([]);
    await page.close();
  });

  it('creates an API key with its scopes, shows it once, and revokes it', async () => {
    const page = await openAdministration();
    await page.locator('.admin-tabs__tab[data-section="keys"]').click();
    const form = page.locator('form[aria-labelledby="new-key-heading"]');
    await form.waitFor();
    await form.getByLabel('Module').fill('fiscalite');
    await form.getByLabel('Description').fill('Taxe sur les terrains non bâtis');
    await form.locator('.scope-picker__layer[data-layer-id="permits"] input[value="permits:read"]').check();
    await form.locator('input[value="query:stats"]').check();
    await form.getByRole('button', { name: 'Créer' }).click();

    const secret = page.locator('.secret-once [data-secret]');
    await secret.waitFor();
    const key = (await secret.textContent()) ?? '';
    expect(key).toMatch(/^csk_/);
    const authorised = await fetch(`${suite.server.url}/api/query/stats?layer=permits&by=arrondissement`, { headers: { Authorization: `Bearer ${key}` } });
    expect(authorised.status).toBe(200);
    const prefix = key.split('_')[1];
    const row = page.locator(`.admin-table tr[data-prefix="${prefix}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('permits:read');

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Révoquer' }).click();
    await page.locator(`.admin-table tr[data-prefix="${prefix}"][data-revoked="true"]`).waitFor();
    const revoked = await fetch(`${suite.server.url}/api/query/stats?layer=permits&by=arrondissement`, { headers: { Authorization: `Bearer ${key}` } });
    expect(revoked.status).toBe(401);
    await page.close();
  });

  it('filters the security audit by kind and principal, in Arabic', async () => {
    const page = await openAdministration('ar');
    await page.locator('.admin-tabs__tab[data-section="audit"]').click();
    const form = page.locator('[data-section="audit"] form');
    await form.waitFor();
    await form.locator('#audit-kind').selectOption('key_revoked');
    await form.locator('#audit-principal').fill('user:admin');
    await form.getByRole('button', { name: 'تصفية' }).click();
    const rows = page.locator('[data-section="audit"] tbody tr');
    await rows.first().waitFor();
    const kinds = await rows.evaluateAll((items) => items.map((item) => [item.getAttribute('data-kind'), item.getAttribute('data-principal')]));
    expect(kinds.length).toBeGreaterThan(0);
    for (const [kind, principal] of kinds) expect([kind, principal]).toEqual(['key_revoked', 'user:admin']);
    await expect(rows.first().locator('td').nth(1).textContent()).resolves.toBe('إلغاء مفتاح');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.close();
  });
});
