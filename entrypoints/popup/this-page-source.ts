/**
 * Where the popup's "This page" view gets its data: the tab the popup is about (the
 * active tab, or `?tab=<id>` when the popup page is opened in a tab of its own), that tab's
 * mentions from its content script, and what the background recognised there.
 */
import { browser } from 'wxt/browser';
import type {
  Envelope,
  MessageName,
  PageMention,
  PageRecognition,
  PageToBackground,
  Request,
  Response,
  ToContent,
} from '~/lib/messages';
import type { ReaderSources } from '~/lib/recognition/sources';

export interface ThisPageData {
  /** False when Backstory does not run in the tab (browser pages, the store, a PDF viewer). */
  reachable: boolean;
  mentions: PageMention[];
  recognition: PageRecognition | null;
}

function askBackground<K extends MessageName<PageToBackground>>(
  name: K,
  data: Request<PageToBackground, K>,
): Promise<Response<PageToBackground, K>> {
  const envelope: Envelope<PageToBackground, K> = { backstory: 1, name, data };
  return (browser.runtime.sendMessage(envelope) as Promise<Response<PageToBackground, K> | undefined>).then((answer) => {
    // The background answers nothing to a message it refused (it logs why).
    if (answer === undefined) throw new Error(`${name} was refused`);
    return answer;
  });
}

async function targetTab(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl >= 0 && new URLSearchParams(location.search).has('tab')) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function loadThisPage(): Promise<ThisPageData> {
  const tabId = await targetTab();
  if (tabId === undefined) return { reachable: false, mentions: [], recognition: null };
  const request: Envelope<ToContent, 'page/mentions'> = { backstory: 1, name: 'page/mentions', data: {} };
  const mentions = (await browser.tabs.sendMessage(tabId, request).catch(() => undefined)) as PageMention[] | undefined;
  const recognition = await askBackground('page/recognition', { tabId }).catch(() => null);
  return { reachable: Array.isArray(mentions), mentions: Array.isArray(mentions) ? mentions : [], recognition };
}

export const sourceRegistry = {
  get: () => askBackground('sources/get', {}),
  set: (edits: ReaderSources) => askBackground('sources/set', edits),
};
