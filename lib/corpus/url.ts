/**
 * Article addresses. Two forms, because they serve two purposes:
 * - `documentUrl`: the address kept with a document and linked to. Only what never changes the
 *   page is removed (tracking parameters, the fragment), so the link still works.
 * - `canonicalUrl`: the identity key for "already in your corpus". It also folds what sites
 *   serve the same article under (http/https, `www.`, a trailing slash, the AMP version, the
 *   query's order), so it is compared, never opened.
 * DOM-free.
 */
import { isDomain } from './draft';

/** Query parameters that say who shared or advertised a link, never which article it is. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', 'ref_src', 'ref_url', 'smid', 'cmpid', 'ncid', 'ocid', 'xtor', 'at_medium', 'at_campaign',
  'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4', 'mbid', 'sref', 'spm', 'share', 'utm',
]);

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
}

/**
 * The query's `name=value` parts as written. Read from the string rather than through
 * `URLSearchParams`: its iterators are not iterable from a Firefox content script (the article
 * reader runs there), and a query left as written keeps its own encoding.
 */
function queryParts(search: string): string[] {
  return search.replace(/^\?/, '').split('&').filter(Boolean);
}

function partName(part: string): string {
  const raw = part.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function withQuery(url: URL, parts: readonly string[]): void {
  url.search = parts.length ? `?${parts.join('&')}` : '';
}

function parseHttp(url: string, base?: string): URL | undefined {
  try {
    const parsed = new URL(url.trim(), base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The address to keep and link to: an absolute http(s) URL (relative ones resolved against
 * `base`) without tracking parameters or fragment; undefined when it is not a web address.
 */
export function documentUrl(url: string, base?: string): string | undefined {
  const parsed = parseHttp(url, base);
  if (!parsed) return undefined;
  parsed.hash = '';
  withQuery(parsed, queryParts(parsed.search).filter((part) => !isTracking(partName(part))));
  return parsed.href;
}

/**
 * The AMP version of an article is the same article. Handled only where the form is
 * unambiguous: Google's AMP cache (`…cdn.ampproject.org/c/s/host/path`), an `amp.` host, a
 * last path segment `amp` (WordPress and most CMSs), a leading `/amp/` segment (BBC, Al
 * Jazeera), `.amp` or `.amp.html` endings, and the `amp`/`outputType=amp` switches.
 */
function withoutAmp(url: URL): URL {
  if (url.hostname.endsWith('.cdn.ampproject.org')) {
    const inner = /^\/[a-z]\/(s\/)?(.+)$/.exec(url.pathname);
    const original = inner ? parseHttp(`${inner[1] ? 'https' : 'http'}://${inner[2]}${url.search}`) : undefined;
    if (original) url = original;
  }
  if (url.hostname.startsWith('amp.')) url.hostname = url.hostname.slice(4);
  let path = url.pathname;
  path = path.replace(/\/amp\/?$/, '/').replace(/^\/amp\//, '/').replace(/\.amp(\.html?)?$/, '$1');
  url.pathname = path;
  withQuery(url, queryParts(url.search).filter((part) => partName(part) !== 'amp' && part !== 'outputType=amp'));
  return url;
}

/**
 * The identity key of an article's address (see the file comment); undefined when `url` is not
 * an http(s) address. Two addresses with the same key are the same document.
 */
export function canonicalUrl(url: string): string | undefined {
  const kept = documentUrl(url);
  if (!kept) return undefined;
  const parsed = withoutAmp(new URL(kept));
  parsed.protocol = 'https:';
  parsed.hostname = parsed.hostname.replace(/^www\./, '').replace(/\.$/, '');
  parsed.port = '';
  const parts = queryParts(parsed.search).sort((a, b) => (partName(a) < partName(b) ? -1 : partName(a) > partName(b) ? 1 : 0));
  const query = parts.length ? `?${parts.join('&')}` : '';
  const path = parsed.pathname.replace(/\/+$/, '') || '';
  return `https://${parsed.hostname}${path}${query}`;
}

/** The address's host, lower case, without `www.`; '' when it is not a web address. */
export function hostOf(url: string): string {
  return parseHttp(url)?.hostname.replace(/^www\./, '').replace(/\.$/, '') ?? '';
}

/**
 * The host a document is filed under: lower case, without `www.` (the source registry's form);
 * undefined for addresses without one the registry could label (IP addresses, `localhost`).
 */
export function urlDomain(url: string): string | undefined {
  const host = hostOf(url);
  return isDomain(host) ? host : undefined;
}

/**
 * Whether two hosts belong to one site: equal, or one a subdomain of the other
 * (`edition.cnn.com` and `cnn.com`). Without the public-suffix list this is deliberately
 * strict: `bbc.co.uk` and `bbc.com` are not one site.
 */
export function sameSite(a: string, b: string): boolean {
  const x = a.replace(/^www\./, '');
  const y = b.replace(/^www\./, '');
  if (!x || !y) return false;
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}
