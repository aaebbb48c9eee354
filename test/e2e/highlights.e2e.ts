/**
 * Saved highlights in real Chromium and Firefox (BACKSTORY_BROWSER): select text on a
 * page and save it through the context-menu handler and the keyboard-command handler (no driver
 * can click a native menu or press a browser shortcut, so the test calls the background's own
 * handlers: Chromium's service worker, Firefox's event page); reload → drawn again; an edited
 * copy of the page → re-anchored by fuzzy match; a copy with the paragraph removed → listed as an
 * orphan in the popup; export JSON → clear the database → import → the same highlights; the
 * Markdown export matches its fixture; on a page whose HTML has no whitespace between its blocks
 * (minified, or rendered by a framework), the card's Save keeps one sentence and a selection
 * across two paragraphs keeps both, shown apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CARD,
  chosenBrowser,
  click,
  count,
  fill,
  hoverText,
  POPUP_VIEWPORT,
  setInputFile,
  textOf,
  textsOf,
  waitForMentions,
  waitForSelector,
  type E2EBrowser,
  type E2EPage,
} from './driver';
import { axeViolations } from './driver/axe';
import { ROOT } from './harness';
import { launchForSuite } from './suite';

const ARTICLE = 'highlights/article.html';
/** `<h1>…</h1><p>…</p><p>…</p>` with nothing between the tags. */
const MINIFIED = 'highlights/minified.html';
const KADHIMI = 'Iraq would not become a battleground for other countries';
const MILITIAS = 'have demanded that every foreign soldier leave the country';
const SAVED = 'backstory-highlight';
const TOAST = 'backstory-ui .bs-toast';
const NOTE = 'backstory-ui .bs-hl-note';

/** The texts drawn under `backstory-highlight`, sorted. */
function drawnHighlights(page: E2EPage): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return [];
    return [...highlight]
      .map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString().replace(/\s+/g, ' ');
      })
      .sort();
  }, SAVED);
}

/** Selects the first occurrence of `text` (inside one text node), as a reader's drag would. */
async function select(page: E2EPage, text: string): Promise<void> {
  const found = await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, text);
  if (!found) throw new Error(`"${text}" is not on ${await page.url()}`);
}

/** Selects from the start of `from` to the end of `to`, each inside one text node, as a drag across paragraphs would. */
async function selectAcross(page: E2EPage, from: string, to: string): Promise<void> {
  const found = await page.evaluate(
    ([from, to]) => {
      const at = (text: string) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = (node as Text).data.indexOf(text);
          if (i >= 0) return { node, i };
        }
        return null;
      };
      const start = at(from);
      const end = at(to);
      if (!start || !end) return false;
      const range = document.createRange();
      range.setStart(start.node, start.i);
      range.setEnd(end.node, end.i + to.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    },
    [from, to] as const,
  );
  if (!found) throw new Error(`"${from}"…"${to}" is not on ${await page.url()}`);
}

/** Calls the background's context-menu click handler (or command handler) for the page's tab. */
async function saveVia(browser: E2EBrowser, page: E2EPage, via: 'menu' | 'command'): Promise<boolean> {
  // Without the `tabs` permission the background cannot read tab URLs: the page's tab is the
  // active one, as it is when a reader right-clicks or presses the shortcut.
  await page.bringToFront();
  return browser.evaluateInBackground(
    async (bg, { via }) => {
      if (via === 'command') return bg.backstoryTestHooks.onSaveCommand('save-highlight', undefined);
      const [tab] = await bg.chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return bg.backstoryTestHooks.onSaveMenuClicked({ menuItemId: 'backstory-save-highlight', editable: false }, tab);
    },
    { via },
  );
}

async function waitForContentScript(page: E2EPage): Promise<void> {
  // The content script answers once it has asked for this page's highlights; its first scan measure
  // shows it is running.
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, undefined, { timeout: 15_000 });
}

async function expectDrawn(page: E2EPage, expected: string[]): Promise<void> {
  await expect.poll(() => drawnHighlights(page), { timeout: 10_000 }).toEqual([...expected].sort());
}

