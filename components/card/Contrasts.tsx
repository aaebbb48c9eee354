import type { CardAccount, CardContrast, CardDisagreement } from '../../lib/messages';

/**
 * The curated side of "Accounts differ": per topic, each perspective's position (a few words)
 * and the verified quote it rests on; then the facts the documents disagree on. Corpus text is
 * rendered as text. Links go to the document reader; the card turns their clicks into messages.
 */
export function Contrasts({ contrasts }: { contrasts: CardContrast[] }) {
  if (contrasts.length === 0) return null;
  return (
    <section class="bs-contrasts" aria-label="Accounts differ">
      <h3 class="bs-accounts-title">Accounts differ</h3>
      {contrasts.map((contrast) => (
        <div class="bs-contrast" key={contrast.id} data-contrast={contrast.id}>
          <h4 class="bs-contrast-topic">{contrast.topic}</h4>
          <ul class="bs-accounts-list">
            {contrast.positions.map((position) => (
              <li class="bs-account bs-position" key={position.passage} data-perspective={position.perspective.id}>
                <Source account={position} />
                <p class="bs-position-stance">{position.stance}</p>
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

export function Disagreements({ disagreements }: { disagreements: CardDisagreement[] }) {
  if (disagreements.length === 0) return null;
  return (
    <section class="bs-disagreements" aria-label="Facts differ">
      <h3 class="bs-accounts-title">Facts differ</h3>
      {disagreements.map((d) => (
        <div class="bs-disagreement" key={d.id} data-disagreement={d.id}>
          <h4 class="bs-contrast-topic">{d.question}</h4>
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
