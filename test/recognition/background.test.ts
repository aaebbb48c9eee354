/**
 * The background's side of recognition through its real router: a tab's fingerprint is
 * recognised against the bundled corpus, that tab's cards stop quoting the page's own document,
 * the popup can read the answer, and every message is validated and checked for its sender.
 */
import { shippedSources } from '../../lib/storage/shipped-sources';
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import starterPackJson from '../../data/starter-pack.json';
import { createPageRecognitions, recognitionKey, SOURCES_KEY } from '../../entrypoints/background/recognition';
import type { CardData, PageRecognition, SourceRegistry } from '../../lib/messages';
import type { CorpusPack } from '../../lib/corpus/pack';
import { textShingles } from '../../lib/recognition/shingles';
import { fromPopup, fromTab as tab, msg, send, useBackground } from '../background/setup';
import { pageText } from './pages';

// The starter corpus pack the worker reads from its package, here the repository's copy,
// installed by the real builder.
const bg = useBackground({ pack: starterPackJson as unknown as CorpusPack });
const fromTab = (tabId: number, url = 'https://syndicator.example/story') => tab(url, tabId);
const shinglesOf = (page: string) => ({ shingles: [...textShingles(pageText(page))], modulus: 1 });

describe('page/recognise', () => {
  it('recognises a syndicated corpus document and says so in that tab’s cards only', async () => {
    const answer = (await send(msg('page/recognise', shinglesOf('seed-iran-meddles.html')), fromTab(7))) as PageRecognition;
    expect(answer.thisPage).toMatchObject({
      kind: 'document',
      doc: 'iran-meddles',
      outlet: 'The Jerusalem Post (republished by an aggregator)',
      perspective: { id: 'israeli', label: 'Israeli press' },
    });

    const card = (await send(msg('card/get', { entity: 'mustafa-al-kadhimi' }), fromTab(7))) as CardData;
    expect(card.thisPage?.doc).toBe('iran-meddles');
    const docs = card.accounts.map((a) => a.doc);
    expect(docs).not.toContain('iran-meddles');
    expect(docs.length).toBeGreaterThanOrEqual(3);
    expect(card.accounts[0]!.perspective.id).not.toBe('israeli');
    // The page's paragraphs that accounts quote: the PMU paragraphs among them (paras 6–7).
    expect(answer.cited.length).toBeGreaterThan(0);
    expect(answer.cited.every((c) => answer.paragraphs.includes(c.para))).toBe(true);
    expect(answer.cited.find((c) => c.para === 6)?.entities).toContain('popular-mobilization-units');

    // Another tab is not that page: its card quotes every document, the Israeli one included.
    const elsewhere = (await send(msg('card/get', { entity: 'mustafa-al-kadhimi' }), fromTab(8))) as CardData;
    expect(elsewhere.thisPage).toBeUndefined();
    expect(elsewhere.accounts.map((a) => a.doc)).toContain('iran-meddles');
  });

  it('still knows the page after the service worker restarted (Chrome stops it when idle)', async () => {
    await send(msg('page/recognise', shinglesOf('seed-iran-meddles.html')), fromTab(7));
    // A new background over the same browser storage, as after a restart.
    bg.restart();
    const card = (await send(msg('card/get', { entity: 'mustafa-al-kadhimi' }), fromTab(7))) as CardData;
    expect(card.thisPage?.doc).toBe('iran-meddles');
    expect(card.accounts.map((a) => a.doc)).not.toContain('iran-meddles');
    // Closing the tab forgets it, in memory and in session storage.
    const recognitions = createPageRecognitions({ db: bg.db, ready: () => Promise.resolve(), labels: () => Promise.resolve({ sources: [], perspectives: [] }) });
    recognitions.forget(7);
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get(recognitionKey(7))).toEqual({}));
    expect(await recognitions.forTab(7)).toBeUndefined();
  });

  it('orders a copy’s card with the other perspectives first and without the copied document', async () => {
    const answer = (await send(msg('page/recognise', shinglesOf('copy-regime-fears-talks.html')), fromTab(9))) as PageRecognition;
    expect(answer.thisPage).toMatchObject({ kind: 'copy', doc: 'regime-fears-talks' });
    const card = (await send(msg('card/get', { entity: 'ali-khamenei' }), fromTab(9))) as CardData;
    const perspectives = card.accounts.map((a) => a.perspective.id);
    expect(card.accounts.map((a) => a.doc)).not.toContain('regime-fears-talks');
    // The page is Iranian-opposition: the other perspectives come before the rest of its own.
    const firstOwn = perspectives.indexOf('iranian-opposition');
    expect(firstOwn).toBeGreaterThan(0);
    expect(perspectives.slice(firstOwn).every((p) => p === 'iranian-opposition')).toBe(true);
  });

  it('does not recognise an unrelated page on the same talks, even on an unknown site', async () => {
    const answer = await send(msg('page/recognise', shinglesOf('unrelated-dialogue-near-miss.html')), fromTab(7));
    expect(answer).toEqual({ thisPage: null, quotes: [], paragraphs: [], cited: [] });
  });

  it('knows an outlet by its site when the text is not a corpus document', async () => {
    const page = shinglesOf('unrelated-dialogue-near-miss.html');
    const answer = (await send(msg('page/recognise', page), fromTab(7, 'https://www.jpost.com/middle-east/x'))) as PageRecognition;
    expect(answer.thisPage).toEqual({
      kind: 'outlet',
      outlet: 'The Jerusalem Post',
      perspective: { id: 'israeli', label: 'Israeli press' },
    });
    const card = (await send(msg('card/get', { entity: 'mustafa-al-kadhimi' }), fromTab(7))) as CardData;
    // No corpus document is this page: the Israeli account stays, after the others.
    expect(card.accounts.at(-1)!.perspective.id).toBe('israeli');
    expect(card.accounts[0]!.perspective.id).not.toBe('israeli');
  });

  it('lets the popup read a tab’s answer, and only the popup', async () => {
    await send(msg('page/recognise', shinglesOf('seed-isis-revival.html')), fromTab(4));
    const seen = (await send(msg('page/recognition', { tabId: 4 }), fromPopup())) as PageRecognition;
    expect(seen.thisPage?.doc).toBe('isis-revival');
    expect(await send(msg('page/recognition', { tabId: 5 }), fromPopup())).toBeNull();
    // A page cannot ask what another tab is showing.
    expect(await send(msg('page/recognition', { tabId: 4 }), fromTab(5))).toBeUndefined();
  });

  it.each([
    ['a hash that is not an unsigned 32-bit integer', { shingles: [-1], modulus: 1 }],
    ['a fractional hash', { shingles: [1.5], modulus: 1 }],
    ['a modulus that is not a power of two', { shingles: [4], modulus: 3 }],
    ['more hashes than a page may send', { shingles: Array.from({ length: 20_001 }, (_, i) => i), modulus: 1 }],
    ['extra fields', { shingles: [], modulus: 1, doc: 'iran-meddles' }],
  ])('rejects %s', async (_, data) => {
    expect(await send(msg('page/recognise', data), fromTab(7))).toBeUndefined();
  });
});

