/**
 * *Your documents* end to end in the real browser. Importing a folder of saved pages with a
 * `.jsonl` file and a corpus pack cut off mid-download: the progress bar counts, the summary in
 * the status element says what was added and refuses the broken file by name, the rest is
 * added. Export all → import into a fresh profile → the same corpus (once each has learned the
 * documents' names). Removing a document takes
 * its accounts off the card, out of lookup and the reader; a saved highlight stays. The starter
 * corpus is removed and restored. axe-core finds nothing on the page, light and dark.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FOLDER_IMPORT_SUMMARY, SAVED_PAGES } from '../fixtures/corpus/import-folder';
import { DEMO_PAGE } from './demo-page';
import {
  CARD,
  chosenBrowser,
  click,
  dropFiles,
  evaluateAll,
  fill,
  hoverText,
  launchBrowser,
  POPUP_VIEWPORT,
  setInputFiles,
  sleep,
  tabIdOf,
  textFile,
  textOf,
  textsOf,
  waitForMentions,
  waitForSelector,
  type E2EBrowser,
  type E2EPage,
} from './driver';
import { axeLightAndDark } from './driver/axe';
import { launchForSuite } from './suite';
import { importSummary, listedTitles, openYourDocuments, repoFile, summaryList } from './your-documents';

const STARTER_TITLE = 'Starter corpus: the US–Iraq talks, 2020';
const STARTER_DOCUMENTS = 5;
/** The saved page the removal test takes out: the only document quoting Esmail Qaani in Baghdad on a visa dispute. */
const REMOVED = { title: "Qaani's quiet visit to Baghdad", outlet: 'levantwire.example', lookup: 'visa dispute', name: 'Esmail Qaani' };

/** What the list says of each document, without the pack it came in (an imported export is a pack of its own). */
async function corpusRows(page: E2EPage): Promise<string[]> {
  const rows = await evaluateAll(page, '.bs-document', (items) =>
    items.map((li) => {
      const spans = [...li.querySelectorAll('.bs-document-meta > span')].map((s) => (s.textContent ?? '').trim());
      const perspective = li.querySelector('.bs-chip, .bs-unlabelled')?.textContent ?? '';
      const names = spans.find((s) => / found$/.test(s)) ?? '';
      const date = spans.find((s) => /^(no date|\d{4}|[A-Z][a-z]+ \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})$/.test(s)) ?? '';
      return [li.querySelector('.bs-document-title')?.textContent ?? '', spans[0], date, perspective, names].join(' | ');
    }),
  );
  return rows.sort();
}

/**
 * The rows once the names learned from the documents are in: after an import the builder learns
 * names and reads the documents again with them, so the "names found" counts move for a moment.
 */
async function settledRows(page: E2EPage): Promise<string[]> {
  const deadline = Date.now() + 45_000;
  let rows = await corpusRows(page);
  for (;;) {
    await sleep(2_000);
    const next = await corpusRows(page);
    if (next.join('\n') === rows.join('\n') || Date.now() > deadline) return next;
    rows = next;
  }
}

const cardOutlets = (page: E2EPage) => textsOf(page, `${CARD} .bs-account-outlet`);

