/**
 * Who sent a message, decided from what the browser attests (`sender`), never from the
 * message itself. Content scripts live in pages we do not trust; extension pages (popup,
 * reader) are ours.
 */
import { browser, type Browser } from 'wxt/browser';

export type MessageSender = Browser.runtime.MessageSender;

export type Origin =
  /** A content script in a tab showing an http(s) page on `host`. */
  | {
      kind: 'content';
      tabId: number;
      host: string;
      /** The sending frame (0: the top frame); the page UI is injected there. */
      frameId?: number;
    }
  /** The popup or the reader page. */
  | { kind: 'page' };

export function originOf(sender: MessageSender): Origin | undefined {
  // Another extension (or a web page through externally_connectable) is never one of ours.
  if (sender.id !== browser.runtime.id) return undefined;
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return { kind: 'page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || !isWebUrl(sender.url)) return undefined;
  // The tab's address decides the site (what "disable on this site" means to the reader);
  // the frame's own address stands in when the browser does not tell us the tab's.
  const host = webHost(sender.tab?.url) ?? webHost(sender.url);
  return host ? { kind: 'content', tabId, host, frameId: sender.frameId ?? 0 } : undefined;
}

function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}

export function webHost(url: string | undefined): string | undefined {
  if (!isWebUrl(url)) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}
