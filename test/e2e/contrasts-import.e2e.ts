/**
 * Automatic contrasts of the reader's own documents, in real Chromium and Firefox
 * (BACKSTORY_BROWSER). With the starter corpus removed, the card of the United States has no
 * automatic contrast; the reader imports a `.jsonl` file with two articles from different
 * outlets (Nour News, Iranian state-affiliated; MEK-Iran.com, Iranian opposition: the starter
 * corpus's real texts, here as the reader's own from the outlets' sites) that account for the
 * United States differently, and an automatic contrast quoting both appears on its card and in
 * the entity view, with both documents on the stance strip. Dismissed there, it stays off the
 * card when a third article makes the entity's contrasts computed again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PAGE } from './demo-page';
import { CARD, chosenBrowser, click, count, evaluateAll, hoverText, POPUP_VIEWPORT, setInputFiles, textFile, waitForMentions, waitForSelector, type E2EPage } from './driver';
import { ROOT } from './harness';
import { launchForSuite } from './suite';
import { importSummary, listedTitles, openYourDocuments } from './your-documents';

const STARTER_TITLE = 'Starter corpus: the US–Iraq talks, 2020';
const US = { text: 'United States', entity: 'united-states' };
const AUTOMATIC = '.bs-contrast[data-origin="automatic"]';

interface StarterDocument {
  id: string;
  title: string;
  paragraphs: string[];
}
const starter = JSON.parse(readFileSync(join(ROOT, 'data/starter-pack.json'), 'utf8')) as { documents: StarterDocument[] };
const text = (id: string) => starter.documents.find((d) => d.id === id)!;

/** Two articles, one line each, as a newsroom export or a scraper writes them. */
const ARTICLES = [
  { doc: text('isis-revival'), url: 'https://nournews.ir/en/news/iraq-us-talks-isis-revival', outlet: 'Nour News' },
  { doc: text('kadhimi-leaves-tehran'), url: 'https://www.mek-iran.com/2020/07/23/iraqi-pm-departs-tehran/', outlet: 'MEK-Iran.com' },
];
const JSONL = ARTICLES.map((a) => JSON.stringify({ url: a.url, title: a.doc.title, outlet: a.outlet, published: '2020-06', text: a.doc.paragraphs.join('\n\n') })).join('\n');

