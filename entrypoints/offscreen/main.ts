/**
 * Chrome's offscreen document (reason WORKERS): it only hosts the builder's Worker and passes
 * messages between it and the service worker, which cannot create a Worker itself. Nothing of
 * the builder runs on this document's thread, which Chrome shares with the popup and the other
 * extension pages.
 */
import { browser, type Browser } from 'wxt/browser';
import { BUILDER_WORKER_SCRIPT, FROM_THREAD, relayed, relayEnvelope, THREAD_PORT, TO_THREAD } from '../../lib/builder-thread/relay';

const worker = new Worker(browser.runtime.getURL(BUILDER_WORKER_SCRIPT));

/** The port to the service worker, while one is open. */
let port: Browser.runtime.Port | undefined;

function openPort(): Browser.runtime.Port {
  const opened = browser.runtime.connect({ name: THREAD_PORT });
  opened.onMessage.addListener((message: unknown) => worker.postMessage(message));
  // The service worker was stopped: the builder's next message goes as a runtime message, which
  // starts it again, and the next one from it opens a port again.
  opened.onDisconnect.addListener(() => {
    if (port === opened) port = undefined;
  });
  return opened;
}

worker.addEventListener('message', (event: MessageEvent) => {
  if (port) {
    port.postMessage(event.data);
    return;
  }
  // Chrome starts the service worker for it when it was stopped.
  void browser.runtime.sendMessage(relayEnvelope(FROM_THREAD, event.data)).catch(() => undefined);
});

/** Only the service worker speaks to the builder: no tab, our extension, its script. */
function fromServiceWorker(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !sender.tab && (sender.url === undefined || sender.url === browser.runtime.getURL('/background.js'));
}

browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (response?: unknown) => void) => {
  const relay = relayed(TO_THREAD, message);
  if (!relay || !fromServiceWorker(sender)) return undefined;
  worker.postMessage(relay.data);
  // The service worker has no port to this document (it started since): it gets one now.
  port ??= openPort();
  sendResponse({ ok: true });
  return undefined;
});
