/**
 * Schema upgrade v1 → current (Dexie's upgrading tests, in small): a database written by the
 * Foundation's schema, with highlights in it, is opened by the current code and loses nothing.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackstoryDb, SCHEMA_V1, type BackstoryDb } from '../../lib/storage/db';
import { highlightsForPage, listHighlights } from '../../lib/storage/highlights';

const NAME = 'upgrade-test';
let db: BackstoryDb | undefined;

afterEach(async () => {
  db?.close();
  await Dexie.delete(NAME);
});

/** Rows exactly as schema v1 stored them: no tags, no site. */
const v1Rows = Array.from({ length: 50 }, (_, i) => ({
  id: `h${i}`,
  url: `https://news${i % 3}.example/story-${i}#p${i}`,
  canonicalUrl: `https://news${i % 3}.example/story-${i}`,
  title: `Story ${i}`,
  quote: `quote number ${i}`,
  prefix: 'before ',
  suffix: ' after',
  start: 10 * i,
  end: 10 * i + 14,
  note: i % 2 ? `note ${i}` : '',
  entities: i % 5 ? ['mustafa-al-kadhimi'] : [],
  createdAt: 1_600_000_000_000 + i,
  updatedAt: 1_600_000_000_000 + i,
}));

describe('highlights schema upgrade', () => {
  it('opens a v1 database with highlights and keeps every one of them, every field', async () => {
    const old = new Dexie(NAME);
    old.version(1).stores(SCHEMA_V1);
    await old.table('highlights').bulkAdd(v1Rows);
    await old.table('meta').put({ key: 'kbVersion', value: 'abc' });
    old.close();

    db = openBackstoryDb(NAME);
    await db.open();
    expect(db.verno).toBe(5);
    const rows = await listHighlights(db);
    expect(rows).toHaveLength(v1Rows.length);
    for (const before of v1Rows) {
      const after = rows.find((r) => r.id === before.id);
      expect(after).toEqual({ ...before, tags: [], site: new URL(before.url).hostname });
    }
    // The new indexes answer for upgraded rows too.
    expect(await db.highlights.where('site').equals('news1.example').count()).toBe(v1Rows.filter((_, i) => i % 3 === 1).length);
    expect(await highlightsForPage(db, ['https://news0.example/story-3'])).toHaveLength(1);
    // The copy of the bundled knowledge base is dropped: the builder installs the starter corpus again.
    expect(await db.meta.count()).toBe(0);
  });
});
