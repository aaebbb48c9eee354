import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import background from '../../entrypoints/background/index';
import { openBackstoryDb } from '../../lib/storage/db';
import { seededVersion } from '../../lib/storage/seed';
import { bundledKb } from '../../lib/storage/bundled';
import { bundledMatcher } from '../../lib/storage/bundled-matcher';
import { installFakeContextMenus } from './fake-context-menus';

const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
const fromTab = {
  id: fakeBrowser.runtime.id,
  url: 'https://news.example/',
  tab: { id: 3, url: 'https://news.example/' } as Browser.tabs.Tab,
};
const ask = (name: string, data: unknown) =>
  new Promise((resolve) => void trigger({ backstory: 1, name, data }, fromTab, resolve));

/**
 * The worker reads the corpus from its own package (issue 7): `fetch` of the extension's URLs,
 * answered here from the repository's data/ (what the build copies into the package).
 */
const packageRoot = fakeBrowser.runtime.getURL('/');
let fetched: string[];
beforeEach(() => {
  fakeBrowser.reset();
  installFakeContextMenus();
  fetched = [];
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    if (!url.startsWith(packageRoot)) throw new TypeError(`not a file of the package: ${url}`);
    const text = await readFile(join(process.cwd(), url.slice(packageRoot.length)), 'utf8').catch(() => undefined);
    return text === undefined ? new Response('', { status: 404 }) : new Response(text);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});
const files = () => fetched.map((url) => url.slice(packageRoot.length)).sort();

describe('background entrypoint', () => {
  it('seeds the bundled knowledge base on install and answers from it', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const reply = await ask('matcher/get', { url: 'https://news.example/' });
    expect(reply).toEqual({ matcher: bundledMatcher, settings: { enabled: true, suppressed: [] } });

    const entity = bundledKb.entities[0]!;
    const card = await ask('card/get', { entity: entity.id });
    expect(card).toMatchObject({ id: entity.id, name: entity.name });
    const db = openBackstoryDb();
    expect(await seededVersion(db)).toBe(bundledKb.version);
    expect(await db.entities.count()).toBe(bundledKb.entities.length);
    db.close();
    // Each file read once, however many messages needed it.
    expect(files()).toEqual(['data/kb.json', 'data/matcher.json']);
  });

  it('starts without reading the corpus and reads only what the first message needs', async () => {
    // A restart (no install event): Chrome stopped the idle worker, a page wakes it.
    background.main();
    expect(fetched).toEqual([]);
    const settings = await new Promise((resolve) =>
      void trigger({ backstory: 1, name: 'settings/get', data: {} }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }, resolve),
    );
    expect(settings).toMatchObject({ paused: false });
    expect(fetched).toEqual([]);

    const reply = await ask('matcher/get', { url: 'https://news.example/' });
    expect(reply).toMatchObject({ matcher: { kbVersion: bundledMatcher.kbVersion } });
    expect(files()).toEqual(['data/matcher.json']);
    // The start-up measure the bench reads: worker start → the first page's matcher answered.
    expect(performance.getEntriesByName('backstory:kb-load').length).toBeGreaterThan(0);
  });

  it('answers a page with nothing rather than hanging when a file is missing, and reads it again next time', async () => {
    const real = globalThis.fetch;
    let broken = true;
    vi.stubGlobal('fetch', (url: string) => (broken ? Promise.resolve(new Response('', { status: 404 })) : real(url)));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    background.main();
    expect(await ask('matcher/get', { url: 'https://news.example/' })).toBeUndefined();
    broken = false;
    expect(await ask('matcher/get', { url: 'https://news.example/' })).toMatchObject({ matcher: { kbVersion: bundledMatcher.kbVersion } });
    warn.mockRestore();
  });
});
