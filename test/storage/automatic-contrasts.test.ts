/**
 * Automatic contrasts of the reader's own documents: added (Add this page), imported (Your
 * documents) or removed, the entities they touch get their contrasts computed again on the
 * device and stored; the card reads the stored ones; keep/dismiss survives recomputation and
 * travels in an exported pack. The documents are the starter corpus's real articles, added as the
 * reader's own from the outlets' sites (the starter corpus removed, so they are not duplicates).
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCardData } from '../../lib/card-data';
import { withDecision, type ReviewDecision } from '../../lib/contrasts/review';
import type { DocumentDraft } from '../../lib/corpus/draft';
import { parsePack } from '../../lib/corpus/pack';
import { packImportItems } from '../../lib/kb/import-items';
import { SHIPPED_MATCHER_CONFIG } from '../../lib/kb/matcher-config';
import type { RecomputeReport } from '../../lib/storage/automatic-contrasts';
import { CorpusBuilder } from '../../lib/storage/corpus-builder';
import { currentLabels, openCorpusReader } from '../../lib/storage/corpus-reader';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { cardSource } from '../../lib/storage/kb-reader';
import { stripMarks } from '../../lib/stance-strip';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { EMPTY_READER_SOURCES, type ReaderSources } from '../../lib/recognition/sources';
import { starterPack } from './builder-fixture';

const US = 'united-states';
let n = 0;
const open: BackstoryDb[] = [];
let db: BackstoryDb;
beforeEach(() => {
  db = fresh();
});
afterEach(async () => {
  for (const d of open.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

function fresh(): BackstoryDb {
  const d = openBackstoryDb(`automatic-test-${++n}`);
  open.push(d);
  return d;
}

const sources = { shipped: shippedSources, edits: () => Promise.resolve(EMPTY_READER_SOURCES) };

function builderFor(d: BackstoryDb, imported: ReviewDecision[][] = [], reports: RecomputeReport[] = []): CorpusBuilder {
  return new CorpusBuilder({
    db: d,
    starterPack: () => Promise.resolve(starterPack),
    matcherConfig: SHIPPED_MATCHER_CONFIG,
    labels: () => currentLabels(d, sources),
    importedReviews: async (list) => void imported.push(list),
    onAutomatic: (r) => reports.push(r),
    onChange: () => undefined,
    onImportProgress: () => undefined,
  });
}

/** A starter article as the reader's own, from its outlet's site. */
function article(id: string, domain: string, outlet: string): DocumentDraft {
  const doc = starterPack.documents.find((d) => d.id === id)!;
  return { title: doc.title, paragraphs: doc.paragraphs, url: `https://${domain}/news/${id}`, domain, outlet, published: '2020-06', origin: { kind: 'page', url: `https://${domain}/news/${id}` } };
}
const NOUR = article('isis-revival', 'nournews.ir', 'Nour News');
const MEK = article('kadhimi-leaves-tehran', 'mek-iran.com', 'MEK-Iran.com');
const JPOST = article('iran-meddles', 'jpost.com', 'The Jerusalem Post');

async function emptied(builder: CorpusBuilder): Promise<void> {
  await builder.ready();
  await builder.setStarter(false);
  await builder.automaticSettled();
}

async function added(builder: CorpusBuilder, draft: DocumentDraft): Promise<string> {
  const outcome = await builder.addDraft(draft);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.row.id;
}

/** The automatic contrasts a card of the entity shows, with each position's outlet. */
async function cardContrasts(d: BackstoryDb, entity: string, decisions: readonly ReviewDecision[] = []) {
  const source = await cardSource(d, entity, await currentLabels(d, sources));
  const card = source ? buildCardData({ ...source, decisions }, entity, () => '') : null;
  return (card?.contrasts ?? []).filter((c) => c.origin === 'automatic').map((c) => ({ id: c.id, review: c.review, outlets: c.positions.map((p) => p.outlet).sort() }));
}

