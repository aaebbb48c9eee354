/**
 * Pages as they are: the content script follows an infinite-scroll feed, an SPA route change,
 * edited text and a page that names nobody until it adds a story, through its one shared
 * observer, drops the marks of removed text, and
 * marks on saved evaluation pages exactly what `npm run eval` (the spot CLI's code path) finds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allMarkedMentions,
  chosenBrowser,
  click,
  markedMentions,
  MENTION_HIGHLIGHT,
  sleep,
  waitForMentions,
  type E2EPage,
} from './driver';
import { PAGES_DIR } from './harness';
import { launchForSuite } from './suite';
import type { ExpectedPage } from '../../scripts/eval';

/** Marked text compared without the whitespace a <br> or a line break adds between nodes. */
const squeeze = (text: string) => text.replace(/[\s\u00AD]+/g, '');

async function markedTexts(page: E2EPage): Promise<string[]> {
  return (await markedMentions(page)).map((m) => squeeze(m.text));
}

/** Waits until the marks include (or, with `absent`, no longer include) these texts. */
async function waitForMarks(page: E2EPage, texts: string[], { absent = false } = {}): Promise<void> {
  await page.waitForFunction(
    ({ name, texts, absent }) => {
      const marked = [...(CSS.highlights.get(name) ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString().replace(/[\s\u00AD]+/g, '');
      });
      return texts.every((t) => marked.includes(t.replace(/\s+/g, '')) !== absent);
    },
    { name: MENTION_HIGHLIGHT, texts, absent },
    { timeout: 10_000, polling: 100 },
  );
}

