/**
 * The reader's keep/dismiss on automatic contrasts and disagreements, kept in
 * `browser.storage.local` under `contrastReviews` as the list a corpus pack carries
 * (`decisions.contrasts`). A verdict names an item the knowledge base has: the background fills
 * in its entities and documents from the stored item, not from what the page asking says.
 */
import { browser } from 'wxt/browser';
import { mergeDecisions, parseDecisions, withDecision, type ReviewDecision } from '../../lib/contrasts/review';
import type { Review } from '../../lib/contrasts/types';
import type { KbEntity } from '../../lib/kb/types';

export const REVIEWS_KEY = 'contrastReviews';

export async function loadReviews(): Promise<ReviewDecision[]> {
  const stored = await browser.storage.local.get(REVIEWS_KEY);
  return parseDecisions(stored[REVIEWS_KEY]);
}

let writes: Promise<unknown> = Promise.resolve();

function queued<T>(write: () => Promise<T>): Promise<T> {
  const next = writes.then(write);
  writes = next.catch(() => undefined);
  return next;
}

/** An imported pack's decisions joined with the reader's: per item, the newer one. */
export function mergeImportedReviews(imported: readonly ReviewDecision[]): Promise<ReviewDecision[]> {
  return queued(async () => {
    const updated = mergeDecisions(await loadReviews(), imported);
    await browser.storage.local.set({ [REVIEWS_KEY]: updated });
    return updated;
  });
}

/** One verdict at a time (read-modify-write), so two quick clicks are both kept. */
export function reviewItem(entity: KbEntity | undefined, id: string, verdict: Review | null, now = new Date()): Promise<ReviewDecision[]> {
  const item = [...(entity?.automaticContrasts ?? []), ...(entity?.automaticDisagreements ?? [])].find((i) => i.id === id);
  if (!item) return Promise.reject(new Error('no such automatic contrast'));
  return queued(async () => {
    const updated = withDecision(await loadReviews(), item, verdict, now);
    await browser.storage.local.set({ [REVIEWS_KEY]: updated });
    return updated;
  });
}
