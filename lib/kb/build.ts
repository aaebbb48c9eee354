/**
 * The corpus builder's pure core: documents + seeds + gazetteer → the bundled knowledge base,
 * the prebuilt matcher, and a report for the curator. No file I/O (see scripts/build-corpus.ts),
 * no Node APIs: the same code can run in a test or a browser.
 *
 * Mentions are found with the engine's own `spotText` over each document's whole cleaned text,
 * so a document shows the same mentions in the reader as it would on a web page.
 */
import { foldPattern } from '../engine/alphabet';
import { BLOCKER_PREFIX, validateBlockersFile, type Blocker } from './blockers';
import { datedEventPatterns, readEventHeads, type EventHeads } from './dated-names';
import { readEventCues } from './event-cues';
import { readCountries, readInstitutionNouns } from './institution-nouns';
import { readSynonyms, spunPatterns } from './spun-names';
import { generateVariantPatterns, type VariantCounts } from './variant-patterns';
import { buildMatcher, type PatternInput } from '../engine/build-matcher';
import { spotText } from '../engine/evidence';
import { loadMatcher, type Matcher } from '../engine/matcher';
import type { MatcherCountry, MatcherData, MatcherEntity, RawMatch } from '../engine/types';
import { cleanDocument } from '../corpus/clean';
import { characterise, rankPassages, type ScoredPassage } from './accounts';
import { buildContrasts } from './contrasts';
import { canonicalJson, sha256Hex } from './hash';
import { documentPassages, documentText, type PassageSpan } from './passages';
import { formatReport, recurringCapitalisedNames, type BuildReport, type UnseenAliases } from './report';
import { validateDocumentsFile, validateGazetteerFile, type BuildIssue, type DocumentMeta } from './schema';
import {
  citeIssues,
  duplicateIds,
  entryPatterns,
  nameCollisions,
  plainWords,
  unknownLinks,
  type CorpusIndex,
  type NamePattern,
  type SourcedEntry,
} from './validate';
import {
  KB_SCHEMA_VERSION,
  type Account,
  type EntityType,
  type KbDocument,
  type KbEntity,
  type KnowledgeBase,
  type Passage,
  type Perspective,
} from './types';

export interface InputFile {
  /** Path relative to the project root, as messages should name it. */
  file: string;
  /** The parsed JSON. */
  data: unknown;
}

export interface CorpusInput {
  documents: InputFile;
  /** Raw seed texts by the file name `documents.json` gives them. */
  seeds: Readonly<Record<string, string>>;
  /** Gazetteer files, each `{ "entries": [...] }`, merged in the order given. */
  gazetteer: readonly InputFile[];
  /** Directory the seed files live in, for messages (`data/seeds`). */
  seedDir?: string;
  /** Curated contrasts and disagreements of fact (`data/gazetteer/contrasts.json`), if any. */
  contrasts?: InputFile;
  /** `data/blockers.json`: names the matcher learns only to never mark them. */
  blockers?: InputFile;
  /** `data/event-cues.json`: how pages talk about events without naming them. */
  eventCues?: InputFile;
  /** `data/topic-words.json`: words that put a page on topic, never marked. */
  topicWords?: InputFile;
  /** `data/synonyms.json`: words spinners and machine translation put in names (spun-names.ts). */
  synonyms?: InputFile;
  /** `data/countries.json`: countries by name and demonym, to tell whose institution a noun is. */
  countries?: InputFile;
  /** `data/institution-nouns.json`: "parliament", "the coalition" for the entity on a page about it. */
  institutionNouns?: InputFile;
}

export interface BuildResult {
  /** Absent when the build has errors (see `report.errors`). */
  kb?: KnowledgeBase;
  matcher?: MatcherData;
  report: BuildReport;
  /** Generated transliteration variants per transliterated entry. */
  variants?: VariantCounts[];
  /**
   * What the matcher was built from (curated names, generated spellings, blockers, topic words):
   * rebuilding it with learned names on the device starts from this (lib/names/patterns.ts).
   */
  matcherInput?: { entities: MatcherEntity[]; patterns: PatternInput[] };
}

