// The real background entrypoint: what it reads at start, on install and on the first messages.
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../entrypoints/background/index';
import { openBackstoryDb } from '../../lib/storage/db';
import { seededVersion } from '../../lib/storage/seed';
import { starterKnowledgeBase } from '../../lib/storage/starter-knowledge-base';
import { starterMatcher } from '../../lib/storage/starter-matcher';
import { installFakeContextMenus } from './fake-context-menus';
import { fromPopup, fromTab, msg, send } from './setup';

const ask = (name: string, data: unknown) => send(msg(name, data), fromTab('https://news.example/', 3));

/**
 * The worker reads the corpus from its own package: `fetch` of the extension's URLs,
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
    expect(reply).toEqual({ matcher: starterMatcher, settings: { enabled: true, suppressed: [] } });

    const entity = starterKnowledgeBase.entities[0]!;
    const card = await ask('card/get', { entity: entity.id });
    expect(card).toMatchObject({ id: entity.id, name: entity.name });
    const db = openBackstoryDb();
    expect(await seededVersion(db)).toBe(starterKnowledgeBase.version);
    expect(await db.entities.count()).toBe(starterKnowledgeBase.entities.length);
    db.close();
    // Each file read once, however many messages needed it.
    expect(files()).toEqual(['data/kb.json', 'data/matcher.json']);
  });

  it('starts without reading the corpus and reads only what the first message needs', async () => {
    // A restart (no install event): Chrome stopped the idle worker, a page wakes it.
    background.main();
    expect(fetched).toEqual([]);
    const settings = await send(msg('settings/get', {}), fromPopup());
    expect(settings).toMatchObject({ paused: false });
    expect(fetched).toEqual([]);

    const reply = await ask('matcher/get', { url: 'https://news.example/' });
    expect(reply).toMatchObject({ matcher: { kbVersion: starterMatcher.kbVersion } });
    expect(files()).toEqual(['data/matcher.json']);
    // The start-up measure the bench reads: worker start → the first page's matcher answered.
    expect(performance.getEntriesByName('backstory:kb-load').length).toBeGreaterThan(0);
  });

  it("answers a page's gate question from the gate's own file, without reading the matcher", async () => {
    background.main();
    const reply = await ask('gate/get', { url: 'https://news.example/' });
    const shipped = JSON.parse(await readFile(join(process.cwd(), 'data/token-gate.json'), 'utf8')) as unknown;
    expect(reply).toEqual({ gate: shipped, settings: { enabled: true, suppressed: [] } });
    expect(files()).toEqual(['data/token-gate.json']);
  });

  it('answers a page with nothing rather than hanging when a file is missing, and reads it again next time', async () => {
    const real = globalThis.fetch;
    let broken = true;
    vi.stubGlobal('fetch', (url: string) => (broken ? Promise.resolve(new Response('', { status: 404 })) : real(url)));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    background.main();
    expect(await ask('matcher/get', { url: 'https://news.example/' })).toBeUndefined();
    broken = false;
    expect(await ask('matcher/get', { url: 'https://news.example/' })).toMatchObject({ matcher: { kbVersion: starterMatcher.kbVersion } });
    warn.mockRestore();
  });
});
