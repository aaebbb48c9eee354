/**
 * Where the builder's thread runs (lib/builder-thread/client.ts's ThreadHost): a dedicated
 * Worker, created by the background where it can (Firefox's event page), else by Chrome's
 * offscreen document (reason WORKERS), whose messages the router hands to `receive`.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ThreadHost } from '../../lib/builder-thread/client';
import { BUILDER_WORKER_SCRIPT, FROM_THREAD, OFFSCREEN_PAGE, relayed, relayEnvelope, THREAD_PORT, TO_THREAD } from '../../lib/builder-thread/relay';

export interface BuilderHost extends ThreadHost {
  /** A runtime message from the offscreen document, when it is one (the router asks first). */
  receive(message: unknown, sender: Browser.runtime.MessageSender): boolean;
}

type Listener = (message: unknown) => void;

const stopped = (reason: string) => ({ kind: 'event', name: 'stopped', data: { reason } });

export function createBuilderHost(): BuilderHost {
  return typeof Worker === 'function' ? workerHost() : offscreenHost();
}

function listeners() {
  const all = new Set<Listener>();
  return {
    deliver: (message: unknown) => all.forEach((listen) => listen(message)),
    listen(listener: Listener) {
      all.add(listener);
      return () => void all.delete(listener);
    },
  };
}

/** Firefox: the event page's own Worker (it ends with the event page; the journal resumes the import). */
function workerHost(): BuilderHost {
  const heard = listeners();
  let worker: Worker | undefined;
  return {
    port: {
      post(message) {
        if (!worker) throw new Error('the builder is not running');
        worker.postMessage(message);
      },
      listen: heard.listen,
    },
    async start() {
      if (worker) return;
      worker = new Worker(browser.runtime.getURL(BUILDER_WORKER_SCRIPT));
      worker.addEventListener('message', (event: MessageEvent) => heard.deliver(event.data));
      worker.addEventListener('error', (event) => console.warn('[backstory] error in the builder', event.message));
    },
    isRunning: () => Promise.resolve(worker !== undefined),
    async stop() {
      worker?.terminate();
      worker = undefined;
      heard.deliver(stopped('closed while idle'));
    },
    receive: () => false,
  };
}

/** Chrome: a Worker in the offscreen document, which outlives the service worker's restarts. */
function offscreenHost(): BuilderHost {
  const heard = listeners();
  const page = browser.runtime.getURL(OFFSCREEN_PAGE);
  let up = false;
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> = Promise.resolve();
  // The offscreen document's port: messages to and from the builder go through it alone, not to
  // every extension page as runtime messages do; without one (none opened since this service
  // worker started), a runtime message, on which the document opens one.
  let port: Browser.runtime.Port | undefined;
  // The document is gone (closed by the browser, crashed): calls waiting for it fail, the next one starts it again.
  const lost = (reason: string) => {
    up = false;
    heard.deliver(stopped(reason));
  };
  browser.runtime.onConnect.addListener((opened) => {
    if (opened.name !== THREAD_PORT) return;
    if (opened.sender?.id !== browser.runtime.id || opened.sender.url !== page) {
      opened.disconnect();
      return;
    }
    port = opened;
    opened.onMessage.addListener((message: unknown) => heard.deliver(message));
    opened.onDisconnect.addListener(() => {
      // A port this host let go (closing the document while idle) says nothing of the next one.
      if (port !== opened) return;
      port = undefined;
      lost('the offscreen document closed');
    });
  });
  const exists = async () => (await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [page] })).length > 0;
  const create = async () => {
    await stopping;
    if (await exists()) return;
    try {
      await browser.offscreen.createDocument({
        url: OFFSCREEN_PAGE,
        reasons: ['WORKERS'],
        justification: 'Backstory reads the documents you add in a worker, so that reading never slows down pages or its cards.',
      });
    } catch (error) {
      // Another start (a restarted service worker's) created it meanwhile.
      if (!(await exists())) throw error;
    }
  };
  return {
    port: {
      post(message) {
        if (port) {
          port.postMessage(message);
          return;
        }
        browser.runtime.sendMessage(relayEnvelope(TO_THREAD, message)).catch((error: unknown) => lost(String((error as Error)?.message ?? error)));
      },
      listen: heard.listen,
    },
    start() {
      if (up) return Promise.resolve();
      starting ??= create()
        .then(() => void (up = true))
        .finally(() => (starting = undefined));
      return starting;
    },
    async isRunning() {
      return up || (await exists());
    },
    stop() {
      up = false;
      port = undefined;
      stopping = browser.offscreen
        .closeDocument()
        .catch(() => undefined)
        .then(() => heard.deliver(stopped('closed while idle')));
      return stopping;
    },
    receive(message, sender) {
      const relay = relayed(FROM_THREAD, message);
      if (!relay) return false;
      if (sender.id === browser.runtime.id && sender.url === page) heard.deliver(relay.data);
      else console.warn('[backstory] rejected message (builder relay from elsewhere)');
      return true;
    },
  };
}
