/**
 * The popup's Settings view, answered by the background: pause everywhere, turn a
 * site off, show a suppressed name again (and undo that). Settings live in one place
 * (`settings.ts`, written one change at a time); after each change every open tab gets its
 * site's share at once (`settings/changed`), so nothing waits for a reload.
 */
import { browser } from 'wxt/browser';
import { addSuppressed, loadSettings, siteSettings, updateSettings, type Settings } from './settings';
import { askTab, tellTab } from './content-client';
import type { PageHandlers } from './handlers';
import { webHost } from './senders';
import { lazy, type Lazy } from './lazy';

type SettingsMessages = 'settings/get' | 'settings/set-paused' | 'settings/set-site' | 'settings/set-suppressed';

export type SettingsHandlers = Pick<PageHandlers, SettingsMessages>;

export function setPaused(settings: Settings, paused: boolean): Settings {
  return { ...settings, paused };
}

export function setSiteEnabled(settings: Settings, host: string, enabled: boolean): Settings {
  const others = settings.disabledSites.filter((h) => h !== host);
  return { ...settings, disabledSites: enabled ? others : [...others, host] };
}

export function removeSuppressed(settings: Settings, host: string, entity: string): Settings {
  const remaining = (settings.suppressed[host] ?? []).filter((id) => id !== entity);
  const suppressed = { ...settings.suppressed };
  // An emptied site leaves the list, so the Settings view does not show a site with no names.
  if (remaining.length > 0) suppressed[host] = remaining;
  else delete suppressed[host];
  return { ...settings, suppressed };
}

/**
 * @param knownEntities ids Backstory can mark: only those can be suppressed, whatever a
 *   (compromised) extension page asks. May be a loader (read from the shipped matcher
 *   only when a name is suppressed).
 */
export function createSettingsHandlers(knownEntities: Lazy<ReadonlySet<string>>): SettingsHandlers {
  const known = lazy(knownEntities);
  const change = async (edit: (s: Settings) => Settings): Promise<Settings> => {
    const settings = await updateSettings(edit);
    await broadcastSettings(settings);
    return settings;
  };
  return {
    'settings/get': () => loadSettings(),
    'settings/set-paused': ({ paused }) => change((s) => setPaused(s, paused)),
    'settings/set-site': ({ host, enabled }) => change((s) => setSiteEnabled(s, host, enabled)),
    'settings/set-suppressed': async ({ host, entity, suppressed }) => {
      if (suppressed && !(await known()).has(entity)) throw new Error('unknown entity');
      return change((s) => (suppressed ? addSuppressed(s, host, entity) : removeSuppressed(s, host, entity)));
    },
  };
}

/** The tab's site: from its URL when the browser shows it, else from its content script. */
async function hostOfTab(tab: { id?: number; url?: string }): Promise<string | undefined> {
  if (tab.id === undefined) return undefined;
  const fromUrl = webHost(tab.url);
  if (fromUrl) return fromUrl;
  // No content script (a browser page, a tab opened before install): nothing to tell it.
  return (await askTab(tab.id, 'page/site', {}).catch(() => undefined))?.host;
}

/** Every tab with Backstory running gets its own site's settings. */
async function broadcastSettings(settings: Settings): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      const host = await hostOfTab(tab);
      if (tab.id !== undefined && host) await tellTab(tab.id, 'settings/changed', { settings: siteSettings(settings, host) });
    }),
  );
}
