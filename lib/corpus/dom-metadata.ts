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

export function readPageSignals(doc: Document, pageUrl?: string): PageSignals {
  const meta: Record<string, string> = {};
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length && i < MAX_META; i++) {
    const el = metas[i]!;
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv'))
      ?.trim()
      .toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !(key in meta)) meta[key] = content;
  }

  const jsonLd: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, MAX_JSON_LD_BLOCKS)) {
    const text = script.textContent ?? '';
    if (text.length <= MAX_JSON_LD_CHARS) jsonLd.push(text);
  }

  // The article's own dates first: a sidebar's teasers carry <time> elements too.
  const times: string[] = [];
  for (const selector of ['time[pubdate][datetime]', 'article time[datetime]', '[itemprop="datePublished"][datetime]', 'time[datetime]']) {
    for (const el of Array.from(doc.querySelectorAll(selector)).slice(0, 5)) {
      const value = el.getAttribute('datetime')?.trim();
      if (value && !times.includes(value)) times.push(value);
    }
  }

  const signals: PageSignals = { meta, jsonLd, times };
  const canonical = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href')?.trim();
  if (canonical) signals.canonical = canonical;
  const lang = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  if (lang?.trim()) signals.lang = lang.trim();
  const savedFrom = savedFromComment(doc);
  if (savedFrom) signals.savedFrom = savedFrom;
  if (pageUrl) signals.pageUrl = pageUrl;
  return signals;
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
