/**
 * A stance score (−1 … +1 toward an entity) as the three classes the card and the stance strip
 * show. Its own module so that the pages showing a class do not load the stance rules.
 */

/** Scores inside (−band, +band) are neutral: the band `npm run eval` chooses on the tuning set. */
export const NEUTRAL_BAND = 0.15;

export type StanceClass = 'negative' | 'neutral' | 'positive';

export function stanceClass(score: number): StanceClass {
  return score <= -NEUTRAL_BAND ? 'negative' : score >= NEUTRAL_BAND ? 'positive' : 'neutral';
}

/** How the card words a class: what the account is toward the entity. */
export const STANCE_LABELS: Record<StanceClass, string> = {
  negative: 'Negative account',
  neutral: 'Neutral account',
  positive: 'Positive account',
};
