import type { CardAccount, CardContrast, CardDisagreement } from '../../lib/messages';

/** The reader's verdict on an automatic item, or null to take it back. */
export type ReviewChoice = 'kept' | 'dismissed' | null;

/**
 * Keep or dismiss an automatic contrast or disagreement. Where it is given (the entity view),
 * each automatic item has the two buttons; without it, only the label.
 */
export type OnReview = (id: string, choice: ReviewChoice) => void;

/**
 * "Accounts differ": per topic, each perspective's position (a few words) and the quote it
 * rests on, curated ones first, then the ones found automatically, which say so; then the facts
 * the documents disagree on. Corpus text is rendered as text. Links go to the document reader;
 * the card turns their clicks into messages.
 */
export function Contrasts({ contrasts, onReview, headingLevel = 3 }: { contrasts: CardContrast[]; onReview?: OnReview; headingLevel?: HeadingLevel }) {
  if (contrasts.length === 0) return null;
  const [Title, Topic] = headings(headingLevel);
  return (
    <section class="bs-contrasts" aria-label="Accounts differ">
      <Title class="bs-accounts-title">Accounts differ</Title>
      {contrasts.map((contrast) => (
        <div class="bs-contrast" key={contrast.id} data-contrast={contrast.id} data-origin={contrast.origin ?? 'curated'}>
          <Topic class="bs-contrast-topic">{contrast.topic}</Topic>
          <OriginLine item={contrast} onReview={onReview} />
          <ul class="bs-accounts-list">
            {contrast.positions.map((position) => (
              <li class="bs-account bs-position" key={position.passage} data-perspective={position.perspective.id}>
                <Source account={position} />
                <p class="bs-position-stance">{position.stance}</p>
                {position.characterisation && <p class="bs-position-characterisation">“{position.characterisation}”</p>}
                <blockquote class="bs-account-quote" title={position.title}>
                  {position.quote}
                </blockquote>
                <ReadLink account={position} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function Disagreements({
  disagreements,
  onReview,
  headingLevel = 3,
}: {
  disagreements: CardDisagreement[];
  onReview?: OnReview;
  headingLevel?: HeadingLevel;
}) {
  if (disagreements.length === 0) return null;
  const [Title, Topic] = headings(headingLevel);
  return (
    <section class="bs-disagreements" aria-label="Facts differ">
      <Title class="bs-accounts-title">Facts differ</Title>
      {disagreements.map((d) => (
        <div class="bs-disagreement" key={d.id} data-disagreement={d.id} data-origin={d.origin ?? 'curated'}>
          <Topic class="bs-contrast-topic">{d.question}</Topic>
          <OriginLine item={d} onReview={onReview} />
          <ul class="bs-claims">
            {d.claims.map((claim) => (
              <li class="bs-claim" key={`${claim.passage}:${claim.claim}`}>
                <strong class="bs-claim-value">{claim.claim}</strong> <span class="bs-claim-source">— {claim.outlet}</span>{' '}
                <q class="bs-claim-quote">{claim.quote}</q> <ReadLink account={claim} />
              </li>
            ))}
          </ul>
          {d.note && <p class="bs-disagreement-note">{d.note}</p>}
        </div>
      ))}
    </section>
  );
}

type HeadingLevel = 2 | 3;

/** The section's heading and its topics' one level below (the card has h2 for the name, the entity view h1). */
function headings(level: HeadingLevel): ['h2' | 'h3', 'h3' | 'h4'] {
  return level === 2 ? ['h2', 'h3'] : ['h3', 'h4'];
}

/** What an automatic item is (honestly: nobody checked it unless the reader kept it), and the reader's say on it. */
function OriginLine({ item, onReview }: { item: CardContrast | CardDisagreement; onReview?: OnReview }) {
  if (item.origin !== 'automatic') return null;
  const kept = item.review === 'kept';
  return (
    <p class="bs-origin">
      <span class="bs-origin-label">{kept ? 'Found automatically, kept by you' : 'Found automatically, not reviewed'}</span>
      {onReview && (
        <>
          {' '}
          <button type="button" class="bs-review-keep" aria-pressed={kept ? 'true' : 'false'} onClick={() => onReview(item.id, kept ? null : 'kept')}>
            {kept ? 'Kept' : 'Keep'}
          </button>{' '}
          <button type="button" class="bs-review-dismiss" onClick={() => onReview(item.id, 'dismissed')}>
            Dismiss
          </button>
        </>
      )}
    </p>
  );
}

function Source({ account }: { account: CardAccount }) {
  return (
    <p class="bs-account-source">
      <span class="bs-account-outlet">{account.outlet}</span>
      <span class="bs-account-perspective">{account.perspective.label}</span>
    </p>
  );
}

function ReadLink({ account }: { account: CardAccount }) {
  return (
    <a class="bs-account-link" href={account.readerUrl} target="_blank" rel="noopener noreferrer">
      Read in context<span class="bs-visually-hidden">: {account.title}</span>
    </a>
  );
}
