// Plain text and Markdown articles: the title where a reader put it, paragraphs where the blank
// lines are, markup gone, and the chrome a copied page brings along dropped.
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../lib/corpus/markdown';
import { readPlainText, splitParagraphs, titleFromFileName } from '../../lib/corpus/plain-text';
import { fixtureText } from './saved-pages';

describe('readPlainText', () => {
  it('a hard-wrapped file: title from its first line, byline found, wrapped lines joined, footer dropped', () => {
    const article = readPlainText(fixtureText('files/hard-wrapped.txt'), { fileName: 'hard-wrapped.txt' });
    expect(article.title).toBe("Iraq's militias and the price of a truce");
    expect(article.author).toBe('Karim Nasser');
    expect(article.paragraphs).toHaveLength(3);
    expect(article.paragraphs[1]).toBe(
      'The arrangement, if it holds, would give Prime Minister Mustafa al-Kadhimi the quiet he needs before the next round of the strategic dialogue with Washington. It would also show how limited his room for manoeuvre is, barely two months after he promised to bring all weapons under the control of the state.',
    );
    expect(article.paragraphs.join(' ')).not.toMatch(/Read more|Basra/);
  });

  it('a capture with one paragraph per line and no blank line keeps its lines as paragraphs', () => {
    expect(splitParagraphs('First paragraph here.\nSecond paragraph here.\r\nThird.')).toEqual(['First paragraph here.', 'Second paragraph here.', 'Third.']);
  });

  it('a first line that reads like a sentence is text, and the file name is the title', () => {
    const article = readPlainText('The talks opened on Thursday, officials said.\n\nThey will resume in July, with a visit to Washington.', {
      fileName: 'notes/iraq_talks-2020-06.txt',
    });
    expect(article.title).toBe('iraq talks 2020 06');
    expect(article.paragraphs).toHaveLength(2);
    expect(titleFromFileName('.txt')).toBe('Untitled document');
  });

  it('a known title (a .jsonl line’s) is dropped where the text repeats it', () => {
    const article = readPlainText('Talks open\n\nThe talks opened on Thursday, officials said.', { title: 'Talks open', fileName: 'a.jsonl' });
    expect(article.paragraphs).toEqual(['The talks opened on Thursday, officials said.']);
  });
});

describe('readMarkdown', () => {
  it('reads front matter; strips headings, images, links, emphasis, code and footnotes to text', () => {
    const article = readMarkdown(fixtureText('files/field-notes.md'), 'field-notes.md');
    expect(article.title).toBe('Notes from Baghdad: the talks seen from the street');
    expect(article.front).toEqual({
      title: 'Notes from Baghdad: the talks seen from the street',
      date: '2020-06-14',
      source: 'https://www.example-notes.example/posts/baghdad-talks-street?utm_source=rss#top',
      author: 'Leila Mansour',
      outlet: 'Field Notes',
    });
    expect(article.paragraphs).toEqual([
      'Few people in Karrada followed the first session of the strategic dialogue on Thursday. The talks were held by video link, and most shopkeepers I spoke to learned of them from the evening news rather than from the government.',
      'Electricity, which fails for hours every afternoon in June.',
      'Salaries, which arrived late in May and may be late again.',
      'Whether the American troops would really leave, and what would replace them.',
      '"The Americans, the Iranians, they all talk about Iraq," said a tailor near the square. "Nobody talks to Iraq."',
      "Several people mentioned the rocket attacks near the airport, and one, a retired teacher, said the government's promises to control the factions sounded like ones he had heard from every prime minister since 2005.",
    ]);
  });

  it('without front matter, a leading heading is the title; snake_case and URLs keep their underscores', () => {
    const article = readMarkdown('# Talks open\n\nThe `strategic_dialogue` file at https://a.example/x_y_z was __not__ public, said *officials*.\n\nSecond\n======\n\nMore text follows here, in a paragraph of its own.', 'x.md');
    expect(article.title).toBe('Talks open');
    expect(article.paragraphs).toEqual([
      'The strategic_dialogue file at https://a.example/x_y_z was not public, said officials.',
      'More text follows here, in a paragraph of its own.',
    ]);
  });
});
