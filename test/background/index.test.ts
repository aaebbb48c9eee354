// The real background entrypoint: what it reads at start, on install and on the first messages.
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../entrypoints/background/index';
import { Dexie } from 'dexie';
import type { MatcherData } from '../../lib/engine/types';
import { buildTokenGate } from '../../lib/engine/token-gate';
import { STARTER_PACK_ID, STARTER_PACK_TITLE } from '../../lib/kb/corpus-pack';
import { DB_NAME, openBackstoryDb } from '../../lib/storage/db';
import { starterKnowledgeBase } from '../../lib/storage/starter-knowledge-base';
import { starterMatcher } from '../../lib/storage/starter-matcher';
import { installFakeContextMenus } from './fake-context-menus';
import { inProcessHost } from './in-process-builder';
import { shippedBuilder } from '../../entrypoints/builder-worker/builder';

// The builder's Worker, served in process: the same builder, reading the same package.
vi.mock('../../entrypoints/background/builder-host', () => ({
  createBuilderHost: () => inProcessHost(shippedBuilder(fakeBrowser.runtime.getURL('/'))),
}));
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
  it('installs the starter corpus pack on install and answers from it', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const reply = (await ask('matcher/get', { url: 'https://news.example/' })) as { matcher: MatcherData };
    // The device compiles the pack's curated names into the same matcher `npm run corpus` ships.
    expect(reply.matcher.automaton).toBe(starterMatcher.automaton);
    expect(reply.matcher.entities).toEqual(starterMatcher.entities);

    const entity = starterKnowledgeBase.entities[0]!;
    const card = await ask('card/get', { entity: entity.id });
    expect(card).toMatchObject({ id: entity.id, name: entity.name });
    const db = openBackstoryDb();
    expect(await db.documents.count()).toBe(starterKnowledgeBase.documents.length);
    expect(await db.packs.get(STARTER_PACK_ID)).toMatchObject({ starter: true, header: { title: STARTER_PACK_TITLE } });
    db.close();
    // The pack read once, however many messages needed it.
    expect(files()).toEqual(['data/starter-pack.json']);
  });

  it('starts without reading the corpus, and a restart over an installed one reads nothing', async () => {
    // A restart (no install event): Chrome stopped the idle worker, a page wakes it.
    background.main();
    expect(fetched).toEqual([]);
    const settings = await send(msg('settings/get', {}), fromPopup());
    expect(settings).toMatchObject({ paused: false });
    expect(fetched).toEqual([]);

    const reply = (await ask('matcher/get', { url: 'https://news.example/' })) as { matcher: MatcherData };
    expect(reply.matcher.automaton).toBe(starterMatcher.automaton);
    // Installed by the test before: the knowledge base is in IndexedDB, no file is read.
    expect(files()).toEqual([]);
    // The start-up measure the bench reads: worker start → the first page's matcher answered.
    expect(performance.getEntriesByName('backstory:kb-load').length).toBeGreaterThan(0);
  });

  it("answers a page's gate question with the gate of the stored matcher", async () => {
    background.main();
    const reply = await ask('gate/get', { url: 'https://news.example/' });
    const matcher = JSON.parse(await readFile(join(process.cwd(), 'data/matcher.json'), 'utf8')) as MatcherData;
    expect(reply).toEqual({ gate: buildTokenGate(matcher), settings: { enabled: true, suppressed: [] } });
  });

  it('answers a page with nothing rather than hanging when the pack is missing, and reads it again next time', async () => {
    await Dexie.delete(DB_NAME);
    const real = globalThis.fetch;
    let broken = true;
    vi.stubGlobal('fetch', (url: string) => (broken ? Promise.resolve(new Response('', { status: 404 })) : real(url)));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    background.main();
    expect(await ask('matcher/get', { url: 'https://news.example/' })).toBeUndefined();
    broken = false;
    const reply = (await ask('matcher/get', { url: 'https://news.example/' })) as { matcher: MatcherData };
    expect(reply.matcher.automaton).toBe(starterMatcher.automaton);
    warn.mockRestore();
  });
});
