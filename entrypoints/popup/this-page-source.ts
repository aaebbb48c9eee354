/**
 * Where the popup's "This page" view gets its data: the tab the popup is about (the
 * active tab, or `?tab=<id>` when the popup page is opened in a tab of its own), that tab's
 * mentions from its content script, and what the background recognised there.
 */
import { browser } from 'wxt/browser';
import type { PageMention, PageRecognition } from '../../lib/messages';
import type { ReaderSources } from '../../lib/recognition/sources';
import { askBackground, askTab } from './background-client';

export interface ThisPageData {
  /** False when Backstory does not run in the tab (browser pages, the store, a PDF viewer). */
  reachable: boolean;
  mentions: PageMention[];
  recognition: PageRecognition | null;
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
  // No answer, or one that is not a list of mentions: nothing of this page can be shown.
  const mentions = await askTab(tabId, 'page/mentions', {}).catch(() => undefined);
  const recognition = await askBackground('page/recognition', { tabId }).catch(() => null);
  return { reachable: mentions !== undefined, mentions: mentions ?? [], recognition };
}

export const sourceRegistry = {
  get: () => askBackground('sources/get', {}),
  set: (edits: ReaderSources) => askBackground('sources/set', edits),
};
