import type { CardAccount } from '../../lib/messages';

/**
 * "Accounts differ": what each outlet in the corpus says about one entity, side by side.
 * Shared by the hover card and the popup's entity view; styles in `accounts.css`.
 * Quotes are corpus text and are rendered as text, never as HTML.
 */
export function Accounts({
  accounts,
  headingLevel = 3,
  title = 'Accounts differ',
}: {
  accounts: CardAccount[];
  headingLevel?: 2 | 3 | 4;
  /** The card says "More accounts" when a curated contrast already opened "Accounts differ". */
  title?: string;
}) {
  if (accounts.length === 0) return null;
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  return (
    <section class="bs-accounts" aria-label={title}>
      <Heading class="bs-accounts-title">{title}</Heading>
      <ul class="bs-accounts-list">
        {accounts.map((account) => (
          <li class="bs-account" key={`${account.doc}:${account.passage}`} data-perspective={account.perspective.id}>
            <p class="bs-account-source">
              <span class="bs-account-outlet">{account.outlet}</span>
              <span class="bs-account-perspective">{account.perspective.label}</span>
            </p>
            <blockquote class="bs-account-quote" title={account.title}>
              {account.quote}
            </blockquote>
            <a class="bs-account-link" href={account.readerUrl} target="_blank" rel="noopener noreferrer">
              Read in context<span class="bs-visually-hidden">: {account.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
