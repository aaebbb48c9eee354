/**
 * Names learned from the reader's documents, wired into the builder over a real
 * (fake-indexeddb) database and the real starter pack: two real articles naming Iraq's speaker
 * (whom the seeds never name) in two spellings are imported; the builder learns him as one
 * entity, stores him, rebuilds the matcher with his names (tabs are told to rescan), and his
 * card quotes the articles' defining phrase with its cite and lists the accounts by
 * perspective. The reader's rejection unmarks him, survives the articles being removed and
 * imported again, and travels in an exported pack to another device.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCardData } from '../../lib/card-data';
import { parsePack, serialisePack } from '../../lib/corpus/pack';
import { loadMatcher, type Matcher } from '../../lib/engine/matcher';
import type { MatcherData } from '../../lib/engine/types';
import { spotText } from '../../lib/engine/evidence';
import { packImportItems } from '../../lib/kb/import-items';
import { LEARNED_SUMMARY } from '../../lib/names/entries';
import { EMPTY_READER_SOURCES } from '../../lib/recognition/sources';
import { corpusPack, openCorpusReader } from '../../lib/storage/corpus-reader';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { cardSource } from '../../lib/storage/kb-reader';
import { readNames } from '../../lib/storage/name-learning';
import { shippedSources } from '../../lib/storage/shipped-sources';
import type { Knowledge } from '../../entrypoints/background/knowledge';
import { createNamesHandlers, listLearnedNames } from '../../entrypoints/background/names-handlers';
import { newBuilder, type BuilderUnderTest } from './builder-fixture';
import { HALBOOSI_ARTICLES } from './learned-names.fixture';

let dbs: BackstoryDb[] = [];
let n = 0;
const open = () => {
  const db = openBackstoryDb(`name-learning-${++n}`);
  dbs.push(db);
  return db;
};
beforeEach(() => {
  dbs = [];
});
afterEach(async () => {
  for (const db of dbs) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const labels = (db: BackstoryDb) => openCorpusReader(db, { shipped: shippedSources, edits: () => Promise.resolve(EMPTY_READER_SOURCES) }).labels();

async function importArticles(builder: BuilderUnderTest): Promise<void> {
  const start = await builder.startImport(HALBOOSI_ARTICLES.length, 'dev articles');
  await builder.receive(
    start.id,
    HALBOOSI_ARTICLES.map((draft) => ({ kind: 'draft' as const, name: draft.origin.kind === 'file' ? draft.origin.name : draft.title, draft })),
  );
  await builder.endImport(start.id);
  await builder.kick();
  await builder.learned();
}

async function storedMatcher(db: BackstoryDb): Promise<Matcher> {
  return loadMatcher((await db.meta.get('matcher'))!.value as never);
}

/** The entity ids the matcher marks in `text`, each with the words marked. */
function marks(matcher: Matcher, text: string): { entity: string; text: string }[] {
  return spotText(matcher, text).map((m) => ({ entity: matcher.entities[m.entity]!.id, text: text.slice(m.start, m.end) }));
}

const PAGE = 'The parliament re-elected Sunni Muslim lawmaker Mohammed al-Halbousi as its speaker. Al-Halboosi thanked the deputies.';

async function speaker(db: BackstoryDb) {
  const names = await listLearnedNames(db);
  return names.find((e) => e.forms.some((f) => /Halbousi/.test(f.text)) && !e.known && !e.rejected);
}

