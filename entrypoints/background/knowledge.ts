/**
 * The background's access to the live knowledge base: IndexedDB, written by the one builder
 * (lib/storage/corpus-builder.ts) on a thread of its own (lib/builder-thread), which installs the
 * starter corpus on first run and upgrades it by its pack version. Cards, the matcher and
 * recognition read what is stored now, here, labelled with the source registry in effect now (an
 * outlet labelled a moment ago counts): a card never waits for the builder.
 */
import type { CardSource } from '../../lib/card-data';
import type { BuilderApi, BuilderEvents, HostAsks } from '../../lib/builder-thread/protocol';
import { buildTokenGate, TOKEN_GATE_FORMAT } from '../../lib/engine/token-gate';
import type { MatcherData, TokenGateData } from '../../lib/engine/types';
import type { ImportStatus, KbChange, PackSummary } from '../../lib/messages';
import type { Labels } from '../../lib/kb/labels';
import type { ReviewDecision } from '../../lib/contrasts/review';
import type { Source } from '../../lib/recognition/sources';
import type { ReaderSources } from '../../lib/recognition/sources';
import { builderWork } from '../../lib/storage/builder-needed';
import { currentLabels, openCorpusReader } from '../../lib/storage/corpus-reader';
import type { BackstoryDb } from '../../lib/storage/db';
import { cardSource, storedGate, storedMatcher } from '../../lib/storage/kb-reader';
export interface Knowledge {
  readonly db: BackstoryDb;
  /** The one writer of the knowledge base, on its own thread. */
  readonly builder: BuilderApi;
  /** Resolves once the starter corpus (or what the reader kept of it) is installed. */
  ready(): Promise<void>;
  /** The records a card for `entityId` needs, or undefined when Backstory does not know it. */
  cardSource(entityId: string, options?: { accounts?: number }): Promise<CardSource | undefined>;
  /** The matcher pages mark names with: the stored one, compiled from the installed packs. */
  matcher(): Promise<MatcherData>;
  /** The current matcher's token gate: whether a page's words could hold a name at all. */
  gate(): Promise<TokenGateData>;
  /** The source registry in effect (shipped, the packs', the reader's edits) and the perspectives. */
  labels(): Promise<Labels>;
  /** The packs installed, the starter corpus's even when removed. */
  packs(): Promise<PackSummary[]>;
  /** Who hears of the builder's changes and imports' progress (the broadcast to tabs and pages). */
  listen(listener: KnowledgeListener): void;
}

export interface KnowledgeListener {
  changed(change: KbChange): unknown;
  importProgress(status: ImportStatus): unknown;
}

export interface KnowledgeDeps {
  /** data/sources.json. */
  shippedSources: readonly Source[];
  /** The reader's edits of the source registry. */
  sourceEdits(): Promise<ReaderSources>;
  /** The reader's keep/dismiss decisions, with an imported pack's merged in. */
  importedReviews(decisions: ReviewDecision[]): Promise<unknown>;
  /** The builder, told and asked through these (its thread in the extension; in process in tests). */
  builder(host: HostAsks & BuilderEvents): BuilderApi;
}

export function createKnowledge(db: BackstoryDb, deps: KnowledgeDeps): Knowledge {
  const listeners: KnowledgeListener[] = [];
  const sources = { shipped: deps.shippedSources, edits: deps.sourceEdits };
  const labels = () => currentLabels(db, sources);
  const builder = deps.builder({
    // Automatic contrasts set outlets' perspectives against each other as the reader labels them.
    labels,
    importedReviews: deps.importedReviews,
    // The builder's answer to the change's cause waits for these: open tabs are told before the reader's add is answered.
    onChange: (change) => Promise.all(listeners.map((l) => l.changed(change))),
    onImportProgress: (status) => Promise.all(listeners.map((l) => l.importProgress(status))),
  });
  const reader = openCorpusReader(db, sources);
  // Built from the matcher once per worker and per matcher (a rebuild gives a new kbVersion).
  let gate: { version: string; data: TokenGateData } | undefined;
  let installed: Promise<void> | undefined;
  // The builder's thread starts only when the database needs it. Reads wait only for the first
  // install: work a stopped thread left (an import in the journal, documents to read again) is
  // resumed by the thread once started, while cards answer from what is stored, never waiting
  // for a busy builder to take their call.
  const ready = () =>
    (installed ??= builderWork(db)
      .then((work) => {
        if (work === 'install') return builder.ready();
        if (work === 'resume') void builder.kick();
        return undefined;
      })
      .catch((error: unknown) => {
        installed = undefined;
        throw error;
      }));
  // What is stored answers now; work a stopped builder left is resumed meanwhile.
  const resumeBuilder = () => void ready().catch((error: unknown) => console.warn('[backstory] knowledge base not ready', error));
  return {
    db,
    builder,
    ready,
    async cardSource(entityId, options) {
      await ready();
      return cardSource(db, entityId, await labels(), options);
    },
    async matcher() {
      // Stored once the starter corpus is installed: later workers answer without waiting.
      const stored = await storedMatcher(db);
      if (stored) resumeBuilder();
      const matcher = stored ?? (await ready().then(() => storedMatcher(db)));
      if (!matcher) throw new Error('Backstory: the knowledge base has no matcher');
      return matcher;
    },
    async gate() {
      // Written with the matcher: a page's first question after a start is answered without
      // reading or unpacking the matcher. A database written before the gate was stored, or a
      // gate of another format, is built here once per worker.
      const stored = await storedGate(db);
      if (stored?.gate.format === TOKEN_GATE_FORMAT) {
        resumeBuilder();
        return stored.gate;
      }
      const matcher = await this.matcher();
      if (gate?.version !== matcher.kbVersion) gate = { version: matcher.kbVersion, data: buildTokenGate(matcher) };
      return gate.data;
    },
    labels,
    packs: () => reader.packs(),
    listen: (listener) => void listeners.push(listener),
  };
}
