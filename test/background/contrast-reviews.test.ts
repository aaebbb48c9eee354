// The reader's keep/dismiss on automatic contrasts: stored, applied to the next card, taken back,
// and refused for an item the knowledge base does not have.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { REVIEWS_KEY } from '../../entrypoints/background/contrast-reviews';
import { fromPopup, fromTab, msg, send, useBackground } from './setup';

const ENTITY = 'popular-mobilization-units';
const ID = 'auto-contrast:popular-mobilization-units:iran-meddles+tasnim-pmu';

describe('contrast reviews', () => {
  useBackground();
  const card = async () => (await send(msg('card/get', { entity: ENTITY }), fromTab())) as { contrasts: { id: string; origin?: string; review?: string }[] };

  it('shows the automatic contrast labelled, then leaves it out once dismissed and back once the dismissal is taken back', async () => {
    expect((await card()).contrasts.find((c) => c.id === ID)).toMatchObject({ origin: 'automatic' });
    const list = (await send(msg('contrasts/review', { entity: ENTITY, id: ID, decision: 'dismissed' }), fromPopup())) as { id: string; docs: string[] }[];
    expect(list).toMatchObject([{ id: ID, decision: 'dismissed', entities: [ENTITY], docs: ['iran-meddles', 'tasnim-pmu'] }]);
    expect((await fakeBrowser.storage.local.get(REVIEWS_KEY))[REVIEWS_KEY]).toHaveLength(1);
    expect((await card()).contrasts.map((c) => c.id)).not.toContain(ID);
    await send(msg('contrasts/review', { entity: ENTITY, id: ID, decision: null }), fromPopup());
    expect((await card()).contrasts.map((c) => c.id)).toContain(ID);
  });

  it('marks a kept contrast as kept on the card', async () => {
    await send(msg('contrasts/review', { entity: ENTITY, id: ID, decision: 'kept' }), fromPopup());
    expect((await card()).contrasts.find((c) => c.id === ID)!.review).toBe('kept');
    expect(await send(msg('contrasts/reviews', {}), fromPopup())).toMatchObject([{ id: ID, decision: 'kept' }]);
  });

  it('refuses a verdict on an item the entity does not have, storing nothing', async () => {
    const answer = await send(msg('contrasts/review', { entity: ENTITY, id: 'auto-contrast:popular-mobilization-units:made+up', decision: 'dismissed' }), fromPopup());
    expect(answer).toBeUndefined();
    expect((await fakeBrowser.storage.local.get(REVIEWS_KEY))[REVIEWS_KEY]).toBeUndefined();
  });

  it('a content script cannot review', async () => {
    expect(await send(msg('contrasts/review', { entity: ENTITY, id: ID, decision: 'dismissed' }), fromTab())).toBeUndefined();
  });
});
