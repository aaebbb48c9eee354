/**
 * The article in a document, as a draft: `@mozilla/readability` (Firefox's Reader View) finds
 * the article's content, this file reads it block by block into paragraphs and drops what is
 * not the article's own prose, and metadata.ts decides title, byline, outlet, date, address
 * and language from what the page says about itself.
 *
 * Readability is heavy (≈ 40 kB minified) and rewrites the document it reads, so this module is
 * never part of the content script: a page's article is read by the injected
 * `entrypoints/article-reader/` script on a clone of the page, and saved files by the corpus
 * page on a DOMParser document.
 */
import { Readability } from '@mozilla/readability';
import { BLOCK_BREAK } from '../engine/alphabet';
import { readPageText } from '../page/dom-page-text';
import { cleanBlocks, type TextBlock } from './clean';
import { checkDraft, type Checked, type DocumentDraft, type DraftOrigin } from './draft';
import { readPageSignals } from './dom-metadata';
import { MAX_LABEL_CHARS, MAX_PAGE_ELEMENTS, MAX_TITLE_CHARS } from './limits';
import { resolveMetadata, type ArticleMetadata } from './metadata';
import { documentUrl, hostOf, sameSite, urlDomain } from './url';

/** Elements that are never the article's prose: media, embeds, controls, navigation. */
const NEVER_PROSE = new Set([
  'figure', 'figcaption', 'picture', 'img', 'svg', 'video', 'audio', 'iframe', 'object', 'embed', 'canvas', 'button',
  'input', 'select', 'textarea', 'nav', 'script', 'style', 'noscript', 'template',
]);
/** Containers that are chrome when small: a whole article can sit in a `<form>` on old CMSs. */
const CHROME_WHEN_SMALL = new Set(['aside', 'form', 'footer']);
/** Class or id words of the boxes publishers put inside articles. */
const CHROME_NAME =
  /(^|[\s_-])(caption|credits?|share|sharing|social|newsletter|subscribe|signup|related|promo|advert|advertisement|ad-slot|ad-container|read-?more|recommended|outbrain|taboola|byline|dateline|tags?)($|[\s_-])/i;
/** "Small" for the rules above: a box, not a body (the body of an article runs to thousands). */
const CHROME_MAX_CHARS = 600;

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export interface ExtractOptions {
  origin: DraftOrigin;
  /** The visited address (a live page). A canonical link to another site is not trusted then. */
  pageUrl?: string;
  /** The title when the page has none (a saved file's name); else the text's opening words. */
  fallbackTitle?: string;
}

const OPENING_WORDS = 12;

function openingWords(paragraph: string): string {
  const words = paragraph.split(/\s+/);
  return words.length <= OPENING_WORDS ? paragraph : `${words.slice(0, OPENING_WORDS).join(' ')}…`;
}

/**
 * Reads the article of `doc`. **Consumes the document** (Readability rewrites it): pass a
 * clone of a live page. Returns the checked draft, or why there is none in a reader's words.
 */
export function extractArticle(doc: Document, options: ExtractOptions): Checked<DocumentDraft> {
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MAX_PAGE_ELEMENTS) {
    return { ok: false, reason: `the page has more than ${MAX_PAGE_ELEMENTS.toLocaleString('en-US')} elements; it is not an article page` };
  }
  const signals = readPageSignals(doc, options.pageUrl);
  let article: ReturnType<Readability<Element>['parse']>;
  try {
    article = new Readability<Element>(doc, { serializer: (el) => el as Element, keepClasses: true }).parse();
  } catch (error) {
    return { ok: false, reason: `the page could not be read (${(error as Error).message})` };
  }
  const content = article?.content;
  if (!article || !content) return { ok: false, reason: 'no article text was found on the page' };

  const meta = resolveMetadata(signals, article);
  pruneChrome(content);
  const named = (meta.title ?? article.title ?? '').slice(0, MAX_TITLE_CHARS).trim();
  const cleaned = cleanBlocks(readBlocks(content), named);
  if (cleaned.paragraphs.length === 0) return { ok: false, reason: 'no article text was found on the page' };
  // A page without any title still has an article; the reader can retitle it in the preview.
  const title = named || options.fallbackTitle || openingWords(cleaned.paragraphs[0]!);
  return checkDraft(assemble(meta, options, title, cleaned.paragraphs, cleaned.author));
}

