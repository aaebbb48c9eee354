// The background and the builder's thread as peers (lib/builder-thread): calls, errors, events,
// a thread that stops, and when the thread is started and closed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectBuilder, type ThreadHost } from '../../lib/builder-thread/client';
import { createPeer } from '../../lib/builder-thread/peer';
import type { ThreadPort } from '../../lib/builder-thread/port';
import type { BuilderEvents, HostAsks } from '../../lib/builder-thread/protocol';
import { serveBuilder } from '../../lib/builder-thread/server';
import type { CorpusBuilder } from '../../lib/storage/corpus-builder';
import { portPair } from '../background/in-process-builder';

/** Chrome's relay: every message through JSON, as runtime messages are. */
function jsonPair(): [ThreadPort, ThreadPort] {
  const [a, b] = portPair();
  const json = (port: ThreadPort): ThreadPort => ({ post: (m) => port.post(JSON.parse(JSON.stringify(m))), listen: port.listen });
  return [json(a), json(b)];
}

const change = { generation: 3, matcherChanged: false, added: ['doc-1'], removed: [] };

/** A builder double: what the server needs of CorpusBuilder, recording its calls. */
function fakeBuilder(overrides: Partial<Record<keyof CorpusBuilder, unknown>> = {}) {
  const calls: unknown[][] = [];
  let settle: () => void = () => undefined;
  const builder = {
    ready: async () => undefined,
    kick: async () => undefined,
    startImport: async (...args: unknown[]) => {
      calls.push(args);
      return { importId: 'i-1' };
    },
    settled: () => new Promise<void>((resolve) => (settle = resolve)),
    ...overrides,
  } as unknown as CorpusBuilder;
  return { builder, calls, settle: () => settle() };
}

function hooks(): HostAsks & BuilderEvents & { changes: unknown[] } {
  const changes: unknown[] = [];
  return {
    changes,
    labels: async () => ({ sources: [], perspectives: [] }) as never,
    importedReviews: async () => undefined,
    onChange: (c) => changes.push(c),
    onImportProgress: () => undefined,
  };
}

