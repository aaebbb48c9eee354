/**
 * Messages to this content script from Backstory's background or popup (`toContent` in
 * lib/messages.ts): only from our own extension, only well-formed, each answered by its one
 * handler. A page cannot reach this listener at all (`runtime.onMessage` only hears the
 * extension), but we check the sender anyway.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { toContent } from '../../lib/messages';
import { answerMessage, parseMessage, type Handlers, type ParsedMessage } from '../../lib/messaging';

export type ToContentHandlers = Handlers<typeof toContent>;

export type ParsedToContent = ParsedMessage<typeof toContent>;

/** The message as one of `toContent`, or null when it is anything else. */
export function parseToContent(message: unknown): ParsedToContent | null {
  return parseMessage(toContent, message) ?? null;
}

export function listenToExtension(ctx: ContentScriptContext, handlers: ToContentHandlers): void {
  const listener = (message: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    // Not ours: leave it to other listeners (returning undefined sends no answer).
    return answerMessage(toContent, handlers, message);
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
