/**
 * Recognising the page in real Chromium and Firefox (BACKSTORY_BROWSER): each corpus
 * document served as a local page in another site's layout is recognised as itself, a retitled
 * and trimmed copy as a copy, ten unrelated news pages as nothing; a card on a recognised page
 * quotes only the other documents, and the popup's "This page" view says what the page is and
 * what the other documents say.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  attributeOf,
  boundingBox,
  CARD,
  chosenBrowser,
  click,
  count,
  evaluateAll,
  fill,
  hoverText,
  isVisible,
  markedMentions,
  POPUP_VIEWPORT,
  selectOption,
  sleep,
  tabIdOf,
  textOf,
  textsOf,
  waitForMentions,
  waitForSelector,
  type E2EPage,
} from './driver';
import { axeViolations } from './driver/axe';
import { pollUntil } from './driver/page-functions';
import { launchForSuite } from './suite';

const SEEDS = ['regime-fears-talks', 'iran-terrified-talks', 'iran-meddles', 'kadhimi-leaves-tehran', 'isis-revival'];
const UNRELATED = [
  'bike-lanes',
  'climate-summit',
  'dialogue-near-miss',
  'erbil-attack',
  'football-final',
  'lebanon-economy',
  'opec-output',
  'phone-launch',
  'syria-camps',
  'vienna-nuclear-talks',
];

interface ThisPageShown {
  kind: string | null;
  doc: string | null;
  text: string;
}

describe(`recognising the page (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();
  const measured: { page: string; scanMs: number; fingerprintMs: number; hashingMs: number; shingles: number }[] = [];
  afterAll(() => {
    if (measured.length) console.log(`[recognition] per page (${chosenBrowser()}):`, JSON.stringify(measured));
  });

  /** Opens a test page and waits until its scan, and the recognition that follows, are done. */
  async function openScanned(name: string, { hasMentions = true } = {}): Promise<E2EPage> {
    const page = await browser.openTestPage(`recognition/${name}.html`);
    if (hasMentions) {
      await waitForMentions(page);
      await page.waitForFunction(() => performance.getEntriesByName('backstory:fingerprint').length > 0, undefined, {
        timeout: 10_000,
      });
    } else {
      await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, undefined, { timeout: 10_000 });
    }
    return page;
  }

  /** The popup's "This page" view for `page`'s tab. */
  async function popupFor(page: E2EPage): Promise<E2EPage> {
    const tab = await tabIdOf(browser, page);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tab}`, POPUP_VIEWPORT);
    await click(popup, { role: 'tab', name: 'On this page' });
    await waitForSelector(popup, '.bs-this-page-view[aria-busy="false"]', { timeout: 10_000 });
    return popup;
  }

  async function shownInPopup(popup: E2EPage): Promise<ThisPageShown | null> {
    return evaluateAll(popup, '.bs-this-page-view .bs-this-page', ([line]) =>
      line
        ? { kind: line.getAttribute('data-kind'), doc: line.getAttribute('data-doc'), text: (line.textContent ?? '').trim() }
        : null,
    );
  }

  /** Hovers the first marked mention of a name that several documents describe, and waits for its card. */
  async function openCardOnPage(page: E2EPage): Promise<void> {
    const marked = await markedMentions(page);
    // Names every document describes, so the card has accounts to keep or drop.
    const target = marked.find((m) => /^(Iraq|Iran|Kadhimi|al-Kadhimi|al-Kazemi|United States|Khamenei)$/.test(m.text));
    expect(target, `a widely described name is marked on ${await page.url()}`).toBeDefined();
    const occurrence = await page.evaluate(
      ({ text, start }) => {
        // Which occurrence of the text the marked one is (the harness hovers by occurrence).
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let all = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) all += (n as Text).data;
        let count = 0;
        for (let at = all.indexOf(text); at >= 0 && at < start; at = all.indexOf(text, at + 1)) count++;
        return count;
      },
      { text: target!.text, start: target!.start },
    );
    await page.bringToFront();
    await hoverText(page, target!.text, occurrence);
    await waitForSelector(page, CARD, { state: 'visible', timeout: 5_000 });
    // Its accounts, or its status line when it has none.
    await pollUntil(
      async () => (await isVisible(page, `${CARD} section.bs-accounts`)) || (await isVisible(page, `${CARD} .bs-card-status`)),
      { timeout: 5_000, what: 'the card’s accounts or status' },
    );
  }

  async function cardDocs(page: E2EPage): Promise<string[]> {
    return evaluateAll(page, `${CARD} a.bs-account-link`, (links) =>
      links.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('doc') ?? ''),
    );
  }

  const cardPageDoc = (page: E2EPage) => attributeOf(page, `${CARD} .bs-this-page`, 'data-doc');

  it.each(SEEDS)('recognises %s in another site’s layout as itself, and its card quotes only the others', async (doc) => {
    const page = await openScanned(`seed-${doc}`);
    const popup = await popupFor(page);
    expect(await shownInPopup(popup)).toMatchObject({ kind: 'document', doc });
    // Every entity's contrast in the popup leaves the page's own document out.
    const popupDocs = await evaluateAll(popup, '.bs-page-account', (items) => items.map((i) => i.getAttribute('data-doc')));
    expect(popupDocs.length).toBeGreaterThan(0);
    expect(popupDocs).not.toContain(doc);
    await popup.close();

    await openCardOnPage(page);
    await expect.poll(() => cardPageDoc(page)).toBe(doc);
    const docs = await cardDocs(page);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs).not.toContain(doc);
    if (doc === 'iran-meddles') await page.screenshot('card-this-page.png', { clip: (await boundingBox(page, CARD))! });

    measured.push({
      page: doc,
      ...(await page.evaluate(() => {
        const scans = performance.getEntriesByName('backstory:scan') as PerformanceMeasure[];
        const fp = performance.getEntriesByName('backstory:fingerprint') as PerformanceMeasure[];
        const detail = (fp[0]?.detail ?? {}) as { shingles?: number; hashingMs?: number };
        return {
          scanMs: Math.round(scans[0]!.duration * 10) / 10,
          fingerprintMs: Math.round((fp[0]?.duration ?? 0) * 100) / 100,
          hashingMs: Math.round((detail.hashingMs ?? 0) * 100) / 100,
          shingles: detail.shingles ?? 0,
        };
      })),
    });
    await page.close();
  });

  it('recognises a retitled, trimmed copy as a copy of its document', async () => {
    const page = await openScanned('copy-regime-fears-talks');
    const popup = await popupFor(page);
    const shown = await shownInPopup(popup);
    expect(shown).toMatchObject({ kind: 'copy', doc: 'regime-fears-talks' });
    expect(shown!.text).toContain('a copy of “Why Does the Iranian Regime Fear US-Iraq Talks?”');
    await popup.screenshot('popup-this-page.png');
    await popup.close();
    await openCardOnPage(page);
    expect(await cardDocs(page)).not.toContain('regime-fears-talks');
    await page.close();
  });

  it.each(UNRELATED)('does not recognise the unrelated page %s', async (name) => {
    const page = await browser.openTestPage(`recognition/unrelated-${name}.html`);
    // Scanned, or read and found to name nobody Backstory knows (then it is never scanned).
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('backstory:scan').length > 0 ||
        performance.getEntriesByName('backstory:gate').some((m) => (m as PerformanceMeasure).detail?.names === false),
      undefined,
      { timeout: 10_000 },
    );
    const hasMentions = (await markedMentions(page)).length > 0;
    if (hasMentions) await waitForMentions(page);
    const popup = await popupFor(page);
    expect(await shownInPopup(popup)).toBeNull();
    expect(await count(popup, '.bs-this-page-none')).toBe(1);
    if (!hasMentions) expect(await count(popup, '.bs-this-page-empty')).toBe(1);
    await popup.close();
    await page.close();
  });

  it('on the near-miss page (same talks, same names), the card quotes every document and says nothing of the page', async () => {
    const page = await openScanned('unrelated-dialogue-near-miss');
    await openCardOnPage(page);
    expect(await count(page, `${CARD} .bs-this-page`)).toBe(0);
    expect((await cardDocs(page)).length).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('passes axe in the popup’s "This page" view and in the card on a recognised page, light and dark', async () => {
    const page = await openScanned('seed-iran-meddles');
    const popup = await popupFor(page);
    try {
      for (const scheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        expect(await axeViolations(popup, 'main'), `popup, ${scheme}`).toEqual([]);
      }
      await popup.emulateMedia({ colorScheme: null });
      await popup.close();
      await openCardOnPage(page);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await axeViolations(page, 'backstory-ui'), `card, ${scheme}`).toEqual([]);
      }
    } finally {
      // In Firefox the scheme is browser-wide: put it back for the tests after this one.
      await page.emulateMedia({ colorScheme: null });
    }
    await page.close();
  });

  it('lets the reader add and remove sites in the source registry, refusing a malformed one', async () => {
    const page = await openScanned('unrelated-dialogue-near-miss');
    const popup = await popupFor(page);
    await click(popup, 'details.bs-sources summary');
    const domains = () => textsOf(popup, '.bs-sources-domain');
    // Answers come from the background: allow for a loaded machine (the default poll is 1 s).
    const shipped = await domains();
    expect(shipped).toEqual(expect.arrayContaining(['iranfocus.com', 'jpost.com', 'mek-iran.com', 'nournews.ir', 'reuters.com']));

    await fill(popup, { label: 'Site' }, 'not a site');
    await fill(popup, { label: 'Outlet' }, 'Nobody');
    await click(popup, { role: 'button', name: 'Add site' });
    await expect.poll(() => textOf(popup, { role: 'alert' }), { timeout: 5_000 }).toContain('domain');
    expect(await domains()).toHaveLength(shipped.length);

    await fill(popup, { label: 'Site' }, 'www.Example-News.com');
    await fill(popup, { label: 'Outlet' }, 'Example News');
    // By name: the label wrapping the select also holds its options' text.
    await selectOption(popup, 'details.bs-sources select[name="perspective"]', 'iranian-state');
    await click(popup, { role: 'button', name: 'Add site' });
    await expect.poll(domains, { timeout: 5_000 }).toContain('example-news.com');
    await click(popup, { role: 'button', name: 'Remove jpost.com' });
    await expect.poll(domains, { timeout: 5_000 }).not.toContain('jpost.com');

    // Kept: a popup opened afterwards shows the same registry.
    await popup.reload();
    await click(popup, { role: 'tab', name: 'On this page' });
    await waitForSelector(popup, 'details.bs-sources summary', { timeout: 10_000 });
    await click(popup, 'details.bs-sources summary');
    await expect.poll(domains, { timeout: 5_000 }).toEqual([...shipped.filter((d) => d !== 'jpost.com'), 'example-news.com'].sort((a, b) => a.localeCompare(b)));
    await popup.close();
    await page.close();
  });

  it('puts a quiet marker beside the page’s paragraphs that accounts quote, which opens that contrast', async () => {
    const page = await openScanned('seed-iran-meddles');
    const markers = 'backstory-ui .bs-cited-marker';
    await waitForSelector(page, markers, { state: 'visible', timeout: 10_000 });
    const paras = await evaluateAll(page, markers, (items) => items.map((i) => Number(i.getAttribute('data-para'))));
    // The Jerusalem Post's PMU paragraphs (6–7) are among those the accounts quote.
    expect(paras.some((p) => p === 6 || p === 7)).toBe(true);
    // Each marker sits beside the paragraph it names: level with its first line.
    const aligned = await page.evaluate(() => {
      const host = [...document.querySelectorAll('backstory-ui')].find((h) => h.shadowRoot?.querySelector('.bs-cited-marker'));
      const marker = host!.shadowRoot!.querySelector<HTMLElement>('.bs-cited-marker')!;
      const para = Number(marker.dataset.para);
      const row = document.querySelectorAll('table table tr')[para]!; // row 0 is the headline
      return Math.abs(marker.getBoundingClientRect().top - row.getBoundingClientRect().top) < 4;
    });
    expect(aligned).toBe(true);

    await evaluateAll(page, markers, ([marker]) => marker!.scrollIntoView({ block: 'nearest' }));
    await page.screenshot('cited-markers.png');
    const entity = await attributeOf(page, markers, 'data-entity');
    await click(page, markers);
    await waitForSelector(page, CARD, { state: 'visible', timeout: 5_000 });
    expect(await attributeOf(page, CARD, 'data-entity')).toBe(entity);
    await expect.poll(() => cardPageDoc(page)).toBe('iran-meddles');
    expect(await cardDocs(page)).not.toContain('iran-meddles');
    await page.close();
  });

  it('marks no paragraph on an unrelated page', async () => {
    const page = await openScanned('unrelated-dialogue-near-miss');
    await sleep(500);
    expect(await count(page, 'backstory-ui .bs-cited-marker')).toBe(0);
    await page.close();
  });
});
