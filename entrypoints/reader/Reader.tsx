/**
 * The document reader: one corpus document's cleaned text with its outlet, date and perspective
 * (and the evidence for that label), scrolled to the passage or paragraph named in the URL
 * (`?doc=<id>&passage=<passage id>` or `&para=<n>`). Without a document, the list of them.
 */
import { useEffect, useRef } from 'preact/hooks';
import { formatIsoDate } from '~/components/card/format';
import { parseReaderSearch, readerSearch } from '~/lib/card-data';
import type { KbDocument, KnowledgeBase } from '~/lib/kb/types';
import './reader.css';

export function Reader({ kb, search }: { kb: KnowledgeBase; search: string }) {
  const target = parseReaderSearch(search);
  if (!target.doc) return <DocumentList kb={kb} />;
  const document = kb.documents.find((d) => d.id === target.doc);
  if (!document) return <UnknownDocument id={target.doc} />;
  const passage = target.passage ? kb.passages.find((p) => p.id === target.passage && p.doc === document.id) : undefined;
  return (
    <DocumentView
      kb={kb}
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
  document,
  para,
  passageText,
  missingPassage,
}: {
  kb: KnowledgeBase;
  document: KbDocument;
  para: number | undefined;
  passageText: string | undefined;
  missingPassage: boolean;
}) {
  usePageTitle(document.title);
  const targetRef = useRef<HTMLParagraphElement>(null);
  const perspective = kb.perspectives.find((p) => p.id === document.perspective);

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
                {isTarget && passageText ? <Marked text={text} passage={passageText} /> : text}
              </p>
            );
          })}
        </div>
      </article>
    </main>
  );
}

/** The paragraph with the passage marked; as plain text when the passage is not found in it. */
function Marked({ text, passage }: { text: string; passage: string }) {
  const start = text.indexOf(passage);
  if (start < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, start)}
      <mark class="bs-passage">{passage}</mark>
      {text.slice(start + passage.length)}
    </>
  );
}
