/**
 * Message fuzzing: the background receives malformed, oversized and wrongly-sent messages by
 * the hundred (systematic mutations of every valid message plus seeded random values) and must
 * reject each one — no answer, no change to settings or the database, nothing sent to tabs, no
 * crash — and still answer a valid message afterwards.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { createHandlers } from '../../entrypoints/background/handlers';
import { createKnowledge } from '../../entrypoints/background/knowledge';
import { registerRouter } from '../../entrypoints/background/router';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { seededRandom } from '../../scripts/bench/timing';
import { fixtureKb, fixtureMatcher } from './fixture-kb';

type Sender = Browser.runtime.MessageSender;

let db: BackstoryDb;
let n = 0;
let sentToTabs: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  db = openBackstoryDb(`fuzz-test-${++n}`);
  registerRouter(createHandlers(createKnowledge(db, fixtureKb), fixtureMatcher));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  sentToTabs = vi.fn(async () => ({ ok: true }));
  fakeBrowser.tabs.sendMessage = sentToTabs as unknown as typeof fakeBrowser.tabs.sendMessage;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
function send(message: unknown, sender: Sender): Promise<unknown> {
  return new Promise((resolve) => void trigger(message, sender, resolve));
}

const pageUrl = 'https://news.example/iraq/talks';
const fromTab = (url = pageUrl): Sender => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: 7, url, index: 0, windowId: 1, active: true, highlighted: true, pinned: false, incognito: false } as Browser.tabs.Tab,
});
const msg = (name: string, data: unknown) => ({ backstory: 1, name, data });

const VALID = [
  msg('matcher/get', { url: pageUrl }),
  msg('card/get', { entity: 'isis' }),
  msg('suppress/add', { entity: 'isis' }),
];

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { data: value };
  return value;
}

/** Values that are wrong wherever a message expects something specific. */
const JUNK: unknown[] = [
  undefined, null, 0, -1, Number.NaN, 1e308, true, '', ' ', 'isis'.repeat(40), '\u0000', '<img src=x onerror=alert(1)>',
  [], ['isis'], {}, { entity: null }, { url: 'file:///etc/passwd' }, { url: 'chrome://settings' },
  { url: `https://x.example/${'a'.repeat(10_000)}` }, { entity: 'a'.repeat(1_000_000) },
  { entity: '../../etc' }, { entity: 'isis', extra: 1 }, JSON.parse('{"__proto__": {"polluted": true}, "entity": "isis"}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'), deep(5_000), 'x'.repeat(5 * 1024 * 1024),
];

/** Every valid message with one part replaced by junk: data, a data field, name, envelope. */
function mutations(): unknown[] {
  const out: unknown[] = [...JUNK];
  for (const valid of VALID) {
    const field = Object.keys(valid.data as object)[0]!;
    for (const junk of JUNK) {
      out.push({ ...valid, data: junk });
      out.push({ ...valid, data: { [field]: junk } });
      out.push({ ...valid, name: junk });
      out.push({ ...valid, backstory: junk });
    }
    out.push({ name: valid.name, data: valid.data });
    out.push({ ...valid, extra: 'x' });
    out.push([valid]);
  }
  return out;
}

/** Seeded random JSON-ish values, some shaped like envelopes. */
function randomMessages(count: number): unknown[] {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const value = (depth: number): unknown => {
    const r = random();
    if (depth > 3 || r < 0.3) return pick(JUNK.slice(0, 16));
    if (r < 0.5) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
    const obj: Record<string, unknown> = {};
    for (const key of ['backstory', 'name', 'data', 'entity', 'url', 'x'].filter(() => random() < 0.5)) obj[key] = value(depth + 1);
    return obj;
  };
  return Array.from({ length: count }, () =>
    random() < 0.5 ? value(0) : { backstory: 1, name: pick(['matcher/get', 'card/get', 'suppress/add', 'highlights/export']), data: value(1) },
  );
}

async function snapshot() {
  return {
    storage: JSON.stringify(await fakeBrowser.storage.local.get(null)),
    entities: await db.entities.count(),
    highlights: await db.highlights.count(),
  };
}

describe('message fuzzing: the background rejects what it should and changes nothing', () => {
  it('rejects every malformed or oversized message from a content script', async () => {
    const before = await snapshot();
    const messages = [...mutations(), ...randomMessages(300)];
    expect(messages.length).toBeGreaterThan(400);
    for (const message of messages) {
      expect(await send(message, fromTab())).toBeUndefined();
    }
    expect(await snapshot()).toEqual(before);
    expect(sentToTabs).not.toHaveBeenCalled();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    // Still working afterwards.
    expect(await send(msg('suppress/add', { entity: 'isis' }), fromTab())).toEqual({ ok: true });
  });

  const WRONG_SENDERS: [string, () => Sender][] = [
    ['another extension', () => ({ ...fromTab(), id: 'abcdefghijklmnopabcdefghijklmnop' })],
    ['no extension id', () => ({ ...fromTab(), id: undefined })],
    ['no tab and a web url', () => ({ id: fakeBrowser.runtime.id, url: pageUrl })],
    ['a file: tab', () => fromTab('file:///home/me/notes.html')],
    ['a data: tab', () => fromTab('data:text/html,<p>hi')],
    ['another extension’s page', () => ({ id: fakeBrowser.runtime.id, url: 'chrome-extension://otherextensionid/popup.html' })],
    ['a web page mimicking our url', () => ({ id: fakeBrowser.runtime.id, url: `https://evil.example/${fakeBrowser.runtime.getURL('/')}` })],
    ['no sender details at all', () => ({})],
  ];

  it.each(WRONG_SENDERS)('rejects every valid message from %s', async (_what, sender) => {
    const before = await snapshot();
    for (const message of VALID) expect(await send(message, sender())).toBeUndefined();
    expect(await snapshot()).toEqual(before);
    expect(sentToTabs).not.toHaveBeenCalled();
  });

  it('content-only messages from the popup are rejected, and the popup still gets cards', async () => {
    const popup: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const before = await snapshot();
    expect(await send(msg('suppress/add', { entity: 'isis' }), popup)).toBeUndefined();
    expect(await send(msg('matcher/get', { url: pageUrl }), popup)).toBeUndefined();
    expect(await snapshot()).toEqual(before);
    expect(await send(msg('card/get', { entity: 'isis' }), popup)).toMatchObject({ id: 'isis' });
  });
});
