import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { seedKnowledgeBase, seededPerspectives, seededVersion } from '../../lib/storage/seed';
import type { HighlightRow } from '../../lib/storage/types';
import { fixtureKb, nextVersionOf } from './fixture-kb';

let db: BackstoryDb;
let n = 0;
const fresh = () => (db = openBackstoryDb(`seed-test-${++n}`));

afterEach(async () => {
  await db.delete();
});

const highlight: HighlightRow = {
  id: 'h1',
  url: 'https://news.example/a#top',
  canonicalUrl: 'https://news.example/a',
  title: 'A page',
  quote: 'Kadhimi met the delegation',
  prefix: 'On Thursday ',
  suffix: ' in Baghdad.',
  start: 120,
  end: 146,
  note: 'check the date',
  entities: ['mustafa-al-kadhimi'],
  createdAt: 1,
  updatedAt: 1,
  tags: [],
  site: 'news.example',
};

describe('seedKnowledgeBase', () => {
  it('fills the knowledge-base tables on first run', async () => {
    fresh();
    expect(await seedKnowledgeBase(db, fixtureKb)).toBe('seeded');
    expect(await db.entities.count()).toBe(fixtureKb.entities.length);
    expect(await db.documents.count()).toBe(fixtureKb.documents.length);
    expect(await db.passages.where('doc').equals('iran-meddles').count()).toBe(2);
    expect(await db.entities.where('type').equals('place').count()).toBe(3);
    expect(await seededVersion(db)).toBe(fixtureKb.version);
    expect((await seededPerspectives(db)).map((p) => p.id)).toEqual(fixtureKb.perspectives.map((p) => p.id));
  });

  it('is a no-op when the version is already seeded', async () => {
    fresh();
    await seedKnowledgeBase(db, fixtureKb);
    // A row changed behind the seeder's back survives a same-version seed: nothing was rewritten.
    await db.entities.update('basra', { summary: 'marker' });
    expect(await seedKnowledgeBase(db, fixtureKb)).toBe('unchanged');
    expect((await db.entities.get('basra'))?.summary).toBe('marker');
  });

  it('replaces knowledge-base rows when the version changes', async () => {
    fresh();
    await seedKnowledgeBase(db, fixtureKb);
    const next = nextVersionOf(fixtureKb);
    expect(await seedKnowledgeBase(db, next)).toBe('seeded');
    expect((await db.entities.get('basra'))?.name).toBe('Basra Governorate');
    expect(await db.passages.get(fixtureKb.passages[0]!.id)).toBeUndefined();
    expect(await db.passages.count()).toBe(next.passages.length);
    expect(await seededVersion(db)).toBe(next.version);
  });

  it('never touches the reader’s highlights', async () => {
    fresh();
    await db.highlights.put(highlight);
    await seedKnowledgeBase(db, fixtureKb);
    await seedKnowledgeBase(db, nextVersionOf(fixtureKb));
    expect(await db.highlights.toArray()).toEqual([highlight]);
    expect(await db.highlights.where('entities').equals('mustafa-al-kadhimi').count()).toBe(1);
  });

  it('leaves the previous version whole when a seed fails half-way', async () => {
    fresh();
    await seedKnowledgeBase(db, fixtureKb);
    const broken = { ...nextVersionOf(fixtureKb), passages: [{ id: undefined }] } as unknown as typeof fixtureKb;
    await expect(seedKnowledgeBase(db, broken)).rejects.toThrow();
    expect(await seededVersion(db)).toBe(fixtureKb.version);
    expect(await db.entities.count()).toBe(fixtureKb.entities.length);
    expect((await db.entities.get('basra'))?.name).toBe('Basra');
  });
});
