/**
 * What the corpus builder tells a curator without failing the build: names in the corpus the
 * gazetteer does not cover yet, aliases never seen (expected for transliterations readers meet
 * elsewhere), entries no document mentions, and warnings.
 */
import { formatIssue, type BuildIssue } from './schema';
import type { EntityType } from './types';

export interface UncoveredName {
  name: string;
  count: number;
  /** Documents it appears in, in corpus order. */
  docs: string[];
}

export interface UnseenAliases {
  entity: string;
  file: string;
  aliases: string[];
}

export interface BuildSummary {
  entitiesByType: Record<EntityType, number>;
  documents: number;
  passages: number;
  mentions: number;
  version: string;
}

export interface BuildReport {
  errors: BuildIssue[];
  warnings: BuildIssue[];
  unseenAliases: UnseenAliases[];
  uncoveredNames: UncoveredName[];
  /** Entries no document mentions: an alias is missing, or the entry does not belong. */
  unmentioned: { entity: string; file: string }[];
  summary?: BuildSummary;
}

/** Words that start sentences or name dates: capitalised without being names. */
const NOT_NAMES = new Set(
  (
    'the a an this these that those it its he his she her they their we our i you in on at but and or as if when ' +
    'while although however according after before since for from with of to by also moreover meanwhile earlier ' +
    'finally regardless naturally particularly unsurprisingly what which who whom how why where there some several ' +
    'many most not nearly far recent days following despite because so yet then thus still even only just both each ' +
    'every all any no one two mr mrs ms dr ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);
/** Lower-case words that may sit inside a name: "Islamic Republic of Iran", "Nuri al-Maliki". */
const CONNECTORS = new Set(['of', 'al', 'el', 'bin', 'ibn', 'de', 'for']);
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * Sequences of capitalised words ("Jahan-e Sanat", "Supreme National Security Council") seen at
 * least `minCount` times in the corpus that no gazetteer name covers. `covered` holds the spans
 * the matcher found in each text; a sequence partly covered leaves its uncovered words as
 * candidates ("Deputy Secretary of State" of "Deputy Secretary of State David Hale").
 */
export function recurringCapitalisedNames(
  texts: readonly { doc: string; text: string; covered: readonly { start: number; end: number }[] }[],
  minCount = 2,
): UncoveredName[] {
  const lowercaseWords = new Set<string>();
  for (const { text } of texts) for (const m of text.matchAll(WORD)) if (/^\p{Ll}/u.test(m[0])) lowercaseWords.add(m[0]);

  const found = new Map<string, { count: number; docs: Set<string> }>();
  for (const { doc, text, covered } of texts) {
    const isCovered = (w: Word) => covered.some((c) => c.start < w.end && w.start < c.end);
    for (const sequence of capitalisedSequences(text)) {
      let fragment: Word[] = [];
      const flush = () => {
        const name = trimFragment(fragment, text, lowercaseWords);
        fragment = [];
        if (!name) return;
        const entry = found.get(name) ?? { count: 0, docs: new Set<string>() };
        entry.count++;
        entry.docs.add(doc);
        found.set(name, entry);
      };
      for (const word of sequence) {
        if (isCovered(word)) flush();
        else fragment.push(word);
      }
      flush();
    }
  }
  const order = texts.map((t) => t.doc);
  return [...found]
    .filter(([, v]) => v.count >= minCount)
    .map(([name, v]) => ({ name, count: v.count, docs: order.filter((d) => v.docs.has(d)) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function* capitalisedSequences(text: string): Generator<Word[]> {
  let sequence: Word[] = [];
  let previousEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const word: Word = { text: m[0], start: m.index, end: m.index + m[0].length };
    const joined = previousEnd >= 0 && /^ $/.test(text.slice(previousEnd, word.start));
    const capital = /^\p{Lu}/u.test(word.text) || /^(?:al|el)-\p{Lu}/u.test(word.text);
    const connector = CONNECTORS.has(word.text) && sequence.length > 0 && joined;
    if ((capital || connector) && (joined || sequence.length === 0)) {
      sequence.push(word);
    } else {
      if (sequence.length) yield sequence;
      sequence = capital ? [word] : [];
    }
    previousEnd = word.end;
  }
  if (sequence.length) yield sequence;
}

/** Drops connectors and sentence-starter words at the ends, and a possessive; '' when nothing is left. */
function trimFragment(words: Word[], text: string, lowercaseWords: ReadonlySet<string>): string {
  let from = 0;
  let to = words.length;
  while (from < to && (CONNECTORS.has(words[from]!.text) || NOT_NAMES.has(words[from]!.text.toLowerCase()))) from++;
  while (to > from && (CONNECTORS.has(words[to - 1]!.text) || NOT_NAMES.has(words[to - 1]!.text.toLowerCase()))) to--;
  if (from >= to) return '';
  const kept = words.slice(from, to);
  if (kept.length === 1) {
    const only = kept[0]!;
    // A lone capitalised word at the start of a sentence is usually an ordinary word ("Closing").
    const startsSentence = /(?:^|[.?!:;–—]\s*[“"‘']?)\s*$/u.test(text.slice(Math.max(0, only.start - 4), only.start));
    if (startsSentence && lowercaseWords.has(only.text.toLowerCase())) return '';
  }
  return text
    .slice(kept[0]!.start, kept[kept.length - 1]!.end)
    .replace(/['’]s?$/u, '');
}

/** The report as a curator reads it in the terminal: errors last, so they are what stays on screen. */
export function formatReport(report: BuildReport): string {
  const lines: string[] = [];
  if (report.unseenAliases.length) {
    lines.push(`Aliases never seen in the corpus (fine for spellings readers meet elsewhere):`);
    for (const u of report.unseenAliases) {
      // Arabic and Persian spellings are for pages elsewhere: counted, not listed.
      const latin = u.aliases.filter((a) => !/[\u0600-\u06ff]/u.test(a));
      const script = u.aliases.length - latin.length;
      const listed = latin.map((a) => JSON.stringify(a)).join(', ');
      lines.push(`  ${u.entity}: ${listed}${script ? `${listed ? ' ' : ''}(+${script} in Arabic/Persian script)` : ''}`);
    }
  }
  if (report.uncoveredNames.length) {
    lines.push(`Recurring capitalised names no gazetteer name covers (add an entry or an alias if they are one):`);
    const multi = report.uncoveredNames.filter((n) => /\s/.test(n.name));
    const single = report.uncoveredNames.filter((n) => !/\s/.test(n.name));
    const show = (n: UncoveredName) => `${n.name} ×${n.count} (${n.docs.join(', ')})`;
    if (multi.length) lines.push(`  names: ${multi.map(show).join('; ')}`);
    if (single.length) lines.push(`  single words: ${single.map(show).join('; ')}`);
  }
  if (report.unmentioned.length) {
    lines.push(`Gazetteer entries no document mentions:`);
    for (const u of report.unmentioned) lines.push(`  ${u.file}: entry "${u.entity}"`);
  }
  if (report.warnings.length) {
    lines.push(`Warnings (${report.warnings.length}):`);
    for (const w of report.warnings) lines.push(`  ${formatIssue(w)}`);
  }
  if (report.errors.length) {
    lines.push(`Errors (${report.errors.length}) — nothing was written:`);
    for (const e of report.errors) lines.push(`  ${formatIssue(e)}`);
  }
  return lines.join('\n');
}

export function formatSummary(summary: BuildSummary): string {
  const types = (Object.entries(summary.entitiesByType) as [EntityType, number][])
    .map(([type, n]) => `${n} ${type}${n === 1 ? '' : 's'}`)
    .join(', ');
  return (
    `Knowledge base ${summary.version.slice(0, 12)}: ${types}; ${summary.documents} documents, ` +
    `${summary.passages} passages, ${summary.mentions} mentions.`
  );
}
