// What the popup makes of a content script's answers (page-world data): the real popup services
// over fakeBrowser, the tab's content script played by `tabs.sendMessage`.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createPopupServices } from '../../entrypoints/popup/services';
import { parseReaderSearch } from '../../lib/card-data';

/** The tab's content script answers every message with `reply` (or does not exist, for `absent`). */
function contentScript(reply: unknown | 'absent') {
  fakeBrowser.tabs.sendMessage = vi.fn(async () => {
    if (reply === 'absent') throw new Error('Could not establish connection. Receiving end does not exist.');
    return reply;
  }) as unknown as typeof fakeBrowser.tabs.sendMessage;
}

beforeEach(() => fakeBrowser.reset());

describe('answers from a content script, as the popup reads them', () => {
  const mention = { entity: 'isis', name: 'ISIS', type: 'organization', count: 2 };
  const services = createPopupServices(undefined);

  it('lists well-formed mention counts', async () => {
    contentScript([mention]);
    expect(await services.pageMentions(3)).toEqual({ status: 'ok', mentions: [mention] });
    contentScript([]);
    expect(await services.pageMentions(3)).toEqual({ status: 'ok', mentions: [] });
  });

  it.each([
    ['an unknown type', [{ ...mention, type: 'weapon' }]],
    ['a zero count', [{ ...mention, count: 0 }]],
    ['a fractional count', [{ ...mention, count: 1.5 }]],
    ['an extra key', [{ ...mention, html: '<img onerror>' }]],
    ['not a list', { 0: mention }],
  ])('says the page gave an answer it could not read, for %s', async (_what, reply) => {
    contentScript(reply);
    expect(await services.pageMentions(3)).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/could not read/) });
  });

  it('says Backstory is not running there when no content script answers', async () => {
    contentScript('absent');
    expect(await services.pageMentions(3)).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/not running/) });
    contentScript(undefined);
    expect(await services.pageMentions(3)).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/not running/) });
  });

  it('takes a reveal only when the page says it did, and junk as no', async () => {
    contentScript({ ok: true });
    expect(await services.reveal(3, 'isis', 0)).toBe(true);
    for (const reply of [{ ok: 'yes' }, undefined, 'absent']) {
      contentScript(reply);
      expect(await services.reveal(3, 'isis', 0)).toBe(false);
    }
  });

  it('takes the site from the content script when the browser hides the tab’s URL, and ignores junk', async () => {
    const tab = await fakeBrowser.tabs.create({});
    const about = createPopupServices(tab.id);
    for (const host of ['news.example', '127.0.0.1']) {
      contentScript({ host });
      expect(await about.targetTab()).toEqual({ status: 'ok', tabId: tab.id, host });
    }
    for (const reply of [{ host: 'evil.example/<script>' }, { host: '' }, 'absent']) {
      contentScript(reply);
      expect(await about.targetTab()).toEqual({ status: 'not-web' });
    }
  });
});

describe('reader links', () => {
  it('take the passage as `passage` or its short form `p`', () => {
    expect(parseReaderSearch('?doc=a&passage=a:1:0').passage).toBe('a:1:0');
    expect(parseReaderSearch('?doc=a&p=a:1:0').passage).toBe('a:1:0');
  });
});