describe('recomputed on the device', () => {
  it('a contrast appears once two outlets account for the entity, quoting both, and the stance strip has both', async () => {
    const builder = builderFor(db);
    await emptied(builder);
    expect(await db.automatic.count()).toBe(0);
    const nour = await added(builder, NOUR);
    await builder.automaticSettled();
    expect(await cardContrasts(db, US)).toEqual([]);
    const mek = await added(builder, MEK);
    await builder.automaticSettled();
    const row = await db.automatic.get(US);
    expect(row?.docs).toEqual([mek, nour].sort());
    expect(row?.strip.map((m) => m.doc).sort()).toEqual([mek, nour].sort());
    const shown = await cardContrasts(db, US);
    expect(shown).toEqual([{ id: `auto-contrast:${US}:${[mek, nour].sort().join('+')}`, review: undefined, outlets: ['MEK-Iran.com', 'Nour News'] }]);
  });

  it('the entity view shows the stored contrasts and strip, the reader’s documents named', async () => {
    const builder = builderFor(db);
    await emptied(builder);
    const nour = await added(builder, NOUR);
    const mek = await added(builder, MEK);
    await builder.automaticSettled();
    // The records the popup's entity view is drawn from (entrypoints/popup/popup-knowledge.ts).
    const kb = (await cardSource(db, US, await currentLabels(db, sources), { accounts: 200 }))!;
    const entity = kb.entities.find((e) => e.id === US)!;
    expect(stripMarks(entity, kb).map((m) => [m.doc, m.outlet, m.perspective.id]).sort()).toEqual(
      [
        [mek, 'MEK-Iran.com', 'iranian-opposition'],
        [nour, 'Nour News', 'iranian-state'],
      ].sort(),
    );
    const card = buildCardData(kb, US, () => '', Infinity);
    expect((card?.contrasts ?? []).filter((c) => c.origin === 'automatic').map((c) => c.positions.map((p) => p.doc).sort())).toEqual([[mek, nour].sort()]);
  });

  it('an import computes the entities its documents touch after its writes', async () => {
    const reports: RecomputeReport[] = [];
    const builder = builderFor(db, [], reports);
    await emptied(builder);
    reports.length = 0;
    const items = [NOUR, MEK].map((draft, i) => ({ kind: 'draft' as const, name: `article-${i}.html`, draft }));
    const started = await builder.startImport(items.length);
    await builder.receive(started.id, items);
    await builder.endImport(started.id);
    await builder.kick();
    await builder.automaticSettled();
    // One recomputation for the whole import, not one per document.
    expect(reports).toHaveLength(1);
    expect(reports[0]!.read).toBe(2);
    expect((await cardContrasts(db, US)).map((c) => c.outlets)).toEqual([['MEK-Iran.com', 'Nour News']]);
  });

  it('removing a document takes its contrasts and marks away', async () => {
    const builder = builderFor(db);
    await emptied(builder);
    const nour = await added(builder, NOUR);
    const mek = await added(builder, MEK);
    await builder.automaticSettled();
    expect(await cardContrasts(db, US)).toHaveLength(1);
    await builder.remove([mek]);
    await builder.automaticSettled();
    expect(await cardContrasts(db, US)).toEqual([]);
    expect((await db.automatic.get(US))?.docs).toEqual([nour]);
    expect(await db.automatic.where('docs').equals(mek).count()).toBe(0);
    await builder.remove([nour]);
    await builder.automaticSettled();
    expect(await db.automatic.get(US)).toBeUndefined();
  });

  it('a dismissed contrast stays dismissed when a new document makes the entity computed again', async () => {
    const builder = builderFor(db);
    await emptied(builder);
    await added(builder, NOUR);
    await added(builder, MEK);
    await builder.automaticSettled();
    const [first] = (await db.automatic.get(US))!.contrasts;
    const decisions = withDecision([], first!, 'dismissed', new Date('2026-01-01T00:00:00Z'));
    expect((await cardContrasts(db, US, decisions)).map((c) => c.id)).not.toContain(first!.id);
    await added(builder, JPOST);
    await builder.automaticSettled();
    const stored = (await db.automatic.get(US))!;
    expect(stored.contrasts.map((c) => c.id)).toContain(first!.id);
    expect((await cardContrasts(db, US, decisions)).map((c) => c.id)).not.toContain(first!.id);
    const kept = withDecision([], first!, 'kept', new Date('2026-01-02T00:00:00Z'));
    expect((await cardContrasts(db, US, kept)).find((c) => c.id === first!.id)?.review).toBe('kept');
  });

  it('flags two documents that give different dates for the same event, and the card quotes both as found automatically', async () => {
    const builder = builderFor(db);
    await emptied(builder);
    const jpost = await added(builder, JPOST);
    await added(builder, article('iran-terrified-talks', 'iran-news-digest.org', 'Iran News Digest'));
    await builder.automaticSettled();
    const dialogue = 'us-iraq-strategic-dialogue';
    const source = await cardSource(db, dialogue, await currentLabels(db, sources));
    const card = buildCardData(source!, dialogue, () => '')!;
    const found = (card.disagreements ?? []).filter((d) => d.origin === 'automatic');
    expect(found.map((d) => d.question)).toEqual([expect.stringMatching(/^Documents give different dates/)]);
    expect(found[0]!.claims.map((c) => [c.outlet, c.claim]).sort()).toEqual([
      // An outlet the registry does not label is named with its domain; the claim says whose it is.
      ['Iran News Digest (iran-news-digest.org)', 'June 10 (as Kayhan has it)'],
      ['The Jerusalem Post', 'June 11'],
    ]);
    // Removing one of them takes the disagreement away.
    await builder.remove([jpost]);
    await builder.automaticSettled();
    const after = buildCardData((await cardSource(db, dialogue, await currentLabels(db, sources)))!, dialogue, () => '')!;
    expect((after.disagreements ?? []).filter((d) => d.origin === 'automatic')).toEqual([]);
  });

  it('computes the starter corpus at install, reading its documents once, and keeps their readings for the next change', async () => {
    const reports: RecomputeReport[] = [];
    const builder = builderFor(db, [], reports);
    await builder.ready();
    await builder.automaticSettled();
    // The install computes every entity the starter corpus's documents touch, reading each once.
    expect(reports).toHaveLength(1);
    expect(reports[0]!.read).toBe(await db.documents.count());
    expect(await db.automatic.count()).toBeGreaterThan(0);
    const note = (title: string, domain: string, paragraphs: string[]): DocumentDraft => ({ title, paragraphs, url: `https://${domain}/n/${title.length}`, domain, outlet: domain, origin: { kind: 'page', url: `https://${domain}/n/${title.length}` } });
    await added(builder, note('Washington and Baghdad resume talks', 'wire.example', [
      'The United States and Iraq resumed their strategic dialogue on Thursday, officials in Baghdad said.',
      'The United States has about 5,000 troops in Iraq, and the talks are expected to address their future.',
    ]));
    await builder.automaticSettled();
    // Only the new document is read: the starter corpus's readings are stored.
    expect(reports.at(-1)!.read).toBe(1);
    await added(builder, note('Iraqi parliament debates foreign forces', 'daily.example', [
      'Members of the Iraqi parliament debated on Sunday whether the United States should withdraw its forces from Iraq.',
    ]));
    await builder.automaticSettled();
    expect(reports.at(-1)!.read).toBe(1);
    expect(reports.at(-1)!.entities).toBeGreaterThan(0);
  });
});