describe(`dynamic pages (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();

  it('follows an infinite-scroll feed: stories appended as the reader scrolls get their marks', async () => {
    const page = await browser.openTestPage('dynamic/infinite-scroll.html');
    await waitForMentions(page);
    expect(await markedTexts(page)).toContain('Mustafaal-Kadhimi');
    expect(await markedTexts(page)).not.toContain('EsmailQaani');
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await sleep(300);
    }
    await waitForMarks(page, ['Esmail Qaani', 'Popular Mobilization Forces']);
    await page.close();
  });

  it('a page that names nobody is not spotted, until it adds a story that names someone', async () => {
    const page = await browser.openTestPage('bench/trivial.html');
    // The token gate read the page and found no name: no scan, no matcher sent to the page.
    await page.waitForFunction(
      () => performance.getEntriesByName('backstory:gate').some((m) => ((m as PerformanceMeasure).detail as { names?: boolean } | null)?.names === false),
      undefined,
      { timeout: 15_000, polling: 100 },
    );
    await sleep(500);
    expect(await page.evaluate(() => performance.getEntriesByName('backstory:scan').length)).toBe(0);
    await page.evaluate(() => {
      const story = document.createElement('p');
      story.textContent = 'Prime Minister Mustafa al-Kadhimi opened the new library on Saturday.';
      document.body.append(story);
    });
    await waitForMarks(page, ['Mustafa al-Kadhimi']);
    await page.close();
  });

  it('follows an SPA route change: the old view’s marks go, the new view’s names are marked', async () => {
    const page = await browser.openTestPage('dynamic/spa.html');
    await waitForMentions(page);
    await waitForMarks(page, ['Qasem Soleimani', 'Mustafa al-Kadhimi']);
    await click(page, '#to-markets');
    await waitForMarks(page, ['Ali Khamenei', 'Hassan Rouhani']);
    await waitForMarks(page, ['Qasem Soleimani', 'Mustafa al-Kadhimi'], { absent: true });
    expect(new URL(await page.url()).search).toBe('?route=markets');
    await page.close();
  });

  it('reads a same-origin iframe: its names are marked in the frame', async () => {
    const page = await browser.openTestPage('dynamic/with-iframe.html');
    await waitForMentions(page);
    // The frame is same-origin: its document (and its highlight registry) is reachable from the page.
    const inFrame = await page.waitForFunction(
      (name) => {
        const frame = [...document.querySelectorAll('iframe')].find((f) => f.src.endsWith('iframe-child.html'));
        const win = frame?.contentWindow as (Window & typeof globalThis) | null | undefined;
        const highlight = win?.CSS.highlights.get(name);
        if (!win || !highlight || highlight.size < 2) return null;
        return [...highlight].map((r) => {
          const range = win.document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        });
      },
      MENTION_HIGHLIGHT,
      { timeout: 10_000, polling: 100 },
    );
    expect(inFrame.sort()).toEqual(['Esmail Qaani', 'Qasem Soleimani']);
    await page.close();
  });

  it('follows edited text, and drops the marks of text that is removed', async () => {
    const page = await browser.openTestPage('dynamic/spa.html');
    await waitForMentions(page);
    await page.evaluate(() => {
      document.getElementById('ticker')!.firstChild!.textContent = 'Updated: Esmail Qaani arrives in Baghdad';
    });
    await waitForMarks(page, ['Esmail Qaani']);
    await page.evaluate(() => document.getElementById('ticker')!.remove());
    await waitForMarks(page, ['Esmail Qaani'], { absent: true });
    await page.close();
  });
});

describe(`evaluation pages in ${chosenBrowser()} give the marks npm run eval expects`, () => {
  const { browser } = launchForSuite();

  const expectedTexts = async (name: string) => {
    const sidecar = JSON.parse(await readFile(join(PAGES_DIR, 'eval', `${name}.expected.json`), 'utf8')) as ExpectedPage;
    return sidecar.mentions.map((m) => squeeze(m.text));
  };

  // Inline markup and links inside names, skipped inputs/code/contenteditable/aria-hidden/hidden;
  // right-to-left Arabic; a byline and sidebar; a page whose events are spotted from their cues.
  it.each(['links-inline-markup', 'arabic-news', 'sidebar-byline', 'wire-strategic-dialogue'])('%s', async (name) => {
    const page = await browser.openTestPage(`eval/${name}.html`);
    await waitForMentions(page);
    const marked = (await allMarkedMentions(page)).map((m) => squeeze(m.text));
    expect(marked).toEqual(await expectedTexts(name));
    await page.close();
  });

  it('draws marks on a right-to-left page over the Arabic words, starting from the right', async () => {
    const page = await browser.openTestPage('eval/arabic-news.html');
    await waitForMentions(page);
    const boxes = await page.evaluate((name) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      });
      return ranges.map((range) => {
        const rect = range.getBoundingClientRect();
        const parent = range.startContainer.parentElement!;
        const block = (parent.closest('h1, p') ?? parent).getBoundingClientRect();
        return { text: range.toString(), left: rect.left, right: rect.right, width: rect.width, blockLeft: block.left, blockRight: block.right };
      });
    }, MENTION_HIGHLIGHT);
    expect(boxes.length).toBeGreaterThan(5);
    for (const box of boxes) {
      expect(box.width, box.text).toBeGreaterThan(0);
      expect(box.left, box.text).toBeGreaterThanOrEqual(box.blockLeft - 1);
      expect(box.right, box.text).toBeLessThanOrEqual(box.blockRight + 1);
    }
    // The headline opens with الكاظمي: in right-to-left text that is its rightmost word.
    const first = boxes.find((b) => b.text === 'الكاظمي')!;
    expect(first.right).toBeGreaterThan(first.blockRight - 40);
    await page.screenshot('rtl-arabic-marks.png');
    await page.close();
  });

  it('marks nothing on a distractor page (a 1990s court story with a David Hale)', async () => {
    const page = await browser.openTestPage('eval/distractor-court-1990s.html');
    await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, undefined, { timeout: 15_000 });
    await sleep(500);
    expect(await markedMentions(page)).toEqual([]);
    await page.close();
  });
});
