/**
 * Gathers what a document says about itself (`PageSignals`, see metadata.ts) before the
 * extractor rewrites it. Reads attributes and text only; works on a live page's clone and on a
 * document parsed with DOMParser from a saved file, in browsers and under happy-dom or linkedom.
 */
import { savedFromUrl, type PageSignals } from './metadata';

// Numeric DOM constants: this file also runs in Node, without DOM globals.
const COMMENT_NODE = 8;

/** Only the first few hundred meta tags: a page with thousands is hostile or broken. */
const MAX_META = 400;
/** JSON-LD blocks read, and the characters of each: article metadata is a few kilobytes. */
const MAX_JSON_LD_BLOCKS = 20;
const MAX_JSON_LD_CHARS = 200_000;
/** `<time>` elements looked at: the article's own come early; a feed page has hundreds. */
const MAX_TIMES = 50;

export function readPageSignals(doc: Document, pageUrl?: string): PageSignals {
  // Tag lookups and attribute reads rather than selectors: several times faster under
  // happy-dom (the CLI's DOM), and as fast in browsers.
  const meta: Record<string, string> = {};
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < MAX_META; i++) {
    const el = metas[i]!;
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv'))
      ?.trim()
      .toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !(key in meta)) meta[key] = content;
  }

  const jsonLd: string[] = [];
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if (jsonLd.length >= MAX_JSON_LD_BLOCKS) break;
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (text.length <= MAX_JSON_LD_CHARS) jsonLd.push(text);
  }

  // The article's own dates first: a sidebar's teasers carry <time> elements too.
  const own: string[] = [];
  const others: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName('time')).slice(0, MAX_TIMES)) {
    const value = el.getAttribute('datetime')?.trim();
    if (!value) continue;
    (el.hasAttribute('pubdate') || el.getAttribute('itemprop') === 'datePublished' || insideArticle(el) ? own : others).push(value);
  }
  const times = [...new Set([...own, ...others])];

  const signals: PageSignals = { meta, jsonLd, times };
  for (const link of Array.from(doc.getElementsByTagName('link'))) {
    const rel = link.getAttribute('rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = link.getAttribute('href')?.trim();
    if (href && rel.includes('canonical')) {
      signals.canonical = href;
      break;
    }
  }
  const lang = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  if (lang?.trim()) signals.lang = lang.trim();
  const savedFrom = savedFromComment(doc);
  if (savedFrom) signals.savedFrom = savedFrom;
  if (pageUrl) signals.pageUrl = pageUrl;
  return signals;
}

function insideArticle(el: Element): boolean {
  for (let up = el.parentElement; up; up = up.parentElement) if (up.localName === 'article') return true;
  return false;
}

/** Browsers write the "saved from" note as a comment before or just inside `<html>` / `<head>`. */
function savedFromComment(doc: Document): string | undefined {
  const places = [doc, doc.documentElement, doc.head].filter((n): n is NonNullable<typeof n> => !!n);
  for (const place of places) {
    for (let node = place.firstChild, seen = 0; node && seen < 10; node = node.nextSibling, seen++) {
      if (node.nodeType !== COMMENT_NODE) continue;
      const url = savedFromUrl((node as Comment).data);
      if (url) return url;
    }
  }
  return undefined;
}
