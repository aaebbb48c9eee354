// The block cleaner for extracted articles: the chrome rules of the seeds' cleaner, applied with
// what the page's structure tells (a heading, a list item, a link), and without the flat
// capture's assumptions (a "Read more" between paragraphs does not end the article).
import { describe, expect, it } from 'vitest';
import { cleanBlocks, type TextBlock } from '../../lib/corpus/clean';

const p = (text: string, linkShare = 0): TextBlock => ({ text, kind: 'paragraph', linkShare });
const SENTENCE = 'The prime minister said on Friday that no faction was above the law, whatever uniform it wore.';

describe('cleanBlocks', () => {
  it('drops a teaser between paragraphs and keeps the article after it', () => {
    const cleaned = cleanBlocks([p(SENTENCE), p('READ MORE: Kadhimi names a new army chief', 0.8), p('The talks resume in July, officials said.')], 'Title');
    expect(cleaned.paragraphs).toEqual([SENTENCE, 'The talks resume in July, officials said.']);
    expect(cleaned.dropped).toEqual([{ line: 2, text: 'READ MORE: Kadhimi names a new army chief', reason: 'teaser' }]);
  });

  it('ends the article at a footer marker once text has been kept, not before', () => {
    const cleaned = cleanBlocks([p('Latest news'), p(SENTENCE), p('Tags: Iraq, Iran'), p('An unrelated teaser that would otherwise be kept as text.')], 'Title');
    expect(cleaned.paragraphs).toEqual([SENTENCE]);
    expect(cleaned.dropped.map((d) => d.reason)).toEqual(['teaser', 'footer', 'footer']);
  });

  it('a photo credit between paragraphs is a caption; a copyright line ends the article', () => {
    const cleaned = cleanBlocks([p(SENTENCE), p('© Reuters'), p('The talks resume in July, officials said.'), p('© 2020 The Outlet. All rights reserved.'), p(SENTENCE.replace('Friday', 'Monday'))], 'Title');
    expect(cleaned.paragraphs).toEqual([SENTENCE, 'The talks resume in July, officials said.']);
    expect(cleaned.dropped.map((d) => d.reason)).toEqual(['caption', 'footer', 'footer']);
  });

  it('drops headings, the title, bylines, captions and link-only lines; keeps short list items', () => {
    const cleaned = cleanBlocks(
      [
        { text: 'What is on the table', kind: 'heading', linkShare: 0 },
        p('Talks open in Baghdad'),
        p('By Sara Haddad'),
        p('Officials meet in Baghdad'),
        p(SENTENCE),
        p('Kadhimi names a new army chief, the first in years', 1),
        { text: 'Electricity.', kind: 'list-item', linkShare: 0 },
        { text: '• Salaries', kind: 'list-item', linkShare: 0 },
      ],
      'Talks open in Baghdad',
    );
    expect(cleaned.paragraphs).toEqual([SENTENCE, 'Electricity.', 'Salaries']);
    expect(cleaned.author).toBe('Sara Haddad');
    expect(cleaned.dropped.map((d) => d.reason)).toEqual(['heading', 'title', 'byline', 'caption', 'teaser']);
  });

  it('drops newsletter boxes, share and follow prompts, advertisement labels and pull-quote repeats', () => {
    const cleaned = cleanBlocks(
      [
        p(SENTENCE),
        p('Sign up for our daily newsletter with the stories that matter from Iraq.'),
        p('Share this article on Twitter and Facebook'),
        p('Follow us on Telegram for the latest updates'),
        p('Advertisement'),
        { text: SENTENCE, kind: 'quote', linkShare: 0 },
      ],
      'Title',
    );
    expect(cleaned.paragraphs).toEqual([SENTENCE]);
    expect(cleaned.dropped.map((d) => d.reason)).toEqual(['chrome', 'chrome', 'chrome', 'chrome', 'duplicate']);
  });

  it('keeps sentences that merely start like chrome', () => {
    const long = 'Related to the talks, the foreign minister said that the government would ask parliament to approve any agreement on the future of foreign troops before the end of the year, whatever the Americans proposed.';
    const newsletter = 'The militia’s newsletter, printed in Basra, called the talks a betrayal of the men who fought in 2014.';
    expect(cleanBlocks([p(long), p(newsletter)], 'Title').paragraphs).toEqual([long, newsletter]);
  });

  it('joins a sentence the layout broke across two paragraphs, as the seeds’ cleaner does', () => {
    const cleaned = cleanBlocks([p('James Jeffrey, the US special envoy for the coalition against ISIS,'), p('announced that the talks would begin in June.')], 'Title');
    expect(cleaned.paragraphs).toEqual(['James Jeffrey, the US special envoy for the coalition against ISIS, announced that the talks would begin in June.']);
  });
});
