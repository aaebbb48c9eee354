/**
 * The reader's settings, kept in `browser.storage.local` under `settings`: pause everywhere,
 * sites where spotting is off, and per-site names marked "not this".
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ReaderSettings, SiteSettings } from '../../lib/messages';

/** What is stored is what the popup's Settings view shows (`ReaderSettings`). */
export type Settings = ReaderSettings;

export const SETTINGS_KEY = 'settings';

/** A site's suppressed list is bounded so a misbehaving page cannot grow storage without end. */
export const MAX_SUPPRESSED_PER_SITE = 500;

export const DEFAULT_SETTINGS: Settings = { paused: false, disabledSites: [], suppressed: {} };

/**
 * Stored settings are parsed field by field with fallbacks: a damaged or older settings object
 * degrades to defaults for the broken field instead of switching Backstory off or throwing.
 */
const storedSettingsSchema = v.object({
  paused: v.fallback(v.boolean(), false),
  disabledSites: v.fallback(v.array(v.string()), []),
  suppressed: v.fallback(v.record(v.string(), v.array(v.string())), {}),
});

export function parseSettings(stored: unknown): Settings {
  const result = v.safeParse(storedSettingsSchema, stored);
  return result.success ? result.output : structuredClone(DEFAULT_SETTINGS);
}

/** What a content script on `host` needs to know. */
export function siteSettings(settings: Settings, host: string): SiteSettings {
  return {
    enabled: !settings.paused && !settings.disabledSites.includes(host),
    suppressed: [...(settings.suppressed[host] ?? [])],
  };
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

let writes: Promise<unknown> = Promise.resolve();

/**
 * Read-modify-write of the settings object, one at a time: two "not this" clicks in quick
 * succession must both be kept.
 */
export function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = writes.then(async () => {
    const updated = change(await loadSettings());
    await browser.storage.local.set({ [SETTINGS_KEY]: updated });
    return updated;
  });
  writes = next.catch(() => undefined);
  return next;
}

export function addSuppressed(settings: Settings, host: string, entity: string): Settings {
  const current = settings.suppressed[host] ?? [];
  if (current.includes(entity) || current.length >= MAX_SUPPRESSED_PER_SITE) return settings;
  return { ...settings, suppressed: { ...settings.suppressed, [host]: [...current, entity] } };
}
