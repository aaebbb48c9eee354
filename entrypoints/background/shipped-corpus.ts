/**
 * The starter corpus pack (data/starter-pack.json, written by `npm run corpus`), read from the
 * extension's own package when the builder installs, upgrades or restores it, instead of being
 * compiled into the background's bundle: a service worker is stopped when idle and evaluates its
 * whole bundle at every start; with ~240 kB of data inlined, every start paid for all of it.
 *
 * `browser.runtime.getURL` gives the extension's own URL (chrome-extension://…, moz-extension://…):
 * a read from the installed package, not a network request. wxt.config.ts copies the file into
 * the package (`build:publicAssets`); it is not web-accessible, so pages cannot read it.
 */
import { browser } from 'wxt/browser';
import { checkPack, type CorpusPack } from '../../lib/corpus/pack';

/** Where each file lives in the package (the same paths as in the repository). */
export const SHIPPED_FILES = {
  starterPack: 'data/starter-pack.json',
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
  starterPack(): Promise<CorpusPack>;
}

/**
 * The pack read once per worker, when first asked for, and checked like any pack: it comes
 * from our own package, so a failure means a broken build, said clearly.
 */
export function shippedCorpus(read: ReadJson = readPackageJson): ShippedCorpus {
  return {
    starterPack: once(async () => {
      const start = performance.now();
      const checked = checkPack(await read(SHIPPED_FILES.starterPack));
      if (!checked.ok) throw new Error(`Backstory: ${SHIPPED_FILES.starterPack} is malformed (${checked.reason}); rebuild with npm run corpus`);
      // What one read costs, for `npm run bench`; once per worker start that installs or restores.
      performance.measure?.('backstory:read-starterPack', { start, end: performance.now() });
      return checked.pack;
    }),
  };
}