async function download(popup: E2EPage, button: string): Promise<string> {
  return (await popup.download(() => click(popup, { role: 'button', name: button }))).text;
}

/** The page's point over the drawn highlight whose text is `text`. */
async function highlightCentre(page: E2EPage, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate((text) => {
    const highlight = [...CSS.highlights.get('backstory-highlight')!].find((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString() === text;
    })!;
    const range = document.createRange();
    range.setStart(highlight.startContainer, highlight.startOffset);
    range.setEnd(highlight.endContainer, highlight.endOffset);
    const r = range.getClientRects()[0]!;
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, text);
}

interface ExportFile {
  format: string;
  version: number;
  highlights: { id: string; quote: string; note: string; anchor?: { status: string } }[];
}

/** axe-core on Backstory's own UI in the page (its shadow roots), contrast included. */
const axeOnOurUi = (page: E2EPage) =>
  // "region": a toast on someone else's page cannot sit in that page's landmarks.
  axeViolations(page, { include: [['backstory-ui']] }, { rules: { region: { enabled: false } } });

describe(`saved highlights (${chosenBrowser()})`, () => {
  const { browser, page } = launchForSuite({ open: ARTICLE });
  /** The article's tab once the popup has reopened it (the first one is closed on the way). */
  let reopened: E2EPage;

  const openPopup = () => browser.openExtensionPage('popup.html', POPUP_VIEWPORT);

  /** The popup's Highlights tab, once its list has loaded. */
  async function openHighlights(popup: E2EPage): Promise<void> {
    await click(popup, { role: 'tab', name: 'Highlights' });
    await waitForSelector(popup, '.bs-highlight', { timeout: 5_000 });
  }

  it('saves the selection from the context menu, with a confirmation that takes a note', async () => {
    await select(page, KADHIMI);
    expect(await saveVia(browser, page, 'menu')).toBe(true);
    await expect.poll(() => textOf(page, `${TOAST} [role="status"]`), { timeout: 5_000 }).toBe('Saved to Backstory.');
    await fill(page, { label: 'Add note' }, 'Compare with the Tasnim account');
    await click(page, { role: 'button', name: 'Save note' });
    await expect.poll(() => textOf(page, `${TOAST} [role="status"]`)).toBe('Note saved.');
    await expectDrawn(page, [KADHIMI]);
    await page.screenshot('highlight-saved.png');
    expect(await axeOnOurUi(page)).toEqual([]);
  });

  it('saves the selection from the keyboard command', async () => {
    await select(page, MILITIAS);
    expect(await saveVia(browser, page, 'command')).toBe(true);
    await expectDrawn(page, [KADHIMI, MILITIAS]);
  });

  it('draws saved highlights again after a reload', async () => {
    await page.reload();
    await waitForContentScript(page);
    await expectDrawn(page, [KADHIMI, MILITIAS]);
  });

  it('shows a highlight’s note on hover', async () => {
    const box = await highlightCentre(page, KADHIMI);
    await page.mouse.move(1, 1);
    await page.mouse.move(box.x, box.y, { steps: 5 });
    await expect.poll(() => textOf(page, NOTE), { timeout: 5_000 }).toContain('Compare with the Tasnim account');
    expect(await axeOnOurUi(page)).toEqual([]);
    await page.mouse.move(1, 1);
  });

  it('re-anchors on a slightly edited copy of the page by fuzzy match', async () => {
    const edited = await browser.openTestPage('highlights/article-edited.html');
    await waitForContentScript(edited);
    await expectDrawn(edited, ['Iraq would never become a battleground for other countries', MILITIAS]);
    await edited.close();
  });

  it('anchors highlights on a page whose content arrives after load', async () => {
    const dynamic = await browser.openTestPage('highlights/article-dynamic.html');
    await expectDrawn(dynamic, [KADHIMI, MILITIAS]);
    await dynamic.close();
  });

  it('lists a highlight whose paragraph was removed as an orphan, with its text', async () => {
    const removed = await browser.openTestPage('highlights/article-removed.html');
    await waitForContentScript(removed);
    await expectDrawn(removed, [KADHIMI]);
    const popup = await openPopup();
    // The page reports orphans after a grace period (content may still be arriving): open the
    // popup's list afresh until it shows.
    await expect
      .poll(
        async () => {
          await popup.reload();
          await openHighlights(popup);
          return count(popup, '.bs-highlight-orphan');
        },
        { timeout: 15_000, interval: 1_000 },
      )
      .toBe(1);
    expect(await textOf(popup, '.bs-highlight-orphan .bs-highlight-quote')).toBe(MILITIAS);
    expect(await count(popup, '.bs-highlight')).toBe(2);
    await popup.screenshot('popup-highlights.png');
    await popup.close();
    await removed.close();
  });

  it('export JSON → clear the database → import brings every highlight back, identical', async () => {
    const popup = await openPopup();
    await openHighlights(popup);
    const exported = await download(popup, 'Export JSON');
    const before = JSON.parse(exported) as ExportFile;
    expect(before).toMatchObject({ format: 'backstory-highlights', version: 1 });
    expect(before.highlights.map((h) => h.quote).sort()).toEqual([KADHIMI, MILITIAS].sort());

    await browser.evaluateInBackground(
      (bg) =>
        new Promise<void>((done, fail) => {
          const open = bg.indexedDB.open('backstory');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('highlights', 'readwrite');
            tx.objectStore('highlights').clear();
            tx.oncomplete = () => {
              open.result.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
    );
    await popup.reload();
    await click(popup, { role: 'tab', name: 'Highlights' });
    await expect.poll(() => textOf(popup, '.bs-highlights-empty')).toContain('No highlights yet');

    const importFile = (name: string, text: string) => setInputFile(popup, { label: 'Import JSON' }, { name, mimeType: 'application/json', text });
    await importFile('backstory.json', exported);
    await expect.poll(() => textsOf(popup, { role: 'status' }), { timeout: 5_000 }).toContain('Imported 2 new, 0 updated; 0 already there.');
    const after = JSON.parse(await download(popup, 'Export JSON')) as ExportFile;
    expect(after.highlights).toEqual(before.highlights);

    // Importing again adds nothing; a foreign file changes nothing and says why.
    await importFile('backstory.json', exported);
    await expect.poll(() => textsOf(popup, { role: 'status' })).toContain('Imported 0 new, 0 updated; 2 already there.');
    await importFile('notes.json', '{"annotations": []}');
    await expect.poll(() => textOf(popup, { role: 'alert' })).toContain('This is not a Backstory highlights export.');
    expect(await count(popup, '.bs-highlight')).toBe(2);
    await popup.close();
  });

  it('exports Markdown that matches the fixture', async () => {
    const popup = await openPopup();
    await openHighlights(popup);
    const markdown = await download(popup, 'Export Markdown');
    const fixture = readFileSync(join(ROOT, 'test', 'fixtures', 'highlights', 'e2e-export.md'), 'utf8');
    const today = new Date().toISOString().slice(0, 10);
    expect(markdown).toBe(fixture.replaceAll('{{ORIGIN}}', browser.pagesOrigin).replaceAll('{{DATE}}', today));
    await popup.close();
  });

  it('saves the sentence around a mention from the card’s Save button', async () => {
    const fresh = await browser.openTestPage('highlights/article-removed.html');
    await waitForMentions(fresh);
    await hoverText(fresh, 'Qassem Soleimani');
    await waitForSelector(fresh, CARD, { state: 'visible', timeout: 10_000 });
    expect(await textOf(fresh, `${CARD} button.bs-card-save`)).toMatch(/^\s*Save\s*$/);
    await click(fresh, `${CARD} button.bs-card-save`);
    await expect
      .poll(() => drawnHighlights(fresh), { timeout: 10_000 })
      .toContain("Analysts said the parliament's vote in January, after the killing of Qassem Soleimani, still hangs over the negotiations.");
    await fresh.close();
  });

  it('opens a highlight from the popup: its page, re-anchored and flashed', async () => {
    // Closed first: a tab already showing the page is brought to the front instead of a new one
    // (entrypoints/background/highlights.ts, 'highlights/open').
    await page.close();
    const popup = await openPopup();
    await openHighlights(popup);
    const opened = await browser.waitForNewPage(() => click(popup, { role: 'button', name: `Open: ${KADHIMI.slice(0, 40)}…` }));
    expect(await opened.url()).toBe(`${browser.pagesOrigin}/${ARTICLE}`);
    await expect.poll(() => drawnHighlights(opened), { timeout: 10_000 }).toContain(KADHIMI);
    // The flash marks the revealed highlight for a moment.
    await expect
      .poll(() => opened.evaluate(() => CSS.highlights.get('backstory-flash')?.size ?? 0), { timeout: 5_000, interval: 50 })
      .toBe(1);
    await popup.close();
    reopened = opened;
  });

  it('opening a highlight whose page is already open goes to that tab instead of a new one', async () => {
    const popup = await openPopup();
    await openHighlights(popup);
    await reopened.evaluate(() => void CSS.highlights.delete('backstory-flash'));
    await click(popup, { role: 'button', name: `Open: ${KADHIMI.slice(0, 40)}…` });
    // The flash shows in the tab already open: a new tab would have flashed instead.
    await expect
      .poll(() => reopened.evaluate(() => CSS.highlights.get('backstory-flash')?.size ?? 0), { timeout: 5_000, interval: 50 })
      .toBe(1);
    await popup.close();
  });

  it('removes a highlight from its hover note', async () => {
    const box = await highlightCentre(reopened, MILITIAS);
    await reopened.mouse.move(1, 1);
    await reopened.mouse.move(box.x, box.y, { steps: 5 });
    await waitForSelector(reopened, { role: 'button', name: 'Remove highlight' }, { timeout: 5_000 });
    await click(reopened, { role: 'button', name: 'Remove highlight' });
    await expect.poll(() => drawnHighlights(reopened), { timeout: 5_000 }).not.toContain(MILITIAS);
    const popup = await openPopup();
    await openHighlights(popup);
    expect(await textsOf(popup, '.bs-highlight-quote')).not.toContain(MILITIAS);
    await popup.close();
  });

  it('on a page with no whitespace between its blocks, the card’s Save keeps one sentence, not the article', async () => {
    const minified = await browser.openTestPage(MINIFIED);
    await waitForMentions(minified);
    await hoverText(minified, 'Mustafa al-Kadhimi');
    await waitForSelector(minified, CARD, { state: 'visible', timeout: 10_000 });
    await click(minified, `${CARD} button.bs-card-save`);
    await expectDrawn(minified, ['Prime Minister Mustafa al-Kadhimi said Iraq would not become a battleground for other countries.']);
    // A heading with no full stop is a sentence of its own, not the start of the paragraph after it.
    await minified.mouse.move(1, 1);
    await minified.keyboard.press('Escape');
    await hoverText(minified, 'Iraq');
    await waitForSelector(minified, CARD, { state: 'visible', timeout: 10_000 });
    await click(minified, `${CARD} button.bs-card-save`);
    await expectDrawn(minified, [
      'Prime Minister Mustafa al-Kadhimi said Iraq would not become a battleground for other countries.',
      'Washington opens a strategic dialogue with Iraq',
    ]);
    await minified.close();
  });

  it('keeps both paragraphs of a selection across them, shown apart in the popup', async () => {
    const minified = await browser.openTestPage(MINIFIED);
    await waitForContentScript(minified);
    await selectAcross(minified, 'other countries.', 'Militias close to Tehran');
    expect(await saveVia(browser, minified, 'menu')).toBe(true);
    await expect.poll(() => drawnHighlights(minified), { timeout: 10_000 }).toContain('other countries.Militias close to Tehran');
    const popup = await openPopup();
    await openHighlights(popup);
    expect(await textsOf(popup, '.bs-highlight-quote p')).toEqual(['other countries.', 'Militias close to Tehran']);
    const exported = JSON.parse(await download(popup, 'Export JSON')) as ExportFile;
    expect(exported.highlights.map((h) => h.quote)).toContain('other countries.\u2029Militias close to Tehran');
    await popup.close();
    await minified.close();
  });
});
