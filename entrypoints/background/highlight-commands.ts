/**
 * The two ways to save a selection that the browser owns: the context-menu item
 * "Save highlight to Backstory" and the `save-highlight` keyboard command. Both ask the tab's
 * content script to save its current selection: only it knows where the selection is in the
 * page's text (the menu's `selectionText` has no position or context).
 */
import { browser, type Browser } from 'wxt/browser';
import { askTab } from './content-client';

export const SAVE_MENU_ID = 'backstory-save-highlight';
export const SAVE_COMMAND = 'save-highlight';

async function saveSelectionIn(tabId: number | undefined): Promise<boolean> {
  if (tabId === undefined || tabId < 0) return false;
  // A tab without our content script (a browser page, a store page) has nothing to save.
  const answer = await askTab(tabId, 'highlights/save-selection', {}).catch(() => undefined);
  return answer?.ok === true;
}

export function onSaveMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<boolean> {
  if (info.menuItemId !== SAVE_MENU_ID) return Promise.resolve(false);
  return saveSelectionIn(tab?.id);
}

export async function onSaveCommand(command: string, tab?: Browser.tabs.Tab): Promise<boolean> {
  if (command !== SAVE_COMMAND) return false;
  const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return saveSelectionIn(target?.id);
}

/** Registered synchronously at start-up, like every listener (an event may have woken us). */
export function registerHighlightCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    // Menus persist across restarts; re-creating on install/update replaces the old one.
    browser.contextMenus.remove(SAVE_MENU_ID).catch(() => undefined).finally(() => {
      browser.contextMenus.create({ id: SAVE_MENU_ID, title: 'Save highlight to Backstory', contexts: ['selection'] });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onSaveMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onSaveCommand(command, tab));
  // Playwright cannot click a native context menu or press a browser shortcut: end-to-end tests
  // call these same handlers from the service worker's console. Only code running inside the
  // extension's own worker can reach this global; pages and content scripts cannot.
  (globalThis as { backstoryTestHooks?: unknown }).backstoryTestHooks = { onSaveMenuClicked, onSaveCommand };
}
