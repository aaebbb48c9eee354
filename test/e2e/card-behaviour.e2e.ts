/**
 * The hover card as a reader uses it, in real Chromium: curated contrasts and disputed facts
 * with working links to the reader, hover timing (rest to open, travel into the card, grace on
 * leave), the keyboard command and Esc with focus going in and coming back, Pin, "Open in
 * Backstory", axe-core on the card in light and dark mode, and "Not this" (last: it persists).
 */
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOVER, DEMO_PAGE } from './demo-page';
import { gazetteerEntry } from './gazetteer';
import {
  card,
  hoverText,
  launchWithExtension,
  markedMentions,
  openTestPage,
  ROOT,
  saveScreenshot,
  textRect,
  waitForMentions,
  type Harness,
  type Rect,
} from './harness';

/** The slice of the extension API the service worker evaluations below use. */
interface WorkerChrome {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

describe('hover card behaviour', () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    harness = await launchWithExtension();
    page = await openTestPage(harness, DEMO_PAGE);
    await waitForMentions(page);
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function closeCardIfOpen() {
    if (await card(page).isVisible()) {
      await page.keyboard.press('Escape');
      await card(page).waitFor({ state: 'hidden', timeout: 5_000 });
    }
  }

  async function openCardOn(text: string, occurrence = 0) {
    await page.bringToFront();
    await closeCardIfOpen();
    const rect = await hoverText(page, text, occurrence);
    await card(page).waitFor({ state: 'visible', timeout: 5_000 });
    // Wait for the data, not just the loading state.
    await card(page).locator('.bs-card-summary').waitFor({ timeout: 5_000 });
    return rect;
  }

  function worker(): Worker {
    const found = harness.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${harness.extensionId}/`));
    if (!found) throw new Error('no service worker');
    return found;
  }

  /**
   * What the `open-card` command does (entrypoints/background/commands.ts): ask the active tab
   * to open the card at the caret. Playwright cannot press a browser-level shortcut.
   */
  async function sendOpenCardCommand(): Promise<unknown> {
    await page.bringToFront();
    return worker().evaluate(async () => {
      const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return api.tabs.sendMessage(tab!.id!, { backstory: 1, name: 'card/open-at-caret', data: {} });
    });
  }

  const cardName = () => card(page).locator('h2.bs-card-name').textContent();

  it('shows the curated contrast first: topic, two or more perspectives, verified quotes', async () => {
    await openCardOn(DEMO_HOVER.text);
    const dialog = card(page);
    // The curated topic comes before any other account.
    const sections = await dialog.locator('section').evaluateAll((els) => els.map((el) => el.className));
    expect(sections[0]).toBe('bs-contrasts');
    await expect(dialog.locator('.bs-contrast-topic').first().textContent()).resolves.toBe("Kadhimi's government");
    const positions = await dialog.locator('.bs-contrasts .bs-position').evaluateAll((items) =>
      items.map((item) => ({
        outlet: item.querySelector('.bs-account-outlet')?.textContent ?? '',
        perspective: item.querySelector('.bs-account-perspective')?.textContent ?? '',
        stance: item.querySelector('.bs-position-stance')?.textContent ?? '',
        quote: item.querySelector('.bs-account-quote')?.textContent ?? '',
      })),
    );
    expect(new Set(positions.map((p) => p.perspective)).size).toBeGreaterThanOrEqual(2);
    for (const p of positions) for (const field of Object.values(p)) expect(field.trim()).not.toBe('');
    // Key dates of the events it took part in, and how many documents mention it.
    expect(await dialog.locator('.bs-card-dates li').count()).toBeGreaterThan(0);
    await expect(dialog.locator('.bs-card-documents').textContent()).resolves.toMatch(/^Mentioned in \d of 5 documents$/);
    await saveScreenshot(page, 'card-contrast.png');
  });

  it.each([
    { text: 'Hashd al-Shaabi', occurrence: 0, entity: 'popular-mobilization-units' },
    { text: 'Qassim Suleimani', occurrence: 0, entity: 'qasem-soleimani' },
    { text: DEMO_HOVER.text, occurrence: 0, entity: DEMO_HOVER.entity },
    { text: 'strategic dialogue', occurrence: 1, entity: 'us-iraq-strategic-dialogue' },
    { text: 'ISIL', occurrence: 0, entity: 'isis' },
  ])('$text: the card leads with a curated contrast of two or more perspectives', async ({ text, occurrence, entity }) => {
    await openCardOn(text, occurrence);
    await expect.poll(cardName, { timeout: 3_000 }).toBe(gazetteerEntry(entity).name);
    const topic = card(page).locator('.bs-contrasts .bs-contrast').first();
    expect(((await topic.locator('.bs-contrast-topic').textContent()) ?? '').trim()).not.toBe('');
    const perspectives = await topic.locator('.bs-account-perspective').allTextContents();
    expect(new Set(perspectives).size).toBeGreaterThanOrEqual(2);
    expect(await topic.locator('a.bs-account-link').count()).toBe(perspectives.length);
  });

  it('"Read in context" opens the document reader at the quoted passage', async () => {
    await openCardOn(DEMO_HOVER.text);
    const position = card(page).locator('.bs-contrasts .bs-position').first();
    const quote = ((await position.locator('.bs-account-quote').textContent()) ?? '').replace(/\s+/g, ' ');
    const [reader] = await Promise.all([
      harness.context.waitForEvent('page', { timeout: 10_000 }),
      position.locator('a.bs-account-link').click(),
    ]);
    try {
      await reader.waitForLoadState();
      const url = new URL(reader.url());
      expect(url.pathname).toBe('/reader.html');
      expect(url.searchParams.get('passage')).toMatch(new RegExp(`^${url.searchParams.get('doc')}:\\d+:\\d+$`));
      const shown = await reader.waitForFunction(
        (snippet) => {
          const block = [...document.querySelectorAll<HTMLElement>('p, blockquote, li')].find((el) =>
            el.textContent?.replace(/\s+/g, ' ').includes(snippet),
          );
          if (!block) return null;
          const box = block.getBoundingClientRect();
          return box.bottom > 0 && box.top < window.innerHeight ? true : null;
        },
        quote.slice(0, 50),
        { timeout: 10_000, polling: 200 },
      );
      expect(await shown.jsonValue()).toBe(true);
    } finally {
      await reader.close();
    }
  });

  it('calls out disagreements of fact between documents', async () => {
    // The body's "strategic dialogue" (the headline's needs the page's context too).
    await openCardOn('strategic dialogue', 1);
    const dispute = card(page).locator('.bs-disagreements .bs-disagreement').first();
    await expect(dispute.locator('.bs-contrast-topic').textContent()).resolves.toMatch(/When and where/);
    const claims = await dispute.locator('.bs-claim-value').allTextContents();
    expect(claims.length).toBeGreaterThanOrEqual(2);
    expect(new Set(claims).size).toBe(claims.length);
    await saveScreenshot(page, 'card-disagreement.png');
  });

  it('opens only after the pointer rests, stays while it travels into the card, closes after a grace period', async () => {
    await page.bringToFront();
    await closeCardIfOpen();
    // Passing over a name on the way elsewhere opens nothing.
    const rect = await textRect(page, DEMO_HOVER.text);
    await page.mouse.move(1, 1);
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.waitForTimeout(100);
    await page.mouse.move(1, 1);
    await page.waitForTimeout(600);
    expect(await card(page).isVisible()).toBe(false);

    const mention = await openCardOn(DEMO_HOVER.text);
    const box = (await card(page).boundingBox())!;
    expect(overlaps(box, mention)).toBe(false); // never covers the mention
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 12 });
    await page.waitForTimeout(800);
    expect(await card(page).isVisible()).toBe(true);

    await page.mouse.move(2, 2, { steps: 4 });
    // The grace period: still there at once, gone soon after.
    expect(await card(page).isVisible()).toBe(true);
    await card(page).waitFor({ state: 'hidden', timeout: 3_000 });
  });

  it('flips above a mention near the bottom of the viewport, still never covering it', async () => {
    await page.bringToFront();
    await closeCardIfOpen();
    // textRect brings the name to the upper quarter; scrolling back 60% of the viewport puts it
    // near the bottom edge, with no room for the card below it.
    await textRect(page, DEMO_HOVER.text);
    const viewport = page.viewportSize()!;
    await page.evaluate((dy) => window.scrollBy(0, dy), -Math.round(viewport.height * 0.6));
    await page.waitForTimeout(400);
    const rect = await page.evaluate((name) => {
      const b = [...document.querySelectorAll('b')].find((el) => el.textContent === name.split(' ')[0])!;
      const r = b.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, DEMO_HOVER.text);
    expect(rect.y).toBeGreaterThan(viewport.height * 0.7);
    await page.mouse.move(1, 1);
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 6 });
    await card(page).waitFor({ state: 'visible', timeout: 5_000 });
    const box = (await card(page).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(rect.y);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await saveScreenshot(page, 'card-flipped.png');
  });

  it('a related entity chip opens that entity’s card in place', async () => {
    await openCardOn(DEMO_HOVER.text);
    const chip = card(page).locator('button.bs-related-chip').first();
    const name = (await chip.textContent())!;
    await chip.click();
    await expect.poll(cardName, { timeout: 3_000 }).toBe(name);
  });

  it('does not shift the page when it opens', async () => {
    await page.bringToFront();
    await closeCardIfOpen();
    const layout = () =>
      page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
        paragraphs: [...document.querySelectorAll('p')].slice(0, 8).map((p) => p.getBoundingClientRect().top + window.scrollY),
      }));
    const before = await layout();
    await openCardOn(DEMO_HOVER.text);
    expect(await layout()).toEqual(before);
  });

  it('the keyboard command opens the card at the caret with focus inside, moves to the next mention, Esc closes and returns focus', async () => {
    await page.bringToFront();
    await closeCardIfOpen();
    await page.mouse.move(1, 1);
    // The reader's place: focus on the article, caret just before the split name.
    await page.evaluate((name) => {
      const b = [...document.querySelectorAll('b')].find((el) => el.textContent === name.split(' ')[0])!;
      const article = b.closest('article') ?? document.body;
      article.setAttribute('tabindex', '-1');
      article.focus();
      const range = document.createRange();
      range.setStart(b.firstChild!, 0);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, DEMO_HOVER.text);

    await expect(sendOpenCardCommand()).resolves.toEqual({ ok: true });
    await card(page).waitFor({ state: 'visible', timeout: 5_000 });
    await expect.poll(cardName, { timeout: 3_000 }).toBe(gazetteerEntry(DEMO_HOVER.entity).name);
    expect(await focusInCard(page)).toBe(true);

    // Again: the next mention after it on the page.
    await expect(sendOpenCardCommand()).resolves.toEqual({ ok: true });
    await expect.poll(cardName, { timeout: 3_000 }).not.toBe(gazetteerEntry(DEMO_HOVER.entity).name);
    expect(await focusInCard(page)).toBe(true);

    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'hidden', timeout: 3_000 });
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('article');
  });

  it('Pin keeps the card open when the pointer leaves and the mention scrolls away', async () => {
    await openCardOn(DEMO_HOVER.text);
    const pin = card(page).locator('button.bs-card-pin');
    await expect(pin.getAttribute('aria-pressed')).resolves.toBe('false');
    await pin.click();
    await expect(pin.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.mouse.move(2, 2, { steps: 4 });
    await page.waitForTimeout(900);
    expect(await card(page).isVisible()).toBe(true);
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(500);
    expect(await card(page).isVisible()).toBe(true);
    // Unpinned cards close when their mention scrolls away.
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'hidden', timeout: 3_000 });
    await openCardOn(DEMO_HOVER.text);
    await page.mouse.wheel(0, 2000);
    await card(page).waitFor({ state: 'hidden', timeout: 3_000 });
  });

  it('"Open in Backstory" opens the entity view in a tab', async () => {
    await openCardOn(DEMO_HOVER.text);
    const [view] = await Promise.all([
      harness.context.waitForEvent('page', { timeout: 10_000 }),
      card(page).locator('button.bs-card-open').click(),
    ]);
    try {
      await view.waitForLoadState();
      expect(new URL(view.url()).pathname).toBe('/popup.html');
      await expect
        .poll(() => view.locator('h1').first().textContent(), { timeout: 5_000 })
        .toContain(gazetteerEntry(DEMO_HOVER.entity).name);
    } finally {
      await view.close();
    }
  });

  it.each(['light', 'dark'] as const)('axe-core finds no violations in the card (%s)', async (colorScheme) => {
    await page.emulateMedia({ colorScheme });
    try {
      await openCardOn(DEMO_HOVER.text);
      await page.waitForTimeout(300); // past the entrance fade
      if (!(await page.evaluate(() => 'axe' in window))) {
        await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
      }
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const result = await axe.run({ fromShadowDom: ['backstory-ui', '.bs-card'] }, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
      });
      expect(violations).toEqual([]);
      await saveScreenshot(card(page), `card-${colorScheme}.png`);
    } finally {
      await page.emulateMedia({ colorScheme: null });
    }
  });

  it('honours prefers-reduced-motion: no entrance animation', async () => {
    const animation = () => card(page).evaluate((el) => getComputedStyle(el).animationName);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openCardOn(DEMO_HOVER.text);
    expect(await animation()).toBe('bs-card-in');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    try {
      await openCardOn(DEMO_HOVER.text);
      expect(await animation()).toBe('none');
    } finally {
      await page.emulateMedia({ reducedMotion: null });
    }
  });

  // Last: the suppression is stored for the test site and would hide the name from later tests.
  it('"Not this" unmarks the name on this site, also after a reload', async () => {
    const qaani = 'Esmail Qaani';
    expect((await markedMentionsAround(page, qaani)).length).toBeGreaterThan(0);
    await openCardOn(qaani);
    await card(page).locator('button.bs-card-suppress').click();
    await card(page).waitFor({ state: 'hidden', timeout: 3_000 });
    await expect.poll(async () => (await markedMentionsAround(page, qaani)).length, { timeout: 3_000 }).toBe(0);

    await page.reload();
    await waitForMentions(page);
    expect(await markedMentionsAround(page, qaani)).toEqual([]);
    expect((await markedMentionsAround(page, 'Qassim Suleimani')).length).toBeGreaterThan(0);
  });
});

/** Marked mentions with the given text after scrolling it into view. */
async function markedMentionsAround(page: Page, text: string) {
  await textRect(page, text);
  await page.waitForTimeout(400);
  return (await markedMentions(page)).filter((m) => m.text === text);
}

async function focusInCard(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const host = document.querySelector('backstory-ui');
    const inner = host?.shadowRoot?.activeElement;
    return document.activeElement === host && !!inner?.closest('.bs-card');
  });
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
