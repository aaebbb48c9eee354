// When the background's reads wait for the builder's thread: only for the first install. Work a
// stopped thread left (an import in the journal) is resumed without holding a card up.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createKnowledge } from '../../entrypoints/background/knowledge';
import { readSourceEdits } from '../../entrypoints/background/recognition';
import type { BuilderApi } from '../../lib/builder-thread/protocol';
import { SHIPPED_MATCHER_CONFIG } from '../../lib/kb/matcher-config';
import { CorpusBuilder } from '../../lib/storage/corpus-builder';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { fixtureKb, fixtureMatcher } from './fixture-kb';
import { fixedCompile, packOfKnowledgeBase } from './fixture-pack';

const ENTITY = fixtureKb.entities[0]!.id;

/** A builder whose every call is recorded and never answered: a thread busy for ever. */
function busyBuilder() {
  const calls: string[] = [];
  const builder = new Proxy({} as BuilderApi, {
    get: (_target, method: string) => () => {
      calls.push(method);
      return new Promise(() => undefined);
    },
  });
  return { builder, calls };
}

function knowledgeOver(db: BackstoryDb, builder: BuilderApi) {
  return createKnowledge(db, { shippedSources, sourceEdits: readSourceEdits, importedReviews: async () => undefined, builder: () => builder });
}

let db: BackstoryDb;
let databases = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openBackstoryDb(`knowledge-test-${++databases}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

async function install(): Promise<void> {
  const pack = packOfKnowledgeBase(fixtureKb, fixtureMatcher);
  const builder = new CorpusBuilder({
    db,
    starterPack: async () => pack,
    matcherConfig: SHIPPED_MATCHER_CONFIG,
    compile: fixedCompile(fixtureMatcher),
    learnNames: false,
    onChange: () => undefined,
    onImportProgress: () => undefined,
  });
  await builder.ready();
  await builder.automaticSettled();
}

describe('reads and the builder', () => {
  it('waits for the builder to install the starter corpus on a new database', async () => {
    const { builder, calls } = busyBuilder();
    const card = knowledgeOver(db, builder).cardSource(ENTITY);
    await vi.waitFor(() => expect(calls).toEqual(['ready']));
    const answered = await Promise.race([card.then(() => 'answered'), new Promise((r) => setTimeout(() => r('waiting'), 50))]);
    expect(answered).toBe('waiting');
  });

  it('answers a card from what is stored while a busy builder resumes an import a stopped thread left', async () => {
    await install();
    await db.importItems.put({ import: 'i-1', seq: 0, status: 'pending', item: { kind: 'refused', name: 'a.bin', reason: 'not a document' } });
    const { builder, calls } = busyBuilder();
    const card = await knowledgeOver(db, builder).cardSource(ENTITY);
    expect(card?.entities.map((e) => e.id)).toContain(ENTITY);
    expect(calls).toEqual(['kick']);
  });

  it('does not start the builder at all over a settled database', async () => {
    await install();
    const { builder, calls } = busyBuilder();
    const knowledge = knowledgeOver(db, builder);
    expect((await knowledge.cardSource(ENTITY))?.entities.map((e) => e.id)).toContain(ENTITY);
    expect((await knowledge.matcher()).kbVersion).toBeTruthy();
    expect(calls).toEqual([]);
  });
});
