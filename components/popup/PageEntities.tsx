/**
 * The names of the page under "This page": the first few with what the *other* documents say of
 * them, then, on request, every other name the page holds. A busy page names dozens; the first
 * ones are enough to take in at a glance, and the rest stay one keystroke away rather than
 * silently cut. Corpus text is rendered as text.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { buildCardData, type CardSource } from '../../lib/card-data';
import type { KnowledgeBase } from '../../lib/kb/types';
import type { PageMention, PageRecognition } from '../../lib/messages';
import { contrastWithPage } from '../../lib/recognition/contrast';
import { typeLabel } from '../card/format';
import type { ReaderHref } from '../shared/Citation';

/** Enough to take in at a glance; the entity view has every account. */
export const ENTITIES_WITH_ACCOUNTS = 12;
const ACCOUNTS_PER_ENTITY = 2;

export interface PageEntitiesProps {
  kb: KnowledgeBase;
  /** Each shown entity's records, when read from the live knowledge base; else `kb` has them. */
  records: ReadonlyMap<string, CardSource | undefined> | undefined;
  mentions: PageMention[];
  thisPage: PageRecognition['thisPage'];
  readerHref: ReaderHref;
  onOpen(entityId: string): void;
}

export function PageEntities({ kb, records, mentions, thisPage, readerHref, onOpen }: PageEntitiesProps) {
  const rows = useMemo(
    () =>
      mentions.slice(0, ENTITIES_WITH_ACCOUNTS).map((mention) => {
        const source = records ? records.get(mention.entity) : kb;
        const card = source ? buildCardData(source, mention.entity, (doc, passage) => readerHref({ doc, passage }), Infinity) : null;
        return { mention, accounts: contrastWithPage(card, thisPage, ACCOUNTS_PER_ENTITY)?.accounts ?? [] };
      }),
    [kb, records, mentions, thisPage, readerHref],
  );
  const rest = mentions.slice(ENTITIES_WITH_ACCOUNTS);
  return (
    <>
      <ul class="bs-page-entities">
        {rows.map(({ mention, accounts }) => (
          <li key={mention.entity} class="bs-page-entity" data-entity={mention.entity}>
            <h3>
              <EntityName mention={mention} onOpen={onOpen} /> <MentionNote mention={mention} />
            </h3>
            {accounts.length === 0 ? (
              <p class="bs-muted">The other documents do not describe it.</p>
            ) : (
              <ul class="bs-page-accounts" aria-label={`What the other documents say about ${mention.name}`}>
                {accounts.map((a) => (
                  <li key={a.passage} class="bs-page-account" data-doc={a.doc} data-perspective={a.perspective.id}>
                    <span class="bs-page-account-source">
                      {a.outlet} · {a.perspective.label}
                    </span>
                    <blockquote>{a.quote}</blockquote>
                    <a href={a.readerUrl} target="_blank" rel="noopener noreferrer">
                      Read in context<span class="bs-visually-hidden">: {a.title}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {rest.length > 0 && <MoreNames total={mentions.length} rest={rest} onOpen={onOpen} />}
    </>
  );
}

/**
 * The names past the first few, by name, type and count; each opens its entity view. Shown on
 * request, after which focus moves to the first of them so a keyboard reader lands where the
 * list grew.
 */
function MoreNames({ total, rest, onOpen }: { total: number; rest: PageMention[]; onOpen(entityId: string): void }) {
  const [shown, setShown] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (shown) list.current?.querySelector<HTMLElement>('.bs-page-entity-name')?.focus();
  }, [shown]);
  if (!shown) {
    return (
      <button type="button" class="bs-button bs-page-more" aria-expanded="false" aria-controls="bs-page-more-names" onClick={() => setShown(true)}>
        Show all {total} names ({rest.length} more)
      </button>
    );
  }
  return (
    <ul ref={list} id="bs-page-more-names" class="bs-page-more-names" aria-label={`${rest.length} more names on this page`}>
      {rest.map((mention) => (
        <li key={mention.entity} class="bs-page-entity bs-page-entity-brief" data-entity={mention.entity}>
          <EntityName mention={mention} onOpen={onOpen} /> <MentionNote mention={mention} />
        </li>
      ))}
    </ul>
  );
}

function EntityName({ mention, onOpen }: { mention: PageMention; onOpen(entityId: string): void }) {
  return (
    <button type="button" class="bs-page-entity-name" onClick={() => onOpen(mention.entity)}>
      {mention.name}
    </button>
  );
}

function MentionNote({ mention }: { mention: PageMention }) {
  return (
    <span class="bs-muted">
      {typeLabel(mention.type)} · {mention.count === 1 ? 'once' : `${mention.count} times`}
    </span>
  );
}
