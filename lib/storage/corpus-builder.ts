/**
 * The builder on the device: the knowledge base's one writer. It installs the starter corpus on
 * first run (and upgrades it by its pack version, never touching the reader's documents), adds
 * documents (check → duplicates → extract → one transaction: one document, or an import's batch),
 * runs imports from their journal, removes documents, and recompiles the matcher when the curated names change.
 * The same lib/kb code as `npm run corpus`: compile the gazetteer, extract one document, merge.
 *
 * DOM-free and `browser.*`-free: it runs wherever the extension puts its builder (see
 * docs/architecture.md and entrypoints/builder-worker/), and in the unit tests.
 */
import { applyEdits, checkDraft, type DocumentDraft, type DraftEdits } from '../corpus/draft';
import { contentHash, duplicateProbes, findDuplicate, toDocumentRecord, documentFingerprint } from '../corpus/identity';
import { canonicalUrl } from '../corpus/url';
import { packHeaderDerived, type CorpusPack, type PackDocument, type PackHeader } from '../corpus/pack';
import { gazetteerEntry, mergeAutomatic, mergeEntities, mergePerspectives, type CuratedPack } from '../kb/curated';
import { createExtractor, extractDocument, type Extractor } from '../kb/extract';
import { compileGazetteer, extractionKey, gazetteerFromEntries, type GazetteerInput, type MatcherInput } from '../kb/gazetteer';
import { packImportItems } from '../kb/import-items';
import type { MatcherData } from '../engine/types';
import { buildTokenGate } from '../engine/token-gate';
import type { GazetteerEntry } from '../kb/types';
import type { AddDocumentResult, Duplicate, ImportItem, ImportStatus, KbChange } from '../message-schemas';
import type { ReviewDecision } from '../contrasts/review';
import type { Labels } from '../kb/labels';
import { recomputeAutomatic, type RecomputeReport } from './automatic-contrasts';
import type { BackstoryDb } from './db';
import { StorageFullError } from './highlights';
import { corpusPerspectives, packSources } from './kb-reader';
import { batchDuplicates } from './batch-duplicates';
import { ImportJournal, type Outcome } from './import-journal';
import {
  DOCUMENT_WRITE_TABLES,
  nextGeneration,
  readMeta,
  removeDocuments,
  resolveCuratedQuotes,
  storing,
  writeDocument,
  writeDocuments,
  type DocumentRows,
  type DocumentWrite,
  type JournalStep,
} from './kb-writer';
import type { ContrastRow, DisagreementRow, DocumentRow, ImportItemRow, PackRow } from './types';
import { addEdit, importEdits } from '../names/state';
import type { NameEdit, NameState } from '../names/types';
import { matcherRules } from '../kb/matcher-rules';
import { documentText } from '../kb/passages';
import { changedSinceAfter, matcherSource, StaleDocuments, storedMatcherSource } from './stale-documents';
import { learnNames, readNames, storeCurated, withoutRejection, type NameLearningResult } from './name-learning';

export interface BuilderDeps {
  db: BackstoryDb;
  /** The starter corpus pack the extension ships. */
  starterPack(): Promise<CorpusPack>;
  /** Blockers, event cues and topic words the matcher is compiled with (lib/kb/matcher-config.ts). */
  matcherConfig: Omit<GazetteerInput, 'gazetteer'>;
  /**
   * Compiles the merged curated names into the matcher (`compileCuratedNames` by default); tests
   * of the parts around the builder pass a fixed matcher instead.
   */
  compile?: (entries: readonly GazetteerEntry[], config: Omit<GazetteerInput, 'gazetteer'>) => CompiledNames;
  /** After every change of the knowledge base (coalesced during an import). */
  onChange(change: KbChange): void;
  /** As an import moves on. */
  onImportProgress(status: ImportStatus): void;
  /**
   * The outlets' labels now, for the automatic contrasts' perspectives (the background's source
   * registry with the reader's edits); without it, the installed packs' sources.
   */
  labels?: () => Promise<Labels>;
  /**
   * The reader's keep/dismiss decisions on automatic contrasts an imported pack carries
   * (`decisions.contrasts`, validated with the pack): the background merges them into its own.
   */
  importedReviews?(decisions: ReviewDecision[]): Promise<unknown>;
  /** After each recomputation of automatic contrasts (how many entities, how long). */
  onAutomatic?(report: RecomputeReport): void;
  /**
   * Lets what waits on the builder's thread run (its callers' messages): a new task. In a
   * Worker a message-channel task, which browsers do not clamp as they clamp nested timers.
   */
  nextTask?: () => Promise<void>;
  /** After each name-learning step (its time, for the log and the tests). */
  onLearned?(result: NameLearningResult): void;
  /** After each chunk of stale documents: how many were read again, how many only stamped anew (none of their changed names occurs). */
  onReextracted?(report: { read: number; restamped: number }): void;
  /** After each batch of an import is written: where its time went (the bench and the worker's console). */
  onBatch?(report: BatchReport): void;
  /** `false`: no name learning (a test writing a database as the builder before it wrote one). */
  learnNames?: boolean;
  now?: () => number;
}

/** One import batch's stages, in ms: checking drafts, the duplicate queries, extracting, the write transaction. */
export interface BatchReport {
  items: number;
  added: number;
  checkMs: number;
  duplicatesMs: number;
  extractMs: number;
  writeMs: number;
  progressMs: number;
}

/** A document added (its row: the caller labels it), or why not. */
export type AddOutcome =
  | { ok: true; row: DocumentRow }
  | Extract<AddDocumentResult, { ok: false }>;

