/**
 * Schema upgrades. v2 → v3: a database written before the knowledge base became the reader's
 * (highlights, and v2's copy of the bundled knowledge base), with the reader's settings in
 * extension storage, is opened by the current code: every highlight is kept, every field; the
 * old copy is dropped and the builder installs the starter corpus in the new tables; settings
 * are as the reader left them. v3 → v4: the automatic contrasts' table is added; the reader's
 * documents, highlights and settings are all kept, and the next document added gets its entities'
 * contrasts stored there.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings, SETTINGS_KEY } from '../../entrypoints/background/settings';
import { openBackstoryDb, SCHEMA_V2, SCHEMA_V3, type BackstoryDb } from '../../lib/storage/db';
import { listHighlights } from '../../lib/storage/highlights';
import { mentionCount } from '../../lib/storage/kb-reader';
import { fixtureKb, fixtureMatcher } from '../background/fixture-kb';
import { newBuilder } from './builder-fixture';

const NAME = 'upgrade-v2-test';
const NAME_V3 = 'upgrade-v3-test';
let db: BackstoryDb | undefined;

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  db?.close();
  await Dexie.delete(NAME);
  await Dexie.delete(NAME_V3);
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

describe('schema upgrade v3 → v4', () => {
  it('adds the automatic contrasts, keeping documents, highlights and settings; the next document fills it', async () => {
    // A v3 database as the v3 code wrote it: the starter corpus installed, a document of the reader's, highlights.
    // Written by today's builder (without name learning, which v3 did not have), copied table by table.
    const source = openBackstoryDb(`${NAME_V3}-source`);
    await newBuilder(source, fixtureKb, fixtureMatcher, undefined, { learnNames: false }).ready();
    const old = new Dexie(NAME_V3) as unknown as BackstoryDb;
    old.version(1).stores({ ...SCHEMA_V2 });
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    for (const table of Object.keys(SCHEMA_V3)) await old.table(table).bulkPut(await source.table(table).toArray());
    source.close();
    await Dexie.delete(source.name);
    await old.table('highlights').bulkAdd(v2Highlights);
    const before = {
      documents: await old.table('documents').toArray(),
      mentions: await old.table('mentions').count(),
      meta: await old.table('meta').toArray(),
    };
    old.close();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });

    db = openBackstoryDb(NAME_V3);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.automatic.count()).toBe(0);
    expect(await db.documents.toArray()).toEqual(before.documents);
    expect(await db.mentions.count()).toBe(before.mentions);
    expect(await db.meta.toArray()).toEqual(before.meta);
    const rows = await listHighlights(db);
    expect(rows).toHaveLength(v2Highlights.length);
    for (const h of v2Highlights) expect(rows.find((r) => r.id === h.id)).toEqual(h);
    expect(await loadSettings()).toEqual(settings);

    const builder = newBuilder(db, fixtureKb, fixtureMatcher);
    const added = await builder.addDraft({
      title: 'Kadhimi meets militia leaders',
      paragraphs: ['Prime Minister Mustafa al-Kadhimi met militia leaders in Baghdad on Sunday, his office said.'],
      url: 'https://smallpaper.example/kadhimi',
      domain: 'smallpaper.example',
      outlet: 'The Small Paper',
      origin: { kind: 'page', url: 'https://smallpaper.example/kadhimi' },
    });
    expect(added.ok).toBe(true);
    await builder.automaticSettled();
    const stored = await db.automatic.get('mustafa-al-kadhimi');
    expect(stored?.strip.map((m) => m.doc)).toContain(added.ok ? added.row.id : '');
  });
});
