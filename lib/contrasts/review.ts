/**
 * The reader's "keep" and "dismiss" on automatic contrasts and disagreements. A decision names
 * the item by its stable id and, so that it still means something on a device whose corpus
 * differs, the entity and documents it was about; corpus packs carry a list of these
 * (`contrastReviews`), validated on import like everything else in a pack. DOM-free.
 */
import * as v from 'valibot';
import type { AutoContrast, AutoDisagreement, Review } from './types';

export const REVIEW_ID = /^auto-(?:contrast|fact):[\p{L}\p{N}:+._-]{1,400}$/u;

export const ReviewDecisionSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(REVIEW_ID, 'not the id of an automatic contrast or disagreement')),
  decision: v.picklist(['kept', 'dismissed'] as const satisfies readonly Review[]),
  /** ISO 8601: the newer decision wins when two devices' packs meet. */
  decidedAt: v.pipe(v.string(), v.isoTimestamp()),
  entities: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty(), v.maxLength(200))), v.maxLength(20)),
  docs: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty(), v.maxLength(200))), v.minLength(1), v.maxLength(20)),
});
export type ReviewDecision = v.InferOutput<typeof ReviewDecisionSchema>;

/** What a decision records about the item, besides the verdict. */
export function decisionFor(item: AutoContrast | AutoDisagreement, decision: Review, decidedAt: Date): ReviewDecision {
  const docs = 'positions' in item ? item.positions.map((p) => p.doc) : item.claims.map((c) => c.doc);
  const entities = 'positions' in item ? [item.entity] : item.entities;
  return { id: item.id, decision, decidedAt: decidedAt.toISOString(), entities, docs: [...new Set(docs)].sort() };
}

/** Two lists of decisions as one: per id, the newer decision. */
export function mergeDecisions(a: readonly ReviewDecision[], b: readonly ReviewDecision[]): ReviewDecision[] {
  const byId = new Map<string, ReviewDecision>();
  for (const d of [...a, ...b]) {
    const seen = byId.get(d.id);
    if (!seen || seen.decidedAt < d.decidedAt) byId.set(d.id, d);
  }
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Items with the reader's verdicts applied: dismissed ones left out, kept ones marked. */
export function applyDecisions<T extends AutoContrast | AutoDisagreement>(items: readonly T[], decisions: readonly ReviewDecision[]): T[] {
  const verdict = new Map(decisions.map((d) => [d.id, d.decision]));
  return items.filter((i) => verdict.get(i.id) !== 'dismissed').map((i) => (verdict.get(i.id) === 'kept' ? { ...i, review: 'kept' as const } : i));
}
