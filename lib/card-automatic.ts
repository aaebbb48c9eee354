/**
 * The automatic side of a card's *Accounts differ* and *Facts differ*: the contrasts and
 * disagreements the builder found (lib/kb/automatic-contrasts.ts), the reader's decisions
 * applied (dismissed ones left out, kept ones marked), as card items that say they were found
 * automatically. Pure, beside lib/card-data.ts, which puts them after the curated ones.
 */
import { STANCE_LABELS, stanceClass } from './accounts/stance-class';
import { DEFAULT_MAX_CONTRASTS } from './contrasts/choose';
import { applyDecisions, type ReviewDecision } from './contrasts/review';
import type { AutoClaim } from './contrasts/types';
import type { KbEntity, VerifiedQuote } from './kb/types';
import type { CardAccount, CardContrast, CardDisagreement } from './messages';

/** A quote as the card's account of it; null when its document is missing (no dead links). */
export type QuotedAccount = (quote: VerifiedQuote) => CardAccount | null;

export function automaticCardItems(
  entity: KbEntity,
  decisions: readonly ReviewDecision[],
  quoted: QuotedAccount,
): { contrasts: CardContrast[]; disagreements: CardDisagreement[] } {
  // Stored with a few to spare (lib/storage/automatic-contrasts.ts): a dismissed one makes room for the next.
  const contrasts = applyDecisions(entity.automaticContrasts ?? [], decisions).slice(0, DEFAULT_MAX_CONTRASTS).map(
    (c): CardContrast => ({
      id: c.id,
      topic: c.topic,
      origin: 'automatic',
      ...(c.review === 'kept' ? { review: 'kept' as const } : {}),
      positions: c.positions.flatMap((p) => {
        const account = quoted(p);
        if (!account) return [];
        // In a contrast of whom documents blame, the position's stance may be toward another entity: say whom it blames instead.
        const stance = p.blames ? `Blames ${p.blames.name}` : STANCE_LABELS[stanceClass(p.stance)];
        return [{ ...account, stance, ...(p.characterisation ? { characterisation: p.characterisation.text } : {}) }];
      }),
    }),
  );
  const disagreements = applyDecisions(entity.automaticDisagreements ?? [], decisions).map(
    (d): CardDisagreement => ({
      id: d.id,
      question: d.question,
      origin: 'automatic',
      ...(d.review === 'kept' ? { review: 'kept' as const } : {}),
      claims: d.claims.flatMap((c) => {
        const account = quoted(claimQuote(c));
        return account ? [{ ...account, claim: c.source ? `${c.value} (as ${c.source} has it)` : c.value }] : [];
      }),
    }),
  );
  return { contrasts, disagreements };
}

/** Documents the automatic items quote, for the card's reader to fetch. */
export function automaticQuotedDocuments(entity: KbEntity): string[] {
  return [...(entity.automaticContrasts ?? []).flatMap((c) => c.positions.map((p) => p.doc)), ...(entity.automaticDisagreements ?? []).flatMap((d) => d.claims.map((c) => c.doc))];
}

function claimQuote(claim: AutoClaim): VerifiedQuote {
  return { doc: claim.doc, perspective: claim.perspective ?? '', passage: claim.passages[0] ?? '', quote: claim.quote };
}
