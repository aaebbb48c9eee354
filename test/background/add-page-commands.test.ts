// "Add this page" from the context menu and the keyboard command: both open Your documents with
// the preview of that tab's page, in a new tab right after it; nothing else does.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { ADD_COMMAND, ADD_MENU_ID, addPagePreviewUrl, registerAddPageCommands } from '../../entrypoints/background/add-page-commands';
import { installFakeContextMenus } from './fake-context-menus';

const page = { id: 12, index: 3, windowId: 2 } as Browser.tabs.Tab;
const menuClick = (menuItemId: string) => ({ menuItemId, editable: false, pageUrl: 'https://news.example/a' }) as Browser.contextMenus.OnClickData;

let fake: ReturnType<typeof installFakeContextMenus>;
let create: { mock: { calls: unknown[][] } };
beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  fake = installFakeContextMenus();
  create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as Browser.tabs.Tab);
  registerAddPageCommands();
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Add this page from the browser', () => {
  it('puts "Add this page to Backstory" on web pages’ context menu at install', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await settle();
    expect(fake.items).toEqual([
      expect.objectContaining({ id: ADD_MENU_ID, title: 'Add this page to Backstory', contexts: ['page'], documentUrlPatterns: ['http://*/*', 'https://*/*'] }),
    ]);
  });

  it('opens the preview of the clicked page in a tab next to it', async () => {
    fake.click(menuClick(ADD_MENU_ID), page);
    await settle();
    expect(create).toHaveBeenCalledWith({ url: addPagePreviewUrl(12), openerTabId: 12, windowId: 2, index: 4 });
    expect(addPagePreviewUrl(12)).toBe(`${fakeBrowser.runtime.getURL('/corpus.html')}?add=12`);
  });

  it('opens the same preview from the keyboard command, for the active tab when the browser names none', async () => {
    fake.command(ADD_COMMAND, page);
    await settle();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5, index: 0, windowId: 1 } as Browser.tabs.Tab]);
    fake.command(ADD_COMMAND);
    await settle();
    expect(create.mock.calls.map((call) => (call[0] as { url: string }).url)).toEqual([addPagePreviewUrl(12), addPagePreviewUrl(5)]);
  });

  it('ignores other menu items and commands', async () => {
    fake.click(menuClick('backstory-save-highlight'), page);
    fake.command('save-highlight', page);
    await settle();
    expect(create).not.toHaveBeenCalled();
  });
});
