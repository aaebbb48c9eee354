/**
 * The popup's views and the document reader in real Chromium and Firefox (BACKSTORY_BROWSER):
 * lookup of loosely spelled names, the entity view's timeline, "On this page" driving the page,
 * settings applied to an open tab without a reload, the reader opened at a passage, and axe-core
 * on each, light and dark. Last, the popup reads the live knowledge base: a page the reader adds
 * is listed in the entity view of a name it mentions and quoted under "On this page", and with
 * the starter corpus removed only the reader's documents are left there.
 *
 * The popup is opened as a page in a tab; `popup.html?tab=ID` makes it about the demo page's
 * tab, as the toolbar popup is about the active tab.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PAGE } from './demo-page';
import {
  attributeOf,
  boundingBox,
  chosenBrowser,
  click,
  count,
  evaluateAll,
  fill,
  isChecked,
  MENTION_HIGHLIGHT,
  POPUP_VIEWPORT,
  setChecked,
  tabIdOf,
  textOf,
  textsOf,
  waitForMentions,
  waitForSelector,
  type E2EPage,
} from './driver';
import { axeViolations } from './driver/axe';
import { gazetteerEntry } from './gazetteer';
import { launchForSuite } from './suite';
import { KADHIMI_STORY } from '../fixtures/kadhimi-story';
import { STARTER_PACK_TITLE } from '../../lib/kb/corpus-pack';
import { ADDED_ARTICLES, addFromPreview, listedTitles, openAddPreview, openYourDocuments, SHARED_NAME } from './your-documents';

/** Names as readers type them, each with the entity a reader means by it. */
const LOOKUPS: readonly { query: string; entity: string }[] = [
  { query: 'kazimi', entity: 'mustafa-al-kadhimi' },
  { query: 'suleimani', entity: 'qasem-soleimani' },
  { query: 'hashd', entity: 'popular-mobilization-units' },
  { query: 'daesh', entity: 'isis' },
  { query: 'strategic dialog', entity: 'us-iraq-strategic-dialogue' },
];

/** axe-core on the whole document (the `html` element: document rules such as its language included). */
const axeOnPage = (page: E2EPage) => axeViolations(page, 'html');

/** axe-core in light and then dark mode (the dark setting undone after, as it is browser-wide in Firefox). */
async function axeLightAndDark(page: E2EPage): Promise<void> {
  expect(await axeOnPage(page), 'light').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    expect(await axeOnPage(page), 'dark').toEqual([]);
  } finally {
    await page.emulateMedia({ colorScheme: null });
  }
}

/** Waits for the popup's `<h1>` to name `name` (a view has one). */
async function waitForHeading(page: E2EPage, name: string): Promise<void> {
  await expect.poll(() => textOf(page, 'h1'), { timeout: 5_000 }).toContain(name);
}

const registeredMentions = (page: E2EPage) =>
  page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, MENTION_HIGHLIGHT);

/** Chooses one of the popup's tabs once it is drawn. */
async function chooseTab(page: E2EPage, name: string): Promise<void> {
  await waitForSelector(page, { role: 'tab', name }, { timeout: 5_000 });
  await click(page, { role: 'tab', name });
}

const SEARCH = { label: 'Look up a name' };
const FIRST_OPTION = '[role="listbox"] [role="option"]';
const SITE_SWITCH = { label: 'Spot names on 127.0.0.1' };
const PAUSE_SWITCH = { label: 'Pause Backstory everywhere' };