describe(`automatic contrasts of imported documents (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();

  const automaticOn = (page: E2EPage, root: string) =>
    evaluateAll(page, `${root}${AUTOMATIC}`, (items) =>
      items.map((item) => ({
        id: item.getAttribute('data-contrast') ?? '',
        label: item.querySelector('.bs-origin-label')?.textContent?.trim() ?? '',
        outlets: [...item.querySelectorAll('.bs-account-outlet')].map((o) => o.textContent?.trim() ?? '').sort(),
        quotes: [...item.querySelectorAll('.bs-account-quote')].map((q) => (q.textContent ?? '').replace(/\s+/g, ' ').trim()),
      })),
    );

  async function cardOfUnitedStates(): Promise<E2EPage> {
    const page = await browser.openTestPage(DEMO_PAGE);
    await waitForMentions(page);
    await hoverText(page, US.text);
    await waitForSelector(page, CARD, { state: 'visible', timeout: 5_000 });
    return page;
  }

  it('without the starter corpus, the card of the United States has no automatic contrast', async () => {
    const corpus = await openYourDocuments(browser);
    await click(corpus, { role: 'button', name: `Remove ${STARTER_TITLE}…` });
    await click(corpus, { role: 'button', name: 'Remove pack' });
    expect(await listedTitles(corpus, 0)).toEqual([]);
    await corpus.close();
    const page = await cardOfUnitedStates();
    expect(await count(page, `${CARD} ${AUTOMATIC}`)).toBe(0);
    await page.close();
  });

  it('importing two outlets’ articles makes an automatic contrast appear on the card, quoting both', async () => {
    const corpus = await openYourDocuments(browser);
    await setInputFiles(corpus, { label: 'Import documents' }, [textFile('us-accounts.jsonl', JSONL, 'application/x-ndjson')]);
    expect(await importSummary(corpus)).toBe('Import finished: 2 documents added, 0 skipped as duplicates, 0 refused.');
    await listedTitles(corpus, 2);
    await corpus.close();

    // Computed after the import's writes, in the background: a moment later at most.
    let shown: Awaited<ReturnType<typeof automaticOn>> = [];
    await expect
      .poll(
        async () => {
          const page = await cardOfUnitedStates();
          shown = await automaticOn(page, `${CARD} `);
          await page.close();
          return shown.length;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    expect(shown).toHaveLength(1);
    const [contrast] = shown;
    expect(contrast!.label).toBe('Found automatically, not reviewed');
    expect(contrast!.outlets).toEqual(['MEK-Iran.com', 'Nour News']);
    // Each quote is a passage of one of the two articles, verbatim.
    const paragraphs = ARTICLES.flatMap((a) => a.doc.paragraphs.map((p) => p.replace(/\s+/g, ' ')));
    for (const quote of contrast!.quotes) expect(paragraphs.some((p) => p.includes(quote))).toBe(true);
  });

  it('the entity view shows the contrast and both documents on the stance strip', async () => {
    const popup = await browser.openExtensionPage(`popup.html?entity=${US.entity}`, POPUP_VIEWPORT);
    await expect.poll(() => count(popup, AUTOMATIC), { timeout: 10_000 }).toBe(1);
    expect((await automaticOn(popup, ''))[0]!.outlets).toEqual(['MEK-Iran.com', 'Nour News']);
    const marks = await evaluateAll(popup, '.bs-strip-mark', (items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
    expect(marks).toHaveLength(2);
    expect(marks.some((m) => m.includes('Nour News'))).toBe(true);
    expect(marks.some((m) => m.includes('MEK-Iran.com'))).toBe(true);
    await popup.close();
  });

  it('a contrast dismissed in the entity view stays off the card when a third article makes it computed again', async () => {
    const popup = await browser.openExtensionPage(`popup.html?entity=${US.entity}`, POPUP_VIEWPORT);
    await waitForSelector(popup, `${AUTOMATIC} .bs-review-dismiss`, { timeout: 10_000 });
    const [dismissed] = await automaticOn(popup, '');
    await click(popup, `.bs-contrast[data-contrast="${dismissed!.id}"] .bs-review-dismiss`);
    await expect.poll(() => count(popup, `.bs-contrast[data-contrast="${dismissed!.id}"]`), { timeout: 5_000 }).toBe(0);
    await popup.close();

    const corpus = await openYourDocuments(browser);
    const third = text('iran-meddles');
    const line = JSON.stringify({ url: 'https://www.jpost.com/middle-east/iran-meddles-in-us-iraq-strategic-talks', title: third.title, outlet: 'The Jerusalem Post', published: '2020-06', text: third.paragraphs.join('\n\n') });
    await setInputFiles(corpus, { label: 'Import documents' }, [textFile('third.jsonl', line, 'application/x-ndjson')]);
    expect(await importSummary(corpus)).toBe('Import finished: 1 document added, 0 skipped as duplicates, 0 refused.');
    await corpus.close();

    // Computed again once the strip has the third account.
    await expect
      .poll(
        async () => {
          const view = await browser.openExtensionPage(`popup.html?entity=${US.entity}`, POPUP_VIEWPORT);
          await waitForSelector(view, '.bs-strip-mark', { timeout: 5_000 });
          const marks = await count(view, '.bs-strip-mark');
          await view.close();
          return marks;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(3);
    const page = await cardOfUnitedStates();
    expect((await automaticOn(page, `${CARD} `)).map((c) => c.id)).not.toContain(dismissed!.id);
    await page.close();
  });
});
