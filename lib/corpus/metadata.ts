/**
 * An article's metadata from what its page says about itself: meta tags (Open Graph, article:*,
 * Dublin Core, Parse.ly and CMS conventions), JSON-LD, `<time datetime>`, the canonical link,
 * `lang`, and the "saved from" note browsers write into saved pages. DOM-free: `dom-metadata.ts`
 * gathers these signals from a document; this file decides between them, so the precedence is
 * tested without a DOM.
 */
import { normaliseDate } from './dates';
import { readJsonLd } from './json-ld';
import { documentUrl } from './url';

/** What a page says about itself, gathered before anything rewrites the document. */
export interface PageSignals {
  /** Meta tags by lower-cased `property`, `name` or `itemprop`, first value of each. */
  meta: Record<string, string>;
  /** `<link rel="canonical">`'s href as written (possibly relative). */
  canonical?: string;
  /** Text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `datetime` of `<time>` elements, the article's own first (see dom-metadata.ts). */
  times: string[];
  /** `<html lang>`. */
  lang?: string;
  /** Where a saved page was saved from: Chrome's `<!-- saved from url=… -->`, SingleFile's `url:`. */
  savedFrom?: string;
  /** The address the page was visited at (a live page), else undefined (a file). */
  pageUrl?: string;
}

/** What the extractor itself found, used where the page states nothing better. */
export interface ExtractorFindings {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
}

export interface ArticleMetadata {
  title?: string;
  byline?: string;
  siteName?: string;
  published?: string;
  url?: string;
  language?: string;
}

const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'pubdate',
  'publishdate', 'publish-date', 'publish_date', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued',
  'dcterms.issued', 'dc.date', 'dcterms.created', 'date', 'article.published', 'cxenseparse:recs:publishtime',
];
const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'parsely-title'];
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'dc.creator', 'sailthru.author', 'byl'];
const LANGUAGE_KEYS = ['og:locale', 'content-language', 'dc.language', 'language'];

function first(...values: (string | null | undefined)[]): string | undefined {
  for (const value of values) {
    const trimmed = value?.replace(/\s+/g, ' ').trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

/** A byline as a reader expects to see it: no "By", no profile URL, no Twitter handle. */
function cleanByline(raw: string | undefined): string | undefined {
  if (!raw || /^https?:\/\//i.test(raw) || /^@\w+$/.test(raw)) return undefined;
  return first(raw.replace(/^by[:\s]+/i, ''));
}

/** `en_US` (Open Graph) and `EN-us` → `en-US`; anything that is not a language tag → undefined. */
export function normaliseLanguage(raw: string | undefined | null): string | undefined {
  const tag = raw?.trim().replace(/_/g, '-');
  if (!tag || !/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(tag)) return undefined;
  const [language, ...rest] = tag.split('-');
  return [language!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p.toLowerCase()))].join('-');
}

/**
 * A site name is written at the end of titles ("Headline | Outlet", "Headline - Outlet"); the
 * document's title is the headline alone.
 */
function withoutSiteSuffix(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return title.replace(new RegExp(`\\s+[|\\-–—:·•]\\s+${escaped}\\s*$`, 'i'), '').trim() || title;
}

export function resolveMetadata(signals: PageSignals, found: ExtractorFindings = {}): ArticleMetadata {
  const { meta } = signals;
  const ld = readJsonLd(signals.jsonLd);
  const pick = (keys: readonly string[]) => first(...keys.map((k) => meta[k]));

  // A relative canonical link needs a base: the visited page, else another absolute address
  // the page gives for itself.
  const bases = [signals.pageUrl, meta['og:url'], ld.url, signals.savedFrom].filter((b): b is string => !!b);
  const absolute = (url: string | undefined) => {
    if (!url) return undefined;
    for (const base of [undefined, ...bases]) {
      const resolved = documentUrl(url, base);
      if (resolved) return resolved;
    }
    return undefined;
  };
  const url =
    absolute(signals.canonical) ?? absolute(meta['og:url']) ?? absolute(ld.url) ?? absolute(signals.savedFrom) ?? absolute(signals.pageUrl);

  const siteName = first(meta['og:site_name'], ld.publisher, ld.siteName, meta['application-name'], found.siteName);

  const title = first(ld.headline, pick(TITLE_KEYS), found.title);
  const authors = ld.authors.map(cleanByline).filter((a): a is string => !!a);
  const byline = authors.length ? authors.join(', ') : first(...AUTHOR_KEYS.map((k) => cleanByline(meta[k])), cleanByline(found.byline ?? undefined));

  const candidates = [...PUBLISHED_KEYS.map((k) => meta[k]), ld.datePublished, ...signals.times, found.publishedTime];
  let published: string | undefined;
  for (const candidate of candidates) if ((published = normaliseDate(candidate))) break;

  const language = [signals.lang, ld.language, ...LANGUAGE_KEYS.map((k) => meta[k]), found.lang]
    .map(normaliseLanguage)
    .find((l) => l !== undefined);

  const result: ArticleMetadata = {};
  if (title) result.title = withoutSiteSuffix(title, siteName);
  if (byline) result.byline = byline;
  if (siteName) result.siteName = siteName;
  if (published) result.published = published;
  if (url) result.url = url;
  if (language) result.language = language;
  return result;
}

/** The address in a browser's "saved from" note at the top of a saved page, if any. */
export function savedFromUrl(comment: string): string | undefined {
  // Chrome / IE: "saved from url=(0057)https://…"; SingleFile: " url: https://…".
  const match = /saved from url=\(\d+\)(\S+)|^\s*url:\s*(\S+)/im.exec(comment);
  return match ? documentUrl(match[1] ?? match[2]!) : undefined;
}
