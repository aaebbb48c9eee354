/**
 * One entity in the popup: background with citations, the accounts of each perspective, related
 * entities and the documents that mention it, built from the entity's records (`kb`: read from
 * the live knowledge base by the popup, or a whole knowledge base in tests).
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { buildCardData, type CardSource } from '../../lib/card-data';
import { Accounts } from '../card/Accounts';
import { Contrasts, Disagreements, type OnReview } from '../card/Contrasts';
import type { ReviewDecision } from '../../lib/contrasts/review';
import { stripMarks } from '../../lib/stance-strip';
import { StanceStrip } from './StanceStrip';
import { formatEventDate, typeLabel } from '../card/format';
import { Citation, type ReaderHref } from '../shared/Citation';
import { shortOutlet } from '../shared/cite';
import { timelineFor, type TimelineSource } from '../../lib/timeline';
import { Timeline } from './Timeline';
import '../card/accounts.css';

export interface EntityViewProps {
  /** The entity's records; undefined while they are being read. */
  kb: CardSource | undefined;
  /** Every entity, for the timeline's links; `kb`'s entities when not given. */
  entities?: readonly TimelineSource[];
  entityId: string;
  readerHref: ReaderHref;
  /** Where Back goes, in the reader's words ("results", "On this page"). */
  backLabel?: string;
  onBack(): void;
  onOpen(entityId: string): void;
  /** The records could not be read (IndexedDB failed): say so rather than "not in the knowledge base". */
  unreadable?: boolean;
  /** The reader's keep/dismiss on automatic contrasts; without `onReview` they are only labelled. */
  decisions?: readonly ReviewDecision[];
  onReview?: OnReview;
}

export function EntityView({ kb, entities, entityId, readerHref, backLabel = 'results', onBack, onOpen, unreadable, decisions, onReview }: EntityViewProps) {
  const documents = useMemo(() => new Map((kb?.documents ?? []).map((d) => [d.id, d])), [kb]);
  const card = useMemo(
    // The popup has room for every document's account, not just the card's first few.
    () => kb && buildCardData({ ...kb, ...(decisions ? { decisions } : {}) }, entityId, (doc, passage) => readerHref({ doc, passage }), Infinity),
    [kb, entityId, readerHref, decisions],
  );
  const entity = useMemo(() => kb?.entities.find((e) => e.id === entityId), [kb, entityId]);
  const timeline = useMemo(() => timelineFor(entities ?? kb?.entities ?? [], entityId), [entities, kb, entityId]);
  const marks = useMemo(() => (kb && entity ? stripMarks(entity, kb) : []), [kb, entity]);
  const heading = useRef<HTMLHeadingElement>(null);
  const loading = kb === undefined;

  // Move focus to the new view's heading so keyboard and screen-reader users land on it.
  useEffect(() => heading.current?.focus(), [entityId, loading]);

  const back = (
    <button type="button" class="bs-back" onClick={onBack}>
      <span aria-hidden="true">←</span> Back to {backLabel}
    </button>
  );
  if (loading) {
    return (
      <article class="bs-entity" aria-busy="true">
        {back}
        <h1 class="bs-muted">Reading the knowledge base…</h1>
      </article>
    );
  }
  if (!card || !entity) {
    return (
      <article class="bs-entity">
        {back}
        <h1 ref={heading} tabIndex={-1}>
          {unreadable ? 'Backstory could not read this name' : 'Not in the knowledge base'}
        </h1>
        {unreadable && <p role="alert">Its documents could not be read just now. Close the popup and open it again.</p>}
      </article>
    );
  }

  const mentionedIn = Object.entries(entity.mentions)
    .filter(([, count]) => count > 0)
    .sort(([, a], [, b]) => b - a);

  return (
    <article class="bs-entity" aria-labelledby="bs-entity-name">
      {back}
      <header class="bs-entity-header">
        <h1 id="bs-entity-name" ref={heading} tabIndex={-1}>
          {card.name}
        </h1>
        <span class="bs-chip">{typeLabel(card.type)}</span>
        {card.date && <p class="bs-entity-date bs-muted">{formatEventDate(card.date)}{card.date.note ? ` (${card.date.note})` : ''}</p>}
      </header>
      <p class="bs-entity-summary">{card.summary}</p>

      {card.background.length > 0 && (
        <section aria-labelledby="bs-background">
          <h2 id="bs-background">Background</h2>
          <ul class="bs-statements">
            {card.background.map((statement, i) => (
              <li key={i}>
                {statement.text}{' '}
                {statement.cites.map((cite) => (
                  <Citation key={cite} cite={cite} documents={documents} readerHref={readerHref} />
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      <Timeline events={timeline} onOpen={onOpen} />

      <Contrasts contrasts={card.contrasts ?? []} onReview={onReview} headingLevel={2} />
      <Disagreements disagreements={card.disagreements ?? []} onReview={onReview} headingLevel={2} />

      <StanceStrip marks={marks} entityName={card.name} readerHref={readerHref} />

      <Accounts accounts={card.accounts} headingLevel={2} title={card.contrasts?.length ? 'More accounts' : 'Accounts differ'} />

      {card.related.length > 0 && (
        <section aria-labelledby="bs-related">
          <h2 id="bs-related">Related</h2>
          <ul class="bs-related">
            {card.related.map((related) => (
              <li key={related.id}>
                <button type="button" class="bs-related-button" onClick={() => onOpen(related.id)}>
                  {related.name}
                </button>{' '}
                <span class="bs-muted">
                  {related.rel} · {typeLabel(related.type)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {mentionedIn.length > 0 && (
        <section aria-labelledby="bs-documents">
          <h2 id="bs-documents">
            {/* Counted in the index: the view lists the accounts it read, the newest. */}
            Mentioned in {kb.documentCount ?? mentionedIn.length} of {kb.documentTotal ?? kb.documents.length} documents
          </h2>
          <ul class="bs-documents">
            {mentionedIn.map(([docId, count]) => {
              const document = documents.get(docId);
              if (!document) return null;
              return (
                <li key={docId}>
                  <a href={readerHref({ doc: docId })} target="_blank" rel="noopener noreferrer">
                    {document.title}
                  </a>{' '}
                  <span class="bs-muted">
                    {shortOutlet(document)} · {count} {count === 1 ? 'mention' : 'mentions'}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </article>
  );
}
