// The background's router with its real handlers: valid messages are answered from the fixture
// knowledge base; anything malformed, unknown or from the wrong sender is refused and changes nothing.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SETTINGS_KEY } from '../../entrypoints/background/settings';
import type { CardData } from '../../lib/messages';
import { extractionKey } from '../../lib/kb/gazetteer';
import { fixtureKb, fixtureMatcher } from './fixture-kb';
import { fromPopup, fromTab, msg, PAGE_URL as pageUrl, send, useBackground, type Sender } from './setup';

const bg = useBackground();

describe('background router: valid messages', () => {
  it('matcher/get answers the matcher and this site’s settings', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { paused: false, disabledSites: ['other.example'], suppressed: { 'news.example': ['isis'] } },
    });
    const reply = await send(msg('matcher/get', { url: pageUrl }), fromTab());
    // The matcher the builder compiled and stored, stamped with its extraction key.
    expect(reply).toEqual({ matcher: { ...fixtureMatcher, kbVersion: extractionKey(fixtureMatcher) }, settings: { enabled: true, suppressed: ['isis'] } });
  });

  it('matcher/get reports spotting off on a disabled site and when paused', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { paused: false, disabledSites: ['news.example'], suppressed: {} } });
    expect(await send(msg('matcher/get', { url: pageUrl }), fromTab())).toMatchObject({ settings: { enabled: false } });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { paused: true, disabledSites: [], suppressed: {} } });
    const elsewhere = 'https://elsewhere.example/';
    expect(await send(msg('matcher/get', { url: elsewhere }), fromTab(elsewhere))).toMatchObject({ settings: { enabled: false } });
  });

  it('card/get seeds the database on first use and answers the card', async () => {
    const card = (await send(msg('card/get', { entity: 'popular-mobilization-units' }), fromTab())) as CardData;
    expect(card.name).toBe('Popular Mobilization Units');
    expect(card.accounts.map((a) => a.perspective.id)).toEqual(['israeli', 'iranian-state']);
    expect(card.accounts[0]!.readerUrl).toBe(
      `chrome-extension://${fakeBrowser.runtime.id}/reader.html?doc=iran-meddles&passage=iran-meddles%3A4%3A1`,
    );
    expect(card.related.map((r) => r.id)).toEqual(['mustafa-al-kadhimi']);
    expect(card.documentTotal).toBe(fixtureKb.documents.length);
    expect(await bg.db.entities.count()).toBe(fixtureKb.entities.length);
  });

  it('card/get from the popup is answered too; an unknown entity gets null', async () => {
    expect(await send(msg('card/get', { entity: 'qasem-soleimani' }), fromPopup())).toMatchObject({ name: 'Qasem Soleimani' });
    expect(await send(msg('card/get', { entity: 'nobody' }), fromPopup())).toBeNull();
  });

  it('suppress/add adds to the sender’s site only and tells that site’s tabs', async () => {
    const sameSite = await fakeBrowser.tabs.create({ url: 'https://news.example/other' });
    await fakeBrowser.tabs.create({ url: 'https://elsewhere.example/' });
    expect(await send(msg('suppress/add', { entity: 'isis' }), fromTab())).toEqual({ ok: true });
    expect(await send(msg('suppress/add', { entity: 'isis' }), fromTab())).toEqual({ ok: true });
    expect((await bg.storedSettings())?.suppressed).toEqual({ 'news.example': ['isis'] });
    expect(bg.sentToTabs).toHaveBeenCalledWith(sameSite.id, {
      backstory: 1,
      name: 'settings/changed',
      data: { settings: { enabled: true, suppressed: ['isis'] } },
    });
    // The sender's own tab (7) is told as well; a tab on another site never is.
    expect(new Set(bg.sentToTabs.mock.calls.map(([tabId]) => tabId))).toEqual(new Set([sameSite.id, 7]));
  });

  it('refuses to suppress the matcher’s internal blockers and topic words, which no reader sees', async () => {
    const withInternal = {
      ...fixtureMatcher,
      entities: [
        ...fixtureMatcher.entities,
        { id: 'blocker:kadhimiya', name: 'al-Kadhimiya', type: 'place' as const, blocker: true as const },
        { id: 'topic:militias', name: 'militias', type: 'organization' as const, topic: true as const },
      ],
    };
    bg.restart({ matcher: withInternal });
    expect(await send(msg('suppress/add', { entity: 'blocker:kadhimiya' }), fromTab())).toBeUndefined();
    expect(await send(msg('suppress/add', { entity: 'topic:militias' }), fromTab())).toBeUndefined();
    expect((await bg.storedSettings())?.suppressed ?? {}).toEqual({});
  });

  it('keeps both of two quick "not this" clicks', async () => {
    await Promise.all([
      send(msg('suppress/add', { entity: 'isis' }), fromTab()),
      send(msg('suppress/add', { entity: 'iraq' }), fromTab()),
    ]);
    expect((await bg.storedSettings())?.suppressed['news.example']?.sort()).toEqual(['iraq', 'isis']);
  });
});

describe('background router: rejected messages change nothing', () => {
  const rejected: [what: string, message: unknown, sender: () => Sender][] = [
    ['an unknown name', msg('highlights/list', {}), fromTab],
    ['a message without the envelope', { name: 'suppress/add', data: { entity: 'isis' } }, fromTab],
    ['a wrong envelope version', { backstory: 2, name: 'suppress/add', data: { entity: 'isis' } }, fromTab],
    ['extra keys in data', msg('suppress/add', { entity: 'isis', host: 'bank.example' }), fromTab],
    ['a non-string entity', msg('suppress/add', { entity: ['isis'] }), fromTab],
    ['an over-long entity id', msg('suppress/add', { entity: 'x'.repeat(129) }), fromTab],
    ['an entity the knowledge base does not know', msg('suppress/add', { entity: 'made-up-id' }), fromTab],
    ['a non-http matcher url', msg('matcher/get', { url: 'javascript:alert(1)' }), fromTab],
    ['another extension', msg('suppress/add', { entity: 'isis' }), () => ({ ...fromTab(), id: 'other-extension' })],
    ['a content message from outside a tab', msg('suppress/add', { entity: 'isis' }), () => ({ id: fakeBrowser.runtime.id, url: pageUrl })],
    ['a content message from a non-web tab', msg('suppress/add', { entity: 'isis' }), () => fromTab('file:///home/me/notes.html')],
    ['a content-only message from the popup', msg('suppress/add', { entity: 'isis' }), fromPopup],
    [
      'a page message from a web page posing as one',
      msg('card/get', { entity: 'isis' }),
      () => ({ id: fakeBrowser.runtime.id, url: `https://evil.example/?${fakeBrowser.runtime.getURL('/')}` }),
    ],
    ['no message at all', undefined, fromTab],
  ];

  it.each(rejected)('rejects %s', async (_what, message, sender) => {
    expect(await send(message, sender())).toBeUndefined();
    expect(bg.warn).toHaveBeenCalled();
    expect(await bg.storedSettings()).toBeUndefined();
    expect(bg.sentToTabs).not.toHaveBeenCalled();
  });

  it('answers a card to a web page that sends a valid message only from a tab of its own', async () => {
    // A web page cannot reach runtime.onMessage at all; what arrives with a tab and an http(s)
    // url is a content script, which may ask for cards.
    expect(await send(msg('card/get', { entity: 'isis' }), fromTab())).toMatchObject({ id: 'isis' });
  });
});
