// "Read in context" and "Open in Backstory" from a card on a web page: the background opens the
// extension page in a tab beside the sender's, only for well-formed requests from a tab.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { createHandlers } from '../../entrypoints/background/handlers';
import { createKnowledge } from '../../entrypoints/background/knowledge';
import { registerRouter } from '../../entrypoints/background/router';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { fixtureKb, fixtureMatcher } from './fixture-kb';

let db: BackstoryDb;
let n = 0;
let created: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  db = openBackstoryDb(`open-pages-test-${++n}`);
  registerRouter(createHandlers(createKnowledge(db, fixtureKb), fixtureMatcher));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  created = vi.fn(async (props: { url: string }) => ({ id: 99, url: props.url }));
  fakeBrowser.tabs.create = created as unknown as typeof fakeBrowser.tabs.create;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
const send = (message: unknown, sender: Browser.runtime.MessageSender) =>
  new Promise((resolve) => void trigger(message, sender, resolve));
const url = 'https://news.example/a';
const fromTab = { id: fakeBrowser.runtime.id, url, tab: { id: 7, url } as Browser.tabs.Tab };
const msg = (name: string, data: unknown) => ({ backstory: 1, name, data });
const entity = fixtureMatcher.entities[0]!.id;

describe('opening extension pages from a card', () => {
  it('reader/open opens the reader at the passage, beside the sender’s tab', async () => {
    await expect(send(msg('reader/open', { doc: 'iran-meddles', passage: 'iran-meddles:6:1' }), fromTab)).resolves.toEqual({ ok: true });
    const props = created.mock.calls[0]![0] as { url: string; openerTabId: number };
    expect(props.openerTabId).toBe(7);
    const opened = new URL(props.url);
    expect(opened.pathname).toBe('/reader.html');
    expect(Object.fromEntries(opened.searchParams)).toEqual({ doc: 'iran-meddles', passage: 'iran-meddles:6:1' });
  });

  it('entity/open opens the entity view for a known entity', async () => {
    await expect(send(msg('entity/open', { entity }), fromTab)).resolves.toEqual({ ok: true });
    const opened = new URL((created.mock.calls[0]![0] as { url: string }).url);
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
    expect(created).not.toHaveBeenCalled();
  });

  it('opens nothing for a sender that is not a tab of a web page', async () => {
    const other = { id: 'another-extension', url, tab: fromTab.tab };
    await expect(send(msg('entity/open', { entity }), other)).resolves.toBeUndefined();
    expect(created).not.toHaveBeenCalled();
  });
});
