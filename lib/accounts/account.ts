/**
 * One account read: what one document says about one entity, as a stance and a
 * characterisation, with the passage that shows it. This is the per-document half of finding
 * contrasts: it depends only on that document, so the knowledge base can compute it when the
 * document is added and keep it beside the document's mentions of the entity; choosing the
 * contrasts (lib/contrasts/choose.ts) then only reads these. DOM-free.
 */
import type { OtherSpan, Span } from './mentions';
import type { CharacterisingPhrase, PhraseKind } from './phrase';
import { PHRASE_KINDS } from './phrase';
import { onlySetting } from './setting';
import { passageStance, type StanceOptions } from './stance';

/** A passage of the account, with where the entity and the other entities are named in it. */
export interface AccountPassageInput {
  /** Passage id, `"<doc>:<para>:<sentence>"`. */
  id: string;
  text: string;
  /** Where the entity is named in `text`. */
  targets: readonly Span[];
  /** Where other entities are named in `text` (with their ids when known: readings name who did what). */
  others?: readonly OtherSpan[];
}

export interface AccountInput {
  entity: string;
  /** People are "he"/"she", everything else "they"/"it". */
  person: boolean;
  /** A place: a passage that names it only as where something happens is no account of it. */
  place?: boolean;
  doc: string;
  /** The document's perspective id; null when the outlet is not labelled yet. */
  perspective: string | null;
  /** The account's passages, most characterising first (the knowledge base's order). */
  passages: readonly AccountPassageInput[];
}

export interface PassageReading {
  passage: string;
  /** Stance toward the entity, −1 … +1. */
  stance: number;
  /** The strongest phrase that characterises the entity here, verbatim. */
  phrase?: { kind: PhraseKind; text: string };
  /** The passage text: what a card quotes (verbatim). */
  quote: string;
  /** The entity is only where something happens ("troops in Iraq"): on the strip if nothing else is, never in a contrast. */
  setting?: true;
  /** The passage holds the entity responsible for violence (lib/accounts/stance.ts): whom the document blames. */
  blamed?: true;
}

export interface AccountReading {
  entity: string;
  doc: string;
  perspective: string | null;
  /** The account's stance toward the entity, −1 … +1: its passages, the decided ones weighing more. */
  stance: number;
  /** The passage that shows the account best: the most decided stance, then the strongest characterisation. */
  lead: PassageReading;
  passages: PassageReading[];
}


/** How much a passage's stance counts in its account: a decided passage outweighs several plain mentions. */
const weightOf = (r: PassageReading) => 0.25 + Math.abs(r.stance);
const phraseRank = (r: PassageReading) => (r.phrase ? PHRASE_KINDS.length - PHRASE_KINDS.indexOf(r.phrase.kind) : 0);

export function readAccount(input: AccountInput, options?: StanceOptions): AccountReading | null {
  const passages = input.passages.map((p): PassageReading => {
    const read = passageStance({ text: p.text, targets: p.targets, others: p.others ?? [], person: input.person }, options);
    const phrase: CharacterisingPhrase | undefined = read.phrases[0];
    const setting = input.place === true && onlySetting(p.text, p.targets);
    return {
      passage: p.id,
      stance: read.score,
      quote: p.text,
      ...(phrase ? { phrase: { kind: phrase.kind, text: phrase.text } } : {}),
      ...(setting ? { setting: true as const } : {}),
      ...(read.blamed && !setting ? { blamed: true as const } : {}),
    };
  });
  if (passages.length === 0) return null;
  // What the account says of the entity is in the passages where it is more than a setting, when there are any.
  const telling = passages.some((r) => !r.setting) ? passages.filter((r) => !r.setting) : passages;
  const total = telling.reduce((n, r) => n + weightOf(r), 0);
  const stance = telling.reduce((n, r) => n + r.stance * weightOf(r), 0) / total;
  const lead = telling.reduce((best, r) => (leadScore(r) > leadScore(best) ? r : best));
  return { entity: input.entity, doc: input.doc, perspective: input.perspective, stance, lead, passages };
}

function leadScore(r: PassageReading): number {
  return Math.abs(r.stance) + 0.05 * phraseRank(r);
}
