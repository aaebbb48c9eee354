/**
 * The entity view's timeline: dated events around an entity, oldest first. Each event opens its
 * own view; the entity itself (when it is an event) is marked as the current one.
 */
import type { TimelineEvent } from '../../lib/timeline';
import { formatEventDate } from '../card/format';

export function Timeline({ events, onOpen }: { events: TimelineEvent[]; onOpen(id: string): void }) {
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="bs-timeline">
      <h2 id="bs-timeline">Timeline</h2>
      <ol class="bs-timeline">
        {events.map((event) => (
          <li key={event.id} class={`bs-timeline-event bs-distance-${event.distance}`}>
            <time class="bs-timeline-date" dateTime={event.date.start}>
              {formatEventDate(event.date)}
            </time>
            {event.distance === 0 ? (
              <span class="bs-timeline-name" aria-current="true">
                {event.name}
              </span>
            ) : (
              <button type="button" class="bs-related-button bs-timeline-name" onClick={() => onOpen(event.id)}>
                {event.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
