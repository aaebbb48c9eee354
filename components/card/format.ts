/** Small text formatting for the card: entity types and event dates in the reader's words. */
import type { EntityType, EventDate } from '../../lib/kb/types';

const TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
};

export function typeLabel(type: EntityType): string {
  return TYPE_LABELS[type];
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** `2020` → "2020", `2020-06` → "June 2020", `2020-06-11` → "11 June 2020"; anything else as given. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? iso;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

export function formatEventDate(date: EventDate): string {
  const start = formatIsoDate(date.start);
  return date.end ? `${start} – ${formatIsoDate(date.end)}` : start;
}

/** "Mentioned in 3 of 5 documents"; without the corpus size, "Mentioned in 3 documents". */
export function documentCountText(count: number, total?: number): string {
  const noun = (total ?? count) === 1 ? 'document' : 'documents';
  return total === undefined ? `Mentioned in ${count} ${noun}` : `Mentioned in ${count} of ${total} ${noun}`;
}
