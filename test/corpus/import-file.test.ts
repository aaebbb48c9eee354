// The import of *Your documents*, file by file and as one batch: what a reader dropped comes
// back as documents and packs, and every file that is not taken is named with the reason.
import { describe, expect, it } from 'vitest';
import { IMPORT_ACCEPT, parseImport, parseImportFile, type ImportFile } from '../../lib/corpus/import-file';
import { MAX_DOCUMENTS_PER_IMPORT, MAX_HTML_FILE_BYTES, MAX_TEXT_FILE_BYTES } from '../../lib/corpus/limits';
import { fixtureBytes, fixtureText, parseHtml } from './saved-pages';

const options = { parseHtml };
const file = (name: string, path = name): ImportFile => ({ name, content: fixtureBytes(path) });

describe('parseImportFile', () => {
  it('reads each kind of file by its extension', () => {
    const html = parseImportFile('wordpress.html', fixtureBytes('saved-pages/wordpress.html'), options);
    expect(html.documents).toHaveLength(1);
    expect(html.documents[0]).toMatchObject({ outlet: 'Tigris Monitor', origin: { kind: 'file', name: 'wordpress.html', format: 'html' } });
    expect(parseImportFile('SAVED.HTM', fixtureBytes('saved-pages/amp.html'), options).documents[0]!.title).toMatch(/^Six years after/);

    const txt = parseImportFile('hard-wrapped.txt', fixtureBytes('files/hard-wrapped.txt'), options).documents[0]!;
    expect(txt).toMatchObject({ title: "Iraq's militias and the price of a truce", byline: 'Karim Nasser', origin: { format: 'txt' } });
    expect(txt).not.toHaveProperty('url');

    const md = parseImportFile('field-notes.md', fixtureBytes('files/field-notes.md'), options).documents[0]!;
    expect(md).toMatchObject({
      url: 'https://www.example-notes.example/posts/baghdad-talks-street',
      domain: 'example-notes.example',
      outlet: 'Field Notes',
      byline: 'Leila Mansour',
      published: '2020-06-14',
    });

    const jsonl = parseImportFile('articles.jsonl', fixtureBytes('files/articles.jsonl'), options);
    expect([jsonl.documents.length, jsonl.refused.length]).toEqual([3, 3]);

    const pack = parseImportFile('sample-pack.json', fixtureBytes('packs/sample-pack.json'), options);
    expect(pack.documents).toEqual([]);
    expect(pack.packs.map((p) => [p.id, p.packVersion, p.documents.length])).toEqual([['iraq-june-2020-sample', 2, 2]]);
  });

  it('takes text already decoded as well as bytes', () => {
    expect(parseImportFile('wordpress.html', fixtureText('saved-pages/wordpress.html'), options).documents[0]!.byline).toBe('Sara Haddad');
  });

  it('refuses binary, empty, unknown and oversized files by name, with a reason a reader understands', () => {
    const refused = (name: string, content: Uint8Array | string) => parseImportFile(name, content, options).refused;
    expect(refused('photo.png', fixtureBytes('files/photo.png'))).toEqual([
      { name: 'photo.png', reason: expect.stringMatching(/^a \.png file is not something Backstory imports \(it takes \.html, \.htm, \.txt, \.md, \.jsonl/) },
    ]);
    expect(refused('photo.txt', fixtureBytes('files/photo.png'))).toEqual([{ name: 'photo.txt', reason: 'the file is an image (PNG), not text' }]);
    expect(refused('empty.txt', fixtureBytes('files/empty.txt'))).toEqual([{ name: 'empty.txt', reason: 'the file is empty' }]);
    expect(refused('blank.md', fixtureBytes('files/blank.md'))).toEqual([{ name: 'blank.md', reason: 'the file is empty' }]);
    expect(refused('README', 'text')).toEqual([{ name: 'README', reason: expect.stringMatching(/^a file without an extension is not/) }]);
    expect(refused('big.txt', new Uint8Array(MAX_TEXT_FILE_BYTES + 1).fill(0x61))).toEqual([
      { name: 'big.txt', reason: 'the file is 2.1 MB, larger than the 2 MB Backstory imports for a text file' },
    ]);
    expect(refused('huge.html', 'é'.repeat(MAX_HTML_FILE_BYTES / 2 + 1))).toEqual([
      { name: 'huge.html', reason: 'the file is 10.1 MB, larger than the 10 MB Backstory imports for a saved page' },
    ]);
    expect(refused('settings.json', '{"theme": "dark"}')).toEqual([{ name: 'settings.json', reason: expect.stringMatching(/^the file is JSON but not a Backstory corpus pack/) }]);
    expect(refused('future.json', fixtureBytes('packs/future-pack.json'))).toEqual([{ name: 'future.json', reason: expect.stringMatching(/^pack version 3 is newer/) }]);
    expect(refused('login.html', '<!doctype html><title>Sign in</title><form><input name="user"></form>')).toEqual([
      { name: 'login.html', reason: 'no article text was found on the page' },
    ]);
  });

  it('tells the picker which files it accepts, from the same table', () => {
    expect(IMPORT_ACCEPT.split(',')).toEqual(expect.arrayContaining(['.html', '.htm', '.txt', '.md', '.jsonl', '.json']));
  });
});

describe('parseImport', () => {
  const folder: ImportFile[] = [
    file('wordpress.html', 'saved-pages/wordpress.html'),
    file('news-graph.html', 'saved-pages/news-graph.html'),
    file('photo.png', 'files/photo.png'),
    file('articles.jsonl', 'files/articles.jsonl'),
    file('empty.txt', 'files/empty.txt'),
  ];

  it('a folder: every document in order, every refusal named, progress after each file', async () => {
    const progress: number[] = [];
    const result = await parseImport(folder, { ...options, onProgress: (p) => progress.push(p.done / p.total) });
    expect(result.documents.map((d) => d.title)).toEqual([
      'Rocket attacks test Kadhimi’s promise to rein in armed factions',
      'What Baghdad and Washington agreed in the first round of talks',
      'US and Iraq open strategic dialogue',
      'Rockets land near Baghdad airport',
      'Salaries delayed as oil income falls',
    ]);
    expect(result.refused.map((r) => (r.line ? `${r.name}:${r.line}` : r.name))).toEqual(['photo.png', 'articles.jsonl:3', 'articles.jsonl:4', 'articles.jsonl:7', 'empty.txt']);
    expect(progress).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('stops when cancelled and says which files were not read', async () => {
    const controller = new AbortController();
    const result = await parseImport(folder, { ...options, signal: controller.signal, onProgress: (p) => p.done === 2 && controller.abort() });
    expect(result.documents).toHaveLength(2);
    expect(result.refused.map((r) => r.name)).toEqual(['photo.png', 'articles.jsonl', 'empty.txt']);
    expect(result.refused[0]!.reason).toBe('the import was cancelled before this file was read');
  });

  it(`refuses documents past ${MAX_DOCUMENTS_PER_IMPORT.toLocaleString('en-US')} in one import by name and line`, async () => {
    const line = '{"title": "T", "text": "The talks opened on Thursday by video link, officials said."}';
    const many = (n: number) => Array(n).fill(line).join('\n');
    const result = await parseImport(
      [
        { name: 'a.jsonl', content: many(MAX_DOCUMENTS_PER_IMPORT - 1) },
        { name: 'b.jsonl', content: many(3) },
      ],
      options,
    );
    expect(result.documents).toHaveLength(MAX_DOCUMENTS_PER_IMPORT);
    expect(result.refused).toEqual([2, 3].map((line) => ({ name: 'b.jsonl', line, reason: expect.stringMatching(/^one import takes at most 10,000 documents/) })));
  });

  it('keeps one limit across calls when the page reads a drop a file at a time', async () => {
    const line = '{"title": "T", "text": "The talks opened on Thursday by video link, officials said."}';
    const result = await parseImport([{ name: 'c.jsonl', content: [line, line, line].join('\n') }], {
      ...options,
      alreadyTaken: MAX_DOCUMENTS_PER_IMPORT - 1,
    });
    expect(result.documents).toHaveLength(1);
    expect(result.refused.map((r) => r.line)).toEqual([2, 3]);
  });
});
