/**
 * The popup's `PopupServices` in the browser: the tab it is about, its content script (names on
 * the page, reveal), settings through the background, recent lookups in extension storage.
 * Every answer from outside the popup is validated before it is shown.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { withRecent, type PageMentionsAnswer, type PopupServices, type TargetTab } from '../../components/popup/services';
import type { ReaderSettings } from '../../lib/messages';
import { MessageFailed } from '../../lib/messaging';
import { askBackground, askTab } from './background-client';

const RECENT_KEY = 'recentLookups';
const recentSchema = v.array(v.pipe(v.string(), v.maxLength(128)));

function hostOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param tabOverride a tab id from `popup.html?tab=ID`: the popup opened in a tab of its own
 *   (the end-to-end tests, or a reader who pinned it) is about that tab, not itself.
 */
export function createPopupServices(tabOverride: number | undefined): PopupServices {
  return {
    async targetTab(): Promise<TargetTab> {
      const tab =
        tabOverride !== undefined
          ? await browser.tabs.get(tabOverride)
          : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (tab?.id === undefined) return { status: 'not-web' };
      // The URL is hidden without the `tabs` permission: the tab's content script says its site.
      // No answer means no content script there (not a web page, or opened before install).
      const host = hostOf(tab.url) ?? (await askTab(tab.id, 'page/site', {}).catch(() => undefined))?.host;
      return host ? { status: 'ok', tabId: tab.id, host } : { status: 'not-web' };
    },
    async pageMentions(tabId): Promise<PageMentionsAnswer> {
      try {
        return { status: 'ok', mentions: await askTab(tabId, 'page/mentions', {}) };
      } catch (error) {
        return error instanceof MessageFailed && error.reason === 'malformed answer'
          ? { status: 'unavailable', reason: 'This page gave an answer Backstory could not read.' }
          : { status: 'unavailable', reason: 'Backstory is not running on this page yet. Reload the page and open the popup again.' };
      }
    },
    async reveal(tabId, entity, index) {
      return (await askTab(tabId, 'page/reveal', { entity, index }).catch(() => undefined))?.ok === true;
    },
    async recentLookups() {
      const stored = await browser.storage.local.get(RECENT_KEY);
      const parsed = v.safeParse(recentSchema, stored[RECENT_KEY]);
      return parsed.success ? parsed.output : [];
    },
    async rememberLookup(entity) {
      const current = await this.recentLookups();
      await browser.storage.local.set({ [RECENT_KEY]: withRecent(current, entity) });
    },
    getSettings: (): Promise<ReaderSettings> => askBackground('settings/get', {}),
    setPaused: (paused) => askBackground('settings/set-paused', { paused }),
    setSiteEnabled: (host, enabled) => askBackground('settings/set-site', { host, enabled }),
    setSuppressed: (host, entity, suppressed) => askBackground('settings/set-suppressed', { host, entity, suppressed }),
    contrastReviews: () => askBackground('contrasts/reviews', {}),
    entityAutomatic: (entity) => askBackground('entity/automatic', { entity }),
    reviewContrast: (entity, id, decision) => askBackground('contrasts/review', { entity, id, decision }),
    openTab(url) {
      void browser.tabs.create({ url });
    },
  };
}