export function buildKnowledgeBase(input: CorpusInput): BuildResult {
  const issues: BuildIssue[] = [];
  const { perspectives, documents } = readDocuments(input, issues);
  const entries = readGazetteer(input.gazetteer, issues);
  const curated = entries.flatMap(({ entry }, i) => entryPatterns(entry, i));
  issues.push(...unknownLinks(entries));

  const collisions = nameCollisions(entries, curated, foldedKey);
  issues.push(...collisions);
  // Blockers and generated transliteration variants join the curated names.
  const blockers = readBlockers(input, issues);
  const blockerKeys = new Set(blockers.flatMap((b) => b.names.map(foldedKey)));
  const generated = generateVariantPatterns(entries, curated, foldedKey, blockerKeys);
  const patterns = derivedPatterns(input, entries, [...curated, ...generated.patterns], blockerKeys, issues);
  const matcherEntities: MatcherEntity[] = [
    ...entries.map(({ entry }) => ({ id: entry.id, name: entry.name, type: entry.type })),
    ...blockers.map((b) => ({ id: BLOCKER_PREFIX + b.id, name: b.names[0]!, type: 'organization' as const, blocker: true as const })),
  ];
  const blockerPatterns = blockers.flatMap((b, i) =>
    b.names.map((text) => ({ entity: entries.length + i, text, specificity: 'unique' as const })),
  );
  // Topic words: one matcher entity each, after the blockers; never marked, only evidence.
  const topicWords = readTopicWords(input, issues).filter((w) => !blockerKeys.has(foldedKey(w)) && !patterns.some((p) => foldedKey(p.text) === foldedKey(w)));
  matcherEntities.push(...topicWords.map((w) => ({ id: `${TOPIC_PREFIX}${foldedKey(w).replace(/[^\p{L}\p{N}]+/gu, '-')}`, name: w, type: 'organization' as const, topic: true as const })));
  blockerPatterns.push(...topicWords.map((text, i) => ({ entity: entries.length + blockers.length + i, text, specificity: 'unique' as const })));
  let matcherData: MatcherData | undefined;
  const matcherInput = {
    entities: matcherEntities,
    patterns: [...patterns.map(({ entity, text, specificity }) => ({ entity, text, specificity })), ...blockerPatterns],
  };
  if (!collisions.some((i) => i.severity === 'error')) {
    try {
      matcherData = buildMatcher({ kbVersion: '', ...matcherInput });
      if (input.eventCues) {
        const read = readEventCues(input.eventCues.file, input.eventCues.data, entries);
        issues.push(...read.issues);
        if (read.cues.length) matcherData = { ...matcherData, eventCues: read.cues };
      }
      if (input.countries) {
        const countries = readCountries(input.countries.file, input.countries.data, entries);
        issues.push(...countries.issues);
        if (countries.countries.length) matcherData = { ...matcherData, countries: countries.countries };
        if (input.eventCues) {
          const heads = readEventHeads(input.eventCues.file, input.eventCues.data, entries).heads;
          matcherData = { ...matcherData, entities: withEventCountries(matcherData.entities, entries, heads, countries.countries, input.eventCues.file, issues) };
        }
        if (input.institutionNouns) {
          const read = readInstitutionNouns(input.institutionNouns.file, input.institutionNouns.data, entries, countries.countries);
          issues.push(...read.issues);
          if (read.nouns.length) matcherData = { ...matcherData, institutionNouns: read.nouns };
        }
      }
    } catch (error) {
      issues.push({ severity: 'error', file: 'data/gazetteer', message: `the matcher could not be built: ${String(error)}` });
    }
  }

  const report: BuildReport = { errors: [], warnings: [], unseenAliases: [], uncoveredNames: [], unmentioned: [] };
  let kbBody: Omit<KnowledgeBase, 'version'> | undefined;
  if (matcherData) {
    const matcher = loadMatcher(matcherData);
    const nestedNames = nestedNameIndex(patterns);
    const scans = documents.map((doc) => scanDocument(doc, matcher, nestedNames));
    issues.push(...citeIssues(entries, corpusIndex(documents, scans)));
    report.unseenAliases = unseenAliases(entries, patterns, scans);
    report.uncoveredNames = recurringCapitalisedNames(
      scans.map((s) => ({ doc: s.doc.id, text: s.text, covered: s.raw })),
    );
    const { passages, kbEntities } = assemble(documents, entries, scans);
    // Curated contrasts, every quote verified against the documents.
    if (input.contrasts) issues.push(...attachContrasts(input.contrasts, documents, kbEntities));
    report.unmentioned = kbEntities
      .filter((e) => Object.keys(e.mentions).length === 0)
      .map((e) => ({ entity: e.id, file: entries.find((s) => s.entry.id === e.id)!.file }));
    kbBody = { schemaVersion: KB_SCHEMA_VERSION, perspectives, documents, entities: kbEntities, passages };
  }

  report.errors = issues.filter((i) => i.severity === 'error');
  report.warnings = issues.filter((i) => i.severity === 'warning');
  if (!kbBody || !matcherData || report.errors.length) return { report, variants: generated.counts };

  const version = sha256Hex(canonicalJson(kbBody));
  const kb: KnowledgeBase = {
    schemaVersion: kbBody.schemaVersion,
    version,
    perspectives: kbBody.perspectives,
    documents: kbBody.documents,
    entities: kbBody.entities,
    passages: kbBody.passages,
  };
  report.summary = {
    entitiesByType: countByType(kb.entities),
    documents: kb.documents.length,
    passages: kb.passages.length,
    mentions: kb.entities.reduce((n, e) => n + Object.values(e.mentions).reduce((a, b) => a + b, 0), 0),
    version,
  };
  return { kb, matcher: { ...matcherData, kbVersion: version }, matcherInput, report, variants: generated.counts };
}

