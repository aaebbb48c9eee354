// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteAccessNotice, type SiteAccessApi } from '../../components/site-access/SiteAccessNotice';
import { askSiteAccessFromPopup, hasSiteAccess, requestSiteAccess, SITE_ORIGINS } from '../../lib/platform';

/** A stand-in for `browser.permissions` holding a set of granted origins. */
function fakePermissions(granted: boolean, answer: boolean | 'throw' = true) {
  const listeners = { added: new Set<() => void>(), removed: new Set<() => void>() };
  const state = { granted };
  const api: SiteAccessApi = {
    contains: vi.fn(async () => state.granted),
    request: vi.fn(async () => {
      if (answer === 'throw') throw new Error('request refused: not a user gesture');
      if (answer) {
        state.granted = true;
        listeners.added.forEach((cb) => cb());
      }
      return answer;
    }),
    onAdded: { addListener: (cb) => listeners.added.add(cb), removeListener: (cb) => listeners.added.delete(cb) },
    onRemoved: { addListener: (cb) => listeners.removed.add(cb), removeListener: (cb) => listeners.removed.delete(cb) },
  };
  return { api, listeners, state };
}

let root: HTMLElement | undefined;

/** Lets the permission check's promises resolve. */
const settle = () => new Promise<void>((done) => setTimeout(done, 0));
/** Clicks inside act and lets the request's promises resolve. */
const press = (button: HTMLButtonElement | undefined) =>
  act(async () => {
    button!.click();
    await settle();
  });

async function show(api: SiteAccessApi, showWhenGranted = false, openAskingPage?: () => void) {
  root = document.createElement('div');
  document.body.append(root);
  act(() =>
    render(<SiteAccessNotice permissions={api} showWhenGranted={showWhenGranted} openAskingPage={openAskingPage} />, root!),
  );
  // The effect (run as act ends) starts the permission check: let it answer and re-render.
  await act(settle);
  return root;
}

afterEach(() => {
  if (root) act(() => render(null, root!));
  root?.remove();
  root = undefined;
});

const buttonNamed = (name: string) => [...root!.querySelectorAll('button')].find((b) => b.textContent === name);
const grantButton = () => buttonNamed('Allow access to websites');

describe('lib/platform site access', () => {
  it('asks for exactly the origins the content script reads', async () => {
    const { api } = fakePermissions(false);
    await hasSiteAccess(api);
    await requestSiteAccess(api);
    expect(api.contains).toHaveBeenCalledWith({ origins: ['http://*/*', 'https://*/*'] });
    expect(api.request).toHaveBeenCalledWith({ origins: [...SITE_ORIGINS] });
  });

  it('asks from the popup in Chrome, and from the onboarding tab in Firefox', () => {
    expect(askSiteAccessFromPopup('chrome')).toBe(true);
    expect(askSiteAccessFromPopup('firefox')).toBe(false);
  });

  it('treats a failed check or a refused request as "no access", never a throw', async () => {
    const { api } = fakePermissions(false, 'throw');
    api.contains = vi.fn(async () => {
      throw new Error('permissions API unavailable');
    });
    await expect(hasSiteAccess(api)).resolves.toBe(false);
    await expect(requestSiteAccess(api)).resolves.toBe(false);
  });
});

describe('SiteAccessNotice', () => {
  it('shows nothing in the popup when access is granted', async () => {
    const el = await show(fakePermissions(true).api);
    expect(el.textContent).toBe('');
  });

  it('explains the missing access and grants it on click', async () => {
    const { api, state } = fakePermissions(false);
    const el = await show(api, true);
    expect(el.querySelector('h2')?.textContent).toBe('Backstory needs access to the pages you read');
    expect(el.textContent).toContain('no page, address or name is ever sent anywhere');
    await press(grantButton());
    expect(api.request).toHaveBeenCalledTimes(1);
    expect(state.granted).toBe(true);
    expect(el.querySelector('h2')?.textContent).toBe('Backstory can read the pages you visit');
    expect(grantButton()).toBeUndefined();
  });

  it('says so when the reader declines, and keeps the button to try again', async () => {
    const { api } = fakePermissions(false, false);
    const el = await show(api);
    await press(grantButton());
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Access was not granted');
    expect(grantButton()).toBeDefined();
  });

  it('where the popup cannot show the prompt, its button opens the page that asks instead of asking', async () => {
    const { api } = fakePermissions(false);
    const openAskingPage = vi.fn();
    const el = await show(api, false, openAskingPage);
    expect(el.querySelector('h2')?.textContent).toBe('Backstory needs access to the pages you read');
    expect(grantButton()).toBeUndefined();
    await press(buttonNamed('Open the page to allow access'));
    expect(openAskingPage).toHaveBeenCalledTimes(1);
    expect(api.request).not.toHaveBeenCalled();
  });

  it('follows access granted elsewhere (the browser’s own menu)', async () => {
    const { api, listeners, state } = fakePermissions(false);
    const el = await show(api);
    expect(grantButton()).toBeDefined();
    state.granted = true;
    await act(async () => {
      listeners.added.forEach((cb) => cb());
      await settle();
    });
    expect(el.textContent).toBe('');
  });

  it('removes its listeners when unmounted', async () => {
    const { api, listeners } = fakePermissions(false);
    await show(api);
    expect(listeners.added.size).toBe(1);
    act(() => render(null, root!));
    expect(listeners.added.size + listeners.removed.size).toBe(0);
  });

  it('has no axe violations', async () => {
    const axe = (await import('axe-core')).default;
    // happy-dom does no layout: contrast is checked in the end-to-end suite.
    const options = { rules: { 'color-contrast': { enabled: false } } };
    const el = await show(fakePermissions(false, false).api, true);
    await press(grantButton());
    const results = await axe.run(el, options);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });
});
