/**
 * `npm run corpus -- --add DIR`: a folder of saved pages, text, Markdown, JSON Lines and packs
 * becomes one corpus pack, built in worker threads, the same whatever the number of workers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePack, serialisePack } from '../../lib/corpus/pack';
import { compileGazetteer } from '../../lib/kb/gazetteer';
import { createExtractor, extractDocument } from '../../lib/kb/extract';
import { PROJECT_ROOT, readCorpusInput, STARTER_PACK_FILE } from '../../scripts/build-corpus';
import { buildFolderPack, type FolderBuild } from '../../scripts/corpus/folder-pack';

const FOLDER = join(__dirname, '../fixtures/corpus');
const identity = { id: 'fixture-folder', title: 'Fixture folder', packVersion: 1 };

describe('building a pack from a folder', () => {
  let one: FolderBuild;
  let two: FolderBuild;
  beforeAll(async () => {
    const gazetteer = readCorpusInput();
    one = await buildFolderPack(FOLDER, { ...identity, gazetteer, workers: 1 });
    two = await buildFolderPack(FOLDER, { ...identity, gazetteer, workers: 2 });
  }, 60_000);

  it('gives the same pack with one worker and with two', () => {
    expect(one.workers).toBe(1);
    expect(two.workers).toBe(2);
    expect(serialisePack(two.pack!)).toBe(serialisePack(one.pack!));
    expect(two.refused).toEqual(one.refused);
    expect(two.duplicates).toEqual(one.duplicates);
  });

  it('writes a pack that import takes, stamped with the key the starter corpus has', () => {
    const parsed = parsePack(serialisePack(one.pack!));
    expect(parsed.ok).toBe(true);
    const starter = parsePack(readFileSync(join(PROJECT_ROOT, STARTER_PACK_FILE), 'utf8'));
    expect(starter.ok && one.pack!.derived!.extractionKey).toBe(starter.ok && starter.pack.derived!.extractionKey);
  });

  it('reads every kind of file, in the order the files are listed', () => {
    const origins = one.pack!.documents.map((d) => (d.origin?.kind === 'file' ? `${d.origin.format}:${d.origin.name}` : d.id));
    expect(origins).toEqual([
      'jsonl:files/articles.jsonl',
      'jsonl:files/articles.jsonl',
      'jsonl:files/articles.jsonl',
      'md:files/field-notes.md',
      'txt:files/hard-wrapped.txt',
      // The sample pack's two documents, as the pack has them (the first was a saved page once).
      'html:wordpress.html',
      'd-5c1e0b7a9f3d2e41',
      'html:saved-pages/amp.html',
      'html:saved-pages/minified.html',
      'html:saved-pages/news-graph.html',
    ]);
    expect(one.pack!.documents[5]!.id).toBe('rockets-test-kadhimi');
  });

  it('refuses bad files by name with the reason and builds the rest', () => {
    const refused = Object.fromEntries(one.refused.filter((r) => !r.line).map((r) => [r.name, r.reason]));
    expect(refused['files/photo.png']).toMatch(/\.png file is not something Backstory imports/);
    expect(refused['files/empty.txt']).toMatch(/empty/);
    expect(refused['files/blank.md']).toMatch(/empty/);
    expect(refused['packs/future-pack.json']).toMatch(/newer than this Backstory understands/);
    // A bad line of a .jsonl file is refused by its number; the file's other lines are built.
    expect(one.refused.filter((r) => r.name === 'files/articles.jsonl').map((r) => r.line)).toEqual([3, 4, 7]);
    expect(one.pack!.documents.filter((d) => d.origin?.kind === 'file' && d.origin.name === 'files/articles.jsonl').length).toBeGreaterThan(0);
  });

  it('keeps a document once: a saved copy of a pack document is skipped and says which one it repeats', () => {
    expect(one.duplicates).toContainEqual(expect.objectContaining({ name: 'saved-pages/wordpress.html', of: 'rockets-test-kadhimi' }));
    const ids = one.pack!.documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the rows the device would extract itself', () => {
    const compiled = compileGazetteer(readCorpusInput());
    const extractor = createExtractor(compiled.matcher!, compiled.matcherInput);
    const doc = one.pack!.documents.find((d) => d.origin?.kind === 'file' && d.origin.name === 'saved-pages/news-graph.html')!;
    const own = extractDocument(doc, extractor);
    const { passages, mentions, fingerprints } = one.pack!.derived!;
    expect(passages.filter((p) => p.doc === doc.id)).toEqual(own.passages);
    expect(mentions.filter((m) => m.doc === doc.id)).toEqual(own.mentions);
    expect(fingerprints.find((f) => f.doc === doc.id)).toEqual(own.fingerprint);
    expect(own.mentions.length).toBeGreaterThan(0);
  });

  it('carries the perspectives a pack document is labelled with', () => {
    const labelled = one.pack!.documents.filter((d) => d.perspective);
    expect(labelled.length).toBeGreaterThan(0);
    for (const d of labelled) expect(one.pack!.perspectives.map((p) => p.id)).toContain(d.perspective);
  });
});
