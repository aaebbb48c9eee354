/**
 * The timeline of an entity or event: the dated events linked to it, and the events those link
 * to in turn, in date order. The gazetteer's links are the story's joints (the protests forced
 * Abdul-Mahdi out, which led to al-Kadhimi's swearing-in, which the electricity waiver
 * followed...), so two steps through events give a reader the sequence around a name without
 * pulling in the whole corpus. Pure: the popup passes the names it read from the live store.
 */
import type { EntityLink, EventDate, KbEntity } from './kb/types';

export type TimelineSource = Pick<KbEntity, 'id' | 'name' | 'type' | 'date' | 'links'>;

export interface TimelineEvent {
  id: string;
  name: string;
  date: EventDate;
  /** 0: the entity itself (an event); 1: linked to it; 2: linked to one of those. */
  distance: 0 | 1 | 2;
}

/** More than this and the timeline stops being a glance: the nearest events are kept. */
export const MAX_TIMELINE_EVENTS = 14;

export function timelineFor(
  entities: readonly TimelineSource[],
  entityId: string,
  max: number = MAX_TIMELINE_EVENTS,
): TimelineEvent[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const self = byId.get(entityId);
  if (!self) return [];

  // Links are stored on one side only ("Kadhimi sworn in → mustafa-al-kadhimi"): follow both ways.
  const neighbours = new Map<string, Set<string>>();
  const connect = (a: string, b: string) => {
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    neighbours.get(a)!.add(b);
  };
  for (const entity of entities) {
    for (const link of entity.links ?? ([] as EntityLink[])) {
      if (!byId.has(link.to)) continue;
      connect(entity.id, link.to);
      connect(link.to, entity.id);
    }
  }
  const isDatedEvent = (id: string) => {
    const e = byId.get(id);
    return e?.type === 'event' && e.date !== undefined;
  };

  const distance = new Map<string, 0 | 1 | 2>();
  if (isDatedEvent(self.id)) distance.set(self.id, 0);
  const first = [...(neighbours.get(self.id) ?? [])].filter(isDatedEvent);
  for (const id of first) if (!distance.has(id)) distance.set(id, 1);
  for (const id of first) {
    for (const next of neighbours.get(id) ?? []) {
      if (next !== self.id && isDatedEvent(next) && !distance.has(next)) distance.set(next, 2);
    }
  }

  const events = [...distance].map(([id, d]) => {
    const e = byId.get(id)!;
    return { id, name: e.name, date: e.date!, distance: d };
  });
  // Keep the nearest when there are too many, then show them in date order.
  const kept = events
    .sort((a, b) => a.distance - b.distance || compareDates(a.date, b.date))
    .slice(0, Math.max(0, max));
  return kept.sort((a, b) => compareDates(a.date, b.date) || a.name.localeCompare(b.name));
}

/** ISO dates of any precision compare as strings ("2020-01" < "2020-01-03" < "2020-02"). */
function compareDates(a: EventDate, b: EventDate): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}
