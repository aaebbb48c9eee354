/**
 * The one channel between the background and the builder's thread, whatever carries it: a
 * Worker's `postMessage` (Firefox's event page, the offscreen document in Chrome, the tests'
 * MessageChannel) or the runtime messages the service worker exchanges with the offscreen
 * document. Messages are structured-cloneable plain data (JSON-safe, for the runtime relay).
 */
export interface ThreadPort {
  post(message: unknown): void;
  /** Calls `handler` with every message that arrives; returns the way to stop. */
  listen(handler: (message: unknown) => void): () => void;
}

/** What a Worker, a worker's global scope and a MessagePort have in common. */
export interface PostTarget {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export function postTargetPort(target: PostTarget): ThreadPort {
  return {
    post: (message) => target.postMessage(message),
    listen(handler) {
      const listener = (event: MessageEvent) => handler(event.data);
      target.addEventListener('message', listener);
      return () => target.removeEventListener('message', listener);
    },
  };
}
