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
import { buildMatcher } from '../../lib/engine/build-matcher';
import { buildTokenGate, TokenGate } from '../../lib/engine/token-gate';
import type { MatcherData } from '../../lib/engine/types';
import type { MatcherInput } from '../../lib/kb/gazetteer';
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

describe("a page's first question: the token gate", () => {
  it('answers the gate stored with the matcher without reading the matcher', async () => {
    await install();
    const matcher = (await db.meta.get('matcher'))!.value as MatcherData;
    const read = vi.spyOn(db.meta, 'get');
    const gate = await knowledgeOver(db, busyBuilder().builder).gate();
    expect(gate).toEqual(buildTokenGate(matcher));
    expect(read.mock.calls.map(([key]) => key)).not.toContain('matcher');
  });

  it('builds the gate from the matcher over a database written before the gate was stored', async () => {
    await install();
    await db.meta.delete('gate');
    const matcher = (await db.meta.get('matcher'))!.value as MatcherData;
    expect(await knowledgeOver(db, busyBuilder().builder).gate()).toEqual(buildTokenGate(matcher));
  });

  it("stores a new matcher's gate with it: a name learned since lets its pages through", async () => {
    await install();
    const knowledge = knowledgeOver(db, busyBuilder().builder);
    const page = 'A statement by Zebulon Quartermaine on Tuesday.';
    expect(new TokenGate(await knowledge.gate()).mayName(page)).toBe(false);
    const builder = new CorpusBuilder({
      db,
      starterPack: async () => packOfKnowledgeBase(fixtureKb, fixtureMatcher),
      matcherConfig: SHIPPED_MATCHER_CONFIG,
      learnNames: false,
      onChange: () => undefined,
      onImportProgress: () => undefined,
    });
    const input = (await db.meta.get('matcherInput'))!.value as MatcherInput;
    const entities = [...input.entities, { id: 'zebulon-quartermaine', name: 'Zebulon Quartermaine', type: 'person' as const }];
    const patterns = [...input.patterns, { entity: entities.length - 1, text: 'Zebulon Quartermaine', specificity: 'unique' as const }];
    await builder.setMatcher(buildMatcher({ kbVersion: 'learned', entities, patterns }), { entities, patterns });
    expect(new TokenGate(await knowledge.gate()).mayName(page)).toBe(true);
  });
});
