/**
 * What the lazily injected article reader (`entrypoints/article-reader/`, Readability and the
 * extraction around it) offers the content script, and the file the background injects. Types
 * and constants only: the content script's boot bundle imports this file, and must never pull
 * Readability in.
 */
import type { Checked, DocumentDraft } from './draft';

/** The unlisted script WXT builds from entrypoints/article-reader/index.ts. */
export const ARTICLE_READER_FILE = '/article-reader.js';

/**
 * Where the injected script leaves its API: a global of the content script's isolated world
 * (pages cannot see it), under a registry symbol so no other code's global can collide with it.
 */
export const ARTICLE_READER_KEY = Symbol.for('backstory.article-reader');

/** On the page's performance timeline: one article read, whole (`npm run bench`, e2e). */
export const ARTICLE_READ_MEASURE = 'backstory:article-read';

export interface ArticleReader {
  /**
   * The article of the page this frame shows, read from a clone of the document (the page itself
   * is never changed), or why there is none. The result is page-world data: whoever receives it
   * checks it again (`checkDraft`) before using it.
   */
  readPage(): Checked<DocumentDraft>;
}

/** The reader, if its script has already run in this frame. */
export function registeredArticleReader(): ArticleReader | undefined {
  return (globalThis as Record<symbol, ArticleReader | undefined>)[ARTICLE_READER_KEY];
}
