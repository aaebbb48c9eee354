/**
 * Schema upgrade v3 → v5 (names learned from the reader's documents): a database written by v3
 * — the starter corpus and a document the reader added, highlights — with the reader's settings
 * in extension storage, is opened by the current code: every highlight, document and setting is
 * as it was, the new `names` table is there, and the builder's first learning step reads the
 * reader's document (not the starter corpus's) for names.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings, SETTINGS_KEY } from '../../entrypoints/background/settings';
import { openBackstoryDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, type BackstoryDb } from '../../lib/storage/db';
import { listHighlights } from '../../lib/storage/highlights';
import { readNames } from '../../lib/storage/name-learning';
import { newBuilder } from './builder-fixture';
import { HALBOOSI_ARTICLES } from './learned-names.fixture';

const NAME = 'upgrade-v3-v5-test';
let db: BackstoryDb | undefined;

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  db?.close();
  await Dexie.delete(NAME);
});

const highlights = Array.from({ length: 5 }, (_, i) => ({
  id: `h${i}`,
  url: `https://news.example/story-${i}`,
  canonicalUrl: `https://news.example/story-${i}`,
  title: `Story ${i}`,
  quote: `quote ${i}`,
  prefix: '',
  suffix: '',
  start: i,
  end: i + 7,
  note: i % 2 ? '' : `note ${i}`,
  entities: ['mustafa-al-kadhimi'],
  createdAt: 1_700_000_000_000 + i,
  updatedAt: 1_700_000_000_000 + i,
  tags: i % 2 ? ['check'] : [],
  site: 'news.example',
}));

const settings = { paused: false, disabledSites: ['blocked.example'], suppressed: { 'news.example': ['isis'] } };

/**
 * A v3 database as v3's builder leaves it: the builder without its learning step installs the
 * starter corpus and adds a document, and v3's tables are copied into a database of schema v3.
 */
async function writeV3(): Promise<{ documents: unknown[]; texts: unknown[] }> {
  const source = openBackstoryDb(`${NAME}-source`);
  const builder = newBuilder(source, undefined, undefined, undefined, { learnNames: false });
  await builder.ready();
  expect((await builder.addDraft(HALBOOSI_ARTICLES[0]!)).ok).toBe(true);
  const v3 = new Dexie(NAME);
  v3.version(1).stores(SCHEMA_V1);
  v3.version(2).stores(SCHEMA_V2);
  v3.version(3).stores(SCHEMA_V3);
  for (const table of Object.keys(SCHEMA_V3)) await v3.table(table).bulkPut(await source.table(table).toArray());
  await v3.table('highlights').bulkAdd(highlights);
  const snapshot = { documents: await v3.table('documents').toArray(), texts: await v3.table('texts').toArray() };
  v3.close();
  source.close();
  await Dexie.delete(source.name);
  return snapshot;
}

describe('schema upgrade v3 → v5', () => {
  it('keeps highlights, documents and settings, and learns from the reader’s document on the first step', async () => {
    const before = await writeV3();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });

    db = openBackstoryDb(NAME);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.table('documents').toArray()).toEqual(before.documents);
    expect(await db.table('texts').toArray()).toEqual(before.texts);
    const rows = await listHighlights(db);
    expect(rows).toHaveLength(highlights.length);
    for (const h of highlights) expect(rows.find((r) => r.id === h.id)).toEqual(h);
    expect(await loadSettings()).toEqual(settings);
    expect(await db.names.count()).toBe(0);

    const builder = newBuilder(db);
    await builder.ready();
    await builder.kick();
    await builder.learned();
    const state = await readNames(db, 'state');
    const own = (before.documents as { id: string; pack?: string }[]).filter((d) => !d.pack).map((d) => d.id);
    expect(state?.docs.map((d) => d.doc)).toEqual(own);
    expect(await db.table('documents').count()).toBe(before.documents.length);
    expect(await listHighlights(db)).toHaveLength(highlights.length);
  });
});