/**
 * The names the matcher learns: `names` (curated and respelt) plus events by their date
 * ("October 2019 protests", "2008 Strategic Framework Agreement": dated-names.ts) and spun
 * names ("Popular Mobilization Committee": spun-names.ts), none of which may take a key
 * already taken.
 */
function derivedPatterns(
  input: CorpusInput,
  entries: readonly SourcedEntry[],
  names: readonly NamePattern[],
  blockerKeys: ReadonlySet<string>,
  issues: BuildIssue[],
): NamePattern[] {
  const heads = input.eventCues ? readEventHeads(input.eventCues.file, input.eventCues.data, entries) : { heads: [], issues: [] };
  const synonyms = input.synonyms ? readSynonyms(input.synonyms.file, input.synonyms.data) : { synonyms: new Map<string, string[]>(), issues: [] };
  issues.push(...heads.issues, ...synonyms.issues);
  const taken = new Set([...names.map((p) => foldedKey(p.text)), ...blockerKeys]);
  const dated = datedEventPatterns(entries, names, heads.heads, foldedKey, taken);
  for (const p of dated) taken.add(foldedKey(p.text));
  return [...names, ...dated, ...spunPatterns(entries, names, synonyms.synonyms, foldedKey, taken)];
}

/** Each event with a home country in data/event-cues.json's `heads` knows it (see dated-names.ts). */
function withEventCountries(
  entities: MatcherEntity[],
  entries: readonly SourcedEntry[],
  heads: readonly EventHeads[],
  countries: readonly MatcherCountry[],
  file: string,
  issues: BuildIssue[],
): MatcherEntity[] {
  const home = new Map<string, number>();
  heads.forEach((h, n) => {
    if (h.country === undefined) return;
    const c = countries.findIndex((c) => c.words.includes(h.country!));
    if (c < 0) issues.push({ severity: 'error', file, entry: h.event, path: `heads[${n}].country`, message: `"${h.country}" is not a word of any country in data/countries.json` });
    else home.set(h.event, c);
  });
  return entities.map((e, i) => (i < entries.length && home.has(e.id) ? { ...e, country: home.get(e.id)! } : e));
}

const TOPIC_PREFIX = 'topic:';

function readTopicWords(input: CorpusInput, issues: BuildIssue[]): string[] {
  if (!input.topicWords) return [];
  const data = input.topicWords.data as { words?: unknown };
  if (!Array.isArray(data.words) || !data.words.every((w) => typeof w === 'string' && w.trim() !== '')) {
    issues.push({ severity: 'error', file: input.topicWords.file, path: 'words', message: 'words must be a list of non-empty strings' });
    return [];
  }
  return [...new Set(data.words as string[])];
}

function readBlockers(input: CorpusInput, issues: BuildIssue[]): Blocker[] {
  if (!input.blockers) return [];
  const validated = validateBlockersFile(input.blockers.file, input.blockers.data);
  issues.push(...validated.issues);
  return validated.value;
}

