/**
 * Message fuzzing over the message tables (lib/messages.ts), every direction, every message:
 * - each background message, sent validly by the kind of sender it is for, is answered with what
 *   its reply schema declares;
 * - systematic mutations of every valid message (junk data, junk in each field, junk name or
 *   envelope, extra keys), seeded random values, valid messages from the wrong kind of sender or
 *   from outside the extension: every one is refused — no answer, no change to settings, storage
 *   or highlights, nothing sent to tabs, opened or injected, no crash;
 * - the content script's inbox answers each `toContent` message with its handler and calls none
 *   for anything malformed, and the popup's and background's sender refuses every malformed
 *   answer a content script could give.
 * The examples below are typed by the tables: a new message does not compile until it has one,
 * and from then on it is fuzzed like the rest.
 */
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listenToExtension, type ToContentHandlers } from '../../entrypoints/content/inbox';
import { toJson } from '../../lib/highlights/json';
import {
  contentToBackground,
  pageToBackground,
  toContent,
  type ContentToBackground,
  type PageToBackground,
  type Request,
  type ToContent,
} from '../../lib/messages';
import { MessageFailed, messageSender, parseMessage, parseReply, tabSender, type MessageTable } from '../../lib/messaging';
import type { HighlightRow } from '../../lib/storage/types';
import { seededRandom } from '../../scripts/bench/timing';
import { fromPopup, fromTab, msg, PAGE_URL, send, useBackground, type Sender } from './setup';

const bg = useBackground();

const row: HighlightRow = {
  id: 'h1',
  url: PAGE_URL,
  canonicalUrl: PAGE_URL,
  title: 'Talks',
  quote: 'Kadhimi met the delegation',
  prefix: 'On Thursday ',
  suffix: ' in Baghdad.',
  start: 12,
  end: 38,
  note: '',
  entities: ['mustafa-al-kadhimi'],
  createdAt: 1,
  updatedAt: 1,
  tags: [],
  site: 'news.example',
};

type Examples<M> = { [K in keyof M]: Request<M, K> };

const DRAFT: Request<PageToBackground, 'corpus/add'>['draft'] = {
  title: 'Rockets near Baghdad airport test Kadhimi',
  paragraphs: ['Rockets struck near Baghdad airport, officials said.', 'Kadhimi promised the state alone would decide.'],
  url: 'https://news.example/iraq/rockets',
  domain: 'news.example',
  outlet: 'News Example',
  published: '2020-06-15',
  origin: { kind: 'page', url: 'https://news.example/iraq/rockets' },
};

const CONTENT_REQUESTS: Examples<ContentToBackground> = {
  'matcher/get': { url: PAGE_URL },
  'gate/get': { url: PAGE_URL },
  'card/get': { entity: 'isis' },
  'suppress/add': { entity: 'isis' },
  'reader/open': { doc: 'iran-meddles', passage: 'iran-meddles:6:1' },
  'entity/open': { entity: 'isis' },
  'page/recognise': { shingles: [1, 2, 3], modulus: 1 },
  'highlights/save': { url: PAGE_URL, canonicalUrl: PAGE_URL, title: 'Talks', quote: 'Kadhimi', prefix: '', suffix: '', start: 3, end: 10, note: '' },
  'highlights/for-page': { url: PAGE_URL, canonicalUrl: PAGE_URL },
  'highlights/note': { id: 'h1', note: 'a note' },
  'highlights/remove': { id: 'h1' },
  'highlights/anchored': { anchored: ['h1'], orphans: [] },
  'ui/load': {},
  'pipeline/load': {},
};

