/**
 * "Add this page" where the browser owns the gesture: the context-menu item "Add this page to
 * Backstory" and the `add-page` keyboard command. Both open *Your documents* for that tab
 * (`corpus.html?add=<tab>`) in a new tab right next to it, with the same preview as the popup's
 * Add this page: the reader checks title, outlet, date and perspective before anything is saved,
 * and the preview page does the adding.
 *
 * Why a tab and not the popup: `action.openPopup()` opens only under conditions that differ by
 * browser (Firefox: inside a user action's handler; Chrome: with a focused browser window), and
 * a popup closes as soon as focus moves; a tab opens the same way in both browsers, stays while
 * the reader checks the fields, and keeps their page one tab away. Pages never see any of this: only the
 * browser sends menu clicks and commands.
 */
import { browser, type Browser } from 'wxt/browser';

export const ADD_MENU_ID = 'backstory-add-page';
export const ADD_COMMAND = 'add-page';

/** *Your documents* with the preview of tab `tabId`'s page. */
export function addPagePreviewUrl(tabId: number): string {
  return `${browser.runtime.getURL('/corpus.html')}?add=${tabId}`;
}

async function openPreviewFor(tab: Browser.tabs.Tab | undefined): Promise<boolean> {
  if (tab?.id === undefined || tab.id < 0) return false;
  await browser.tabs.create({
    url: addPagePreviewUrl(tab.id),
    openerTabId: tab.id,
    windowId: tab.windowId,
    ...(tab.index >= 0 ? { index: tab.index + 1 } : {}),
  });
  return true;
}

export function onAddMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<boolean> {
  if (info.menuItemId !== ADD_MENU_ID) return Promise.resolve(false);
  return openPreviewFor(tab);
}

export async function onAddCommand(command: string, tab?: Browser.tabs.Tab): Promise<boolean> {
  if (command !== ADD_COMMAND) return false;
  return openPreviewFor(tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]);
}

/** Registered synchronously at start-up, like every listener (an event may have woken us). */
export function registerAddPageCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    // Menus persist across restarts; re-creating on install/update replaces the old one.
    browser.contextMenus.remove(ADD_MENU_ID).catch(() => undefined).finally(() => {
      browser.contextMenus.create({
        id: ADD_MENU_ID,
        title: 'Add this page to Backstory',
        contexts: ['page'],
        // Only web pages can be read as articles.
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onAddMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onAddCommand(command, tab));
  // No driver can click a native menu or press a browser shortcut: end-to-end tests call these
  // handlers from the background, beside the highlight commands' (highlight-commands.ts).
  const hooks = ((globalThis as { backstoryTestHooks?: Record<string, unknown> }).backstoryTestHooks ??= {});
  Object.assign(hooks, { onAddMenuClicked, onAddCommand });
}