describe('source registry', () => {
  it('ships the corpus outlets and the major ones, and the reader’s edits win', async () => {
    const shipped = (await send(msg('sources/get', {}), fromPopup())) as SourceRegistry;
    const domains = shipped.sources.map((s) => s.domain);
    expect(domains).toEqual(expect.arrayContaining(['iranfocus.com', 'jpost.com', 'mek-iran.com', 'nournews.ir', 'reuters.com', 'presstv.ir']));
    expect(domains).toEqual([...domains].sort());
    expect(shipped.sources.every((s) => s.evidence)).toBe(true);

    const edits = {
      sources: [{ domain: 'WWW.Example-News.com ', outlet: 'Example News', perspective: 'iranian-state' }],
      removed: ['jpost.com'],
    };
    const edited = (await send(msg('sources/set', edits), fromPopup())) as SourceRegistry;
    const editedDomains = edited.sources.map((s) => s.domain);
    expect(editedDomains).toContain('example-news.com');
    expect(editedDomains).not.toContain('jpost.com');
    expect(editedDomains).toHaveLength(domains.length);

    const page = shinglesOf('unrelated-dialogue-near-miss.html');
    const atJpost = (await send(msg('page/recognise', page), fromTab(7, 'https://www.jpost.com/a'))) as PageRecognition;
    expect(atJpost.thisPage).toBeNull();
    const atExample = (await send(msg('page/recognise', page), fromTab(7, 'https://m.example-news.com/a'))) as PageRecognition;
    expect(atExample.thisPage).toMatchObject({ kind: 'outlet', outlet: 'Example News', perspective: { id: 'iranian-state' } });
  });

  it('refuses a malformed edit with nothing stored, and never from a page', async () => {
    const bad = { sources: [{ domain: 'not a domain', outlet: 'X', perspective: 'israeli' }], removed: [] };
    expect(await send(msg('sources/set', bad), fromPopup())).toBeUndefined();
    const good = { sources: [], removed: ['jpost.com'] };
    expect(await send(msg('sources/set', good), fromTab(7))).toBeUndefined();
    expect((await fakeBrowser.storage.local.get(SOURCES_KEY))[SOURCES_KEY]).toBeUndefined();
  });

  it('reads damaged stored edits as none rather than failing', async () => {
    await fakeBrowser.storage.local.set({ [SOURCES_KEY]: { sources: 'oops' } });
    const registry = (await send(msg('sources/get', {}), fromPopup())) as SourceRegistry;
    expect(registry.sources).toHaveLength(shippedSources.length);
  });
});
