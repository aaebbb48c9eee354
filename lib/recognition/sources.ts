/**
 * The source registry: which outlet a web site is and the perspective it writes from. Ships
 * with the corpus's outlets (data/sources.json, each with its evidence); the reader can add,
 * change or remove entries, and those edits win. DOM-free and storage-free: the background
 * keeps the reader's edits in extension storage and passes them in.
 */
import * as v from 'valibot';

export interface Source {
  /** A registrable domain or host name, lower case, without "www.": `jpost.com`. */
  domain: string;
  outlet: string;
  /** A perspective id from data/documents.json. */
  perspective: string;
  evidence?: string;
}

/** The reader's edits: entries they added or changed, and shipped domains they removed. */
export interface ReaderSources {
  sources: Source[];
  removed: string[];
}

export const EMPTY_READER_SOURCES: ReaderSources = { sources: [], removed: [] };

/** Bounds keep a damaged or hostile value from filling storage or the popup. */
export const MAX_READER_SOURCES = 200;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const domainSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.transform((d) => d.replace(/^www\./, '')),
  v.regex(DOMAIN, 'Enter a domain such as example.com'),
);

export const sourceSchema = v.strictObject({
  domain: domainSchema,
  outlet: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter the outlet’s name'), v.maxLength(120)),
  perspective: v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[a-z0-9-]+$/)),
  evidence: v.optional(v.pipe(v.string(), v.maxLength(500))),
});

export const readerSourcesSchema = v.strictObject({
  sources: v.pipe(v.array(sourceSchema), v.maxLength(MAX_READER_SOURCES)),
  removed: v.pipe(v.array(domainSchema), v.maxLength(MAX_READER_SOURCES)),
});

/** Stored edits, parsed; anything damaged reads as "no edits" rather than breaking recognition. */
export function parseReaderSources(stored: unknown): ReaderSources {
  const result = v.safeParse(readerSourcesSchema, stored);
  return result.success ? result.output : { sources: [], removed: [] };
}

/** The registry in effect: shipped entries minus removed ones, with the reader's entries winning. */
export function effectiveSources(shipped: readonly Source[], reader: ReaderSources): Source[] {
  const byDomain = new Map<string, Source>();
  for (const s of shipped) if (!reader.removed.includes(s.domain)) byDomain.set(s.domain, s);
  for (const s of reader.sources) byDomain.set(s.domain, s);
  return [...byDomain.values()].sort((a, b) => a.domain.localeCompare(b.domain));
}

/**
 * The source for a page's host: the entry for the host itself or the longest domain it is a
 * subdomain of (`www.jpost.com` and `m.jpost.com` are jpost.com; `notjpost.com` is not).
 */
export function sourceForHost(host: string, sources: readonly Source[]): Source | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  let best: Source | undefined;
  for (const s of sources) {
    if ((h === s.domain || h.endsWith(`.${s.domain}`)) && (!best || s.domain.length > best.domain.length)) best = s;
  }
  return best;
}
