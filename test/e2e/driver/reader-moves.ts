/**
 * A reader's moves on a page, over the neutral driver: what got marked, resting the pointer on a
 * name, the hover card. harness.ts's Playwright-typed helpers are these same functions.
 */
import type { E2EPage, Rect } from './types';

/** The highlight registry name the content script marks mentions under. */
export const MENTION_HIGHLIGHT = 'backstory-mention';

/** One marked mention: its text and where it starts and ends in the document's text. */
export interface MarkedMention {
  text: string;
  start: number;
  end: number;
}

export type { Rect } from './types';

/** What the moves need of a page: the neutral page, or harness.ts's adapter of a Playwright one. */
export type PageMoves = Pick<E2EPage, 'evaluate' | 'waitForFunction' | 'mouse' | 'url'>;

/** The hover card (inside the `<backstory-ui>` shadow root). A dom.ts target. */
export const CARD = 'backstory-ui .bs-card[role="dialog"]';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The mentions currently registered under the `backstory-mention` highlight, in document order.
 * The highlight registry is one per document, shared by the page and the content script's world
 * (Chromium 156, Firefox ESR 153), so the page sees the content script's registrations.
 */
export async function markedMentions(page: PageMoves): Promise<MarkedMention[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return [];
    const mentions = [...highlight].map((range) => {
      const marked = document.createRange();
      marked.setStart(range.startContainer, range.startOffset);
      marked.setEnd(range.endContainer, range.endOffset);
      const before = document.createRange();
      before.setStart(document.body, 0);
      before.setEnd(range.startContainer, range.startOffset);
      const text = marked.toString();
      const start = before.toString().length;
      return { text, start, end: start + text.length };
    });
    return mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  }, MENTION_HIGHLIGHT);
}

async function markedSignature(page: PageMoves): Promise<string> {
  const marked = await markedMentions(page);
  return marked.map((m) => `${m.start}-${m.end}`).join(',');
}

/**
 * Waits until the content script has scanned (a `backstory:scan` measure exists), marked at least
 * one mention, and the marks have stopped changing for `settleMs`.
 */
export async function waitForMentions(page: PageMoves, { timeout = 15_000, settleMs = 400 } = {}): Promise<void> {
  await page.waitForFunction(
    (name) => performance.getEntriesByName('backstory:scan').length > 0 && (CSS.highlights.get(name)?.size ?? 0) > 0,
    MENTION_HIGHLIGHT,
    { timeout, polling: 100 },
  );
  await waitForStableMarks(page, { timeout, settleMs });
}

export async function waitForStableMarks(page: PageMoves, { timeout = 10_000, settleMs = 300 } = {}): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = await markedSignature(page);
  let stableSince = Date.now();
  while (Date.now() - stableSince < settleMs) {
    if (Date.now() > deadline) throw new Error(`Marks on ${await page.url()} kept changing for ${timeout} ms`);
    await sleep(100);
    const now = await markedSignature(page);
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    }
  }
}

/**
 * Every mention marked anywhere on the page. Only mentions near the viewport are registered at
 * a time, so this scrolls from top to bottom and gathers what each stretch registers.
 */
export async function allMarkedMentions(page: PageMoves): Promise<MarkedMention[]> {
  const found = new Map<string, MarkedMention>();
  const { scrollHeight, viewport } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
  }));
  const step = Math.max(200, Math.floor(viewport * 0.75));
  for (let y = 0; ; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await waitForStableMarks(page, { timeout: 10_000, settleMs: 300 });
    for (const mention of await markedMentions(page)) found.set(`${mention.start}-${mention.end}`, mention);
    if (y + viewport >= scrollHeight) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Scrolls the `occurrence`-th rendered occurrence of `text` to the upper quarter of the viewport
 * and returns the rectangle of its first line box. The text may cross element boundaries.
 */
export async function textRect(page: PageMoves, text: string, occurrence = 0): Promise<Rect> {
  const rect = await page.evaluate(
    ({ text, occurrence }) => {
      // Text the reader sees: skip our own UI and non-rendered elements.
      const skip = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'BACKSTORY-UI'].join(',');
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent && !parent.closest(skip) && parent.getClientRects().length > 0) nodes.push(node as Text);
      }
      const joined = nodes.map((n) => n.data).join('');
      let at = -1;
      for (let i = 0; i <= occurrence; i++) {
        at = joined.indexOf(text, at + 1);
        if (at < 0) return null;
      }
      // A start at a node's very end belongs to the next node, an end at its very end to it.
      const from = at;
      const to = at + text.length;
      let start: { node: Text; offset: number } | undefined;
      let end: { node: Text; offset: number } | undefined;
      let base = 0;
      for (const node of nodes) {
        const next = base + node.data.length;
        if (!start && from < next) start = { node, offset: from - base };
        if (!end && to <= next) end = { node, offset: to - base };
        base = next;
      }
      if (!start || !end) return null;
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      // Upper quarter of the viewport, leaving room below for the card.
      const first = range.getClientRects()[0];
      if (first) window.scrollBy(0, first.top - window.innerHeight / 4);
      const box = range.getClientRects()[0];
      return box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null;
    },
    { text, occurrence },
  );
  if (!rect) throw new Error(`"${text}" (occurrence ${occurrence}) is not rendered on ${await page.url()}`);
  return rect;
}

/** Rests the pointer on the middle of a rendered text, as a reader would. */
export async function hoverText(page: PageMoves, text: string, occurrence = 0): Promise<Rect> {
  const rect = await textRect(page, text, occurrence);
  // Marks follow scrolling: let the newly visible stretch be registered before pointing at it.
  await waitForStableMarks(page, { timeout: 10_000, settleMs: 300 });
  await page.mouse.move(1, 1);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 8 });
  return rect;
}
