import { describe, expect, it } from 'vitest';
import { unexpectedConsoleErrors } from '../helpers/browser.ts';
import { startBrowserSuite } from '../helpers/browser-suite.ts';
import { openWorkspace, waitForList } from './inspect-pages.ts';

/**
 * The workspace on a phone (360 × 740) in Arabic, right to left, and with the keyboard alone: the panel
 * opens over the map and fits the screen, the list is reached with Tab and walked with the arrows, Enter
 * opens a permit, whose card then shows over the map.
 */

const suite = startBrowserSuite();

describe('the workspace on a phone, in Arabic, with the keyboard', () => {
  it('fits 360 px, reads right to left, and opens a permit from the list with the keyboard alone', async () => {
    await suite.browser.context.clearCookies();
    const { page, activity } = await openWorkspace(suite.browser.context, suite.server.url, 'inspector', '&lang=ar', { width: 360, height: 740 });
    await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['ar', 'rtl']);

    // Closed at first on a phone, the panel opens over the map, within the screen.
    const panel = page.locator('.side-panel');
    await expect(panel.getAttribute('data-open')).resolves.toBe('false');
    await page.locator('.panel-toggle').click();
    await waitForList(page);
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expect(page.locator('.inspect-tabs__tab[aria-selected="true"]').textContent()).resolves.toBe('الرخص');
    // Right to left: the first tab sits at the right.
    const tabs = await page.locator('.inspect-tabs__tab').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().left));
    expect(tabs[0]).toBeGreaterThan(tabs[1]!);
    const chip = page.locator('.bucket-chip').first();
    const [swatch, label] = await Promise.all([chip.locator('.bucket-chip__swatch').boundingBox(), chip.locator('.bucket-chip__label').boundingBox()]);
    expect(swatch!.x).toBeGreaterThan(label!.x);

    // The keyboard: to the list, two rows down, Enter.
    const list = page.locator('.feature-list');
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const active = await page.locator('.feature-list__row[data-active="true"]').getAttribute('data-feature-id');
    await expect(list.getAttribute('aria-activedescendant')).resolves.toBeTruthy();
    await page.keyboard.press('Enter');
    const card = page.locator(`.feature-details[data-layer-id="permits"][data-feature-id="${active}"][data-state="complete"]`);
    await card.waitFor();
    // The panel gave way to the map and the card, which fits the screen too.
    await expect(panel.getAttribute('data-open')).resolves.toBe('false');
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.x).toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(360);
    await page.locator('.permit-timeline .timeline__step[data-step="submitted"]').waitFor();
    await expect(page.locator('.permit-timeline .timeline__step[data-step="submitted"]').textContent()).resolves.toMatch(/^أودعت في /);
    expect(unexpectedConsoleErrors(activity)).toEqual([]);
    await page.close();
  });
});
