// Lookup's documents and passages from the live knowledge base: a document added a moment ago is
// found by its title and by words of its passages (the last word typed as a prefix), each
// paragraph once, with what matched marked; a removed one is found no more.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchCorpus } from '../../lib/storage/corpus-search';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { newBuilder } from './builder-fixture';

let db: BackstoryDb;
let n = 0;
beforeEach(() => {
  db = openBackstoryDb(`corpus-search-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const DRAFT = {
  title: 'Rocket lands near US embassy in Baghdad’s Green Zone',
  paragraphs: [
    'At least four Katyusha rockets have been fired at the US embassy in Baghdad’s heavily fortified Green Zone, according to media reports.',
    'The US embassy’s missile defense system has apparently failed to intercept the rocket, sources say.',
  ],
  outlet: 'Press TV',
  published: '2020-08-16',
  origin: { kind: 'file' as const, name: 'presstv.txt', format: 'txt' as const },
};

describe('searchCorpus', () => {
  it('finds an added document by its title and its passages by their words, the last one a prefix', async () => {
    const builder = newBuilder(db);
    const added = await builder.addDraft(DRAFT);
    expect(added.ok).toBe(true);
    const id = added.ok ? added.row.id : '';

    const byTitle = await searchCorpus(db, 'green zone embassy');
    expect(byTitle.find((r) => r.kind === 'document')).toMatchObject({ id, title: DRAFT.title, outlet: 'Press TV' });

    const byWords = await searchCorpus(db, 'missile defense syst');
    const passage = byWords.find((r) => r.kind === 'passage');
    expect(passage).toMatchObject({ doc: id, outlet: 'Press TV' });
    expect(passage?.kind === 'passage' && passage.excerpt).toContain('missile defense system');
    expect(passage?.kind === 'passage' && passage.excerptSpans.length).toBeGreaterThan(0);

    await builder.remove([id]);
    expect((await searchCorpus(db, 'missile defense syst')).filter((r) => r.kind === 'passage' && r.doc === id)).toEqual([]);
  });

  it('finds the starter corpus’s passages too, and nothing for words nobody wrote', async () => {
    const builder = newBuilder(db);
    await builder.ready();
    expect((await searchCorpus(db, 'strategic dialogue')).some((r) => r.kind === 'passage')).toBe(true);
    expect(await searchCorpus(db, 'zzqx wrrbl')).toEqual([]);
    expect(await searchCorpus(db, '   ')).toEqual([]);
  });
});

/** A document of the reader's: its own words (none the starter corpus has), its date. */
const draft = (title: string, paragraphs: string[], published: string, slug: string) => ({
  title,
  paragraphs,
  outlet: 'Valley Courier',
  url: `https://courier.example/${slug}`,
  published,
  origin: { kind: 'file' as const, name: `${slug}.txt`, format: 'txt' as const },
});

describe('searchCorpus ranking', () => {
  it('puts the passage holding the words as a phrase first, then the one with them close, then scattered', async () => {
    const builder = newBuilder(db);
    const added = await Promise.all([
      builder.addDraft(draft('Council notes', [
        'The turbine crews spent the winter repairing roads, and months later engineers surveyed the glacier above the town.',
      ], '2021-03-01', 'a-scattered')),
      builder.addDraft(draft('Council minutes', ['Engineers said the glacier near the turbine site is retreating.'], '2021-03-02', 'b-close')),
      builder.addDraft(draft('Council report', ['Residents voted on the glacier turbine proposal on Tuesday.'], '2021-01-05', 'c-phrase')),
    ]);
    const [scattered, close, phrase] = added.map((a) => (a.ok ? a.row.id : ''));
    const passages = (await searchCorpus(db, 'glacier turbine')).filter((r) => r.kind === 'passage');
    expect(passages.map((p) => p.kind === 'passage' && p.doc)).toEqual([phrase, close, scattered]);
    // The scores say the same order (the popup lists them as given).
    expect(passages.map((p) => p.score)).toEqual([...passages.map((p) => p.score)].sort((a, b) => b - a));
  });

  it('lists documents whose title holds the words as a phrase first, the newer first on a tie', async () => {
    const builder = newBuilder(db);
    const body = (n: number) => [`Minutes of meeting ${n} were read aloud and approved without comment by everyone present.`];
    const added = await Promise.all([
      builder.addDraft(draft('Turbine plans reach the glacier valley', body(1), '2022-06-01', 'd-title-apart')),
      builder.addDraft(draft('Glacier turbine approved', body(2), '2019-02-01', 'e-title-old')),
      builder.addDraft(draft('Glacier turbine opens', body(3), '2023-09-01', 'f-title-new')),
    ]);
    const [apart, older, newer] = added.map((a) => (a.ok ? a.row.id : ''));
    const documents = (await searchCorpus(db, 'glacier turb')).filter((r) => r.kind === 'document');
    expect(documents.map((d) => d.id)).toEqual([newer, older, apart]);
  });
});
