/**
 * Publication dates as pages and files write them, reduced to the knowledge base's form
 * (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all that is known). DOM-free.
 *
 * The calendar day is the one the publisher wrote: "2020-06-14T23:30:00-04:00" is 14 June, not
 * the UTC day after, because a reader compares it with the date printed on the article.
 * Ambiguous forms (`06/07/2020`: June or July?) give no date rather than a wrong one.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Years a news date can plausibly carry; anything else is a parsing accident (`0000`, `9999`). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(year: number, month?: number, day?: number): string | undefined {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  if (month === undefined) return String(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(year, month)) return undefined;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().slice(0, 3)];
}

/** The date in `raw`, or undefined when it holds none this recognises unambiguously. */
export function normaliseDate(raw: string | undefined | null): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (!text) return undefined;

  // ISO 8601 and its everyday variants: 2020-06-14, 2020-06-14T10:00Z, 2020/06/14, 2020-06, 2020.
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s])/.exec(text);
  if (m) return format(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  // Compact ISO: 20200614 (some CMS meta tags).
  m = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(text);
  if (m) return format(Number(m[1]), Number(m[2]), Number(m[3]));

  // Named months, optionally after a weekday: "June 14, 2020", "Sun, 14 Jun 2020 10:00 GMT".
  const words = text.replace(/^[A-Za-z]{3,9},?\s+/, (w) => (monthNumber(w.replace(/[,\s]/g, '')) ? w : ''));
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(words);
  if (m && monthNumber(m[1]!)) return format(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(words);
  if (m && monthNumber(m[2]!)) return format(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = /^([A-Za-z]{3,9})\.?\s+(\d{4})\b/.exec(words);
  if (m && monthNumber(m[1]!)) return format(Number(m[2]), monthNumber(m[1]!));

  // Day-first with dots (14.06.2020) is the European convention; with slashes only when one
  // side cannot be a month.
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(text);
  if (m) return format(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) return format(Number(m[3]), b, a);
    if (b > 12 && a <= 12) return format(Number(m[3]), a, b);
  }
  return undefined;
}
