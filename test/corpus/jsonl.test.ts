// A .jsonl collection: every good line a document with its metadata, every bad line refused by
// its number with the reason, none lost silently.
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../lib/corpus/jsonl';
import { MAX_JSONL_LINES } from '../../lib/corpus/limits';
import { fixtureText } from './saved-pages';

describe('readJsonl', () => {
  it('keeps the good lines and refuses the bad ones by line number', () => {
    const { documents, refused } = readJsonl(fixtureText('files/articles.jsonl'), 'articles.jsonl');
    expect(documents.map((d) => d.origin)).toEqual([1, 2, 6].map((line) => ({ kind: 'file', name: 'articles.jsonl', format: 'jsonl', line })));
    expect(documents[0]).toMatchObject({
      title: 'US and Iraq open strategic dialogue',
      url: 'https://www.example-wire.example/2020/06/11/talks-open',
      domain: 'example-wire.example',
      outlet: 'Example Wire',
      published: '2020-06-11',
    });
    expect(documents[0]!.paragraphs).toHaveLength(2);
    // Null fields are absent ones; single newlines separate paragraphs when there is no blank line.
    expect(documents[1]).not.toHaveProperty('url');
    expect(documents[1]!.paragraphs).toHaveLength(2);
    // Extra fields (id, tags) are ignored; author is read.
    expect(documents[2]).toMatchObject({ byline: 'Maha Saleh', published: '2020-06-15' });

    expect(refused).toEqual([
      { name: 'articles.jsonl', line: 3, reason: expect.stringMatching(/^not valid JSON \(/) },
      { name: 'articles.jsonl', line: 4, reason: '"text" is missing or empty' },
      { name: 'articles.jsonl', line: 7, reason: '"url" "ftp://files.example/article.txt" is not a web address' },
    ]);
  });

  it('says what is wrong with a line in the reader’s words', () => {
    const lines = [
      '[1, 2, 3]',
      '{"title": 7, "text": "Some article text of a reasonable length."}',
      '{"title": "T", "text": "Some article text of a reasonable length.", "published": "last week"}',
      `{"title": "T", "text": "${'word '.repeat(50_000)}"}`,
    ];
    expect(readJsonl(lines.join('\n'), 'x.jsonl').refused.map((r) => r.reason)).toEqual([
      'the line is not a JSON object',
      '"title" must be text',
      '"published" "last week" is not a date like 2020-06-11',
      expect.stringMatching(/^the text is longer than 200,000 characters/),
    ]);
  });

  it(`reads at most ${MAX_JSONL_LINES.toLocaleString('en-US')} lines and says how many it left`, () => {
    const line = '{"title": "T", "text": "The talks opened on Thursday by video link, officials said."}';
    const { documents, refused } = readJsonl(Array(MAX_JSONL_LINES + 3).fill(line).join('\n'), 'big.jsonl');
    expect(documents).toHaveLength(MAX_JSONL_LINES);
    expect(refused).toEqual([{ name: 'big.jsonl', line: MAX_JSONL_LINES + 1, reason: expect.stringContaining('the 3 from here on were not') }]);
  });
});
