/**
 * The corpus messages through the real router: a page the popup adds is quoted on the next card
 * at once and every open tab and extension page is told; a web page's content script can never
 * add, remove or read documents (refused, nothing changed); labelling an outlet relabels its
 * documents on cards; the tab's article is read by the injected article reader only.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { DocumentDraft } from '../../lib/corpus/draft';
import type { AddDocumentResult, ArticlePreview, CardData, PackSummary } from '../../lib/messages';
import { fromPopup, fromTab, msg, send, useBackground } from './setup';

const bg = useBackground();

const DRAFT: DocumentDraft = {
  title: 'Kadhimi tells militias the state decides',
  paragraphs: [
    'Mustafa al-Kadhimi told the leaders of the Popular Mobilization Units that the state alone decides on war and peace.',
    'Kadhimi spoke in Baghdad after a week of rocket attacks.',
  ],
  url: 'https://smallpaper.example/kadhimi',
  domain: 'smallpaper.example',
  outlet: 'The Small Paper',
  published: '2020-07-05',
  origin: { kind: 'page', url: 'https://smallpaper.example/kadhimi' },
};

describe('corpus messages', () => {
  it('adds a document from the popup: the next card quotes it, and open tabs and pages are told', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const toPages = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const added = (await send(msg('corpus/add', { draft: DRAFT, edits: {} }), fromPopup())) as AddDocumentResult;
    expect(added).toMatchObject({ ok: true, document: { title: DRAFT.title, outlet: 'The Small Paper', perspective: null, names: 2 } });
    const id = added.ok ? added.document.id : '';
    const card = (await send(msg('card/get', { entity: 'mustafa-al-kadhimi' }), fromTab())) as CardData;
    expect(card.documentCount).toBe(5);
    expect(card.accounts.map((a) => a.doc)).toContain(id);
    expect(bg.sentToTabs).toHaveBeenCalledWith(tab.id, expect.objectContaining({ name: 'kb/changed', data: expect.objectContaining({ matcherChanged: false }) }));
    expect(toPages).toHaveBeenCalledWith(expect.objectContaining({ name: 'kb/changed', data: expect.objectContaining({ added: [id] }) }));
    // Twice is refused, and says which document it is.
    expect(await send(msg('corpus/add', { draft: DRAFT, edits: {} }), fromPopup())).toMatchObject({ ok: false, duplicate: { doc: id, reason: 'address' } });
    // Removed: its account is gone from cards.
    expect(await send(msg('corpus/remove', { docs: [id] }), fromPopup())).toEqual({ removed: 1 });
    const after = (await send(msg('card/get', { entity: 'mustafa-al-kadhimi' }), fromTab())) as CardData;
    expect(after.accounts.map((a) => a.doc)).not.toContain(id);
  });

  it('refuses every corpus message from a web page’s content script, and nothing changes', async () => {
    const names = [
      ['corpus/add', { draft: DRAFT, edits: {} }],
      ['corpus/add-tab', { tabId: 7 }],
      ['corpus/preview', { tabId: 7 }],
      ['corpus/remove', { docs: ['iran-meddles'] }],
      ['corpus/starter', { installed: false }],
      ['corpus/packs', {}],
      ['corpus/import-start', { expected: 1 }],
      ['sources/label', { domain: 'smallpaper.example', outlet: 'The Small Paper', perspective: 'israeli' }],
    ] as const;
    await send(msg('card/get', { entity: 'isis' }), fromTab()); // installed
    const before = await bg.snapshot();
    for (const [name, data] of names) expect(await send(msg(name, data), fromTab('https://evil.example/', 3)), name).toBeUndefined();
    expect(await bg.snapshot()).toEqual(before);
    expect(bg.executeScript).not.toHaveBeenCalled();
  });

  it('labels an outlet once for all its documents', async () => {
    const added = (await send(msg('corpus/add', { draft: DRAFT, edits: {} }), fromPopup())) as AddDocumentResult;
    const id = added.ok ? added.document.id : '';
    const registry = await send(msg('sources/label', { domain: 'smallpaper.example', outlet: 'The Small Paper', perspective: 'israeli' }), fromPopup());
    expect(registry).toMatchObject({ edits: { sources: [{ domain: 'smallpaper.example', perspective: 'israeli' }] } });
    const card = (await send(msg('card/get', { entity: 'mustafa-al-kadhimi' }), fromTab())) as CardData;
    expect(card.accounts.find((a) => a.doc === id)?.perspective.id).toBe('israeli');
    expect(await send(msg('sources/label', { domain: 'smallpaper.example', outlet: 'x', perspective: 'no-such-side' }), fromPopup())).toBeUndefined();
  });

  it('previews a tab’s article through the injected reader only, and says when there is none', async () => {
    const preview = (await send(msg('corpus/preview', { tabId: 7 }), fromPopup())) as ArticlePreview;
    expect(preview).toMatchObject({ ok: false });
    expect(bg.executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7, frameIds: [0] }, files: ['/article-reader.js'] }));
    bg.executeScript.mockImplementation(async (injection: unknown) => [{ frameId: 0, result: (injection as { func?: unknown }).func ? { ok: true, value: DRAFT } : undefined }]);
    const read = (await send(msg('corpus/preview', { tabId: 7 }), fromPopup())) as ArticlePreview;
    expect(read).toMatchObject({ ok: true, draft: { title: DRAFT.title }, label: { outlet: 'The Small Paper', perspective: null }, duplicate: null });
    // A page's reply that is not a draft is refused with the reason.
    bg.executeScript.mockImplementation(async () => [{ frameId: 0, result: { ok: true, value: { title: 42 } } }]);
    expect(await send(msg('corpus/preview', { tabId: 7 }), fromPopup())).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it('lists the starter corpus among the packs, removable and restorable', async () => {
    const packs = (await send(msg('corpus/packs', {}), fromPopup())) as PackSummary[];
    expect(packs).toEqual([expect.objectContaining({ starter: true, installed: true, documents: 4 })]);
    expect(await send(msg('corpus/starter', { installed: false }), fromPopup())).toMatchObject({ installed: false, documents: 0 });
    expect(((await send(msg('card/get', { entity: 'mustafa-al-kadhimi' }), fromTab())) as CardData).accounts).toEqual([]);
    expect(await send(msg('corpus/starter', { installed: true }), fromPopup())).toMatchObject({ installed: true, documents: 4 });
  });
});
