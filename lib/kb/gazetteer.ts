/**
 * Compiling the gazetteer: curated entries (from `data/gazetteer/*.json`, or the curated
 * entities of the corpus packs installed on a device), with the blockers, topic words and event
 * cues, into the matcher every page and every document is read with. The first step of the
 * builder; extracting documents (extract.ts) and merging them come after. DOM-free, no I/O: the
 * CLI and the extension's builder run the same function.
 */
import { foldPattern } from '../engine/alphabet';
import { buildMatcher, type PatternInput } from '../engine/build-matcher';
import type { MatcherData, MatcherEntity } from '../engine/types';
import { BLOCKER_PREFIX, validateBlockersFile, type Blocker } from './blockers';
import { readEventCues } from './event-cues';
import { canonicalJson, sha256Hex } from './hash';
import { validateGazetteerFile, type BuildIssue } from './schema';
import type { GazetteerEntry } from './types';
import { duplicateIds, entryPatterns, nameCollisions, unknownLinks, type NamePattern, type SourcedEntry } from './validate';
import { generateVariantPatterns, type VariantCounts } from './variant-patterns';

export interface InputFile {
  /** Path relative to the project root, as messages should name it. */
  file: string;
  /** The parsed JSON. */
  data: unknown;
}

export interface GazetteerInput {
  /** Gazetteer files, each `{ "entries": [...] }`, merged in the order given. */
  gazetteer: readonly InputFile[];
  /** `data/blockers.json`: names the matcher learns only to never mark them. */
  blockers?: InputFile;
  /** `data/event-cues.json`: how pages talk about events without naming them. */
  eventCues?: InputFile;
  /** `data/topic-words.json`: words that put a page on topic, never marked. */
  topicWords?: InputFile;
}

/** What the matcher is built from: curated names, generated spellings, blockers, topic words. */
export interface MatcherInput {
  entities: MatcherEntity[];
  patterns: PatternInput[];
}

export interface CompiledGazetteer {
  /** Valid entries of every file, sorted by id (the matcher's entity order). */
  entries: SourcedEntry[];
  /** Curated names and generated spellings (not blockers or topic words), as the report reads them. */
  patterns: NamePattern[];
  /** Absent when the names collide or the matcher could not be built (see `issues`). */
  matcher?: MatcherData;
  /**
   * What the matcher was built from: rebuilding it with learned names on the device starts from
   * this (lib/names/patterns.ts `withLearnedNames`), and extraction reads names nested in a
   * match with it.
   */
  matcherInput: MatcherInput;
  issues: BuildIssue[];
  /** Generated transliteration variants per transliterated entry. */
  variants: VariantCounts[];
}

const TOPIC_PREFIX = 'topic:';

/** A name as the matcher reads it, printable: case, diacritics, apostrophes and dashes folded. */
export function foldedKey(text: string): string {
  return foldPattern(text)
    .map((code) => (code >= 0 ? String.fromCharCode(code) : code === -4 ? '\u2022' : '\u00b7'))
    .join('');
}

export function compileGazetteer(input: GazetteerInput): CompiledGazetteer {
  const issues: BuildIssue[] = [];
  const entries = readGazetteer(input.gazetteer, issues);
  const curated = entries.flatMap(({ entry }, i) => entryPatterns(entry, i));
  issues.push(...unknownLinks(entries));

  const collisions = nameCollisions(entries, curated, foldedKey);
  issues.push(...collisions);
  // Blockers and generated transliteration variants join the curated names.
  const blockers = readBlockers(input, issues);
  const blockerKeys = new Set(blockers.flatMap((b) => b.names.map(foldedKey)));
  const generated = generateVariantPatterns(entries, curated, foldedKey, blockerKeys);
  const patterns = [...curated, ...generated.patterns];
  const matcherEntities: MatcherEntity[] = [
    ...entries.map(({ entry }) => ({ id: entry.id, name: entry.name, type: entry.type })),
    ...blockers.map((b) => ({ id: BLOCKER_PREFIX + b.id, name: b.names[0]!, type: 'organization' as const, blocker: true as const })),
  ];
  const blockerPatterns = blockers.flatMap((b, i) =>
    b.names.map((text) => ({ entity: entries.length + i, text, specificity: 'unique' as const })),
  );
  // Topic words: one matcher entity each, after the blockers; never marked, only evidence.
  const topicWords = readTopicWords(input, issues).filter(
    (w) => !blockerKeys.has(foldedKey(w)) && !patterns.some((p) => foldedKey(p.text) === foldedKey(w)),
  );
  matcherEntities.push(
    ...topicWords.map((w) => ({
      id: `${TOPIC_PREFIX}${foldedKey(w).replace(/[^\p{L}\p{N}]+/gu, '-')}`,
      name: w,
      type: 'organization' as const,
      topic: true as const,
    })),
  );
  blockerPatterns.push(...topicWords.map((text, i) => ({ entity: entries.length + blockers.length + i, text, specificity: 'unique' as const })));
  const matcherInput: MatcherInput = {
    entities: matcherEntities,
    patterns: [...patterns.map(({ entity, text, specificity }) => ({ entity, text, specificity })), ...blockerPatterns],
  };
  let matcher: MatcherData | undefined;
  if (!collisions.some((i) => i.severity === 'error')) {
    try {
      matcher = buildMatcher({ kbVersion: '', ...matcherInput });
      if (input.eventCues) {
        const read = readEventCues(input.eventCues.file, input.eventCues.data, entries);
        issues.push(...read.issues);
        if (read.cues.length) matcher = { ...matcher, eventCues: read.cues };
      }
    } catch (error) {
      issues.push({ severity: 'error', file: 'data/gazetteer', message: `the matcher could not be built: ${String(error)}` });
    }
  }
  return { entries, patterns, matcher, matcherInput, issues, variants: generated.counts };
}

