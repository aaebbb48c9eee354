/**
 * A card's accounts set against the page the reader is on: the page's own document is never
 * quoted back to them, and accounts from other perspectives come before those that share the
 * page's. Applied after `buildCardData`, which already puts one account per perspective first;
 * the partition below is stable, so that order holds within each side.
 */
import { DEFAULT_MAX_ACCOUNTS } from '../card-data';
import type { CardData, ThisPage } from '../messages';

/**
 * How many accounts to ask `buildCardData` for when the page may be one of them: one more than
 * the card shows, so dropping the page's own document still leaves a full card.
 */
export const ACCOUNTS_BEFORE_CONTRAST = DEFAULT_MAX_ACCOUNTS + 1;

export function contrastWithPage(
  card: CardData | null,
  thisPage: ThisPage | null | undefined,
  maxAccounts = DEFAULT_MAX_ACCOUNTS,
): CardData | null {
  if (!card) return null;
  if (!thisPage) return { ...card, accounts: card.accounts.slice(0, maxAccounts) };
  const others = card.accounts.filter((a) => a.doc !== thisPage.doc);
  const contrasting = others.filter((a) => a.perspective.id !== thisPage.perspective.id);
  const agreeing = others.filter((a) => a.perspective.id === thisPage.perspective.id);
  // Curated topics and disputed facts follow the same rule: the page already gives its own
  // side, so the card shows the others' (a topic left with none is dropped).
  const notThePage = <T extends { doc: string }>(items: T[]) => items.filter((i) => i.doc !== thisPage.doc);
  const contrasts = card.contrasts
    ?.map((c) => ({ ...c, positions: notThePage(c.positions) }))
    .filter((c) => c.positions.length > 0);
  const disagreements = card.disagreements
    ?.map((d) => ({ ...d, claims: notThePage(d.claims) }))
    .filter((d) => d.claims.length > 0);
  return {
    ...card,
    accounts: [...contrasting, ...agreeing].slice(0, maxAccounts),
    ...(contrasts && { contrasts }),
    ...(disagreements && { disagreements }),
    thisPage,
  };
}
