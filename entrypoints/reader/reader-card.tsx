/**
 * The hover card on the reader page: the same card as on web pages (components/card), opened by
 * resting the pointer on a mention (about 250 ms) or by Enter/Space on it, kept open while the
 * pointer moves into it, closed on leave after a grace period or on Esc. The data comes from
 * the knowledge base the page was given, or, with `loadCard`, from the background, which reads
 * the live one (the reader's own documents included).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Card, type CardContent } from '../../components/card/Card';
import type { Box } from '../../components/card/position';
import { buildCardData, readerSearch } from '../../lib/card-data';
import type { CardData } from '../../lib/messages';
import type { KnowledgeBase } from '../../lib/kb/types';
import '../../components/card/card.css';
import '../../components/card/accounts.css';

const OPEN_DELAY_MS = 250;
const CLOSE_GRACE_MS = 300;

export interface ReaderCardControls {
  /** Pointer came to rest on a mention. */
  hover(entity: string, element: HTMLElement): void;
  /** Pointer left a mention or the card. */
  leave(): void;
  /** Keyboard or click: open now and move focus into the card. */
  openNow(entity: string, element: HTMLElement): void;
  card: preact.JSX.Element | null;
}

export function useReaderCard(
  kb: KnowledgeBase,
  options: {
    onSuppress(entity: string): void;
    onRelated(entity: string): void;
    /** The card's data from the live knowledge base; without it, built from `kb`. */
    loadCard?(entity: string): Promise<CardData | null>;
  },
): ReaderCardControls {
  const [open, setOpen] = useState<{ entity: string; anchor: Box; from: HTMLElement; focus: boolean } | null>(null);
  const timer = useRef(0);
  const clear = () => window.clearTimeout(timer.current);
  useEffect(() => clear, []);

  const close = (returnFocus: boolean) => {
    clear();
    setOpen((current) => {
      if (current && returnFocus) current.from.focus();
      return null;
    });
  };

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close(true);
    // The card is placed against the mention's box in the viewport: scrolling away closes it.
    const onScroll = () => close(false);
    document.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll);
    };
  }, [open]);

  const built = useMemo((): CardContent | null => {
    if (!open || options.loadCard) return null;
    const data = buildCardData(kb, open.entity, (doc, passage) => readerSearch({ doc, passage }));
    return data ? { status: 'ready', data } : null;
  }, [kb, open?.entity]);
  const [loaded, setLoaded] = useState<{ entity: string; content: CardContent | null } | undefined>();
  useEffect(() => {
    const entity = open?.entity;
    if (!entity || !options.loadCard) return;
    let live = true;
    options.loadCard(entity).then(
      (data) => live && setLoaded({ entity, content: data ? { status: 'ready', data } : null }),
      () => live && setLoaded({ entity, content: null }),
    );
    return () => {
      live = false;
    };
  }, [open?.entity]);
  const content = options.loadCard ? (loaded && loaded.entity === open?.entity ? loaded.content : null) : built;

  const show = (entity: string, element: HTMLElement, focus: boolean) => {
    const r = element.getBoundingClientRect();
    setOpen({ entity, anchor: { top: r.top, left: r.left, width: r.width, height: r.height }, from: element, focus });
  };

  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open?.focus) cardRef.current?.querySelector<HTMLElement>('.bs-card')?.focus();
  }, [open]);

  return {
    hover(entity, element) {
      clear();
      timer.current = window.setTimeout(() => show(entity, element, false), OPEN_DELAY_MS);
    },
    leave() {
      clear();
      timer.current = window.setTimeout(() => close(false), CLOSE_GRACE_MS);
    },
    openNow(entity, element) {
      clear();
      show(entity, element, true);
    },
    card:
      open && content ? (
        <div ref={cardRef}>
          <Card
            content={content}
            anchor={open.anchor}
            onClose={() => close(true)}
            onSuppress={(entity) => {
              close(false);
              options.onSuppress(entity);
            }}
            onRelated={options.onRelated}
            onPointerEnter={clear}
            onPointerLeave={() => {
              clear();
              timer.current = window.setTimeout(() => close(false), CLOSE_GRACE_MS);
            }}
          />
        </div>
      ) : null,
  };
}