/** The files `npm run corpus` writes: stable formatting so a rebuild is byte-identical. */
export function serializeOutputs(result: { kb: KnowledgeBase; matcher: MatcherData }): { kb: string; matcher: string } {
  return { kb: `${JSON.stringify(result.kb, null, 2)}\n`, matcher: `${JSON.stringify(result.matcher, null, 2)}\n` };
}

/** A name as the matcher reads it, printable: case, diacritics, apostrophes and dashes folded. */
export function foldedKey(text: string): string {
  return foldPattern(text)
    .map((code) => (code >= 0 ? String.fromCharCode(code) : code === -4 ? '\u2022' : '\u00b7'))
    .join('');
}

/** The patterns one entry gives the matcher, for `npm run corpus -- --variants <id>`. */
export function entryVariants(input: CorpusInput, id: string): { text: string; key: string; specificity: string; path: string }[] | undefined {
  const entries = readGazetteer(input.gazetteer, []);
  const index = entries.findIndex((e) => e.entry.id === id);
  if (index < 0) return undefined;
  // The generated spellings as the build keeps them: after collisions with every entry.
  const curated = entries.flatMap(({ entry }, i) => entryPatterns(entry, i));
  const blockerKeys = new Set(readBlockers(input, []).flatMap((b) => b.names.map(foldedKey)));
  const generated = generateVariantPatterns(entries, curated, foldedKey, blockerKeys).patterns;
  return derivedPatterns(input, entries, [...curated, ...generated], blockerKeys, [])
    .filter((p) => p.entity === index)
    .map((p) => ({ text: p.text, key: foldedKey(p.text), specificity: p.specificity, path: p.path }));
}

export { formatReport };

// ---------------------------------------------------------------------------------------------

function readDocuments(input: CorpusInput, issues: BuildIssue[]): { perspectives: Perspective[]; documents: KbDocument[] } {
  const { file } = input.documents;
  const validated = validateDocumentsFile(file, input.documents.data);
  issues.push(...validated.issues);
  const perspectives = uniqueById(validated.value.perspectives, file, issues);
  const perspectiveIds = new Set(perspectives.map((p) => p.id));
  const documents: KbDocument[] = [];
  for (const meta of uniqueById(validated.value.documents, file, issues)) {
    const issue = (message: string, path?: string, severity: BuildIssue['severity'] = 'error') =>
      issues.push({ severity, file, entry: meta.id, path, message });
    if (!perspectiveIds.has(meta.perspective)) {
      issue(`"${meta.perspective}" is not one of the perspectives (${[...perspectiveIds].join(', ')})`, 'perspective');
    }
    const raw = input.seeds[meta.file];
    if (raw === undefined) {
      issue(`no seed file ${input.seedDir ?? 'data/seeds'}/${meta.file}`, 'file');
      continue;
    }
    const cleaned = cleanDocument(raw, meta.title);
    if (cleaned.paragraphs.length === 0) {
      issue(`the cleaner kept no paragraph of ${meta.file} (is the title exactly as in the file?)`, 'file');
      continue;
    }
    if (meta.author && cleaned.author && meta.author !== cleaned.author) {
      issue(`the byline says "${cleaned.author}"`, 'author', 'warning');
    }
    documents.push(documentOf(meta, meta.author ?? cleaned.author, cleaned.paragraphs));
  }
  return { perspectives, documents };
}

function documentOf(meta: DocumentMeta, author: string | undefined, paragraphs: string[]): KbDocument {
  return {
    id: meta.id,
    file: meta.file,
    title: meta.title,
    outlet: meta.outlet,
    ...(author ? { author } : {}),
    date: meta.date,
    dateNote: meta.dateNote,
    perspective: meta.perspective,
    evidence: meta.evidence,
    paragraphs,
  };
}

function uniqueById<T extends { id: string }>(items: readonly T[], file: string, issues: BuildIssue[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (!seen.has(item.id)) return seen.add(item.id);
    issues.push({ severity: 'error', file, entry: item.id, path: 'id', message: `duplicate id "${item.id}"` });
    return false;
  });
}