/** What a draft would be added as: the record the builder writes, and the document it repeats, if any. */
export interface DraftCheck {
  record: ReturnType<typeof toDocumentRecord>;
  duplicate: Duplicate | null;
}

/**
 * Items an import builds per transaction, at most: each batch costs one commit instead of one
 * per document. The size adapts so that a batch's writes take about BATCH_WRITE_MS: a card's
 * read waits for at most one batch, however fast the machine is or how busy.
 */
const BATCH_MAX = 16;
const BATCH_WRITE_MS = 25;
/** Extraction runs this long at most before a call waiting for the builder (adding a page, an import's next items) is answered. */
const EXTRACT_SLICE_MS = 20;

/** A new task: what the event loop holds (a message) runs first. */
const timerTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The items from the first up to the first that `fits` refuses. */
function leadingRun<T>(items: readonly T[], fits: (item: T) => boolean): T[] {
  const end = items.findIndex((item) => !fits(item));
  return end === -1 ? [...items] : items.slice(0, end);
}

/** At most one `kb/changed` per this many ms during an import (and one at its end). */
const CHANGE_COALESCE_MS = 1_000;

export class CorpusBuilder {
  private readonly db: BackstoryDb;
  private readonly now: () => number;
  /** The matcher documents are read with now; its extractor is built only when a document needs reading. */
  private current: { key: string; matcher: MatcherData; input: MatcherInput; extractor?: Extractor } | undefined;
  /** Which stale documents read differently with the current matcher (built when some are stale). */
  private staleDocuments: StaleDocuments | undefined;
  private installing: Promise<void> | undefined;
  private running: Promise<void> | undefined;
  private kickAgain = false;
  private readonly journal: ImportJournal;
  /** Items of the next batch (see BATCH_WRITE_MS). */
  private batchSize = 4;
  private pendingChange: { added: Set<string>; removed: Set<string>; matcherChanged: boolean } | undefined;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Documents added or removed whose entities' automatic contrasts are not computed again yet. */
  private automaticPending = { added: new Set<string>(), removed: new Set<string>() };
  private automaticRuns: Promise<void> = Promise.resolve();
  /** What name learning has not seen yet: documents added and removed, edits to apply, a matcher to fill again. */
  private pendingLearning: { added: Set<string>; removed: Set<string>; updates: ((state: NameState) => NameState)[]; relearn: boolean } = {
    added: new Set(),
    removed: new Set(),
    updates: [],
    relearn: false,
  };
  /** Learning steps run one after another (each reads and writes the whole learned state). */
  private learning: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: BuilderDeps) {
    this.db = deps.db;
    this.now = deps.now ?? Date.now;
    this.journal = new ImportJournal(deps.db, this.now);
  }

  // --- Installing -----------------------------------------------------------------------------

  /**
   * The knowledge base is there: the starter corpus installed on first run. A worker that starts
   * over an installed one reads nothing more (the shipped pack is compared only by `upgrade`).
   */
  ready(): Promise<void> {
    this.installing ??= (async () => {
      if ((await readMeta(this.db, 'installed')) === undefined) await this.install();
      else if (!(await readNames(this.db, 'curated'))?.rules) {
        // Stored before the curated names kept their rules: kept now, and a matcher learned
        // without them built again with them.
        await this.recompile();
        if (this.pendingLearning.relearn) this.learnSoon();
      }
    })().catch((error: unknown) => {
      this.installing = undefined;
      throw error;
    });
    return this.installing;
  }

  /** After the extension was installed or updated: the shipped starter corpus replaces an older installed one. */
  async upgrade(): Promise<void> {
    await this.ready();
    await this.install();
  }

  private async install(): Promise<void> {
    const starter = await this.deps.starterPack();
    const installed = await this.db.packs.get(starter.id);
    const firstRun = (await readMeta(this.db, 'installed')) === undefined;
    if (!firstRun && installed && installed.header.packVersion >= starter.packVersion) return;
    if (installed?.removed) {
      // Removed by the reader: a newer version replaces the copy kept for restoring, nothing more.
      await this.putPack(starter, { removed: true });
      return;
    }
    // On first run nobody has read the knowledge base yet: there is nobody to tell.
    await this.installPack(starter, { starter: true, quiet: firstRun });
    await this.db.meta.put({ key: 'installed', value: this.now() });
  }

  /** A whole pack at once (the starter corpus): header, then each document, replacing the pack's older documents. */
  private async installPack(pack: CorpusPack, options: { starter?: boolean; quiet?: boolean } = {}): Promise<void> {
    const items = packImportItems(pack, pack.id);
    const first = items[0];
    const header = first?.kind === 'pack' ? first.header : undefined;
    if (!header) return;
    const matcherChanged = await this.installHeader(header, { starter: options.starter });
    const keep = new Set(pack.documents.map((d) => d.id));
    const stale = (await this.db.documents.where('pack').equals(pack.id).primaryKeys()).filter((id) => !keep.has(id));
    if (stale.length) await removeDocuments(this.db, stale);
    const added: string[] = [];
    for (const item of items.slice(1)) {
      if (item.kind !== 'pack-document') continue;
      await this.writePackDocument(item.document, pack.id, header.extractionKey, item.derived, { replace: true });
      added.push(item.document.id);
    }
    // Told before the install resolves: a page recognised after it is not forgotten by it.
    if (!options.quiet) await this.changed({ added, removed: stale, matcherChanged }, { now: true });
    else for (const id of added) this.automaticPending.added.add(id);
    for (const id of stale) this.automaticPending.removed.add(id);
    // On first run too: the starter corpus's stance strips and automatic contrasts are computed on
    // the device like every later corpus's (its pack carries no strip; the popup reads the store).
    this.recomputeAutomatic();
  }

  /**
   * Installs a pack's curated part: its entities join the gazetteer (merged with the other
   * packs'), its perspectives and contrasts are stored; returns whether the matcher changed.
   */
  async installHeader(header: PackHeader, options: { starter?: boolean } = {}): Promise<boolean> {
    await this.putPack(header, { starter: options.starter });
    // The reader's edits of learned names that the pack carries: taken in once by the next learning step.
    const edits = header.decisions?.learnedNames;
    if (edits?.length) this.pendingLearning.updates.push((state) => importEdits(state, edits));
    return this.recompile();
  }

  private async putPack(header: PackHeader | CorpusPack, options: { starter?: boolean; removed?: boolean }): Promise<void> {
    const { documents: _d, derived, ...rest } = header as CorpusPack;
    const cleanHeader: PackHeader = derived ? { ...rest, ...packHeaderDerived(derived) } : (rest as PackHeader);
    await storing(() =>
      this.db.transaction('rw', [this.db.packs, this.db.entities, this.db.contrasts, this.db.disagreements, this.db.meta, this.db.texts], async () => {
        const previous = await this.db.packs.get(cleanHeader.id);
        const row: PackRow = {
          id: cleanHeader.id,
          header: cleanHeader,
          installedAt: previous?.installedAt ?? this.now(),
          starter: options.starter ?? previous?.starter ?? false,
          ...((options.removed ?? previous?.removed) ? { removed: true } : {}),
        };
        await this.db.packs.put(row);
        const packs = await this.packsInOrder();
        const entities = mergeEntities(packs);
        // The learned entities are learning's to replace (it runs after every pack installed).
        await this.db.entities.where('origin').equals('curated').delete();
        const automatic = mergeAutomatic(packs);
        await this.db.entities.bulkPut(
          entities.map((e) => ({ ...e, ...automatic(e.id), origin: 'curated' as const, linksTo: (e.links ?? []).map((l) => l.to) })),
        );
        await this.db.meta.put({ key: 'perspectives', value: mergePerspectives(packs) });
        await this.db.contrasts.where('pack').equals(row.id).delete();
        await this.db.disagreements.where('pack').equals(row.id).delete();
        const contrasts: ContrastRow[] = cleanHeader.contrasts.map((c) => ({
          ...c,
          pack: row.id,
          origin: 'curated',
          docs: [...new Set(c.positions.map((p) => p.doc))],
        }));
        const disagreements: DisagreementRow[] = cleanHeader.disagreements.map((d) => ({
          ...d,
          pack: row.id,
          origin: 'curated',
          docs: [...new Set(d.claims.map((c) => c.doc))],
        }));
        await this.db.contrasts.bulkPut(contrasts);
        await this.db.disagreements.bulkPut(disagreements);
        await nextGeneration(this.db);
      }),
    );
    // Quotes of documents already in the corpus are found now; the others when their document comes.
    const docs = [...new Set([...cleanHeader.contrasts.flatMap((c) => c.positions), ...cleanHeader.disagreements.flatMap((d) => d.claims)].map((q) => q.doc))];
    for (const text of (await this.db.texts.bulkGet(docs)).filter((t) => t !== undefined)) {
      await storing(() =>
        this.db.transaction('rw', [this.db.contrasts, this.db.disagreements], () => resolveCuratedQuotes(this.db, text.doc, text.paragraphs)),
      );
    }
  }

  private async packsInOrder(): Promise<(PackRow & CuratedPack)[]> {
    return (await this.db.packs.toArray()).sort((a, b) => a.installedAt - b.installedAt || (a.id < b.id ? -1 : 1));
  }

  /**
   * Compiles the matcher from the merged gazetteer when it differs from the stored one's input;
   * returns whether it changed (then every document's rows are stale and read again).
   */
  private async recompile(): Promise<boolean> {
    const entries = (await this.db.entities.where('origin').equals('curated').toArray()).map((e) => {
      const { origin: _o, linksTo: _l, automaticContrasts: _ac, automaticDisagreements: _ad, ...merged } = e;
      return gazetteerEntry(merged);
    });
    const compiled = (this.deps.compile ?? compileCuratedNames)(entries, this.deps.matcherConfig);
    const key = extractionKey(compiled.matcher);
    // The stored matcher may have learned names too: the curated names are compared with the curated ones'.
    const curated = await readNames(this.db, 'curated');
    const before = curated?.key ?? (await readMeta(this.db, 'extractionKey'));
    const rules = matcherRules(compiled.matcher);
    if (before === key) {
      if (!curated?.rules) {
        await storeCurated(this.db, compiled.matcherInput, key, rules);
        // A matcher learned before the rules were kept lost them: learning builds it again with them.
        if (curated) this.pendingLearning.relearn = true;
      }
      await this.currentKey();
      return false;
    }
    await this.setMatcher(compiled.matcher, compiled.matcherInput, key);
    await storeCurated(this.db, compiled.matcherInput, key, rules);
    // The curated matcher has none of the learned names: the next learning step puts them back.
    this.pendingLearning.relearn = true;
    return before !== undefined;
  }

  /**
   * Stores a new matcher (the curated one, or later with learned names: lib/names' wiring calls
   * this after a batch) and its extraction key; documents whose rows have another key are read
   * again by `reextractStale`.
   */
  async setMatcher(matcher: MatcherData, input: MatcherInput, key = extractionKey(matcher)): Promise<void> {
    const stamped = { ...matcher, kbVersion: key };
    // Which names changed for each earlier key: its documents are read again only where they occur.
    const changedSince = changedSinceAfter(await readMeta(this.db, 'changedNames'), await storedMatcherSource(this.db), {
      key,
      source: matcherSource(matcher, input),
    });
    await storing(() =>
      this.db.transaction('rw', this.db.meta, async () => {
        await this.db.meta.bulkPut([
          { key: 'matcher', value: stamped },
          { key: 'gate', value: { kbVersion: key, gate: buildTokenGate(stamped) } },
          { key: 'matcherInput', value: input },
          { key: 'extractionKey', value: key },
          { key: 'changedNames', value: changedSince },
        ]);
        await nextGeneration(this.db);
      }),
    );
    this.current = { key, matcher: stamped, input };
  }

  /** The current extraction key (compiling the matcher when the database has none yet). */
  private async currentKey(): Promise<string> {
    const key = await readMeta(this.db, 'extractionKey');
    if (this.current && this.current.key === key) return key;
    const [matcher, input] = await Promise.all([readMeta(this.db, 'matcher'), readMeta(this.db, 'matcherInput')]);
    if (!key || !matcher || !input) {
      await this.recompile();
      return this.current!.key;
    }
    this.current = { key, matcher, input };
    return key;
  }

  private async loadExtractor(): Promise<{ key: string; extractor: Extractor }> {
    await this.currentKey();
    const current = this.current!;
    current.extractor ??= createExtractor(current.matcher, current.input);
    return { key: current.key, extractor: current.extractor };
  }

  /**
   * Documents extracted with another matcher or builder version, a few per call so imports and
   * cards go on: read again where a changed name occurs in them, else only stamped anew.
   */
  async reextractStale(limit = 50): Promise<number> {
    await this.ready();
    const key = await this.currentKey();
    const stale = await this.db.documents.where('extractionKey').notEqual(key).limit(limit).toArray();
    if (stale.length === 0) return 0;
    const current = this.current!;
    if (this.staleDocuments?.key !== key) this.staleDocuments = new StaleDocuments(this.db, { key, source: matcherSource(current.matcher, current.input) });
    const staleDocuments = this.staleDocuments;
    const texts = await this.db.texts.bulkGet(stale.map((d) => d.id));
    const same: DocumentRow[] = [];
    let read = 0;
    for (const [i, doc] of stale.entries()) {
      const text = texts[i];
      if (!text) continue;
      if ((await staleDocuments.readsDifferently(doc.extractionKey, documentText(text.paragraphs).text)) === false) {
        same.push(doc);
        continue;
      }
      const { extractor } = await this.loadExtractor();
      read++;
      const rows = extractDocument({ id: doc.id, title: doc.title, paragraphs: text.paragraphs }, extractor);
      const { seq: _s, names: _n, titleTerms: _t, paragraphCount: _p, ...row } = doc;
      await writeDocument(this.db, { row: { ...row, extractionKey: key }, paragraphs: text.paragraphs, rows });
      // Read with another matcher: its account readings were dropped with its rows.
      this.automaticPending.added.add(doc.id);
    }
    if (same.length) await storing(() => staleDocuments.restamp(same));
    if (read) this.changed({ added: [], removed: [], matcherChanged: false });
    this.deps.onReextracted?.({ read, restamped: same.length });
    return stale.length;
  }

  // --- One document -----------------------------------------------------------------------------

  /** A draft checked and identified, with the document it repeats if the corpus has it already. */
  async checkDraft(draft: unknown, edits: DraftEdits = {}): Promise<{ ok: true; check: DraftCheck } | { ok: false; reason: string }> {
    const checked = checkDraft(draft);
    if (!checked.ok) return checked;
    const edited = checkDraft(applyEdits(checked.value, edits));
    if (!edited.ok) return edited;
    const record = toDocumentRecord(edited.value);
    return { ok: true, check: { record, duplicate: await this.duplicateOf(record) } };
  }

  /** `checkDraft` without the duplicate check (a batch looks for all its duplicates at once). */
  private async checkDraftAlone(draft: unknown): Promise<{ ok: true; record: ReturnType<typeof toDocumentRecord> } | { ok: false; reason: string }> {
    const checked = checkDraft(draft);
    return checked.ok ? { ok: true, record: toDocumentRecord(checked.value) } : checked;
  }

  /** Adds a draft (the popup's preview, with the reader's edits): added, or why not. */
  async addDraft(draft: unknown, edits: DraftEdits = {}): Promise<AddOutcome> {
    await this.ready();
    const checked = await this.checkDraft(draft, edits);
    if (!checked.ok) return { ok: false, reason: checked.reason };
    const { record, duplicate } = checked.check;
    if (duplicate) return { ok: false, reason: alreadyIn(duplicate), duplicate };
    try {
      const row = await this.writeRecord(record);
      await this.changed({ added: [row.id], removed: [], matcherChanged: false }, { now: true });
      this.recomputeAutomatic();
      this.learnSoon();
      return { ok: true, row };
    } catch (error) {
      if (error instanceof StorageFullError) return { ok: false, reason: error.message, retry: true };
      throw error;
    }
  }

  /** The document the record repeats: same address, same text, or (by fingerprint) the same article or a copy. */
  async duplicateOf(record: { id: string; canonicalUrl?: string; contentHash: string; title: string; paragraphs: readonly string[] }): Promise<Duplicate | null> {
    const named = async (doc: DocumentRow | undefined, reason: Duplicate['reason']) => (doc ? { doc: doc.id, title: doc.title, reason } : null);
    const byId = await this.db.documents.get(record.id);
    if (byId) return named(byId, record.canonicalUrl && byId.canonicalUrl === record.canonicalUrl ? 'address' : 'text');
    if (record.canonicalUrl) {
      const sameUrl = await this.db.documents.where('canonicalUrl').equals(record.canonicalUrl).first();
      if (sameUrl) return named(sameUrl, 'address');
    }
    const sameText = await this.db.documents.where('contentHash').equals(record.contentHash).first();
    if (sameText) return named(sameText, 'text');
    const fingerprint = documentFingerprint(record);
    const candidates = await this.db.fingerprints.where('probes').anyOf(duplicateProbes(fingerprint)).distinct().toArray();
    const match = findDuplicate(fingerprint, candidates);
    return match ? named(await this.db.documents.get(match.doc), match.kind) : null;
  }

  private async writeRecord(record: ReturnType<typeof toDocumentRecord>, journal?: JournalStep): Promise<DocumentRow> {
    const { key, extractor } = await this.loadExtractor();
    const rows = extractDocument(record, extractor);
    return writeDocument(this.db, { row: rowOf(record, key, this.now()), paragraphs: record.paragraphs, rows }, journal);
  }

  private async writePackDocument(
    doc: PackDocument,
    pack: string,
    packKey: string | undefined,
    derived: DocumentRows | undefined,
    options: { replace?: boolean; journal?: JournalStep } = {},
  ): Promise<DocumentRow> {
    const key = await this.currentKey();
    const url = doc.url ? canonicalUrl(doc.url) : undefined;
    const record = { ...doc, contentHash: contentHash(doc.paragraphs), ...(url ? { canonicalUrl: url } : {}) };
    // Rows the pack computed with this device's matcher and builder are used as they are.
    const rows = derived && packKey === key ? derived : extractDocument(record, (await this.loadExtractor()).extractor);
    const write: DocumentWrite = { row: { ...rowOf(record, key, doc.addedAt ?? this.now()), pack }, paragraphs: doc.paragraphs, rows };
    return writeDocument(this.db, write, options.journal);
  }

  /** Removes documents everywhere (passages, mentions, fingerprints, accounts); highlights are another table. */
  async remove(ids: readonly string[]): Promise<number> {
    await this.ready();
    const removed = await removeDocuments(this.db, ids);
    if (removed.length) await this.changed({ added: [], removed: removed.slice(0, 1000), matcherChanged: false }, { now: true });
    for (const id of removed) this.automaticPending.removed.add(id);
    this.recomputeAutomatic();
    // Every id removed, not only the thousand the others are told of.
    for (const id of removed) this.pendingLearning.removed.add(id);
    this.learnSoon();
    return removed.length;
  }

  /** Removes the starter corpus's documents, or restores them (and upgrades them) from the shipped pack. */
  async setStarter(installed: boolean): Promise<PackRow> {
    await this.ready();
    const starter = await this.deps.starterPack();
    if (installed) {
      await this.putPack(starter, { starter: true, removed: false });
      await this.installPack(starter, { starter: true });
    } else {
      const ids = await this.db.documents.where('pack').equals(starter.id).primaryKeys();
      await removeDocuments(this.db, ids);
      await this.putPack(starter, { starter: true, removed: true });
      await this.changed({ added: [], removed: ids.slice(0, 1000), matcherChanged: false }, { now: true });
      for (const id of ids) this.automaticPending.removed.add(id);
    }
    this.recomputeAutomatic();
    this.learnSoon();
    return (await this.db.packs.get(starter.id))!;
  }

  // --- Imports ----------------------------------------------------------------------------------

  startImport(expected: number, label?: string, files?: readonly string[]): Promise<ImportStatus> {
    return this.journal.start(expected, label, files);
  }

  /** Forgets an import the reader has seen; what it added stays. */
  dismissImport(importId: string): Promise<boolean> {
    return this.journal.dismiss(importId);
  }

  /** Journals the items (one transaction), then builds in the background; answers once they are safe. */
  async receive(importId: string, items: readonly ImportItem[]): Promise<ImportStatus> {
    const status = await this.journal.receive(importId, items);
    this.kick();
    return status;
  }

  async endImport(importId: string): Promise<ImportStatus> {
    const status = await this.journal.end(importId);
    this.kick();
    return status;
  }

  async cancelImport(importId: string): Promise<ImportStatus> {
    const status = await this.journal.cancel(importId);
    this.deps.onImportProgress(status);
    return status;
  }

  importStatus(importId?: string): Promise<ImportStatus[]> {
    return this.journal.statuses(importId);
  }

  /** Builds whatever the journal holds (after a restart too); resolves when nothing is left. */
  kick(): Promise<void> {
    // Items journalled while a drain is past its loop (learning names, reading stale documents)
    // would wait for the next kick: the drain goes round again instead.
    if (this.running) {
      this.kickAgain = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.kickAgain = false;
        await this.drain();
      } while (this.kickAgain);
    })()
      // An item that fails stops its own import (journalled); this is the database itself failing
      // (closed, gone): the journal keeps the rest for the next start.
      .catch((error: unknown) => console.warn('[backstory] building stopped', error))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async drain(): Promise<void> {
    await this.ready();
    for (;;) {
      const waiting = await this.journal.waiting(this.batchSize);
      const first = waiting[0];
      if (!first) break;
      // A pack's header changes the names documents are read with: built alone, as are the
      // items of the next import.
      const batch = first.item.kind === 'pack' ? [] : leadingRun(waiting, (row) => row.import === first.import && row.item.kind !== 'pack');
      if (batch.length > 1) await this.buildBatch(first.import, batch);
      else await this.build(first.import, first.seq, first.item);
      // One batch per slice: a card or lookup that arrived meanwhile is answered before the next.
      await this.pause();
    }
    // An import still arriving: names are learned (and the documents they change read again) once
    // it has all come, not each time the builder catches up with it, which read the same
    // documents again and again. `endImport` kicks the builder once more.
    if (await this.journal.receiving()) return;
    // Names learned from what was added, as a step of its own after the import's writes.
    await this.learnPending();
    // A pack with new names made every document's rows stale: read them again, a few at a time.
    while ((await this.reextractStale()) > 0) {
      /* next chunk */
    }
    await this.flushChange();
    // A step of its own after the import's writes: the entities the new documents touch.
    this.recomputeAutomatic();
  }

  /**
   * Several items of one import: checked, their duplicates found with one set of queries,
   * extracted (yielding every EXTRACT_SLICE_MS), then written with their journal entries in one
   * transaction. When that fails (a full disk, a bad document) nothing of the batch is left and
   * each item is built again alone, so the import stops at the one that does not fit, everything
   * before it added whole.
   */
  private async buildBatch(importId: string, batch: readonly ImportItemRow[]): Promise<void> {
    let report: BatchReport | undefined;
    try {
      const t0 = performance.now();
      const key = await this.currentKey();
      const packIds = [...new Set(batch.flatMap((r) => (r.item.kind === 'pack-document' ? [r.item.pack] : [])))];
      const packKeys = new Map((await this.db.packs.bulkGet(packIds)).filter((p) => p !== undefined).map((p) => [p.id, p.header.extractionKey]));
      const settled: { seq: number; outcome: Outcome }[] = [];
      const candidates: { seq: number; item: ImportItem; record: ReturnType<typeof toDocumentRecord> }[] = [];
      for (const { seq, item } of batch) {
        if (item.kind === 'refused') settled.push({ seq, outcome: { kind: 'refused', name: item.name, line: item.line, reason: item.reason } });
        else if (item.kind === 'draft') {
          const checked = await this.checkDraftAlone(item.draft);
          if (checked.ok) candidates.push({ seq, item, record: checked.record });
          else settled.push({ seq, outcome: { kind: 'refused', name: item.name, line: item.line, reason: checked.reason } });
        } else if (item.kind === 'pack-document') {
          const url = item.document.url ? canonicalUrl(item.document.url) : undefined;
          candidates.push({ seq, item, record: { ...item.document, contentHash: contentHash(item.document.paragraphs), ...(url ? { canonicalUrl: url } : {}) } as ReturnType<typeof toDocumentRecord> });
        }
      }
      const t1 = performance.now();
      const duplicates = await batchDuplicates(this.db, candidates.map((c) => c.record));
      const t2 = performance.now();
      const writes: DocumentWrite[] = [];
      let slice = performance.now();
      for (const [i, { seq, item, record }] of candidates.entries()) {
        const duplicate = duplicates[i];
        if (duplicate) {
          settled.push({ seq, outcome: { kind: 'duplicate', name: item.name, ...('line' in item && item.line !== undefined ? { line: item.line } : {}), duplicate } });
          continue;
        }
        if (performance.now() - slice > EXTRACT_SLICE_MS) {
          await this.pause();
          slice = performance.now();
        }
        if (item.kind === 'pack-document') {
          const rows = item.derived && packKeys.get(item.pack) === key ? item.derived : extractDocument(record, (await this.loadExtractor()).extractor);
          writes.push({ row: { ...rowOf(record, key, item.document.addedAt ?? this.now()), pack: item.pack }, paragraphs: item.document.paragraphs, rows });
        } else {
          writes.push({ row: rowOf(record, key, this.now()), paragraphs: record.paragraphs, rows: extractDocument(record, (await this.loadExtractor()).extractor) });
        }
        settled.push({ seq, outcome: { kind: 'added' } });
      }
      const writeStart = performance.now();
      const written = await storing(() =>
        this.db.transaction('rw', DOCUMENT_WRITE_TABLES.map((t) => this.db.table(t)), async () => {
          // Cancelled or stopped while the batch was read: its items are gone, nothing is written.
          const pending = await this.db.importItems.bulkGet(batch.map((r) => [r.import, r.seq] as [string, number]));
          if (pending.some((p) => p === undefined)) return [];
          const settle = () => this.journal.settleAll(importId, settled);
          if (writes.length === 0) {
            await settle();
            return [];
          }
          return writeDocuments(this.db, writes, settle);
        }),
      );
      const t3 = performance.now();
      this.adaptBatch(t3 - writeStart);
      if (written.length) this.changed({ added: written.map((r) => r.id), removed: [], matcherChanged: false });
      report = { items: batch.length, added: written.length, checkMs: t1 - t0, duplicatesMs: t2 - t1, extractMs: writeStart - t2, writeMs: t3 - writeStart, progressMs: 0 };
    } catch {
      // Nothing of the batch was written: each item alone says which one failed and why.
      for (const row of batch) {
        if (await this.db.importItems.get([row.import, row.seq])) await this.build(row.import, row.seq, row.item);
      }
      return;
    }
    const t4 = performance.now();
    const status = await this.journal.progress(importId);
    if (status) this.deps.onImportProgress(status);
    if (report) this.deps.onBatch?.({ ...report, progressMs: performance.now() - t4 });
  }

  private async build(importId: string, seq: number, item: ImportItem): Promise<void> {
    const step = (outcome: Parameters<ImportJournal['settle']>[2]): JournalStep => () => this.journal.settle(importId, seq, outcome);
    try {
      if (item.kind === 'refused') {
        await this.journal.settleAlone(importId, seq, { kind: 'refused', name: item.name, line: item.line, reason: item.reason });
      } else if (item.kind === 'pack') {
        const matcherChanged = await this.installHeader(item.header);
        const reviews = item.header.decisions?.contrasts;
        if (reviews?.length) await this.deps.importedReviews?.(reviews);
        await this.journal.settleAlone(importId, seq, { kind: 'header' });
        this.changed({ added: [], removed: [], matcherChanged });
      } else if (item.kind === 'draft') {
        const checked = await this.checkDraft(item.draft);
        if (!checked.ok) {
          await this.journal.settleAlone(importId, seq, { kind: 'refused', name: item.name, line: item.line, reason: checked.reason });
        } else if (checked.check.duplicate) {
          await this.journal.settleAlone(importId, seq, { kind: 'duplicate', name: item.name, line: item.line, duplicate: checked.check.duplicate });
        } else {
          const row = await this.writeRecord(checked.check.record, step({ kind: 'added' }));
          this.changed({ added: [row.id], removed: [], matcherChanged: false });
        }
      } else {
        const pack = await this.db.packs.get(item.pack);
        const { document } = item;
        const url = document.url ? canonicalUrl(document.url) : undefined;
        const duplicate = await this.duplicateOf({ ...document, contentHash: contentHash(document.paragraphs), ...(url ? { canonicalUrl: url } : {}) });
        if (duplicate) {
          await this.journal.settleAlone(importId, seq, { kind: 'duplicate', name: item.name, duplicate });
        } else {
          const row = await this.writePackDocument(document, item.pack, pack?.header.extractionKey, item.derived, { journal: step({ kind: 'added' }) });
          this.changed({ added: [row.id], removed: [], matcherChanged: false });
        }
      }
    } catch (error) {
      const message = error instanceof StorageFullError ? error.message : `the import stopped: ${String((error as Error)?.message ?? error).slice(0, 300)}`;
      await this.journal.stop(importId, message);
    }
    const status = await this.journal.progress(importId);
    if (status) this.deps.onImportProgress(status);
  }

  /** Lets the event loop run: the messages waiting for the builder are answered. */
  private pause(): Promise<void> {
    return (this.deps.nextTask ?? timerTask)();
  }

  /** Grows the batch while its writes stay short, halves it when they run long. */
  private adaptBatch(writeMs: number): void {
    if (writeMs < BATCH_WRITE_MS) this.batchSize = Math.min(BATCH_MAX, this.batchSize + 2);
    else if (writeMs > BATCH_WRITE_MS * 1.5) this.batchSize = Math.max(2, Math.floor(this.batchSize / 2));
  }

  // --- Automatic contrasts ---------------------------------------------------------------------

  /**
   * Computes the automatic contrasts of the entities the documents added or removed since the
   * last run touch, after what is queued; the caller does not wait (a card is not delayed by it).
   */
  private recomputeAutomatic(): void {
    const { added, removed } = this.automaticPending;
    if (added.size === 0 && removed.size === 0) return;
    this.automaticPending = { added: new Set(), removed: new Set() };
    this.automaticRuns = this.automaticRuns
      .then(async () => {
        const { key, extractor } = await this.loadExtractor();
        const labels = this.deps.labels
          ? await this.deps.labels()
          : { sources: await packSources(this.db), perspectives: await corpusPerspectives(this.db) };
        const report = await recomputeAutomatic(this.db, { added: [...added], removed: [...removed] }, { matcher: extractor.matcher, extractionKey: key, labels, now: this.now });
        this.deps.onAutomatic?.(report);
      })
      // Best effort: until computed, cards show what they showed before. A database closed
      // meanwhile (the worker or a test ending) has nobody left to show them to.
      .catch((error: unknown) => {
        if ((error as Error | undefined)?.name !== 'DatabaseClosedError') console.warn('[backstory] automatic contrasts not computed', error);
      });
  }

  /**
   * Outlets labelled anew (the reader's edits of the source registry): the entities their
   * documents account for are computed again with the new perspectives (nothing is read again).
   */
  async relabelled(domains: readonly string[]): Promise<void> {
    if (domains.length === 0) return;
    const of = (domain: string | undefined) => !!domain && domains.some((d) => domain === d || domain.endsWith(`.${d}`));
    for (const id of await this.db.documents.filter((d) => of(d.domain)).primaryKeys()) this.automaticPending.removed.add(id);
    this.recomputeAutomatic();
  }

  /**
   * Resolves once nothing is left to do: the journal built, names learned, automatic contrasts
   * stored, the others told (the thread that runs the builder may then be closed).
   */
  async settled(): Promise<void> {
    for (;;) {
      const seen = [this.running, this.learning, this.automaticRuns];
      await Promise.all(seen);
      if (seen[0] === this.running && seen[1] === this.learning && seen[2] === this.automaticRuns) break;
    }
    await this.flushChange();
  }

  /** Resolves once the automatic contrasts of every change so far are stored. */
  async automaticSettled(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.automaticRuns) {
      seen = this.automaticRuns;
      await seen;
    }
  }

  // --- Learning names ---------------------------------------------------------------------------

  /** The reader's edit of a learned name (rename, retype, merge, split, reject): applied and learned with. */
  editName(edit: NameEdit): Promise<NameLearningResult | undefined> {
    this.pendingLearning.updates.push((state) => addEdit(state, edit));
    return this.learnPending();
  }

  /** Takes back the reader's rejection of a learned name (by its forms' keys). */
  undoRejection(keys: readonly string[]): Promise<NameLearningResult | undefined> {
    this.pendingLearning.updates.push((state) => withoutRejection(state, keys));
    return this.learnPending();
  }

  /** Every learning step asked for so far has run (the tests, and a handler answering after an edit). */
  learned(): Promise<unknown> {
    return this.learning;
  }

  private learnSoon(): void {
    // A matcher with other names made documents stale: the drain reads them again with it.
    void this.learnPending().then(() => this.kick());
  }

  /**
   * Runs name learning over what changed since the last step (queued behind a step under way);
   * tells the tabs to rescan when the matcher changed. A failure is logged and changes nothing
   * stored: the documents are in, and the next step reads them.
   */
  learnPending(): Promise<NameLearningResult | undefined> {
    const step = this.learning.then(() => this.learnStep());
    // Never a rejected link in the chain: the next step runs whatever this one did.
    this.learning = step.catch(() => undefined);
    return step.catch((error: unknown) => {
      console.warn('[backstory] learning names failed', error);
      return undefined;
    });
  }

  private async learnStep(): Promise<NameLearningResult | undefined> {
    if (this.deps.learnNames === false) return undefined;
    const pending = this.pendingLearning;
    const never = (await this.db.names.get('state')) === undefined;
    if (!never && !pending.relearn && !pending.added.size && !pending.removed.size && !pending.updates.length) return undefined;
    this.pendingLearning = { added: new Set(), removed: new Set(), updates: [], relearn: false };
    const updates = pending.updates;
    try {
      await this.currentKey();
      const result = await learnNames(
        { db: this.db, setMatcher: (matcher, input) => this.setMatcher(matcher, input) },
        { added: [...pending.added], removed: [...pending.removed], ...(updates.length ? { update: (s: NameState) => updates.reduce((acc, f) => f(acc), s) } : {}) },
        'learned',
      );
      this.deps.onLearned?.(result);
      if (result.matcherChanged) await this.changed({ added: [], removed: [], matcherChanged: true });
      else if (updates.length) await this.changed({ added: [], removed: [], matcherChanged: false }, { now: true });
      return result;
    } catch (error) {
      // Kept for the next step: nothing learned was stored.
      for (const id of pending.added) this.pendingLearning.added.add(id);
      for (const id of pending.removed) this.pendingLearning.removed.add(id);
      this.pendingLearning.updates.unshift(...updates);
      this.pendingLearning.relearn ||= pending.relearn;
      throw error;
    }
  }

  // --- Telling the others -----------------------------------------------------------------------

  /** Tells the others now (resolved once told), or within CHANGE_COALESCE_MS with what else changes meanwhile. */
  private changed(change: Omit<KbChange, 'generation'>, options: { now?: boolean } = {}): Promise<void> {
    const pending = (this.pendingChange ??= { added: new Set(), removed: new Set(), matcherChanged: false });
    for (const id of change.added) this.automaticPending.added.add(id);
    for (const id of change.added) pending.added.add(id);
    for (const id of change.removed) pending.removed.add(id);
    for (const id of change.added) this.pendingLearning.added.add(id);
    for (const id of change.removed) {
      this.pendingLearning.added.delete(id);
      this.pendingLearning.removed.add(id);
    }
    pending.matcherChanged ||= change.matcherChanged;
    if (options.now || change.matcherChanged) return this.flushChange();
    this.changeTimer ??= setTimeout(() => void this.flushChange(), CHANGE_COALESCE_MS);
    return Promise.resolve();
  }

  private flushChange(): Promise<void> {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    const pending = this.pendingChange;
    this.pendingChange = undefined;
    if (!pending) return Promise.resolve();
    return readMeta(this.db, 'generation')
      .then((generation) =>
        this.deps.onChange({
          generation: generation ?? 0,
          matcherChanged: pending.matcherChanged,
          added: [...pending.added].slice(0, 1000),
          removed: [...pending.removed].slice(0, 1000),
        }),
      )
      // Telling the others is best effort: each reads the knowledge base fresh when it opens.
      .catch(() => undefined);
  }
}