describe('learning names after an import', () => {
  it('learns the speaker as one entity from both spellings, marks him on a page, and cards him from the articles', async () => {
    const db = open();
    const builder = newBuilder(db);
    await builder.ready();
    const before = await storedMatcher(db);
    expect(marks(before, PAGE)).toEqual([]);

    await importArticles(builder);
    const learned = await speaker(db);
    expect(learned, 'learned').toBeDefined();
    const texts = learned!.forms.map((f) => f.text);
    expect(texts).toEqual(expect.arrayContaining(['Mohammad al-Halboosi', 'Mohammed al-Halbousi']));
    expect(learned!.documentCount).toBe(2);
    expect(learned!.active).toBe(true);
    // Listed with its documents by title.
    expect(learned!.documents.map((d) => d.title).sort()).toEqual(HALBOOSI_ARTICLES.map((a) => a.title).sort());

    // The matcher was rebuilt with his names, and the tabs told to rescan.
    expect(builder.changes.some((c) => c.matcherChanged)).toBe(true);
    const after = await storedMatcher(db);
    const found = marks(after, PAGE);
    expect(found.map((m) => m.text)).toEqual(['Mohammed al-Halbousi', 'Al-Halboosi']);
    expect(new Set(found.map((m) => m.entity))).toEqual(new Set([learned!.id]));

    // His card: learned from your documents, the defining phrase quoted and cited, the accounts by perspective.
    const source = await cardSource(db, learned!.id, await labels(db));
    const card = buildCardData(source!, learned!.id, (doc, passage) => `reader.html?doc=${doc}&passage=${passage}`)!;
    expect(card.summary).toMatch(new RegExp(`^${LEARNED_SUMMARY}: named in 2 documents\\.$`));
    expect(card.background.length).toBeGreaterThan(0);
    const cited = card.background[0]!;
    expect(cited.text).toMatch(/Halb[oa]+si/i);
    // Cited to an imported article's paragraph ("doc:paragraph"), whose text holds the phrase.
    const [doc, para] = cited.cites[0]!.split(':');
    const row = await db.documents.get(doc!);
    expect(row?.pack).toBeUndefined();
    expect((await db.texts.get(doc!))!.paragraphs[Number(para) - 1]).toContain(cited.text);
    // Shown before the accounts with its document's title and paragraph, linking to that paragraph.
    expect(card.learned?.definitions[0]).toEqual({
      text: cited.text,
      doc,
      title: row!.title,
      outlet: row!.outlet,
      paragraph: Number(para),
      readerUrl: `reader.html?doc=${doc}&passage=${doc}:${para}:0`,
    });
    // Its accounts, one per article, by perspective (the articles are unlabelled: one group).
    expect(card.accounts.map((a) => a.doc).sort()).toEqual((await db.documents.toArray()).filter((d) => !d.pack).map((d) => d.id).sort());
    expect(card.accounts.every((a) => a.perspective.label !== '')).toBe(true);
  });

  it('keeps marking institutions by their common noun and events by their cues once names are learned', async () => {
    const db = open();
    const builder = newBuilder(db);
    await builder.ready();
    const page =
      'In Iraq, the parliament voted to expel US troops after the drone strike that killed Qasem Soleimani. ' +
      'Speaker Mohammed al-Halbousi opened the session.';
    const curatedOnly = marks(await storedMatcher(db), page).map((m) => `${m.text}=${m.entity}`);
    // What the curated names mark on this page: the noun and the events found by their cues among them.
    expect(curatedOnly).toEqual(expect.arrayContaining(['parliament=iraqi-parliament', 'drone strike=killing-of-soleimani']));

    await importArticles(builder);
    expect(builder.changes.some((c) => c.matcherChanged)).toBe(true);
    const learned = marks(await storedMatcher(db), page).map((m) => `${m.text}=${m.entity}`);
    // Everything the curated names marked, and the speaker besides.
    expect(learned).toEqual(expect.arrayContaining(curatedOnly));
    expect(learned.some((m) => m.startsWith('Mohammed al-Halbousi=learned:'))).toBe(true);

    // A database whose matcher was learned before the rules were kept gets them back when the builder starts.
    const { eventCues: _e, countries: _c, institutionNouns: _i, ...bare } = (await db.meta.get('matcher'))!.value as MatcherData;
    const curated = (await db.names.get('curated'))!.value as { input: unknown; key: string };
    await db.meta.put({ key: 'matcher', value: bare });
    await db.names.put({ key: 'curated', value: { input: curated.input, key: curated.key } as never });
    expect(marks(await storedMatcher(db), page).map((m) => m.text)).not.toContain('parliament');
    const restarted = newBuilder(db);
    await restarted.ready();
    await restarted.learned();
    await restarted.kick();
    await restarted.automaticSettled();
    expect(marks(await storedMatcher(db), page).map((m) => `${m.text}=${m.entity}`)).toEqual(learned);
  });

  it('after learning, reads again only the documents that hold a changed name; the others keep their rows', async () => {
    const db = open();
    const reports: { read: number; restamped: number }[] = [];
    const builder = newBuilder(db, undefined, undefined, undefined, { onReextracted: (r) => reports.push(r) });
    await builder.ready();
    await builder.automaticSettled();
    const seeds = (await db.documents.toArray()).map((d) => d.id);
    const rowsOf = async (doc: string) => (await db.mentions.where('doc').equals(doc).toArray()).map((m) => `${m.entity}×${m.count}`).sort();
    const before = new Map(await Promise.all(seeds.map(async (id) => [id, await rowsOf(id)] as const)));
    const readingsBefore = new Map((await db.readings.bulkGet(seeds)).map((r, i) => [seeds[i]!, r]));

    await importArticles(builder);
    await builder.kick();
    const key = (await db.meta.get('extractionKey'))!.value;
    // Every document is stamped with the matcher that has the speaker's names.
    expect((await db.documents.toArray()).every((d) => d.extractionKey === key)).toBe(true);
    const restamped = reports.reduce((n, r) => n + r.restamped, 0);
    const read = reports.reduce((n, r) => n + r.read, 0);
    // No seed names anyone the articles taught: none is read again, their rows and kept readings stay;
    // the two articles are read again with the speaker's names.
    expect({ read, restamped }).toEqual({ read: HALBOOSI_ARTICLES.length, restamped: seeds.length });
    const learned = (await speaker(db))!;
    for (const id of seeds) expect(await rowsOf(id), id).toEqual(before.get(id));
    const kept = (await db.readings.bulkGet(seeds)).filter((r, i) => r && readingsBefore.get(seeds[i]!) && (r.contrasts as { extractionKey: string }).extractionKey === key);
    expect(kept.length).toBe(restamped);
    // The articles name him: read with his names.
    const articles = (await db.documents.toArray()).filter((d) => !d.pack);
    expect(articles).toHaveLength(HALBOOSI_ARTICLES.length);
    for (const doc of articles) {
      expect((await rowsOf(doc.id)).some((r) => r.startsWith(`${learned.id}×`)), doc.title).toBe(true);
    }
  });

  it('keeps a rejected name unmarked, after removing and importing the articles again, and in an exported pack', async () => {
    const db = open();
    const builder = newBuilder(db);
    await builder.ready();
    await importArticles(builder);
    const learned = (await speaker(db))!;

    const result = await builder.editName({ kind: 'reject', entity: { id: learned.id, keys: learned.forms.map((f) => f.key) } });
    expect(result?.matcherChanged).toBe(true);
    expect(marks(await storedMatcher(db), PAGE)).toEqual([]);
    expect(await db.entities.get(learned.id)).toBeUndefined();
    expect((await listLearnedNames(db)).find((e) => e.id === learned.id)?.rejected).toBe(true);

    // Removed and imported again: still rejected.
    await builder.remove((await db.documents.toArray()).filter((d) => !d.pack).map((d) => d.id));
    await builder.learned();
    await importArticles(builder);
    expect(marks(await storedMatcher(db), PAGE)).toEqual([]);
    expect(await speaker(db)).toBeUndefined();
    const rejected = (await listLearnedNames(db)).filter((e) => e.rejected);
    expect(rejected.map((e) => e.documentCount)).toEqual([2]);
    expect(rejected[0]!.forms.map((f) => f.text)).toEqual(expect.arrayContaining(['Mohammed al-Halbousi']));

    // Exported, and imported on another device: rejected there too.
    const pack = await corpusPack(db, EMPTY_READER_SOURCES);
    expect(pack.decisions?.learnedNames).toEqual([expect.objectContaining({ kind: 'reject' })]);
    const parsed = parsePack(serialisePack(pack));
    expect(parsed.ok ? "" : parsed.reason).toBe("");
    const other = open();
    const there = newBuilder(other);
    await there.ready();
    const items = packImportItems(parsed.ok ? parsed.pack : pack, 'my-documents.json');
    const start = await there.startImport(items.length, 'pack');
    await there.receive(start.id, items);
    await there.endImport(start.id);
    await there.kick();
    await there.learned();
    expect((await other.documents.toArray()).filter((d) => d.pack === 'my-documents')).toHaveLength(2);
    expect(marks(await storedMatcher(other), PAGE)).toEqual([]);
    expect((await readNames(other, 'state'))?.edits).toEqual(pack.decisions!.learnedNames);

    // Restored here: marked again.
    await builder.undoRejection(learned.forms.map((f) => f.key));
    expect(marks(await storedMatcher(db), PAGE).map((m) => m.text)).toEqual(['Mohammed al-Halbousi', 'Al-Halboosi']);
  });

  it('renames, retypes and splits a form off, and refuses an edit of a name it never learned', async () => {
    const db = open();
    const builder = newBuilder(db);
    await builder.ready();
    await importArticles(builder);
    const learned = (await speaker(db))!;
    const ref = { id: learned.id, keys: learned.forms.map((f) => f.key) };

    await builder.editName({ kind: 'rename', entity: ref, name: 'Mohamed al-Halbousi' });
    expect((await speaker(db))!.name).toBe('Mohamed al-Halbousi');
    expect((await db.entities.get(learned.id))!.name).toBe('Mohamed al-Halbousi');

    await builder.editName({ kind: 'retype', entity: ref, type: 'organization' });
    expect((await db.entities.get(learned.id))!.type).toBe('organization');

    const halboosi = learned.forms.find((f) => f.text === 'Mohammad al-Halboosi')!;
    await builder.editName({ kind: 'split', entity: ref, key: halboosi.key });
    const names = await listLearnedNames(db);
    const split = names.find((e) => e.forms.some((f) => f.key === halboosi.key))!;
    expect(split.id).not.toBe(learned.id);
    expect(names.find((e) => e.id === learned.id)!.forms.map((f) => f.key)).not.toContain(halboosi.key);

    // Through the message handler: an edit of a name never learned is refused with a reason, nothing changed.
    const handlers = createNamesHandlers({ db, builder, ready: () => Promise.resolve() } as unknown as Knowledge);
    const state = await readNames(db, 'state');
    const reply = await handlers['names/edit']({ edit: { kind: 'reject', entity: { id: 'learned:nobody', keys: ['nobody at all'] } } });
    expect(reply).toEqual({ ok: false, reason: expect.stringMatching(/has not learned that name/) });
    expect(await readNames(db, 'state')).toEqual(state);
  });
});
