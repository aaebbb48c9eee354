/**
 * Reads data/event-cues.json (how pages talk about events without naming them) and resolves
 * its entity ids to matcher indices, and gives each cue the years of its event (a sentence dated
 * another year is about another event). Every cue is checked: the event must be an event entry,
 * participants must exist, and each regular expression must compile.
 */
import * as v from 'valibot';
import type { MatcherEventCue } from '../engine/types';
import type { BuildIssue } from './schema';
import type { SourcedEntry } from './validate';

const CueSchema = v.strictObject({
  event: v.string(),
  trigger: v.pipe(v.string(), v.minLength(1, 'a cue needs a trigger')),
  participants: v.optional(v.array(v.string())),
  words: v.optional(v.string()),
  also: v.optional(v.array(v.string())),
  alsoWords: v.optional(v.string()),
});
const FileSchema = v.object({ cues: v.array(CueSchema) });

export function readEventCues(file: string, data: unknown, entries: readonly SourcedEntry[]): { cues: MatcherEventCue[]; issues: BuildIssue[] } {
  const parsed = v.safeParse(FileSchema, data);
  if (!parsed.success) {
    return { cues: [], issues: parsed.issues.map((i) => ({ severity: 'error' as const, file, path: v.getDotPath(i) ?? undefined, message: i.message })) };
  }
  const index = new Map(entries.map(({ entry }, i) => [entry.id, i]));
  const issues: BuildIssue[] = [];
  const cues: MatcherEventCue[] = [];
  parsed.output.cues.forEach((cue, n) => {
    const issue = (path: string, message: string) => issues.push({ severity: 'error', file, entry: cue.event, path: `cues[${n}].${path}`, message });
    const event = index.get(cue.event);
    if (event === undefined || entries[event]!.entry.type !== 'event') return issue('event', `"${cue.event}" is not the id of an event entry`);
    const ids = (list: string[] | undefined, path: string) =>
      (list ?? []).flatMap((id) => {
        const i = index.get(id);
        if (i === undefined) issue(path, `"${id}" is not the id of any gazetteer entry`);
        return i === undefined ? [] : [i];
      });
    let valid = true;
    for (const key of ['trigger', 'words', 'alsoWords'] as const) {
      const source = cue[key];
      if (source === undefined) continue;
      try {
        new RegExp(`(?:${source})`, 'u');
      } catch (error) {
        issue(key, `not a valid regular expression: ${(error as Error).message}`);
        valid = false;
      }
    }
    if (!cue.participants?.length && !cue.words) issue('participants', 'a cue needs participants or words');
    const participants = ids(cue.participants, 'participants');
    const also = ids(cue.also, 'also');
    // A broken cue is reported and left out, so the rest of the build can still be checked.
    if (!valid) return;
    const date = entries[event]!.entry.date;
    cues.push({
      event,
      trigger: cue.trigger,
      ...(date ? { years: [Number(date.start.slice(0, 4)), Number((date.end ?? date.start).slice(0, 4))] as [number, number] } : {}),
      ...(cue.participants ? { participants } : {}),
      ...(cue.words ? { words: cue.words } : {}),
      ...(cue.also ? { also } : {}),
      ...(cue.alsoWords ? { alsoWords: cue.alsoWords } : {}),
    });
  });
  return { cues, issues };
}
