import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SETTINGS_KEY } from '../../entrypoints/background/settings';
import { removeSuppressed, setSiteEnabled } from '../../entrypoints/background/settings-handlers';
import { fromPopup, fromTab as tab, msg, send, useBackground } from './setup';

const bg = useBackground();
const fromTab = () => tab('https://news.example/a');
/** Tab id → the host its content script reports (`page/site`); tabs not listed have none. */
let contentHosts: Map<number, string>;

beforeEach(() => {
  contentHosts = new Map();
  // Answer page/site as a content script would; reject for tabs without one.
  bg.sentToTabs.mockImplementation(async (tabId, message) => {
    const host = contentHosts.get(tabId);
    if (!host) throw new Error('Could not establish connection. Receiving end does not exist.');
    return (message as { name: string }).name === 'page/site' ? { host } : { ok: true };
  });
});

/** The settings/changed messages sent, as tab id → enabled. */
const changedTabs = () =>
  new Map(
    bg.sentToTabs.mock.calls
      .filter(([, m]) => (m as { name: string }).name === 'settings/changed')
      .map(([tabId, m]) => [tabId, (m as { data: { settings: { enabled: boolean } } }).data.settings.enabled]),
  );

describe('settings from the popup', () => {
  it('turning a site off is stored and told to every open tab of that site, found by its content script', async () => {
    // Without the tabs permission the browser hides URLs: tabs are known by what their content script says.
    const a = await fakeBrowser.tabs.create({});
    const b = await fakeBrowser.tabs.create({});
    const none = await fakeBrowser.tabs.create({});
    contentHosts.set(a.id!, 'news.example');
    contentHosts.set(b.id!, 'other.example');
    const reply = await send(msg('settings/set-site', { host: 'news.example', enabled: false }), fromPopup());
    expect(reply).toMatchObject({ disabledSites: ['news.example'] });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ disabledSites: ['news.example'] });
    expect(changedTabs()).toEqual(new Map([[a.id!, false], [b.id!, true]]));
    expect(changedTabs().has(none.id!)).toBe(false);
  });

  it('pause reaches every site; resume turns them back on', async () => {
    const a = await fakeBrowser.tabs.create({});
    contentHosts.set(a.id!, 'news.example');
    await send(msg('settings/set-paused', { paused: true }), fromPopup());
    expect(changedTabs().get(a.id!)).toBe(false);
    expect(await send(msg('settings/get', {}), fromPopup())).toMatchObject({ paused: true });
    await send(msg('settings/set-paused', { paused: false }), fromPopup());
    expect(changedTabs().get(a.id!)).toBe(true);
  });

  it('shows a suppressed name again, and undo suppresses it again', async () => {
    await send(msg('suppress/add', { entity: 'isis' }), fromTab());
    const shown = await send(msg('settings/set-suppressed', { host: 'news.example', entity: 'isis', suppressed: false }), fromPopup());
    expect(shown).toMatchObject({ suppressed: {} });
    const undone = await send(msg('settings/set-suppressed', { host: 'news.example', entity: 'isis', suppressed: true }), fromPopup());
    expect(undone).toMatchObject({ suppressed: { 'news.example': ['isis'] } });
  });

  it('refuses settings changes from a content script, made-up ids, and malformed hosts', async () => {
    expect(await send(msg('settings/set-paused', { paused: true }), fromTab())).toBeUndefined();
    expect(
      await send(msg('settings/set-suppressed', { host: 'news.example', entity: 'made-up', suppressed: true }), fromPopup()),
    ).toBeUndefined();
    expect(await send(msg('settings/set-site', { host: 'a b/<c>', enabled: false }), fromPopup())).toBeUndefined();
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toBeUndefined();
  });
});

describe('settings changes', () => {
  const base = { paused: false, disabledSites: ['a.example'], suppressed: { 'a.example': ['x'], 'b.example': ['y', 'z'] } };
  it('turn a site on and off without duplicates', () => {
    expect(setSiteEnabled(base, 'a.example', false).disabledSites).toEqual(['a.example']);
    expect(setSiteEnabled(base, 'a.example', true).disabledSites).toEqual([]);
  });
  it('drop a site from the suppressed list when its last name is shown again', () => {
    expect(removeSuppressed(base, 'a.example', 'x').suppressed).toEqual({ 'b.example': ['y', 'z'] });
    expect(removeSuppressed(base, 'b.example', 'y').suppressed).toEqual({ 'a.example': ['x'], 'b.example': ['z'] });
  });
});
