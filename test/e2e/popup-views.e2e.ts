/**
 * The popup's views and the document reader in real Chromium (issue 5): lookup of loosely
 * spelled names, the entity view's timeline, "On this page" driving the page, settings applied
 * to an open tab without a reload, the reader opened at a passage, and axe-core on each.
 *
 * The popup is opened as a page in a tab; `popup.html?tab=ID` makes it about the demo page's
 * tab, as the toolbar popup is about the active tab.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGE } from './demo-page';
import { gazetteerEntry } from './gazetteer';
import {
  extensionUrl,
  launchWithExtension,
  MENTION_HIGHLIGHT,
  openTestPage,
  ROOT,
  saveScreenshot,
  waitForMentions,
  type Harness,
} from './harness';

/** The example queries, each with the entity a reader means by it. */
const LOOKUPS: readonly { query: string; entity: string }[] = [
  { query: 'kazimi', entity: 'mustafa-al-kadhimi' },
  { query: 'suleimani', entity: 'qasem-soleimani' },
  { query: 'hashd', entity: 'popular-mobilization-units' },
  { query: 'daesh', entity: 'isis' },
  { query: 'strategic dialog', entity: 'us-iraq-strategic-dialogue' },
];

/** The sequence the issue names, which al-Kadhimi's timeline must show in this order. */
const KADHIMI_STORY = [
  'october-2019-protests',
  'killing-of-soleimani',
  'iraqi-parliament-troops-vote',
  'kadhimi-sworn-in',
  'us-iraq-strategic-dialogue',
  'kadhimi-tehran-visit',
];

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's violations on the page, as "rule: nodes" lines (empty when clean). */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: extension pages' CSP forbids inline scripts.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
  });
}

async function openPopupPage(harness: Harness, query = ''): Promise<Page> {
  const page = await harness.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.goto(extensionUrl(harness, `popup.html${query}`));
  return page;
}

interface TabsApi {
  tabs: { query(q: { active: boolean }): Promise<{ id?: number }[]> };
}

/**
 * The browser's id for `page`'s tab. Backstory has no `tabs` permission, so no extension page
 * can see tab URLs: bring the page to the front and ask for the active tab, as the toolbar
 * popup would.
 */
async function tabIdOf(extensionPage: Page, page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await extensionPage.evaluate(async () => {
    const { tabs } = (globalThis as unknown as { chrome: TabsApi }).chrome;
    return (await tabs.query({ active: true })).map((t) => t.id);
  });
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`Expected one active tab, found ${ids.length}`);
  return ids[0];
}

const registeredMentions = (page: Page) =>
  page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, MENTION_HIGHLIGHT);

