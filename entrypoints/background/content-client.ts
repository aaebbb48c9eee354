/**
 * The background's typed line to the content script of a tab (`toContent` in lib/messages.ts):
 * `askTab(tabId, 'page/site', {})`. The answer is parsed: it comes from inside a web page.
 */
import { browser } from 'wxt/browser';
import { toContent, type MessageName, type Request, type ToContent } from '../../lib/messages';
import { tabSender } from '../../lib/messaging';

export const askTab = tabSender(toContent, (tabId, envelope) => browser.tabs.sendMessage(tabId, envelope));

/**
 * Tell a tab something and expect nothing back. A tab whose content script is not running (a
 * browser page, still loading, discarded, opened before install) has no one to answer; it reads
 * fresh state when its script starts.
 */
export async function tellTab<K extends MessageName<ToContent>>(tabId: number, name: K, data: Request<ToContent, K>): Promise<void> {
  await askTab(tabId, name, data).catch(() => undefined);
}
