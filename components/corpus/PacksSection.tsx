/**
 * The corpus packs installed: each with its documents. The starter corpus can be removed after
 * a confirmation and restored from the copy the extension ships; a pack the reader imported
 * goes with its documents (removed from the list above).
 */
import { useState } from 'preact/hooks';
import type { PackSummary } from './services';

export interface PacksSectionProps {
  packs: PackSummary[];
  /** Removes the starter corpus (false) or restores it (true). */
  onSetStarter(installed: boolean): Promise<void>;
}

export function PacksSection({ packs, onSetStarter }: PacksSectionProps) {
  const [confirming, setConfirming] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ kind: 'status' | 'error'; text: string } | undefined>();
  if (packs.length === 0) return null;

  const act = async (pack: PackSummary, action: 'remove' | 'restore') => {
    setConfirming(undefined);
    setBusy(pack.id);
    try {
      await onSetStarter(action === 'restore');
      setNotice({
        kind: 'status',
        text: action === 'remove' ? `Removed ${pack.title}. You can restore it here at any time.` : `Restored ${pack.title}.`,
      });
    } catch {
      setNotice({ kind: 'error', text: `Could not ${action} ${pack.title}; nothing was changed.` });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section class="bs-packs" aria-labelledby="bs-packs-title">
      <h2 id="bs-packs-title">Corpus packs</h2>
      <ul class="bs-pack-list">
        {packs.map((pack) => (
          <li key={pack.id} class="bs-pack">
            <p class="bs-pack-title">
              <strong>{pack.title}</strong>{' '}
              <span class="bs-muted">
                {pack.installed
                  ? `${pack.documents.toLocaleString('en-US')} ${pack.documents === 1 ? 'document' : 'documents'}`
                  : 'removed'}
              </span>
            </p>
            {confirming === pack.id ? (
              <div class="bs-confirm" role="group" aria-label={`Remove ${pack.title}?`} onKeyDown={(e) => e.key === 'Escape' && setConfirming(undefined)}>
                <p>
                  Remove {pack.title}? Its documents and their accounts leave cards, lookup and the reader; your own documents and
                  your highlights stay. You can restore it later.
                </p>
                <button type="button" class="bs-button bs-button-danger" ref={(b) => b?.focus()} onClick={() => void act(pack, 'remove')}>
                  Remove pack
                </button>{' '}
                <button type="button" class="bs-button" onClick={() => setConfirming(undefined)}>
                  Keep
                </button>
              </div>
            ) : !pack.starter ? null : pack.installed ? (
              <button type="button" class="bs-button" disabled={busy !== undefined} onClick={() => setConfirming(pack.id)}>
                Remove {pack.title}…
              </button>
            ) : (
              pack.starter && (
                <button type="button" class="bs-button" disabled={busy !== undefined} onClick={() => void act(pack, 'restore')}>
                  {busy === pack.id ? 'Restoring…' : `Restore ${pack.title}`}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      <p role={notice?.kind === 'error' ? 'alert' : 'status'} class="bs-packs-notice">
        {notice?.text}
      </p>
    </section>
  );
}