function assemble(
  meta: ArticleMetadata,
  options: ExtractOptions,
  title: string,
  paragraphs: string[],
  cleanedAuthor: string | undefined,
): DocumentDraft {
  const draft: DocumentDraft = { title, paragraphs, origin: options.origin };
  const visited = options.pageUrl ? documentUrl(options.pageUrl) : undefined;
  let url = meta.url;
  // A page can claim any canonical address; on another site's, it would be filed under that
  // site's outlet and perspective (and could shadow that site's real article as a "duplicate").
  if (visited && url && !sameSite(hostOf(url), hostOf(visited))) url = visited;
  url ??= visited;
  if (url) {
    draft.url = url;
    const domain = urlDomain(url);
    if (domain) draft.domain = domain;
  }
  const outlet = meta.siteName ?? draft.domain;
  if (outlet) draft.outlet = outlet.slice(0, MAX_LABEL_CHARS);
  const byline = meta.byline ?? cleanedAuthor;
  if (byline) draft.byline = byline.slice(0, MAX_LABEL_CHARS);
  if (meta.published) draft.published = meta.published;
  if (meta.language) draft.language = meta.language;
  return draft;
}

/** Removes captions, media, embeds and publishers' boxes from the extracted content. */
function pruneChrome(content: Element): void {
  for (const el of Array.from(content.querySelectorAll('*'))) {
    // Already gone with a removed ancestor.
    if (!content.contains(el)) continue;
    const name = el.localName;
    if (NEVER_PROSE.has(name)) {
      el.remove();
      continue;
    }
    const small = () => (el.textContent ?? '').length <= CHROME_MAX_CHARS;
    if (CHROME_WHEN_SMALL.has(name) && small()) el.remove();
    else if (CHROME_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`) && small()) el.remove();
  }
}

/** The content's blocks, read the way the content script reads a page (lib/page/dom-page-text). */
function readBlocks(content: Element): TextBlock[] {
  const map = readPageText(content);
  const blocks: TextBlock[] = [];
  let from = 0;
  let node = 0;
  while (from <= map.text.length) {
    let to = map.text.indexOf(BLOCK_BREAK, from);
    if (to < 0) to = map.text.length;
    let kind: TextBlock['kind'] | undefined;
    let linked = 0;
    let total = 0;
    for (; node < map.nodes.length && map.starts[node]! < to; node++) {
      const text = map.nodes[node]!;
      const length = text.data.trim().length;
      if (!length) continue;
      total += length;
      const place = placeOf(text, content);
      kind ??= place.kind;
      if (place.linked) linked += length;
    }
    const text = map.text.slice(from, to);
    if (text.trim()) blocks.push({ text, kind: kind ?? 'paragraph', linkShare: total ? linked / total : 0 });
    from = to + 1;
  }
  return blocks;
}

/**
 * What a text node is part of: the nearest heading, list item or quote around it, and whether
 * it is link text. One walk up to the content root (a selector-based `closest` per node costs
 * several times more under happy-dom, the CLI's DOM).
 */
function placeOf(text: Text, root: Element): { kind: TextBlock['kind']; linked: boolean } {
  let kind: TextBlock['kind'] | undefined;
  let linked = false;
  for (let el = text.parentElement; el && el !== root; el = el.parentElement) {
    const name = el.localName;
    if (name === 'a') linked = true;
    else if (!kind && HEADINGS.has(name)) kind = 'heading';
    else if (!kind && name === 'li') kind = 'list-item';
    else if (!kind && name === 'blockquote') kind = 'quote';
  }
  return { kind: kind ?? 'paragraph', linked };
}
