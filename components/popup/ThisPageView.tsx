/**
 * The popup's "This page": what Backstory recognised the page to be, and for each
 * entity it mentions what the *other* documents say — the popup form of the card's contrast.
 * An unrelated page gets an explicit empty state. Corpus text is rendered as text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CardSource } from '../../lib/card-data';
import type { KnowledgeBase } from '../../lib/kb/types';
import type { PageMention, PageRecognition } from '../../lib/messages';
import type { ReaderHref } from '../shared/Citation';
import { ThisPageLine } from '../shared/ThisPage';
import { ENTITIES_WITH_ACCOUNTS, PageEntities } from './PageEntities';
import { SourceSettings, type SourceRegistryApi } from './SourceSettings';
import '../card/accounts.css';
import '../shared/this-page.css';

export interface ThisPageContent {
  reachable: boolean;
  mentions: PageMention[];
  recognition: PageRecognition | null;
}

export interface ThisPageViewProps {
  /** The names (for the cited paragraphs) and, without `cardSource`, every entity's records. */
  kb: KnowledgeBase;
  load(): Promise<ThisPageContent>;
  /** An entity's records from the live knowledge base; absent → those of `kb`. */
  cardSource?(entity: string): Promise<CardSource | undefined>;
  readerHref: ReaderHref;
  onOpen(entityId: string): void;
  /** The source registry's settings, shown under the view when given. */
  sources?: SourceRegistryApi;
}

/** The page, and the records of the entities shown (read with it, so the list shows at once). */
type Loaded = ThisPageContent & { records?: ReadonlyMap<string, CardSource | undefined> };

export function ThisPageView({ kb, load, cardSource, readerHref, onOpen, sources }: ThisPageViewProps) {
  const [content, setContent] = useState<Loaded | 'loading'>('loading');
  useEffect(() => {
    let live = true;
    load()
      .then(async (c): Promise<Loaded> => {
        if (!cardSource) return c;
        const shown = c.mentions.slice(0, ENTITIES_WITH_ACCOUNTS).map((m) => m.entity);
        // An entity whose records cannot be read is shown without accounts, not as an error.
        const read = await Promise.all(shown.map((id) => cardSource(id).catch(() => undefined)));
        return { ...c, records: new Map(shown.map((id, i) => [id, read[i]])) };
      })
      .then(
        (c) => live && setContent(c),
        () => live && setContent({ reachable: false, mentions: [], recognition: null }),
      );
    return () => {
      live = false;
    };
  }, [load, cardSource]);

  return (
    <section class="bs-this-page-view" aria-labelledby="bs-this-page-heading" aria-busy={content === 'loading'}>
      <h2 id="bs-this-page-heading">This page</h2>
      {content === 'loading' ? (
        <p class="bs-muted">Reading the page…</p>
      ) : (
        <ThisPageBody kb={kb} content={content} readerHref={readerHref} onOpen={onOpen} />
      )}
      {sources && <SourceSettings api={sources} />}
    </section>
  );
}

function ThisPageBody({ kb, content, readerHref, onOpen }: Pick<ThisPageViewProps, 'kb' | 'readerHref' | 'onOpen'> & { content: Loaded }) {
  const thisPage = content.recognition?.thisPage ?? null;
  const quotes = content.recognition?.quotes ?? [];
  if (!content.reachable) {
    return <p class="bs-this-page-empty">Backstory does not read this page (browser pages and some sites are off limits).</p>;
  }
  return (
    <>
      {thisPage ? (
        <ThisPageLine page={thisPage} />
      ) : (
        <p class="bs-this-page-none">Not one of the corpus’s documents, nor from an outlet Backstory knows.</p>
      )}
      {(content.recognition?.cited.length ?? 0) > 0 && (
        <CitedParagraphs kb={kb} cited={content.recognition!.cited} onOpen={onOpen} />
      )}
      {quotes.length > 0 && (
        <ul class="bs-this-page-quotes">
          {quotes.map((q) => (
            <li key={q.doc}>
              Quotes <a href={readerHref({ doc: q.doc, para: q.paragraphs[0] })} target="_blank" rel="noopener noreferrer">“{q.title}”</a> ({q.outlet})
            </li>
          ))}
        </ul>
      )}
      {content.mentions.length === 0 ? (
        <p class="bs-this-page-empty">No people, organisations, places or events from the corpus on this page.</p>
      ) : (
        <PageEntities
          kb={kb}
          records={content.records}
          mentions={content.mentions}
          thisPage={thisPage}
          readerHref={readerHref}
          onOpen={onOpen}
        />
      )}
    </>
  );
}

/**
 * The page's own paragraphs that the accounts quote, each with the entities whose contrast it
 * belongs to: choosing one opens that entity's accounts, set against this page.
 */
function CitedParagraphs({
  kb,
  cited,
  onOpen,
}: {
  kb: KnowledgeBase;
  cited: PageRecognition['cited'];
  onOpen(entityId: string): void;
}) {
  const names = new Map(kb.entities.map((e) => [e.id, e.name]));
  return (
    <section class="bs-this-page-cited" aria-labelledby="bs-this-page-cited-heading">
      <h3 id="bs-this-page-cited-heading">Paragraphs of this page the accounts quote</h3>
      <ul>
        {cited.map(({ para, entities }) => (
          <li key={para} data-para={para}>
            <span class="bs-muted">Paragraph {para} of the document:</span>{' '}
            {entities.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <button type="button" class="bs-page-entity-name" onClick={() => onOpen(id)}>
                  {names.get(id) ?? id}
                </button>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
