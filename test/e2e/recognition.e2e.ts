/**
 * Recognising the page (issue 9) in real Chromium: each corpus document served as a local page
 * in another site's layout is recognised as itself, a retitled and trimmed copy as a copy, ten
 * unrelated news pages as nothing; a card on a recognised page quotes only the other documents,
 * and the popup's "This page" view says what the page is and what the other documents say.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  card,
  extensionUrl,
  hoverText,
  launchWithExtension,
  markedMentions,
  openTestPage,
  saveScreenshot,
  waitForMentions,
  type Harness,
} from './harness';

const SEEDS = ['regime-fears-talks', 'iran-terrified-talks', 'iran-meddles', 'kadhimi-leaves-tehran', 'isis-revival'];
const UNRELATED = [
  'bike-lanes',
  'climate-summit',
  'dialogue-near-miss',
  'erbil-attack',
  'football-final',
  'lebanon-economy',
  'opec-output',
  'phone-launch',
  'syria-camps',
  'vienna-nuclear-talks',
];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations in `selector` (evaluated over CDP, so extension-page CSP does not apply). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    type Axe = { run(ctx: Element, opts: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const result = await axe.run(document.querySelector(sel)!, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  }, selector);
}

interface ThisPageShown {
  kind: string | null;
  doc: string | null;
  text: string;
}

describe('recognising the page', () => {
  let harness: Harness;
  const measured: { page: string; scanMs: number; fingerprintMs: number; hashingMs: number; shingles: number }[] = [];

  beforeAll(async () => {
    harness = await launchWithExtension();
  });
  afterAll(async () => {
    if (measured.length) console.log('[recognition] per page:', JSON.stringify(measured));
    await harness?.close();
  });

  /**
   * The browser's id for the tab showing `page`, asked of the background once the page is the
   * active tab (without the "tabs" permission the background cannot see tab addresses).
   */
  async function tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const worker = harness.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))!;
    const id = await worker.evaluate(async () => {
      type Tabs = { query(q: object): Promise<{ id?: number }[]> };
      const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({
        active: true,
        lastFocusedWindow: true,
      });
      return tabs[0]?.id;
    });
    if (id === undefined) throw new Error(`no tab for ${page.url()}`);
    return id;
  }

  /** Opens a test page and waits until its scan, and the recognition that follows, are done. */
  async function openScanned(name: string, { hasMentions = true } = {}): Promise<Page> {
    const page = await openTestPage(harness, `recognition/${name}.html`);
    if (hasMentions) {
      await waitForMentions(page);
      await page.waitForFunction(() => performance.getEntriesByName('backstory:fingerprint').length > 0, null, {
        timeout: 10_000,
      });
    } else {
      await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, null, { timeout: 10_000 });
    }
    return page;
  }

  /** The popup's "This page" view for `page`'s tab. */
  async function popupFor(page: Page): Promise<Page> {
    const popup = await harness.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`${extensionUrl(harness, 'popup.html')}?tab=${await tabIdOf(page)}`);
    await popup.getByRole('tab', { name: 'On this page' }).click();
    await popup.locator('.bs-this-page-view[aria-busy="false"]').waitFor({ timeout: 10_000 });
    return popup;
  }

  async function shownInPopup(popup: Page): Promise<ThisPageShown | null> {
    const line = popup.locator('.bs-this-page-view .bs-this-page');
    if ((await line.count()) === 0) return null;
    return {
      kind: await line.getAttribute('data-kind'),
      doc: await line.getAttribute('data-doc'),
      text: ((await line.textContent()) ?? '').trim(),
    };
  }

  /** Hovers the first marked mention of a name that several documents describe, and returns the card. */
  async function openCardOnPage(page: Page) {
    const marked = await markedMentions(page);
    // Names every document describes, so the card has accounts to keep or drop.
    const target = marked.find((m) => /^(Iraq|Iran|Kadhimi|al-Kadhimi|al-Kazemi|United States|Khamenei)$/.test(m.text));
    expect(target, `a widely described name is marked on ${page.url()}`).toBeDefined();
    const occurrence = await page.evaluate(
      ({ text, start }) => {
        // Which occurrence of the text the marked one is (the harness hovers by occurrence).
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let all = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) all += (n as Text).data;
        let count = 0;
        for (let at = all.indexOf(text); at >= 0 && at < start; at = all.indexOf(text, at + 1)) count++;
        return count;
      },
      { text: target!.text, start: target!.start },
    );
    await page.bringToFront();
    await hoverText(page, target!.text, occurrence);
    await card(page).waitFor({ state: 'visible', timeout: 5_000 });
    await card(page).locator('section.bs-accounts, .bs-card-status').first().waitFor({ timeout: 5_000 });
    return card(page);
  }

  async function cardDocs(page: Page): Promise<string[]> {
    return card(page)
      .locator('a.bs-account-link')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('doc') ?? ''));
  }

  it.each(SEEDS)('recognises %s in another site’s layout as itself, and its card quotes only the others', async (doc) => {
    const page = await openScanned(`seed-${doc}`);
    const popup = await popupFor(page);
    expect(await shownInPopup(popup)).toMatchObject({ kind: 'document', doc });
    // Every entity's contrast in the popup leaves the page's own document out.
    const popupDocs = await popup.locator('.bs-page-account').evaluateAll((items) => items.map((i) => i.getAttribute('data-doc')));
    expect(popupDocs.length).toBeGreaterThan(0);
    expect(popupDocs).not.toContain(doc);
    await popup.close();

    const dialog = await openCardOnPage(page);
    await expect.poll(() => dialog.locator('.bs-this-page').getAttribute('data-doc')).toBe(doc);
    const docs = await cardDocs(page);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs).not.toContain(doc);
    if (doc === 'iran-meddles') await saveScreenshot(dialog, 'card-this-page.png');

    measured.push({
      page: doc,
      ...(await page.evaluate(() => {
        const scans = performance.getEntriesByName('backstory:scan') as PerformanceMeasure[];
        const fp = performance.getEntriesByName('backstory:fingerprint') as PerformanceMeasure[];
        const detail = (fp[0]?.detail ?? {}) as { shingles?: number; hashingMs?: number };
        return {
          scanMs: Math.round(scans[0]!.duration * 10) / 10,
          fingerprintMs: Math.round((fp[0]?.duration ?? 0) * 100) / 100,
          hashingMs: Math.round((detail.hashingMs ?? 0) * 100) / 100,
          shingles: detail.shingles ?? 0,
        };
      })),
    });
    await page.close();
  });

  it('recognises a retitled, trimmed copy as a copy of its document', async () => {
    const page = await openScanned('copy-regime-fears-talks');
    const popup = await popupFor(page);
    const shown = await shownInPopup(popup);
    expect(shown).toMatchObject({ kind: 'copy', doc: 'regime-fears-talks' });
    expect(shown!.text).toContain('a copy of “Why Does the Iranian Regime Fear US-Iraq Talks?”');
    await saveScreenshot(popup, 'popup-this-page.png');
    await popup.close();
    const docs = await (async () => {
      await openCardOnPage(page);
      return cardDocs(page);
    })();
    expect(docs).not.toContain('regime-fears-talks');
    await page.close();
  });

  it.each(UNRELATED)('does not recognise the unrelated page %s', async (name) => {
    const page = await openTestPage(harness, `recognition/unrelated-${name}.html`);
    await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, null, { timeout: 10_000 });
    const hasMentions = (await markedMentions(page)).length > 0;
    if (hasMentions) await waitForMentions(page);
    const popup = await popupFor(page);
    expect(await shownInPopup(popup)).toBeNull();
    await expect(popup.locator('.bs-this-page-none').count()).resolves.toBe(1);
    if (!hasMentions) await expect(popup.locator('.bs-this-page-empty').count()).resolves.toBe(1);
    await popup.close();
    await page.close();
  });

  it('on the near-miss page (same talks, same names), the card quotes every document and says nothing of the page', async () => {
    const page = await openScanned('unrelated-dialogue-near-miss');
    const dialog = await openCardOnPage(page);
    expect(await dialog.locator('.bs-this-page').count()).toBe(0);
    expect((await cardDocs(page)).length).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('passes axe in the popup’s "This page" view and in the card on a recognised page, light and dark', async () => {
    const page = await openScanned('seed-iran-meddles');
    const popup = await popupFor(page);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(popup, 'main'), `popup, ${scheme}`).toEqual([]);
    }
    await popup.close();
    await openCardOnPage(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page, 'backstory-ui'), `card, ${scheme}`).toEqual([]);
    }
    await page.close();
  });

  it('lets the reader add and remove sites in the source registry, refusing a malformed one', async () => {
    const page = await openScanned('unrelated-dialogue-near-miss');
    const popup = await popupFor(page);
    await popup.getByText('Sites Backstory knows').click();
    const domains = () => popup.locator('.bs-sources-domain').allTextContents();
    expect(await domains()).toEqual(['iranfocus.com', 'jpost.com', 'mek-iran.com', 'nournews.ir']);

    await popup.getByLabel('Site').fill('not a site');
    await popup.getByLabel('Outlet').fill('Nobody');
    await popup.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('domain');
    expect(await domains()).toHaveLength(4);

    await popup.getByLabel('Site').fill('www.Example-News.com');
    await popup.getByLabel('Outlet').fill('Example News');
    await popup.getByLabel('Perspective').selectOption('iranian-state');
    await popup.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(domains).toContain('example-news.com');
    await popup.getByRole('button', { name: 'Remove jpost.com' }).click();
    await expect.poll(domains).not.toContain('jpost.com');

    // Kept: a popup opened afterwards shows the same registry.
    await popup.reload();
    await popup.getByRole('tab', { name: 'On this page' }).click();
    await popup.getByText('Sites Backstory knows').click();
    await expect.poll(domains).toEqual(['example-news.com', 'iranfocus.com', 'mek-iran.com', 'nournews.ir']);
    await popup.close();
    await page.close();
  });

  it('puts a quiet marker beside the page’s paragraphs that accounts quote, which opens that contrast', async () => {
    const page = await openScanned('seed-iran-meddles');
    const markers = page.locator('backstory-ui .bs-cited-marker');
    await markers.first().waitFor({ state: 'visible', timeout: 10_000 });
    const paras = await markers.evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-para'))));
    // The Jerusalem Post's PMU paragraphs (6–7) are among those the accounts quote.
    expect(paras.some((p) => p === 6 || p === 7)).toBe(true);
    // Each marker sits beside the paragraph it names: level with its first line.
    const aligned = await page.evaluate(() => {
      const host = [...document.querySelectorAll('backstory-ui')].find((h) => h.shadowRoot?.querySelector('.bs-cited-marker'));
      const marker = host!.shadowRoot!.querySelector<HTMLElement>('.bs-cited-marker')!;
      const para = Number(marker.dataset.para);
      const row = document.querySelectorAll('table table tr')[para]!; // row 0 is the headline
      return Math.abs(marker.getBoundingClientRect().top - row.getBoundingClientRect().top) < 4;
    });
    expect(aligned).toBe(true);

    const marker = markers.first();
    await marker.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'cited-markers.png');
    const entity = await marker.getAttribute('data-entity');
    await marker.click();
    await card(page).waitFor({ state: 'visible', timeout: 5_000 });
    expect(await card(page).getAttribute('data-entity')).toBe(entity);
    await expect.poll(() => card(page).locator('.bs-this-page').getAttribute('data-doc')).toBe('iran-meddles');
    expect(await cardDocs(page)).not.toContain('iran-meddles');
    await page.close();
  });

  it('marks no paragraph on an unrelated page', async () => {
    const page = await openScanned('unrelated-dialogue-near-miss');
    await page.waitForTimeout(500);
    expect(await page.locator('backstory-ui .bs-cited-marker').count()).toBe(0);
    await page.close();
  });
});
