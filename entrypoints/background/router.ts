/**
 * The background's one message listener, driven by the message tables (`lib/messages.ts`):
 * a content script's message must be one of `contentToBackground`, an extension page's one of
 * `pageToBackground`, parsed against its schema before any handler sees it. Anything else (an
 * unknown name, malformed data, a sender that may not send it) is answered with `undefined` and a
 * warning, and changes nothing.
 */
import { browser } from 'wxt/browser';
import { contentToBackground, pageToBackground } from '../../lib/messages';
import { answerMessage, messageName } from '../../lib/messaging';
import type { Handlers } from './handlers';
import { originOf, type MessageSender } from './senders';

/**
 * `relay`: the builder thread's messages (Chrome's offscreen document relays them), taken before
 * the tables: true when `message` was one, whoever sent it (the relay checks the sender).
 */
export function registerRouter(handlers: Handlers, relay?: (message: unknown, sender: MessageSender) => boolean): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: MessageSender, sendResponse: (response?: unknown) => void) => {
      if (relay?.(message, sender)) {
        sendResponse({ ok: true });
        return undefined;
      }
      answer(handlers, message, sender).then(sendResponse, (error: unknown) => {
        console.warn('[backstory] message failed', nameOf(message), error);
        sendResponse(undefined);
      });
      // Keep the channel open for the asynchronous answer (works the same with and without
      // webextension-polyfill, unlike returning a promise).
      return true;
    },
  );
}

async function answer(handlers: Handlers, message: unknown, sender: MessageSender): Promise<unknown> {
  const origin = originOf(sender);
  if (!origin) return reject('sender not allowed', message);
  const [own, other] = origin.kind === 'page' ? [pageToBackground, contentToBackground] : [contentToBackground, pageToBackground];
  const answered =
    origin.kind === 'page'
      ? answerMessage(pageToBackground, handlers.page, message)
      : answerMessage(contentToBackground, handlers.content, message, origin);
  if (answered) return answered;
  if (messageName(own, message)) return reject('malformed', message);
  return reject(messageName(other, message) ? `not for a ${origin.kind === 'page' ? 'page' : 'content script'}` : 'unknown', message);
}

function reject(reason: string, message: unknown): undefined {
  console.warn(`[backstory] rejected message (${reason})`, nameOf(message));
  return undefined;
}

/** The message's name for the log, bounded: never log what a page sent in full. */
function nameOf(message: unknown): string {
  const name = typeof message === 'object' && message !== null ? (message as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name.slice(0, 40) : typeof message;
}
