/**
 * Articles as plain text: `.txt` files, and the `text` of each `.jsonl` line. DOM-free.
 *
 * Paragraphs are separated by blank lines; hard-wrapped lines within one are joined. A text
 * with no blank line at all is a capture with one paragraph per line (as the seeds are). Either
 * way the site chrome a copied page brings along is cleaned by the seeds' rules (clean.ts).
 */
import { cleanDocument } from './clean';
import { MAX_TITLE_CHARS } from './limits';

/** Lines of text as paragraphs (see the file comment), before cleaning. */
export function splitParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const chunks = normalised.split(/\n[ \t\u00a0]*\n/);
  const lines = chunks.length > 1 ? chunks.map((c) => c.replace(/\s*\n\s*/g, ' ')) : normalised.split('\n');
  return lines.map((l) => l.trim()).filter(Boolean);
}

/**
 * A headline, as the first line of a text file: one short line that does not end like a
 * sentence (a question mark or exclamation is fine: "Why Does the Regime Fear the Talks?").
 */
export function looksLikeTitle(line: string): boolean {
  const words = line.trim().split(/\s+/).length;
  return line.length <= 200 && words <= 25 && !/[.,;:…]$/u.test(line.trim());
}

/** "iraq_talks-2020-06.txt" → "iraq talks 2020 06": a title when the text has none. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return base.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_CHARS) || 'Untitled document';
}

export interface TextArticle {
  title: string;
  paragraphs: string[];
  author?: string;
}

/**
 * A plain-text article. `title` is the known title (a `.jsonl` line's); without one the first
 * line is the title when it looks like one, else the file name.
 */
export function readPlainText(text: string, options: { title?: string; fileName: string }): TextArticle {
  let body = text.replace(/\r\n?/g, '\n');
  let title = options.title?.trim();
  if (!title) {
    const firstLine = /^\s*(.*)/.exec(body)![1]!.trim();
    const rest = body.slice(body.indexOf(firstLine) + firstLine.length);
    if (firstLine && rest.trim() && looksLikeTitle(firstLine)) {
      title = firstLine;
      body = rest;
    } else title = titleFromFileName(options.fileName);
  }
  // cleanDocument drops the title where the text repeats it (and any header before it).
  const cleaned = cleanDocument(splitParagraphs(body).join('\n'), title);
  const article: TextArticle = { title, paragraphs: cleaned.paragraphs };
  if (cleaned.author) article.author = cleaned.author;
  return article;
}
