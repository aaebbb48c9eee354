/**
 * The merge half: an entity's automatic contrasts and stance strip from the account readings of
 * every document that mentions it, and the disagreements of fact from every document's claims.
 * Cheap (no text is read again), so the extension can run it for each entity a new or removed
 * document touches. Curated contrasts come first; the reader's decisions are applied. DOM-free.
 */
import type { AccountReading } from '../accounts/account';
import type { PhraseKind } from '../accounts/phrase';
import type { Contrast } from '../kb/types';
import { chooseContrasts, DEFAULT_MAX_CONTRASTS } from './choose';
import type { DocumentReading } from './document';
import { disagreementsFrom, type ClaimRecord, type FactEntity } from './facts';
import { applyDecisions, type ReviewDecision } from './review';
import type { AutoContrast, AutoDisagreement } from './types';

/** One document's account of the entity, as a mark on the stance strip. */
export interface StanceMark {
  doc: string;
  /** Null: the outlet's perspective is not labelled (shown by outlet). */
  perspective: string | null;
  /** −1 (negative) … +1 (positive) toward the entity. */
  stance: number;
  /** The passage that shows the account best, verbatim, and its id for "Read in context". */
  quote: string;
  passage: string;
  characterisation?: { kind: PhraseKind; text: string };
}

export interface EntityContrasts {
  /** Curated contrasts of the entity, as the knowledge base has them. */
  curated: readonly Contrast[];
  /** Found automatically, not reviewed unless `review` says "kept"; dismissed ones left out. */
  automatic: AutoContrast[];
  /** Every document's account, most negative first. */
  strip: StanceMark[];
}

export interface EntityContrastOptions {
  curated?: readonly Contrast[];
  /** Other entities' names: with their accounts among `readings`, a contrast may set whom documents blame against each other. */
  nameOf?: (entity: string) => string | undefined;
  decisions?: readonly ReviewDecision[];
  max?: number;
}

/** `readings`: the entity's accounts, and optionally the other accounts of the documents that mention it. */
export function entityContrasts(
  entity: { id: string; name: string },
  readings: readonly AccountReading[],
  options: EntityContrastOptions = {},
): EntityContrasts {
  const own = readings.filter((r) => r.entity === entity.id);
  const curated = options.curated ?? [];
  // A dismissed contrast stays dismissed; ask for enough that dismissing one leaves others to show.
  const max = options.max ?? DEFAULT_MAX_CONTRASTS;
  const others = readings.filter((r) => r.entity !== entity.id);
  const found = chooseContrasts(entity, own, {
    curated,
    max: max + (options.decisions?.length ?? 0),
    ...(others.length && options.nameOf ? { others, nameOf: options.nameOf } : {}),
  });
  const automatic = applyDecisions(found, options.decisions ?? []).slice(0, max);
  return { curated, automatic, strip: stanceStrip(own) };
}

export function stanceStrip(readings: readonly AccountReading[]): StanceMark[] {
  return readings
    .map((r) => ({
      doc: r.doc,
      perspective: r.perspective,
      stance: r.stance,
      quote: r.lead.quote,
      passage: r.lead.passage,
      ...(r.lead.phrase ? { characterisation: r.lead.phrase } : {}),
    }))
    .sort((a, b) => a.stance - b.stance || a.doc.localeCompare(b.doc));
}

/** The entities whose contrasts change when a document's reading is added, replaced or removed. */
export function entitiesToRecompute(before: DocumentReading | undefined, after: DocumentReading | undefined): string[] {
  const ids = new Set([...(before?.accounts ?? []), ...(after?.accounts ?? [])].map((a) => a.entity));
  return [...ids].sort();
}

/** All automatic disagreements among the documents' claims, the reader's decisions applied. */
export function disagreements(
  claims: readonly ClaimRecord[],
  entities: ReadonlyMap<string, FactEntity>,
  decisions: readonly ReviewDecision[] = [],
): AutoDisagreement[] {
  return applyDecisions(disagreementsFrom(claims, entities), decisions);
}

/** The disagreements a card of the entity shows. */
export function disagreementsOf(entity: string, all: readonly AutoDisagreement[]): AutoDisagreement[] {
  return all.filter((d) => d.entities.includes(entity));
}