describe('popup views and the reader', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('finds the right entity first for each example query, with the matched part marked', async () => {
    const popup = await openPopupPage(harness);
    const search = popup.getByLabel('Look up a name');
    await expect.poll(() => search.evaluate((box) => box === document.activeElement), { timeout: 5_000 }).toBe(true);
    for (const { query, entity } of LOOKUPS) {
      await search.fill('');
      await popup.keyboard.type(query, { delay: 20 });
      const first = popup.getByRole('listbox').getByRole('option').first();
      await expect.poll(() => first.locator('.bs-result-name').textContent(), { timeout: 5_000 }).toBe(
        gazetteerEntry(entity).name,
      );
      // The words that answered the query are marked, in the name or the alias shown.
      expect(await first.locator('mark').count(), `marks for "${query}"`).toBeGreaterThan(0);
    }
    await saveScreenshot(popup, 'popup-lookup-strategic-dialog.png');
    // Arrow keys then Enter open the chosen entity; Back keeps the query.
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { level: 1, name: gazetteerEntry('us-iraq-strategic-dialogue').name }).waitFor();
    await popup.getByRole('button', { name: /Back to results/ }).click();
    expect(await search.inputValue()).toBe('strategic dialog');
    await popup.close();
  });

  it('shows al-Kadhimi’s timeline: at least six dated events, in date order, telling the story', async () => {
    const popup = await openPopupPage(harness, '?entity=mustafa-al-kadhimi');
    await popup.getByRole('heading', { level: 1, name: gazetteerEntry('mustafa-al-kadhimi').name }).waitFor();
    const events = popup.locator('ol.bs-timeline > li');
    const dated = await events.evaluateAll((items) =>
      items.map((item) => ({
        date: item.querySelector('time')?.getAttribute('datetime') ?? '',
        shown: item.querySelector('time')?.textContent?.trim() ?? '',
        name: item.querySelector('.bs-timeline-name')?.textContent?.trim() ?? '',
      })),
    );
    expect(dated.length).toBeGreaterThanOrEqual(6);
    expect(dated.every((e) => /^\d{4}(-\d{2}){0,2}$/.test(e.date) && e.shown.length > 0)).toBe(true);
    expect(dated.map((e) => e.date)).toEqual([...dated.map((e) => e.date)].sort());
    const names = dated.map((e) => e.name);
    const positions = KADHIMI_STORY.map((id) => names.indexOf(gazetteerEntry(id).name));
    expect(positions.every((p) => p >= 0), names.join(' | ')).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    await popup.locator('ol.bs-timeline').evaluate((list) => list.closest('section')?.scrollIntoView());
    await saveScreenshot(popup, 'popup-entity-timeline.png');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('lists the entities of the page by type with counts, and scrolls the page to one', async () => {
    const demo = await openTestPage(harness, DEMO_PAGE);
    await waitForMentions(demo);
    const popup = await openPopupPage(harness);
    const tabId = await tabIdOf(popup, demo);
    await popup.goto(extensionUrl(harness, `popup.html?tab=${tabId}`));
    await popup.getByRole('tab', { name: 'On this page' }).click();

    const qaani = gazetteerEntry('esmail-qaani').name;
    const people = popup.getByRole('region', { name: 'People' });
    await people.getByRole('button', { name: qaani, exact: true }).waitFor({ timeout: 5_000 });
    expect(await popup.getByRole('region', { name: 'Places' }).getByRole('button', { name: 'Baghdad', exact: true }).count()).toBe(1);
    const kadhimiRow = popup.locator('li[data-entity="mustafa-al-kadhimi"]');
    // Spelled four ways on the page (al-Kazimi twice, al-Kazemi split across <b>/<i>, Arabic script).
    expect(await kadhimiRow.locator('.bs-on-page-count').textContent()).toBe('4 mentions');
    await saveScreenshot(popup, 'popup-on-this-page.png');

    // Qaani is far down the page: choosing him scrolls there and flashes the mention.
    expect(await demo.evaluate(() => window.scrollY)).toBe(0);
    await people.getByRole('button', { name: qaani, exact: true }).click();
    await expect.poll(() => demo.evaluate(() => window.scrollY), { timeout: 5_000 }).toBeGreaterThan(0);
    const flashed = await demo.evaluate(() => {
      const range = [...(CSS.highlights.get('backstory-flash') ?? [])][0];
      if (!range) return null;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const box = live.getBoundingClientRect();
      return { text: live.toString(), inView: box.top >= 0 && box.bottom <= window.innerHeight };
    });
    expect(flashed).toEqual({ text: 'Esmail Qaani', inView: true });

    // Next steps through al-Kadhimi's mentions in document order.
    await kadhimiRow.getByRole('button', { name: /Next mention/ }).click();
    await expect.poll(() => popup.locator('.bs-on-page-status').textContent()).toContain('mention 1 of 4');
    await kadhimiRow.getByRole('button', { name: /Next mention/ }).click();
    await expect.poll(() => popup.locator('.bs-on-page-status').textContent()).toContain('mention 2 of 4');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await demo.close();
  });

  it('turning Backstory off on a site removes the marks from an open page without a reload, and back on', async () => {
    const demo = await openTestPage(harness, DEMO_PAGE);
    await waitForMentions(demo);
    // A reload would reset this marker: it proves the page was never reloaded.
    await demo.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const popup = await openPopupPage(harness);
    const tabId = await tabIdOf(popup, demo);
    await popup.goto(extensionUrl(harness, `popup.html?tab=${tabId}`));
    await popup.getByRole('tab', { name: 'Settings' }).click();

    const site = popup.getByRole('checkbox', { name: 'Spot names on 127.0.0.1' });
    await site.waitFor({ timeout: 5_000 });
    expect(await site.isChecked()).toBe(true);
    await site.uncheck();
    await expect.poll(() => registeredMentions(demo), { timeout: 5_000 }).toBe(0);
    await saveScreenshot(popup, 'popup-settings.png');

    // Stays off after the popup closes: it is stored, not just applied.
    await popup.reload();
    await popup.getByRole('tab', { name: 'Settings' }).click();
    await expect.poll(() => popup.getByRole('checkbox', { name: 'Spot names on 127.0.0.1' }).isChecked()).toBe(false);
    await popup.getByRole('checkbox', { name: 'Spot names on 127.0.0.1' }).check();
    await expect.poll(() => registeredMentions(demo), { timeout: 10_000 }).toBeGreaterThan(0);

    // Pause everywhere does the same for every site.
    await popup.getByRole('checkbox', { name: 'Pause Backstory everywhere' }).check();
    await expect.poll(() => registeredMentions(demo), { timeout: 5_000 }).toBe(0);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByRole('checkbox', { name: 'Pause Backstory everywhere' }).uncheck();
    await expect.poll(() => registeredMentions(demo), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await demo.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await popup.close();
    await demo.close();
  });

  it('opens the reader scrolled to the passage in its URL, with the passage highlighted', async () => {
    const reader = await harness.context.newPage();
    await reader.setViewportSize({ width: 1000, height: 700 });
    // A passage deep in the document, so that being there means the reader scrolled.
    await reader.goto(extensionUrl(harness, 'reader.html?doc=kadhimi-leaves-tehran&passage=kadhimi-leaves-tehran:15:0'));
    const passage = reader.locator('mark.bs-passage');
    await passage.waitFor({ timeout: 5_000 });
    expect(await passage.textContent()).toContain('Qassem Soleimani disappearing from the Iraqi scene');
    const box = await passage.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, viewport: window.innerHeight, scrolled: window.scrollY };
    });
    expect(box.scrolled).toBeGreaterThan(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.viewport);
    // The passage names Soleimani: his mention is marked inside it, and resting on it gives the card.
    const soleimani = passage.locator('.bs-mention[data-entity="qasem-soleimani"]').first();
    const mentionBox = (await soleimani.boundingBox())!;
    await reader.mouse.move(1, 1);
    await reader.mouse.move(mentionBox.x + mentionBox.width / 2, mentionBox.y + mentionBox.height / 2, { steps: 5 });
    const card = reader.locator('.bs-card[role="dialog"]');
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await card.locator('.bs-card-name').textContent()).toBe(gazetteerEntry('qasem-soleimani').name);
    await saveScreenshot(reader, 'reader-passage.png');
    expect(await axeViolations(reader)).toEqual([]);
    await reader.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 5_000 });
    await reader.close();
  });

  it('has no axe violations in lookup results, dark mode included', async () => {
    const popup = await openPopupPage(harness);
    await popup.getByLabel('Look up a name').fill('kadhimi');
    await popup.getByRole('option').first().waitFor();
    await popup.keyboard.press('ArrowDown');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(popup)).toEqual([]);
    await saveScreenshot(popup, 'popup-lookup-dark.png');
    await popup.close();
  });
});
