import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CardData } from '../../lib/messages';
import type { MatcherEntity } from '../../lib/engine/types';
import { parseReaderSearch } from '../../lib/card-data';
import { Accounts } from './Accounts';
import { Contrasts, Disagreements } from './Contrasts';
import { ThisPageLine } from '../shared/ThisPage';
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
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  // --- pinning and the reader links ---
  /** Pinned: stays open when the pointer leaves or the mention scrolls away. */
  pinned?: boolean;
  onPin?: (pinned: boolean) => void;
  /**
   * "Read in context" clicked. A page cannot navigate to an extension page, so the card hands
   * the click to its host; without this prop links behave as plain links (extension pages).
   */
  onOpenReader?: (doc: string, passage: string) => void;
  /** "Open in Backstory": the entity view. Without it the button is shown disabled. */
  onOpenEntity?: (entity: string) => void;
  /** "Save": the sentence around the mention as a highlight. Without it the button is disabled. */
  onSave?: (entity: string) => void;
}

const BACKGROUND_SHOWN = 2;
const KEY_DATES_SHOWN = 4;
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
    // Whole pixels: crisp text, and the same rendering wherever the mention's box falls.
    el.style.top = `${Math.round(place.top)}px`;
    el.style.left = `${Math.round(place.left)}px`;
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
      onClick={(e) => openReaderLink(e, props.onOpenReader)}
    >
      {/* Plain divs: <header>/<footer> here would be page-level banner/contentinfo landmarks. */}
      <div class="bs-card-header">
        <h2 class="bs-card-name" id={headingId}>
          {entity.name}
        </h2>
        <span class="bs-card-type">{typeLabel(entity.type)}</span>
        {props.onPin && (
          <button
            type="button"
            class="bs-card-pin"
            aria-pressed={props.pinned ? 'true' : 'false'}
            title={props.pinned ? 'Unpin: close when the pointer leaves' : 'Pin: keep this card open'}
            onClick={() => props.onPin?.(!props.pinned)}
          >
            {props.pinned ? 'Pinned' : 'Pin'}
          </button>
        )}
        <button type="button" class="bs-card-close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </div>
      {content.status === 'loading' && <p class="bs-card-status">Loading…</p>}
      {content.status === 'missing' && <p class="bs-card-status">Backstory has no background for this name yet.</p>}
      {content.status === 'ready' && <CardBody data={content.data} {...props} />}
      <div class="bs-card-actions">
        <button type="button" class="bs-card-suppress" onClick={() => props.onSuppress(entity.id)}>
          Not this
        </button>
        {/* Disabled until their feature passes a handler (Save: the highlights feature). */}
        <button
          type="button"
          class="bs-card-save"
          disabled={!props.onSave}
          title={props.onSave ? 'Save the sentence around this name as a highlight' : 'Not available yet'}
          onClick={() => props.onSave?.(entity.id)}
        >
          Save
        </button>
        <button
          type="button"
          class="bs-card-open"
          disabled={!props.onOpenEntity}
          title={props.onOpenEntity ? 'Open the entity view in a new tab' : 'Not available yet'}
          onClick={() => props.onOpenEntity?.(entity.id)}
        >
          Open in Backstory
        </button>
      </div>
    </div>
  );
}

/** A learned name's defining phrases from the reader's documents, each cited to its document and paragraph. */
function LearnedDefinitions({ definitions }: { definitions: NonNullable<CardData['learned']>['definitions'] }) {
  if (definitions.length === 0) return null;
  return (
    <ul class="bs-card-learned" aria-label="From your documents">
      {definitions.slice(0, BACKGROUND_SHOWN).map((d) => (
        <li key={`${d.doc}:${d.paragraph}:${d.text}`}>
          <blockquote class="bs-card-learned-quote">{d.text}</blockquote>
          <a class="bs-card-learned-cite bs-account-link" href={d.readerUrl} target="_blank" rel="noopener noreferrer">
            {d.outlet}, “{d.title}”, paragraph {d.paragraph}
          </a>
        </li>
      ))}
    </ul>
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
      {data.learned && <LearnedDefinitions definitions={data.learned.definitions} />}
      {data.keyDates && data.keyDates.length > 0 && (
        <ul class="bs-card-dates" aria-label="Key dates">
          {data.keyDates.slice(0, KEY_DATES_SHOWN).map((d) => (
            <li key={d.id}>
              <time dateTime={d.date.start}>{formatEventDate(d.date)}</time> {d.name}
            </li>
          ))}
        </ul>
      )}
      {data.thisPage && <ThisPageLine page={data.thisPage} />}
      <Contrasts contrasts={data.contrasts ?? []} />
      <Disagreements disagreements={data.disagreements ?? []} />
      <Accounts accounts={data.accounts} title={data.contrasts?.length ? 'More accounts' : 'Accounts differ'} />
      {/* After the accounts: the summary already says who this is; the card leads with how
          outlets disagree. */}
      {data.background.length > 0 && !data.learned && (
        <ul class="bs-card-background">
          {data.background.slice(0, BACKGROUND_SHOWN).map((statement) => (
            <li key={statement.text} title={statement.cites.join(', ')}>
              {statement.text}
            </li>
          ))}
        </ul>
      )}
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

/** A click on a link to the document reader becomes `onOpenReader(doc, passage)`. */
function openReaderLink(e: MouseEvent, onOpenReader: CardProps['onOpenReader']): void {
  if (!onOpenReader || !(e.target instanceof Element)) return;
  const link = e.target.closest('a[href]');
  if (!(link instanceof HTMLAnchorElement)) return;
  const url = new URL(link.href);
  if (!url.pathname.endsWith('/reader.html')) return;
  const { doc, passage } = parseReaderSearch(url.search);
  if (!doc || !passage) return;
  e.preventDefault();
  onOpenReader(doc, passage);
}