describe(`Your documents (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();
  let corpus: E2EPage;
  let exported: { filename: string; text: string };
  let rowsBefore: string[];
  let fresh: E2EBrowser | undefined;
  afterAll(async () => {
    await fresh?.close();
  });

  it('opens with the starter corpus, the import picker labelled "Import documents"', async () => {
    corpus = await openYourDocuments(browser);
    expect(await listedTitles(corpus, STARTER_DOCUMENTS)).toHaveLength(STARTER_DOCUMENTS);
    await waitForSelector(corpus, { label: 'Import documents' });
    expect(await textOf(corpus, '.bs-packs')).toContain(STARTER_TITLE);
    await axeLightAndDark(corpus);
  });

  it('imports a dropped folder of saved pages and a .jsonl file; the truncated pack is refused by name, the rest added', async () => {
    const files = [
      ...SAVED_PAGES.map((name) => repoFile(`test/fixtures/corpus/saved-pages/${name}`, 'text/html')),
      repoFile('test/fixtures/corpus/files/articles.jsonl'),
      repoFile('test/fixtures/corpus/packs/truncated-pack.json', 'application/json'),
    ];
    await dropFiles(corpus, files);
    // The progress bar shows while the files are read and added (it may be quick: seen or done).
    await expect
      .poll(async () => (await evaluateAll(corpus, 'progress', (p) => p.length)) > 0 || /^Import /.test((await textOf(corpus, '.bs-import-status')) ?? ''), { timeout: 20_000, interval: 20 })
      .toBe(true);
    expect(await importSummary(corpus)).toBe(FOLDER_IMPORT_SUMMARY);
    const refused = await summaryList(corpus, 'Refused');
    expect(refused).toHaveLength(4);
    expect(refused.filter((r) => r.startsWith('articles.jsonl, line '))).toHaveLength(3);
    expect(refused.some((r) => r.startsWith('truncated-pack.json: '))).toBe(true);
    const titles = await listedTitles(corpus, STARTER_DOCUMENTS + 8);
    expect(titles).toEqual(expect.arrayContaining([REMOVED.title, 'Six years after the fatwa, the PMF faces questions about its future', 'Rockets land near Baghdad airport']));
    await axeLightAndDark(corpus);
  });

  it('exports all documents as a corpus pack', async () => {
    rowsBefore = await settledRows(corpus);
    exported = await corpus.download(() => click(corpus, { role: 'button', name: 'Export all' }));
    expect(exported.filename).toMatch(/^backstory-corpus.*\.json$/);
    const pack = JSON.parse(exported.text) as { format: string; documents: unknown[] };
    expect(pack.format).toBe('backstory-corpus-pack');
    expect(pack.documents).toHaveLength(STARTER_DOCUMENTS + 8);
  });

  it('imports the export into a fresh profile: the same corpus', async () => {
    fresh = await launchBrowser();
    const other = await openYourDocuments(fresh);
    await listedTitles(other, STARTER_DOCUMENTS);
    await setInputFiles(other, { label: 'Import documents' }, [textFile(exported.filename, exported.text, 'application/json')]);
    // The fresh profile has the starter corpus already: its documents are skipped as duplicates.
    expect(await importSummary(other)).toBe(`Import finished: 8 documents added, ${STARTER_DOCUMENTS} skipped as duplicates, 0 refused.`);
    await listedTitles(other, STARTER_DOCUMENTS + 8);
    expect(await settledRows(other)).toEqual(rowsBefore);
    await fresh.close();
    fresh = undefined;
  });

  it('removes a document: its account leaves the card, lookup and the reader; a saved highlight stays', async () => {
    const page = await browser.openTestPage(DEMO_PAGE);
    await waitForMentions(page);
    const docLink = await evaluateAll(corpus, '.bs-document-title', (links, title) => links.find((a) => a.textContent === title)?.getAttribute('href') ?? '', REMOVED.title);
    const readerPath = new URL(docLink).pathname.slice(1) + new URL(docLink).search;
    const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(browser, page)}`, POPUP_VIEWPORT);
    /** Looks the words up and waits for `expected` passages holding them (the live corpus answers a moment after the names). */
    const expectPassages = async (expected: number) => {
      await fill(popup, { label: 'Look up a name' }, '');
      await fill(popup, { label: 'Look up a name' }, REMOVED.lookup);
      await expect
        .poll(() => evaluateAll(popup, '[role="option"].bs-result-passage', (options, words) => options.filter((o) => o.textContent?.includes(words)).length, REMOVED.lookup), { timeout: 10_000 })
        .toBe(expected);
    };

    // Before: quoted on the card, found by lookup, open in the reader; a highlight saved from the card.
    await hoverText(page, REMOVED.name);
    await waitForSelector(page, CARD, { timeout: 10_000 });
    await expect.poll(() => cardOutlets(page), { timeout: 10_000 }).toContain(REMOVED.outlet);
    await click(page, { role: 'button', name: 'Save' });
    // Closed, so that the next rest on the name asks for the card again.
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await waitForSelector(page, CARD, { state: 'hidden', timeout: 10_000 });
    await expectPassages(1);
    const before = await browser.openExtensionPage(readerPath);
    await expect.poll(() => textOf(before, 'h1'), { timeout: 10_000 }).toBe(REMOVED.title);
    await before.close();

    await click(corpus, { role: 'button', name: `Remove “${REMOVED.title}”` });
    await click(corpus, { role: 'button', name: 'Remove document' });
    await expect.poll(() => textOf(corpus, '.bs-documents-notice')).toContain(`Removed “${REMOVED.title}”.`);
    expect(await listedTitles(corpus, STARTER_DOCUMENTS + 7)).not.toContain(REMOVED.title);

    // After: the card on the page open all along (no reload) no longer quotes it; lookup and the reader have it no more.
    await hoverText(page, REMOVED.name);
    await waitForSelector(page, CARD, { timeout: 10_000 });
    await expect.poll(() => cardOutlets(page), { timeout: 10_000 }).not.toContain(REMOVED.outlet);
    expect((await cardOutlets(page)).length).toBeGreaterThan(0);
    await sleep(500);
    await expectPassages(0);
    const after = await browser.openExtensionPage(readerPath);
    await expect.poll(() => textOf(after, 'h1'), { timeout: 10_000 }).toBe('Document not found');
    await after.close();
    // The highlight stays.
    await click(popup, { role: 'tab', name: 'Highlights' });
    await waitForSelector(popup, '.bs-highlight', { timeout: 10_000 });
    expect(await textsOf(popup, '.bs-highlight')).toHaveLength(1);
    await popup.close();
    await page.close();
  });

  it('removes the starter corpus after a confirmation, and restores it', async () => {
    // The reader's own: the eight imported, less the one removed.
    const own = 7;
    await click(corpus, { role: 'button', name: `Remove ${STARTER_TITLE}…` });
    await click(corpus, { role: 'button', name: 'Remove pack' });
    expect(await listedTitles(corpus, own)).not.toContain('Iran meddles in US-Iraq strategic talks');
    expect(await textOf(corpus, '.bs-packs')).toContain('removed');
    await axeLightAndDark(corpus);
    await click(corpus, { role: 'button', name: `Restore ${STARTER_TITLE}` });
    await listedTitles(corpus, own + STARTER_DOCUMENTS);
    expect(await corpusRows(corpus)).toEqual(rowsBefore.filter((r) => !r.startsWith(`${REMOVED.title} |`)));
  });
});
