/**
 * Spotting in real Chromium and Firefox (BACKSTORY_BROWSER): the content script marks every name on a realistic article, in the
 * page's own spellings, and nothing else — without changing the page's DOM.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_MENTIONS, DEMO_PAGE } from './demo-page';
import { allMarkedMentions, chosenBrowser, markedMentions } from './driver';
import { launchForSuite } from './suite';

describe(`spotting on ${DEMO_PAGE} (${chosenBrowser()})`, () => {
  const { page } = launchForSuite({ open: DEMO_PAGE });

  it('marks every name in the spelling the page uses, across <b>/<i> and links, and nothing else', async () => {
    const marked = await allMarkedMentions(page);
    expect(marked.map((mention) => mention.text)).toEqual(DEMO_MENTIONS);
  });

  it('records its scans on the page’s own performance timeline', async () => {
    const scans = await page.evaluate(() =>
      performance.getEntriesByName('backstory:scan').map((entry) => ({ type: entry.entryType, duration: entry.duration })),
    );
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) {
      expect(scan.type).toBe('measure');
      expect(scan.duration).toBeGreaterThanOrEqual(0);
    }
  });

  it('leaves the page’s DOM exactly as the page built it', async () => {
    // Compare the live document with a fresh parse of the same HTML: same elements, same text.
    const { live, original } = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      return Object.fromEntries(
        [
          ['live', document.body],
          ['original', parsed.body],
        ].map(([label, body]) => {
          const root = body as HTMLElement;
          const elements = [...root.querySelectorAll('*')].filter((el) => !el.closest('backstory-ui'));
          const texts: string[] = [];
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.parentElement?.closest('backstory-ui')) texts.push((node as Text).data);
          }
          return [label, { tags: elements.map((el) => el.tagName).join(' '), text: texts.join('') }];
        }),
      ) as Record<'live' | 'original', { tags: string; text: string }>;
    });
    expect(live.tags).toBe(original.tags);
    expect(live.text).toBe(original.text);
  });

  it('marks a name added to the page later, in a new measured scan', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = await page.evaluate(() => performance.getEntriesByName('backstory:scan').length);
    await page.evaluate(() => {
      const update = document.createElement('p');
      update.className = 'live-update';
      update.textContent = 'Update, 14:05: a spokesman for Qasem Soleimani’s old command denied any role.';
      document.querySelector('article h1')?.after(update);
    });
    await expect
      .poll(async () => (await markedMentions(page)).map((mention) => mention.text), { timeout: 10_000 })
      .toContain('Qasem Soleimani');
    const after = await page.evaluate(() => performance.getEntriesByName('backstory:scan').length);
    expect(after).toBeGreaterThan(before);
  });
});
