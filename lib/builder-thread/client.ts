/**
 * The background's side of the builder's thread: the builder's methods as calls to it, started
 * on the first call and closed when it has been idle for a while (its matcher and extractor are
 * tens of megabytes a browser need not hold while nobody adds documents). It answers the
 * builder's questions and hands its events on.
 */
import { createPeer } from './peer';
import { BUILDER_METHODS, type BuilderApi, type BuilderEvents, type HostAsks } from './protocol';
import type { ThreadPort } from './port';

/** Where the builder's thread runs: a Worker, or a Worker hosted by Chrome's offscreen document. */
export interface ThreadHost {
  /** Messages to and from the thread; a host delivers a `stopped` event when its thread dies. */
  readonly port: ThreadPort;
  /** Starts the thread unless it runs; resolves once messages can be posted to it. */
  start(): Promise<void>;
  /** Whether a thread runs now (maybe one a stopped service worker started). */
  isRunning(): Promise<boolean>;
  /** Ends the thread. */
  stop(): Promise<void>;
}

/**
 * Closed this long after the builder last said it had nothing left to do: less than the 30 s
 * after which Chrome stops an idle service worker (and Firefox an idle event page), whose timer
 * this is; a longer one would mostly never fire, and the offscreen document would stay open.
 */
export const IDLE_CLOSE_MS = 20_000;

export type BuilderClient = BuilderApi & { dispose(): void };

export function connectBuilder(host: ThreadHost, hooks: HostAsks & BuilderEvents, options: { idleCloseMs?: number } = {}): BuilderClient {
  const idleCloseMs = options.idleCloseMs ?? IDLE_CLOSE_MS;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let lastCall = 0;
  const cancelClose = () => {
    if (closeTimer) clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  const peer = createPeer(host.port, {
    answers: {
      labels: () => hooks.labels(),
      importedReviews: (decisions: Parameters<HostAsks['importedReviews']>[0]) => hooks.importedReviews(decisions),
    },
    onEvent(name, data) {
      if (name === 'change') return hooks.onChange(data as Parameters<BuilderEvents['onChange']>[0]);
      if (name === 'progress') return hooks.onImportProgress(data as Parameters<BuilderEvents['onImportProgress']>[0]);
      if (name === 'stopped') peer.fail(`the builder stopped: ${(data as { reason: string }).reason}`);
      else if (name === 'idle' && idleCloseMs > 0) {
        cancelClose();
        const idleSince = lastCall;
        closeTimer = setTimeout(() => {
          closeTimer = undefined;
          if (peer.pending === 0 && lastCall === idleSince) void host.stop().catch(() => undefined);
        }, idleCloseMs);
      }
    },
  });
  const call = async (method: string, args: unknown[]) => {
    cancelClose();
    lastCall++;
    await host.start();
    return peer.call(method, args);
  };
  const client = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of BUILDER_METHODS) client[method] = (...args) => call(method, args);
  // Nothing learns while no thread runs: the background need not start one to know it.
  client.learned = async () => ((await host.isRunning()) ? call('learned', []) : undefined);
  // Asked for and not waited on: a thread that stopped meanwhile resumes from the journal.
  for (const method of ['kick', 'relabelled'] as const) {
    client[method] = (...args) => call(method, args).catch((error: unknown) => console.warn(`[backstory] builder: ${method} failed`, error));
  }
  return Object.assign(client as unknown as BuilderApi, {
    dispose() {
      cancelClose();
      peer.close();
    },
  });
}
