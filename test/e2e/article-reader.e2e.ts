/**
 * The article reader in the real browsers: injected by the background into the tab the way
 * "Add this page" will inject it (`scripting.executeScript` with the package's file), it reads
 * the page's article in the content script's isolated world from a copy of the document, and
 * answers with a draft the background can check. The page is not changed, and nothing of
 * Readability is in the content script every page boots.
 *
 * The pages are the saved-page fixtures of the ingest unit tests, served over http as if live.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_READ_MEASURE, ARTICLE_READER_FILE } from '../../lib/corpus/article-reader-contract';
import { checkDraft, type Checked, type DocumentDraft } from '../../lib/corpus/draft';
import { chosenBrowser, extensionDirFor, launchBrowser, tabIdOf, type E2EBrowser, type E2EPage } from './driver';
import { ROOT, servePages, type PageServer } from './harness';

/** A string only Readability contains: the id it gives the article it extracts. */
const READABILITY_SIGNATURE = 'readability-page-1';

interface ReadOutcome {
  registeredBefore: boolean;
  draft: Checked<DocumentDraft> | null;
}

/** Injects the reader into the tab and reads its page, from the background. */
async function readTab(browser: E2EBrowser, tabId: number): Promise<ReadOutcome> {
  return browser.evaluateInBackground(
    async (bg, { tabId, file }) => {
      // The test's background type lists only what other tests use; scripting is there too.
      const scripting = (bg.chrome as unknown as { scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> } }).scripting;
      const probe = await scripting.executeScript({
        target: { tabId },
        func: () => Boolean((globalThis as Record<symbol, unknown>)[Symbol.for('backstory.article-reader')]),
      });
      await scripting.executeScript({ target: { tabId }, files: [file] });
      const [read] = await scripting.executeScript({
        target: { tabId },
        func: () => {
          const reader = (globalThis as Record<symbol, { readPage(): unknown } | undefined>)[Symbol.for('backstory.article-reader')];
          return reader ? reader.readPage() : null;
        },
      });
      return { registeredBefore: probe[0]?.result === true, draft: (read?.result ?? null) as ReadOutcome['draft'] };
    },
    { tabId, file: ARTICLE_READER_FILE },
  );
}

describe(`article reader (${chosenBrowser()})`, () => {
  let browser: E2EBrowser;
  let fixtures: PageServer;
  let page: E2EPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    fixtures = await servePages(join(ROOT, 'test', 'fixtures', 'corpus'));
    page = await browser.openTestPage('demo.html');
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
  });

  it('keeps Readability out of the boot bundle, in a file only the extension can inject', () => {
    const dir = extensionDirFor(chosenBrowser());
    expect(readFileSync(join(dir, 'content-scripts', 'content.js'), 'utf8')).not.toContain(READABILITY_SIGNATURE);
    expect(readFileSync(join(dir, ARTICLE_READER_FILE), 'utf8')).toContain(READABILITY_SIGNATURE);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).not.toContain('web_accessible_resources');
  });

  it('reads a WordPress article page into a draft, leaving the page as it was', async () => {
    await page.goto(`${fixtures.origin}/saved-pages/wordpress.html?utm_source=newsletter`);
    const before = await page.evaluate(() => new XMLSerializer().serializeToString(document));
    const outcome = await readTab(browser, await tabIdOf(browser, page));
    expect(outcome.registeredBefore).toBe(false);
    // What the background will do with a page's answer: check it again.
    const checked = checkDraft(outcome.draft?.ok ? outcome.draft.value : outcome.draft);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const visited = `${fixtures.origin}/saved-pages/wordpress.html`;
    expect(checked.value).toMatchObject({
      title: 'Rocket attacks test Kadhimi’s promise to rein in armed factions',
      outlet: 'Tigris Monitor',
      byline: 'Sara Haddad',
      published: '2020-06-15',
      language: 'en-US',
      // The page's canonical link names another site than the one it was read on: not trusted.
      url: visited,
      origin: { kind: 'page', url: visited },
    });
    // An IP address is no domain the source registry could label.
    expect(checked.value.domain).toBeUndefined();
    expect(checked.value.paragraphs).toHaveLength(13);
    expect(checked.value.paragraphs[0]).toMatch(/^Two Katyusha rockets struck an empty field/);
    expect(checked.value.paragraphs.join('\n')).not.toMatch(/Share this|newsletter|Let us see one arrest/);
    expect(await page.evaluate(() => new XMLSerializer().serializeToString(document))).toBe(before);
    const ms = await page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), ARTICLE_READ_MEASURE);
    expect(ms).toHaveLength(1);
    console.info(`[article-reader] ${chosenBrowser()}: WordPress page read in ${ms[0]!.toFixed(1)} ms (clone + Readability + blocks + checks)`);
  });

  it('reads an Arabic right-to-left page, and a second read reuses the injected reader', async () => {
    await page.goto(`${fixtures.origin}/saved-pages/arabic-rtl.html`);
    const tabId = await tabIdOf(browser, page);
    const first = await readTab(browser, tabId);
    const second = await readTab(browser, tabId);
    expect(second.registeredBefore).toBe(true);
    for (const outcome of [first, second]) {
      expect(outcome.draft).toMatchObject({
        ok: true,
        value: { title: 'الكاظمي يتعهد بحصر السلاح بيد الدولة بعد هجمات صاروخية قرب المطار', outlet: 'الرافدين اليوم', language: 'ar' },
      });
    }
    if (first.draft?.ok) expect(first.draft.value.paragraphs).toHaveLength(5);
  });

  it('says so on a page that has no article', async () => {
    await page.goto(`${fixtures.origin}/no-such-page.html`);
    const outcome = await readTab(browser, await tabIdOf(browser, page));
    expect(outcome.draft).toMatchObject({ ok: false });
  });
});
