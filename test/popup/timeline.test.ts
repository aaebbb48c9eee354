import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../lib/kb/types';
import { timelineFor, type TimelineSource } from '../../lib/timeline';
import { KADHIMI_STORY } from '../fixtures/kadhimi-story';
import { realKb } from '../search/real-kb';

const event = (id: string, start: string, links: string[] = []): TimelineSource => ({
  id,
  name: id,
  type: 'event',
  date: { start },
  links: links.map((to) => ({ to, rel: 'linked' })),
});

describe('timeline', () => {
  const entities: TimelineSource[] = [
    { id: 'pm', name: 'PM', type: 'person', links: [{ to: 'sworn-in', rel: 'sworn in' }] },
    event('sworn-in', '2020-05-07', ['resignation']),
    event('resignation', '2019-11-29', ['protests']),
    event('protests', '2019-10-01'),
    event('visit', '2020-07', ['pm']),
    event('undated-link', '2030', []),
    { id: 'place', name: 'Place', type: 'place', links: [] },
  ];

  it('lists events linked either way, and their events, in date order', () => {
    expect(timelineFor(entities, 'pm').map((e) => [e.id, e.distance])).toEqual([
      ['resignation', 2],
      ['sworn-in', 1],
      ['visit', 1],
    ]);
  });

  it('puts an event on its own timeline, and steps through events only', () => {
    // "visit" is linked to the person, not to this event: another story.
    expect(timelineFor(entities, 'sworn-in').map((e) => e.id)).toEqual(['protests', 'resignation', 'sworn-in']);
    expect(timelineFor(entities, 'sworn-in').find((e) => e.id === 'sworn-in')?.distance).toBe(0);
  });

  it('keeps the nearest events when there are too many', () => {
    expect(timelineFor(entities, 'sworn-in', 2).map((e) => e.id)).toEqual(['resignation', 'sworn-in']);
  });

  it('is empty for an unknown entity or one with no events', () => {
    expect(timelineFor(entities, 'nobody')).toEqual([]);
    expect(timelineFor(entities, 'place')).toEqual([]);
  });

  it.skipIf(!realKb)('tells al-Kadhimi’s story from the real knowledge base', () => {
    const ids = timelineFor((realKb as KnowledgeBase).entities, 'mustafa-al-kadhimi').map((e) => e.id);
    const story = KADHIMI_STORY.map((id) => ids.indexOf(id));
    expect(story.every((i) => i >= 0)).toBe(true);
    expect(story).toEqual([...story].sort((a, b) => a - b));
  });
});