function hostOver(port: ThreadPort, start: () => void): ThreadHost & { stops: number } {
  let running = false;
  const host = {
    stops: 0,
    port,
    async start() {
      if (!running) start();
      running = true;
    },
    isRunning: async () => running,
    async stop() {
      running = false;
      host.stops++;
    },
  };
  return host;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the builder over its thread', () => {
  it('answers a call with its value, and undefined arguments arrive undefined through JSON', async () => {
    const [background, thread] = jsonPair();
    const fake = fakeBuilder();
    const client = connectBuilder(hostOver(background, () => serveBuilder(thread, () => fake.builder)), hooks(), { idleCloseMs: 0 });
    await expect(client.startImport(4, undefined, ['a.html'])).resolves.toEqual({ importId: 'i-1' });
    expect(fake.calls).toEqual([[4, undefined, ['a.html']]]);
  });

  it("gives the caller the builder's error, by name and message", async () => {
    const [background, thread] = portPair();
    const full = Object.assign(new Error('Your browser has no room left for Backstory.'), { name: 'StorageFullError' });
    const fake = fakeBuilder({ remove: async () => Promise.reject(full) });
    const client = connectBuilder(hostOver(background, () => serveBuilder(thread, () => fake.builder)), hooks(), { idleCloseMs: 0 });
    await expect(client.remove(['doc-1'])).rejects.toMatchObject({ name: 'StorageFullError', message: 'Your browser has no room left for Backstory.' });
  });

  it("hands the builder's changes on, and drops one that is malformed", async () => {
    const [background, thread] = portPair();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const heard = hooks();
    let served: ReturnType<typeof serveBuilder> | undefined;
    const client = connectBuilder(hostOver(background, () => (served = serveBuilder(thread, () => fakeBuilder().builder))), heard, { idleCloseMs: 0 });
    await client.ready();
    served!.peer.emit('change', change);
    served!.peer.emit('change', { ...change, generation: 'three' } as never);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('[backstory] malformed change event from the builder'));
    expect(heard.changes).toEqual([change]);
  });

  it('answers a call only once the change it caused has been told to everyone', async () => {
    const [background, thread] = portPair();
    const told: string[] = [];
    const heard = { ...hooks(), onChange: () => new Promise<void>((resolve) => setTimeout(() => resolve(void told.push('told')), 20)) };
    let served: ReturnType<typeof serveBuilder> | undefined;
    const fake = fakeBuilder({
      addDraft: async () => {
        served!.peer.emit('change', change);
        return { ok: true };
      },
    });
    const client = connectBuilder(hostOver(background, () => (served = serveBuilder(thread, () => fake.builder))), heard, { idleCloseMs: 0 });
    await client.addDraft({});
    expect(told).toEqual(['told']);
  });

  it('fails the calls waiting when the thread stops, instead of leaving them hanging', async () => {
    const [background, thread] = portPair();
    const fake = fakeBuilder({ addDraft: () => new Promise(() => undefined) });
    let served: ReturnType<typeof serveBuilder> | undefined;
    const client = connectBuilder(hostOver(background, () => (served = serveBuilder(thread, () => fake.builder))), hooks(), { idleCloseMs: 0 });
    const adding = client.addDraft({});
    await vi.waitFor(() => expect(served).toBeDefined());
    served!.peer.emit('stopped', { reason: 'the offscreen document was closed' });
    await expect(adding).rejects.toThrow('the builder stopped: the offscreen document was closed');
  });

  it('ignores a reply to a call it never made (a stopped service worker’s) and a message that is not one', async () => {
    const [background, thread] = portPair();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const answered = vi.fn();
    const peer = createPeer(background, { answers: {}, onEvent: answered });
    thread.post({ kind: 'reply', id: 'other-life-1', ok: true, value: 1 });
    thread.post({ kind: 'call', id: 7, method: 'ready' });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('[backstory] malformed message between the background and the builder'));
    expect(peer.pending).toBe(0);
    expect(answered).not.toHaveBeenCalled();
  });

  it('refuses a method the builder does not offer', async () => {
    const [background, thread] = portPair();
    createPeer(thread, { answers: { ready: async () => undefined } });
    const peer = createPeer(background, { answers: {} });
    await expect(peer.call('constructor', [])).rejects.toThrow('no such method: constructor');
  });
});

describe('when the thread runs', () => {
  it('starts on the first call, not to ask whether names are being learned', async () => {
    const [background, thread] = portPair();
    const start = vi.fn(() => void serveBuilder(thread, () => fakeBuilder().builder));
    const client = connectBuilder(hostOver(background, start), hooks(), { idleCloseMs: 0 });
    await expect(client.learned()).resolves.toBeUndefined();
    expect(start).not.toHaveBeenCalled();
    await client.ready();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('closes once the builder has been idle a while, and not when a call came meanwhile', async () => {
    vi.useFakeTimers();
    const [background, thread] = portPair();
    const fake = fakeBuilder();
    const host = hostOver(background, () => serveBuilder(thread, () => fake.builder));
    const client = connectBuilder(host, hooks(), { idleCloseMs: 60_000 });
    const ready = client.ready();
    await vi.advanceTimersByTimeAsync(10);
    await ready;
    fake.settle(); // nothing left to do: the builder says so
    await vi.advanceTimersByTimeAsync(30_000);
    const again = client.ready(); // a call before the minute is out
    await vi.advanceTimersByTimeAsync(10);
    await again;
    await vi.advanceTimersByTimeAsync(40_000);
    expect(host.stops).toBe(0);
    fake.settle();
    await vi.advanceTimersByTimeAsync(61_000);
    expect(host.stops).toBe(1);
  });
});
