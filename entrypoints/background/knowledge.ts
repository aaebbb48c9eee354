/**
 * The background's access to the live knowledge base: IndexedDB, written by the one builder
 * (lib/storage/corpus-builder.ts), which installs the starter corpus on first run and upgrades it
 * by its pack version. Cards, the matcher and recognition read what is stored now, labelled
 * with the source registry in effect now (an outlet labelled a moment ago counts).
 */
import type { CardSource } from '../../lib/card-data';
import { buildTokenGate } from '../../lib/engine/token-gate';
import type { MatcherData, TokenGateData } from '../../lib/engine/types';
import type { ImportStatus, KbChange, PackSummary } from '../../lib/messages';
import type { Labels } from '../../lib/kb/labels';
import type { Source } from '../../lib/recognition/sources';
import type { ReaderSources } from '../../lib/recognition/sources';
import { currentLabels, openCorpusReader } from '../../lib/storage/corpus-reader';
import { CorpusBuilder, type BuilderDeps } from '../../lib/storage/corpus-builder';
import type { BackstoryDb } from '../../lib/storage/db';
import { cardSource, storedMatcher } from '../../lib/storage/kb-reader';
import { createReadGate } from '../../lib/storage/read-gate';

export interface Knowledge {
  readonly db: BackstoryDb;
  /** The one writer of the knowledge base. */
  readonly builder: CorpusBuilder;
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

export interface KnowledgeDeps extends Omit<BuilderDeps, 'db' | 'onChange' | 'onImportProgress'> {
  /** data/sources.json. */
  shippedSources: readonly Source[];
  /** The reader's edits of the source registry. */
  sourceEdits(): Promise<ReaderSources>;
}

export function createKnowledge(db: BackstoryDb, deps: KnowledgeDeps): Knowledge {
  const listeners: KnowledgeListener[] = [];
  const sources = { shipped: deps.shippedSources, edits: deps.sourceEdits };
  // Cards read between an import's batches, not behind them.
  const reads = createReadGate();
  const builder = new CorpusBuilder({
    ...deps,
    db,
    // Automatic contrasts set outlets' perspectives against each other as the reader labels them.
    labels: () => currentLabels(db, sources),
    readsPending: () => reads.idle(),
    onChange: (change) => listeners.forEach((l) => void l.changed(change)),
    onImportProgress: (status) => listeners.forEach((l) => void l.importProgress(status)),
    // What a learning step cost, in the background's console (docs/names.md has the bench figures).
    onLearned: (result) =>
      console.debug(`[backstory] names learned: ${result.entities.length} entities in ${result.ms} ms${result.matcherChanged ? ', matcher rebuilt' : ''}`),
  });
  const labels = () => currentLabels(db, sources);
  const reader = openCorpusReader(db, sources);
  // Built from the matcher once per worker and per matcher (a rebuild gives a new kbVersion).
  let gate: { version: string; data: TokenGateData } | undefined;
  let resumed = false;
  const ready = async () => {
    await builder.ready();
    if (resumed) return;
    resumed = true;
    // An import a killed worker left in the journal goes on where it stopped.
    void builder.kick();
  };
  return {
    db,
    builder,
    ready,
    cardSource(entityId, options) {
      return reads.reading(async () => {
        await ready();
        return cardSource(db, entityId, await labels(), options);
      });
    },
    async matcher() {
      // Stored once the starter corpus is installed: later workers answer without waiting.
      const stored = await storedMatcher(db);
      if (stored) void ready().catch((error: unknown) => console.warn('[backstory] knowledge base not ready', error));
      const matcher = stored ?? (await ready().then(() => storedMatcher(db)));
      if (!matcher) throw new Error('Backstory: the knowledge base has no matcher');
      return matcher;
    },
    async gate() {
      const matcher = await this.matcher();
      if (gate?.version !== matcher.kbVersion) gate = { version: matcher.kbVersion, data: buildTokenGate(matcher) };
      return gate.data;
    },
    labels,
    packs: () => reader.packs(),
    listen: (listener) => void listeners.push(listener),
  };
}
