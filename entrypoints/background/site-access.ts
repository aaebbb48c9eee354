/**
 * Site-access onboarding: when Backstory is installed without access to web pages (Firefox MV3
 * can install it so; see lib/platform.ts), open a page that explains why it needs access and
 * grants it with one click. Without this the reader would see nothing happen and not know why.
 */
import { browser } from 'wxt/browser';
import { hasSiteAccess, ONBOARDING_PAGE } from '../../lib/platform';

export function registerSiteAccessOnboarding(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void hasSiteAccess(browser.permissions).then(async (granted) => {
      if (!granted) await browser.tabs.create({ url: browser.runtime.getURL(ONBOARDING_PAGE) });
    }).catch((error: unknown) => console.warn('[backstory] site-access check failed', error));
  });
}