describe(`popup views and the reader (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();

  const openPopupPage = (query = '') => browser.openExtensionPage(`popup.html${query}`, POPUP_VIEWPORT);

  it('finds the right entity first for each example query, with the matched part marked', async () => {
    const popup = await openPopupPage();
    await expect
      .poll(() => evaluateAll(popup, SEARCH, (boxes) => boxes[0] === document.activeElement), { timeout: 5_000 })
      .toBe(true);
    for (const { query, entity } of LOOKUPS) {
      await fill(popup, SEARCH, '');
      await popup.keyboard.type(query, { delay: 20 });
      await expect.poll(() => textOf(popup, `${FIRST_OPTION} .bs-result-name`), { timeout: 5_000 }).toBe(
        gazetteerEntry(entity).name,
      );
      // The words that answered the query are marked, in the name or the alias shown.
      const marks = await evaluateAll(popup, FIRST_OPTION, (options) => options[0]?.querySelectorAll('mark').length ?? 0);
      expect(marks, `marks for "${query}"`).toBeGreaterThan(0);
    }
    await popup.screenshot('popup-lookup-strategic-dialog.png');
    // Arrow keys then Enter open the chosen entity; Back keeps the query.
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await waitForHeading(popup, gazetteerEntry('us-iraq-strategic-dialogue').name);
    expect(await textOf(popup, 'button.bs-back')).toMatch(/Back to results/);
    await click(popup, 'button.bs-back');
    await expect.poll(() => evaluateAll(popup, SEARCH, (boxes) => (boxes[0] as HTMLInputElement | undefined)?.value)).toBe(
      'strategic dialog',
    );
    await popup.close();
  });

  it('shows al-Kadhimi’s timeline: at least six dated events, in date order, telling the story', async () => {
    const popup = await openPopupPage('?entity=mustafa-al-kadhimi');
    await waitForHeading(popup, gazetteerEntry('mustafa-al-kadhimi').name);
    const dated = await evaluateAll(popup, 'ol.bs-timeline', (lists) =>
      [...(lists[0]?.children ?? [])].map((item) => ({
        date: item.querySelector('time')?.getAttribute('datetime') ?? '',
        shown: item.querySelector('time')?.textContent?.trim() ?? '',
        name: item.querySelector('.bs-timeline-name')?.textContent?.trim() ?? '',
      })),
    );
    expect(dated.length).toBeGreaterThanOrEqual(6);
    expect(dated.every((e) => /^\d{4}(-\d{2}){0,2}$/.test(e.date) && e.shown.length > 0)).toBe(true);
    expect(dated.map((e) => e.date)).toEqual([...dated.map((e) => e.date)].sort());
    const names = dated.map((e) => e.name);
    const positions = KADHIMI_STORY.map((id) => names.indexOf(gazetteerEntry(id).name));
    expect(positions.every((p) => p >= 0), names.join(' | ')).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    await evaluateAll(popup, 'ol.bs-timeline', (lists) => lists[0]?.closest('section')?.scrollIntoView());
    await popup.screenshot('popup-entity-timeline.png');
    await axeLightAndDark(popup);
    await popup.close();
  });

  it('lists the entities of the page by type with counts, and scrolls the page to one', async () => {
    const demo = await browser.openTestPage(DEMO_PAGE);
    await waitForMentions(demo);
    const popup = await openPopupPage();
    const tabId = await tabIdOf(browser, demo);
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    await chooseTab(popup, 'On this page');

    const qaani = gazetteerEntry('esmail-qaani').name;
    const inRegion = (region: string, button: string) =>
      evaluateAll(
        popup,
        { role: 'region', name: region },
        (regions, button) =>
          [...(regions[0]?.querySelectorAll('button') ?? [])].filter((b) => b.textContent?.trim() === button).length,
        button,
      );
    await expect.poll(() => inRegion('People', qaani), { timeout: 5_000 }).toBe(1);
    expect(await inRegion('Places', 'Baghdad')).toBe(1);
    const kadhimiRow = 'li[data-entity="mustafa-al-kadhimi"]';
    // Spelled four ways on the page (al-Kazimi twice, al-Kazemi split across <b>/<i>, Arabic script).
    expect(await textOf(popup, `${kadhimiRow} .bs-on-page-count`)).toBe('4 mentions');
    await popup.screenshot('popup-on-this-page.png');

    // Qaani is far down the page: choosing him scrolls there and flashes the mention.
    expect(await demo.evaluate(() => window.scrollY)).toBe(0);
    await click(popup, 'li[data-entity="esmail-qaani"] button.bs-on-page-name');
    await expect.poll(() => demo.evaluate(() => window.scrollY), { timeout: 5_000 }).toBeGreaterThan(0);
    const flashed = await demo.evaluate(() => {
      const range = [...(CSS.highlights.get('backstory-flash') ?? [])][0];
      if (!range) return null;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const box = live.getBoundingClientRect();
      return { text: live.toString(), inView: box.top >= 0 && box.bottom <= window.innerHeight };
    });
    expect(flashed).toEqual({ text: 'Esmail Qaani', inView: true });

    // Next steps through al-Kadhimi's mentions in document order.
    const next = { role: 'button', name: `Next mention of ${gazetteerEntry('mustafa-al-kadhimi').name}` };
    expect(await count(popup, next)).toBe(1);
    await click(popup, next);
    await expect.poll(() => textOf(popup, '.bs-on-page-status')).toContain('mention 1 of 4');
    await click(popup, next);
    await expect.poll(() => textOf(popup, '.bs-on-page-status')).toContain('mention 2 of 4');
    expect(await axeOnPage(popup)).toEqual([]);
    await popup.close();
    await demo.close();
  });

  it('turning Backstory off on a site removes the marks from an open page without a reload, and back on', async () => {
    const demo = await browser.openTestPage(DEMO_PAGE);
    await waitForMentions(demo);
    // A reload would reset this marker: it proves the page was never reloaded.
    await demo.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const popup = await openPopupPage();
    const tabId = await tabIdOf(browser, demo);
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    await chooseTab(popup, 'Settings');

    await waitForSelector(popup, SITE_SWITCH, { timeout: 5_000 });
    expect(await isChecked(popup, SITE_SWITCH)).toBe(true);
    await setChecked(popup, SITE_SWITCH, false);
    await expect.poll(() => registeredMentions(demo), { timeout: 5_000 }).toBe(0);
    await popup.screenshot('popup-settings.png');

    // Stays off after the popup closes: it is stored, not just applied.
    await popup.reload();
    await chooseTab(popup, 'Settings');
    await waitForSelector(popup, SITE_SWITCH, { timeout: 5_000 });
    await expect.poll(() => isChecked(popup, SITE_SWITCH)).toBe(false);
    await setChecked(popup, SITE_SWITCH, true);
    await expect.poll(() => registeredMentions(demo), { timeout: 10_000 }).toBeGreaterThan(0);

    // Pause everywhere does the same for every site.
    await setChecked(popup, PAUSE_SWITCH, true);
    await expect.poll(() => registeredMentions(demo), { timeout: 5_000 }).toBe(0);
    await axeLightAndDark(popup);
    await setChecked(popup, PAUSE_SWITCH, false);
    await expect.poll(() => registeredMentions(demo), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await demo.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await popup.close();
    await demo.close();
  });

  it('opens the reader scrolled to the passage in its URL, with the passage highlighted', async () => {
    const reader = await browser.newPage();
    await reader.setViewport({ width: 1000, height: 700 });
    // A passage deep in the document, so that being there means the reader scrolled.
    await reader.goto(browser.extensionUrl('reader.html?doc=kadhimi-leaves-tehran&passage=kadhimi-leaves-tehran:15:0'));
    const passage = 'mark.bs-passage';
    await waitForSelector(reader, passage, { timeout: 5_000 });
    expect(await textOf(reader, passage)).toContain('Qassem Soleimani disappearing from the Iraqi scene');
    const box = await evaluateAll(reader, passage, ([el]) => {
      const r = el!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, viewport: window.innerHeight, scrolled: window.scrollY };
    });
    expect(box.scrolled).toBeGreaterThan(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.viewport);
    // The passage names Soleimani: his mention is marked inside it, and resting on it gives the card.
    const mentionBox = (await boundingBox(reader, `${passage} .bs-mention[data-entity="qasem-soleimani"]`))!;
    expect(mentionBox).not.toBeNull();
    await reader.mouse.move(1, 1);
    await reader.mouse.move(mentionBox.x + mentionBox.width / 2, mentionBox.y + mentionBox.height / 2, { steps: 5 });
    const card = '.bs-card[role="dialog"]';
    await waitForSelector(reader, card, { state: 'visible', timeout: 5_000 });
    expect(await textOf(reader, `${card} .bs-card-name`)).toBe(gazetteerEntry('qasem-soleimani').name);
    expect(await attributeOf(reader, card, 'role')).toBe('dialog');
    await reader.screenshot('reader-passage.png');
    expect(await axeOnPage(reader)).toEqual([]);
    await reader.keyboard.press('Escape');
    // Gone from the document, not just hidden.
    await expect.poll(() => count(reader, card), { timeout: 5_000 }).toBe(0);
    await reader.close();
  });

  it('has no axe violations in lookup results, dark mode included', async () => {
    const popup = await openPopupPage();
    await fill(popup, SEARCH, 'kadhimi');
    await waitForSelector(popup, FIRST_OPTION);
    await popup.keyboard.press('ArrowDown');
    expect(await axeOnPage(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    try {
      expect(await axeOnPage(popup)).toEqual([]);
      await popup.screenshot('popup-lookup-dark.png');
    } finally {
      await popup.emulateMedia({ colorScheme: null });
    }
    await popup.close();
  });

  // These two add a document and remove the starter corpus (restored after): they run last.
  const article = ADDED_ARTICLES[0]!;
  const sharedName = gazetteerEntry(SHARED_NAME.entity).name;
  let addedDoc = '';
  const documentsListed = (popup: E2EPage) => textsOf(popup, '.bs-documents li a');
  /** The documents "On this page" quotes for `entity` ("what the other documents say"). */
  const accountsOnPage = (popup: E2EPage, entity: string) =>
    evaluateAll(popup, `.bs-page-entity[data-entity="${entity}"] .bs-page-account`, (items) => items.map((i) => i.getAttribute('data-doc') ?? ''));
  const pageEntities = (popup: E2EPage) =>
    evaluateAll(popup, '.bs-page-entity', (items) => items.map((i) => i.querySelector('.bs-page-entity-name')?.textContent?.trim() ?? ''));

  it('lists a page the reader adds in the entity view of a name it mentions, and "On this page" of that page lists its names', async () => {
    const page = await browser.openTestPage(article.page);
    await waitForMentions(page);
    const preview = await openAddPreview(browser, page, 'popup');
    await addFromPreview(preview, article);
    const href = await evaluateAll(preview, '.bs-add-status a', (links) => links[0]?.getAttribute('href') ?? '');
    addedDoc = new URL(href).searchParams.get('doc')!;
    await preview.close();

    const popup = await openPopupPage(`?entity=${SHARED_NAME.entity}`);
    await waitForHeading(popup, sharedName);
    await expect.poll(() => documentsListed(popup), { timeout: 10_000 }).toContain(article.title);
    // The starter corpus's documents are there beside it.
    expect((await documentsListed(popup)).length).toBeGreaterThan(1);
    const link = await evaluateAll(popup, '.bs-documents li a', (links, title) => links.find((a) => a.textContent === title)?.getAttribute('href') ?? '', article.title);
    expect(new URL(link).searchParams.get('doc')).toBe(addedDoc);
    await axeLightAndDark(popup);

    // The added page's own "On this page": the names it mentions, each with what the other documents say.
    await popup.goto(browser.extensionUrl(`popup.html?tab=${await tabIdOf(browser, page)}`));
    await chooseTab(popup, 'On this page');
    await expect.poll(() => pageEntities(popup), { timeout: 10_000 }).toContain(gazetteerEntry('qasem-soleimani').name);
    // The page names more than the twelve that come with accounts: the rest are one button away.
    const showAll = await evaluateAll(popup, '.bs-page-more', (buttons) => buttons.map((b) => b.textContent ?? ''));
    expect(showAll).toHaveLength(1);
    const [, total] = /^Show all (\d+) names/.exec(showAll[0]!)!;
    await click(popup, { role: 'button', name: showAll[0]! });
    await expect.poll(async () => (await pageEntities(popup)).length, { timeout: 5_000 }).toBe(Number(total));
    expect(await pageEntities(popup)).toContain(gazetteerEntry('us-embassy-baghdad').name);
    expect(await axeOnPage(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('with the starter corpus removed, the entity view and "On this page" have only the reader’s document', async () => {
    expect(addedDoc, 'the document the test before added').not.toBe('');
    // Another page on the same events, not added.
    const other = await browser.openTestPage(ADDED_ARTICLES[1]!.page);
    await waitForMentions(other);
    const corpus = await openYourDocuments(browser);
    await click(corpus, { role: 'button', name: `Remove ${STARTER_PACK_TITLE}…` });
    await click(corpus, { role: 'button', name: 'Remove pack' });
    expect(await listedTitles(corpus, 1)).toEqual([article.title]);
    try {
      const popup = await openPopupPage(`?entity=${SHARED_NAME.entity}`);
      await waitForHeading(popup, sharedName);
      await expect.poll(() => documentsListed(popup), { timeout: 10_000 }).toEqual([article.title]);
      expect(await textOf(popup, '#bs-documents')).toBe('Mentioned in 1 of 1 documents');

      // What "the other documents" say about the names of the other page: the added page's accounts only.
      await popup.goto(browser.extensionUrl(`popup.html?tab=${await tabIdOf(browser, other)}`));
      await chooseTab(popup, 'On this page');
      const quoted = () => evaluateAll(popup, '.bs-page-account', (items) => items.map((i) => i.getAttribute('data-doc')));
      await expect.poll(async () => (await quoted()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      expect(new Set(await quoted())).toEqual(new Set([addedDoc]));
      expect(await accountsOnPage(popup, 'us-embassy-baghdad')).toEqual([addedDoc]);
      expect(await axeOnPage(popup)).toEqual([]);
      await popup.close();
    } finally {
      await click(corpus, { role: 'button', name: `Restore ${STARTER_PACK_TITLE}` });
      await expect.poll(async () => (await listedTitles(corpus)).length, { timeout: 20_000 }).toBeGreaterThan(1);
      await corpus.close();
      await other.close();
    }
  });
});
