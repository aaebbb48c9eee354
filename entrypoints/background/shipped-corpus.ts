/**
 * The corpus data the background needs — the knowledge base, the prebuilt matcher and its token
 * gate, the documents' fingerprints — all built by `npm run corpus` — read from the extension's own package
 * on first need instead of being compiled into the background's bundle. A service
 * worker is stopped when idle and evaluates its whole bundle at every start; with ~650 kB of
 * data inlined, every start paid for all of it, even to answer a settings question. Now a start
 * evaluates only code, and each file is read and parsed once per worker, by the first event that
 * needs it.
 *
 * `browser.runtime.getURL` gives the extension's own URL (chrome-extension://…, moz-extension://…):
 * a read from the installed package, not a network request. wxt.config.ts copies the files into
 * the package (`build:publicAssets`); they are not web-accessible, so pages cannot read them.
 */
import { browser } from 'wxt/browser';
import { isTokenGate } from '../../lib/engine/token-gate';
import type { MatcherData, TokenGateData } from '../../lib/engine/types';
import type { KnowledgeBase } from '../../lib/kb/types';
import type { Fingerprints } from '../../lib/recognition/types';

/** Where each file lives in the package (the same paths as in the repository). */
export const SHIPPED_FILES = {
  kb: 'data/kb.json',
  matcher: 'data/matcher.json',
  gate: 'data/token-gate.json',
  fingerprints: 'data/fingerprints.json',
} as const;

/** A value the background has at hand, or a way to get it (tests pass values, the worker loaders). */
export type Lazy<T> = T | (() => Promise<T>);

/** `value` as a loader either way. */
export function lazy<T>(value: Lazy<T>): () => Promise<T> {
  return typeof value === 'function' ? (value as () => Promise<T>) : () => Promise.resolve(value);
}

/**
 * `load` run at most once at a time and its value kept; a failed load is forgotten so that the
 * next caller tries again (a read that failed once must not break the worker until it restarts).
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

export type ReadJson = (path: string) => Promise<unknown>;

/** Reads a JSON file of the extension's own package. */
export const readPackageJson: ReadJson = async (path) => {
  // The file is added by a build hook, so WXT's typed list of public paths does not know it.
  const url = (browser.runtime.getURL as (p: string) => string)(`/${path}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Backstory: ${path} is missing from the extension (${response.status})`);
  return response.json() as Promise<unknown>;
};

export interface ShippedCorpus {
  kb(): Promise<KnowledgeBase>;
  matcher(): Promise<MatcherData>;
  gate(): Promise<TokenGateData>;
  fingerprints(): Promise<Fingerprints>;
}

/**
 * Each file read once, when first asked for. The files come from our own package, written and
 * validated by the corpus builder; the checks here only turn a broken build into a clear error
 * instead of a confusing failure further on.
 */
export function shippedCorpus(read: ReadJson = readPackageJson): ShippedCorpus {
  const timed = <T>(name: keyof typeof SHIPPED_FILES, check: (value: unknown) => value is T) =>
    once(async () => {
      const start = performance.now();
      const value = await read(SHIPPED_FILES[name]);
      if (!check(value)) throw new Error(`Backstory: ${SHIPPED_FILES[name]} is malformed; rebuild with npm run corpus`);
      // What one read costs, for `npm run bench`; a few entries per worker start.
      performance.measure?.(`backstory:read-${name}`, { start, end: performance.now() });
      return value;
    });
  return {
    kb: timed('kb', (v): v is KnowledgeBase => hasArrays(v, 'entities', 'documents', 'passages', 'perspectives') && typeof (v as { version?: unknown }).version === 'string'),
    matcher: timed('matcher', (v): v is MatcherData => hasArrays(v, 'entities') && typeof (v as { automaton?: unknown }).automaton === 'string'),
    gate: timed('gate', isTokenGate),
    fingerprints: timed('fingerprints', (v): v is Fingerprints => hasArrays(v, 'documents')),
  };
}

function hasArrays(value: unknown, ...keys: string[]): boolean {
  return typeof value === 'object' && value !== null && keys.every((k) => Array.isArray((value as Record<string, unknown>)[k]));
}
