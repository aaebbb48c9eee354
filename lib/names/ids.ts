/**
 * How a learned entity's id begins: what cards, exports and the store tell learned entities
 * from curated ones by, without loading the learner. DOM-free.
 */
export const LEARNED_PREFIX = 'learned:';

export function isLearnedId(id: string): boolean {
  return id.startsWith(LEARNED_PREFIX);
}
