/**
 * Lazy page UI (issue 7): `ui/load` injects /page-ui.js into the sending frame only — the tab
 * and frame the browser attests, never anything the message could name — and nothing else may
 * ask for it.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { createHandlers } from '../../entrypoints/background/handlers';
import { createKnowledge } from '../../entrypoints/background/knowledge';
import { PAGE_UI_FILE } from '../../entrypoints/background/page-ui';
import { registerRouter } from '../../entrypoints/background/router';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { fixtureKb, fixtureMatcher } from './fixture-kb';

type Sender = Browser.runtime.MessageSender;

let db: BackstoryDb;
let n = 0;
let executeScript: ReturnType<typeof vi.fn>;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeBrowser.reset();
  db = openBackstoryDb(`page-ui-test-${++n}`);
  registerRouter(createHandlers(createKnowledge(db, fixtureKb), fixtureMatcher));
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // fakeBrowser has no scripting API: record what the background injects.
  executeScript = vi.fn(async () => [{ frameId: 0, result: undefined }]);
  (fakeBrowser as unknown as { scripting: { executeScript: typeof executeScript } }).scripting = { executeScript };
});

afterEach(async () => {
  warn.mockRestore();
  await db.delete();
});

const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
function send(message: unknown, sender: Sender): Promise<unknown> {
  return new Promise((resolve) => void trigger(message, sender, resolve));
}

const pageUrl = 'https://news.example/iraq/talks';
const fromFrame = (frameId: number | undefined, tabId = 7): Sender => ({
  id: fakeBrowser.runtime.id,
  url: pageUrl,
  frameId,
  tab: { id: tabId, url: pageUrl, index: 0, windowId: 1, active: true, highlighted: true, pinned: false, incognito: false } as Browser.tabs.Tab,
});
const msg = (name: string, data: unknown) => ({ backstory: 1, name, data });

describe('ui/load', () => {
  it('injects the page UI file into the sender’s own tab and frame', async () => {
    expect(await send(msg('ui/load', {}), fromFrame(3, 12))).toEqual({ ok: true });
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12, frameIds: [3] }, files: [PAGE_UI_FILE] });
  });

  it('uses the top frame when the browser names none', async () => {
    await send(msg('ui/load', {}), fromFrame(undefined));
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: [PAGE_UI_FILE] });
  });

  it('refuses a message that names its own target, and extension pages', async () => {
    expect(await send(msg('ui/load', { tabId: 99, frameIds: [0] }), fromFrame(0))).toBeUndefined();
    const popup: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    expect(await send(msg('ui/load', {}), popup)).toBeUndefined();
    const otherExtension: Sender = { ...fromFrame(0), id: 'someone-else' };
    expect(await send(msg('ui/load', {}), otherExtension)).toBeUndefined();
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('answers nothing (and the content script retries later) when injection fails', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await send(msg('ui/load', {}), fromFrame(0))).toBeUndefined();
  });
});
