/**
 * The background's one message listener. Every message is parsed against its schema for the
 * sender's kind (content script or extension page) before any handler sees it; anything else
 * (unknown name, malformed data, a sender that may not send it) is answered with `undefined`
 * and a warning, and changes nothing.
 */
import { browser } from 'wxt/browser';
import { parseContentMessage, parsePageMessage, type ContentMessage, type PageMessage } from '~/lib/message-schemas';
import type { Handlers } from './handlers';
import { originOf, type MessageSender, type Origin } from './senders';

export function registerRouter(handlers: Handlers): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: MessageSender, sendResponse: (response?: unknown) => void) => {
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
  if (origin.kind === 'page') {
    const parsed = parsePageMessage(message);
    return parsed ? answerPage(handlers, parsed) : reject('not a valid page message', message);
  }
  const parsed = parseContentMessage(message);
  return parsed ? answerContent(handlers, parsed, origin) : reject('not a valid content message', message);
}

function answerContent(handlers: Handlers, message: ContentMessage, origin: Extract<Origin, { kind: 'content' }>) {
  switch (message.name) {
    case 'matcher/get':
      return handlers.content['matcher/get'](message.data, origin);
    case 'card/get':
      return handlers.content['card/get'](message.data, origin);
    case 'suppress/add':
      return handlers.content['suppress/add'](message.data, origin);
    // hover card (issue 4)
    case 'reader/open':
      return handlers.content['reader/open'](message.data, origin);
    case 'entity/open':
      return handlers.content['entity/open'](message.data, origin);
    case 'page/recognise':
      return handlers.content['page/recognise'](message.data, origin);
    // --- highlights (issue 6) ---
    case 'highlights/save':
      return handlers.content['highlights/save'](message.data, origin);
    case 'highlights/for-page':
      return handlers.content['highlights/for-page'](message.data, origin);
    case 'highlights/note':
      return handlers.content['highlights/note'](message.data, origin);
    case 'highlights/remove':
      return handlers.content['highlights/remove'](message.data, origin);
    case 'highlights/anchored':
      return handlers.content['highlights/anchored'](message.data, origin);
    // --- lazy page UI (issue 7) ---
    case 'ui/load':
      return handlers.content['ui/load'](message.data, origin);
  }
}

function answerPage(handlers: Handlers, message: PageMessage) {
  switch (message.name) {
    case 'card/get':
      return handlers.page['card/get'](message.data);
    // Popup settings (issue 5)
    case 'settings/get':
      return handlers.page['settings/get'](message.data);
    case 'settings/set-paused':
      return handlers.page['settings/set-paused'](message.data);
    case 'settings/set-site':
      return handlers.page['settings/set-site'](message.data);
    case 'settings/set-suppressed':
      return handlers.page['settings/set-suppressed'](message.data);
    case 'page/recognition':
      return handlers.page['page/recognition'](message.data);
    case 'sources/get':
      return handlers.page['sources/get'](message.data);
    case 'sources/set':
      return handlers.page['sources/set'](message.data);
    // --- highlights (issue 6) ---
    case 'highlights/list':
      return handlers.page['highlights/list'](message.data);
    case 'highlights/update':
      return handlers.page['highlights/update'](message.data);
    case 'highlights/delete':
      return handlers.page['highlights/delete'](message.data);
    case 'highlights/restore':
      return handlers.page['highlights/restore'](message.data);
    case 'highlights/export':
      return handlers.page['highlights/export'](message.data);
    case 'highlights/import':
      return handlers.page['highlights/import'](message.data);
    case 'highlights/open':
      return handlers.page['highlights/open'](message.data);
  }
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
