/**
 * The short confirmation after a save, in Backstory's shadow root: "Saved", with an "add note"
 * field; or the reason a save failed, with Retry (the unsaved highlight is kept until then).
 */
import { useState } from 'preact/hooks';
import { excerpt } from '../../lib/page/blocks';

export type ToastState =
  | { kind: 'saved'; quote: string; note: string }
  | { kind: 'failed'; quote: string; error: string; canRetry: boolean };

export interface HighlightToastProps {
  state: ToastState;
  onNote: (note: string) => void;
  onRetry: () => void;
  onClose: () => void;
  /** The reader is typing: keep the toast open. */
  onBusy: (busy: boolean) => void;
}

export function HighlightToast({ state, onNote, onRetry, onClose, onBusy }: HighlightToastProps) {
  const [note, setNote] = useState(state.kind === 'saved' ? state.note : '');
  const [noted, setNoted] = useState(false);
  const quote = excerpt(state.quote, 87);
  return (
    <section
      class={`bs-toast bs-toast-${state.kind}`}
      aria-label="Backstory highlight"
      onFocusIn={() => onBusy(true)}
      onFocusOut={() => onBusy(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <p class="bs-toast-message" role={state.kind === 'failed' ? 'alert' : 'status'}>
        {state.kind === 'saved' ? (noted ? 'Note saved.' : 'Saved to Backstory.') : `Not saved: ${state.error}`}
      </p>
      <p class="bs-toast-quote">{quote}</p>
      {state.kind === 'saved' ? (
        <form
          class="bs-toast-note"
          onSubmit={(e) => {
            e.preventDefault();
            onNote(note.trim());
            setNoted(true);
          }}
        >
          <label class="bs-toast-label">
            Add note
            <input type="text" value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button type="submit">Save note</button>
        </form>
      ) : (
        state.canRetry && (
          <button type="button" class="bs-toast-retry" onClick={onRetry}>
            Retry
          </button>
        )
      )}
      <button type="button" class="bs-toast-close" aria-label="Close" onClick={onClose}>
        ×
      </button>
    </section>
  );
}
