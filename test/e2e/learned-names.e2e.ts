/**
 * Names learned from the reader's documents, end to end in the real browser. Three real
 * articles (test/names/dev/corpus/) naming Iraq's speaker and Moqtada al-Sadr, whom the starter
 * corpus never names, are imported on *Your documents*; a page naming them in other spellings
 * ("Mohammed al-Halbousi", "Muqtada al-Sadr", "Al-Sadr") gets marks, each form's card is its one
 * entity's, and the cards quote the imported articles (the defining phrase with its document and
 * paragraph, then the accounts) and say they were learned from the reader's documents.
 * *Your documents* lists the learned names with their forms and documents; rejecting one there
 * takes its marks off the tab open all along. axe-core finds nothing on the page, light and dark.
 */
import { describe, expect, it } from 'vitest';
import { CARD, chosenBrowser, click, hoverText, markedMentions, setInputFiles, textOf, textsOf, waitForMentions, waitForSelector, type E2EPage } from './driver';
import { axeLightAndDark, axeViolations } from './driver/axe';
import { launchForSuite } from './suite';
import { importSummary, listedTitles, openYourDocuments, repoFile } from './your-documents';

const ARTICLES = ['d02-shafaq-reuters-voters-spurn.html', 'd07-shafaq-halboosi-second-term.html', 'd08-medialine-halbousi-reelected.html'];
const PAGE = 'learned-names/dailysabah-speaker.html';
const STARTER_DOCUMENTS = 5;
/** The speaker as the articles name him (the name learning chose), and as the page spells him. */
const SPEAKER = { name: 'Mohammad al-Halboosi', onPage: 'Mohammed al-Halbousi', definition: 'the head of al-Takaddom bloc, Mohammad al-Halboosi' };
const SADR = { name: 'Moqtada al-Sadr', onPage: ['Muqtada al-Sadr', 'Al-Sadr'] };

/** Rests on `text` on the page and returns the card's name once it shows; closes it again. */
async function cardOf(page: E2EPage, text: string, read?: (page: E2EPage) => Promise<void>): Promise<string> {
  await hoverText(page, text);
  await waitForSelector(page, `${CARD} .bs-card-name`, { timeout: 10_000 });
  // The card fills in once the background answers.
  await waitForSelector(page, `${CARD} .bs-card-summary`, { timeout: 10_000 });
  const name = (await textOf(page, `${CARD} .bs-card-name`))!.trim();
  if (read) await read(page);
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await waitForSelector(page, CARD, { state: 'hidden', timeout: 10_000 });
  return name;
}

const marked = async (page: E2EPage) => (await markedMentions(page)).map((m) => m.text);

describe(`Names learned from your documents (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();
  let corpus: E2EPage;
  let page: E2EPage;

  it('imports three articles; a page naming their people in other spellings marks each form as its one entity', async () => {
    page = await browser.openTestPage(PAGE);
    await waitForMentions(page);
    // Before: the seeds do not name them.
    expect(await marked(page)).not.toContain(SPEAKER.onPage);
    expect(await marked(page)).not.toContain(SADR.onPage[0]);

    corpus = await openYourDocuments(browser);
    await listedTitles(corpus, STARTER_DOCUMENTS);
    await setInputFiles(
      corpus,
      { label: 'Import documents' },
      ARTICLES.map((name) => repoFile(`test/names/dev/corpus/${name}`, 'text/html')),
    );
    expect(await importSummary(corpus)).toMatch(/^Import finished: 3 documents added/);
    await listedTitles(corpus, STARTER_DOCUMENTS + 3);

    // The tab open all along rescans with the learned names.
    await expect.poll(() => marked(page), { timeout: 30_000, interval: 250 }).toEqual(expect.arrayContaining([SPEAKER.onPage, ...SADR.onPage]));
    expect(await cardOf(page, SPEAKER.onPage)).toBe(SPEAKER.name);
    for (const form of SADR.onPage) expect(await cardOf(page, form)).toBe(SADR.name);
  });

  it('cards a learned name from the imported articles: the defining phrase cited, then the accounts', async () => {
    await cardOf(page, SPEAKER.onPage, async (card) => {
      expect(await textOf(card, `${CARD} .bs-card-summary`)).toBe('Learned from your documents: named in 2 documents.');
      expect(await textsOf(card, `${CARD} .bs-card-learned-quote`)).toContain(SPEAKER.definition);
      const cite = (await textsOf(card, `${CARD} .bs-card-learned-cite`))[0]!;
      expect(cite).toMatch(/“Al-Halboosi wins a second mandate as Parliament Speaker”, paragraph 1$/);
      // Its accounts: one passage from each article naming him.
      await expect.poll(() => textsOf(card, `${CARD} .bs-account-quote`), { timeout: 15_000 }).toHaveLength(2);
      const quotes = await textsOf(card, `${CARD} .bs-account-quote`);
      expect(quotes.some((q) => /Halboosi/.test(q))).toBe(true);
      expect(quotes.some((q) => /Halbousi/.test(q))).toBe(true);
      expect(await axeViolations(card, { include: { fromShadowDom: ['backstory-ui', '.bs-card'] } })).toEqual([]);
    });
  });

  it('lists the learned names on Your documents with their forms and documents', async () => {
    await expect.poll(() => textsOf(corpus, '.bs-learned-title'), { timeout: 15_000 }).toEqual(expect.arrayContaining([SPEAKER.name, SADR.name]));
    const item = await corpus.evaluate((name) => {
      const li = [...document.querySelectorAll('.bs-learned-list[aria-label="Learned names"] > li')].find((l) => l.querySelector('.bs-learned-title')?.textContent === name);
      return li ? (li.textContent ?? '').replace(/\s+/g, ' ') : '';
    }, SPEAKER.name);
    expect(item).toContain('marked on pages');
    expect(item).toMatch(/Mohammad al-Halboosi \(\d+\)/);
    expect(item).toMatch(/Mohammed al-Halbousi \(\d+\)/);
    expect(item).toContain('Named in 2 documents');
    expect(item).toContain('Al-Halboosi wins a second mandate as Parliament Speaker');
    await axeLightAndDark(corpus);
  });

  it('rejecting a learned name takes its marks off the open tab; the others stay', async () => {
    await corpus.bringToFront();
    await click(corpus, { role: 'button', name: `Reject “${SPEAKER.name}”` });
    await expect.poll(() => textOf(corpus, '.bs-learned .bs-documents-notice'), { timeout: 15_000 }).toContain(`Rejected “${SPEAKER.name}”`);
    // Rescanned: the speaker unmarked, Sadr still marked (a rescan clears the marks for a moment).
    const rescanned = async () => {
      const texts = await marked(page);
      return { speaker: texts.includes(SPEAKER.onPage), sadr: SADR.onPage.every((t) => texts.includes(t)) };
    };
    await expect.poll(rescanned, { timeout: 30_000, interval: 250 }).toEqual({ speaker: false, sadr: true });
    // Listed among the rejected names, to restore.
    await expect
      .poll(() => textsOf(corpus, '.bs-learned-list[aria-label="Rejected names"] .bs-learned-title'), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^Moham+[ae]d al-Halb(oo|ou)si$/)]);
    await axeLightAndDark(corpus);
    await page.close();
  });
});
