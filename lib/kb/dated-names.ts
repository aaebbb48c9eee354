/**
 * Events named by their date: "the October 2019 protests", "protests of October 2019", "the
 * January 2020 vote", "Sunday's election", "the 2008 Strategic Framework Agreement". Pages name
 * a dated event this way far more often than by any title, so the builder generates these names
 * from the gazetteer's own data, for the matcher to learn like any other name:
 * - every Latin alias of a dated event also with its date in front ("2008 Strategic Framework
 *   Agreement", "October 2019 Tishreen protests"), as specific as the alias;
 * - each head noun `data/event-cues.json` lists for an event ("protests", "uprising", "vote";
 *   singular and plural each listed, since "January strikes" may be another event than the strike)
 *   with a date the event's own date allows, before it ("October 2019 protests", "January 5
 *   vote", "Sunday's election" when the event fell on a Sunday) or after it, attached by "of"
 *   ("uprising of October 2019"; "protests in October 2019" is a clause, not a name). A head noun with a date is
 *   only as sure as a contextual name (`ambiguous`): the page must be about the corpus, since
 *   other countries had protests in October 2019 too.
 * An event with an end date (a campaign, a pandemic) gets no date names: no one date names it.
 * DOM-free.
 */
import * as v from 'valibot';
import type { BuildIssue } from './schema';
import type { EventDate, Specificity } from './types';
import type { NamePattern, SourcedEntry } from './validate';
import { ownedByOne } from './variant-patterns';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Head nouns a page uses for one event, as curated in data/event-cues.json (`heads`). */
export interface EventHeads {
  event: string;
  /** The country whose event it is, as a word of data/countries.json ("Iraq"). */
  country?: string;
  heads: string[];
}

const HeadsSchema = v.optional(
  v.array(
    v.strictObject({
      event: v.string(),
      country: v.optional(v.string()),
      heads: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z' -]*$/, 'a head noun is a few Latin words'))), v.minLength(1, 'list at least one head noun')),
    }),
  ),
);

/** Reads the `heads` section of data/event-cues.json; unknown or undated events are reported. */
export function readEventHeads(file: string, data: unknown, entries: readonly SourcedEntry[]): { heads: EventHeads[]; issues: BuildIssue[] } {
  const parsed = v.safeParse(HeadsSchema, (data as { heads?: unknown } | null)?.heads);
  if (!parsed.success) {
    return { heads: [], issues: parsed.issues.map((i) => ({ severity: 'error' as const, file, path: `heads.${v.getDotPath(i) ?? ''}`, message: i.message })) };
  }
  const issues: BuildIssue[] = [];
  const heads = (parsed.output ?? []).filter((h, n) => {
    const entry = entries.find((e) => e.entry.id === h.event)?.entry;
    const problem = !entry || entry.type !== 'event' ? `"${h.event}" is not the id of an event entry` : !entry.date ? `"${h.event}" has no date to name it by` : undefined;
    if (problem) issues.push({ severity: 'error', file, entry: h.event, path: `heads[${n}].event`, message: problem });
    return !problem;
  });
  return { heads, issues };
}

/** How a page writes an event's date: with the year (sure), or month or weekday alone (a guess). */
export interface DateForms {
  /** "2019", "October 2019", "Oct. 2019", "January 3, 2020", "3 January 2020", "Jan. 3, 2020". */
  withYear: string[];
  /** "October", "January 3", "3 January", "Jan. 3". */
  withoutYear: string[];
  /** "Sunday's" when the day is known. */
  weekday?: string;
  /** The forms of both lists that give the day ("October 10", "10 October 2021"); none without one. */
  byDay: string[];
}

export function dateForms(date: EventDate): DateForms | undefined {
  if (date.end) return undefined;
  const [year, month, day] = date.start.split('-').map(Number) as [number, number?, number?];
  const withYear = [String(year)];
  const withoutYear: string[] = [];
  let weekday: string | undefined;
  if (month) {
    const name = MONTHS[month - 1]!;
    const short = name.slice(0, 3);
    withYear.push(`${name} ${year}`, ...(name.length > 4 ? [`${short}. ${year}`, `${short} ${year}`] : []));
    withoutYear.push(name);
    // "1 October" is the start of a month-long event, not a date pages give it.
    if (day && day > 1) {
      withYear.push(`${name} ${day}, ${year}`, `${day} ${name} ${year}`, ...(name.length > 4 ? [`${short}. ${day}, ${year}`] : []));
      withoutYear.push(`${name} ${day}`, `${day} ${name}`, ...(name.length > 4 ? [`${short}. ${day}`] : []));
      weekday = `${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!}'s`;
    }
  }
  const byDay = [...withYear, ...withoutYear].filter((form) => /\d{1,2}\b(?!$)|\D\d{1,2}$/.test(form));
  return { withYear, withoutYear, byDay, ...(weekday ? { weekday } : {}) };
}

const STARTS_WITH_DATE = new RegExp(`^(?:\\d|(?:${MONTHS.join('|')})\\b)`, 'i');
const LATIN = /^[A-Za-z0-9][A-Za-z0-9' .,’–-]*$/;

/**
 * The date names of every dated event: `curated` are all entries' curated patterns (aliases to
 * put a date in front of), `heads` the head nouns by event. Keys `taken` (curated names,
 * blockers) are never generated; a name two events would generate is left to neither.
 */
export function datedEventPatterns(
  entries: readonly SourcedEntry[],
  curated: readonly NamePattern[],
  heads: readonly EventHeads[],
  foldKey: (text: string) => string,
  taken: ReadonlySet<string>,
): NamePattern[] {
  const out: NamePattern[] = [];
  const push = (entity: number, text: string, specificity: Specificity, path: string) => out.push({ entity, text, specificity, path });
  entries.forEach(({ entry }, entity) => {
    const forms = entry.type === 'event' && entry.date ? dateForms(entry.date) : undefined;
    if (!forms) return;
    for (const alias of curated.filter((p) => p.entity === entity)) {
      if (!LATIN.test(alias.text) || STARTS_WITH_DATE.test(alias.text) || /^the /i.test(alias.text)) continue;
      for (const date of forms.withYear.slice(0, 2)) push(entity, `${date} ${alias.text}`, alias.specificity, `${alias.path}+date~`);
    }
    const own = heads.filter((h) => h.event === entry.id).flatMap((h) => h.heads);
    const national = heads.some((h) => h.event === entry.id && h.country !== undefined);
    for (const head of own) {
      for (const date of [...forms.withYear, ...forms.withoutYear, ...(forms.weekday ? [forms.weekday] : [])]) push(entity, `${date} ${head}`, 'ambiguous', 'heads+date~');
      for (const date of forms.withYear) push(entity, `${head} of ${date}`, 'ambiguous', 'heads+date~');
      // A country's vote is held on a day, and pages name it by that day after the noun too
      // ("elections on October 10"); for other events "X on <day>" is more often a clause ("the
      // death of … by US airstrike on 3 January 2020"). Before the noun a full date may keep its
      // comma ("October 10, 2021, elections").
      if (national) for (const date of forms.byDay) push(entity, `${head} on ${date}`, 'ambiguous', 'heads+date~');
      for (const date of forms.byDay) if (/\d{4}$/.test(date) && date.includes(',')) push(entity, `${date}, ${head}`, 'ambiguous', 'heads+date~');
    }
  });
  return ownedByOne(out, foldKey, taken);
}
