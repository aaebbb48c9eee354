/**
 * What hovering a saved highlight shows: its note (or that it has none) and Remove. It stays
 * open while the pointer is on it: the content script's pointer tracker sees the pointer over
 * this UI's host.
 */
export interface HighlightNoteProps {
  note: string;
  at: { top: number; left: number };
  onRemove: () => void;
  onClose: () => void;
}

export function HighlightNote(props: HighlightNoteProps) {
  return (
    <section
      class="bs-hl-note"
      role="dialog"
      aria-label="Saved highlight"
      style={{ top: `${props.at.top}px`, left: `${props.at.left}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <p class={props.note ? 'bs-hl-note-text' : 'bs-hl-note-text bs-hl-note-empty'}>{props.note || 'No note.'}</p>
      <button type="button" class="bs-hl-remove" onClick={props.onRemove}>
        Remove highlight
      </button>
    </section>
  );
}
