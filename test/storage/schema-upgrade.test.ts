/**
 * Schema upgrade v2 → v3: a database written before the knowledge base became the reader's
 * (highlights, and v2's copy of the bundled knowledge base), with the reader's settings in
 * extension storage, is opened by the current code: every highlight is kept, every field; the
 * old copy is dropped and the builder installs the starter corpus in the new tables; settings
 * are as the reader left them.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings, SETTINGS_KEY } from '../../entrypoints/background/settings';
import { openBackstoryDb, SCHEMA_V2, type BackstoryDb } from '../../lib/storage/db';
import { listHighlights } from '../../lib/storage/highlights';
import { mentionCount } from '../../lib/storage/kb-reader';
import { fixtureKb, fixtureMatcher } from '../background/fixture-kb';
import { newBuilder } from './builder-fixture';

const NAME = 'upgrade-v2-test';
let db: BackstoryDb | undefined;

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  db?.close();
  await Dexie.delete(NAME);
});

const v2Highlights = Array.from({ length: 20 }, (_, i) => ({
  id: `h${i}`,
  url: `https://news${i % 2}.example/story-${i}`,
  canonicalUrl: `https://news${i % 2}.example/story-${i}`,
  title: `Story ${i}`,
  quote: `quote ${i}`,
  prefix: '',
  suffix: '',
  start: i,
  end: i + 7,
  note: i % 3 ? '' : `note ${i}`,
  entities: ['mustafa-al-kadhimi'],
  createdAt: 1_700_000_000_000 + i,
  updatedAt: 1_700_000_000_000 + i,
  tags: i % 2 ? ['check'] : [],
  site: `news${i % 2}.example`,
  ...(i % 4 === 0 ? { anchor: { status: 'orphan' as const, at: 5 } } : {}),
}));

const settings = { paused: false, disabledSites: ['blocked.example'], suppressed: { 'news0.example': ['isis'] } };

describe('schema upgrade v2 → v3', () => {
  it('keeps highlights and settings, drops the old knowledge-base copy, and installs the starter corpus', async () => {
    const old = new Dexie(NAME);
    old.version(1).stores({ ...SCHEMA_V2 });
    old.version(2).stores(SCHEMA_V2);
    await old.table('highlights').bulkAdd(v2Highlights);
    // v2's copy of the bundled knowledge base, in its shape.
    await old.table('entities').bulkAdd(fixtureKb.entities);
    await old.table('documents').bulkAdd(fixtureKb.documents);
    await old.table('passages').bulkAdd(fixtureKb.passages);
    await old.table('meta').bulkPut([{ key: 'kbVersion', value: fixtureKb.version }, { key: 'perspectives', value: fixtureKb.perspectives }]);
    old.close();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });

    db = openBackstoryDb(NAME);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.documents.count()).toBe(0);
    expect(await db.meta.get('kbVersion' as never)).toBeUndefined();

    await newBuilder(db, fixtureKb, fixtureMatcher).ready();
    expect(await db.documents.count()).toBe(fixtureKb.documents.length);
    expect(await mentionCount(db, 'mustafa-al-kadhimi')).toBe(4);
    const rows = await listHighlights(db);
    expect(rows).toHaveLength(v2Highlights.length);
    for (const before of v2Highlights) expect(rows.find((r) => r.id === before.id)).toEqual(before);
    expect(await loadSettings()).toEqual(settings);
  });
});
