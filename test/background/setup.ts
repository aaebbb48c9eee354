/**
 * The background under test, the one way: WXT's fakeBrowser (reset before each test), a fresh
 * fake-indexeddb database per test, and the real handlers behind the real router over the
 * fixture knowledge base (or the one a test passes). `send` delivers a message the way the
 * browser does, with the sender it attests; the fakes record what the background does to tabs.
 *
 *   const bg = useBackground();
 *   expect(await send(msg('card/get', { entity: 'isis' }), fromTab())).toMatchObject({ id: 'isis' });
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, vi, type Mock, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { createHandlers } from '../../entrypoints/background/handlers';
import { readSourceEdits } from '../../entrypoints/background/recognition';
import type { CorpusPack } from '../../lib/corpus/pack';
import { SHIPPED_MATCHER_CONFIG } from '../../lib/kb/matcher-config';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { fixedCompile, packOfKnowledgeBase } from './fixture-pack';
import { createKnowledge } from '../../entrypoints/background/knowledge';
import { mergeImportedReviews } from '../../entrypoints/background/contrast-reviews';
import { inProcessBuilder } from './in-process-builder';
import { registerRouter } from '../../entrypoints/background/router';
import { SETTINGS_KEY, type Settings } from '../../entrypoints/background/settings';
import type { MatcherData } from '../../lib/engine/types';
import type { KnowledgeBase } from '../../lib/kb/types';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { fixtureKb, fixtureMatcher } from './fixture-kb';

export type Sender = Browser.runtime.MessageSender;

export const PAGE_URL = 'https://news.example/iraq/talks';

/** A message in its envelope, whatever its name and data (tests send malformed ones too). */
export const msg = (name: unknown, data: unknown) => ({ backstory: 1, name, data });

/** A content script in tab `tabId` showing `url`, in frame `frameId` (the top frame when absent). */
export function fromTab(url = PAGE_URL, tabId = 7, frameId?: number): Sender {
  return {
    id: fakeBrowser.runtime.id,
    url,
    ...(frameId === undefined ? {} : { frameId }),
    tab: { id: tabId, url, index: 0, windowId: 1, active: true, highlighted: true, pinned: false, incognito: false } as Browser.tabs.Tab,
  };
}

/** The popup (or any page of the extension's own). */
export function fromPopup(): Sender {
  return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
}

// fakeBrowser's trigger is typed (message, sender); the listener's third argument, sendResponse,
// is how the router answers, so it is passed through.
const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;

/** What the background's listener answers `message` from `sender` (undefined: refused or failed). */
export function send(message: unknown, sender: Sender): Promise<unknown> {
  return new Promise((resolve) => void trigger(message, sender, resolve));
}

export interface BackgroundOptions {
  /** Installed as the starter corpus with these accounts (the fixture knowledge base by default). */
  kb?: KnowledgeBase;
  /** The matcher the builder "compiles" for `kb` (the fixture's by default). */
  matcher?: MatcherData;
  /** A real corpus pack to install instead, compiled as the extension does (data/starter-pack.json). */
  pack?: CorpusPack;
}

export interface BackgroundUnderTest {
  /** This test's database (saved highlights, the seeded knowledge base). */
  readonly db: BackstoryDb;
  /** `tabs.sendMessage` (fakeBrowser has none): answers `{ ok: true }` unless a test says otherwise. */
  readonly sentToTabs: Mock<(tabId: number, message: unknown) => Promise<unknown>>;
  /** `tabs.create`, recorded (fakeBrowser's own still opens the tab). */
  readonly createdTabs: MockInstance<typeof fakeBrowser.tabs.create>;
  /** `scripting.executeScript` (fakeBrowser has none): injects nothing, records the call. */
  readonly executeScript: Mock<(injection: unknown) => Promise<unknown>>;
  /** `console.warn`, silenced: the router warns about every message it refuses. */
  readonly warn: MockInstance<typeof console.warn>;
  /** A new background over the same database and browser storage (a service-worker restart), optionally with other data. */
  restart(options?: BackgroundOptions): void;
  /** The reader's settings as stored (undefined: never written). */
  storedSettings(): Promise<Settings | undefined>;
  /** Everything a message could change: storage, the database, what was sent, opened or injected. */
  snapshot(): Promise<unknown>;
}

let databases = 0;

/** Registers hooks that give each test of the file a fresh background; returns it. */
export function useBackground(options: BackgroundOptions = {}): BackgroundUnderTest {
  let db!: BackstoryDb;
  let sentToTabs!: BackgroundUnderTest['sentToTabs'];
  let createdTabs!: BackgroundUnderTest['createdTabs'];
  let executeScript!: BackgroundUnderTest['executeScript'];
  let warn!: BackgroundUnderTest['warn'];

  const start = (o: BackgroundOptions) => {
    const matcher = o.matcher ?? fixtureMatcher;
    const pack = o.pack ?? packOfKnowledgeBase(o.kb ?? fixtureKb, matcher);
    const knowledge = createKnowledge(db, {
      shippedSources,
      sourceEdits: readSourceEdits,
      importedReviews: mergeImportedReviews,
      builder: inProcessBuilder({
        db,
        starterPack: () => Promise.resolve(pack),
        matcherConfig: SHIPPED_MATCHER_CONFIG,
        ...(o.pack ? {} : { compile: fixedCompile(matcher) }),
      }),
    });
    registerRouter(createHandlers(knowledge));
  };

  beforeEach(() => {
    fakeBrowser.reset();
    db = openBackstoryDb(`background-test-${++databases}`);
    sentToTabs = vi.fn(async () => ({ ok: true }));
    fakeBrowser.tabs.sendMessage = sentToTabs as unknown as typeof fakeBrowser.tabs.sendMessage;
    createdTabs = vi.spyOn(fakeBrowser.tabs, 'create');
    executeScript = vi.fn(async () => [{ frameId: 0, result: undefined }]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    start(options);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await db.delete();
  });

  return {
    get db() {
      return db;
    },
    get sentToTabs() {
      return sentToTabs;
    },
    get createdTabs() {
      return createdTabs;
    },
    get executeScript() {
      return executeScript;
    },
    get warn() {
      return warn;
    },
    restart(next = options) {
      fakeBrowser.runtime.onMessage.removeAllListeners();
      start(next);
    },
    async storedSettings() {
      return (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings | undefined;
    },
    async snapshot() {
      return {
        local: JSON.stringify(await fakeBrowser.storage.local.get(null)),
        session: JSON.stringify(await fakeBrowser.storage.session.get(null)),
        entities: await db.entities.count(),
        documents: await db.documents.count(),
        imports: await db.imports.count(),
        highlights: JSON.stringify(await db.highlights.toArray()),
        sentToTabs: sentToTabs.mock.calls.length,
        createdTabs: createdTabs.mock.calls.length,
        injected: executeScript.mock.calls.length,
      };
    },
  };
}
