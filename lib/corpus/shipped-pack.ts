/**
 * The starter corpus pack (data/starter-pack.json, written by `npm run corpus`), read from the
 * extension's own package when the builder installs, upgrades or restores it, instead of being
 * compiled into a bundle that every start of the builder's thread would evaluate.
 *
 * The address is the extension's own (chrome-extension://…, moz-extension://…; in the builder's
 * Worker, its script's address): a read from the installed package, not a network request.
 * wxt.config.ts copies the file into the package (`build:publicAssets`); it is not
 * web-accessible, so pages cannot read it.
 */
import { checkPack, type CorpusPack } from './pack';

/** Where each file lives in the package (the same paths as in the repository). */
export const SHIPPED_FILES = {
  starterPack: 'data/starter-pack.json',
} as const;

export type ReadJson = (path: string) => Promise<unknown>;

/** Reads a JSON file of the package whose root is `base`'s (any address inside the package). */
export function packageJsonReader(base: string): ReadJson {
  return async (path) => {
    const response = await fetch(new URL(`/${path}`, base).href);
    if (!response.ok) throw new Error(`Backstory: ${path} is missing from the extension (${response.status})`);
    return response.json() as Promise<unknown>;
  };
}

/**
 * `load` run at most once at a time and its value kept; a failed load is forgotten so that the
 * next caller tries again (a read that failed once must not break the thread until it restarts).
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

export interface ShippedCorpus {
  starterPack(): Promise<CorpusPack>;
}

/**
 * The pack read once per thread, when first asked for, and checked like any pack: it comes
 * from our own package, so a failure means a broken build, said clearly.
 */
export function shippedCorpus(read: ReadJson): ShippedCorpus {
  return {
    starterPack: once(async () => {
      const start = performance.now();
      const checked = checkPack(await read(SHIPPED_FILES.starterPack));
      if (!checked.ok) throw new Error(`Backstory: ${SHIPPED_FILES.starterPack} is malformed (${checked.reason}); rebuild with npm run corpus`);
      // What one read costs, for `npm run bench`; once per thread start that installs or restores.
      performance.measure?.('backstory:read-starterPack', { start, end: performance.now() });
      return checked.pack;
    }),
  };
}
