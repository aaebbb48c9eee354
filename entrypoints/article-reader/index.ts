/**
 * Backstory's article reader, loaded only when the reader asks to add the page they are on:
 * the background injects this file into the tab's top frame (`scripting.executeScript`, the
 * way `page-ui.js` is injected), where it runs in the content script's isolated world and hands
 * its API over on a global there (lib/corpus/article-reader-contract.ts). It returns nothing,
 * since Firefox refuses an injected script whose result cannot be cloned.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ARTICLE_READ_MEASURE, ARTICLE_READER_KEY, type ArticleReader } from '../../lib/corpus/article-reader-contract';
import { extractArticle } from '../../lib/corpus/dom-article';
import { isHttpUrl } from '../../lib/corpus/draft';
import { documentUrl } from '../../lib/corpus/url';

const articleReader: ArticleReader = {
  readPage() {
    const url = location.href;
    if (!isHttpUrl(url)) return { ok: false, reason: 'only web pages (http or https) can be added' };
    const start = performance.now();
    // Readability rewrites the document it reads: it gets a copy, never the page.
    const copy = document.cloneNode(true) as Document;
    const visited = documentUrl(url) ?? url;
    const result = extractArticle(copy, { origin: { kind: 'page', url: visited }, pageUrl: url });
    performance.measure(ARTICLE_READ_MEASURE, { start, end: performance.now() });
    return result;
  },
};

export default defineUnlistedScript(() => {
  const global = globalThis as Record<symbol, unknown>;
  // Injected twice (two requests racing): the first copy stays.
  if (global[ARTICLE_READER_KEY]) return;
  global[ARTICLE_READER_KEY] = articleReader;
});
