/**
 * "On this page": the names Backstory spotted in the tab, by type, with how often each occurs.
 * Choosing a name scrolls the page to its first mention and flashes it; Previous/Next step
 * through its other mentions. The page does the scrolling (`page/reveal` to its content script).
 */
import { useState } from 'preact/hooks';
import type { EntityType } from '../../lib/kb/types';
import type { PageMention } from '../../lib/messages';
import { typeLabel } from '../card/format';
import type { PageMentionsAnswer } from './services';

export type PageState = { status: 'loading' } | PageMentionsAnswer;

export interface OnThisPageProps {
  state: PageState;
  onReveal(entity: string, index: number): Promise<boolean>;
  onOpen(entity: string): void;
}

const TYPE_ORDER: EntityType[] = ['person', 'organization', 'place', 'event'];
const PLURAL: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  event: 'Events',
};

export function OnThisPage({ state, onReveal, onOpen }: OnThisPageProps) {
  /** Which mention of which entity was shown last, for Previous/Next and the status line. */
  const [shown, setShown] = useState<{ entity: string; index: number; ok: boolean } | undefined>();

  if (state.status === 'loading') {
    return <p class="bs-muted" role="status">Reading this page…</p>;
  }
  if (state.status === 'unavailable') {
    return (
      <p class="bs-panel-empty" role="status">
        {state.reason}
      </p>
    );
  }
  if (state.mentions.length === 0) {
    return (
      <p class="bs-panel-empty" role="status">
        Backstory found no names it knows on this page.
      </p>
    );
  }

  const reveal = async (mention: PageMention, index: number) => {
    const wrapped = (index + mention.count) % mention.count;
    const ok = await onReveal(mention.entity, wrapped);
    setShown({ entity: mention.entity, index: wrapped, ok });
  };
  const total = state.mentions.reduce((n, m) => n + m.count, 0);
  const shownMention = shown && state.mentions.find((m) => m.entity === shown.entity);

  return (
    <section class="bs-on-page" aria-labelledby="bs-on-page-title">
      <h2 id="bs-on-page-title" class="bs-panel-title">
        {state.mentions.length} {state.mentions.length === 1 ? 'name' : 'names'}, {total}{' '}
        {total === 1 ? 'mention' : 'mentions'}
      </h2>
      <p class="bs-on-page-status bs-muted" role="status">
        {shown && shownMention
          ? shown.ok
            ? `${shownMention.name}: mention ${shown.index + 1} of ${shownMention.count}`
            : `${shownMention.name}: that mention is no longer on the page.`
          : 'Choose a name to scroll the page to it.'}
      </p>
      {TYPE_ORDER.map((type) => {
        const mentions = state.mentions.filter((m) => m.type === type);
        if (mentions.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`bs-on-page-${type}`}>
            <h3 id={`bs-on-page-${type}`} class="bs-on-page-type">
              {PLURAL[type]}
            </h3>
            <ul class="bs-on-page-list">
              {mentions.map((mention) => {
                const current = shown?.entity === mention.entity ? shown.index : -1;
                return (
                  <li key={mention.entity} class="bs-on-page-item" data-entity={mention.entity}>
                    <button type="button" class="bs-on-page-name" onClick={() => void reveal(mention, 0)}>
                      {mention.name}
                    </button>
                    <span class="bs-muted bs-on-page-count">
                      {mention.count} {mention.count === 1 ? 'mention' : 'mentions'}
                    </span>
                    <span class="bs-on-page-steps">
                      <button
                        type="button"
                        class="bs-step"
                        aria-label={`Previous mention of ${mention.name}`}
                        title="Previous mention"
                        disabled={mention.count < 2}
                        onClick={() => void reveal(mention, current < 0 ? mention.count - 1 : current - 1)}
                      >
                        <span aria-hidden="true">↑</span>
                      </button>
                      <button
                        type="button"
                        class="bs-step"
                        aria-label={`Next mention of ${mention.name}`}
                        title="Next mention"
                        disabled={mention.count < 2}
                        onClick={() => void reveal(mention, current + 1)}
                      >
                        <span aria-hidden="true">↓</span>
                      </button>
                      <button
                        type="button"
                        class="bs-step bs-step-open"
                        aria-label={`About ${mention.name}: background and accounts`}
                        title={`${typeLabel(mention.type)}: background and accounts`}
                        onClick={() => onOpen(mention.entity)}
                      >
                        About
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
