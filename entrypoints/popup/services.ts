/**
 * The popup's `PopupServices` in the browser: the tab it is about, its content script (names on
 * the page, reveal), settings through the background, recent lookups in extension storage.
 * Every answer from outside the popup is validated before it is shown.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { withRecent, type PageMentionsAnswer, type PopupServices, type TargetTab } from '~/components/popup/services';
import type { Envelope, PageToBackground, ReaderSettings, Request, Response, ToContent } from '~/lib/messages';
import { parsePageMentionsReply, parsePageRevealReply, parsePageSiteReply } from '~/lib/page-reply-schemas';

const RECENT_KEY = 'recentLookups';
const recentSchema = v.array(v.pipe(v.string(), v.maxLength(128)));

function ask<K extends keyof PageToBackground & string>(
  name: K,
  data: Request<PageToBackground, K>,
): Promise<Response<PageToBackground, K>> {
  const envelope: Envelope<PageToBackground, K> = { backstory: 1, name, data };
  return browser.runtime.sendMessage(envelope).then((answer) => {
    // The background answers undefined when it refused or failed: say so instead of showing nothing.
    if (answer === undefined || answer === null) throw new Error(`${name} failed`);
    return answer as Response<PageToBackground, K>;
  });
}

function tell<K extends keyof ToContent & string>(tabId: number, name: K, data: Request<ToContent, K>): Promise<unknown> {
  const envelope: Envelope<ToContent, K> = { backstory: 1, name, data };
  return browser.tabs.sendMessage(tabId, envelope);
}

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
      const host =
        hostOf(tab.url) ?? parsePageSiteReply(await tell(tab.id, 'page/site', {}).catch(() => undefined));
      return host ? { status: 'ok', tabId: tab.id, host } : { status: 'not-web' };
    },
    async pageMentions(tabId): Promise<PageMentionsAnswer> {
      let reply: unknown;
      try {
        reply = await tell(tabId, 'page/mentions', {});
      } catch {
        return {
          status: 'unavailable',
          reason: 'Backstory is not running on this page yet. Reload the page and open the popup again.',
        };
      }
      const mentions = parsePageMentionsReply(reply);
      return mentions
        ? { status: 'ok', mentions }
        : { status: 'unavailable', reason: 'This page gave an answer Backstory could not read.' };
    },
    async reveal(tabId, entity, index) {
      return parsePageRevealReply(await tell(tabId, 'page/reveal', { entity, index }));
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
    getSettings: (): Promise<ReaderSettings> => ask('settings/get', {}),
    setPaused: (paused) => ask('settings/set-paused', { paused }),
    setSiteEnabled: (host, enabled) => ask('settings/set-site', { host, enabled }),
    setSuppressed: (host, entity, suppressed) => ask('settings/set-suppressed', { host, entity, suppressed }),
    openTab(url) {
      void browser.tabs.create({ url });
    },
  };
}
