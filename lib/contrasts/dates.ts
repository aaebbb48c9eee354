/**
 * Dates as news prose gives them, read against the document's own date: "in February",
 * "On June 11", "June 10", "7 June", "July 21st", "in 2008", "mid-June", "last month",
 * "earlier this month", "in the middle of this month". Each keeps its verbatim text and a
 * value as precise as the text is. DOM-free.
 */
import type { Span } from '../accounts/mentions';

export interface DateValue {
  year?: number;
  month?: number;
  day?: number;
  /** "mid-June", "the middle of this month", "late March": a part of the month, not a day. */
  part?: 'early' | 'mid' | 'late';
}

export interface DateMention extends Span {
  text: string;
  value: DateValue;
  /** Read against the document's date ("last month"): only the document's own voice can be read so. */
  relative?: true;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d\d`;
const PART = String.raw`(?:(early|mid|late)[-\s]+)`;

/** "in the middle of this month", "earlier this month", "last month". */
const RELATIVE = /\b(?:(?:in\s+)?the\s+(middle|beginning|end|start)\s+of\s+)?(earlier\s+|later\s+)?(this|last|next)\s+month\b/gu;

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray, docDate: DateValue) => DateValue | null }[] = [
  // "7 June", "5 January 2020"
  {
    re: new RegExp(String.raw`\b(${DAY})\s+(${MONTH})(?:\s+(${YEAR}))?`, 'gu'),
    read: (m, doc) => withYear({ month: monthOf(m[2]!), day: parseInt(m[1]!, 10) }, m[3], doc),
  },
  // "June 11", "July 21st, 2020", "mid-June", "late March 2020"
  {
    re: new RegExp(String.raw`\b${PART}?(${MONTH})(?:\s+(${DAY})\b)?(?:,?\s+(${YEAR}))?`, 'gu'),
    read: (m, doc) => withYear({ month: monthOf(m[2]!), ...(m[3] ? { day: parseInt(m[3], 10) } : {}), ...(m[1] ? { part: m[1].toLowerCase() as DateValue['part'] } : {}) }, m[4], doc),
  },
  // "in 2008"
  { re: new RegExp(String.raw`\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y)\s+(${YEAR})\b`, 'gu'), read: (m) => ({ year: parseInt(m[1]!, 10) }) },
  // "in the middle of this month", "earlier this month", "last month", "this month"
  {
    re: RELATIVE,
    read: (m, doc) => {
      if (!doc.month || !doc.year) return null;
      const shift = m[3] === 'last' ? -1 : m[3] === 'next' ? 1 : 0;
      const at = new Date(Date.UTC(doc.year, doc.month - 1 + shift, 1));
      const part = m[1] === 'middle' ? 'mid' : m[1] === 'beginning' || m[1] === 'start' ? 'early' : m[1] === 'end' ? 'late' : undefined;
      return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, ...(part ? { part } : {}) };
    },
  },
];

function monthOf(text: string): number {
  const key = text.toLowerCase().replace(/\.$/u, '');
  return MONTHS.findIndex((m) => m.startsWith(key.slice(0, 3))) + 1;
}

/** A month without a year is the latest such month not after the document's date. */
function withYear(v: DateValue, year: string | undefined, doc: DateValue): DateValue {
  if (year) return { ...v, year: parseInt(year, 10) };
  if (!doc.year) return v;
  const after = doc.month !== undefined && v.month !== undefined && v.month > doc.month;
  return { ...v, year: after ? doc.year - 1 : doc.year };
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the knowledge base writes a document's date. */
export function parseIsoDate(date: string): DateValue {
  const [y, m, d] = date.split('-').map((n) => parseInt(n, 10));
  return { ...(y ? { year: y } : {}), ...(m ? { month: m } : {}), ...(d ? { day: d } : {}) };
}

export function datesIn(text: string, docDate: DateValue): DateMention[] {
  const found: DateMention[] = [];
  for (const { re, read } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].trimEnd().length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      // "May" is also a verb: only as a date with a day or a year.
      if (/^may$/iu.test(m[2] ?? '') && !m[3] && !m[4]) continue;
      const value = read(m as RegExpExecArray, docDate);
      const relative = re === RELATIVE;
      if (value && (value.year || value.month)) found.push({ start, end, text: text.slice(start, end), value, ...(relative ? { relative: true as const } : {}) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** As precise as the value is: "2020-02", "2020-06-10", "2020-06~mid", "2008". */
export function formatDate(v: DateValue): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  let out = v.year ? String(v.year) : '????';
  if (v.month) out += `-${pad(v.month)}`;
  if (v.day) out += `-${pad(v.day)}`;
  else if (v.part) out += `~${v.part}`;
  return out;
}

/**
 * Two dates that cannot both be right for one event: different years, different months, or
 * different days of one month. A part of a month ("mid-June") contradicts no day in it.
 */
export function datesConflict(a: DateValue, b: DateValue): boolean {
  if (a.year && b.year && a.year !== b.year) return true;
  if (a.month && b.month && a.month !== b.month) return true;
  if (a.month && a.month === b.month && a.day && b.day && a.day !== b.day) return true;
  return false;
}
