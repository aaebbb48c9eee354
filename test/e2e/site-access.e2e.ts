/**
 * Site access. Firefox MV3 can install Backstory without access to web pages; then the reader
 * must be told why nothing is marked and be able to grant access in one click. Firefox may show
 * its permission prompt under the toolbar popup, where the reader would not see it, so the
 * popup's button opens the onboarding page, a tab where the prompt shows. Chromium grants access
 * at install, so there the reader is never bothered.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PAGE } from './demo-page';
import {
  chosenBrowser,
  click,
  count,
  isVisible,
  markedMentions,
  POPUP_VIEWPORT,
  textOf,
  waitForMentions,
  waitForSelector,
  type E2EPage,
} from './driver';
import { launchForSuite } from './suite';

const NOTICE_TITLE = { role: 'heading', name: 'Backstory needs access to the pages you read' };
const GRANT = { role: 'button', name: 'Allow access to websites' };
const OPEN_ONBOARDING = { role: 'button', name: 'Open the page to allow access' };
const GRANTED_TITLE = { role: 'heading', name: 'Backstory can read the pages you visit' };

describe.runIf(chosenBrowser() === 'firefox')('site access not granted at install (firefox)', () => {
  // A profile where the install left host access off; permission prompts answered "allow".
  const { browser } = launchForSuite({ grantSiteAccess: false, acceptPermissionPrompts: true });

  it('marks nothing on a news page while access is missing', async () => {
    const page = await browser.openTestPage(DEMO_PAGE);
    // Give a content script ample time to have run, had it been allowed to.
    await new Promise((done) => setTimeout(done, 2_000));
    expect(await markedMentions(page)).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByName('backstory:scan').length)).toBe(0);
    await page.close();
  });

  it('opens the onboarding page by itself after the install', async () => {
    await expect.poll(() => browser.openUrls(), { timeout: 10_000 }).toContain(browser.extensionUrl('onboarding.html'));
  });

  /** The onboarding tab the popup's button opens; the tests after that one go on in it. */
  let onboarding: E2EPage;

  it('the popup explains the missing access, and its button opens the onboarding page', async () => {
    const popup = await browser.openExtensionPage('popup.html', POPUP_VIEWPORT);
    await waitForSelector(popup, NOTICE_TITLE, { timeout: 10_000 });
    expect(await textOf(popup, '.bs-site-access')).toContain('only inside your browser');
    // The lookup still works below it.
    expect(await isVisible(popup, { label: 'Look up a name' })).toBe(true);
    await popup.screenshot('popup-site-access.png');
    // The popup does not ask itself (the prompt could open under it): it opens the page that asks.
    expect(await count(popup, GRANT)).toBe(0);
    onboarding = await browser.waitForNewPage(() => click(popup, OPEN_ONBOARDING));
    expect(await onboarding.url()).toBe(browser.extensionUrl('onboarding.html'));
    await waitForSelector(onboarding, NOTICE_TITLE, { timeout: 10_000 });
    expect(await isVisible(onboarding, GRANT)).toBe(true);
    await popup.close();
  });

  describe('the onboarding page the popup opened', () => {

    it('explains why Backstory needs to read pages, with a keyboard-reachable grant button', async () => {
      const text = await textOf(onboarding, 'main');
      expect(text).toContain('read the text of the web pages you open');
      expect(text).toContain('no page, address or name is ever sent anywhere');
      await onboarding.screenshot('onboarding.png');
      // Tab reaches the button: it is the first focusable thing on the page.
      await onboarding.keyboard.press('Tab');
      expect(await onboarding.evaluate(() => document.activeElement?.textContent)).toBe(GRANT.name);
    });

    it('one click grants access, says so, and the next page gets its names marked', async () => {
      await click(onboarding, GRANT);
      await waitForSelector(onboarding, GRANTED_TITLE, { timeout: 10_000 });
      expect(await count(onboarding, GRANT)).toBe(0);
      expect(
        // Firefox's own `browser` global, in the extension page.
        await onboarding.evaluate(() =>
          (
            globalThis as unknown as {
              browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
            }
          ).browser.permissions.contains({ origins: ['http://*/*', 'https://*/*'] }),
        ),
      ).toBe(true);

      const page = await browser.openTestPage(DEMO_PAGE);
      await waitForMentions(page);
      expect((await markedMentions(page)).length).toBeGreaterThan(0);
      await page.close();
    });

    it('the popup no longer shows the notice once access is granted', async () => {
      const popup = await browser.openExtensionPage('popup.html', POPUP_VIEWPORT);
      await waitForSelector(popup, { label: 'Look up a name' }, { timeout: 10_000 });
      // The notice appears only after an asynchronous check: give it the time it would take.
      await new Promise((done) => setTimeout(done, 500));
      expect(await count(popup, NOTICE_TITLE)).toBe(0);
      await popup.close();
    });
  });
});

describe(`site access granted at install (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();

  it('opens no onboarding page and shows no notice in the popup', async () => {
    const popup = await browser.openExtensionPage('popup.html', POPUP_VIEWPORT);
    await waitForSelector(popup, { label: 'Look up a name' }, { timeout: 10_000 });
    await new Promise((done) => setTimeout(done, 500));
    expect(await count(popup, NOTICE_TITLE)).toBe(0);
    expect(await browser.openUrls()).not.toContain(browser.extensionUrl('onboarding.html'));
    await popup.close();
  });

  it('the onboarding page, opened by hand, confirms that access is there', async () => {
    const onboarding = await browser.openExtensionPage('onboarding.html');
    await waitForSelector(onboarding, GRANTED_TITLE, { timeout: 10_000 });
    expect(await count(onboarding, GRANT)).toBe(0);
    await onboarding.close();
  });
});