/**
 * The version of the builder's extraction: bump it whenever extracting the same document with
 * the same matcher gives other rows (passages, mentions, ranking, fingerprints), so that rows a
 * pack carries, or a device computed before an update, are computed again.
 */
export const BUILDER_VERSION = 1;

/**
 * The key derived rows are stamped with: the matcher (its names and automaton, not the corpus
 * version it was shipped beside) and the builder version. Equal keys, equal rows.
 */
export function extractionKey(matcher: MatcherData): string {
  const { kbVersion: _corpus, ...names } = matcher;
  return `m-${sha256Hex(canonicalJson(names)).slice(0, 16)}+b${BUILDER_VERSION}`;
}

/** The gazetteer as one input file, for entries that come from packs rather than from files. */
export function gazetteerFromEntries(entries: readonly GazetteerEntry[], file = 'corpus packs'): InputFile {
  return { file, data: { entries } };
}

function readTopicWords(input: GazetteerInput, issues: BuildIssue[]): string[] {
  if (!input.topicWords) return [];
  const data = input.topicWords.data as { words?: unknown };
  if (!Array.isArray(data.words) || !data.words.every((w) => typeof w === 'string' && w.trim() !== '')) {
    issues.push({ severity: 'error', file: input.topicWords.file, path: 'words', message: 'words must be a list of non-empty strings' });
    return [];
  }
  return [...new Set(data.words as string[])];
}

function readBlockers(input: GazetteerInput, issues: BuildIssue[]): Blocker[] {
  if (!input.blockers) return [];
  const validated = validateBlockersFile(input.blockers.file, input.blockers.data);
  issues.push(...validated.issues);
  return validated.value;
}

/** Valid entries of every file, sorted by id (the matcher's entity order); duplicates reported and dropped. */
export function readGazetteer(files: readonly InputFile[], issues: BuildIssue[]): SourcedEntry[] {
  const all: SourcedEntry[] = [];
  for (const { file, data } of files) {
    const validated = validateGazetteerFile(file, data);
    issues.push(...validated.issues);
    for (const entry of validated.value) {
      all.push({ file, entry });
      if (entry.type === 'event' && !entry.date) {
        issues.push({ severity: 'error', file, entry: entry.id, path: 'date', message: 'an event needs a date {"start": "2020-06-11"}' });
      }
      if (entry.type !== 'event' && entry.date) {
        issues.push({ severity: 'warning', file, entry: entry.id, path: 'date', message: `only events carry a date; this is a ${entry.type}` });
      }
    }
  }
  issues.push(...duplicateIds(all));
  const seen = new Set<string>();
  return all
    .filter(({ entry }) => !seen.has(entry.id) && seen.add(entry.id))
    .sort((a, b) => (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
}

/** The patterns one entry gives the matcher, for `npm run corpus -- --variants <id>`. */
export function entryVariants(input: GazetteerInput, id: string): { text: string; key: string; specificity: string; path: string }[] | undefined {
  const compiled = compileGazetteer({ ...input, eventCues: undefined, topicWords: undefined });
  const index = compiled.entries.findIndex((e) => e.entry.id === id);
  if (index < 0) return undefined;
  // The generated spellings as the build keeps them: after collisions with every entry.
  return compiled.patterns
    .filter((p) => p.entity === index)
    .map((p) => ({ text: p.text, key: foldedKey(p.text), specificity: p.specificity, path: p.path }));
}
