import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CardData } from '../../lib/messages';
import type { MatcherEntity } from '../../lib/engine/types';
import { Accounts } from './Accounts';
import { documentCountText, formatEventDate, typeLabel } from './format';
import { placeCard, type Box } from './position';

/** What the card shows: the entity while its data loads, then the data (or its absence). */
export type CardContent =
  | { status: 'loading'; entity: MatcherEntity }
  | { status: 'ready'; data: CardData }
  | { status: 'missing'; entity: MatcherEntity };

export interface CardProps {
  content: CardContent;
  /** The mention's rectangle in viewport coordinates; the card sits next to it. */
  anchor: Box;
  onClose: () => void;
  onSuppress: (entity: string) => void;
  onRelated: (entity: string) => void;
  /** Save the sentence around the mention as a highlight; absent → the button is disabled. */
  onSave?: (entity: string) => void;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}

const BACKGROUND_SHOWN = 2;
let nextId = 0;

/**
 * The hover card: who or what a mention is, and how the corpus's outlets disagree about it.
 * Rendered inside Backstory's shadow root; every string is rendered as text.
 */
export function Card(props: CardProps) {
  const { content, anchor } = props;
  const root = useRef<HTMLDivElement>(null);
  const headingId = useRef(`bs-card-name-${++nextId}`).current;

  // Place the card once its size is known; re-place whenever content or anchor changes.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    el.style.maxHeight = '';
    const size = { width: el.offsetWidth, height: el.offsetHeight };
    const place = placeCard(anchor, size, { width: window.innerWidth, height: window.innerHeight });
    el.style.top = `${place.top}px`;
    el.style.left = `${place.left}px`;
    // Never taller than the stylesheet allows (measured above), nor than the room on its side.
    el.style.maxHeight = `${Math.min(place.maxHeight, size.height)}px`;
    el.dataset.side = place.side;
  }, [content, anchor.top, anchor.left, anchor.width, anchor.height]);

  const entity = content.status === 'ready' ? content.data : content.entity;
  return (
    <div
      ref={root}
      class="bs-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      aria-busy={content.status === 'loading' ? 'true' : undefined}
      tabIndex={-1}
      data-entity={entity.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onClose();
        }
      }}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <header class="bs-card-header">
        <h2 class="bs-card-name" id={headingId}>
          {entity.name}
        </h2>
        <span class="bs-card-type">{typeLabel(entity.type)}</span>
        <button type="button" class="bs-card-close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      {content.status === 'loading' && <p class="bs-card-status">Loading…</p>}
      {content.status === 'missing' && <p class="bs-card-status">Backstory has no background for this name yet.</p>}
      {content.status === 'ready' && <CardBody data={content.data} {...props} />}
      <footer class="bs-card-actions">
        <button type="button" class="bs-card-suppress" onClick={() => props.onSuppress(entity.id)}>
          Not this
        </button>
        {/* "Open in Backstory" has no message yet in lib/messages.ts: shown, but plainly disabled. */}
        <button
          type="button"
          class="bs-card-save"
          disabled={!props.onSave}
          title={props.onSave ? 'Save the sentence around this name as a highlight' : 'Not available yet'}
          onClick={() => props.onSave?.(entity.id)}
        >
          Save
        </button>
        <button type="button" class="bs-card-open" disabled title="Not available yet">
          Open in Backstory
        </button>
      </footer>
    </div>
  );
}

function CardBody({ data, onRelated }: CardProps & { data: CardData }) {
  return (
    <>
      {data.date && (
        <p class="bs-card-date">
          <time dateTime={data.date.start}>{formatEventDate(data.date)}</time>
          {data.date.note && <span class="bs-card-date-note"> ({data.date.note})</span>}
        </p>
      )}
      {data.summary && <p class="bs-card-summary">{data.summary}</p>}
      {data.background.length > 0 && (
        <ul class="bs-card-background">
          {data.background.slice(0, BACKGROUND_SHOWN).map((statement) => (
            <li key={statement.text} title={statement.cites.join(', ')}>
              {statement.text}
            </li>
          ))}
        </ul>
      )}
      <Accounts accounts={data.accounts} />
      {data.related.length > 0 && (
        <section class="bs-related" aria-label="Related">
          <h3 class="bs-related-title">Related</h3>
          <ul class="bs-related-list">
            {data.related.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  class="bs-related-chip"
                  data-entity={r.id}
                  title={`${r.rel}: ${typeLabel(r.type)}`}
                  onClick={() => onRelated(r.id)}
                >
                  {r.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="bs-card-documents">{documentCountText(data.documentCount, data.documentTotal)}</p>
    </>
  );
}
