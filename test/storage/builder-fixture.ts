/** A builder over a test database: the fixture knowledge base as the starter corpus, or the real starter pack. */
import starterPackJson from '../../data/starter-pack.json';
import type { CorpusPack } from '../../lib/corpus/pack';
import type { MatcherData } from '../../lib/engine/types';
import { SHIPPED_MATCHER_CONFIG } from '../../lib/kb/matcher-config';
import type { KnowledgeBase } from '../../lib/kb/types';
import type { ImportStatus, KbChange } from '../../lib/messages';
import { CorpusBuilder, type BuilderDeps } from '../../lib/storage/corpus-builder';
import type { BackstoryDb } from '../../lib/storage/db';
import { fixedCompile, packOfKnowledgeBase } from '../background/fixture-pack';

export const starterPack = starterPackJson as unknown as CorpusPack;

export interface BuilderUnderTest extends CorpusBuilder {
  changes: KbChange[];
  progress: ImportStatus[];
}

/** With `kb`: that knowledge base as the starter corpus and `matcher` as the compiled names; without: the real starter pack, compiled. */
export function newBuilder(db: BackstoryDb, kb?: KnowledgeBase, matcher?: MatcherData, pack?: () => CorpusPack, options: Pick<BuilderDeps, 'learnNames' | 'onReextracted'> = {}): BuilderUnderTest {
  const changes: KbChange[] = [];
  const progress: ImportStatus[] = [];
  const starter = pack ?? (() => (kb && matcher ? packOfKnowledgeBase(kb, matcher) : starterPack));
  const builder = new CorpusBuilder({
    db,
    starterPack: () => Promise.resolve(starter()),
    matcherConfig: SHIPPED_MATCHER_CONFIG,
    ...(kb && matcher ? { compile: fixedCompile(matcher) } : {}),
    onChange: (c) => changes.push(c),
    onImportProgress: (s) => progress.push(s),
    ...options,
  }) as BuilderUnderTest;
  builder.changes = changes;
  builder.progress = progress;
  return builder;
}
