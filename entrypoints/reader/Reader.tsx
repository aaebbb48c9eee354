/**
 * The document reader: one corpus document's cleaned text with its outlet, date and perspective
 * (and the evidence for that label), scrolled to the passage or paragraph named in the URL
 * (`?doc=<id>&passage=<passage id>` or `&para=<n>`). Without a document, the list of them.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatIsoDate } from '../../components/card/format';
import { parseReaderSearch, readerSearch } from '../../lib/card-data';
import type { Matcher } from '../../lib/engine/matcher';
import type { KbDocument, KnowledgeBase } from '../../lib/kb/types';
import type { CardData } from '../../lib/messages';
import { paragraphRuns, spotParagraphs, type ParagraphMention } from '../../lib/reader-mentions';
import { RunsView } from './MarkedParagraph';
import { useReaderCard } from './reader-card';
import './reader.css';

export interface ReaderProps {
  kb: KnowledgeBase;
  search: string;
  /** Marks the document's mentions (hover or Enter gives the card); without it, plain text. */
  matcher?: Matcher;
  /** Opens an entity in the popup's view (a related entity on the card). */
  onOpenEntity?(entity: string): void;
  /** A card's data from the live knowledge base (the background's); without it, built from `kb`. */
  loadCard?(entity: string): Promise<CardData | null>;
  /** Entity names, for the marks' labels, when `kb` lists no entities. */
  entityNames?: ReadonlyMap<string, string>;
}

export function Reader({ kb, search, matcher, onOpenEntity, loadCard, entityNames }: ReaderProps) {
  const target = parseReaderSearch(search);
  if (!target.doc) return <DocumentList kb={kb} />;
  const document = kb.documents.find((d) => d.id === target.doc);
  if (!document) return <UnknownDocument id={target.doc} />;
  const passage = target.passage ? kb.passages.find((p) => p.id === target.passage && p.doc === document.id) : undefined;
  return (
    <DocumentView
      kb={kb}
      matcher={matcher}
      onOpenEntity={onOpenEntity}
      loadCard={loadCard}
      entityNames={entityNames}
      document={document}
      para={passage?.para ?? target.para}
      passageText={passage?.text}
      missingPassage={target.passage !== undefined && !passage}
    />
  );
}

function usePageTitle(title: string) {
  useEffect(() => {
    globalThis.document.title = `${title} · Backstory`;
  }, [title]);
}

function perspectiveLabel(kb: KnowledgeBase, id: string): string {
  return kb.perspectives.find((p) => p.id === id)?.label ?? id;
}

function DocumentList({ kb }: { kb: KnowledgeBase }) {
  usePageTitle('Corpus');
  return (
    <main class="bs-reader">
      <h1>Backstory’s corpus</h1>
      <p class="bs-muted">The news documents Backstory’s backgrounds and accounts are drawn from.</p>
      <ul class="bs-doc-list">
        {kb.documents.map((d) => (
          <li key={d.id}>
            <a href={readerSearch({ doc: d.id })}>{d.title}</a>
            <p class="bs-muted">
              {d.outlet} · {formatIsoDate(d.date)} · <span class="bs-chip">{perspectiveLabel(kb, d.perspective)}</span>
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}

function UnknownDocument({ id }: { id: string }) {
  usePageTitle('Document not found');
  return (
    <main class="bs-reader">
      <h1>Document not found</h1>
      <p>
        Backstory’s corpus has no document “{id}”. It may have been removed in an update of the
        knowledge base.
      </p>
      <p>
        <a href="?">See all documents</a>
      </p>
    </main>
  );
}

function DocumentView({
  kb,
  matcher,
  onOpenEntity,
  loadCard,
  entityNames,
  document,
  para,
  passageText,
  missingPassage,
}: {
  kb: KnowledgeBase;
  matcher: Matcher | undefined;
  onOpenEntity: ((entity: string) => void) | undefined;
  loadCard: ReaderProps['loadCard'];
  entityNames: ReaderProps['entityNames'];
  document: KbDocument;
  para: number | undefined;
  passageText: string | undefined;
  missingPassage: boolean;
}) {
  usePageTitle(document.title);
  const targetRef = useRef<HTMLParagraphElement>(null);
  const perspective = kb.perspectives.find((p) => p.id === document.perspective);
  // "Not this" on the reader's card hides that name's marks in this view only: a corpus
  // document is no site to remember it for.
  const [suppressed, setSuppressed] = useState<ReadonlySet<string>>(new Set());
  const mentions = useMemo(
    (): ParagraphMention[][] => (matcher ? spotParagraphs(matcher, document.paragraphs, suppressed) : []),
    [matcher, document, suppressed],
  );
  const names = useMemo(() => entityNames ?? new Map(kb.entities.map((e) => [e.id, e.name])), [kb, entityNames]);
  const card = useReaderCard(kb, {
    ...(loadCard ? { loadCard } : {}),
    onSuppress: (entity) => setSuppressed((current) => new Set([...current, entity])),
    onRelated: (entity) => onOpenEntity?.(entity),
  });

  useEffect(() => {
    const target = targetRef.current;
    if (!target) return;
    target.scrollIntoView?.({ block: 'center' });
    // Focus too, so keyboard and screen-reader users start where the link pointed.
    target.focus({ preventScroll: true });
  }, [document.id, para]);

  return (
    <main class="bs-reader">
      <p>
        <a href="?">All documents</a>
      </p>
      <article aria-labelledby="bs-doc-title">
        <header class="bs-doc-header">
          <h1 id="bs-doc-title">{document.title}</h1>
          <p class="bs-doc-meta">
            {document.outlet}
            {document.author ? ` · ${document.author}` : ''} · <time dateTime={document.date}>{formatIsoDate(document.date)}</time>
          </p>
          {document.dateNote && <p class="bs-muted bs-doc-date-note">{document.dateNote}</p>}
          <section class="bs-perspective" aria-label="Perspective">
            <p>
              <span class="bs-chip">{perspective?.label ?? document.perspective}</span>{' '}
              {perspective?.description}
            </p>
            {document.evidence.length > 0 && (
              <details>
                <summary>Why this label</summary>
                <ul>
                  {document.evidence.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        </header>
        {missingPassage && (
          <p class="bs-notice" role="note">
            The passage this link pointed to is no longer in this document; showing the whole text.
          </p>
        )}
        <div class="bs-doc-text">
          {document.paragraphs.map((text, i) => {
            const n = i + 1;
            const isTarget = n === para;
            return (
              <p
                key={n}
                id={`p${n}`}
                ref={isTarget ? targetRef : undefined}
                tabIndex={isTarget ? -1 : undefined}
                class={isTarget ? 'bs-para bs-para-target' : 'bs-para'}
              >
                <span class="bs-para-number" aria-label={`Paragraph ${n}`}>
                  ¶{n}
                </span>{' '}
                <RunsView runs={paragraphRuns(text, mentions[i] ?? [], isTarget ? passageText : undefined)} card={card} names={names} />
              </p>
            );
          })}
        </div>
      </article>
      {card.card}
    </main>
  );
}
