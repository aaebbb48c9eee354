/**
 * Settings: pause Backstory everywhere, turn it off on this tab's site, and the names marked
 * "not this", each of which can be shown again — with an undo, since one click loses the choice.
 * Every change goes through the background, which stores it and applies it to open tabs.
 */
import { useState } from 'preact/hooks';
import type { ReaderSettings } from '../../lib/messages';

export type SettingsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** `error`: the last change failed; the settings shown are still the stored ones. */
  | { status: 'ready'; settings: ReaderSettings; error?: string };

export interface SettingsViewProps {
  state: SettingsState;
  /** This tab's site, when it is a web page. */
  host: string | undefined;
  /** Entity id → its name, for the suppressed list. */
  nameOf(entity: string): string;
  onPause(paused: boolean): void;
  onSiteEnabled(host: string, enabled: boolean): void;
  onSuppressed(host: string, entity: string, suppressed: boolean): void;
}

export function SettingsView({ state, host, nameOf, onPause, onSiteEnabled, onSuppressed }: SettingsViewProps) {
  /** The last name shown again, for Undo. */
  const [restored, setRestored] = useState<{ host: string; entity: string } | undefined>();

  if (state.status === 'loading') return <p class="bs-muted">Loading settings…</p>;
  if (state.status === 'error') {
    return (
      <p class="bs-panel-empty" role="alert">
        {state.message}
      </p>
    );
  }
  const { settings } = state;
  const siteOn = host !== undefined && !settings.disabledSites.includes(host);
  const suppressedSites = Object.entries(settings.suppressed).filter(([, ids]) => ids.length > 0);

  return (
    <section class="bs-settings" aria-labelledby="bs-settings-title">
      <h2 id="bs-settings-title" class="bs-panel-title">
        Settings
      </h2>
      {state.error && (
        <p class="bs-notice" role="alert">
          {state.error}
        </p>
      )}
      <div class="bs-setting">
        <input
          id="bs-pause"
          type="checkbox"
          checked={settings.paused}
          onChange={(e) => onPause(e.currentTarget.checked)}
        />
        <label for="bs-pause">Pause Backstory everywhere</label>
      </div>
      <div class="bs-setting">
        <input
          id="bs-site"
          type="checkbox"
          disabled={host === undefined}
          checked={siteOn}
          onChange={(e) => host !== undefined && onSiteEnabled(host, e.currentTarget.checked)}
        />
        <label for="bs-site">{host ? `Spot names on ${host}` : 'Spot names on this site'}</label>
      </div>
      {host === undefined && <p class="bs-muted bs-setting-note">Backstory is not running on this tab, so there is no site to turn off.</p>}
      {settings.paused && (
        <p class="bs-muted bs-setting-note">Paused: no page is read or marked until you resume.</p>
      )}

      <h3 class="bs-settings-subtitle">Names you marked “not this”</h3>
      <p class="bs-muted" role="status">
        {restored ? (
          <>
            {nameOf(restored.entity)} will be marked again on {restored.host}.{' '}
            <button
              type="button"
              class="bs-link-button"
              onClick={() => {
                onSuppressed(restored.host, restored.entity, true);
                setRestored(undefined);
              }}
            >
              Undo
            </button>
          </>
        ) : suppressedSites.length === 0 ? (
          'None. Choose “Not this” on a card to stop a name being marked on a site.'
        ) : (
          ''
        )}
      </p>
      {suppressedSites.map(([site, ids]) => (
        <section key={site} aria-label={`Not marked on ${site}`} class="bs-suppressed-site">
          <h4 class="bs-suppressed-host">{site}</h4>
          <ul class="bs-suppressed">
            {ids.map((id) => (
              <li key={id}>
                <span>{nameOf(id)}</span>{' '}
                <button
                  type="button"
                  class="bs-link-button"
                  aria-label={`Mark ${nameOf(id)} again on ${site}`}
                  onClick={() => {
                    onSuppressed(site, id, false);
                    setRestored({ host: site, entity: id });
                  }}
                >
                  Mark again
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
