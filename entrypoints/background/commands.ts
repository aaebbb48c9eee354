/**
 * Keyboard commands from the manifest's `commands`: `open-card` asks the active tab's
 * content script to open the card for the mention at or after the caret (or the next one when
 * a card is already open). Pages never see the command; only the browser can send it.
 */
import { browser, type Browser } from 'wxt/browser';
import { askTab } from './content-client';

export const OPEN_CARD_COMMAND = 'open-card';

export async function runCommand(command: string, tab?: Browser.tabs.Tab): Promise<boolean> {
  if (command !== OPEN_CARD_COMMAND) return false;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return false;
  // A tab without our content script (a browser page, a paused site) has no one to answer.
  const answer = await askTab(tabId, 'card/open-at-caret', {}).catch(() => undefined);
  return answer?.ok === true;
}

export function registerCommands(): void {
  browser.commands.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => {
    void runCommand(command, tab);
  });
}
