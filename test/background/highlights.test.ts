/**
 * The background's highlight messages through the real router (valibot schemas, sender checks)
 * over fake-indexeddb: a content script saves and reads only its own site's highlights, the
 * entities come from the matcher not the page, a full disk is reported as retryable, and the
 * popup lists, edits, deletes/restores, exports and imports.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { HighlightRow } from '../../lib/storage/types';
import { starterMatcher } from '../../lib/storage/starter-matcher';
import { fromPopup, fromTab, msg, PAGE_URL as pageUrl, send, useBackground } from './setup';

// The real matcher: entities are found in the quote by the same engine the content script uses.
const bg = useBackground({ matcher: starterMatcher });
const draft = {
  url: `${pageUrl}#comments`,
  canonicalUrl: pageUrl,
  title: 'Talks',
  quote: 'Prime Minister Kadhimi met the delegation',
  prefix: 'On Thursday, ',
  suffix: ' in Baghdad.',
  start: 13,
  end: 54,
  note: '',
};

async function save(sender = fromTab(), data: object = draft) {
  return (await send(msg('highlights/save', data), sender)) as { ok: boolean; highlight: HighlightRow; error?: string; retry?: boolean };
}

describe('highlights from a content script', () => {
  it('saves with entities found by the matcher, site and timestamps, and lists it for the page', async () => {
    const saved = await save();
    expect(saved.ok).toBe(true);
    expect(saved.highlight).toMatchObject({ ...draft, site: 'news.example', canonicalUrl: pageUrl, entities: ['mustafa-al-kadhimi'], tags: [] });
    expect(saved.highlight.createdAt).toBe(saved.highlight.updatedAt);
    const forPage = (await send(msg('highlights/for-page', { url: pageUrl, canonicalUrl: pageUrl }), fromTab())) as { highlights: HighlightRow[] };
    expect(forPage.highlights.map((h) => h.id)).toEqual([saved.highlight.id]);
  });

  it('never files a highlight under, or reads one from, another site', async () => {
    const other = await save(fromTab('https://evil.example/x'), draft);
    expect(other).toMatchObject({ ok: false, retry: false });
    const saved = await save();
    const evil = fromTab('https://evil.example/x', 9);
    const peek = (await send(msg('highlights/for-page', { url: 'https://evil.example/x', canonicalUrl: pageUrl }), evil)) as { highlights: HighlightRow[] };
    expect(peek.highlights).toEqual([]);
    expect(await send(msg('highlights/remove', { id: saved.highlight.id }), evil)).toEqual({ ok: false });
    expect(await send(msg('highlights/note', { id: saved.highlight.id, note: 'pwned' }), evil)).toEqual({ ok: false });
    expect((await bg.db.highlights.get(saved.highlight.id))?.note).toBe('');
    // A canonical URL on another site is not believed either.
    const spoofed = await save(fromTab(), { ...draft, canonicalUrl: 'https://evil.example/x' });
    expect(spoofed.highlight.canonicalUrl).toBe(pageUrl);
  });

  it('refuses malformed drafts and popup-only messages', async () => {
    expect(await save(fromTab(), { ...draft, start: 60 })).toBeUndefined();
    expect(await save(fromTab(), { ...draft, url: 'javascript:alert(1)' })).toBeUndefined();
    expect(await send(msg('highlights/list', {}), fromTab())).toBeUndefined();
    expect(await bg.db.highlights.count()).toBe(0);
  });

  it('reports a full disk as retryable and keeps nothing half-written', async () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const put = vi.spyOn(bg.db.highlights, 'put').mockRejectedValueOnce(Object.assign(new Error('abort'), { name: 'AbortError', inner: quota }));
    const failed = await save();
    expect(failed).toMatchObject({ ok: false, retry: true });
    expect(failed.error).toMatch(/storage is full/i);
    put.mockRestore();
    // Retry from the page: the kept copy is written, and the retried save is the same highlight.
    const retried = await save();
    expect(retried.ok).toBe(true);
    expect(await bg.db.highlights.count()).toBe(1);
    expect((await save()).highlight.id).toBe(retried.highlight.id);
  });

  it('keeps a highlight the full disk refused, and writes it once there is room', async () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const put = vi.spyOn(bg.db.highlights, 'put').mockRejectedValue(quota);
    const failed = await save();
    expect(failed).toMatchObject({ ok: false, retry: true });
    expect(await bg.db.highlights.count()).toBe(0);
    put.mockRestore();
    // The reader closed the notice; opening the popup's list writes the kept highlight.
    const list = (await send(msg('highlights/list', {}), fromPopup())) as HighlightRow[];
    expect(list.map((h) => h.quote)).toEqual([draft.quote]);
    expect((await fakeBrowser.storage.local.get('unsavedHighlights')).unsavedHighlights).toEqual([]);
  });

  it('records orphans only for its own site', async () => {
    const saved = await save();
    await send(msg('highlights/anchored', { anchored: [], orphans: [saved.highlight.id] }), fromTab('https://evil.example/x', 9));
    expect((await bg.db.highlights.get(saved.highlight.id))?.anchor).toBeUndefined();
    await send(msg('highlights/anchored', { anchored: [], orphans: [saved.highlight.id] }), fromTab());
    expect((await bg.db.highlights.get(saved.highlight.id))?.anchor?.status).toBe('orphan');
  });
});

describe('highlights from the popup', () => {
  it('lists, updates, deletes and restores', async () => {
    const a = (await save()).highlight;
    const b = (await save(fromTab(), { ...draft, quote: 'the delegation', start: 40, end: 54 })).highlight;
    const list = (await send(msg('highlights/list', {}), fromPopup())) as HighlightRow[];
    expect(list.map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
    const updated = (await send(msg('highlights/update', { id: a.id, note: 'n', tags: ['x', 'x', 'y'] }), fromPopup())) as HighlightRow;
    expect(updated).toMatchObject({ note: 'n', tags: ['x', 'y'] });
    const deleted = (await send(msg('highlights/delete', { id: a.id }), fromPopup())) as HighlightRow;
    expect(await bg.db.highlights.count()).toBe(1);
    expect(await send(msg('highlights/restore', { highlight: deleted }), fromPopup())).toEqual({ ok: true });
    expect(await bg.db.highlights.get(a.id)).toEqual(updated);
  });

  it('exports JSON that imports back into an empty database identically', async () => {
    await save();
    await save(fromTab(), { ...draft, quote: 'the delegation', start: 40, end: 54 });
    const before = await bg.db.highlights.toArray();
    const file = (await send(msg('highlights/export', { format: 'json' }), fromPopup())) as { filename: string; text: string };
    expect(file.filename).toMatch(/^backstory-highlights-\d{4}-\d\d-\d\d\.json$/);
    await bg.db.highlights.clear();
    expect(await send(msg('highlights/import', { text: file.text }), fromPopup())).toEqual({ ok: true, added: 2, updated: 0, unchanged: 0 });
    expect(await bg.db.highlights.toArray()).toEqual(before);
    const refused = (await send(msg('highlights/import', { text: '[1,2' }), fromPopup())) as { ok: boolean; error: string };
    expect(refused).toEqual({ ok: false, error: 'The file is not JSON.' });
    expect(await bg.db.highlights.count()).toBe(2);
  });
});
