/**
 * Web components in real Chromium and Firefox (BACKSTORY_BROWSER): names inside open
 * shadow roots — nested ones and slotted light-DOM text included — are marked and painted, the
 * pointer on one opens its card, an edit inside the shadow tree rescans it and removed text
 * drops its marks. A closed shadow root stays unread.
 */
import { describe, expect, it } from 'vitest';
import {
  CARD,
  chosenBrowser,
  isVisible,
  MENTION_HIGHLIGHT,
  textOf,
  waitForSelector,
  type E2EPage,
} from './driver';
import { gazetteerEntry } from './gazetteer';
import { launchForSuite } from './suite';

const PAGE = 'shadow-dom.html';

/** The text of every registered mention range, sorted (ranges in shadow trees included). */
async function markedTexts(page: E2EPage): Promise<string[]> {
  return page.evaluate((name) => {
    return [...(CSS.highlights.get(name) ?? [])]
      .map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      })
      .sort();
  }, MENTION_HIGHLIGHT);
}

/** Polls until `check` holds for the marked texts; returns them. */
async function waitForMarks(page: E2EPage, check: (texts: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const texts = await markedTexts(page);
    if (check(texts)) return texts;
    if (Date.now() > deadline) throw new Error(`Marks never settled as expected: ${JSON.stringify(texts)}`);
    await new Promise((done) => setTimeout(done, 150));
  }
}

/**
 * The first line box of `text` wherever it renders: the page and every open shadow root, read
 * with a stack rather than recursion (page functions declare no named functions).
 */
async function composedTextRect(page: E2EPage, text: string) {
  const rect = await page.evaluate((text) => {
    const roots: (Document | ShadowRoot)[] = [document];
    while (roots.length > 0) {
      const root = roots.pop()!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Element) {
          if (node.shadowRoot) roots.push(node.shadowRoot);
          continue;
        }
        const at = (node as Text).data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const box = range.getClientRects()[0];
        if (box && box.width > 0) return { x: box.x, y: box.y, width: box.width, height: box.height };
      }
    }
    return null;
  }, text);
  if (!rect) throw new Error(`"${text}" is not rendered`);
  return rect;
}

/** The number of chunks each `backstory:scan` pass so far read. */
async function scanPasses(page: E2EPage): Promise<number[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('backstory:scan').map((m) => (m as PerformanceMeasure).detail.chunks as number),
  );
}

describe(`names in open shadow roots (${chosenBrowser()})`, () => {
  const { page } = launchForSuite({ open: PAGE });

  it('marks names in a shadow root, a nested one and a slot, but not in a closed root', async () => {
    const texts = await waitForMarks(page, (t) => t.includes('Mike Pompeo'));
    expect(texts).toEqual(
      expect.arrayContaining(['Hassan Rouhani', 'Ali Khamenei', 'Mustafa al-Kadhimi', 'Qasem Soleimani', 'Mike Pompeo']),
    );
    // The slotted name is read once, where it renders; the closed root's name not at all.
    expect(texts.filter((t) => t === 'Ali Khamenei')).toHaveLength(1);
    expect(texts.join('|')).not.toContain('Qaani');
    await page.screenshot('shadow-dom-marked.png');
  });

  it('paints the marks inside the shadow trees with the mention style, keeping the page sheets', async () => {
    const sheets = await page.evaluate(() => {
      const outer = document.getElementById('article')!.shadowRoot!;
      const inner = outer.querySelector('pull-quote')!.shadowRoot!;
      const [outerPaints, innerPaints] = [outer, inner].map((root) =>
        root.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('backstory-mention'))),
      );
      return { outer: outerPaints, inner: innerPaints, ownStyle: outer.querySelector('style') !== null };
    });
    expect(sheets).toEqual({ outer: true, inner: true, ownStyle: true });
  });

  async function cardFor(text: string): Promise<string | null> {
    if (await isVisible(page, CARD)) {
      await page.keyboard.press('Escape');
      await waitForSelector(page, CARD, { state: 'hidden', timeout: 5_000 });
    }
    const rect = await composedTextRect(page, text);
    await page.mouse.move(1, 1);
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 8 });
    await waitForSelector(page, CARD, { state: 'visible', timeout: 5_000 });
    return textOf(page, `${CARD} h2.bs-card-name`);
  }

  it('opens the card for the name under the pointer inside shadow trees', async () => {
    expect(await cardFor('Qasem Soleimani')).toBe(gazetteerEntry('qasem-soleimani').name);
    expect(await cardFor('Mike Pompeo')).toBe(gazetteerEntry('mike-pompeo').name);
    expect(await cardFor('Ali Khamenei')).toBe(gazetteerEntry('ali-khamenei').name);
    await page.keyboard.press('Escape');
  });

  it('rescans an edit inside the shadow tree and drops the marks of removed text', async () => {
    const passes = await scanPasses(page);
    await page.evaluate(() => document.getElementById('edit')!.click());
    let texts = await waitForMarks(page, (t) => t.includes('Qais Khazali') && t.includes('Mike Pompeo'));
    expect(texts).toEqual(expect.arrayContaining(['Mustafa al-Kadhimi', 'Hassan Rouhani']));
    expect(texts).not.toContain('Qasem Soleimani');
    // Only the component that changed was read again, not the page around it.
    const rescans = (await scanPasses(page)).slice(passes.length);
    expect(rescans.length).toBeGreaterThan(0);
    expect(rescans.every((chunks) => chunks === 1)).toBe(true);

    await page.evaluate(() => document.getElementById('remove')!.click());
    // The removed lead's names go; what stayed on the page keeps its marks (a rescan briefly
    // drops and redraws them, so wait for the settled state).
    const stayed = ['Mike Pompeo', 'Ali Khamenei', 'Hassan Rouhani'];
    texts = await waitForMarks(page, (t) => stayed.every((name) => t.includes(name)) && !t.includes('Qais Khazali'));
    expect(texts).not.toContain('Mustafa al-Kadhimi');
  });

  it('follows a component added later: its names are marked and edits inside it rescan', async () => {
    await page.evaluate(() => document.getElementById('add-late')!.click());
    await waitForMarks(page, (t) => t.includes('Jalal Talabani'));
    await page.evaluate(() => document.getElementById('edit-late')!.click());
    const texts = await waitForMarks(page, (t) => t.includes('Nouri al-Maliki'));
    expect(texts).not.toContain('Jalal Talabani');
  });
});
