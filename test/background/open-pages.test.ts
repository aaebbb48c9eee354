// "Read in context" and "Open in Backstory" from a card on a web page: the background opens the
// extension page in a tab beside the sender's, only for well-formed requests from a tab.
import { describe, expect, it } from 'vitest';
import { fixtureMatcher } from './fixture-kb';
import { fromTab as tab, msg, send, useBackground } from './setup';

const bg = useBackground();
const url = 'https://news.example/a';
const fromTab = tab(url);
const entity = fixtureMatcher.entities[0]!.id;

describe('opening extension pages from a card', () => {
  it('reader/open opens the reader at the passage, beside the sender’s tab', async () => {
    await expect(send(msg('reader/open', { doc: 'iran-meddles', passage: 'iran-meddles:6:1' }), fromTab)).resolves.toEqual({ ok: true });
    const props = bg.createdTabs.mock.calls[0]![0] as { url: string; openerTabId: number };
    expect(props.openerTabId).toBe(7);
    const opened = new URL(props.url);
    expect(opened.pathname).toBe('/reader.html');
    expect(Object.fromEntries(opened.searchParams)).toEqual({ doc: 'iran-meddles', passage: 'iran-meddles:6:1' });
  });

  it('entity/open opens the entity view for a known entity', async () => {
    await expect(send(msg('entity/open', { entity }), fromTab)).resolves.toEqual({ ok: true });
    const opened = new URL((bg.createdTabs.mock.calls[0]![0] as { url: string }).url);
    expect(opened.pathname).toBe('/popup.html');
    expect(opened.searchParams.get('entity')).toBe(entity);
  });

  it.each([
    ['a passage of another document', msg('reader/open', { doc: 'iran-meddles', passage: 'isis-revival:1:0' })],
    ['a path in the passage', msg('reader/open', { doc: 'iran-meddles', passage: '../popup.html' })],
    ['an extra key', msg('reader/open', { doc: 'iran-meddles', passage: 'iran-meddles:6:1', url: 'https://evil' })],
    ['an unknown entity', msg('entity/open', { entity: 'made-up' })],
  ])('opens nothing for %s', async (_what, message) => {
    await expect(send(message, fromTab)).resolves.toBeUndefined();
    expect(bg.createdTabs).not.toHaveBeenCalled();
  });

  it('opens nothing for a sender that is not a tab of a web page', async () => {
    const other = { id: 'another-extension', url, tab: fromTab.tab };
    await expect(send(msg('entity/open', { entity }), other)).resolves.toBeUndefined();
    expect(bg.createdTabs).not.toHaveBeenCalled();
  });
});