/** Valid entries of every file, sorted by id (the matcher's entity order); duplicates reported and dropped. */
function readGazetteer(files: readonly InputFile[], issues: BuildIssue[]): SourcedEntry[] {
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

interface DocumentScan {
  doc: KbDocument;
  text: string;
  paragraphStarts: number[];
  /** Every name the matcher finds, before the context rule, plus the names nested in them. */
  raw: RawMatch[];
  /** The mentions the context rule accepts, plus the names nested in them, with entity ids. */
  mentions: { start: number; end: number; entity: string }[];
  rawEntityIds: string[];
}

function scanDocument(doc: KbDocument, matcher: Matcher, nestedNames: ReadonlyMap<string, number>): DocumentScan {
  const { text, paragraphStarts } = documentText(doc.paragraphs);
  const withNested = (matches: readonly RawMatch[]) =>
    matches.flatMap((m) => [m, ...nestedMatches(text, m, nestedNames)]).sort((a, b) => a.start - b.start || b.end - a.end);
  const found = matcher.findAll(text);
  const spotted = spotText(matcher, text);
  // Events spotted from their cues count as found, so cites to a paragraph that
  // describes an event without naming it are checked against that.
  const taken = new Set(found.map((m) => `${m.start}:${m.end}`));
  const cued = spotted.filter((m) => !taken.has(`${m.start}:${m.end}`));
  const raw = withNested([...found, ...cued]);
  const mentions = withNested(spotted).map((m) => ({
    start: m.start,
    end: m.end,
    entity: matcher.entities[m.entity]!.id,
  }));
  return { doc, text, paragraphStarts, raw, mentions, rawEntityIds: raw.map((m) => matcher.entities[m.entity]!.id) };
}

/** Folded key → entity, for the names that need no context (unique and common ones). */
function nestedNameIndex(patterns: readonly NamePattern[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const p of patterns) if (p.specificity !== 'ambiguous') index.set(foldedKey(p.text), p.entity);
  return index;
}

/**
 * The names of other entities inside a match. The matcher keeps only the longest name at a
 * place (right for marking a page), but for the knowledge base "the death of Qassem Soleimani"
 * also mentions Soleimani, and "rocket landed inside Baghdad airport" the airport.
 * Longest first, non-overlapping, on word boundaries.
 */
function nestedMatches(text: string, outer: RawMatch, index: ReadonlyMap<string, number>): RawMatch[] {
  const words = [...text.slice(outer.start, outer.end).matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((w) => ({
    start: outer.start + w.index,
    end: outer.start + w.index + w[0].length,
  }));
  const candidates: RawMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i; j < words.length; j++) {
      if (i === 0 && j === words.length - 1) continue;
      const start = words[i]!.start;
      const end = words[j]!.end;
      const entity = index.get(foldedKey(text.slice(start, end)));
      if (entity !== undefined && entity !== outer.entity) candidates.push({ start, end, entity, specificity: outer.specificity });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: RawMatch[] = [];
  for (const c of candidates) if (!chosen.some((o) => o.start < c.end && c.start < o.end)) chosen.push(c);
  return chosen;
}

/** 1-based paragraph containing `offset`. */
function paragraphAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function corpusIndex(documents: readonly KbDocument[], scans: readonly DocumentScan[]): CorpusIndex {
  // entity → doc → paragraphs where the matcher found it
  const hits = new Map<string, Map<string, Set<number>>>();
  for (const scan of scans) {
    scan.raw.forEach((m, i) => {
      const entity = scan.rawEntityIds[i]!;
      const byDoc = hits.get(entity) ?? new Map<string, Set<number>>();
      hits.set(entity, byDoc);
      const paras = byDoc.get(scan.doc.id) ?? new Set<number>();
      byDoc.set(scan.doc.id, paras);
      paras.add(paragraphAt(scan.paragraphStarts, m.start));
    });
  }
  const docsById = new Map(documents.map((d) => [d.id, d]));
  return {
    paragraphCounts: new Map(documents.map((d) => [d.id, d.paragraphs.length])),
    hasHit: (entity, doc, para) => hits.get(entity)?.get(doc)?.has(para) ?? false,
    hitParagraphs: (entity, doc) => [...(hits.get(entity)?.get(doc) ?? [])].sort((a, b) => a - b),
    paragraphWords: (doc, para) => new Set(plainWords(docsById.get(doc)?.paragraphs[para - 1] ?? '')),
  };
}

function unseenAliases(
  entries: readonly SourcedEntry[],
  patterns: readonly NamePattern[],
  scans: readonly DocumentScan[],
): UnseenAliases[] {
  const seenKeys = new Set<string>();
  for (const scan of scans) for (const m of scan.raw) seenKeys.add(`${m.entity}|${foldedKey(scan.text.slice(m.start, m.end))}`);
  const mentioned = new Set(scans.flatMap((s) => s.raw.map((m) => m.entity)));
  const byEntity = new Map<number, string[]>();
  for (const p of patterns) {
    if (p.path.endsWith('~')) continue; // generated spellings are for pages elsewhere, not this corpus
    // An entry never mentioned at all is listed once, among the unmentioned entries.
    if (!mentioned.has(p.entity) || seenKeys.has(`${p.entity}|${foldedKey(p.text)}`)) continue;
    byEntity.set(p.entity, [...(byEntity.get(p.entity) ?? []), p.text]);
  }
  return [...byEntity].map(([entity, aliases]) => ({ entity: entries[entity]!.entry.id, file: entries[entity]!.file, aliases }));
}

/** Passages with their entities, and per entity its mention counts and ranked accounts. */
function assemble(
  documents: readonly KbDocument[],
  entries: readonly SourcedEntry[],
  scans: readonly DocumentScan[],
): { passages: Passage[]; kbEntities: KbEntity[] } {
  const passages: Passage[] = [];
  const mentionCounts = new Map<string, Record<string, number>>();
  const scored = new Map<string, Map<string, ScoredPassage[]>>(); // entity → doc → passages

  for (const scan of scans) {
    const spans = documentPassages(scan.doc.id, scan.doc.paragraphs);
    const perPassage = spans.map(() => new Set<string>());
    const best = spans.map(() => new Map<string, number>()); // entity → best characterisation in own sentence
    for (const mention of scan.mentions) {
      const counts = mentionCounts.get(mention.entity) ?? {};
      counts[scan.doc.id] = (counts[scan.doc.id] ?? 0) + 1;
      mentionCounts.set(mention.entity, counts);
      spans.forEach((span, i) => {
        if (mention.start >= span.textStart && mention.end <= span.end) perPassage[i]!.add(mention.entity);
        if (mention.start >= span.start && mention.end <= span.end) {
          const score = characterise(scan.text.slice(span.start, span.end), mention.start - span.start, mention.end - span.start);
          best[i]!.set(mention.entity, Math.max(score, best[i]!.get(mention.entity) ?? 0));
        }
      });
    }
    spans.forEach((span: PassageSpan, i) => {
      passages.push({ id: span.id, doc: span.doc, para: span.para, text: span.text, entities: [...perPassage[i]!].sort() });
      for (const [entity, score] of best[i]!) {
        const byDoc = scored.get(entity) ?? new Map<string, ScoredPassage[]>();
        scored.set(entity, byDoc);
        byDoc.set(scan.doc.id, [...(byDoc.get(scan.doc.id) ?? []), { id: span.id, order: i, score: score as ScoredPassage['score'] }]);
      }
    });
  }

  const kbEntities = entries.map(({ entry }): KbEntity => {
    const counts = mentionCounts.get(entry.id) ?? {};
    const mentions: Record<string, number> = {};
    const accounts: Account[] = [];
    for (const doc of documents) {
      if (!counts[doc.id]) continue;
      mentions[doc.id] = counts[doc.id]!;
      accounts.push({ doc: doc.id, perspective: doc.perspective, passages: rankPassages(scored.get(entry.id)?.get(doc.id) ?? []) });
    }
    return { ...entry, mentions, accounts };
  });
  return { passages, kbEntities };
}

/** Verifies the curated contrasts and gives each entity the ones that name it, in file order. */
function attachContrasts(file: InputFile, documents: readonly KbDocument[], entities: KbEntity[]): BuildIssue[] {
  const built = buildContrasts(file, documents, new Set(entities.map((e) => e.id)));
  for (const entity of entities) {
    const contrasts = built.contrasts.filter((c) => c.entities.includes(entity.id));
    const disagreements = built.disagreements.filter((d) => d.entities.includes(entity.id));
    if (contrasts.length) entity.contrasts = contrasts;
    if (disagreements.length) entity.disagreements = disagreements;
  }
  return built.issues;
}

function countByType(entities: readonly KbEntity[]): Record<EntityType, number> {
  const counts: Record<EntityType, number> = { person: 0, organization: 0, place: 0, event: 0 };
  for (const e of entities) counts[e.type]++;
  return counts;
}