/** The matcher compiled from curated names, and what it was compiled from (extraction reads nested names with it). */
export interface CompiledNames {
  matcher: MatcherData;
  matcherInput: MatcherInput;
}

/** The same compilation as `npm run corpus`: the curated names with the shipped blockers, cues and topic words. */
export function compileCuratedNames(entries: readonly GazetteerEntry[], config: Omit<GazetteerInput, 'gazetteer'>): CompiledNames {
  const compiled = compileGazetteer({ ...config, gazetteer: [gazetteerFromEntries(entries)] });
  const errors = compiled.issues.filter((i) => i.severity === 'error');
  if (!compiled.matcher || errors.length) {
    throw new Error(`the curated names could not be compiled: ${errors.map((e) => e.message).join('; ').slice(0, 500)}`);
  }
  return { matcher: compiled.matcher, matcherInput: compiled.matcherInput };
}

/** The reader's words for a duplicate. */
export function alreadyIn(duplicate: Duplicate): string {
  const what = { address: 'the same address', text: 'the same text', document: 'the same article', copy: 'a copy of it' }[duplicate.reason];
  return `Already in your documents: “${duplicate.title}” (${what}).`;
}

function rowOf(
  record: Omit<DocumentDraft, 'origin'> & { id: string; canonicalUrl?: string; contentHash: string; origin?: DocumentDraft['origin']; dateNote?: string; evidence?: string[] },
  key: string,
  addedAt: number,
): DocumentWrite['row'] {
  const { paragraphs: _p, ...meta } = record;
  const row: DocumentWrite['row'] = { ...meta, extractionKey: key, addedAt };
  return row;
}