const PAGE_REQUESTS: Examples<PageToBackground> = {
  'card/get': { entity: 'isis' },
  'settings/get': {},
  'settings/set-paused': { paused: true },
  'settings/set-site': { host: 'news.example', enabled: false },
  'settings/set-suppressed': { host: 'news.example', entity: 'isis', suppressed: true },
  'page/recognition': { tabId: 7 },
  'contrasts/reviews': {},
  'contrasts/review': { entity: 'popular-mobilization-units', id: 'auto-contrast:popular-mobilization-units:iran-meddles+tasnim-pmu', decision: 'dismissed' },
  'sources/get': {},
  'sources/set': { sources: [{ domain: 'example-news.com', outlet: 'Example News', perspective: 'israeli' }], removed: [] },
  'highlights/list': {},
  'highlights/update': { id: 'h1', note: 'a note', tags: ['check'] },
  'highlights/delete': { id: 'h1' },
  'highlights/restore': { highlight: row },
  'highlights/export': { format: 'json' },
  'highlights/import': { text: toJson([row], new Date(0)) },
  'highlights/open': { id: 'h1' },
  'corpus/preview': { tabId: 7 },
  'corpus/add': { draft: DRAFT, edits: { perspective: 'israeli' } },
  'corpus/add-tab': { tabId: 7 },
  'corpus/import-start': { expected: 2, label: 'articles.jsonl', files: ['articles.jsonl', 'photo.png'] },
  'corpus/import-batch': { importId: 'i-0123456789abcdef', items: [{ kind: 'draft', name: 'articles.jsonl', line: 1, draft: DRAFT }, { kind: 'refused', name: 'photo.png', reason: 'not a document' }] },
  'corpus/import-end': { importId: 'i-0123456789abcdef' },
  'corpus/import-cancel': { importId: 'i-0123456789abcdef' },
  'corpus/import-status': {},
  'corpus/import-dismiss': { importId: 'i-0123456789abcdef' },
  'corpus/remove': { docs: ['iran-meddles'] },
  'corpus/starter': { installed: false },
  'corpus/packs': {},
  'names/list': {},
  'names/edit': { edit: { kind: 'reject', entity: { id: 'learned-hadi-al-amiri', keys: ['hadi al amiri'] } } },
  'names/restore': { keys: ['hadi al amiri'] },
  'sources/label': { domain: 'example-news.com', outlet: 'Example News', perspective: 'israeli' },
};

const TO_CONTENT_REQUESTS: Examples<ToContent> = {
  'page/mentions': {},
  'page/reveal': { entity: 'isis', index: 0 },
  'settings/changed': { settings: { enabled: true, suppressed: ['isis'] } },
  'card/open-at-caret': {},
  'page/site': {},
  'highlights/save-selection': {},
  'highlights/reveal': { id: 'h1' },
  'highlights/refresh': {},
  'kb/changed': { generation: 3, matcherChanged: false },
};

/** What a content script answers each message, well formed. */
const TO_CONTENT_REPLIES: { [K in keyof typeof toContent]: v.InferInput<(typeof toContent)[K]['reply']> } = {
  'page/mentions': [{ entity: 'isis', name: 'ISIS', type: 'organization', count: 2 }],
  'page/reveal': { ok: true },
  'settings/changed': { ok: true },
  'card/open-at-caret': { ok: false },
  'page/site': { host: 'news.example' },
  'highlights/save-selection': { ok: true },
  'highlights/reveal': { ok: true },
  'highlights/refresh': { ok: true },
  'kb/changed': { ok: true },
};

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

/** Every way to spoil a valid message: junk data, junk in each field, a junk name or envelope, extra keys. */
function spoiled(name: string, data: object): unknown[] {
  const valid = msg(name, data);
  const out: unknown[] = [];
  for (const junk of JUNK) {
    out.push({ ...valid, data: junk });
    for (const field of Object.keys(data)) out.push({ ...valid, data: { ...data, [field]: junk } });
    out.push({ ...valid, name: junk });
    out.push({ ...valid, backstory: junk });
  }
  out.push({ name, data }, { backstory: 1, name }, { ...valid, extra: 'x' }, { ...valid, data: { ...data, extra: 'x' } }, [valid]);
  return out;
}

/** The spoiled messages that really are invalid for `table` (junk such as `{}` is valid data for some). */
const invalidFor = (table: MessageTable, messages: unknown[]) => messages.filter((m) => parseMessage(table, m) === undefined);

/** Seeded random JSON-ish values, some shaped like envelopes of real message names. */
function randomMessages(count: number, names: readonly string[]): unknown[] {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const value = (depth: number): unknown => {
    const r = random();
    if (depth > 3 || r < 0.3) return pick(JUNK.slice(0, 16));
    if (r < 0.5) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
    const obj: Record<string, unknown> = {};
    for (const key of ['backstory', 'name', 'data', 'entity', 'url', 'id', 'x'].filter(() => random() < 0.5)) obj[key] = value(depth + 1);
    return obj;
  };
  return Array.from({ length: count }, () => (random() < 0.5 ? value(0) : msg(pick(names), value(1))));
}

