// A draft crosses from a page's isolated world to the background and from the corpus page to
// the builder: whoever receives one checks it, and a hostile or broken one is refused whole.
import { describe, expect, it } from 'vitest';
import { applyEdits, checkDraft, draftEditsSchema, type DocumentDraft } from '../../lib/corpus/draft';
import { MAX_DOCUMENT_CHARS, MAX_PARAGRAPHS } from '../../lib/corpus/limits';
import * as v from 'valibot';

const good: DocumentDraft = {
  title: 'Talks open',
  paragraphs: ['The talks opened on Thursday.'],
  url: 'https://news.example/talks',
  domain: 'news.example',
  outlet: 'News',
  published: '2020-06-11',
  language: 'en',
  origin: { kind: 'page', url: 'https://news.example/talks' },
};

const reasonFor = (change: Record<string, unknown>) => {
  const checked = checkDraft({ ...good, ...change });
  return checked.ok ? 'accepted' : checked.reason;
};

describe('checkDraft', () => {
  it('accepts a well-formed draft, trimmed', () => {
    expect(checkDraft({ ...good, title: '  Talks open \n' })).toEqual({ ok: true, value: good });
  });

  it('refuses what a page could send to do harm or by mistake', () => {
    expect(reasonFor({ url: 'javascript:alert(1)' })).toBe('url: the address is not an http(s) URL');
    expect(reasonFor({ origin: { kind: 'page', url: 'chrome://settings' } })).toBe('origin.url: the address is not an http(s) URL');
    expect(reasonFor({ paragraphs: [] })).toBe('paragraphs has no article text');
    expect(reasonFor({ paragraphs: 'text' })).toBe('paragraphs is not a list of paragraphs');
    expect(reasonFor({ paragraphs: Array(MAX_PARAGRAPHS + 1).fill('x') })).toBe('paragraphs has more than 5,000 paragraphs');
    expect(reasonFor({ paragraphs: ['x'.repeat(MAX_DOCUMENT_CHARS + 1)] })).toMatch(/^the text is longer than 200,000 characters/);
    expect(reasonFor({ title: 'x'.repeat(501) })).toBe('title: the title is longer than 500 characters');
    expect(reasonFor({ published: 'June' })).toBe('published: the date is not like 2020, 2020-06 or 2020-06-11');
    expect(reasonFor({ perspective: 'Not An Id' })).toBe('perspective: the perspective is not an id like "iranian-state"');
    expect(reasonFor({ html: '<p>x</p>' })).toMatch(/^html/);
    expect(checkDraft(null)).toMatchObject({ ok: false });
  });
});

describe('the reader’s edits in the preview', () => {
  it('replace title, outlet, date and perspective, and nothing else', () => {
    const edits = v.parse(draftEditsSchema, { title: ' Better title ', perspective: 'iranian-state' });
    expect(applyEdits(good, edits)).toEqual({ ...good, title: 'Better title', perspective: 'iranian-state' });
    expect(v.safeParse(draftEditsSchema, { paragraphs: ['injected'] }).success).toBe(false);
  });
});
