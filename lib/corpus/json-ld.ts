/**
 * The article facts a page states in its JSON-LD (`<script type="application/ld+json">`): the
 * headline, when it was published, by whom and for which outlet. DOM-free: it takes the
 * scripts' text.
 *
 * Real pages need tolerance: several blocks per page; a top-level array or a Yoast-style
 * `@graph` whose article points at its publisher by `@id`; `@type` as a string, a list or a
 * schema.org URL; and markup that is not quite JSON (CDATA or comment wrappers, raw newlines
 * inside strings, trailing commas). A block that still does not parse is skipped, except that
 * its `datePublished` is read by pattern: the date is the fact pages most often get right.
 */

export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  authors: string[];
  publisher?: string;
  /** The `WebSite` node's name, when the page has one (Yoast and most CMSs do). */
  siteName?: string;
  url?: string;
  language?: string;
}

type Node = Record<string, unknown>;

/** Article types, best first: a page often carries a WebPage node beside its NewsArticle. */
const ARTICLE_TYPES = [
  'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
  'ReviewNewsArticle', 'AskPublicNewsArticle', 'Article', 'BlogPosting', 'LiveBlogPosting', 'Report',
  'ScholarlyArticle', 'SocialMediaPosting', 'WebPage',
];
const SITE_TYPES = ['WebSite'];

/** Object nodes nested deeper than this are not looked at: no page needs it, hostile ones might. */
const MAX_DEPTH = 8;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `"NewsArticle"`, `["Article","NewsArticle"]`, `"http://schema.org/NewsArticle"` → bare names. */
function typesOf(node: Node): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

function parseLoosely(text: string): unknown {
  const stripped = text
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/g, '')
    .replace(/^<!--|-->$/g, '')
    .trim();
  try {
    return JSON.parse(stripped);
  } catch {
    // Raw control characters (CMS templates paste unescaped newlines into strings) and
    // trailing commas are the usual faults; anything worse is not guessed at.
    const repaired = withoutControlCharacters(stripped).replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

/** Control characters (U+0000–U+001F) as spaces: JSON allows them nowhere unescaped. */
function withoutControlCharacters(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i) < 0x20 ? ' ' : text[i];
  return out;
}

/** Every object node in a parsed block (top-level arrays and `@graph`s flattened), depth-bounded. */
function collectNodes(value: unknown, into: Node[], depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, into, depth + 1);
    return;
  }
  if (!isNode(value)) return;
  into.push(value);
  if (value['@graph'] !== undefined) collectNodes(value['@graph'], into, depth + 1);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
}

/** A name from a string, a node with `name`, a reference to such a node, or a list of them. */
function names(value: unknown, byId: Map<string, Node>, depth = 0): string[] {
  if (depth > 3) return [];
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap((v) => names(v, byId, depth + 1));
  if (!isNode(value)) return [];
  const own = text(value['name']);
  if (own) return [own];
  const ref = typeof value['@id'] === 'string' ? byId.get(value['@id']) : undefined;
  return ref && ref !== value ? names(ref, byId, depth + 1) : [];
}

function urlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (isNode(value)) return text(value['@id']) ?? text(value['url']);
  return undefined;
}

/** The article facts from a page's JSON-LD blocks; empty when none describes an article. */
export function readJsonLd(blocks: readonly string[]): JsonLdArticle {
  const nodes: Node[] = [];
  let salvagedDate: string | undefined;
  for (const block of blocks) {
    const parsed = parseLoosely(block);
    if (parsed === undefined) {
      salvagedDate ??= /"datePublished"\s*:\s*"([^"]{4,40})"/.exec(block)?.[1];
      continue;
    }
    collectNodes(parsed, nodes);
  }
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string' && !byId.has(node['@id'])) byId.set(node['@id'], node);

  const rank = (node: Node) => {
    const types = typesOf(node);
    const best = Math.min(...types.map((t) => ARTICLE_TYPES.indexOf(t)).filter((i) => i >= 0));
    return Number.isFinite(best) ? best : Infinity;
  };
  const article = nodes.filter((n) => rank(n) < Infinity).sort((a, b) => rank(a) - rank(b))[0];
  const site = nodes.find((n) => typesOf(n).some((t) => SITE_TYPES.includes(t)));
  const siteName = site ? names(site, byId)[0] : undefined;
  if (!article) return { authors: [], ...(siteName && { siteName }), ...(salvagedDate && { datePublished: salvagedDate }) };

  const result: JsonLdArticle = { authors: [...new Set(names(article['author'], byId))] };
  const headline = text(article['headline']) ?? text(article['name']);
  const published = text(article['datePublished']) ?? text(article['dateCreated']) ?? salvagedDate;
  const publisher = names(article['publisher'], byId)[0] ?? names(article['sourceOrganization'], byId)[0];
  const isPartOf = isNode(article['isPartOf']) ? names(article['isPartOf'], byId)[0] : undefined;
  const url = urlOf(article['mainEntityOfPage']) ?? urlOf(article['url']);
  const language = text(article['inLanguage']) ?? (site ? text(site['inLanguage']) : undefined);
  if (headline) result.headline = headline;
  if (published) result.datePublished = published;
  if (publisher) result.publisher = publisher;
  if (siteName ?? isPartOf) result.siteName = siteName ?? isPartOf;
  if (url) result.url = url;
  if (language) result.language = language;
  return result;
}
