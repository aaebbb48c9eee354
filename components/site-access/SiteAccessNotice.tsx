/**
 * "Backstory cannot read pages yet": why it needs site access, and a button that asks for it.
 * Shown by the onboarding page (always, with the outcome) and by the popup (only while access is
 * missing). The permissions API is passed in, so the component runs in unit tests with a fake.
 *
 * Where the browser cannot show its permission prompt over the popup (Firefox: see
 * `askSiteAccessFromPopup` in lib/platform.ts), the popup's button opens the onboarding page
 * instead, an ordinary tab where the prompt shows and its answer is seen.
 */
import { useEffect, useState } from 'preact/hooks';
import { hasSiteAccess, requestSiteAccess, type PermissionsApi } from '../../lib/platform';
import './site-access.css';

/** What the component needs of `browser.permissions`, change events included. */
export interface SiteAccessApi extends PermissionsApi {
  onAdded: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
  onRemoved: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
}

type Access = 'checking' | 'missing' | 'granted' | 'declined';

export interface SiteAccessNoticeProps {
  permissions: SiteAccessApi;
  /** The onboarding page confirms success; the popup just stops showing the notice. */
  showWhenGranted?: boolean;
  /** Extra class for where it sits (the popup's margins). */
  class?: string;
  /** When given, the button opens the page that asks (the onboarding page) instead of asking here. */
  openAskingPage?: () => void;
}

export function SiteAccessNotice({ permissions, showWhenGranted = false, class: where, openAskingPage }: SiteAccessNoticeProps) {
  const classes = (...names: string[]) => [...names, where].filter(Boolean).join(' ');
  const [access, setAccess] = useState<Access>('checking');

  useEffect(() => {
    let live = true;
    // Access can change elsewhere (the browser's own menu, another Backstory page): follow it.
    const check = () =>
      void hasSiteAccess(permissions).then((granted) => {
        if (live) setAccess((now) => (granted ? 'granted' : now === 'declined' ? 'declined' : 'missing'));
      });
    check();
    permissions.onAdded.addListener(check);
    permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      permissions.onAdded.removeListener(check);
      permissions.onRemoved.removeListener(check);
    };
  }, [permissions]);

  const ask = () => {
    // Synchronous in the click: the browser only prompts in answer to a user gesture.
    void requestSiteAccess(permissions).then((granted) => setAccess(granted ? 'granted' : 'declined'));
  };

  if (access === 'checking') return null;
  if (access === 'granted') {
    if (!showWhenGranted) return null;
    return (
      <section class={classes('bs-site-access', 'bs-site-access-granted')} aria-labelledby="bs-site-access-title" role="status">
        <h2 id="bs-site-access-title">Backstory can read the pages you visit</h2>
        <p>
          Open a news article: names Backstory knows are underlined, and resting the pointer on one shows who they are and
          how outlets describe them. You can close this tab.
        </p>
      </section>
    );
  }
  return (
    <section class={classes('bs-site-access')} aria-labelledby="bs-site-access-title">
      <h2 id="bs-site-access-title">Backstory needs access to the pages you read</h2>
      <p>
        To spot the people, organisations and places its news corpus knows, Backstory has to read the text of the web
        pages you open. It reads them only inside your browser: no page, address or name is ever sent anywhere.
      </p>
      <p>Your browser has not given it that access yet, so it cannot mark anything.</p>
      {openAskingPage ? (
        <button type="button" class="bs-site-access-grant" onClick={openAskingPage}>
          Open the page to allow access
        </button>
      ) : (
        <button type="button" class="bs-site-access-grant" onClick={ask}>
          Allow access to websites
        </button>
      )}
      {access === 'declined' && (
        <p class="bs-site-access-declined" role="alert">
          Access was not granted. Backstory stays off on web pages until you allow it here, or in your browser’s
          extension settings.
        </p>
      )}
    </section>
  );
}