const BACKGROUND_DIRECTIONS = [
  { direction: 'content script → background', table: contentToBackground, requests: CONTENT_REQUESTS, sender: () => fromTab() },
  { direction: 'page → background', table: pageToBackground, requests: PAGE_REQUESTS, sender: fromPopup },
] as const;

const ALL_NAMES = [...new Set([...Object.keys(contentToBackground), ...Object.keys(pageToBackground), ...Object.keys(toContent)])];

describe('the examples cover every message of every table', () => {
  it.each([
    [contentToBackground, CONTENT_REQUESTS],
    [pageToBackground, PAGE_REQUESTS],
    [toContent, TO_CONTENT_REQUESTS],
    [toContent, TO_CONTENT_REPLIES],
  ] as const)('%#', (table, examples) => {
    expect(Object.keys(examples).sort()).toEqual(Object.keys(table).sort());
  });
});

describe.each(BACKGROUND_DIRECTIONS)('$direction', ({ table, requests, sender }) => {
  const names = Object.keys(table) as (keyof typeof requests & string)[];

  it.each(names)('%s, sent validly, is answered with what its reply schema declares', async (name) => {
    let data: unknown = requests[name];
    // Messages about an import are about one that was started.
    if (typeof data === 'object' && data !== null && 'importId' in data) {
      const started = (await send(msg('corpus/import-start', { expected: 2 }), sender())) as { id: string };
      data = { ...data, importId: started.id };
    }
    const answer = await send(msg(name, data), sender());
    expect(answer, `${name} was refused`).not.toBeUndefined();
    expect(() => parseReply(table, name, answer)).not.toThrow();
  });

  it.each(names)('every spoiled %s is refused and changes nothing', async (name) => {
    const messages = invalidFor(table, spoiled(name, requests[name]));
    expect(messages.length).toBeGreaterThan(JUNK.length * 3);
    const before = await bg.snapshot();
    for (const message of messages) expect(await send(message, sender())).toBeUndefined();
    expect(await bg.snapshot()).toEqual(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses seeded random messages and still answers afterwards', async () => {
    const messages = invalidFor(table, randomMessages(400, ALL_NAMES));
    expect(messages.length).toBeGreaterThan(300);
    const before = await bg.snapshot();
    for (const message of messages) expect(await send(message, sender())).toBeUndefined();
    expect(await bg.snapshot()).toEqual(before);
    expect(await send(msg('card/get', { entity: 'isis' }), sender())).toMatchObject({ id: 'isis' });
  });
});

describe('valid messages from a sender that may not send them', () => {
  const valid = [
    ...Object.entries(CONTENT_REQUESTS).map(([name, data]) => ({ name, data, forContent: true })),
    ...Object.entries(PAGE_REQUESTS).map(([name, data]) => ({ name, data, forContent: false })),
  ];

  it('a page message from a content script, or a content message from the popup, is refused', async () => {
    const before = await bg.snapshot();
    for (const { name, data, forContent } of valid) {
      const [other, wrongSender] = forContent ? [pageToBackground, fromPopup()] : [contentToBackground, fromTab()];
      // card/get is for both.
      if (Object.hasOwn(other, name)) continue;
      expect(await send(msg(name, data), wrongSender), name).toBeUndefined();
    }
    expect(await bg.snapshot()).toEqual(before);
  });

  const WRONG_SENDERS: [string, () => Sender][] = [
    ['another extension', () => ({ ...fromTab(), id: 'abcdefghijklmnopabcdefghijklmnop' })],
    ['no extension id', () => ({ ...fromTab(), id: undefined })],
    ['no tab and a web url', () => ({ id: fakeBrowser.runtime.id, url: PAGE_URL })],
    ['a file: tab', () => fromTab('file:///home/me/notes.html')],
    ['a data: tab', () => fromTab('data:text/html,<p>hi')],
    ['another extension’s page', () => ({ id: fakeBrowser.runtime.id, url: 'chrome-extension://otherextensionid/popup.html' })],
    ['a web page mimicking our url', () => ({ id: fakeBrowser.runtime.id, url: `https://evil.example/${fakeBrowser.runtime.getURL('/')}` })],
    ['no sender details at all', () => ({})],
  ];

  it.each(WRONG_SENDERS)('every valid message from %s is refused', async (_what, sender) => {
    const before = await bg.snapshot();
    for (const { name, data } of valid) expect(await send(msg(name, data), sender()), name).toBeUndefined();
    expect(await bg.snapshot()).toEqual(before);
  });
});

describe('the content script’s inbox (toContent)', () => {
  const names = Object.keys(toContent) as (keyof typeof toContent)[];
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;

  function listen() {
    const handlers = Object.fromEntries(names.map((name) => [name, vi.fn(() => TO_CONTENT_REPLIES[name])])) as unknown as ToContentHandlers;
    // This page's content script is the only one listening (no background in this world).
    fakeBrowser.runtime.onMessage.removeAllListeners();
    listenToExtension({ onInvalidated: () => undefined } as unknown as ContentScriptContext, handlers);
    const calls = () => names.reduce((n, name) => n + vi.mocked(handlers[name]).mock.calls.length, 0);
    return { handlers, calls };
  }
  const deliver = async (message: unknown, sender: { id?: string } = { id: fakeBrowser.runtime.id }) => (await trigger(message, sender))[0];

  it.each(names)('%s is answered by its handler, with its parsed request', async (name) => {
    const { handlers, calls } = listen();
    expect(await deliver(msg(name, TO_CONTENT_REQUESTS[name]))).toEqual(TO_CONTENT_REPLIES[name]);
    expect(handlers[name]).toHaveBeenCalledWith(TO_CONTENT_REQUESTS[name]);
    expect(calls()).toBe(1);
  });

  it.each(names)('every spoiled %s calls no handler and gets no answer', async (name) => {
    const { calls } = listen();
    const messages = invalidFor(toContent, spoiled(name, TO_CONTENT_REQUESTS[name]));
    expect(messages.length).toBeGreaterThan(JUNK.length * 3);
    for (const message of messages) expect(await deliver(message)).toBeUndefined();
    expect(calls()).toBe(0);
  });

  it('a valid message from anyone but Backstory calls no handler', async () => {
    const { calls } = listen();
    for (const name of names) expect(await deliver(msg(name, TO_CONTENT_REQUESTS[name]), { id: 'another-extension' })).toBeUndefined();
    expect(calls()).toBe(0);
  });
});

describe('answers from a content script (page-world data), as the popup and the background read them', () => {
  const names = Object.keys(toContent) as (keyof typeof toContent)[];

  it.each(names)('%s: the well-formed answer is taken, every spoiled one refused', async (name) => {
    let answer: unknown;
    const askTab = tabSender(toContent, async () => answer);
    answer = TO_CONTENT_REPLIES[name];
    await expect(askTab(7, name, TO_CONTENT_REQUESTS[name] as never)).resolves.toEqual(TO_CONTENT_REPLIES[name]);

    const reply = TO_CONTENT_REPLIES[name] as object;
    const fields = Array.isArray(reply) ? [] : Object.keys(reply);
    const spoiledAnswers = [
      ...JUNK,
      ...JUNK.flatMap((junk) => fields.map((field) => ({ ...reply, [field]: junk }))),
      Array.isArray(reply) ? [...reply, ...JUNK] : { ...reply, extra: '<b>x</b>' },
    ].filter((a) => !v.safeParse(toContent[name].reply, a).success);
    expect(spoiledAnswers.length).toBeGreaterThan(JUNK.length - 4);
    for (const spoilt of spoiledAnswers) {
      answer = spoilt;
      await expect(askTab(7, name, TO_CONTENT_REQUESTS[name] as never)).rejects.toBeInstanceOf(MessageFailed);
    }
  });
});

describe('answers from the background', () => {
  it('no answer (refused or failed) rejects rather than passing for one', async () => {
    const ask = messageSender<typeof contentToBackground>(async () => undefined);
    await expect(ask('card/get', { entity: 'isis' })).rejects.toMatchObject({ reason: 'no answer' });
  });
});