describe('outlets labelled by the reader', () => {
  it('a contrast with an outlet labelled only now appears once it is labelled, without reading anything again', async () => {
    let edits: ReaderSources = EMPTY_READER_SOURCES;
    const labelled = { shipped: shippedSources, edits: () => Promise.resolve(edits) };
    const reports: RecomputeReport[] = [];
    const builder = new CorpusBuilder({
      db,
      starterPack: () => Promise.resolve(starterPack),
      matcherConfig: SHIPPED_MATCHER_CONFIG,
      labels: () => currentLabels(db, labelled),
      onAutomatic: (r) => reports.push(r),
      onChange: () => undefined,
      onImportProgress: () => undefined,
    });
    await emptied(builder);
    await added(builder, NOUR);
    // The same Iranian-opposition article on a site no registry knows: unlabelled, in no contrast.
    await added(builder, { ...MEK, url: 'https://mirror.example/iraqi-pm-departs-tehran', domain: 'mirror.example', outlet: 'Mirror' });
    await builder.automaticSettled();
    expect(await cardContrasts(db, US)).toEqual([]);
    edits = { sources: [{ domain: 'mirror.example', outlet: 'Mirror', perspective: 'iranian-opposition' }], removed: [] };
    await builder.relabelled(['mirror.example']);
    await builder.automaticSettled();
    expect(reports.at(-1)!.read).toBe(0);
    const source = await cardSource(db, US, await currentLabels(db, labelled));
    const card = source ? buildCardData(source, US, () => '') : null;
    expect((card?.contrasts ?? []).filter((c) => c.origin === 'automatic').map((c) => c.positions.map((p) => p.outlet).sort())).toEqual([['Mirror', 'Nour News']]);
  });
});

describe('decisions travel in exported packs', () => {
  it('exports the reader’s verdicts with the documents; importing them elsewhere leaves the dismissed contrast off the card there', async () => {
    const builder = builderFor(db);
    await emptied(builder);
    await added(builder, NOUR);
    await added(builder, MEK);
    await builder.automaticSettled();
    const [contrast] = (await db.automatic.get(US))!.contrasts;
    const reviews = withDecision([], contrast!, 'dismissed', new Date('2026-01-01T00:00:00Z'));
    const exported = await openCorpusReader(db, { ...sources, reviews: () => Promise.resolve(reviews) }).exportPack();
    const parsed = parsePack(exported.text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.pack.decisions?.contrasts).toEqual(reviews);

    const other = fresh();
    const imported: ReviewDecision[][] = [];
    const elsewhere = builderFor(other, imported);
    await emptied(elsewhere);
    const items = packImportItems(parsed.pack, exported.filename);
    const started = await elsewhere.startImport(items.length);
    await elsewhere.receive(started.id, items);
    await elsewhere.endImport(started.id);
    await elsewhere.kick();
    await elsewhere.automaticSettled();
    expect(imported).toEqual([reviews]);
    // The same documents give the same contrast there, and the imported verdict applies to it.
    expect((await cardContrasts(other, US)).map((c) => c.id)).toEqual([contrast!.id]);
    expect(await cardContrasts(other, US, imported.flat())).toEqual([]);
  });
});
