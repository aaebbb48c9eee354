/**
 * Where Chrome and Firefox differ for Backstory, in one place. Browser-free: callers pass the
 * `permissions` API in, so this runs the same in the extension and in unit tests.
 *
 * The one difference that changes behaviour is site access. Both browsers install the same MV3
 * manifest (`host_permissions` = SITE_ORIGINS), but:
 * - Chrome grants host permissions at install (a reader may later restrict them per site);
 * - Firefox treats MV3 host permissions as optional: depending on the version and the pref
 *   `extensions.originControls.grantByDefault`, an install can leave them ungranted, and then
 *   the content script never runs and Backstory silently marks nothing.
 * So the extension checks, and when access is missing explains why it needs it and asks, from a
 * click (both browsers only show a permission prompt in answer to a user gesture), and in
 * Firefox from a tab rather than the popup (`askSiteAccessFromPopup`).
 *
 * Everything else is the same code in both: `browser.*` comes from webextension-polyfill, and
 * extension URLs are built with `runtime.getURL`, never by scheme (`chrome-extension:` vs
 * `moz-extension:`).
 */

/** The pages Backstory reads: every http(s) page, as the content script's `matches` say. */
export const SITE_ORIGINS: readonly string[] = ['http://*/*', 'https://*/*'];

/** The part of `browser.permissions` site access needs (a fake in tests). */
export interface PermissionsApi {
  contains(permissions: { origins?: string[] }): Promise<boolean>;
  request(permissions: { origins?: string[] }): Promise<boolean>;
}

/** Whether Backstory may read every http(s) page; false if any origin is missing or the check fails. */
export async function hasSiteAccess(permissions: PermissionsApi): Promise<boolean> {
  try {
    return await permissions.contains({ origins: [...SITE_ORIGINS] });
  } catch {
    return false;
  }
}

/**
 * Asks the reader for site access. Call it synchronously from a click handler: a permission
 * request made after an `await` has lost the user gesture and is refused. Resolves to whether
 * access was granted; a refused or failed request is `false`, never a throw.
 */
export function requestSiteAccess(permissions: PermissionsApi): Promise<boolean> {
  let request: Promise<boolean>;
  try {
    request = permissions.request({ origins: [...SITE_ORIGINS] });
  } catch {
    return Promise.resolve(false);
  }
  return request.catch(() => false);
}

/** The extension page that explains site access and asks for it. */
export const ONBOARDING_PAGE = '/onboarding.html';

/**
 * Whether the toolbar popup may ask for site access itself (`browserName`: WXT's
 * `import.meta.env.BROWSER`). Chrome shows the permission prompt over the popup. Firefox may
 * show it under the popup, where the reader does not see it until the popup is dismissed, and
 * the popup cannot close itself first without dropping the request; so there the popup opens
 * the onboarding page, an ordinary tab where the prompt shows and its answer is seen.
 */
export function askSiteAccessFromPopup(browserName: string): boolean {
  return browserName !== 'firefox';
}
