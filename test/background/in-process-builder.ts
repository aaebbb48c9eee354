/**
 * The builder's thread in a test: the real protocol (lib/builder-thread) over a pair of ports
 * that clone each message and deliver it in a later task, as postMessage does, with the builder
 * served on the other end in the same process.
 */
import type { BuilderHost } from '../../entrypoints/background/builder-host';
import { connectBuilder, type BuilderClient } from '../../lib/builder-thread/client';
import type { ThreadPort } from '../../lib/builder-thread/port';
import type { BuilderEvents, HostAsks } from '../../lib/builder-thread/protocol';
import { serveBuilder } from '../../lib/builder-thread/server';
import { CorpusBuilder, type BuilderDeps } from '../../lib/storage/corpus-builder';

/** Two ends: what one posts, the other hears (cloned, a task later). */
export function portPair(): [ThreadPort, ThreadPort] {
  const heard: [Set<(m: unknown) => void>, Set<(m: unknown) => void>] = [new Set(), new Set()];
  const end = (mine: number): ThreadPort => ({
    post(message) {
      const copy = structuredClone(message);
      setTimeout(() => heard[1 - mine]!.forEach((listen) => listen(copy)), 0);
    },
    listen(handler) {
      heard[mine]!.add(handler);
      return () => void heard[mine]!.delete(handler);
    },
  });
  return [end(0), end(1)];
}

/** A host whose "thread" is `make`'s builder served in process, started on the first call. */
export function inProcessHost(make: (asks: HostAsks & BuilderEvents) => CorpusBuilder): BuilderHost & { served(): CorpusBuilder | undefined } {
  const [background, thread] = portPair();
  let served: CorpusBuilder | undefined;
  return {
    port: background,
    async start() {
      served ??= serveBuilder(thread, make).builder;
    },
    isRunning: () => Promise.resolve(served !== undefined),
    stop: () => Promise.resolve(),
    receive: () => false,
    served: () => served,
  };
}

export type InProcessDeps = Omit<BuilderDeps, keyof HostAsks | keyof BuilderEvents>;

/** The builder client the background has, its builder (`deps`) served in process. */
export function inProcessBuilder(deps: InProcessDeps): (hooks: HostAsks & BuilderEvents) => BuilderClient {
  return (hooks) => connectBuilder(inProcessHost((asks) => new CorpusBuilder({ ...deps, ...asks })), hooks, { idleCloseMs: 0 });
}
