import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
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

beforeEach(() => {
  fakeBrowser.reset();
  installFakeContextMenus();
});

describe('background entrypoint', () => {
  it('seeds the bundled knowledge base on install and answers from it', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const reply = await new Promise((resolve) =>
      void trigger({ backstory: 1, name: 'matcher/get', data: { url: 'https://news.example/' } }, fromTab, resolve),
    );
    expect(reply).toEqual({ matcher: bundledMatcher, settings: { enabled: true, suppressed: [] } });

    const entity = bundledKb.entities[0]!;
    const card = await new Promise((resolve) =>
      void trigger({ backstory: 1, name: 'card/get', data: { entity: entity.id } }, fromTab, resolve),
    );
    expect(card).toMatchObject({ id: entity.id, name: entity.name });
    const db = openBackstoryDb();
    expect(await seededVersion(db)).toBe(bundledKb.version);
    expect(await db.entities.count()).toBe(bundledKb.entities.length);
    db.close();
  });
});
