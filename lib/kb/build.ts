/**
 * The corpus builder's pure core: documents + seeds + gazetteer → the bundled knowledge base,
 * the prebuilt matcher, and a report for the curator. No file I/O (see scripts/build-corpus.ts),
 * no Node APIs: the same code can run in a test or a browser.
 *
 * Mentions are found with the engine's own `spotText` over each document's whole cleaned text,
 * so a document shows the same mentions in the reader as it would on a web page.
 */
import type { MatcherData } from '../engine/types';
import { cleanDocument } from '../corpus/clean';
import { attachAutomaticContrasts } from './automatic-contrasts';
import { buildContrasts } from './contrasts';
import { extractDocument, createExtractor, paragraphAt, type DocumentExtraction } from './extract';
import { compileGazetteer, foldedKey, type GazetteerInput, type InputFile, type MatcherInput } from './gazetteer';
import { canonicalJson, sha256Hex } from './hash';
import { formatReport, recurringCapitalisedNames, type BuildReport, type UnseenAliases } from './report';
import { validateDocumentsFile, type BuildIssue, type DocumentMeta } from './schema';
import { citeIssues, plainWords, type CorpusIndex, type NamePattern, type SourcedEntry } from './validate';
import type { VariantCounts } from './variant-patterns';
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

export { entryVariants, foldedKey, type InputFile } from './gazetteer';

export interface CorpusInput extends GazetteerInput {
  documents: InputFile;
  /** Raw seed texts by the file name `documents.json` gives them. */
  seeds: Readonly<Record<string, string>>;
  /** Directory the seed files live in, for messages (`data/seeds`). */
  seedDir?: string;
  /** Curated contrasts and disagreements of fact (`data/gazetteer/contrasts.json`), if any. */
  contrasts?: InputFile;
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
  matcherInput?: MatcherInput;
  /** Each document's extraction, in corpus order: the rows a corpus pack carries as derived. */
  extractions?: DocumentExtraction[];
}

/**
 * The whole corpus, the way the builder does it on a device too: compile the gazetteer into the
 * matcher, extract every document on its own (extract.ts), then merge the rows into the
 * knowledge base, checking the curated cites and contrasts against them.
 */
export function buildKnowledgeBase(input: CorpusInput): BuildResult {
  const issues: BuildIssue[] = [];
  const { perspectives, documents } = readDocuments(input, issues);
  const compiled = compileGazetteer(input);
  issues.push(...compiled.issues);
  const { entries, patterns, matcherInput } = compiled;
  const matcherData = compiled.matcher;
  const generated = { counts: compiled.variants };

  const report: BuildReport = { errors: [], warnings: [], unseenAliases: [], uncoveredNames: [], unmentioned: [] };
  let kbBody: Omit<KnowledgeBase, 'version'> | undefined;
  let extractions: DocumentExtraction[] = [];
  if (matcherData) {
    const extractor = createExtractor(matcherData, matcherInput);
    extractions = documents.map((doc) => extractDocument(doc, extractor));
    issues.push(...citeIssues(entries, corpusIndex(documents, extractions)));
    report.unseenAliases = unseenAliases(entries, patterns, extractions);
    report.uncoveredNames = recurringCapitalisedNames(
      extractions.map((x) => ({ doc: x.doc, text: x.scan.text, covered: x.scan.raw })),
    );
    const { passages, kbEntities } = mergeExtractions(documents, entries, extractions);
    // Curated contrasts, every quote verified against the documents.
    if (input.contrasts) issues.push(...attachContrasts(input.contrasts, documents, kbEntities));
    kbBody = { schemaVersion: KB_SCHEMA_VERSION, perspectives, documents, entities: kbEntities, passages };
    // After the curated ones, which it leaves alone (an automatic contrast of their documents is not repeated).
    attachAutomaticContrasts(kbBody, extractor.matcher);
    report.unmentioned = kbEntities
      .filter((e) => Object.keys(e.mentions).length === 0)
      .map((e) => ({ entity: e.id, file: entries.find((s) => s.entry.id === e.id)!.file }));
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
  return { kb, matcher: { ...matcherData, kbVersion: version }, matcherInput, extractions, report, variants: generated.counts };
}

/** The files `npm run corpus` writes: stable formatting so a rebuild is byte-identical. */
export function serializeOutputs(result: { kb: KnowledgeBase; matcher: MatcherData }): { kb: string; matcher: string } {
  return { kb: `${JSON.stringify(result.kb, null, 2)}\n`, matcher: `${JSON.stringify(result.matcher, null, 2)}\n` };
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

function corpusIndex(documents: readonly KbDocument[], extractions: readonly DocumentExtraction[]): CorpusIndex {
  // entity → doc → paragraphs where the matcher found it
  const hits = new Map<string, Map<string, Set<number>>>();
  for (const { doc, scan } of extractions) {
    scan.raw.forEach((m, i) => {
      const entity = scan.rawEntityIds[i]!;
      const byDoc = hits.get(entity) ?? new Map<string, Set<number>>();
      hits.set(entity, byDoc);
      const paras = byDoc.get(doc) ?? new Set<number>();
      byDoc.set(doc, paras);
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
  extractions: readonly DocumentExtraction[],
): UnseenAliases[] {
  const seenKeys = new Set<string>();
  for (const { scan } of extractions) for (const m of scan.raw) seenKeys.add(`${m.entity}|${foldedKey(scan.text.slice(m.start, m.end))}`);
  const mentioned = new Set(extractions.flatMap((x) => x.scan.raw.map((m) => m.entity)));
  const byEntity = new Map<number, string[]>();
  for (const p of patterns) {
    if (p.path.endsWith('~')) continue; // generated spellings are for pages elsewhere, not this corpus
    // An entry never mentioned at all is listed once, among the unmentioned entries.
    if (!mentioned.has(p.entity) || seenKeys.has(`${p.entity}|${foldedKey(p.text)}`)) continue;
    byEntity.set(p.entity, [...(byEntity.get(p.entity) ?? []), p.text]);
  }
  return [...byEntity].map(([entity, aliases]) => ({ entity: entries[entity]!.entry.id, file: entries[entity]!.file, aliases }));
}

/**
 * The merge, in memory: every document's passages in corpus order, and per entity its mention
 * counts and its accounts (one per document that mentions it, in corpus order, passages ranked).
 * On a device the same rows are merged into IndexedDB instead (lib/storage/kb-writer.ts).
 */
export function mergeExtractions(
  documents: readonly KbDocument[],
  entries: readonly SourcedEntry[],
  extractions: readonly Pick<DocumentExtraction, 'passages' | 'mentions'>[],
): { passages: Passage[]; kbEntities: KbEntity[] } {
  const passages = extractions.flatMap((x) => x.passages);
  const byEntity = new Map<string, Map<string, { count: number; passages: string[] }>>();
  for (const x of extractions) {
    for (const m of x.mentions) {
      const byDoc = byEntity.get(m.entity) ?? new Map<string, { count: number; passages: string[] }>();
      byEntity.set(m.entity, byDoc);
      byDoc.set(m.doc, { count: m.count, passages: m.passages });
    }
  }
  const kbEntities = entries.map(({ entry }): KbEntity => {
    const byDoc = byEntity.get(entry.id);
    const mentions: Record<string, number> = {};
    const accounts: Account[] = [];
    for (const doc of documents) {
      const row = byDoc?.get(doc.id);
      if (!row) continue;
      mentions[doc.id] = row.count;
      accounts.push({ doc: doc.id, perspective: doc.perspective, passages: row.passages });
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
